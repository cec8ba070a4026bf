#!/usr/bin/env bash
# Installs what matscreen needs on a Debian or Ubuntu machine that has Java 17 and Maven, then builds it.
#   scripts/setup.sh           runtime: LAMMPS shared library, its potentials, OpenMPI's launcher, the KIM API with
#                              OpenKIM's portable models (potential: kim:<model id>)
#   scripts/setup.sh --test    also the tools the test suite checks against (ASE, spglib, HDF5 tools, Slurm and
#                              munge, Chromium, the Python route's h5py, pandas, pymatgen and Jupyter's nbclient,
#                              python3-lammps, GPAW with its PAW setups)
#   scripts/setup.sh --bench   also what bench/run.sh's peers use (lmp, python3-lammps)
# Elsewhere it explains how to point matscreen at a site's LAMMPS build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# openkim-models: about 440 OpenKIM portable models and their drivers for the KIM API (pulls in libkim-api2), run
# through LAMMPS' KIM package, which Debian's liblammps0 has.
runtime_pkgs=(liblammps0 lammps-data openmpi-bin openkim-models)
# slurm-wlm and munge: the Slurm integration tests start a private single-host Slurm (scripts/slurm-local/).
# chromium: the HTML report is rendered headless and screenshot-tested.
# python3-h5py … python3-ipykernel: python/matscreen_py and its example notebook, executed by the tests.
# python3-lammps and liblammps-dev (its unversioned liblammps.so, which the module loads): the bench's Python peers,
# whose protocol engine bench/python/relax_protocols.py is tested against LammpsCalculator.
# python3-spglib: the structure-identity cross-check (issue 13) reads space groups of relaxed cells.
# lammps (the lmp executable): the bench's one-launch-per-candidate peer, whose input deck is tested against
# LammpsCalculator too.
# gpaw, gpaw-data: the DFT tier's worker (run by /usr/bin/python3) and its reference checks.
test_pkgs=(python3-ase python3-spglib hdf5-tools slurm-wlm munge chromium python3-h5py python3-pandas python3-pymatgen
  python3-nbclient python3-ipykernel python3-lammps liblammps-dev lammps gpaw gpaw-data)
# lammps: the lmp executable of bench/run.sh's one-launch-per-candidate peer.
bench_pkgs=(lammps python3-lammps liblammps-dev)
want=("${runtime_pkgs[@]}")
build=1
for arg in "$@"; do
  case "$arg" in
    --test) want+=("${test_pkgs[@]}") ;;
    --bench) want+=("${bench_pkgs[@]}") ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup.sh: $1 is required: $2" >&2; exit 1; }; }
need java "install a Java 17 JDK (Debian: apt-get install openjdk-17-jdk-headless)"
need mvn "install Apache Maven (Debian: apt-get install maven)"
jv=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [ -n "$jv" ] && [ "$jv" -lt 17 ]; then echo "setup.sh: Java 17 or newer is required (found $jv)" >&2; exit 1; fi

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q >/dev/null || echo "setup.sh: apt-get update failed; trying the install anyway" >&2
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  cat >&2 <<'MSG'
setup.sh: this is not a Debian/Ubuntu system, so LAMMPS is not installed for you.
Point matscreen at your site's LAMMPS shared library (built with -DBUILD_SHARED_LIBS=on -DPKG_MANYBODY=on):
  export MATSCREEN_LAMMPS_LIB=/path/to/liblammps.so
or put 'lammps.library=/path/to/liblammps.so' into ~/.config/matscreen/matscreen.properties.
Potential files: export MATSCREEN_POTENTIALS=/path/to/lammps/potentials (or potentials.dirs= in that file).
KIM models (potential: kim:<id>): build LAMMPS with -DPKG_KIM=on (Spack: lammps +kim), install the kim-api and
openkim-models packages, and export MATSCREEN_KIM_API_LIB=/path/to/libkim-api.so.2 if the loader cannot find it.
Then check with: ./matscreen doctor
MSG
fi

if [ "$build" -eq 1 ]; then
  echo "setup.sh: building matscreen (mvn -DskipTests install)" >&2
  (cd "$here" && mvn -q -B -DskipTests install)
  # Class-data archives for the driver and worker JVMs: about 17 s now, a shorter start for every run after it.
  "$here/scripts/cds-archive.sh"
fi
