#!/usr/bin/env bash
# Starts a PostgreSQL server for Readout on 127.0.0.1:$READOUT_PG_PORT with its data under
# .services/postgres (created on first use: user `readout`, trust authentication on loopback only,
# database `readout`). Idempotent: does nothing if it is already running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
  echo "error RO5001 postgres: PostgreSQL is not installed; run scripts/setup.sh" >&2; exit 1
fi
data="$READOUT_SERVICES_DIR/postgres"
mkdir -p "$READOUT_SERVICES_DIR"
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data" && chmod 700 "$data"
  as_user postgres "$pg_bin/initdb" -D "$data" --username=readout --auth=trust --encoding=UTF8 --locale=C >"$READOUT_SERVICES_DIR/postgres-initdb.log"
fi
if as_user postgres "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  echo "postgres: already running on 127.0.0.1:$READOUT_PG_PORT"
else
  as_user postgres "$pg_bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $READOUT_PG_PORT -k $data -c max_connections=200 -c fsync=on" start >/dev/null
fi
for _ in $(seq 1 60); do
  "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$READOUT_PG_PORT" && break
  sleep 0.5
done
if ! "$pg_bin/psql" -h 127.0.0.1 -p "$READOUT_PG_PORT" -U readout -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='readout'" | grep -q 1; then
  "$pg_bin/createdb" -h 127.0.0.1 -p "$READOUT_PG_PORT" -U readout readout
fi
echo "postgres: ready, --db '$READOUT_TEST_POSTGRES'"
