#!/usr/bin/env bash
# Issue 13's yardstick: a whole `readout ingest` of a JSON Lines corpus into a fresh SQLite store, beside
# wink-nlp's full English pipeline (npm wink-nlp + wink-eng-lite-web-model: tokens, sentences, entities, POS)
# on the same texts, in one run. Prints, for each: documents/s and MB/s (UTF-8 bytes of the texts), the peak
# resident set, and the ratio Readout / wink-nlp.
#   scripts/bench-ingest.sh                      # the Reuters corpus (../shared/corpus/bulk/reuters21578.jsonl.gz)
#   scripts/bench-ingest.sh --whitehouse         # also whitehouse.jsonl (141 MB)
#   scripts/bench-ingest.sh FILE.jsonl[.gz]...   # other corpora
# wink-nlp is installed under .tools/wink (git-ignored) on first use. Readout is built in Release by ./readout
# before anything is timed. The machine's load is printed with the figures: they mean little on a busy machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bulk="../shared/corpus/bulk"
inputs=()
for a in "$@"; do
  case "$a" in
    --whitehouse) inputs+=("$bulk/reuters21578.jsonl.gz" "$bulk/whitehouse.jsonl.gz") ;;
    *) inputs+=("$a") ;;
  esac
done
[ ${#inputs[@]} -gt 0 ] || inputs=("$bulk/reuters21578.jsonl.gz")
# keep the order, drop repeats
mapfile -t inputs < <(printf '%s\n' "${inputs[@]}" | awk '!seen[$0]++')

if [ ! -d .tools/wink/node_modules/wink-eng-lite-web-model ]; then
  echo "bench-ingest: installing wink-nlp and wink-eng-lite-web-model into .tools/wink" >&2
  mkdir -p .tools/wink
  (cd .tools/wink && [ -f package.json ] || npm init -y >/dev/null) 
  (cd .tools/wink && npm install --no-audit --no-fund wink-nlp wink-eng-lite-web-model >/dev/null)
fi
./readout --help >/dev/null   # builds the CLI in Release if needed, outside the timing

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
peak() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
echo "bench-ingest: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)"
for input in "${inputs[@]}"; do
  name="$(basename "$input")"
  # the texts' size and count, as wink-nlp measures them, without timing anything
  read -r docs bytes < <(node -e '
    const fs=require("fs"),zlib=require("zlib"),rl=require("readline");let s=fs.createReadStream(process.argv[1]);
    if(process.argv[1].endsWith(".gz")) s=s.pipe(zlib.createGunzip());
    let d=0,b=0;rl.createInterface({input:s,crlfDelay:Infinity}).on("line",l=>{if(!l.trim())return;d++;b+=Buffer.byteLength(JSON.parse(l).text||"","utf8");}).on("close",()=>console.log(d,b));' "$input")
  db="$work/bench.db"; rm -f "$db"*
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/readout.time" ./readout --db "$db" ingest "$input" > "$work/readout.out" 2> "$work/readout.err" || true
  end=$(date +%s.%N)
  rs=$(echo "$end - $start" | bc -l)
  summary="$(tail -1 "$work/readout.out")"
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$work/wink.time" node scripts/bench/wink-bench.js "$input" > "$work/wink.out"
  end=$(date +%s.%N)
  ws=$(echo "$end - $start" | bc -l)
  awk -v name="$name" -v docs="$docs" -v bytes="$bytes" -v rs="$rs" -v ws="$ws" -v rr="$(peak "$work/readout.time")" -v wr="$(peak "$work/wink.time")" -v summary="$summary" 'BEGIN {
    mb = bytes / 1048576
    printf "%s: %d documents, %.2f MB of text\n", name, docs, mb
    printf "  readout ingest  %8.2f s  %8.1f documents/s  %6.3f MB/s  peak RSS %5d MB   (%s)\n", rs, docs / rs, mb / rs, rr, summary
    printf "  wink-nlp        %8.2f s  %8.1f documents/s  %6.3f MB/s  peak RSS %5d MB\n", ws, docs / ws, mb / ws, wr
    printf "  ratio readout / wink-nlp: %.2f\n", ws / rs
  }'
  errors=$(grep -c '^error' "$work/readout.err" || true)
  echo "  readout errors: $errors"
  { grep '^error' "$work/readout.err" || true; } | cut -c1-200 | head -5 | sed 's/^/    /'
done
