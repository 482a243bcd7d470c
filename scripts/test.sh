#!/usr/bin/env bash
# The test suite in one command: starts the PostgreSQL and RabbitMQ servers the store, worker-fleet and API
# tests need (on the ports of scripts/services/env.sh; set READOUT_PG_PORT, READOUT_AMQP_PORT and
# READOUT_SERVICES_DIR first to use others), runs `dotnet test` on the solution with any arguments given
# (e.g. --filter Reviews), and stops the servers afterwards, also when the tests fail or are interrupted.
# A whole run (no arguments) then builds the native CLI users run (./readout) and runs the tests that start the CLI
# as a process (ingest, export, watch, serve, workers, crash safety) again against it; --native runs only that part.
# Run scripts/setup.sh --tests once first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/services/env.sh
stop() { bash scripts/services/stop-rabbitmq.sh || true; bash scripts/services/stop-postgres.sh || true; }
trap stop EXIT
bash scripts/services/start-postgres.sh
bash scripts/services/start-rabbitmq.sh
native=0 whole=0
if [ "${1:-}" = "--native" ]; then native=1; shift; elif [ $# -eq 0 ]; then native=1 whole=1; fi
[ "$native" -eq 1 ] && [ "$whole" -eq 0 ] && [ $# -gt 0 ] && { echo "test: --native takes no other arguments" >&2; exit 1; }
if [ "$native" -eq 0 ] || [ "$whole" -eq 1 ]; then dotnet test Readout.slnx --nologo "$@"; fi
if [ "$native" -eq 1 ]; then
  ./readout --help >/dev/null
  if [ "$(cat .build/readout/.built)" != native ]; then
    echo "test: ./readout built for the JIT here (no clang, or not linux-x64): the process tests ran against that build only" >&2
    exit 0
  fi
  echo "test: the process tests again, against the native CLI (.build/readout/readout)" >&2
  [ "$whole" -eq 1 ] || dotnet build tests/Readout.Tests --nologo -v quiet >/dev/null
  READOUT_TEST_CLI="$PWD/.build/readout/readout" dotnet test Readout.slnx --nologo --no-build \
    --filter "FullyQualifiedName~Readout.Tests.EndToEnd|FullyQualifiedName~WorkerFleetTests|FullyQualifiedName~ServeCommandTests|FullyQualifiedName~Issue12CrashSafetyTests"
fi
