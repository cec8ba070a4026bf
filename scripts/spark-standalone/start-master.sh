#!/usr/bin/env bash
# Starts a Spark standalone master in the background and prints its URL (spark://host:port) on stdout.
#   start-master.sh STATE_DIR [--port P] [--webui-port P]
# STATE_DIR receives master.pid and master.log; stop with stop.sh STATE_DIR. Ports default to 0 (any free port),
# so several jobs sharing a node never collide; the URL printed is the one the master actually bound.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

state="${1:-}"
[ -n "$state" ] || ms_die "usage: start-master.sh STATE_DIR [--port P] [--webui-port P]"
shift
port=0
webui=0
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --webui-port) webui="$2"; shift 2 ;;
    *) ms_die "unknown option $1" ;;
  esac
done
ms_require_jars
mkdir -p "$state"
state="$(cd "$state" && pwd)"
log="$state/master.log"
host="$(ms_host)"
if [ -s "$state/master.pid" ] && kill -0 "$(cat "$state/master.pid")" 2>/dev/null; then
  ms_die "a master is already running from $state (pid $(cat "$state/master.pid"))"
fi

# The REST submission server is off: jobs are submitted in client mode, and an open REST port would accept
# cluster-mode submissions from anyone who can reach the node.
nohup "$JAVA" "-Xmx$MATSCREEN_DAEMON_MEMORY" "${SPARK_MODULE_FLAGS[@]}" \
  -Dspark.master.rest.enabled=false \
  -cp "$MATSCREEN_LIB/*" org.apache.spark.deploy.master.Master \
  --host "$host" --port "$port" --webui-port "$webui" >"$log" 2>&1 </dev/null &
echo $! >"$state/master.pid"
ms_wait_log "$log" 'Starting Spark master at spark://' "$(cat "$state/master.pid")" 60
ms_wait_log "$log" 'I have been elected leader' "$(cat "$state/master.pid")" 60
url="$(grep -oE 'spark://[^ ]+' "$log" | head -n 1)"
echo "$url" >"$state/master.url"
echo "$url"
