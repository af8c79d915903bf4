#!/usr/bin/env bash
# `make check-examples`: starts a sandbox of its own (every port free, a temporary outbox), runs the
# Node client against it, checks what the client printed, and stops the sandbox it started.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
configuration=$(tr '[:upper:]' '[:lower:]' <<<"${CONFIGURATION:-Debug}")
run=$(mktemp -d)
pid=
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$run"
}
trap stop EXIT

dotnet "$root/artifacts/bin/Gateway.Sandbox/$configuration/Gateway.Sandbox.dll" \
  --Sandbox:OutboxPath="$run/outbox.jsonl" \
  --Sandbox:GrpcPort=0 --Sandbox:HttpPort=0 --Sandbox:LenderPort=0 --Sandbox:StorePort=0 \
  >"$run/sandbox.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  [ -s "$run/gateway-address" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$run/sandbox.log"; echo "the sandbox stopped before it was up" >&2; exit 1; }
  sleep 1
done
[ -s "$run/gateway-address" ] || { cat "$run/sandbox.log"; echo "the sandbox was not up within 120 s" >&2; exit 1; }

GATEWAY_ADDRESS=$(cat "$run/gateway-address") node "$root/examples/node/send-reminder.js" | tee "$run/client.out"

# A fresh sandbox sends the first reminder, replays it on its key, refuses the key reused for
# another request and the malformed number.
for expected in '^sent: +SENT' '^same key: +SENT.*\(replayed\)' '^read back: +SENT' 'AlreadyExists' 'reason IDEMPOTENCY_CONFLICT' 'reminder.contact_point: must be an E.164 phone number'; do
  grep -Eq "$expected" "$run/client.out" || { echo "the Node client's output lacks /$expected/" >&2; exit 1; }
done
echo "examples/node: the client ran against a sandbox of its own"
