#!/usr/bin/env bash
# The portal's load benchmark (docs/performance.md, "The portal under entry load").
#
# A release build of tandoo serves a generated national election (24 constituencies, 12,000
# stations) while protocols are double-entered through the API as fast as it takes them
# (the example `election_night` of tandoo-server). Under that load, wrk reads one address at
# a time: the portal's /results/13.json and /results/13 and the API's /api/status (national
# and constituency 13) from tandoo, and the same bytes as static files from nginx
# (worker_processes 1). Each case starts from a copy of the same record, so every case
# enters the same protocols. It prints, per case, wrk's requests/s, p99 and errors, the
# entry rate during the reads, and the time from a protocol accepted (in the middle of the
# reads) to /results/13.json counting it.
#
# Run: bash bench/portal.sh   (as root if wrk or nginx must be installed)
# Settings: READ_SECONDS (10), CONNECTIONS (16), WRK_THREADS (1), TANDOO_PORT (18080),
# NGINX_PORT (18081).
set -euo pipefail

READ_SECONDS=${READ_SECONDS:-10}
CONNECTIONS=${CONNECTIONS:-16}
WRK_THREADS=${WRK_THREADS:-1}
TANDOO_PORT=${TANDOO_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}

cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null
fi

cargo build --release -q -p tandoo-cli
cargo build --release -q -p tandoo-server --example election_night
target=${CARGO_TARGET_DIR:-$PWD/target}
tandoo=$target/release/tandoo
night=$target/release/examples/election_night

work=$(mktemp -d)
# nginx's worker reads the site as an unprivileged user.
chmod 755 "$work"
server=
nginx_pid=
cleanup() {
    [ -z "$server" ] || kill "$server" 2>/dev/null || true
    [ -z "$nginx_pid" ] || kill "$nginx_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

tandoo_at=127.0.0.1:$TANDOO_PORT
nginx_at=127.0.0.1:$NGINX_PORT

start_tandoo() {
    rm -f "$work"/run.db*
    for f in "$work"/template.db*; do cp "$f" "$work/run.db${f#"$work"/template.db}"; done
    "$tandoo" serve --db "$work/run.db" --listen "$tandoo_at" >"$work/serve.log" 2>&1 &
    server=$!
    until curl -fs "http://$tandoo_at/api/health" >/dev/null; do
        kill -0 "$server" 2>/dev/null || { cat "$work/serve.log"; exit 1; }
        sleep 0.2
    done
}

stop_tandoo() {
    kill "$server"
    wait "$server" || true
    server=
}

# One case: a fresh server, entry for the whole run, wrk on URL (none: entry alone) from
# the first second, and one protocol accepted half-way through whose visibility is timed.
# Prints one line.
measure() {
    local label=$1 url=${2:-}
    start_tandoo
    "$night" enter "$tandoo_at" $((READ_SECONDS + 1)) >"$work/entry.txt" &
    local entry=$!
    sleep 1
    ( sleep $((READ_SECONDS / 2)); "$night" visible "$tandoo_at" >"$work/visible.txt" ) &
    local visible=$!
    if [ -n "$url" ]; then
        wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${READ_SECONDS}s" --latency "$url" >"$work/wrk.txt"
    else
        : >"$work/wrk.txt"
    fi
    wait "$entry"
    wait "$visible"
    stop_tandoo
    local rps p99 errors
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$work/wrk.txt")
    printf '%-36s %10s req/s  p99 %8s  errors: %s\n' "$label" "${rps:--}" "${p99:--}" "${errors:-none}"
    printf '%-36s %s\n' "" "$(cat "$work/entry.txt")"
    printf '%-36s %s\n' "" "$(cat "$work/visible.txt")"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); reads: wrk -t$WRK_THREADS -c$CONNECTIONS -d${READ_SECONDS}s"

"$night" prepare "$work/template.db"

# The static site: the portal as `tandoo publish` writes it, from a record with the
# protocols of one run entered (so the pages are as large as the live ones), and beside it
# the API's status answers of the same record as files.
start_tandoo
"$night" enter "$tandoo_at" $((READ_SECONDS + 1)) >/dev/null
curl -fs "http://$tandoo_at/api/status" >"$work/status.json"
curl -fs "http://$tandoo_at/api/status?constituency=13" >"$work/status-13.json"
stop_tandoo
"$tandoo" publish --db "$work/run.db" --out "$work/site" >/dev/null
mkdir -p "$work/site/api"
mv "$work/status.json" "$work/site/api/status.json"
mv "$work/status-13.json" "$work/site/api/status-13.json"
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    server {
        listen $nginx_at;
        root $work/site;
        index index.html;
        etag on;
    }
}
EOF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
for _ in $(seq 50); do
    curl -fs "http://$nginx_at/results/13.json" >/dev/null && break
    sleep 0.2
done
curl -fs "http://$nginx_at/results/13.json" >/dev/null || { cat "$work/nginx-error.log"; exit 1; }

echo "bytes: /results/13.json $(stat -c %s "$work/site/results/13.json"), /results/13 $(stat -c %s "$work/site/results/13/index.html"), /api/status $(stat -c %s "$work/site/api/status.json"), ?constituency=13 $(stat -c %s "$work/site/api/status-13.json")"

measure "entry alone (no reads)"
measure "tandoo /results/13.json" "http://$tandoo_at/results/13.json"
measure "nginx  /results/13.json" "http://$nginx_at/results/13.json"
measure "tandoo /results/13" "http://$tandoo_at/results/13"
measure "nginx  /results/13/" "http://$nginx_at/results/13/"
measure "tandoo /api/status" "http://$tandoo_at/api/status"
measure "nginx  /api/status.json" "http://$nginx_at/api/status.json"
measure "tandoo /api/status?constituency=13" "http://$tandoo_at/api/status?constituency=13"
measure "nginx  /api/status-13.json" "http://$nginx_at/api/status-13.json"
