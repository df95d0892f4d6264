#!/usr/bin/env bash
# Token endpoint, OneCitizen against Keycloak, back to back in one run: same machine, same wrk, same durations,
# both servers on JDK 25 and PostgreSQL, Keycloak with refresh-token revocation on (like our rotation with reuse
# detection). Scenarios: client_credentials (confidential client) and chained refresh_token (public client).
# usage: benchmarks/keycloak-compare.sh        env: DUR=20 CONCS="8 32" WARMUP=10 PEER=../shared/peers/keycloak
# On a busy machine the JIT compilers get little CPU: WARMUP=30 gives both servers time to compile their hot paths.
# For iterating on OneCitizen alone: ONLY=onecitizen skips Keycloak, GRANTS="refresh" (default "cc refresh") picks
# the grants, OC_JAVA_OPTS passes JVM options (a JFR recording, say), JAR another build of the jar. Ratios come only
# from runs with both servers.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# the peer lives next to the checkout (../shared from /work/main, ../../shared from a worktree under /work/wt)
for p in "${PEER:-}" ../shared/peers/keycloak ../../shared/peers/keycloak; do [ -n "$p" ] && [ -d "$p" ] && break; done
PEER=$(cd "$p" && pwd)
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64}
DUR=${DUR:-20}; CONCS=${CONCS:-"8 32"}; WARMUP=${WARMUP:-10}
RES=$ROOT/benchmarks/results; mkdir -p "$RES"
OUT=$RES/keycloak-compare-$(date -u +%Y%m%dT%H%M%S).tsv
LUA=$ROOT/benchmarks/http/token.lua
TOK=$RES/tokens.txt
printf 'server\tscenario\tconc\trps\tp50_ms\tp90_ms\tp99_ms\tok\tbad\tserver_cpu_pct\trps_per_core\tload\tpg_cpu_pct\n' > "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pgticks() { { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk '$2 == "(postgres)" {t += $14 + $15} END {print t + 0}'; }
# This machine's PostgreSQL runs with autovacuum off: without a vacuum, every run would inherit the dead rows of
# the runs before it (refresh rotations, the access-log outbox) and both servers would slow down as the day goes on
vacuum() { psql -q -h 127.0.0.1 -d "${PGDATABASE:-test}" -c 'VACUUM ANALYZE' 2>/dev/null || true; }
bench() { # server pid scenario url conc dur [record]
  local server=$1 pid=$2 sc=$3 url=$4 c=$5 d=$6 t0 t1 line
  vacuum
  t0=$(ticks "$pid"); local g0; g0=$(pgticks)
  line=$(wrk -t1 -c "$c" -d "${d}s" --timeout 10s -s "$LUA" "$url" | grep '^RESULT')
  t1=$(ticks "$pid"); local g1; g1=$(pgticks)
  [ "${7:-}" = record ] || return 0
  eval "$(sed 's/^RESULT //' <<<"$line")"
  local cpu=$(( 100 * (t1 - t0) / ($(getconf CLK_TCK) * d) ))
  # req/s per server core (req/s / cores the server process used): what a loaded, shared machine distorts least
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$sc" "$c" "$rps" "$p50_ms" "$p90_ms" "$p99_ms" \
    "$ok" "$bad" "$cpu" "$(awk -v r="$rps" -v c="$cpu" 'BEGIN{printf "%.0f", (c > 0) ? 100 * r / c : 0}')" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(( 100 * (g1 - g0) / ($(getconf CLK_TCK) * d) ))" | tee -a "$OUT"
}
GRANTS=${GRANTS:-"cc refresh"}
scenarios() { # server pid url refresh-token-maker
  local server=$1 pid=$2 url=$3 maker=$4
  if [[ " $GRANTS " == *" cc "* ]]; then
    export MODE=form; bench "$server" "$pid" cc "$url" 8 "$WARMUP"
    for c in $CONCS; do bench "$server" "$pid" cc "$url" "$c" "$DUR" record; done
  fi
  if [[ " $GRANTS " == *" refresh "* ]]; then
    export MODE=refresh TOKENS=$TOK
    unset AUTHORIZATION   # the refresh grants are a public client's: no client authentication
    "$maker" 8; bench "$server" "$pid" refresh "$url" 8 "$WARMUP"
    for c in $CONCS; do "$maker" "$c"; bench "$server" "$pid" refresh "$url" "$c" "$DUR" record; done
  fi
}

# --- Keycloak (its own scripts start it on PostgreSQL, create the realm and clients) ---------------------------
kc_tokens() { # n refresh tokens for public client "app", by password grant (Keycloak's bench user)
  : > "$TOK"
  for _ in $(seq 1 "$1"); do
    curl -fsS -d grant_type=password -d client_id=app -d username="$BENCH_USER" -d password="$BENCH_PW" "$KC_TOKEN" \
      | jq -r .refresh_token >> "$TOK"
  done
}
[ "${ONLY:-}" = onecitizen ] || (
  . "$PEER/env.sh"
  "$PEER/start.sh" postgres
  "$PEER/setup.sh" > "$RES/keycloak-setup.txt"
  ADM=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username="$KC_ADMIN" -d password="$KC_ADMIN_PW" \
        "$KC_BASE/realms/master/protocol/openid-connect/token" | jq -r .access_token)
  curl -fsS -X PUT -H "Authorization: Bearer $ADM" -H 'Content-Type: application/json' "$KC_BASE/admin/realms/$REALM" \
       -d '{"revokeRefreshToken":true,"refreshTokenMaxReuse":0}'
  export KC_TOKEN=$TOKEN_URL BENCH_USER BENCH_PW
  export BODY="grant_type=client_credentials&client_id=svc&client_secret=$SVC_SECRET"; unset AUTHORIZATION
  export CLIENT_ID=app
  export -f kc_tokens
  scenarios keycloak "$(cat "$RUN_DIR/java.pid")" "$TOKEN_URL" kc_tokens
  "$PEER/stop.sh" > /dev/null
  "$PEER/pg_prepare.sh" drop > /dev/null
)

# --- OneCitizen (the demo jar: its agency client and the public super-app client) ------------------------------
PORT=${PORT:-18100}
"$J25/bin/java" ${OC_JAVA_OPTS:-} -jar "${JAR:-bff/target/onecitizen-bff.jar}" --spring.profiles.active=demo --server.port="$PORT" \
  --onecitizen.demo.identity-mocks.port=$((PORT + 1)) > "$RES/onecitizen-compare.log" 2>&1 &
OC_PID=$!
trap 'kill $OC_PID 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do sleep 0.2; done
OC_TOKEN=http://127.0.0.1:$PORT/oauth2/token
VERIFIER=bench-verifier-0123456789-0123456789-0123456789abc
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=')
oc_tokens() { # n refresh tokens for "superapp", each from a full login through the ThaiD mock
  : > "$TOK"
  for i in $(seq 1 "$1"); do
    local jar; jar=$(mktemp); local next="http://127.0.0.1:$PORT/oauth2/authorize?response_type=code&client_id=superapp"
    next+="&redirect_uri=http%3A%2F%2F127.0.0.1%3A45123%2Fcallback&scope=offline_access&state=s$i"
    next+="&code_challenge=$CHALLENGE&code_challenge_method=S256&idp_hint=thaid&login_hint=1101700230708"
    for _ in 1 2 3 4 5 6; do
      next=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' "$next")
      case "$next" in *45123/callback*) break;; esac
    done
    rm -f "$jar"
    curl -fsS -d grant_type=authorization_code -d client_id=superapp -d code_verifier="$VERIFIER" \
      -d redirect_uri=http://127.0.0.1:45123/callback -d code="$(sed -E 's/.*[?&]code=([^&]+).*/\1/' <<<"$next")" \
      "$OC_TOKEN" | jq -r .refresh_token >> "$TOK"
  done
}
export BODY="grant_type=client_credentials" AUTHORIZATION="Basic $(printf agency-demo:agency-demo-secret | base64)"
export CLIENT_ID=superapp
scenarios onecitizen "$OC_PID" "$OC_TOKEN" oc_tokens

echo; echo "results: $OUT"; column -t -s $'\t' "$OUT"
