# Sourced by the scripts in this folder: where matscreen's jars are, which java, and the JVM flags Spark needs.
# Spark's standalone Master, Worker and SparkSubmit are classes in the project's own runtime jars (cli/target/lib),
# so no Spark distribution is needed: they run with plain 'java -cp'.
#
# Environment (all optional):
#   MATSCREEN_HOME          the matscreen checkout (default: two folders above this file)
#   MATSCREEN_JAR, MATSCREEN_LIB   the CLI jar and the folder of runtime jars (default: cli/target/ of the checkout)
#   JAVA_HOME               the JDK to use (default: java on PATH)
#   MATSCREEN_SPARK_HOST    the address Spark daemons and the driver bind to (default: this host's name)
#   MATSCREEN_DAEMON_MEMORY heap of the master and worker daemons (default: 512m; they only coordinate)

# shellcheck shell=bash
_ms_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MATSCREEN_HOME="${MATSCREEN_HOME:-$(cd "$_ms_here/../.." && pwd)}"
MATSCREEN_JAR="${MATSCREEN_JAR:-$MATSCREEN_HOME/cli/target/matscreen-cli.jar}"
MATSCREEN_LIB="${MATSCREEN_LIB:-$MATSCREEN_HOME/cli/target/lib}"
export MATSCREEN_HOME MATSCREEN_JAR MATSCREEN_LIB
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
MATSCREEN_DAEMON_MEMORY="${MATSCREEN_DAEMON_MEMORY:-512m}"

# The flags spark-submit adds on Java 17 (org.apache.spark.launcher.JavaModuleOptions), as in the matscreen launcher.
SPARK_MODULE_FLAGS=(
  -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false
  -Dio.netty.tryReflectionSetAccessible=true
)

ms_die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# Fails with the fix when the jars are not built.
ms_require_jars() {
  [ -f "$MATSCREEN_JAR" ] && [ -d "$MATSCREEN_LIB" ] \
    || ms_die "matscreen is not built ($MATSCREEN_JAR or $MATSCREEN_LIB missing): run 'mvn -DskipTests package' in $MATSCREEN_HOME"
  command -v "$JAVA" >/dev/null || ms_die "java not found: set JAVA_HOME or put a Java 17 JDK on PATH"
}

# The host name Spark binds to and advertises.
ms_host() { echo "${MATSCREEN_SPARK_HOST:-$(hostname)}"; }

# A SPARK_HOME for a Worker: it builds each executor's classpath from $SPARK_HOME/jars and refuses to launch
# executors without it, so a folder whose jars/ links to matscreen's runtime jars is all it needs.
ms_spark_home() {
  local dir="$1/spark-home"
  mkdir -p "$dir"
  ln -sfn "$MATSCREEN_LIB" "$dir/jars"
  export SPARK_HOME="$dir"
  # Without it the launcher library looks for a Scala build folder and refuses to build the executor command.
  export SPARK_SCALA_VERSION=2.13
}

# Waits until a log file contains a line matching a pattern, or a process dies, or a timeout passes.
ms_wait_log() {
  local log="$1" pattern="$2" pid="$3" seconds="$4" i
  for i in $(seq 1 $((seconds * 5))); do
    grep -qE "$pattern" "$log" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$log" >&2; ms_die "process $pid exited; log: $log"; }
    sleep 0.2
  done
  tail -n 30 "$log" >&2
  ms_die "no '$pattern' in $log after $seconds s"
}

# Unsets the variables by which a launcher (srun, mpiexec) tells MPI that it started this process. Every LAMMPS
# worker is an MPI singleton; Open MPI that sees them refuses to start ("OMPI was not built with SLURM's PMI
# support"), and a PMIx-aware MPI would try to join the launcher's job. Spark daemons, drivers and executors need
# none of them.
ms_scrub_launcher_env() {
  local v
  for v in $(compgen -e); do
    case "$v" in
      SLURM_*|PMI_*|PMIX_*|OMPI_COMM_WORLD_*|OMPI_UNIVERSE_SIZE|OMPI_MCA_orte_*|OMPI_MCA_ess*|OMPI_MCA_pmix*)
        unset "$v" ;;
    esac
  done
}
