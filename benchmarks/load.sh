#!/usr/bin/env bash
# Side-by-side load run of jwt-flights and a bare Spring Boot 4 app that returns the same reservation JSON from
# memory (benchmarks/bare), both started as `java -Xmx512m -jar`, on 127.0.0.1 only.
#
# Usage: benchmarks/load.sh            from the repository's root; needs a JDK 17+, curl, jq and wrk
#                                      (sudo apt-get install -y wrk jq)
# Optional env: WARMUP (wrk duration of each warm-up, default 150s: on 2 cores the JIT takes minutes to settle,
#               and POST /api/auth/refresh climbed from 320 to 2,170 a second over its first 3.5 minutes),
#               ROUND (of each measured round, default 8s),
#               ROUNDS (default 3), CONNECTIONS (default 16), STARTS (start-up measurements of each kind, default 3),
#               APP_PORT (default 18080), BARE_PORT (default 18081), JAVA (default: java on PATH; on JDK 25+
#               the archived start uses an AOT cache instead of a CDS archive),
#               SKIP_BUILD=1 (use the jars already in target/ and benchmarks/bare/target/),
#               OUT (where the table and the chart go, default docs/: performance.md, performance.svg).
#
# What it does, in this order: builds both jars; extracts the app's jar (Spring Boot's jarmode=tools) and makes a
# class-data-sharing archive of it (an AOT cache on JDK 25+) with a training run that stops once the context is
# refreshed; measures the
# start to the first answer (the bare app's GET /reservation, the app's login page) of the bare app, the app and the
# app on its archive, STARTS times each, one at a time; starts the bare app and the app for the load; warms each
# measured request up for WARMUP; then ROUNDS rounds that take turns: bare GET /reservation, the app's bearer
# GET /reservation, GET /flights with the cookies of a signed-in user (its CSRF cookie too, as a browser sends it
# back), POST /api/auth/refresh (32 fresh sessions per round, half of each demo user, each token used once, see
# wrk/refresh.lua) and a sign-in (the password grant, BCrypt, 4 connections); then reads the resident memory (RSS)
# of both. Prints and writes the medians, p99 and the ratios. Every process it starts, it stops by its PID; nothing
# else is touched. Takes about 25 minutes with the defaults.
set -euo pipefail

WARMUP=${WARMUP:-150s}
ROUND=${ROUND:-8s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
STARTS=${STARTS:-3}
APP_PORT=${APP_PORT:-18080}
BARE_PORT=${BARE_PORT:-18081}
JAVA=${JAVA:-java}
OUT=${OUT:-docs}
HOST=127.0.0.1                     # fixed: nothing else is ever targeted
APP="http://$HOST:$APP_PORT"
BARE="http://$HOST:$BARE_PORT"
SECRET='bench-only-test-secret-0123456789abcdefghijklmn'   # 48 chars, for this run only
STARTUP_TIMEOUT=300
HEAP=-Xmx512m

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/benchmarks
cd "$ROOT"
for tool in curl jq wrk "$JAVA"; do
    command -v "$tool" >/dev/null || { echo "missing tool: $tool (sudo apt-get install -y wrk jq curl)" >&2; exit 2; }
done
for port in "$APP_PORT" "$BARE_PORT"; do
    if curl -s -o /dev/null --max-time 2 "http://$HOST:$port/"; then
        echo "something already answers on $HOST:$port; refusing to start" >&2
        exit 2
    fi
done

WORKDIR=$(mktemp -d /tmp/jwt-flights-load.XXXXXX)
PIDS=()

stop_pid() {
    local pid=$1
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
    if (( rc != 0 )); then
        echo "failed (rc=$rc); logs kept in $WORKDIR" >&2
        tail -n 20 "$WORKDIR"/*.log >&2 2>/dev/null || true
    else
        rm -rf "$WORKDIR"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { date +%s%3N; }

# --- Build ------------------------------------------------------------------------------------------------------
if [[ -z ${SKIP_BUILD:-} ]]; then
    echo "building the app and the bare app ..."
    ./mvnw -q -B -Dmaven.test.skip=true package
    ./mvnw -q -B -f benchmarks/bare/pom.xml -Dmaven.test.skip=true package
fi
APP_JAR=$(ls "$ROOT"/target/jwt-flights-*.jar | grep -v -- '-plain' | head -n 1)
BARE_JAR=$(ls "$BENCH"/bare/target/bare-reservation-*.jar | grep -v -- '-plain' | head -n 1)
cp "$APP_JAR" "$WORKDIR/app.jar"
cp "$BARE_JAR" "$WORKDIR/bare.jar"

APP_ARGS=(--server.port="$APP_PORT" --app.jwt.secret="$SECRET" --app.jwt.access-token-ttl=1h
          --spring.datasource.url="jdbc:h2:mem:load;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"
          --spring.h2.console.enabled=false --app.demo-users=true
          # Every round signs in anew (the refresh pool, the sign-ins): with the default of 20, the user's oldest
          # session, the one GET /reservation and GET /flights are measured with, would be ended during the run.
          --app.jwt.max-sessions-per-user=100000)
BARE_ARGS=(--server.port="$BARE_PORT")

# start NAME URL JAVA_ARGS... : starts a JVM in the work directory, waits for a 200 from URL; sets STARTED_PID and
# STARTED_MS (from the fork to the first 200).
start() {
    local name=$1 url=$2; shift 2
    local began; began=$(now_ms)
    ( cd "$WORKDIR" && exec "$JAVA" "$@" ) >"$WORKDIR/$name.log" 2>&1 &
    STARTED_PID=$!
    PIDS+=("$STARTED_PID")
    until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true) == 200 ]]; do
        kill -0 "$STARTED_PID" 2>/dev/null || { echo "$name exited during start-up" >&2; exit 1; }
        (( $(now_ms) - began < STARTUP_TIMEOUT * 1000 )) || { echo "$name: no answer within ${STARTUP_TIMEOUT}s" >&2; exit 1; }
        sleep 0.05
    done
    STARTED_MS=$(( $(now_ms) - began ))
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

# --- Class-data sharing: extract the jar, train, archive -----------------------------------------------------------
# On a JDK with the AOT cache (JDK 25: -XX:AOTCacheOutput, one training run), the archive is an AOT cache, which also
# keeps the classes loaded and linked; on older JDKs, a dynamic CDS archive. Either is made by a training run that
# stops once the context is refreshed, and used with the same extracted jar, by the same path.
JVM_FLAGS=$("$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null)
if [[ $JVM_FLAGS == *" AOTCacheOutput "* ]]; then
    ARCHIVE_KIND="AOT cache"; ARCHIVE=$WORKDIR/app.aot
    TRAIN_ARCHIVE=(-XX:AOTCacheOutput="$ARCHIVE"); USE_ARCHIVE=(-XX:AOTCache="$ARCHIVE")
else
    ARCHIVE_KIND="CDS archive"; ARCHIVE=$WORKDIR/app.jsa
    TRAIN_ARCHIVE=(-XX:ArchiveClassesAtExit="$ARCHIVE"); USE_ARCHIVE=(-XX:SharedArchiveFile="$ARCHIVE")
fi
echo "class-data sharing ($ARCHIVE_KIND): extracting the jar and training ..."
"$JAVA" -Djarmode=tools -jar "$WORKDIR/app.jar" extract --destination "$WORKDIR/app-cds" >/dev/null
CDS_JAR=$WORKDIR/app-cds/$(basename "$WORKDIR/app-cds"/*.jar)
( cd "$WORKDIR" && "$JAVA" "$HEAP" "${TRAIN_ARCHIVE[@]}" -Dspring.context.exit=onRefresh \
    -jar "$CDS_JAR" "${APP_ARGS[@]}" ) >"$WORKDIR/cds-training.log" 2>&1 || true
[[ -s $ARCHIVE ]] || { echo "the training run wrote no archive" >&2; exit 1; }

# --- Start-up, one JVM at a time -----------------------------------------------------------------------------------
declare -A START_MS
for kind in bare app app-cds; do
    times=()
    for i in $(seq 1 "$STARTS"); do
        case $kind in
            bare) start bare "$BARE/reservation" "$HEAP" -jar "$WORKDIR/bare.jar" "${BARE_ARGS[@]}" ;;
            app) start app "$APP/login" "$HEAP" -jar "$WORKDIR/app.jar" "${APP_ARGS[@]}" ;;
            app-cds) start app-cds "$APP/login" "$HEAP" "${USE_ARCHIVE[@]}" -jar "$CDS_JAR" "${APP_ARGS[@]}" ;;
        esac
        times+=("$STARTED_MS")
        stop_pid "$STARTED_PID"
    done
    START_MS[$kind]=$(printf '%s\n' "${times[@]}" | median)
    echo "start-up $kind: ${times[*]} ms, median ${START_MS[$kind]} ms"
done

# --- The two apps for the load -------------------------------------------------------------------------------------
start bare "$BARE/reservation" "$HEAP" -jar "$WORKDIR/bare.jar" "${BARE_ARGS[@]}"; BARE_PID=$STARTED_PID
start app "$APP/login" "$HEAP" -jar "$WORKDIR/app.jar" "${APP_ARGS[@]}"; APP_PID=$STARTED_PID

token_pair() {   # token_pair USER PASSWORD: prints "access refresh"
    curl -sf --max-time 10 -X POST "$APP/api/auth/token" -d grant_type=password -d "username=$1" -d "password=$2" \
        | jq -r '.access_token + " " + .refresh_token'
}
read -r ACCESS REFRESH < <(token_pair secret secret)
[[ -n $ACCESS && $ACCESS != null ]] || { echo "no tokens from $APP/api/auth/token" >&2; exit 1; }
AUTH="Authorization: Bearer $ACCESS"
COOKIES="Cookie: accessToken=$ACCESS; refreshToken=$REFRESH"
# The CSRF cookie the first page sets, sent back as a browser does: without it, every page view would make a new
# CSRF token and set its cookie again.
XSRF=$(curl -s --max-time 10 -o /dev/null -D - -H "$COOKIES" "$APP/flights" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: XSRF-TOKEN=\([^;]*\).*/\1/p' | head -n 1)
[[ -n $XSRF ]] || { echo "$APP/flights set no XSRF-TOKEN cookie" >&2; exit 1; }
COOKIES="$COOKIES; XSRF-TOKEN=$XSRF"
check() {   # check URL EXPECTED-TEXT HEADER
    local body; body=$(curl -s --max-time 10 -H "$3" "$1")
    [[ $body == *"$2"* ]] || { echo "$1 did not answer with '$2':" >&2; head -c 400 <<<"$body" >&2; exit 1; }
}
check "$BARE/reservation" '"name":"Ada Lovelace"' 'Accept: application/json'
check "$APP/reservation" '"name":"Ada Lovelace"' "$AUTH"
check "$APP/flights" 'Ada Lovelace' "$COOKIES"
[[ "$(curl -s "$BARE/reservation" | jq -cS .)" == "$(curl -s -H "$AUTH" "$APP/reservation" | jq -cS .)" ]] \
    || { echo "the bare app's JSON differs from the app's" >&2; exit 1; }

# Twice as many sessions as connections: wrk asks for a few more requests than it sends (see wrk/refresh.lua).
refresh_pool() {   # 2 x CONNECTIONS new sessions, one refresh token each, into FILE: half of secret, half of admin
    : >"$1"
    for i in $(seq 1 $(( 2 * CONNECTIONS ))); do
        if (( i % 2 )); then read -r _ refresh < <(token_pair secret secret); else read -r _ refresh < <(token_pair admin admin); fi
        echo "$refresh" >>"$1"
    done
}

# run NAME DURATION: one wrk run of a measured request; writes $WORKDIR/NAME.txt
run() {
    local name=$1 duration=$2 out=$WORKDIR/$1.txt
    case $name in
        bare*) wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency "$BARE/reservation" >"$out" ;;
        reservation*) wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -H "$AUTH" "$APP/reservation" >"$out" ;;
        flights*) wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -H "$COOKIES" "$APP/flights" >"$out" ;;
        refresh*) refresh_pool "$WORKDIR/pool.txt"
            wrk -t1 -c"$CONNECTIONS" -d"$duration" --latency -s "$BENCH/wrk/refresh.lua" "$APP" -- "$WORKDIR/pool.txt" >"$out" ;;
        # 4 at once: the login throttle lets no more than 5 attempts of one username be checked at the same moment.
        login*) wrk -t1 -c4 -d"$duration" --latency -s "$BENCH/wrk/login.lua" "$APP" -- admin admin >"$out" ;;
    esac
}
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
p99_ms() {
    awk '$1 == "99%" { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
        f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.2f\n", v * f }' "$1"
}
errors() {
    awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$1"
}

KINDS=(bare reservation flights refresh login)
echo "warm-up: $WARMUP each (login 10s)"
for kind in "${KINDS[@]}"; do
    if [[ $kind == login ]]; then run login-warmup 10s; else run "$kind-warmup" "$WARMUP"; fi
    echo "  $kind: $(rps "$WORKDIR/$kind-warmup.txt") req/s, errors $(errors "$WORKDIR/$kind-warmup.txt")"
done

for round in $(seq 1 "$ROUNDS"); do
    line="round $round:"
    for kind in "${KINDS[@]}"; do
        run "$kind-$round" "$ROUND"
        line+=" $kind $(rps "$WORKDIR/$kind-$round.txt") (p99 $(p99_ms "$WORKDIR/$kind-$round.txt") ms, errors $(errors "$WORKDIR/$kind-$round.txt"))"
    done
    echo "$line"
done

rss_mb() { awk '/VmRSS/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"; }
RSS_APP=$(rss_mb "$APP_PID")
RSS_BARE=$(rss_mb "$BARE_PID")

declare -A RPS P99 ERR
for kind in "${KINDS[@]}"; do
    RPS[$kind]=$(for r in $(seq 1 "$ROUNDS"); do rps "$WORKDIR/$kind-$r.txt"; done | median)
    P99[$kind]=$(for r in $(seq 1 "$ROUNDS"); do p99_ms "$WORKDIR/$kind-$r.txt"; done | median)
    ERR[$kind]=$(for r in $(seq 1 "$ROUNDS"); do errors "$WORKDIR/$kind-$r.txt"; done | awk '{n += $1} END {print n + 0}')
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
R_RES=$(ratio "${RPS[reservation]}" "${RPS[bare]}")
R_FLIGHTS=$(ratio "${RPS[flights]}" "${RPS[reservation]}")
R_REFRESH=$(ratio "${RPS[refresh]}" 3000)
R_RSS=$(ratio "$RSS_APP" "$RSS_BARE")
R_START=$(ratio "${START_MS[app]}" "${START_MS[bare]}")
R_CDS=$(ratio "${START_MS[app-cds]}" "${START_MS[bare]}")
fmt() { printf "%'.0f" "$1"; }
secs() { awk -v ms="$1" 'BEGIN {printf "%.1f s", ms / 1000}'; }

# --- Results: a markdown table and an SVG chart --------------------------------------------------------------------
mkdir -p "$OUT"
JVM=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.vm.name|java.runtime.version/ {printf "%s ", $2}')
{
    echo "Load run of $(date -u +%Y-%m-%d) on $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $JVM;"
    echo "\`wrk -t1 -c$CONNECTIONS\` on 127.0.0.1, $WARMUP warm-up per request, medians of $ROUNDS rounds of $ROUND taken in turns;"
    echo "start-up: median of $STARTS starts to the first answer; both apps \`java $HEAP -jar\`."
    echo
    echo "| | req/s | p99 | errors | ratio | target |"
    echo "| --- | --- | --- | --- | --- | --- |"
    echo "| bare endpoint, same JSON from memory | $(fmt "${RPS[bare]}") | ${P99[bare]} ms | ${ERR[bare]} | 1 | |"
    echo "| \`GET /reservation\` with a bearer token | $(fmt "${RPS[reservation]}") | ${P99[reservation]} ms | ${ERR[reservation]} | ${R_RES}x bare | >= 0.6x bare |"
    echo "| \`GET /flights\` with the cookies of a signed-in user | $(fmt "${RPS[flights]}") | ${P99[flights]} ms | ${ERR[flights]} | ${R_FLIGHTS}x the API | >= 0.3x the API |"
    echo "| \`POST /api/auth/refresh\`, each token used once | $(fmt "${RPS[refresh]}") | ${P99[refresh]} ms | ${ERR[refresh]} | ${R_REFRESH}x the target | >= 3,000 req/s |"
    echo "| sign-in (password grant, BCrypt, 4 connections) | $(fmt "${RPS[login]}") | ${P99[login]} ms | ${ERR[login]} | | bounded by BCrypt |"
    echo "| start to the first answer, \`java -jar\` | $(secs "${START_MS[app]}") (bare $(secs "${START_MS[bare]}")) | | | ${R_START}x bare | <= 1.5x bare |"
    echo "| start to the first answer, $ARCHIVE_KIND | $(secs "${START_MS[app-cds]}") | | | ${R_CDS}x bare | <= 1x bare |"
    echo "| resident memory after the load | $RSS_APP MB (bare $RSS_BARE MB) | | | ${R_RSS}x bare | <= 1.3x bare |"
} | tee "$OUT/performance.md"

# One bar per ratio, each with its target as a tick; green when the target is met, red when not.
# Fields: label, value, target, whether higher is better.
{
    echo "GET /reservation / bare|$R_RES|0.6|1"
    echo "GET /flights / GET /reservation|$R_FLIGHTS|0.3|1"
    echo "refresh / 3,000 req/s|$R_REFRESH|1|1"
    echo "RSS / bare|$R_RSS|1.3|0"
    echo "start-up / bare|$R_START|1.5|0"
    echo "start-up with $ARCHIVE_KIND / bare|$R_CDS|1|0"
} | awk -F'|' -v title="jwt-flights against a bare Spring Boot endpoint ($(date -u +%Y-%m-%d), $(nproc) cores)" '
    { label[NR] = $1; value[NR] = $2; target[NR] = $3; higher[NR] = $4; if ($2 > max) max = $2; if ($3 > max) max = $3 }
    END {
        n = NR; left = 250; width = 420; bar = 22; gap = 14; top = 44
        scale = width / (max * 1.1); h = top + n * (bar + gap) + 40
        printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", left + width + 190, h, left + width + 190, h, title
        printf "<style>text{font:13px sans-serif;fill:#222}.t{font-weight:bold}.v{font-size:12px}</style>\n"
        printf "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
        printf "<text class=\"t\" x=\"10\" y=\"24\">%s</text>\n", title
        for (i = 1; i <= n; i++) {
            y = top + (i - 1) * (bar + gap)
            met = higher[i] ? (value[i] >= target[i]) : (value[i] <= target[i])
            colour = met ? "#2e7d32" : "#c62828"
            printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n", left - 8, y + bar - 6, label[i]
            printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n", left, y, value[i] * scale, bar, colour
            tx = left + target[i] * scale
            printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>\n", tx, y - 4, tx, y + bar + 4
            printf "<text class=\"v\" x=\"%.1f\" y=\"%d\">%sx (target %s %s)</text>\n", left + value[i] * scale + 6, y + bar - 6, value[i], higher[i] ? "&#8805;" : "&#8804;", target[i]
        }
        printf "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", left, top - 6, left, h - 30
        printf "<text class=\"v\" x=\"10\" y=\"%d\">Bars: measured ratio (green: target met, red: missed). Dashed ticks: the targets.</text>\n", h - 10
        printf "</svg>\n"
    }' >"$OUT/performance.svg"
echo "wrote $OUT/performance.md and $OUT/performance.svg"
