#!/usr/bin/env bash
# Measures `readout watch` over local fixture feeds (no network): one --once run over N items (items/s), then
# a run killed with kill -9 after KILL_AFTER seconds and restarted, counting items missed and repeated.
#   scripts/bench/watch-bench.sh [SOURCE.jsonl[.gz]] [ITEMS] [FEEDS] [KILL_AFTER]
# Defaults: ../shared/corpus/bulk/whitehouse.jsonl.gz, 1000 items in 10 feeds, kill after 20 s. Port: $BENCH_PORT (18080).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source="${1:-$here/../shared/corpus/bulk/whitehouse.jsonl.gz}"
items="${2:-1000}"; feeds="${3:-10}"; kill_after="${4:-20}"; port="${BENCH_PORT:-18080}"
work="$(mktemp -d /tmp/readout-watch-bench.XXXXXX)"
python3 "$here/scripts/bench/watch-fixtures.py" "$source" "$work/site" --items "$items" --feeds "$feeds" --port "$port"
python3 -m http.server "$port" --bind 127.0.0.1 -d "$work/site" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
"$here/readout" --help > /dev/null   # build first, so the timings do not include it

count() { python3 - "$1" "$2" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda s: c.execute(s).fetchone()[0]
items = int(sys.argv[2])
stored = q("SELECT count(*) FROM feed_items WHERE state = 'stored'")
docs, uris = q("SELECT count(*) FROM documents"), q("SELECT count(DISTINCT uri) FROM documents")
print(f"items in the feeds {items}; marked stored {stored}; reports {docs} for {uris} pages; "
      f"missed {items - stored}; repeated (a page stored twice) {docs - uris}")
PY
}

echo "== one run over $items items"
start=$(date +%s.%N)
"$here/readout" --db "$work/once.db" watch --once --per-host 0 --feeds "$work/site/feeds.txt" > "$work/once.out" 2> "$work/once.err" || true
end=$(date +%s.%N)
tail -1 "$work/once.out"
python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{int(sys.argv[3])} items in {s:.1f} s: {int(sys.argv[3])/s:.1f} items/s (whole process, start-up included)')" "$start" "$end" "$items"
count "$work/once.db" "$items"

echo "== kill -9 after ${kill_after} s, then restart"
: > "$work/server.log"
"$here/readout" --db "$work/killed.db" watch --once --per-host 0 --feeds "$work/site/feeds.txt" > "$work/killed.out" 2>&1 &
watcher=$!
sleep "$kill_after"
kill -9 "$watcher"; wait "$watcher" 2>/dev/null || true
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('stored before the kill:', c.execute('SELECT count(*) FROM documents').fetchone()[0])" "$work/killed.db"
"$here/readout" --db "$work/killed.db" watch --once --per-host 0 --feeds "$work/site/feeds.txt" > "$work/restart.out" 2> "$work/restart.err" || true
tail -1 "$work/restart.out"
count "$work/killed.db" "$items"
python3 - "$work/server.log" <<'PY'
import collections, re, sys
hits = collections.Counter(m.group(1) for m in re.finditer(r'"GET (/pages/\S+) HTTP', open(sys.argv[1]).read()))
again = {p: n for p, n in hits.items() if n > 1}
print(f"pages fetched: {len(hits)}; fetched more than once: {len(again)} {sorted(again)[:5]} (the page being read at the kill is read again; it was never stored)")
PY
echo "work folder: $work"
