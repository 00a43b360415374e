#!/usr/bin/env bash
# Set up .venv/ (when missing or when pyproject.toml changed), then run Reader or its tests.
#   ./reader.sh [PATH|URL ...]     open Reader (the bundled sample article when no argument)
#   ./reader.sh test [PYTEST ARGS]   run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

venv=.venv
stamp="$venv/.installed"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e '.[test,dev]'
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = test ]; then
  shift
  export QT_QPA_PLATFORM=offscreen
  exec "$venv/bin/python" -m pytest "$@"
fi
exec "$venv/bin/reader-app" "$@"
