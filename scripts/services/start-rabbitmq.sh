#!/usr/bin/env bash
# Starts a RabbitMQ node ($READOUT_AMQP_NODE) for Readout on 127.0.0.1:$READOUT_AMQP_PORT, with its data
# and logs under .services/rabbitmq and no plugins, and waits until it accepts work. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "error RO5101 rabbitmq: RabbitMQ is not installed; run scripts/setup.sh" >&2; exit 1
fi
dir="$READOUT_SERVICES_DIR/rabbitmq"
mkdir -p "$dir/mnesia" "$dir/log"
echo "[]." >"$dir/enabled_plugins"
user=rabbitmq
if [ "$(id -u)" -eq 0 ]; then chown -R rabbitmq:rabbitmq "$dir"; home=/var/lib/rabbitmq; else user="$(id -un)"; home="$HOME"; fi
rmq() {
  as_user "$user" env HOME="$home" \
    RABBITMQ_NODENAME="$READOUT_AMQP_NODE" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$READOUT_AMQP_PORT" \
    RABBITMQ_DIST_PORT=$((READOUT_AMQP_PORT + 20000)) ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" \
    "$@"
}
if rmq /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$READOUT_AMQP_NODE" status >/dev/null 2>&1; then
  echo "rabbitmq: already running on 127.0.0.1:$READOUT_AMQP_PORT"
else
  rmq /usr/lib/rabbitmq/bin/rabbitmq-server -detached
fi
# the node registers with epmd a moment after -detached returns; only then can we wait for its boot
for _ in $(seq 1 120); do
  rmq /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$READOUT_AMQP_NODE" ping >/dev/null 2>&1 && break
  sleep 0.5
done
if ! rmq /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$READOUT_AMQP_NODE" --timeout 120 await_startup; then
  echo "error RO5101 rabbitmq: the node did not start; see $dir/log" >&2; exit 1
fi
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$READOUT_AMQP_PORT") 2>/dev/null && break
  sleep 0.5
done
echo "rabbitmq: ready, --queue '$READOUT_TEST_AMQP'"
