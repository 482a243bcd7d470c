#!/usr/bin/env bash
# The test suite in one command: starts the PostgreSQL and RabbitMQ servers the store, worker-fleet and API
# tests need (on the ports of scripts/services/env.sh; set READOUT_PG_PORT, READOUT_AMQP_PORT and
# READOUT_SERVICES_DIR first to use others), runs `dotnet test` on the solution with any arguments given
# (e.g. --filter Reviews), and stops the servers afterwards, also when the tests fail or are interrupted.
# Run scripts/setup.sh --tests once first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/services/env.sh
stop() { bash scripts/services/stop-rabbitmq.sh || true; bash scripts/services/stop-postgres.sh || true; }
trap stop EXIT
bash scripts/services/start-postgres.sh
bash scripts/services/start-rabbitmq.sh
dotnet test Readout.slnx --nologo "$@"
