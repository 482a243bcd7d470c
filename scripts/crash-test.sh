#!/usr/bin/env bash
# Crash safety: ingests COUNT documents into SQLite once without interruption, then POINTS times more,
# each time killing the ingest with SIGKILL at a random moment and resuming it to the end; every
# resumed store must export exactly the records, statements and figures of the uninterrupted one, and
# pass PRAGMA integrity_check. Prints one line per point and a summary; exit 0 only when all agree.
#   scripts/crash-test.sh [POINTS] [COUNT] [SEED]     (default 20 points, 3,000 documents, seed 12)
# The documents are the first of ../shared/corpus/bulk (five Reuters articles for each White House one).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
points="${1:-20}"; count="${2:-3000}"; seed="${3:-12}"
bulk="${READOUT_CORPUS:-$here/../shared/corpus}/bulk"
work="$(mktemp -d -t readout-crash-XXXXXX)"
trap 'rm -rf "$work"' EXIT
RANDOM="$seed"
"$here/readout" --help >/dev/null   # build once, outside the timings
readout=("$here/readout")   # the launcher runs the built CLI in its own process (exec): a kill reaches it

wh=$((count / 6)); rt=$((count - wh))
# (head closes the pipe early: zcat's SIGPIPE is expected, not a failure)
{ zcat "$bulk/reuters21578.jsonl.gz" | head -n "$rt" || true; zcat "$bulk/whitehouse.jsonl.gz" | head -n "$wh" || true; } > "$work/input.jsonl"

snapshot() {   # the store's content, in an order that does not depend on when things were written
  local db="$1" out="$2"
  "${readout[@]}" --db "$db" export --format jsonl --out "$out.i" 2>/dev/null
  "${readout[@]}" --db "$db" export --format jsonl --what statements --out "$out.s" 2>/dev/null
  "${readout[@]}" --db "$db" export --format jsonl --what figures --out "$out.f" 2>/dev/null
  sort "$out.i" "$out.s" "$out.f" | sha256sum | cut -d' ' -f1
}
integrity() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$1"; }

start=$(date +%s%N)
"${readout[@]}" --db "$work/clean.db" ingest "$work/input.jsonl" > "$work/clean.log" 2>&1 || true
full=$(python3 -c "print(round(($(date +%s%N) - $start) / 1e9, 1))")
reference=$(snapshot "$work/clean.db" "$work/clean")
echo "uninterrupted: $(tail -n 1 "$work/clean.log") in ${full%.*} s; content $reference"

same=0; ok=0; kills=0
for i in $(seq 1 "$points"); do
  db="$work/run-$i.db"
  # within the first 60% of the uninterrupted time, so that a run that goes faster (a less busy machine) is still killed
  delay=$(python3 -c "import random; random.seed($seed * 1000 + $i); print(round(random.uniform(0.5, max(1.0, $full * 0.6)), 2))")
  "${readout[@]}" --db "$db" ingest "$work/input.jsonl" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed="killed at ${delay} s"; kills=$((kills + 1)); else killed="finished before ${delay} s"; fi
  wait "$pid" 2>/dev/null || true
  "${readout[@]}" --db "$db" ingest "$work/input.jsonl" > "$work/resume-$i.log" 2>&1 || true
  got=$(snapshot "$db" "$work/run-$i")
  check=$(integrity "$db")
  [ "$got" = "$reference" ] && same=$((same + 1)) && verdict=identical || verdict=DIFFERENT
  [ "$check" = "ok" ] && ok=$((ok + 1))
  echo "point $i: $killed; resumed: $(tail -n 1 "$work/resume-$i.log"); $verdict; integrity $check"
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "crash test: $same of $points identical to the uninterrupted run, integrity ok in $ok of $points, $kills of $points killed before the end ($count documents)"
[ "$same" = "$points" ] && [ "$ok" = "$points" ]
