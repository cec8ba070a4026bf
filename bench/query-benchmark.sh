#!/usr/bin/env bash
# Query benchmark for BENCHMARKS.md: generates a synthetic repository of 106,260 records (once), times the query
# engine against a full scan in one warm JVM (org.matscreen.repository.query.QueryBenchmark), then times whole
# `matscreen query` invocations (JVM start included).
#   bench/query-benchmark.sh [REPO_DIR] [RUNS]      default: /tmp/matscreen-bench-repository, 5 runs per query
# Extra Maven options (e.g. -Dmaven.repo.local=...) can be passed in MVN_OPTS_EXTRA.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="${1:-/tmp/matscreen-bench-repository}"
runs="${2:-5}"
cd "$here"
# shellcheck disable=SC2086
mvn -q -B ${MVN_OPTS_EXTRA:-} -pl results-schema,cli -am -DskipTests install
# The install rewrites the jars, which makes the launcher's class-data archives older than them, and the launcher then
# ignores them: every later command (these CLI invocations, and what bench/run.sh runs after this script) would pay
# the class loading the archives save. Written again when the checkout had them.
if [ -f cli/target/cds/driver.jsa ]; then
  scripts/cds-archive.sh >&2
fi
cp_file="$(mktemp)"
# shellcheck disable=SC2086
mvn -q -B ${MVN_OPTS_EXTRA:-} -pl results-schema dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo "java: $(java -version 2>&1 | head -1)"
java -Xmx4g -cp "results-schema/target/classes:results-schema/target/test-classes:$(cat "$cp_file")" \
  org.matscreen.repository.query.QueryBenchmark "$repo" "$runs" 2>&1 | grep -v '^SLF4J'
rm -f "$cp_file"
echo
echo "whole CLI invocations (JVM start, class loading, one query), median of 3:"
for where in 'dh_mix_ev_per_atom < 0 AND bulk_modulus_gpa > 150' 'elements HAS ALL "Co","Ni" AND nelements = 2'; do
  times=()
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    ./matscreen query "$repo" --where "$where" --sort dh_mix_ev_per_atom --top 10 > /dev/null \
      2> /tmp/matscreen-bench-summary
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN{print $end - $start}")")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 2p)
  printf '  %-55s %.2f s wall (runs: %s); %s\n' "$where" "$median" "${times[*]}" \
    "$(tail -1 /tmp/matscreen-bench-summary)"
done
