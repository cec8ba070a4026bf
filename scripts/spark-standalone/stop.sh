#!/usr/bin/env bash
# Stops the workers and the master started from STATE_DIR, by the PIDs their start scripts recorded.
#   stop.sh STATE_DIR [--master-only]
# Workers go first (each ends its executors on SIGTERM), then the master. A process that ignores SIGTERM for 15 s
# is killed. Processes are never looked up by name: other users' JVMs on the same machine are not ours.
set -euo pipefail
state="${1:-}"
[ -n "$state" ] || { echo "usage: stop.sh STATE_DIR [--master-only]" >&2; exit 2; }
master_only=0
[ "${2:-}" = "--master-only" ] && master_only=1
[ -d "$state" ] || exit 0

stop_pid() {
  local f="$1" pid i
  [ -s "$f" ] || { rm -f "$f"; return 0; }
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 75); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

if [ "$master_only" -eq 0 ]; then
  for f in "$state"/worker-*.pid; do
    [ -e "$f" ] && stop_pid "$f"
  done
fi
stop_pid "$state/master.pid"
