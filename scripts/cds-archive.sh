#!/usr/bin/env bash
# Writes the class-data sharing archives that ./matscreen maps at start (cli/target/cds/driver.jsa for its own JVM,
# worker.jsa for the LAMMPS worker JVMs) by running a small real campaign once with -XX:ArchiveClassesAtExit.
# setup.sh runs it after each build; a rebuild makes the archives stale, and the launcher then ignores them until
# this runs again. matscreen works without them, only slower to start (BENCHMARKS.md, section 11b).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/cli/target/cds"
mkdir -p "$out"
tmp="$(mktemp -d "$out/train.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
# local[1]: one executor thread, so one worker writes the worker archive (two would race for the same file).
if ! MATSCREEN_CDS_DUMP="$tmp" "$here/matscreen" run "$here/scripts/cds-training.yaml" --out "$tmp/repo" --no-cache \
    --no-progress --master 'local[1]' >"$tmp/log" 2>&1; then
  echo "cds-archive.sh: the training run failed, so matscreen runs without class-data archives (slower start):" >&2
  tail -n 20 "$tmp/log" >&2
  exit 0
fi
for f in driver worker; do
  if [ -s "$tmp/$f.jsa" ]; then
    mv -f "$tmp/$f.jsa" "$out/$f.jsa"
  else
    echo "cds-archive.sh: no $f archive was written; that JVM starts without one" >&2
  fi
done
echo "cds-archive.sh: class-data archives in $out" >&2
