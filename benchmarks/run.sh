#!/usr/bin/env bash
# The measuring kit. Not part of the test command.
#   benchmarks/run.sh jmh [JMH args]   JMH hot-path benchmarks (e.g. `jmh CitizenIdMasking -f 1`)
#   benchmarks/run.sh http             HTTP load on the demo jar with wrk (start-up time, RSS, probe throughput)
#   benchmarks/run.sh services         a service call through OneCitizen vs the same sample agency directly
#   benchmarks/run.sh dashboard        GET /v1/dashboard over 20 agencies vs the slowest of them directly
#   benchmarks/run.sh all
# JAVA_HOME selects the JDK (JDK 25 is fastest: /usr/lib/jvm/temurin-25-jdk-amd64). Results go to
# benchmarks/results/ and are summarised by hand in BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
OUT=benchmarks/results; mkdir -p "$OUT"
DUR=${DUR:-15}; CONCS=${CONCS:-"8 32"}; PORT=${PORT:-18081}

build() { ./mvnw -B -q -DskipTests package; }
# This machine's PostgreSQL runs with autovacuum off: vacuum before measuring, or each run inherits the dead rows of
# the runs before it (the access-log outbox, refresh rotations) and slows down as the day goes on
vacuum() { psql -q -h 127.0.0.1 -d "${PGDATABASE:-test}" -c 'VACUUM ANALYZE' 2>/dev/null || true; }

jmh() {
  [ -f benchmarks/target/benchmarks.jar ] || build
  "$JAVA" -jar benchmarks/target/benchmarks.jar -rf json -rff "$OUT/jmh-$(date -u +%Y%m%dT%H%M%S).json" "$@"
}

wrk_run() { # label url conc
  wrk -t1 -c "$3" -d "${DUR}s" --timeout 10s -s benchmarks/http/get.lua "$2" | grep '^RESULT' | sed "s/^RESULT/$1 c=$3/"
}

http() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  [ -f bff/target/onecitizen-bff.jar ] || build
  local t0; t0=$(date +%s.%N)
  "$JAVA" -jar bff/target/onecitizen-bff.jar --spring.profiles.active=demo --server.port="$PORT" \
    > "$OUT/demo-http.log" 2>&1 & APP_PID=$!; local pid=$APP_PID
  trap 'kill ${APP_PID:-} 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 $pid 2>/dev/null || { tail -40 "$OUT/demo-http.log"; exit 1; }; sleep 0.1; done
  local t1; t1=$(date +%s.%N)
  echo "startup_to_ready_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b-a}') rss_mib=$(( $(ps -o rss= -p $pid) / 1024 ))" \
    | tee "$OUT/http-$(date -u +%Y%m%dT%H%M%S).txt"
  wrk -t1 -c8 -d5s "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null   # warm-up, not recorded
  for c in $CONCS; do
    wrk_run readiness "http://127.0.0.1:$PORT/actuator/health/readiness" "$c"
    wrk_run liveness "http://127.0.0.1:$PORT/actuator/health/liveness" "$c"
  done | tee -a "$OUT/http-latest.txt"
  echo "rss_after_load_mib=$(( $(ps -o rss= -p $pid) / 1024 ))"
}

# A service call through OneCitizen against the same sample agency called directly, side by side in one run
# (agency mocks on fixed ports from MOCKS_PORT; the citizen token is signed with the demo key).
services() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  [ -f bff/target/onecitizen-bff.jar ] || build
  [ -f benchmarks/target/benchmarks.jar ] || build
  local mocks=${MOCKS_PORT:-18300}
  "$JAVA" -jar bff/target/onecitizen-bff.jar --spring.profiles.active=demo --server.port="$PORT" \
    --onecitizen.demo.agency-mocks-port="$mocks" ${APP_ARGS:-} > "$OUT/demo-services.log" 2>&1 & APP_PID=$!; local pid=$APP_PID
  trap 'kill ${APP_PID:-} 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 $pid 2>/dev/null || { tail -40 "$OUT/demo-services.log"; exit 1; }; sleep 0.5; done
  vacuum
  local token; token=$("$JAVA" -cp benchmarks/target/benchmarks.jar th.onecitizen.benchmarks.DemoCitizenToken "$PORT")
  local via="http://127.0.0.1:$PORT/v1/services/dopa.household/operations/summary"
  local direct="http://127.0.0.1:$mocks/civil-registration/v1/household"
  # steady state first: WARM seconds at 8 connections (the JIT compiles the call path), not recorded
  WRK_METHOD=POST WRK_BODY='{}' WRK_HEADERS="Authorization: Bearer $token|Content-Type: application/json" \
    wrk -t1 -c 8 -d "${WARM:-20}s" -s benchmarks/http/call.lua "$via" >/dev/null
  for c in $CONCS; do
    WRK_METHOD=POST WRK_BODY='{}' WRK_HEADERS="Authorization: Bearer $token|Content-Type: application/json" \
      wrk -t1 -c "$c" -d 5s -s benchmarks/http/call.lua "$via" >/dev/null   # warm-up, not recorded
    WRK_METHOD=POST WRK_BODY='{}' WRK_HEADERS="Authorization: Bearer $token|Content-Type: application/json" \
      wrk -t1 -c "$c" -d "${DUR}s" --timeout 10s -s benchmarks/http/call.lua "$via" | grep '^RESULT' \
      | sed "s/^RESULT/via-onecitizen c=$c/"
    WRK_HEADERS="X-API-Key: dopa-sandbox-key-DEMO-ONLY|X-OneCitizen-Assertion: a.b.c" \
      wrk -t1 -c "$c" -d "${DUR}s" --timeout 10s -s benchmarks/http/call.lua "$direct" | grep '^RESULT' \
      | sed "s/^RESULT/agency-direct c=$c/"
  done | tee -a "$OUT/services-latest.txt"
}

# The dashboard over many agencies against the slowest of them called directly, side by side in one run. The demo jar
# seeds one agency per entry of FAN_OUT_LATENCIES (fanout01, fanout02, ...), each with a summary service on its own
# path of one of the API-key sample agencies answering after that many ms; the benchmark citizen pins all of them.
dashboard() {
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  [ -f bff/target/onecitizen-bff.jar ] || build
  [ -f benchmarks/target/benchmarks.jar ] || build
  local mocks=${MOCKS_PORT:-18300} lats=(${FAN_OUT_LATENCIES:-5 10 15 20 25 30 35 40 45 50 55 60 65 70 75 80 85 90 95 100})
  local csv; csv=$(IFS=,; echo "${lats[*]}")
  "$JAVA" -jar bff/target/onecitizen-bff.jar --spring.profiles.active=demo --server.port="$PORT" \
    --onecitizen.demo.agency-mocks-port="$mocks" --onecitizen.demo.fan-out-latencies-ms="$csv" ${APP_ARGS:-} \
    > "$OUT/demo-dashboard.log" 2>&1 & APP_PID=$!; local pid=$APP_PID
  trap 'kill ${APP_PID:-} 2>/dev/null || true' EXIT
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 $pid 2>/dev/null || { tail -40 "$OUT/demo-dashboard.log"; exit 1; }; sleep 0.5; done
  vacuum
  local token; token=$("$JAVA" -cp benchmarks/target/benchmarks.jar th.onecitizen.benchmarks.DemoCitizenToken "$PORT" \
    "bench-dashboard-citizen")
  # the services, in order, and the slowest one's direct URL (API-key samples dopa, sso, moph, dlt in turn; the
  # sample agencies' ports are MOCKS_PORT + 0 dopa, 1 rd, 2 sso, 3 moph, 4 dlt)
  local samples=(dopa sso moph dlt) offsets=(0 2 3 4) ids="" slowest=0 i
  for i in "${!lats[@]}"; do
    ids+="${ids:+,}\"fanout$(printf %02d $((i + 1))).summary\""
    [ "${lats[$i]}" -gt "${lats[$slowest]}" ] && slowest=$i
  done
  local n=$((slowest % 4)) name; name="fanout$(printf %02d $((slowest + 1)))"
  local direct="http://127.0.0.1:$((mocks + ${offsets[$n]}))/fanout/v1/$name"
  local key="${samples[$n]}-sandbox-key-DEMO-ONLY"
  curl -fs -X PUT -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    -d "{\"service_ids\":[$ids]}" "http://127.0.0.1:$PORT/v1/me/dashboard" >/dev/null
  local via="http://127.0.0.1:$PORT/v1/dashboard"
  WRK_HEADERS="Authorization: Bearer $token" wrk -t1 -c 8 -d "${WARM:-20}s" -s benchmarks/http/call.lua "$via" \
    >/dev/null   # steady state first, not recorded
  echo "dashboard items ok: $(curl -fs -H "Authorization: Bearer $token" "$via" | grep -o '"status":"ok"' | wc -l) of ${#lats[@]}; slowest $name (${lats[$slowest]} ms) at $direct"
  for c in $CONCS; do
    WRK_HEADERS="Authorization: Bearer $token" wrk -t1 -c "$c" -d 5s -s benchmarks/http/call.lua "$via" >/dev/null  # warm-up
    WRK_HEADERS="Authorization: Bearer $token" \
      wrk -t1 -c "$c" -d "${DUR}s" --timeout 10s -s benchmarks/http/call.lua "$via" | grep '^RESULT' \
      | sed "s/^RESULT/dashboard-${#lats[@]} c=$c/"
    WRK_HEADERS="X-API-Key: $key|X-OneCitizen-Assertion: a.b.c" \
      wrk -t1 -c "$c" -d "${DUR}s" --timeout 10s -s benchmarks/http/call.lua "$direct" | grep '^RESULT' \
      | sed "s/^RESULT/slowest-direct c=$c/"
  done | tee -a "$OUT/dashboard-latest.txt"
  echo "dashboard items ok after the runs: $(curl -fs -H "Authorization: Bearer $token" "$via" | grep -o '"status":"ok"' | wc -l) of ${#lats[@]}"
}

case "${1:-all}" in
  jmh) shift; jmh "$@";;
  http) http;;
  services) services;;
  dashboard) dashboard;;
  all) jmh; http;;
  *) echo "usage: $0 jmh|http|services|dashboard|all" >&2; exit 2;;
esac
