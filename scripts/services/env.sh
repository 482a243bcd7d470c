# Sourced by the service scripts and .ci/run: where the local PostgreSQL and RabbitMQ keep their data,
# the loopback ports they listen on, and the connection strings Readout and its tests use.
# Override any of READOUT_SERVICES_DIR, READOUT_PG_PORT, READOUT_AMQP_PORT before sourcing.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export READOUT_SERVICES_DIR="${READOUT_SERVICES_DIR:-$root/.services}"
# As root the servers run as their own accounts, which must be able to reach the data folder: a checkout
# under a private home folder (e.g. /root) is not reachable, so the data then goes to /var/tmp instead.
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$(dirname "$READOUT_SERVICES_DIR")"; then
  export READOUT_SERVICES_DIR="/var/tmp/readout-services-$(printf '%s' "$root" | cksum | cut -d' ' -f1)"
fi
export READOUT_PG_PORT="${READOUT_PG_PORT:-55432}"
export READOUT_AMQP_PORT="${READOUT_AMQP_PORT:-5682}"
# the node is named after its port, so that checkouts with other ports can run their own nodes side by side
export READOUT_AMQP_NODE="readout$READOUT_AMQP_PORT@localhost"
export READOUT_TEST_POSTGRES="${READOUT_TEST_POSTGRES:-Host=127.0.0.1;Port=$READOUT_PG_PORT;Username=readout;Database=readout}"
export READOUT_TEST_AMQP="${READOUT_TEST_AMQP:-amqp://guest:guest@127.0.0.1:$READOUT_AMQP_PORT/}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
# Run a command as a service account when we are root (PostgreSQL refuses to run as root), else as ourselves.
as_user() { local user="$1"; shift; if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi; }
