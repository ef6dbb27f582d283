#!/usr/bin/env bash
# CI smoke test of `bin/bridge local` on a fresh checkout (after `./mvnw -B verify` has built everything):
# starts the stack on a temporary data directory and non-default free ports, drives a user through
# create -> deactivate -> reactivate and pushes a group with it over SCIM with curl, checks the Spot simulator's API after each step
# (needs the provisioner-worker; skipped with a SKIP line while it is not built), stops the stack with
# `bin/bridge stop` and checks that nothing of it is left running. Exits non-zero on failure, with the logs' tails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"

READY_TIMEOUT="${SMOKE_READY_TIMEOUT:-600}" # includes a first-run build, if bin/bridge finds one needed
SPOT_TIMEOUT="${SMOKE_SPOT_TIMEOUT:-90}"

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/bridge-smoke.XXXXXX")"
OUT="$DATA_DIR/launcher.out"
LAUNCHER_PID=""
FAILED=1

log() { printf '[smoke] %s\n' "$*"; }

# A port nothing listens on, from a range away from the defaults; different from the ones already chosen.
CHOSEN=" "
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    case "$CHOSEN" in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      CHOSEN="$CHOSEN$port "
      echo "$port"
      return
    fi
  done
}

export BRIDGE_DATA_DIR="$DATA_DIR"
SCIM_PORT="$(free_port)"; export SCIM_PORT
INGRESS_MANAGEMENT_PORT="$(free_port)"; export INGRESS_MANAGEMENT_PORT
WORKER_MANAGEMENT_PORT="$(free_port)"; export WORKER_MANAGEMENT_PORT
WORKER_PORT="$(free_port)"; export WORKER_PORT
SPOT_SIM_PORT="$(free_port)"; export SPOT_SIM_PORT
KAFKA_PORT="$(free_port)"; export KAFKA_PORT
KAFKA_CONTROLLER_PORT="$(free_port)"; export KAFKA_CONTROLLER_PORT
export BRIDGE_JAVA_OPTS="${BRIDGE_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx384m}"
unset SCIM_TOKEN SPOT_TOKEN SPOT_API_URL

still_running() {
  ps -eo pid=,args= | grep -F -- "$DATA_DIR" | grep -v -e grep -e "local-smoke" || true
}

finish() {
  local status=$?
  if [ "$FAILED" != 0 ]; then
    log "FAILED; launcher output (tail):"
    tail -n 40 "$OUT" 2>/dev/null | sed 's/^/    /' || true
    for file in "$DATA_DIR"/logs/*.log "$DATA_DIR"/kafka/broker.log; do
      [ -f "$file" ] || continue
      log "tail of $file:"
      tail -n 40 "$file" | sed 's/^/    /'
    done
  fi
  if [ -n "$(still_running)" ]; then
    bin/bridge stop >/dev/null 2>&1 || true
    still_running | awk '{print $1}' | xargs -r kill -9 2>/dev/null || true
  fi
  if [ -n "$LAUNCHER_PID" ]; then
    kill -9 "$LAUNCHER_PID" 2>/dev/null || true
  fi
  if [ "$FAILED" = 0 ]; then
    rm -rf "$DATA_DIR"
  else
    log "data directory kept for inspection: $DATA_DIR"
    [ "$status" != 0 ] || status=1
  fi
  exit "$status"
}
trap finish EXIT

fail() {
  log "FAIL: $*"
  exit 1
}

# 1. start the stack in the background and wait for the Ready: line
log "bin/bridge local with data dir $DATA_DIR, SCIM port $SCIM_PORT, simulator port $SPOT_SIM_PORT, Kafka port $KAFKA_PORT"
bin/bridge local >"$OUT" 2>&1 &
LAUNCHER_PID=$!
deadline=$(( SECONDS + READY_TIMEOUT ))
until grep -q '^Ready:' "$OUT"; do
  kill -0 "$LAUNCHER_PID" 2>/dev/null || fail "bin/bridge local exited before it was ready"
  [ "$SECONDS" -lt "$deadline" ] || fail "no Ready: line within ${READY_TIMEOUT}s"
  sleep 2
done
log "$(grep '^Ready:' "$OUT" | sed 's/ token [^ ]*/ token <redacted>/')"

LOCAL_JSON="$DATA_DIR/local.json"
[ -f "$LOCAL_JSON" ] || fail "no $LOCAL_JSON after Ready:"
json_string() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$LOCAL_JSON"; }
json_pid() { sed -n "s/.*\"$1\":\([0-9]*\|null\)[,}].*/\1/p" "$LOCAL_JSON"; }
SCIM="$(json_string scimBaseUrl)"
TOKEN="$(json_string scimToken)"
SPOT="$(json_string spotApiUrl)"
[ "$SCIM" = "http://127.0.0.1:$SCIM_PORT/scim/v2" ] || fail "local.json scimBaseUrl is '$SCIM'"
[ "$SPOT" = "http://127.0.0.1:$SPOT_SIM_PORT" ] || fail "local.json spotApiUrl is '$SPOT'"
[ -n "$TOKEN" ] || fail "local.json has no scimToken"
for component in kafka ingress simulator; do
  pid="$(json_pid "$component")"
  [ -n "$pid" ] && [ "$pid" != null ] && kill -0 "$pid" 2>/dev/null || fail "$component is not running (pid '$pid')"
done
WORKER_PID="$(json_pid worker)"
if [ -n "$WORKER_PID" ] && [ "$WORKER_PID" != null ]; then
  CHECK_SPOT=1
else
  CHECK_SPOT=0
fi

# SCIM over HTTP, as Okta sends it. Sets STATUS and BODY.
scim() {
  local method=$1 path=$2 body=${3:-} response
  local args=(-sS -X "$method" -H "Authorization: Bearer $TOKEN" -H "Accept: application/scim+json"
              -H "User-Agent: Okta SCIM Client 1.0.0" -w '\n%{http_code}' --max-time 30)
  [ -z "$body" ] || args+=(-H "Content-Type: application/scim+json; charset=utf-8" --data "$body")
  response="$(curl "${args[@]}" "$SCIM$path")" || fail "curl $method $path failed"
  STATUS="${response##*$'\n'}"
  BODY="${response%$'\n'*}"
}

# Polls the simulator's Spot API until the user is present (want=1) or absent (want=0).
spot_user() {
  local want=$1 what=$2 users present deadline=$(( SECONDS + SPOT_TIMEOUT ))
  if [ "$CHECK_SPOT" = 0 ]; then
    echo "SKIP: provisioner-worker not built (Spot check: $what)"
    return
  fi
  while :; do
    users="$(curl -sS --max-time 10 -H "Authorization: Bearer $TOKEN" "$SPOT/setup/organization/user" || true)"
    if grep -qi "\"email\":\"$EMAIL\"" <<<"$users"; then present=1; else present=0; fi
    if [ "$present" = "$want" ]; then
      log "ok: Spot $what"
      return
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "Spot: $what did not happen within ${SPOT_TIMEOUT}s; last answer: $users"
    sleep 1
  done
}

EMAIL="smoke.$$.$RANDOM@example.com"
patch_active() {
  printf '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":%s}}]}' "$1"
}

# 2. create
scim POST /Users "$(printf '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","name":{"givenName":"Smoke","familyName":"Test"},"emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Smoke Test","active":true}' "$EMAIL" "$EMAIL")"
[ "$STATUS" = 201 ] || fail "create answered $STATUS: $BODY"
USER_ID="$(grep -o '"id":"[^"]*"' <<<"$BODY" | head -n 1 | cut -d'"' -f4)"
[ -n "$USER_ID" ] || fail "create answered no id: $BODY"
log "ok: SCIM create -> 201, id $USER_ID"
spot_user 1 "user appears after create"

# 3. deactivate
scim PATCH "/Users/$USER_ID" "$(patch_active false)"
[ "$STATUS" = 200 ] || fail "deactivate answered $STATUS: $BODY"
grep -q '"active":false' <<<"$BODY" || fail "deactivate answered an active user: $BODY"
log "ok: SCIM deactivate -> 200, active false"
spot_user 0 "user disappears after deactivate"

# 4. reactivate
scim PATCH "/Users/$USER_ID" "$(patch_active true)"
[ "$STATUS" = 200 ] || fail "reactivate answered $STATUS: $BODY"
grep -q '"active":true' <<<"$BODY" || fail "reactivate answered an inactive user: $BODY"
log "ok: SCIM reactivate -> 200, active true"
spot_user 1 "user reappears after reactivate"

scim GET "/Users/$USER_ID"
[ "$STATUS" = 200 ] && grep -q '"active":true' <<<"$BODY" || fail "GET after reactivate answered $STATUS: $BODY"

# 5. push a group with the user: a Spot user group of that name appears with the user's Spot id as member
GROUP_NAME="Smoke Group $$ $RANDOM"
scim POST /Groups "$(printf '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[{"value":"%s","display":"%s"}]}' "$GROUP_NAME" "$USER_ID" "$EMAIL")"
[ "$STATUS" = 201 ] || fail "group push answered $STATUS: $BODY"
log "ok: SCIM group push -> 201"
if [ "$CHECK_SPOT" = 1 ]; then
  deadline=$(( SECONDS + SPOT_TIMEOUT ))
  while :; do
    # the organization's user list names each user's groups (groupNames)
    users="$(curl -sS --max-time 10 -H "Authorization: Bearer $TOKEN" "$SPOT/setup/organization/user" || true)"
    if grep -o "\"email\":\"$EMAIL\"[^}]*" <<<"$users" | grep -qF "\"$GROUP_NAME\""; then
      log "ok: Spot user group '$GROUP_NAME' has the user"
      break
    fi
    [ "$SECONDS" -lt "$deadline" ] || fail "Spot: $EMAIL did not join group '$GROUP_NAME' within ${SPOT_TIMEOUT}s; last answer: $users"
    sleep 1
  done
else
  echo "SKIP: provisioner-worker not built (Spot check: group push)"
fi

# 6. stop from "another terminal": the launcher exits, local.json goes, nothing is left running
bin/bridge stop || fail "bin/bridge stop failed"
for _ in $(seq 1 30); do
  kill -0 "$LAUNCHER_PID" 2>/dev/null || break
  sleep 1
done
if kill -0 "$LAUNCHER_PID" 2>/dev/null; then
  fail "bin/bridge local (pid $LAUNCHER_PID) still runs after bin/bridge stop"
fi
LAUNCHER_PID=""
[ ! -e "$LOCAL_JSON" ] || fail "local.json is still there after stop"
left="$(still_running)"
[ -z "$left" ] || fail "still running after stop: $left"
log "ok: stopped, nothing left running"

FAILED=0
log "PASSED"
