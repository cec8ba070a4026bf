#!/usr/bin/env bash
# Baseline (c), one candidate: runs the lmp executable on the candidate's own input files in its own folder, the way
# file-based workflow engines launch a simulation code (a shell per job, a fresh process, files in and out), then
# appends one result-table row (see ResultTable.java) to row.tsv in that folder.
#   bench/lmp-one.sh DIR        (DIR holds data.lmp and in.relax, written by 'bench prepare')
set -euo pipefail
dir="$1"
cd "$dir"
start=$(date +%s%3N)
"${LMP:-lmp}" -in in.relax -log log.lammps -screen none >stdout.txt 2>&1
end=$(date +%s%3N)
# result.txt: minimisations, total potential energy (eV), atoms, accepted (1/0).
read -r minimisations pe atoms accepted <result.txt
# Force evaluations as ResultTable.java counts them: each minimisation's statistics count + 1 for its set-up
# evaluation, + 1 for the run 0 that follows every minimisation in the deck (the analysis' two run 0 after the
# relaxation are not counted).
evaluations=$(awk '/Iterations, force evaluations =/ { n += $NF + 1 } END { print n + 0 }' log.lammps)
awk -v i="$(basename "$dir")" -v m="$minimisations" -v pe="$pe" -v n="$atoms" -v s="$start" -v e="$end" \
  -v ev="$((evaluations + minimisations))" -v ok="$accepted" \
  'BEGIN { printf "%s\t%.17g\t%d\t%.3f\t%s\t%s\t%d\t%d\n", i, pe / n, m, (e - s) / 1000, s, e, ev, ok }' >row.tsv
