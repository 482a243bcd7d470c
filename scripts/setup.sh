#!/usr/bin/env bash
# Installs what Readout needs on a Debian machine, and no more than asked for:
#   scripts/setup.sh            the CLI: the ICU library (.NET's Unicode support), and clang with zlib's headers, with
#                               which ./readout compiles the CLI to native code; the .NET 10 SDK must be on PATH
#   scripts/setup.sh --server   and PostgreSQL and RabbitMQ, for a team server and a worker fleet
#   scripts/setup.sh --tests    and everything the test suite uses: the servers, Python 3 with pandas (the shared
#                               scorers and the README's pandas example), R (its R example), and Debian's Chromium
#                               (the browser tests drive /usr/bin/chromium; Playwright's own browser download is never used)
# The packages do not start services by themselves: see scripts/services/ and scripts/test.sh.
set -euo pipefail
server=0 tests=0
for arg in "$@"; do
  case "$arg" in
    --server) server=1 ;;
    --tests) server=1; tests=1 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "setup: unknown option '$arg' (use --server, --tests or --help)" >&2; exit 1 ;;
  esac
done
need=()
ldconfig -p 2>/dev/null | grep -q libicuuc || need+=(libicu72)
# Native AOT links with the system's C toolchain (./readout falls back to a JIT build without it, slower)
command -v clang >/dev/null 2>&1 || need+=(clang)
[ -f /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ "$server" -eq 1 ]; then
  ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
fi
if [ "$tests" -eq 1 ]; then
  [ -x /usr/bin/python3 ] || need+=(python3)
  /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || need+=(python3-pandas)
  command -v Rscript >/dev/null 2>&1 || need+=(r-base-core)
  [ -x /usr/bin/chromium ] || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is not on PATH; install it (https://dot.net) and run this again" >&2
  exit 1
fi
echo "setup: ready (.NET $(dotnet --version))" >&2
