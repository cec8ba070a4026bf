# Sourced by matscreen's batch scripts (Slurm and PJM): the site set-up, resources and the deadline.
# shellcheck shell=bash

[ -n "${MATSCREEN_HOME:-}" ] && [ -d "$MATSCREEN_HOME/scripts/spark-standalone" ] || {
  echo "matscreen batch script: MATSCREEN_HOME must name the matscreen checkout on a file system the nodes share" \
    "(it is '${MATSCREEN_HOME:-unset}'); 'matscreen submit' sets it" >&2
  exit 2
}
# shellcheck source=../scripts/spark-standalone/common.sh
source "$MATSCREEN_HOME/scripts/spark-standalone/common.sh"

# The site's environment (module load …, spack load …, export MATSCREEN_LAMMPS_LIB=…), sourced before anything
# else on the batch node and again by every worker, so each node finds its own JDK and liblammps.so.
ms_setup() {
  if [ -n "${MATSCREEN_SETUP:-}" ]; then
    [ -r "$MATSCREEN_SETUP" ] || ms_die "MATSCREEN_SETUP names '$MATSCREEN_SETUP', which is not a readable file"
    # shellcheck source=/dev/null
    source "$MATSCREEN_SETUP"
  fi
}

# A job rendered by 'matscreen submit' runs the build copied at submit time (MATSCREEN_BUILD_COMMIT is its commit):
# its own jars and scripts are copies, the third-party jars links whose names carry their versions. Refuses to start
# when a linked jar has gone (the dependencies changed and the old files were removed), and notes when the checkout
# has moved on since (that does not matter to this job).
ms_check_build() {
  [ -n "${MATSCREEN_BUILD_COMMIT:-}" ] || return 0
  local jar now
  for jar in "$MATSCREEN_LIB"/*.jar; do
    [ -e "$jar" ] || ms_die "the build submitted at commit $MATSCREEN_BUILD_COMMIT is gone: $jar links to a" \
      "third-party jar that no longer exists (the checkout's dependencies changed); submit the campaign again"
  done
  echo "matscreen: running the build submitted at commit $MATSCREEN_BUILD_COMMIT ($MATSCREEN_JAR)" >&2
  if [ -n "${MATSCREEN_CHECKOUT:-}" ] && command -v git >/dev/null 2>&1; then
    now="$(git -C "$MATSCREEN_CHECKOUT" rev-parse HEAD 2>/dev/null || true)"
    if [ -n "$now" ] && [ "$now" != "$MATSCREEN_BUILD_COMMIT" ]; then
      echo "matscreen: note: the checkout $MATSCREEN_CHECKOUT is now at commit $now; this job runs the submitted" \
        "build, not the checkout" >&2
    fi
  fi
}

# Seconds from a Slurm duration as squeue prints it (%L, time left): [D-][HH:]MM:SS; empty for none or unknown.
ms_slurm_seconds() {
  local t="$1" d=0 h=0 m=0 s=0
  case "$t" in
    ''|UNLIMITED|NOT_SET|INVALID|N/A) echo ""; return 0 ;;
  esac
  if [[ "$t" == *-* ]]; then d="${t%%-*}"; t="${t#*-}"; fi
  IFS=: read -r -a parts <<<"$t"
  case "${#parts[@]}" in
    3) h="${parts[0]}"; m="${parts[1]}"; s="${parts[2]}" ;;
    2) m="${parts[0]}"; s="${parts[1]}" ;;
    1) s="${parts[0]}" ;;
    *) echo ""; return 0 ;;
  esac
  echo $(( 10#$d * 86400 + 10#$h * 3600 + 10#$m * 60 + 10#$s ))
}

# The deadline (epoch seconds) for 'matscreen run --deadline': the job's end minus MATSCREEN_STOP_BEFORE seconds, so
# the candidates in flight finish, their records are committed and the cluster stops before the batch system kills
# the job. Empty when the job has no time limit.
#   ms_deadline SECONDS_LEFT
# MATSCREEN_STOP_BEFORE=none runs without a deadline, until the batch system ends the job (for sites that requeue
# killed jobs themselves, and to test that a killed job loses nothing committed).
ms_deadline() {
  local left="$1" margin="${MATSCREEN_STOP_BEFORE:-300}"
  [ -n "$left" ] && [ "$margin" != none ] || { echo ""; return 0; }
  [[ "$margin" =~ ^[0-9]+$ ]] || ms_die "MATSCREEN_STOP_BEFORE must be whole seconds (got '$margin')"
  if [ "$left" -le "$margin" ]; then
    echo "matscreen: only $left s left, less than MATSCREEN_STOP_BEFORE=$margin s: no candidate will start" >&2
  fi
  echo $(( $(date +%s) + left - margin ))
}

# Time left in this Slurm job, in seconds (empty if unlimited). Asked of the controller rather than computed from
# the submitted limit, so a job whose limit an administrator changed, or that was requeued, gets the right answer.
ms_slurm_time_left() {
  ms_slurm_seconds "$(squeue -h -j "$SLURM_JOB_ID" -o %L 2>/dev/null | head -n 1)"
}

# Time left in a PJM job, in seconds: PJM states no end time in the environment, so the rendered script records
# when it started (MATSCREEN_JOB_START) and the elapse limit it asked for (MATSCREEN_TIME_LIMIT).
ms_pjm_time_left() {
  [ -n "${MATSCREEN_TIME_LIMIT:-}" ] || { echo ""; return 0; }
  echo $(( ${MATSCREEN_JOB_START:-$(date +%s)} + MATSCREEN_TIME_LIMIT - $(date +%s) ))
}

# The --shard option for an array task (Slurm) or bulk sub-job (PJM), if this is one: shard TASK of
# MATSCREEN_SHARDS (default: the array's task count). Prints nothing for an ordinary job.
ms_shard() {
  local task="${SLURM_ARRAY_TASK_ID:-${PJM_BULKNUM:-}}" shards
  [ -n "$task" ] || return 0
  shards="${MATSCREEN_SHARDS:-${SLURM_ARRAY_TASK_COUNT:-}}"
  [[ "$shards" =~ ^[1-9][0-9]*$ ]] || ms_die "cannot tell the number of shards: set MATSCREEN_SHARDS"
  [[ "$task" =~ ^[0-9]+$ ]] && [ "$task" -lt "$shards" ] \
    || ms_die "task $task is outside shards 0..$((shards - 1)): submit the array (or bulk job) as 0-$((shards - 1))"
  echo "$task/$shards"
}

# Memory this node gives the job, in MB, as Slurm states it.
ms_slurm_node_memory_mb() {
  if [ -n "${SLURM_MEM_PER_NODE:-}" ]; then
    echo "$SLURM_MEM_PER_NODE"
  elif [ -n "${SLURM_MEM_PER_CPU:-}" ]; then
    echo $(( SLURM_MEM_PER_CPU * ${SLURM_CPUS_ON_NODE:-1} ))
  else
    awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo
  fi
}

# Heap for one executor per node, in MB: the node's memory less the worker daemon, the master and driver (on the
# batch node; reserved everywhere for simplicity) and one LAMMPS worker process per core, which live outside the
# executor's heap. MATSCREEN_EXECUTOR_MEMORY (MB) overrides it.
#   ms_executor_memory_mb NODE_MB CORES
ms_executor_memory_mb() {
  local node="$1" cores="$2" driver mb
  if [ -n "${MATSCREEN_EXECUTOR_MEMORY:-}" ]; then
    [[ "$MATSCREEN_EXECUTOR_MEMORY" =~ ^[1-9][0-9]*$ ]] || ms_die "MATSCREEN_EXECUTOR_MEMORY must be MB (got '$MATSCREEN_EXECUTOR_MEMORY')"
    echo "$MATSCREEN_EXECUTOR_MEMORY"
    return 0
  fi
  driver="${MATSCREEN_DRIVER_MEMORY:-2g}"
  case "$driver" in
    *g|*G) driver=$(( ${driver%[gG]} * 1024 )) ;;
    *m|*M) driver="${driver%[mM]}" ;;
    *) driver=2048 ;;
  esac
  mb=$(( node - 1024 - driver - cores * 384 ))
  [ "$mb" -gt 16384 ] && mb=16384
  [ "$mb" -lt 512 ] && mb=512
  echo "$mb"
}

# Waits until the master has registered N workers, failing early if the launcher of the workers ended.
#   ms_wait_workers STATE_DIR N LAUNCHER_PID SECONDS
ms_wait_workers() {
  local state="$1" n="$2" pid="$3" seconds="$4" i have=0
  for i in $(seq 1 $((seconds * 2))); do
    have=$(grep -c 'Registering worker' "$state/master.log" 2>/dev/null || true)
    [ "${have:-0}" -ge "$n" ] && return 0
    kill -0 "$pid" 2>/dev/null || ms_die "the workers' launcher exited before $n worker(s) registered (have $have)"
    sleep 0.5
  done
  ms_die "only $have of $n Spark workers registered within $seconds s; see $state/master.log and $state/worker-*"
}
