#!/usr/bin/env bash
# Section 1's three fast tools in alternated rounds, for a machine whose speed drifts between minutes (issue 19): each
# round runs the native limit (b), the python3-lammps loop (d) and matscreen (a) back to back on the same cells, and
# the ratios are taken within the round, where the drift mostly cancels; the medians over the rounds close the table.
# Needs a work folder of bench/run.sh (its cells and campaign; the build and archives of this checkout).
#
# With OTHER=/path/to/a/built/checkout, each round also runs that checkout's matscreen (a°), after (a) in odd rounds
# and before it in even ones, and the table adds its ratios: a change measured against the commit before it, within
# each round.
#
# Usage: [OTHER=checkout] bench/rounds.sh WORK [rounds] [cores]      (default 5 rounds, 2 cores)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
work="${1:?usage: bench/rounds.sh WORK [rounds] [cores]}"
rounds="${2:-5}"
cores="${3:-2}"
cells="$work/cross/cells.txt"
campaign="$work/campaigns/bench-cross.yaml"
[ -f "$cells" ] && [ -f "$campaign" ] || { echo "rounds.sh: $work has no cross/cells.txt (run bench/run.sh first)" >&2; exit 2; }
lib="${LAMMPS_LIB:-/usr/lib/x86_64-linux-gnu/liblammps.so.0}"
cp="$here/bench/target/matscreen-bench.jar:$here/bench/target/lib/*"
out="$(mktemp -d /tmp/matscreen-rounds.XXXXXX)"
trap 'rm -rf "$out"' EXIT
export OMP_NUM_THREADS=1

# steady wall (s) and Σ LAMMPS (s) of result tables (index, energy, minimisations, lammps_s, start_ms, end_ms, ...)
tables() { awk -F'\t' 'FNR > 1 { if (s == "" || $5 < s) s = $5; if ($6 > e) e = $6; l += $4 }
  END { printf "%.3f %.3f", (e - s) / 1000, l }' "$@"; }

other_hdr=""
other_sep=""
if [ -n "${OTHER:-}" ]; then
  [ -x "$OTHER/matscreen" ] || { echo "rounds.sh: OTHER=$OTHER has no matscreen launcher" >&2; exit 2; }
  other_hdr=" (a°) other: steady (s) | Σ LAMMPS (s) | candidates/s (a°) ÷ (d) | Σ LAMMPS (a°) ÷ (d) | candidates/s (a) ÷ (a°) |"
  other_sep="---:|---:|---:|---:|---:|"
fi
echo "| round | (b) native: steady (s) | Σ LAMMPS (s) | (d) python: steady (s) | Σ LAMMPS (s) | (a) matscreen: steady (s) | Σ LAMMPS (s) | candidates/s (a) ÷ (d) | Σ LAMMPS (a) ÷ (d) | candidates/s (b) ÷ (d) |$other_hdr"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|$other_sep"
# steady wall and Σ LAMMPS of a matscreen run of the campaign: LAUNCHER
matscreen_round() {
  rm -rf "$out/repo"
  "$1" run "$campaign" --out "$out/repo" --master "local[$cores]" --no-cache --fresh --no-progress \
    --lammps-lib "$lib" >/dev/null 2>&1
  "$1" query "$out/repo" --columns started_at,finished_at,native_seconds --format csv --top 100000000 2>/dev/null \
    | awk -F, 'NR > 1 { if (s == "" || $1 < s) s = $1; if ($2 > e) e = $2; l += $3 }
      END { printf "%.3f %.3f", (e - s) / 1000, l }'
}
for ((r = 1; r <= rounds; r++)); do
  rm -f "$out"/native-* "$out/queue"
  for ((i = 0; i < cores; i++)); do
    java -Xmx256m -Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" org.matscreen.bench.BenchCli native \
      --cells "$cells" --lib "$lib" --queue "$out/queue" --processes "$cores" --out "$out/native-$i.tsv" \
      >/dev/null 2>&1 &
  done
  wait
  read -r bs bl <<<"$(tables "$out"/native-*.tsv)"
  /usr/bin/python3 "$here/bench/python/relax_pool.py" "$cells" "$out/python.tsv" --processes "$cores" >/dev/null 2>&1
  read -r ds dl <<<"$(tables "$out/python.tsv")"
  os=0 ol=0
  # the two checkouts swap places every round, so neither always runs on a core the other just warmed
  if [ -n "${OTHER:-}" ] && [ $((r % 2)) -eq 0 ]; then read -r os ol <<<"$(matscreen_round "$OTHER/matscreen")"; fi
  read -r as al <<<"$(matscreen_round "$here/matscreen")"
  if [ -n "${OTHER:-}" ] && [ $((r % 2)) -eq 1 ]; then read -r os ol <<<"$(matscreen_round "$OTHER/matscreen")"; fi
  echo "$r $bs $bl $ds $dl $as $al $os $ol" >>"$out/rows"
  awk -v r="$r" -v bs="$bs" -v bl="$bl" -v ds="$ds" -v dl="$dl" -v as="$as" -v al="$al" -v os="$os" -v ol="$ol" \
    -v other="${OTHER:-}" 'BEGIN {
    printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f |", r, bs, bl, ds, dl, as, al,
      ds / as, al / dl, ds / bs
    if (other != "") printf " %.2f | %.2f | %.3f | %.3f | %.3f |", os, ol, ds / os, ol / dl, os / as
    printf "\n" }'
done
# medians of the within-round ratios (candidates per second: (a) ÷ (d) = steady (d) ÷ steady (a))
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
m1=$(awk '{ print $4 / $6 }' "$out/rows" | median)
m2=$(awk '{ print $7 / $5 }' "$out/rows" | median)
m3=$(awk '{ print $4 / $2 }' "$out/rows" | median)
if [ -n "${OTHER:-}" ]; then
  m4=$(awk '{ print $4 / $8 }' "$out/rows" | median)
  m5=$(awk '{ print $9 / $5 }' "$out/rows" | median)
  m6=$(awk '{ print $8 / $6 }' "$out/rows" | median)
  printf '| median | | | | | | | %.3f | %.3f | %.3f | | | %.3f | %.3f | %.3f |\n' "$m1" "$m2" "$m3" "$m4" "$m5" "$m6"
else
  printf '| median | | | | | | | %.3f | %.3f | %.3f |\n' "$m1" "$m2" "$m3"
fi
