#!/usr/bin/env bash
# Set-up and the two everyday commands, on a fresh machine or an old checkout.
#
#   bash scripts/dev.sh run    # install, then serve the map on http://127.0.0.1:8050 (SQLite, seeds ingested)
#   bash scripts/dev.sh test   # install, start a throw-away PostgreSQL, install Chromium, run the tests
#
# Installs into .venv with uv (itself installed with pip when missing). Never downloads a
# Python build (UV_PYTHON_DOWNLOADS=never): the machine's python3 (>= 3.11) is used.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never

setup() {
    if ! command -v uv >/dev/null 2>&1; then
        python3 -m pip install --quiet uv || python3 -m pip install --quiet --user uv
        export PATH="$HOME/.local/bin:$PATH"
    fi
    [ -x .venv/bin/python ] || uv venv --quiet .venv -p python3
    uv pip install --quiet -p .venv -e ".[dev]"
}

case "${1:-}" in
    run)
        setup
        shift
        exec .venv/bin/csto-map serve "$@"
        ;;
    test)
        setup
        shift
        # real PostgreSQL for the store tests, Debian's Chromium for the browser tests
        # shellcheck disable=SC1091
        source .ci/postgres.sh >/dev/null || echo "dev.sh: PostgreSQL could not be started; its tests will skip" >&2
        bash .ci/browser.sh >/dev/null || echo "dev.sh: Chromium could not be installed; browser tests will skip" >&2
        status=0
        .venv/bin/python -m pytest "$@" || status=$?
        if declare -F csto_pg_stop >/dev/null; then csto_pg_stop || true; fi
        exit "$status"
        ;;
    *)
        echo "usage: bash scripts/dev.sh run|test [args]" >&2
        exit 2
        ;;
esac
