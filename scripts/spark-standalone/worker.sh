#!/usr/bin/env bash
# Runs one Spark standalone worker in the foreground until it is stopped: the form a batch system launches on each
# node (srun, mpiexec). SIGTERM stops it (Slurm: scancel --signal=TERM on its step); so does the stop file, for
# launchers that do not pass signals on (PJM's mpiexec). Exits 0 when stopped on request.
#   worker.sh STATE_DIR MASTER_URL --cores N --memory M [--stop-file F] [--work-dir D]
# --memory is what executors may take (e.g. 6g, 6000m); the daemon itself gets MATSCREEN_DAEMON_MEMORY. Each worker
# keeps its log and executor folders under STATE_DIR/worker-<host>-<rank> unless --work-dir says otherwise.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

state="${1:-}"
master="${2:-}"
[ -n "$state" ] && [ -n "$master" ] || ms_die "usage: worker.sh STATE_DIR MASTER_URL --cores N --memory M [--stop-file F] [--work-dir D]"
shift 2
cores=""
memory=""
stop_file=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --cores) cores="$2"; shift 2 ;;
    --memory) memory="$2"; shift 2 ;;
    --stop-file) stop_file="$2"; shift 2 ;;
    --work-dir) work="$2"; shift 2 ;;
    *) ms_die "unknown option $1" ;;
  esac
done
# Spark's defaults are the whole machine; on a shared or oversubscribed node an executor asking for more than the
# worker has would wait forever, so both are required.
[[ "$cores" =~ ^[1-9][0-9]*$ ]] || ms_die "--cores must be a positive integer (got '$cores')"
[[ "$memory" =~ ^[1-9][0-9]*[mMgG]$ ]] || ms_die "--memory must look like 4g or 4096m (got '$memory')"
ms_require_jars
host="$(ms_host)"
# The rank tells apart several workers on one host (simulated nodes in tests, or a node running two).
rank="${SLURM_PROCID:-${PMIX_RANK:-${OMPI_COMM_WORLD_RANK:-${PMI_RANK:-0}}}}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
dir="${work:-$state/worker-$host-$rank}"
mkdir -p "$dir"
ms_spark_home "$dir"
ms_scrub_launcher_env

cmd=("$JAVA" "-Xmx$MATSCREEN_DAEMON_MEMORY" "${SPARK_MODULE_FLAGS[@]}"
  -cp "$MATSCREEN_LIB/*" org.apache.spark.deploy.worker.Worker
  --host "$host" --port 0 --webui-port 0 --cores "$cores" --memory "$memory" --work-dir "$dir/work" "$master")
# The JVM runs as a child so that a stop, by signal or by stop file, ends it in order (its shutdown hook ends its
# executors) and this script then exits 0: a worker told to stop is not a failed task of the batch step.
"${cmd[@]}" &
pid=$!
echo "$pid" >"$dir/worker.pid"
stopping=0
trap 'stopping=1; kill -TERM "$pid" 2>/dev/null || true' TERM INT
while kill -0 "$pid" 2>/dev/null; do
  if [ -n "$stop_file" ] && [ -e "$stop_file" ]; then
    stopping=1
    kill -TERM "$pid" 2>/dev/null || true
    break
  fi
  sleep 1 &
  wait $! 2>/dev/null || true
done
rc=0
wait "$pid" 2>/dev/null || rc=$?
# A worker that stopped on request ends well; one that died by itself reports its code.
[ "$stopping" -eq 1 ] && exit 0
exit "$rc"
