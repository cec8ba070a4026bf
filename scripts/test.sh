#!/usr/bin/env bash
# Runs the whole test suite: unit tests and the integration tests against real components (LAMMPS, Spark, ...),
# after installing what those need. This is what CI runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh" --test --no-build
# A serial LAMMPS with exceptions, for the in-process mode tests (built once, then cached).
"$here/scripts/build-lammps-serial.sh" >/dev/null
cd "$here"
exec mvn -B -Pall,bench verify "$@"
