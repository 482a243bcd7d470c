#!/usr/bin/env bash
# Stops the RabbitMQ node started by start-rabbitmq.sh (queues marked durable stay in .services/rabbitmq).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dir="$READOUT_SERVICES_DIR/rabbitmq"
user=rabbitmq; home=/var/lib/rabbitmq
[ "$(id -u)" -eq 0 ] || { user="$(id -un)"; home="$HOME"; }
if as_user "$user" env HOME="$home" ERL_EPMD_ADDRESS=127.0.0.1 /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$READOUT_AMQP_NODE" stop "$dir/rabbitmq.pid" 2>/dev/null; then
  echo "rabbitmq: stopped"
else
  echo "rabbitmq: not running"
fi
