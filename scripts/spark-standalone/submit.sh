#!/usr/bin/env bash
# Runs 'matscreen run' as a Spark application through spark-submit in client mode.
#   submit.sh MASTER_URL [--conf KEY=VALUE]... -- CAMPAIGN [matscreen run options...]
# Client mode: the driver is this process, so its exit code is the application's (in cluster mode spark-submit exits
# 0 even when the driver failed, and the driver would miss the module flags). The driver's heap is
# MATSCREEN_DRIVER_MEMORY (default 2g); executors' settings go in --conf (e.g. spark.executor.memory=4g).
# MATSCREEN_JAVA_TMP sets the driver's java.io.tmpdir.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

master="${1:-}"
[ -n "$master" ] || ms_die "usage: submit.sh MASTER_URL [--conf KEY=VALUE]... -- CAMPAIGN [run options...]"
shift
spark_opts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    --conf) spark_opts+=(--conf "$2"); shift 2 ;;
    *) ms_die "unknown option $1 (spark settings go in --conf; matscreen's after --)" ;;
  esac
done
[ "${1:-}" = "--" ] || ms_die "missing '--' before the campaign"
shift
ms_require_jars
case "$master" in
  local*) ;;  # matscreen binds a local-mode driver to loopback itself
  *) host="$(ms_host)"
     # Executors on other nodes connect back to the driver: advertise the address the cluster was started on.
     spark_opts=(--conf "spark.driver.host=$host" --conf "spark.driver.bindAddress=$host" "${spark_opts[@]}") ;;
esac
# In local mode the LAMMPS workers are this JVM's children: they must not look like tasks of a batch step.
ms_scrub_launcher_env
# MATSCREEN_JAVA_TMP: node-local scratch for the driver JVM (in local mode also the LAMMPS workers' folders).
jvm_opts=()
[ -n "${MATSCREEN_JAVA_TMP:-}" ] && jvm_opts=("-Djava.io.tmpdir=$MATSCREEN_JAVA_TMP")
exec "$JAVA" "-Xmx${MATSCREEN_DRIVER_MEMORY:-2g}" "${jvm_opts[@]}" "${SPARK_MODULE_FLAGS[@]}" \
  -cp "$MATSCREEN_JAR:$MATSCREEN_LIB/*" org.apache.spark.deploy.SparkSubmit \
  --master "$master" --deploy-mode client --name matscreen \
  "${spark_opts[@]}" \
  --class org.matscreen.cli.Main "$MATSCREEN_JAR" run "$@"
