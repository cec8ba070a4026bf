#!/usr/bin/env bash
# Builds a serial LAMMPS shared library WITH C++ exceptions and WITHOUT MPI from Debian's source of the same release
# as liblammps0 (29 Sep 2021, update 2), the kind of site build that allows matscreen's in-process mode. The tests of
# that mode and the isolated-vs-in-process benchmark use it. Cached: a second run does nothing.
#   prints the path of the library on its last line
set -euo pipefail
cache="${MATSCREEN_CACHE:-$HOME/.cache/matscreen}/lammps-serial-20220106"
lib="$cache/liblammps_serial.so"
if [ -f "$lib" ] && [ -f "$cache/.complete" ]; then
  echo "$lib"
  exit 0
fi
url="http://deb.debian.org/debian/pool/main/l/lammps/lammps_20220106.git7586adbb6a+ds1.orig.tar.xz"
sha256="65146c615ad24d8b8bc64f4e05e86226a7f1fdb45c0b5ea9416562b9f3863082"

for tool in cmake g++ make curl xz; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
      $sudo apt-get install -y -q --no-install-recommends cmake g++ make curl xz-utils >/dev/null
      break
    fi
    echo "build-lammps-serial.sh: $tool is required" >&2
    exit 1
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "build-lammps-serial.sh: downloading LAMMPS source (Debian orig tarball, 80 MB)" >&2
curl -sSfL -o "$work/src.tar.xz" "$url"
echo "$sha256  $work/src.tar.xz" | sha256sum -c --quiet -
tar -C "$work" -xf "$work/src.tar.xz"
# CMake's try_compile cannot cope with the '~' of Debian's directory name.
mv "$work"/lammps-* "$work/lammps"
echo "build-lammps-serial.sh: building (about 10 minutes on 2 cores)" >&2
# MPI is disabled outright: a machine with OpenMPI's wrappers but no headers would otherwise break the configuration.
cmake -S "$work/lammps/cmake" -B "$work/build" -D CMAKE_BUILD_TYPE=Release -D BUILD_SHARED_LIBS=on \
  -D LAMMPS_EXCEPTIONS=on -D BUILD_MPI=off -D CMAKE_DISABLE_FIND_PACKAGE_MPI=ON -D BUILD_OMP=off \
  -D PKG_MANYBODY=on -D LAMMPS_MACHINE=serial >"$work/cmake.log" 2>&1 || { tail -30 "$work/cmake.log" >&2; exit 1; }
make -C "$work/build" -j"$(nproc)" lammps >"$work/make.log" 2>&1 || { tail -30 "$work/make.log" >&2; exit 1; }
mkdir -p "$cache"
cp -L "$work"/build/liblammps_serial.so* "$cache"/ 2>/dev/null || cp -L "$work"/build/liblammps_serial.so "$cache"/
touch "$cache/.complete"
echo "$lib"
