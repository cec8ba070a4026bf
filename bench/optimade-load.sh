#!/usr/bin/env bash
# OPTIMADE server benchmark: p95 latency of filtered queries over N records, the columnar filter against the
# reference evaluator, and a bounded loopback load test. Loopback only; every loop is bounded in count and time.
#
#   bench/optimade-load.sh [records=1000000] [load_seconds=60] [clients=50] [repetitions=40]
#
# The synthetic repository is written once to $MATSCREEN_BENCH_DIR (default /tmp/matscreen-bench-optimade-<N>) and
# reused. Results: stdout and bench/results/optimade-<date>-<N>.md. Set MAVEN_REPO_LOCAL for a private Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
records="${1:-1000000}"
seconds="${2:-60}"
clients="${3:-50}"
repetitions="${4:-40}"
dir="${MATSCREEN_BENCH_DIR:-/tmp/matscreen-bench-optimade-$records}"
mvn_args=(-q -B)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")

mvn "${mvn_args[@]}" -pl optimade-server -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="$(cat optimade-server/target/bench-classpath.txt):optimade-server/target/classes:optimade-server/target/test-classes"

exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${MATSCREEN_BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" \
    org.matscreen.optimade.bench.OptimadeBenchmark "$dir" "$records" "$seconds" "$clients" "$repetitions"
