#!/usr/bin/env bash
# Build Reader as a one-folder application, dist/reader-app/, with PyInstaller, then smoke-test
# it offscreen with an empty environment (no Python around it): `extract` of the bundled sample
# prints the article and a `--screenshot` run writes a PNG. Prints the build time and size.
#   packaging/build_bundle.sh        uses .venv (set up by ./reader.sh when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

python=.venv/bin/python
if [ ! -x "$python" ]; then
  ./reader.sh --version >/dev/null
fi
"$python" -m pip install --quiet "pyinstaller>=6.10"

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level ERROR \
  --distpath dist --workpath build/pyinstaller packaging/reader.spec
built=$(( $(date +%s) - start ))
root=$(pwd)
app="$root/dist/reader-app/reader-app"

sample=$(find "$root/dist/reader-app" -path '*/reader_app/resources/sample/*' -name '*.html' | head -n 1)
if [ -z "$sample" ]; then
  echo "build_bundle: the bundle carries no sample article" >&2
  exit 1
fi
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
run() {
  (cd "$check" && env -i HOME="$check" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    ${XDG_DATA_HOME:+XDG_DATA_HOME="$XDG_DATA_HOME"} \
    ${XDG_CONFIG_HOME:+XDG_CONFIG_HOME="$XDG_CONFIG_HOME"} "$app" "$@")
}

words=$(run extract "$sample" | wc -w)
if [ "$words" -lt 100 ]; then
  echo "build_bundle: extract printed $words words of the sample" >&2
  exit 1
fi
if ! run "$sample" --screenshot "$check/shot.png" 2>"$check/stderr" ||
   [ "$(head -c 8 "$check/shot.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ]; then
  cat "$check/stderr" >&2
  echo "build_bundle: the --screenshot run wrote no PNG" >&2
  exit 1
fi

XDG_DATA_HOME="$check/data" XDG_CONFIG_HOME="$check/config" run --install-desktop >/dev/null
if ! grep -qxF "Exec=$app %U" "$check/data/applications/io.github.reader_app.Reader.desktop"; then
  echo "build_bundle: --install-desktop did not point the launcher at the bundle" >&2
  exit 1
fi

echo "bundle: dist/reader-app/reader-app (built in ${built}s)"
echo "smoke test: extract printed $words words; --screenshot wrote $(stat -c %s "$check/shot.png") bytes"
echo "size: $(du -sh dist/reader-app | cut -f1) on disk," \
  "$(tar -C dist -czf - reader-app | wc -c | awk '{printf "%.0f MB", $1 / 1e6}') as .tar.gz"
