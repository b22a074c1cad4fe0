#!/usr/bin/env bash
# Load benchmark of GET /reservation (bearer token) of one jwt-flights jar, on 127.0.0.1 only. Needs curl, jq
# and wrk (apt-get install wrk jq). Build the jar first: ./mvnw -DskipTests package.
#
# Usage: reservation-load.sh JAR [PORT]        PORT defaults to 18080
# Optional env: WARMUP (wrk duration of the warm-up, default 120s: on 2 cores the JIT is still busy after 30 s),
#               ROUND (of each measured round, default 8s),
#               JAVA (java binary, default: java on PATH).
# Output: one line per round (rps, non-2xx, socket errors), then "median_rps=<n>" as the last line.
set -euo pipefail

JAR=${1:?usage: $0 JAR [PORT]}
PORT=${2:-18080}
WARMUP=${WARMUP:-120s}
ROUND=${ROUND:-8s}
ROUNDS=3
JAVA=${JAVA:-java}
HOST=127.0.0.1                     # fixed: nothing else is ever targeted
BASE="http://$HOST:$PORT"
SECRET='bench-only-test-secret-0123456789abcdefghijklmn'   # 48 chars, test use only
STARTUP_TIMEOUT=120

[[ -f $JAR ]] || { echo "no such jar: $JAR" >&2; exit 2; }
[[ $PORT =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) || { echo "bad port: $PORT" >&2; exit 2; }
for tool in curl jq wrk "$JAVA"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
JAR=$(readlink -f "$JAR")

# Refuse to measure whatever else might already listen on the port.
if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    echo "something already answers on $BASE; refusing to start" >&2
    exit 2
fi

WORKDIR=$(mktemp -d /tmp/reservation-load.XXXXXX)   # app cwd and log: nothing written next to the jar
APP_LOG=$WORKDIR/app.log
APP_PID=

stop_app() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        if kill -0 "$APP_PID" 2>/dev/null; then
            echo "app $APP_PID ignored SIGTERM for 30 s; SIGKILL" >&2
            kill -9 "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    if (( rc != 0 )); then
        echo "failed (rc=$rc); last lines of the app log $APP_LOG:" >&2
        tail -n 30 "$APP_LOG" >&2 2>/dev/null || true
    else
        rm -rf "$WORKDIR"
    fi
    exit "$rc"
}
trap stop_app EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "jar=$JAR port=$PORT warmup=$WARMUP round=$ROUND rounds=$ROUNDS"
(
    cd "$WORKDIR"
    exec "$JAVA" -Xmx512m -jar "$JAR" \
        --server.port="$PORT" \
        --app.jwt.secret="$SECRET" \
        --app.jwt.access-token-ttl=1h \
        --spring.datasource.url=jdbc:h2:mem:bench \
        --spring.h2.console.enabled=false
) >"$APP_LOG" 2>&1 &
APP_PID=$!
echo "app pid=$APP_PID log=$APP_LOG"

started=$SECONDS
until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/login" || true) == 200 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "app exited during startup" >&2; exit 1; }
    (( SECONDS - started < STARTUP_TIMEOUT )) || { echo "no answer from $BASE/login within ${STARTUP_TIMEOUT}s" >&2; exit 1; }
    sleep 1
done
echo "app up after $(( SECONDS - started ))s"

TOKEN=$(curl -s --max-time 10 -X POST "$BASE/api/auth/token" -H 'Content-Type: application/json' \
    -d '{"username":"secret","password":"secret"}' | jq -r .access_token)
[[ -n $TOKEN && $TOKEN != null ]] || { echo "no access token from $BASE/api/auth/token" >&2; exit 1; }

code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $TOKEN" "$BASE/reservation")
[[ $code == 200 ]] || { echo "GET /reservation answered $code, not 200" >&2; exit 1; }
echo "GET /reservation: 200"

URL="$BASE/reservation"
AUTH="Authorization: Bearer $TOKEN"

echo "warm-up: wrk -t1 -c16 -d$WARMUP"
wrk -t1 -c16 -d"$WARMUP" -H "$AUTH" "$URL" >"$WORKDIR/warmup.txt"
echo "warm-up rps=$(awk '/^Requests\/sec:/ {print $2}' "$WORKDIR/warmup.txt")" \
     "non2xx=$(awk '/Non-2xx or 3xx responses:/ {n=$NF} END {print n+0}' "$WORKDIR/warmup.txt")"

rps_all=()
for i in $(seq 1 "$ROUNDS"); do
    out=$WORKDIR/round$i.txt
    wrk -t1 -c16 -d"$ROUND" -H "$AUTH" "$URL" >"$out"
    rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {n=$NF} END {print n+0}' "$out")
    sockerr=$(awk -F'Socket errors: ' 'NF > 1 {print $2}' "$out")
    [[ -n $rps ]] || { echo "round $i: no Requests/sec in wrk output:" >&2; cat "$out" >&2; exit 1; }
    echo "round=$i rps=$rps non2xx=$non2xx${sockerr:+ socket_errors=[$sockerr]}"
    rps_all+=("$rps")
done

median=$(printf '%s\n' "${rps_all[@]}" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}')
echo "median_rps=$median"
