#!/usr/bin/env bash
# Fuzzing: mutates the real corpora (byte flips, truncation, markup, nesting, huge lines, NUL bytes, BOMs,
# mixed encodings, bidi and zero-width characters, lone surrogates in JSON, impossible dates, 400-digit
# numbers...) and runs each input down the path of `readout ingest`, reporting crashes, hangs and errors
# that do not name their document. Every input with a finding is kept in fuzz-findings/ (add it to
# tests/Readout.Tests/Fuzz/Inputs/ as a regression test). Exit 0 only when nothing was found.
#   scripts/fuzz.sh documents [COUNT] [SEED]        (default 1000 inputs, seed 12)
#   scripts/fuzz.sh queries [COUNT] [SEED] [RECORDS] (the server's query parameters on a generated store, default 50,000 records)
#   scripts/fuzz.sh measure PATH...                  (real inputs unmutated, e.g. ../shared/corpus/bulk: slowest document, peak memory)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${READOUT_CORPUS:-$here/../shared/corpus}"
mode="${1:-documents}"; count="${2:-1000}"; seed="${3:-12}"
dotnet build "$here/tests/Readout.Fuzz/Readout.Fuzz.csproj" -c Release --nologo -v quiet >&2
fuzz=(dotnet "$here/tests/Readout.Fuzz/bin/Release/net10.0/Readout.Fuzz.dll")
case "$mode" in
  documents)
    seeds=()
    for d in "$corpus/real" "$corpus/dev" "$corpus/seeds" "$here/samples"; do [ -d "$d" ] && seeds+=("$d"); done
    exec "${fuzz[@]}" documents --count "$count" --seed "$seed" --out "${READOUT_FUZZ_OUT:-fuzz-findings}" "${seeds[@]}" ;;
  queries)
    records="${4:-50000}"
    store="${READOUT_FUZZ_STORE:-$here/.build/fuzz-store-$records.db}"
    mkdir -p "$(dirname "$store")"
    if [ ! -f "$store" ]; then
      "$here/readout" bench-serve --records "$records" --seconds 1 --clients 1 --store "$store" >&2
    fi
    sqlite_ids="$(mktemp)"
    "$here/readout" --db "$store" export --format csv 2>/dev/null | awk -F, 'NR>1 && NR<2000 {print $1}' > "$sqlite_ids"
    port="${READOUT_FUZZ_PORT:-18733}"
    "$here/readout" --db "$store" serve --port "$port" >/dev/null 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null; rm -f "$sqlite_ids"' EXIT
    for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/api/sources?page_size=1" && break; sleep 1; done
    "${fuzz[@]}" queries --url "http://127.0.0.1:$port/" --count "$count" --seed "$seed" --ids "$sqlite_ids" ;;
  measure)
    shift
    db="$(mktemp -d)/measure.db"
    "${fuzz[@]}" measure "$db" "$@"; rm -rf "$(dirname "$db")" ;;
  *) echo "usage: scripts/fuzz.sh documents|queries [COUNT] [SEED] | measure PATH..." >&2; exit 1 ;;
esac
