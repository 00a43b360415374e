#!/usr/bin/env bash
# Set up .venv/ (when missing or when pyproject.toml changed), then run Reader or its tests.
#   ./reader.sh [PATH|URL ...]     open Reader (the bundled sample article when no argument)
#   ./reader.sh test [PYTEST ARGS]   run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

venv=.venv
stamp="$venv/.installed"
log="$venv/install.log"
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "reader.sh: installing Reader and its test tools into $venv/ (the log is $log)" >&2
  python3 -m venv "$venv"
  # pip and setuptools talk a lot (an editable install always warns); keep it in the log.
  if ! { "$venv/bin/python" -m pip install --upgrade pip &&
         "$venv/bin/python" -m pip install -e '.[test,dev]'; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "reader.sh: the install failed; the whole log is $log" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi

if [ "${1:-}" = test ]; then
  shift
  export QT_QPA_PLATFORM=offscreen
  exec "$venv/bin/python" -m pytest "$@"
fi
exec "$venv/bin/reader-app" "$@"
