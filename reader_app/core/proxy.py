"""Which http proxy a request goes through: the environment's, except for this machine."""

from __future__ import annotations

import base64
import ipaddress
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from urllib.request import getproxies_environment


@dataclass(frozen=True)
class Proxy:
    """An http proxy: where it is and the headers it wants (credentials)."""

    host: str
    port: int
    headers: dict[str, str]


def find_proxy(scheme: str, host: str) -> Proxy | None:
    """The http proxy the environment (``https_proxy``, ``http_proxy``, ``no_proxy``) names.

    Hosts on this machine are always reached directly, as browsers do.
    """
    if host == "localhost" or _is_loopback(host):
        return None
    proxies = getproxies_environment()
    address = proxies.get(scheme)
    if not address or _bypassed(host, proxies.get("no", "")):
        return None
    try:
        parts = urlsplit(address if "://" in address else f"http://{address}")
        port = parts.port or 80
    except ValueError:
        return None
    if parts.scheme != "http" or not parts.hostname:
        return None
    headers = {}
    if parts.username is not None:
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        token = base64.b64encode(credentials.encode()).decode("ascii")
        headers["Proxy-Authorization"] = f"Basic {token}"
    return Proxy(parts.hostname, port, headers)


def _bypassed(host: str, no_proxy: str) -> bool:
    """True when ``no_proxy`` ("example.org,.local,*") names ``host`` or a domain above it."""
    for entry in no_proxy.replace(" ", ",").split(","):
        name = entry.strip().lstrip(".").rsplit(":", 1)[0].lower()
        if name == "*" or (name and (host == name or host.endswith("." + name))):
            return True
    return False


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
