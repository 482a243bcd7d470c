#!/usr/bin/env bash
# Stops the PostgreSQL server started by start-postgres.sh (its data stays in .services/postgres).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
data="$READOUT_SERVICES_DIR/postgres"
if [ -f "$data/postmaster.pid" ]; then
  as_user postgres "$pg_bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null && echo "postgres: stopped"
else
  echo "postgres: not running"
fi
