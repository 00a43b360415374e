"""MHTML ("web page, single file") archives: the HTML part and the parts it embeds."""

from __future__ import annotations

import email
import email.policy
from email.message import Message
from types import MappingProxyType

from .errors import LoadError
from .model import RawPage

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Deepest nesting of multipart parts read; real archives nest two or three levels.
MAX_DEPTH = 20


def parse_mhtml(data: bytes) -> RawPage:
    """The archive's first HTML part as a :class:`RawPage`, with the other parts as resources.

    The page's ``url`` is the HTML part's Content-Location; ``resources`` maps each other part's
    Content-Location, and ``cid:<Content-ID>`` when it has one, to the part's decoded bytes.
    Raises :class:`LoadError` when the data holds no HTML part.
    """
    if not data.strip():
        raise LoadError("The MHTML archive is empty.")
    try:
        return _parse(data)
    except RecursionError:
        raise LoadError(
            f"This MHTML archive nests its parts too deeply (more than {MAX_DEPTH} levels)."
        ) from None


def _parse(data: bytes) -> RawPage:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if _depth(message) > MAX_DEPTH:
        raise RecursionError
    page: Message | None = None
    resources: dict[str, bytes] = {}
    for part in message.walk():
        if part.is_multipart():
            continue
        if page is None and part.get_content_type() in _HTML_TYPES:
            page = part
            continue
        body = _payload(part)
        for key in _keys(part):
            resources.setdefault(key, body)
    if page is None:
        raise LoadError("This MHTML archive holds no web page.")
    html = _payload(page)
    if not html.strip():
        raise LoadError("The web page in this MHTML archive is empty.")
    return RawPage(
        data=html,
        url=_header(page, "Content-Location") or _header(message, "Snapshot-Content-Location"),
        charset=_charset(page),
        content_type=page.get_content_type(),
        resources=MappingProxyType(resources),
    )


def _depth(message: Message) -> int:
    """How deeply the parts of ``message`` nest (without recursion)."""
    deepest = 0
    stack = [(message, 1)]
    while stack:
        part, depth = stack.pop()
        deepest = max(deepest, depth)
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list) and depth <= MAX_DEPTH:
            stack.extend((c, depth + 1) for c in payload if isinstance(c, Message))
    return deepest


def _payload(part: Message) -> bytes:
    """The part's body with its transfer encoding (quoted-printable, base64) undone."""
    body = part.get_payload(decode=True)
    return body if isinstance(body, bytes) else b""


def _keys(part: Message) -> list[str]:
    keys = []
    location = _header(part, "Content-Location")
    if location:
        keys.append(location)
    content_id = _header(part, "Content-ID")
    if content_id:
        keys.append("cid:" + content_id.strip("<>"))
    return keys


def _header(part: Message, name: str) -> str | None:
    value = part.get(name)
    if value is None:
        return None
    text = "".join(str(value).split())  # unfold long lines; URLs and ids hold no spaces
    return text or None


def _charset(part: Message) -> str | None:
    charset = part.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231 form: (charset, language, value)
        charset = charset[2]
    if not charset:
        return None
    return str(charset).strip() or None
