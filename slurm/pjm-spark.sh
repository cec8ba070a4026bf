#!/bin/bash
# A Spark standalone cluster inside one PJM allocation (Fugaku): the master and the driver on the job's first node,
# one worker per node started by mpiexec (the job asks for max-proc-per-node=1), the campaign submitted in client
# mode. Run by the script 'matscreen submit --scheduler pjm --nodes N' renders (MATSCREEN_HOME, MATSCREEN_NODES,
# MATSCREEN_TIME_LIMIT, MATSCREEN_JOB_START, MATSCREEN_STOP_BEFORE).
#   bash slurm/pjm-spark.sh CAMPAIGN [matscreen run options]
# Workers stop when a stop file appears (PJM's mpiexec is not relied on to pass signals on); the EXIT trap writes it.
# Exit code: 0 complete, 5 stopped at the deadline (submit again to resume), else a failure.
set -euo pipefail
# shellcheck source=lib.sh
source "${MATSCREEN_HOME:?MATSCREEN_HOME must name the matscreen checkout}/slurm/lib.sh"
ms_setup
ms_require_jars
ms_check_build
[ $# -ge 1 ] || ms_die "usage: pjm-spark.sh CAMPAIGN [matscreen run options]"
command -v mpiexec >/dev/null || ms_die "mpiexec not found: PJM jobs start one worker per node with it"

state="${MATSCREEN_STATE:-${PJM_O_WORKDIR:-$PWD}/matscreen-jobs/spark-${PJM_JOBID:-$$}${PJM_BULKNUM:+-$PJM_BULKNUM}}"
mkdir -p "$state"
state="$(cd "$state" && pwd)"
rm -f "$state/stop"
nodes="${MATSCREEN_NODES:?MATSCREEN_NODES must be the job's node count}"
cores="$(nproc)"
node_mb="${MATSCREEN_NODE_MEMORY_MB:-$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)}"
executor_mb="$(ms_executor_memory_mb "$node_mb" "$cores")"
deadline="$(ms_deadline "$(ms_pjm_time_left)")"

workers_pid=""
driver_pid=""
cleanup() {
  local rc=$? i
  set +e
  trap - TERM INT
  if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
    kill -TERM "$driver_pid" 2>/dev/null
    wait "$driver_pid" 2>/dev/null
  fi
  # The master first: it is quick, and a batch system that loses patience (KillWait) must not leave it behind.
  "$MATSCREEN_HOME/scripts/spark-standalone/stop.sh" "$state" --master-only
  if [ -n "$workers_pid" ]; then
    touch "$state/stop"
    for i in $(seq 1 60); do
      kill -0 "$workers_pid" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$workers_pid" 2>/dev/null && kill -TERM "$workers_pid" 2>/dev/null
    wait "$workers_pid" 2>/dev/null
  fi
  "$MATSCREEN_HOME/scripts/spark-standalone/stop.sh" "$state"
  echo "matscreen: cluster stopped; exit code $rc" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

echo "matscreen: PJM job ${PJM_JOBID:-?} on $nodes node(s) x $cores core(s), ${node_mb} MB per node;" \
  "executors ${executor_mb} MB; deadline ${deadline:-none}; state in $state" >&2
master_url="$("$MATSCREEN_HOME/scripts/spark-standalone/start-master.sh" "$state")"
# The workers' folders go to node-local storage when PJM provides it (#PJM --llio localtmp-size=…): executors
# unpack the application jar and write their logs there instead of on the shared file system.
work_args=()
[ -n "${PJM_LOCALTMP:-}" ] && work_args=(--work-dir "$PJM_LOCALTMP/matscreen-spark-worker")
mpiexec -n "$nodes" "$MATSCREEN_HOME/scripts/spark-standalone/worker.sh" "$state" "$master_url" \
  --cores "$cores" --memory "${executor_mb}m" --stop-file "$state/stop" "${work_args[@]}" &
workers_pid=$!
ms_wait_workers "$state" "$nodes" "$workers_pid" 300
echo "matscreen: $nodes Spark worker(s) registered with $master_url" >&2

run_args=("$@")
shard="$(ms_shard)"
[ -n "$shard" ] && run_args+=(--shard "$shard")
[ -n "$deadline" ] && run_args+=(--deadline "$deadline")
spark_conf=(--conf "spark.executor.memory=${executor_mb}m" --conf "spark.cores.max=$((nodes * cores))")
if [ -n "${PJM_LOCALTMP:-}" ]; then
  # Same path on every node, node-local storage behind it: LAMMPS workers' folders and Spark's scratch.
  export MATSCREEN_JAVA_TMP="$PJM_LOCALTMP"
  spark_conf+=(--conf "spark.executor.extraJavaOptions=-Djava.io.tmpdir=$PJM_LOCALTMP"
    --conf "spark.local.dir=$PJM_LOCALTMP/spark")
fi
"$MATSCREEN_HOME/scripts/spark-standalone/submit.sh" "$master_url" "${spark_conf[@]}" -- "${run_args[@]}" &
driver_pid=$!
rc=0
wait "$driver_pid" || rc=$?
driver_pid=""
exit "$rc"
