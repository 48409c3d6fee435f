#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the workspace tests and print its SQLAlchemy URL.
#
#   url=$(.ci/postgres.sh)            # start (installing Debian's postgresql if missing)
#   source .ci/postgres.sh            # the same, and export SKILLGAP_TEST_POSTGRES_URL
#   .ci/postgres.sh stop              # stop it
#
# The server runs as a non-root user (postgres when started by root), listens on 127.0.0.1 only
# (port SKILLGAP_PG_PORT, default 55432) and keeps its files in SKILLGAP_PG_DIR
# (default /tmp/skillgap-pg). Messages go to stderr; the URL is the only line on stdout.

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
    # Sourced: run as a program (leaving the caller's shell options alone) and export the URL.
    SKILLGAP_TEST_POSTGRES_URL=$(bash "${BASH_SOURCE[0]}" "$@") && export SKILLGAP_TEST_POSTGRES_URL
    return $?
fi
set -euo pipefail

pg_dir="${SKILLGAP_PG_DIR:-/tmp/skillgap-pg}"
pg_port="${SKILLGAP_PG_PORT:-55432}"
pg_db="${SKILLGAP_PG_DB:-skillgap_test}"
pg_user=skillgap

say() { echo "postgres.sh: $*" >&2; }

find_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$found" ]]; then
        if [[ $(id -u) -ne 0 ]]; then
            say "PostgreSQL is not installed and installing it needs root (apt-get install postgresql)"
            return 1
        fi
        say "installing Debian's postgresql"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
            || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
        found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$found"
}

# Run a command as the server's owner: ourselves, or the postgres user when we are root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

main() {
    local bin
    bin=$(find_bin)
    if [[ "${1:-start}" == "stop" ]]; then
        if [[ -f "$pg_dir/data/postmaster.pid" ]]; then
            as_owner "$bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >&2
        fi
        return 0
    fi
    if [[ ! -f "$pg_dir/data/PG_VERSION" ]]; then
        mkdir -p "$pg_dir"
        [[ $(id -u) -eq 0 ]] && chown postgres: "$pg_dir"
        chmod 700 "$pg_dir"
        as_owner "$bin/initdb" -D "$pg_dir/data" -U "$pg_user" -A trust -E UTF8 \
            --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
            || { say "initdb failed, see $pg_dir/initdb.log"; return 1; }
    fi
    if ! as_owner "$bin/pg_ctl" -D "$pg_dir/data" status >/dev/null 2>&1; then
        as_owner "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
            -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >&2 \
            || { say "the server did not start, see $pg_dir/server.log"; return 1; }
    fi
    if ! as_owner "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$pg_db'" | grep -q 1; then
        as_owner "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" "$pg_db" >&2
    fi
    echo "postgresql+psycopg://$pg_user@127.0.0.1:$pg_port/$pg_db"
}

main "$@"
