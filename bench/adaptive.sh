#!/usr/bin/env bash
# Issue 15's benchmark: adaptive screening against the full enumeration and random sampling, on real simulations.
#
#   bench/adaptive.sh [--repo DIR] [--cache DIR] [--seeds 1,2,3] [--real-seeds 1] [--random-seeds 100] [--cores N]
#                     [--out DIR] [--no-build]
#
# 1. Computes every candidate of bench/campaigns/fenicr-fcc-enumeration.yaml (2,701 fcc Fe-Ni-Cr compositions, Bonny
#    2013 EAM through KIM) into --repo, resuming if it is there already; its records also go into --cache. About half
#    an hour on 2 quiet cores; it is kept out of the checkout and reused by later runs.
# 2. Runs configs/fenicr-adaptive.yaml for real (`matscreen run`, its rounds, manifest and outputs) with each of
#    --real-seeds, taking the records from --cache, so no candidate is simulated twice.
# 3. Replays the adaptive campaign for each of --seeds and random sampling (--random-seeds draws) over the enumerated
#    records (`bench adaptive`), checks that every real run picked the replay's candidates round by round, and writes
#    bench/results/adaptive/adaptive.{md,csv,svg}: fraction of the true Pareto front's hypervolume and of its members
#    recovered against simulations spent. Counts and fractions only: they do not depend on the machine's load.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
invocation="bench/adaptive.sh"
if [ $# -gt 0 ]; then invocation+="$(printf ' %q' "$@")"; fi
repo="${HOME}/.cache/matscreen-bench/fenicr-fcc-enumeration"
cache="${HOME}/.cache/matscreen-bench/records"
seeds="1,2,3,4,5"
real_seeds="1"
random_seeds=100
cores=2
out="$here/bench/results/adaptive"
build=true
while [ $# -gt 0 ]; do
  case "$1" in
    --repo) repo="$2"; shift ;;
    --cache) cache="$2"; shift ;;
    --seeds) seeds="$2"; shift ;;
    --real-seeds) real_seeds="$2"; shift ;;
    --random-seeds) random_seeds="$2"; shift ;;
    --cores) cores="$2"; shift ;;
    --out) out="$2"; shift ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "bench/adaptive.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "bench/adaptive: $*" >&2; }
export OMP_NUM_THREADS=1 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

if $build; then
  say "building (mvn -Pbench package)"
  mvn -q -B -f "$here/pom.xml" -Pbench -DskipTests package >&2
fi
cp="$here/bench/target/matscreen-bench.jar:$here/bench/target/lib/*"

say "enumerating every candidate into $repo (resumes)"
"$here/matscreen" run "$here/bench/campaigns/fenicr-fcc-enumeration.yaml" --out "$repo" --cache "$cache" \
  --master "local[$cores]" --no-progress >&2

work="$(mktemp -d "${TMPDIR:-/tmp}/matscreen-adaptive-bench.XXXXXX")"
compare=()
for s in ${real_seeds//,/ }; do
  say "real adaptive run, seed $s (records from the cache)"
  sed "s/^    seed: .*/    seed: $s/" "$here/configs/fenicr-adaptive.yaml" >"$work/fenicr-adaptive-seed$s.yaml"
  "$here/matscreen" run "$work/fenicr-adaptive-seed$s.yaml" --out "$work/real-seed$s" --cache "$cache" \
    --master "local[$cores]" --no-progress >"$work/real-seed$s.log" 2>&1 \
    || { tail -20 "$work/real-seed$s.log" >&2; exit 1; }
  compare+=(--compare-run "$work/real-seed$s")
done

say "replaying seeds $seeds and $random_seeds random samplings"
mkdir -p "$out"
java -Xmx2g -cp "$cp" org.matscreen.bench.BenchCli adaptive --repository "$repo" \
  --campaign "$here/configs/fenicr-adaptive.yaml" --seeds "$seeds" --random-seeds "$random_seeds" "${compare[@]}" \
  --out "$out"
{
  echo "## 10. Adaptive screening on real simulations (issue 15)"
  echo
  echo "From \`bench/adaptive.sh\` (not \`run.sh\`: its ground truth, every candidate simulated, takes half an hour on"
  echo "2 cores and is kept in \`~/.cache/matscreen-bench/\`); $(date -u +%Y-%m-%d), commit"
  echo "$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown). Counts and fractions only, which do"
  echo "not depend on the machine. Curves: [bench/results/adaptive/adaptive.svg](bench/results/adaptive/adaptive.svg)"
  echo "(data: \`adaptive.csv\`)."
  echo
  cat "$out/adaptive.md"
  echo
  echo "Command: \`$invocation\` (\`bench/README.md\`, section 10, says what it runs)."
} >"$out/section.md"
say "wrote $out/adaptive.md, adaptive.csv, adaptive.svg, section.md; real runs in $work"
