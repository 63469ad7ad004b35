# Start a throw-away PostgreSQL for the store tests and export CSTO_MAP_TEST_PG_URL.
#
#   source .ci/postgres.sh      # sets CSTO_MAP_TEST_PG_URL in the calling shell
#   bash .ci/postgres.sh        # just prints the URL
#   csto_pg_stop                # (after sourcing) stops the cluster and removes its folder
#
# Installs Debian's postgresql when initdb is missing, makes a cluster in a temp folder owned
# by the unprivileged user `postgres` (or the current user when not root), listening only on
# 127.0.0.1:${CSTO_MAP_PG_PORT:-54329} (the next free port when that one is taken), trust auth,
# and a database cstomap_test. Written to be sourced: it never exits the calling shell.

_csto_pg_main() {
    local port="${CSTO_MAP_PG_PORT:-54329}" user=cstomap db=cstomap_test bindir owner dir
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
        echo "postgres.sh: installing Debian's postgresql" >&2
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq >&2 || return 1
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2 || return 1
        bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
    fi
    owner="$(id -un)"
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || return 1
        owner=postgres
    fi
    while _csto_pg_port_busy "$port"; do port=$((port + 1)); done
    dir="$(mktemp -d "${TMPDIR:-/tmp}/csto-pg.XXXXXX")" || return 1
    chown "$owner" "$dir" 2>/dev/null
    _csto_pg_as "$owner" "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    _csto_pg_as "$owner" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 \
        || { cat "$dir/server.log" >&2; return 1; }
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" || return 1
    CSTO_MAP_PG_DIR="$dir"
    CSTO_MAP_PG_BIN="$bindir"
    CSTO_MAP_PG_OWNER="$owner"
    export CSTO_MAP_TEST_PG_URL="postgresql+psycopg://$user@127.0.0.1:$port/$db"
    echo "$CSTO_MAP_TEST_PG_URL"
}

_csto_pg_port_busy() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

_csto_pg_as() {
    local owner="$1"
    shift
    if [ "$owner" = "$(id -un)" ]; then
        "$@"
    else
        su "$owner" -s /bin/sh -c '"$0" "$@"' -- "$@"
    fi
}

csto_pg_stop() {
    [ -n "${CSTO_MAP_PG_DIR:-}" ] || return 0
    _csto_pg_as "$CSTO_MAP_PG_OWNER" "$CSTO_MAP_PG_BIN/pg_ctl" -D "$CSTO_MAP_PG_DIR/data" -m fast stop >&2
    rm -rf "$CSTO_MAP_PG_DIR"
    unset CSTO_MAP_PG_DIR CSTO_MAP_TEST_PG_URL
}

_csto_pg_main
