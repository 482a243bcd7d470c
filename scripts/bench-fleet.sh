#!/usr/bin/env bash
# Throughput of the worker fleet against one SQLite process, on the same input.
#   scripts/bench-fleet.sh [COUNT] [INPUT.jsonl.gz]    (default: the first 2000 White House documents)
# Starts PostgreSQL and RabbitMQ (scripts/services/start-*.sh) if they are not running, and stops on exit the
# ones it started. For each of 1, 2 and 4 workers: a fresh
# schema and queue, the reports published first (not timed), then the workers started together; the time
# runs from their start until the database holds every report. Prints reports/s side by side, with the
# load average before each run (other processes on the machine slow every figure alike).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/services/env.sh"
started=()
for service in postgres rabbitmq; do
  out="$(bash "$here/scripts/services/start-$service.sh")"; echo "$out" >&2
  case "$out" in *"already running"*) ;; *) started+=("$service") ;; esac
done
stop_started() { for service in "${started[@]}"; do bash "$here/scripts/services/stop-$service.sh" >/dev/null || true; done; }
count="${1:-2000}"
src="${2:-$here/../shared/corpus/bulk/whitehouse.jsonl.gz}"
work="$(mktemp -d)"
trap 'rm -rf "$work"; stop_started' EXIT
input="$work/input.jsonl"
zcat -f "$src" | head -n "$count" >"$input" || true   # head closing the pipe early is not a failure
[ -s "$input" ] || { echo "error RO1009 $src: no input read" >&2; exit 1; }
readout() { "$here/readout" "$@"; }
readout --help >/dev/null   # builds the Release CLI once, outside the timings
psql_() { PGOPTIONS="-c client_min_messages=warning" psql "host=127.0.0.1 port=$READOUT_PG_PORT user=readout dbname=readout" -qtAX -c "$1"; }
now() { date +%s.%N; }
rate() { python3 -c "import sys; n,t=int(sys.argv[1]),float(sys.argv[3])-float(sys.argv[2]); print(f'{t:8.1f} s {n/t:8.1f} reports/s')" "$1" "$2" "$3"; }
load() { cut -d' ' -f1 /proc/loadavg; }

echo "input: $(wc -l <"$input") records of $(basename "$src"), $(du -h "$input" | cut -f1); $(nproc) cores"
l=$(load); t0=$(now)
readout --db "$work/single.db" ingest --max-size 200 "$input" >"$work/single.out" 2>&1 || [ $? -eq 2 ]   # 2: some reports failed, the rest stored
t1=$(now)
docs=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from documents').fetchone()[0])" "$work/single.db")
[ "$docs" -gt 0 ] || { cat "$work/single.out" >&2; exit 1; }
printf '%-34s %s   (load before: %s)\n' "sqlite, one process:" "$(rate "$docs" "$t0" "$t1")" "$l"

for n in 1 2 4; do
  schema="bench_$$_$n"; queue="bench.$$.$n"
  db="$READOUT_TEST_POSTGRES;Search Path=$schema"
  psql_ "DROP SCHEMA IF EXISTS $schema CASCADE"
  readout --db "$db" events >/dev/null            # creates the schema and tables
  readout ingest --max-size 200 --queue "$READOUT_TEST_AMQP" --queue-name "$queue" "$input" >/dev/null || [ $? -eq 2 ]
  l=$(load); t0=$(now); pids=()
  for _ in $(seq 1 "$n"); do
    readout worker --db "$db" --queue "$READOUT_TEST_AMQP" --queue-name "$queue" --exit-when-idle 2 >>"$work/workers-$n.out" 2>&1 &
    pids+=($!)
  done
  while [ "$(psql_ "SELECT count(*) FROM $schema.documents")" -lt "$docs" ]; do sleep 0.2; done
  t1=$(now)
  wait "${pids[@]}"
  printf '%-34s %s   (load before: %s)\n' "postgres + rabbitmq, $n worker(s):" "$(rate "$docs" "$t0" "$t1")" "$l"
  psql_ "DROP SCHEMA $schema CASCADE"
done
