#!/usr/bin/env bash
# Start-up settings of `matscreen run` (issue 19), each measured as an alternated A/B pair on the same campaign with
# the result cache off, so every run simulates everything. Prints one markdown row per run: whole command wall time,
# user and system CPU of the command and its worker processes, the screening wall time matscreen reports and the time
# from the JVM's start to the first committed record.
#   flags: the driver JVM's defaults (-Xmx2g: C2 and G1) against the launcher's flags for run (C1 only, serial GC)
#   cds:   without (MATSCREEN_CDS=off) and with the class-data archives of scripts/cds-archive.sh (run it first)
#   warmup: workers started when the first task asks (--conf matscreen.workers.warmup=false) against started while
#          Spark starts (the default)
#   checkout: another built checkout's launcher (OTHER=/path/to/checkout, e.g. a worktree of the previous commit with
#          its own class-data archives) against this one's
#
# Usage: [MASTER=local[N]] bench/driver-flags.sh [campaign.yaml] [repeats] [flags|cds|warmup|checkout]
#        (default: configs/cunial-ternary.yaml, 2, flags; the master of run's default, local[*])
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
campaign="${1:-$here/configs/cunial-ternary.yaml}"
repeats="${2:-2}"
pair="${3:-flags}"
case "$pair" in
  flags) modes=(defaults run-flags) ;;
  cds) modes=(no-archive archive)
    [ -f "$here/cli/target/cds/driver.jsa" ] || { echo "driver-flags.sh: run scripts/cds-archive.sh first" >&2; exit 2; } ;;
  warmup) modes=(on-demand warm-up) ;;
  checkout) modes=(other this)
    [ -x "${OTHER:-}/matscreen" ] || { echo "driver-flags.sh: set OTHER to a built checkout" >&2; exit 2; } ;;
  *) echo "driver-flags.sh: unknown pair $pair (flags, cds, warmup or checkout)" >&2; exit 2 ;;
esac
out="$(mktemp -d /tmp/matscreen-driver-flags.XXXXXX)"
trap 'rm -rf "$out"' EXIT
echo "| setting | run | whole command (s) | user CPU (s) | sys CPU (s) | screening wall (s) | first record (s) |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for i in $(seq 1 "$repeats"); do
  for mode in "${modes[@]}"; do
    unset MATSCREEN_JAVA_OPTS MATSCREEN_CDS
    extra=()
    launcher="$here/matscreen"
    case "$mode" in
      defaults) export MATSCREEN_JAVA_OPTS="-Xmx2g" ;;
      no-archive) export MATSCREEN_CDS=off ;;
      on-demand) extra=(--conf matscreen.workers.warmup=false) ;;
      other) launcher="$OTHER/matscreen" ;;
    esac
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$launcher" run "$campaign" --fresh --no-cache \
      --out "$out/$mode" ${MASTER:+--master "$MASTER"} "${extra[@]}" > "$out/log" 2>&1
    read -r wall user sys < "$out/time"
    screening="$(grep -o 'wall [0-9.]* s' "$out/log" | awk '{print $2}')"
    first="$(grep -o 'first record committed [0-9.]* s' "$out/log" | awk '{print $4}')"
    echo "| $mode | $i | $wall | $user | $sys | $screening | ${first:--} |"
  done
done
