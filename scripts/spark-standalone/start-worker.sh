#!/usr/bin/env bash
# Starts a Spark standalone worker in the background and waits until the master has registered it.
#   start-worker.sh STATE_DIR MASTER_URL --cores N --memory M
# For a workstation or a test; inside a batch allocation the job script runs worker.sh through srun or mpiexec.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

state="${1:-}"
master="${2:-}"
[ -n "$state" ] && [ -n "$master" ] || ms_die "usage: start-worker.sh STATE_DIR MASTER_URL --cores N --memory M"
shift 2
mkdir -p "$state"
state="$(cd "$state" && pwd)"
n=1
while [ -e "$state/worker-$n.pid" ]; do n=$((n + 1)); done
log="$state/worker-$n.log"
# A distinct work folder per worker started here, so two workers on one host never share executor folders.
nohup "$(dirname "${BASH_SOURCE[0]}")/worker.sh" "$state" "$master" --work-dir "$state/worker-$n" "$@" \
  >"$log" 2>&1 </dev/null &
echo $! >"$state/worker-$n.pid"
ms_wait_log "$log" 'Successfully registered with master' "$(cat "$state/worker-$n.pid")" 60
echo "worker $n registered with $master (log: $log)" >&2
