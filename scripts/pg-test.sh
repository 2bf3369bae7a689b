#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests and benchmarks, and stops it on exit.
#
#   scripts/pg-test.sh                 start, print the URL, serve until Ctrl-C
#   scripts/pg-test.sh CMD [ARGS...]   start, run CMD with MARSAD_TEST_PG=<url>, stop;
#                                      exits with CMD's status
#
# Installs nothing: it needs Debian's `postgresql` package (initdb and pg_ctl under
# /usr/lib/postgresql/<version>/bin). The cluster lives in a temporary directory, listens
# on 127.0.0.1 only, on a free port, trusts local connections, and is deleted on exit.
# initdb refuses to run as root, so as root the server runs as the `postgres` user the
# package creates (or a `marsad-ci` user made here when that is missing).
set -euo pipefail

log() { printf 'pg-test: %s\n' "$*" >&2; }

bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && bindir="$d" # the glob sorts, so the newest version wins
done
if [ -z "$bindir" ]; then
    log "no PostgreSQL server found under /usr/lib/postgresql; install Debian's postgresql package"
    exit 2
fi

as_owner=()
if [ "$(id -u)" = 0 ]; then
    owner=postgres
    if ! id -u "$owner" >/dev/null 2>&1; then
        owner=marsad-ci
        id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    as_owner=(runuser -u "$owner" --)
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/marsad-pg.XXXXXX")"
chmod 700 "$dir"
[ ${#as_owner[@]} -gt 0 ] && chown "$owner" "$dir"
data="$dir/data"
logfile="$dir/server.log"

sleeper=""
stop() {
    if [ -n "$sleeper" ]; then kill "$sleeper" 2>/dev/null || true; fi
    if [ -f "$data/postmaster.pid" ]; then
        "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$data" -U marsad --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
}

# A port nobody listens on; pg_ctl may still lose a race for it, so try a few.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

port=""
for _ in 1 2 3 4 5; do
    candidate="$(free_port)"
    # fsync stays on: the worker benchmark measures commits as a real server does them.
    if "${as_owner[@]}" "$bindir/pg_ctl" -D "$data" -l "$logfile" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$candidate -c unix_socket_directories=$dir \
            -c max_connections=100" start >/dev/null 2>&1; then
        port="$candidate"
        break
    fi
done
if [ -z "$port" ]; then
    log "the server did not start; its log:"
    cat "$logfile" >&2 || true
    exit 1
fi

"${as_owner[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U marsad marsad_test
url="postgres://marsad@127.0.0.1:$port/marsad_test"
export MARSAD_TEST_PG="$url"
echo "MARSAD_TEST_PG=$url"

if [ $# -eq 0 ]; then
    log "serving until interrupted (Ctrl-C stops and deletes the server)"
    # `wait` returns on a signal, so the trap runs at once (a foreground sleep would delay it).
    while :; do
        sleep 3600 &
        sleeper=$!
        wait "$sleeper" || true
    done
else
    status=0
    "$@" || status=$?
    exit "$status"
fi
