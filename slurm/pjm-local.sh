#!/bin/bash
# The campaign (or, as a PJM bulk sub-job, one shard of it) in Spark local mode on one node, for Fujitsu's PJM
# (Fugaku). Run by the script 'matscreen submit --scheduler pjm' renders, which sets MATSCREEN_HOME,
# MATSCREEN_TIME_LIMIT, MATSCREEN_JOB_START and, for bulk jobs, MATSCREEN_SHARDS (PJM_BULKNUM is the shard).
#   bash slurm/pjm-local.sh CAMPAIGN [matscreen run options]
# Exit code: 0 complete, 5 stopped at the deadline (submit again to resume), else a failure.
set -euo pipefail
# shellcheck source=lib.sh
source "${MATSCREEN_HOME:?MATSCREEN_HOME must name the matscreen checkout}/slurm/lib.sh"
ms_setup
ms_require_jars
ms_check_build
[ $# -ge 1 ] || ms_die "usage: pjm-local.sh CAMPAIGN [matscreen run options]"

cores="$(nproc)"
# PJM enforces the node's memory limit for the job; MemAvailable is what the job may use of it.
node_mb="${MATSCREEN_NODE_MEMORY_MB:-$(awk '/^MemAvailable:/ {print int($2 / 1024)}' /proc/meminfo)}"
if [ -z "${MATSCREEN_DRIVER_MEMORY:-}" ]; then
  heap=$(( node_mb - cores * 384 - 512 ))
  [ "$heap" -gt 16384 ] && heap=16384
  [ "$heap" -lt 768 ] && heap=768
  export MATSCREEN_DRIVER_MEMORY="${heap}m"
fi
# Node-local scratch for the LAMMPS workers' folders and Spark's spill files, not the shared file system.
if [ -n "${PJM_LOCALTMP:-}" ]; then
  export MATSCREEN_JAVA_TMP="$PJM_LOCALTMP"
fi
deadline="$(ms_deadline "$(ms_pjm_time_left)")"
run_args=("$@")
shard="$(ms_shard)"
[ -n "$shard" ] && run_args+=(--shard "$shard")
[ -n "$deadline" ] && run_args+=(--deadline "$deadline")
echo "matscreen: PJM job ${PJM_JOBID:-?}${PJM_BULKNUM:+ (bulk $PJM_BULKNUM)}, local[$cores], heap $MATSCREEN_DRIVER_MEMORY," \
  "deadline ${deadline:-none}" >&2

driver_pid=""
trap '[ -n "$driver_pid" ] && kill -TERM "$driver_pid" 2>/dev/null; wait "$driver_pid" 2>/dev/null; exit 143' TERM INT
"$MATSCREEN_HOME/scripts/spark-standalone/submit.sh" "local[$cores]" -- "${run_args[@]}" &
driver_pid=$!
rc=0
wait "$driver_pid" || rc=$?
exit "$rc"
