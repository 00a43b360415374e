#!/usr/bin/env bash
# First run on a fresh Debian 12: a minimal system (debootstrap --variant=minbase) given only the
# packages the README lists, plus Xvfb for a display. There `./reader.sh` must install itself and
# show its window (a --screenshot run on the X server); with libxcb-icccm4 taken away it must
# name that package in one line and exit 2. Needs root, debootstrap and the package registries.
#   packaging/check_fresh_debian.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v debootstrap >/dev/null; then
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi
# The Debian mirror this machine's apt is set up with.
mirror=$({ cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true; } |
  sed -nE 's,^(URIs:|deb) *(\[[^]]*\] *)?(https?://[^ ]*/debian)/? .*$,\3,p; s,^URIs: *(https?://[^ ]*/debian)/?$,\1,p' |
  sed -n 1p)
[ -n "$mirror" ] || { echo "check_fresh_debian: no Debian mirror in apt's sources" >&2; exit 1; }
root=$(mktemp -d /tmp/reader-fresh-debian.XXXXXX)
cleanup() {
  for mount in "$root/root/.cache/pip" "$root/proc" "$root/dev"; do
    mountpoint -q "$mount" && umount "$mount"
  done
  rm -rf "$root"
}
trap cleanup EXIT

start=$(date +%s)
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 ||
  { tail -n 20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
mount --bind /proc "$root/proc"
mount --bind /dev "$root/dev"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# This machine's trust store (it may hold a proxy's authority) and pip's download cache.
cp /etc/ssl/certs/ca-certificates.crt "$root/etc/host-ca-certificates.crt"
mkdir -p "$root/root/.cache/pip" "$HOME/.cache/pip"
mount --bind "$HOME/.cache/pip" "$root/root/.cache/pip"
in_root() {
  chroot "$root" env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    PIP_CERT=/etc/host-ca-certificates.crt DEBIAN_FRONTEND=noninteractive "$@"
}

readme_packages=$(sed -n 's/^ *sudo apt install //p' README.md | head -n 1)
# shellcheck disable=SC2086  # one word per package
in_root apt-get install -y -qq --no-install-recommends $readme_packages xvfb xauth \
  >"$root.log" 2>&1 || { tail -n 20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
mkdir "$root/root/reader"
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$root/root/reader"

in_root sh -c 'cd /root/reader && xvfb-run -a ./reader.sh --screenshot /tmp/shot.png --size 1000x700'
if [ "$(head -c 8 "$root/tmp/shot.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  echo "check_fresh_debian: no window was shown" >&2
  exit 1
fi

in_root dpkg --remove --force-depends libxcb-icccm4 >/dev/null 2>&1
status=0
message=$(in_root sh -c 'cd /root/reader && xvfb-run -a ./reader.sh' 2>&1) || status=$?
if [ "$status" != 2 ] || [ "$(printf '%s\n' "$message" | wc -l)" != 1 ] ||
   ! grep -q "sudo apt install libxcb-icccm4" <<<"$message"; then
  printf 'check_fresh_debian: without libxcb-icccm4 Reader said (exit %s):\n%s\n' \
    "$status" "$message" >&2
  exit 1
fi
echo "fresh Debian 12: the window opened; without libxcb-icccm4: '$message'" \
  "($(( $(date +%s) - start )) s)"
