#!/usr/bin/env bash
# Stops the RabbitMQ node started by start-rabbitmq.sh (queues marked durable stay in .services/rabbitmq).
# `rabbitmqctl stop` waits for the node's process to end and, on a loaded machine, can wait for ever: it is
# given 60 s, then the node's process (from its pid file) gets SIGTERM, and SIGKILL 20 s later.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dir="$READOUT_SERVICES_DIR/rabbitmq"
user=rabbitmq; home=/var/lib/rabbitmq
[ "$(id -u)" -eq 0 ] || { user="$(id -un)"; home="$HOME"; }
pid="$(cat "$dir/rabbitmq.pid" 2>/dev/null || true)"
alive() { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
run=(env HOME="$home" ERL_EPMD_ADDRESS=127.0.0.1 /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$READOUT_AMQP_NODE" stop "$dir/rabbitmq.pid")
[ "$(id -u)" -eq 0 ] && run=(runuser -u "$user" -- "${run[@]}")
if timeout 60 "${run[@]}" 2>/dev/null; then
  echo "rabbitmq: stopped"
elif alive; then
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do alive || break; sleep 1; done
  if alive; then kill -KILL "$pid" 2>/dev/null || true; sleep 1; fi
  alive && { echo "rabbitmq: could not stop process $pid" >&2; exit 1; }
  echo "rabbitmq: stopped (process $pid ended after rabbitmqctl did not finish)"
else
  echo "rabbitmq: not running"
fi
