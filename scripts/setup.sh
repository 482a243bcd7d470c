#!/usr/bin/env bash
# Installs what Readout needs on a Debian machine: the ICU library (.NET's Unicode support), Python 3
# (the shared scorers used by the end-to-end tests), PostgreSQL and RabbitMQ for the team server and
# the worker fleet (and their tests), and Debian's Chromium (the browser tests of the web UI drive
# /usr/bin/chromium through Playwright; Playwright's own browser download is never used). The packages
# do not start services by themselves here: see scripts/services/start-postgres.sh and start-rabbitmq.sh.
# The .NET 10 SDK must be on PATH.
set -euo pipefail
need=()
command -v python3 >/dev/null 2>&1 || need+=(python3)
ldconfig -p 2>/dev/null | grep -q libicuuc || need+=(libicu72)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need+=(rabbitmq-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is not on PATH; install it (https://dot.net) and run this again" >&2
  exit 1
fi
dotnet --version
