#!/usr/bin/env bash
# The driver JVM's flags for `matscreen run` (issue 19, item 1): the same campaign run alternately with the JVM's
# defaults (-Xmx2g: C2 and G1) and with the launcher's flags for run (C1 only, serial GC), the result cache off so
# every run simulates everything. Prints one markdown row per run: whole command wall time, user and system CPU of
# the command and its worker processes, and the screening wall time matscreen reports.
#
# Usage: bench/driver-flags.sh [campaign.yaml] [repeats]   (default: configs/cunial-ternary.yaml, 2)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
campaign="${1:-$here/configs/cunial-ternary.yaml}"
repeats="${2:-2}"
out="$(mktemp -d /tmp/matscreen-driver-flags.XXXXXX)"
trap 'rm -rf "$out"' EXIT
echo "| flags | run | whole command (s) | user CPU (s) | sys CPU (s) | screening wall (s) |"
echo "|---|---:|---:|---:|---:|---:|"
for i in $(seq 1 "$repeats"); do
  for mode in defaults run-flags; do
    if [ "$mode" = defaults ]; then export MATSCREEN_JAVA_OPTS="-Xmx2g"; else unset MATSCREEN_JAVA_OPTS; fi
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$here/matscreen" run "$campaign" --fresh --no-cache \
      --out "$out/$mode" > "$out/log" 2>&1
    read -r wall user sys < "$out/time"
    screening="$(grep -o 'wall [0-9.]* s' "$out/log" | awk '{print $2}')"
    echo "| $mode | $i | $wall | $user | $sys | $screening |"
  done
done
