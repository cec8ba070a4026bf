#!/usr/bin/env bash
# Sets everything up (Debian packages, build) and runs the quick-start campaign in Spark local mode:
# the Cu–Ni binary on fcc, 21 compositions, LAMMPS through JNA, results in results/cuni-quickstart/.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"
exec "$here/matscreen" run "$here/configs/cuni-quickstart.yaml" --out "${1:-$here/results/cuni-quickstart}" --fresh
