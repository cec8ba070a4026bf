#!/usr/bin/env bash
# Regenerates every figure of matscreen's benchmark table in one run (issue 9) and prints it as Markdown on standard
# output; the same text goes to bench/results/latest.md. Progress goes to standard error, tool output to WORK/logs.
#
#   bench/run.sh [--quick] [--candidates N] [--efficiency-candidates N] [--cores N] [--work DIR] ...
#
# Run it on a quiet machine: every section compares numbers taken minutes apart. bench/README.md explains what each
# figure means; --help lists the options.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
invocation="bench/run.sh"
if [ $# -gt 0 ]; then invocation+="$(printf ' %q' "$@")"; fi

usage() {
  cat <<'EOF'
bench/run.sh: matscreen against the native limit, lmp and python3-lammps; engine costs; scale model.
  --quick                     small sizes, to check the harness (a few minutes); figures not for publication
  --candidates N              Cu-Ni candidates of the cross-tool comparison, relaxation only (default 200; quick 16)
  --efficiency-candidates N   Cu-Ni candidates of the full-protocol efficiency run (default 2000; quick 24; 0 skips)
  --cores N                   parallelism of every tool: local[N], N processes (default 2)
  --dry-run-order K           enumeration campaign: K-element alloys of 16 elements at 5 % steps
                              (default 5: 1.7e7 candidates; quick 3: 9.6e4)
  --enumeration-limit N       candidates timed by the single-thread enumeration (default 2000000; quick 200000)
  --protocol-candidates N     candidates through one worker (default 200; quick 12)
  --pings N                   PING round trips (default 20000; quick 1000)
  --restarts N                worker restarts timed (default 10; quick 2)
  --lmp-empty-runs N          empty lmp runs timed, the per-launch start-up (default 10; quick 3)
  --jmh "OPTIONS"             JMH options (default "-f 2 -wi 5 -w 1s -i 10 -r 1s"; quick "-f 1 -wi 2 -w 1s -i 3 -r 1s")
  --a64fx-core-ratio R        A64FX core speed / this machine's core, for the Fugaku model (default 1.0)
  --fugaku-nodes N            nodes of the Fugaku model (default 384, one rack)
  --skip LIST                 comma-separated: cross, meam, relaxation, protocol, potentials, isolation, efficiency, jmh,
                              enumeration, query, optimade (relaxation alone: --skip cross,protocol,potentials,...
                              still runs matscreen's run (a) for the cells)
  --potential-candidates N    cells per potential kind in the cost-per-potential section (default 5; quick 2)
  --query-runs N              runs per query of bench/query-benchmark.sh, when present (default 5; quick 1)
  --optimade "R S C Q"        OPTIMADE benchmark: records, load seconds, clients, requests per query
                              (default "1000000 60 50 40"; quick "20000 10 10 10")
  --publish                   also write the report to BENCHMARKS.md (refused with --quick)
  --work DIR                  work folder, emptied first (default ${TMPDIR:-/tmp}/matscreen-bench-$USER)
  --maven-opts "OPTIONS"      extra Maven options, e.g. "-o -Dmaven.repo.local=/path"
  --install                   install the Debian packages the baselines need (lammps, python3-lammps, liblammps-dev)
EOF
}

quick=false
candidates=""; eff_candidates=""; cores=2; dry_order=""; enum_limit=""; proto_candidates=""; pings=""; restarts=""
lmp_empty=""; jmh_opts=""; potential_candidates=""; core_ratio=1.0; fugaku_nodes=384; skip=""; install=false; query_runs=""; publish=false
optimade=""
work="${TMPDIR:-/tmp}/matscreen-bench-${USER:-$(id -un)}"
maven_opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --candidates) candidates="$2"; shift ;;
    --efficiency-candidates) eff_candidates="$2"; shift ;;
    --cores) cores="$2"; shift ;;
    --dry-run-order) dry_order="$2"; shift ;;
    --enumeration-limit) enum_limit="$2"; shift ;;
    --protocol-candidates) proto_candidates="$2"; shift ;;
    --pings) pings="$2"; shift ;;
    --restarts) restarts="$2"; shift ;;
    --lmp-empty-runs) lmp_empty="$2"; shift ;;
    --jmh) jmh_opts="$2"; shift ;;
    --a64fx-core-ratio) core_ratio="$2"; shift ;;
    --fugaku-nodes) fugaku_nodes="$2"; shift ;;
    --skip) skip="$2"; shift ;;
    --work) work="$2"; shift ;;
    --maven-opts) read -r -a maven_opts <<<"$2"; shift ;;
    --install) install=true ;;
    --query-runs) query_runs="$2"; shift ;;
    --potential-candidates) potential_candidates="$2"; shift ;;
    --optimade) optimade="$2"; shift ;;
    --publish) publish=true ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if $quick; then
  : "${candidates:=16}" "${eff_candidates:=24}" "${dry_order:=3}" "${enum_limit:=200000}" "${proto_candidates:=12}"
  : "${meam_step:=0.5}"
  : "${pings:=1000}" "${restarts:=2}" "${lmp_empty:=3}" "${jmh_opts:=-f 1 -wi 2 -w 1s -i 3 -r 1s}" "${query_runs:=1}"
  : "${optimade:=20000 10 10 10}" "${potential_candidates:=2}"
else
  : "${candidates:=200}" "${eff_candidates:=2000}" "${dry_order:=5}" "${enum_limit:=2000000}" "${proto_candidates:=200}"
  : "${meam_step:=0.25}"
  : "${pings:=20000}" "${restarts:=10}" "${lmp_empty:=10}" "${jmh_opts:=-f 2 -wi 5 -w 1s -i 10 -r 1s}"
  : "${query_runs:=5}" "${optimade:=1000000 60 50 40}" "${potential_candidates:=5}"
fi
for n in "$candidates" "$cores" "$dry_order"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench/run.sh: not a whole number: $n" >&2; exit 2; }
done
[ "$candidates" -ge 2 ] || { echo "bench/run.sh: --candidates must be at least 2" >&2; exit 2; }
[ "$candidates" -gt "$cores" ] || { echo "bench/run.sh: --candidates must exceed --cores" >&2; exit 2; }
skipped() { [[ ",$skip," == *",$1,"* ]]; }
if $publish && $quick; then
  echo "bench/run.sh: --publish writes BENCHMARKS.md, which quick-mode figures must not be" >&2
  exit 2
fi
say() { echo "bench: $*" >&2; }

# --- prerequisites -------------------------------------------------------------------------------------------------
if $install; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -q --no-install-recommends lammps python3-lammps liblammps-dev lammps-data >&2
fi
python=/usr/bin/python3   # Debian's interpreter: python3-lammps is installed for it, not for a pyenv or venv one
debian_lib="$(dpkg -L liblammps0 2>/dev/null | grep -m1 '/liblammps\.so\.0$' || true)"
potential=/usr/share/lammps/potentials/CuNi.eam.alloy
missing=()
[ -n "$debian_lib" ] || missing+=("liblammps0")
[ -f "$potential" ] || missing+=("lammps-data")
command -v lmp >/dev/null 2>&1 || missing+=("lammps (the lmp executable)")
# python3-lammps loads the unversioned liblammps.so, which only liblammps-dev provides.
"$python" -c 'from lammps import lammps; lammps(cmdargs=["-screen","none","-log","none","-nocite"]).close()' \
  >/dev/null 2>&1 || missing+=("python3-lammps and liblammps-dev")
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/run.sh: missing Debian packages: ${missing[*]}. Install them with: bench/run.sh --install ... (or" \
    "apt-get install lammps python3-lammps liblammps-dev lammps-data)" >&2
  exit 3
fi

# --- work folder, facts, command log -------------------------------------------------------------------------------
# The folder is emptied, so it must be new, empty or an earlier bench work folder (never, say, a home directory).
if [ -d "$work" ] && [ -n "$(ls -A "$work")" ] && [ ! -f "$work/machine.facts" ]; then
  echo "bench/run.sh: $work is not empty and not a bench work folder; choose another --work" >&2
  exit 2
fi
rm -rf "$work"
mkdir -p "$work"/{logs,repos,campaigns,cross,meam,dryrun}
work="$(cd "$work" && pwd)"
machine="$work/machine.facts"
runs="$work/runs.facts"
: >"$runs"
: >"$work/commands.txt"
fact() { echo "$1=$2" >>"$3"; }
load() { cut -d' ' -f1 /proc/loadavg; }
# Every tool gets one thread: OpenMP inside LAMMPS would otherwise compete with the other processes for the cores.
export OMP_NUM_THREADS=1
# Executors prefer MATSCREEN_LAMMPS_LIB over the library the driver resolved; every run names its library instead.
unset MATSCREEN_LAMMPS_LIB
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# Runs a command, logging it exactly (shell-quoted, with the variables that matter) to commands.txt; its output goes
# to logs/NAME.out and its wall time to runs.facts as NAME.command_s. Returns the command's exit code. A step made of
# several processes is a shell function: "timed --as 'TEXT' NAME FUNCTION" logs TEXT instead of the function's name.
quoted() {
  {
    printf 'OMP_NUM_THREADS=1 '
    for v in MATSCREEN_JAVA_OPTS MVN_OPTS_EXTRA; do
      if [ -n "${!v:-}" ]; then printf '%s=%q ' "$v" "${!v}"; fi
    done
    printf '%q ' "$@"
    echo
  } | sed "s|$here/||g; s|$work/|WORK/|g"
}
timed() {
  local text=""
  if [ "$1" = "--as" ]; then text="$2"; shift 2; fi
  local name="$1"; shift
  if [ -n "$text" ]; then echo "$text" >>"$work/commands.txt"; else quoted "$@" >>"$work/commands.txt"; fi
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" >"$work/logs/$name.out" 2>"$work/logs/$name.err" || rc=$?
  t1=$(date +%s.%N)
  fact "$name.command_s" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" "$runs"
  fact "$name.exit" "$rc" "$runs"
  return "$rc"
}

# binaries of the MEAM set: 10 element pairs × the interior points of the composition grid
meam_count() { awk -v s="$meam_step" 'BEGIN { printf "%d", 10 * (int(1 / s + 0.5) - 1) }'; }
say "work folder $work"
{
  echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  echo "work=$work"
  echo "mode=$($quick && echo quick || echo full)"
  echo "invocation=$invocation"
  echo "cores=$(getconf _NPROCESSORS_ONLN)"  # not nproc, which answers OMP_NUM_THREADS
  echo "memory=$(free -g | awk '/^Mem:/ { print $2 }') GiB"
  echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  echo "java=$(java -version 2>&1 | head -1 | sed 's/"//g')"
  echo "lammps=$(dpkg-query -W -f='${Version}' liblammps0) (Debian, 29 Sep 2021 release)"
  echo "python=$("$python" --version 2>&1)"
  echo "commit=$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$here" diff --quiet \
    2>/dev/null || echo +changes)"
  echo "load_start=$(load)"
  echo "fugaku.nodes=$fugaku_nodes"
  echo "fugaku.core_ratio=$core_ratio"
  echo "fugaku.candidates=10000000"
  echo "fugaku.cores_per_node=48"
  echo "fugaku.cluster_start_s=8"
  echo "jmh.options=$jmh_opts"
  echo "dryrun.java_opts=-Xmx1g"
  echo "cross.description=$candidates Cu–Ni candidates, x_Ni = k/$((candidates - 1)) for k = 0…$((candidates - 1))," \
    "in 5×3×3 fcc cells (180 atoms; counts rounded within 0.003; random site order seeded by the candidate id)," \
    "CuNi.eam.alloy (Onat and Durukanoglu 2014)."
  echo "meam.description=The $(meam_count) binaries of Co, Cr, Fe, Mn and Ni at x = $meam_step steps (pure elements" \
    "excluded) in 3×3×3 fcc cells (108 atoms; random site order seeded by the candidate id)," \
    "MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000 through LAMMPS' KIM package (Choi, Jo, Sohn," \
    "Lee and Ko, npj Comput. Mater. 4, 1 (2018))."
  echo "enumeration.description=Campaign: all $dry_order-element alloys of 16 elements (Co Cr Fe Ni Cu Ag Au Pd Pt" \
    "Al Pb Mo Ta W Ti Zr, the Zhou 2004 EAM family) at 5 % steps, fcc 5×2×2."
} >"$machine"

# --- build ---------------------------------------------------------------------------------------------------------
say "building (mvn -Pbench package)"
timed build mvn -q -B -f "$here/pom.xml" "${maven_opts[@]}" -Pbench -DskipTests package \
  || { tail -30 "$work/logs/build.out" "$work/logs/build.err" >&2; exit 1; }
# The build made the launcher's class-data archives stale: write them again, as setup.sh does after a build.
say "class-data archives (scripts/cds-archive.sh)"
timed cds "$here/scripts/cds-archive.sh"
cp="$here/bench/target/matscreen-bench.jar:$here/bench/target/lib/*"
bench=(java -cp "$cp" org.matscreen.bench.BenchCli)
# The native limit runs with the JVM options of matscreen's workers, so its Java side is the workers' Java side.
native=(java -Xmx256m -Xss4m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" org.matscreen.bench.BenchCli native)
matscreen="$here/matscreen"

# --- campaigns -----------------------------------------------------------------------------------------------------
# Cu-Ni with N distinct nominal compositions Cu(N-1-k+c)Ni(k+c), k = 0 ... N-1: the composition grid stops at 1/1000,
# so an explicit list reaches 2,000 candidates; every one gets its own random configuration in the same 180-atom cell.
# Up to N = 361 c = 0 (x_Ni = k/(N-1), pure ends included). Beyond, the dilute ends would round to no solute atom at
# all, which the campaign check rightly rejects, so c keeps every x_Ni within [1/360, 359/360]: c = ceil((N-1)/358).
cuni_campaign() { # NAME N EOS ELASTIC [RELAX_MODE]
  local name="$1" n="$2" k c=0
  if [ "$n" -gt 361 ]; then c=$(( (n - 1 + 357) / 358 )); fi
  {
    echo "schema: matscreen-campaign/1"
    echo "name: $name"
    echo "space:"
    echo "  compositions:"
    for ((k = 0; k < n; k++)); do
      if [ "$c" -eq 0 ] && [ "$k" -eq 0 ]; then echo "    - Cu"
      elif [ "$c" -eq 0 ] && [ "$k" -eq $((n - 1)) ]; then echo "    - Ni"
      else echo "    - Cu$((n - 1 - k + c))Ni$((k + c))"; fi
    done
    echo "structure: {prototypes: [fcc], supercell: [5, 3, 3], ordering: random, composition_tolerance: 0.003}"
    echo "method:"
    echo "  potential: CuNi.eam.alloy"
    # shape-fixed for the cross-tool set (the relaxation mixing enthalpies use, which every peer reads from the cells
    # and the typical loop also does); none for the efficiency run, which thus runs the quick start's default (both)
    if [ -n "${5:-}" ]; then echo "  relax: {mode: $5}"; fi
    echo "  properties: {eos: $3, elastic: $4}"
    echo "  timeout_seconds: 600"
    echo "screening: {objectives: [\"min dh_mix_ev_per_atom\"], top: 5}"
  } >"$work/campaigns/$name.yaml"
}
cuni_campaign bench-cross "$candidates" false false shape-fixed
# The pure metals in a smaller cell, same method: an earlier campaign that leaves its pure-element references in the
# shared cache of run (a'') but no record of bench-cross's candidates (their cells differ, so their ids do).
sed -e 's/^name: bench-cross/name: bench-refprime/' -e 's/supercell: \[5, 3, 3\]/supercell: [2, 2, 2]/' \
  "$work/campaigns/bench-cross.yaml" | awk '/^  compositions:/ { print; print "    - Cu"; print "    - Ni"; skip = 1; next }
  skip && /^    - / { next } { skip = 0; print }' >"$work/campaigns/bench-refprime.yaml"
[ "$eff_candidates" -gt 0 ] 2>/dev/null && cuni_campaign bench-efficiency "$eff_candidates" true true
cat >"$work/campaigns/bench-meam.yaml" <<EOF
schema: matscreen-campaign/1
name: bench-meam
space: {elements: [Co, Cr, Fe, Mn, Ni], orders: [2], step: $meam_step}
structure: {prototypes: [fcc], supercell: [3, 3, 3], ordering: random}
method:
  potential: kim:MEAM_LAMMPS_ChoiJoSohn_2018_CoNiCrFeMn__MO_115454747503_000
  relax: {mode: shape-fixed}
  properties: {eos: false, elastic: false}
  timeout_seconds: 600
screening: {objectives: ["min dh_mix_ev_per_atom"], top: 5}
EOF
cat >"$work/campaigns/bench-enumeration.yaml" <<EOF
schema: matscreen-campaign/1
name: bench-enumeration
space:
  elements: [Co, Cr, Fe, Ni, Cu, Ag, Au, Pd, Pt, Al, Pb, Mo, Ta, W, Ti, Zr]
  orders: [$dry_order]
  step: 0.05
structure: {prototypes: [fcc], supercell: [5, 2, 2], ordering: random}
method: {potential: zhou2004, properties: {eos: false, elastic: false}}
screening: {objectives: ["min dh_form_ev_per_atom"]}
EOF

msrun() { # NAME CAMPAIGN LIBRARY [extra options]; MSRUN_CACHE=DIR: that shared cache instead of --no-cache
  local name="$1" campaign="$2" lib="$3"; shift 3
  local cache=(--no-cache)
  [ -n "${MSRUN_CACHE:-}" ] && cache=(--cache "$MSRUN_CACHE")
  timed "$name" "$matscreen" run "$work/campaigns/$campaign.yaml" --out "$work/repos/$name" --master "local[$cores]" \
    "${cache[@]}" --fresh --no-progress --lammps-lib "$lib" "$@" \
    || { local rc=$?; say "matscreen run $name failed (exit $rc): $(tail -c 400 "$work/logs/$name.err")"; return "$rc"; }
}

# --- 1. cross-tool -------------------------------------------------------------------------------------------------
# Run (a) also makes the cells of section 1b, which therefore runs it even when the rest of section 1 is skipped.
if ! skipped cross || ! skipped relaxation; then
  say "(a) matscreen run, $candidates candidates"
  msrun cross bench-cross "$debian_lib"
  timed prepare "${bench[@]}" prepare --repo "$work/repos/cross" --work "$work/cross"
fi
# The peers of a set of cells run (a) left in WORK/FOLDER: (b) the native limit, (d) python3-lammps, (c) lmp per
# candidate; their timings are named PREFIXnative, PREFIXpython, PREFIXlmp.
cross_peers() { # FOLDER PREFIX
  local folder="$1" prefix="$2" dir="$work/$1"
  say "(b) native limit, $cores processes ($folder)"
  native_one() { "${native[@]}" --cells "$dir/cells.txt" --lib "$debian_lib" --queue "$dir/native.queue" \
    --processes "$cores" --out "$dir/native-$1.tsv"; }
  native_all() {
    local i pids=()
    for ((i = 0; i < cores; i++)); do native_one "$i" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done
  }
  timed --as "$(quoted "${native[@]}" --cells "$work/$folder/cells.txt" --lib "$debian_lib" --queue \
    "$work/$folder/native.queue" --processes "$cores" --out "$work/$folder/native-I.tsv")  # for I = 0 … $((cores - 1)),\
 in parallel" "${prefix}native" native_all
  say "(d) python3-lammps, multiprocessing over $cores processes ($folder)"
  timed "${prefix}python" "$python" "$here/bench/python/relax_pool.py" "$dir/cells.txt" "$dir/python.tsv" \
    --processes "$cores"
  say "(c) lmp per candidate, $cores at a time ($folder)"
  lmp_all() { ls "$dir/lmp" | sort -n | sed "s|^|$dir/lmp/|" | \
    xargs -P "$cores" -n 1 "$here/bench/lmp-one.sh"; }
  timed --as "ls WORK/$folder/lmp | sort -n | sed 's|^|WORK/$folder/lmp/|' | xargs -P $cores -n 1 bench/lmp-one.sh \
 # each: cd FOLDER; lmp -in in.relax -log log.lammps -screen none >stdout.txt" "${prefix}lmp" lmp_all
  { printf 'index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms\tforce_evaluations\n'
    cat "$dir/lmp"/*/row.tsv; } >"$dir/lmp.tsv"
}
if ! skipped cross; then
  cross_peers cross ""
  echo "lmp -in /dev/null -log none -screen none  # $lmp_empty times, each timed: the start-up of one launch" \
    >>"$work/commands.txt"
  empty=()
  for ((i = 0; i < lmp_empty; i++)); do
    t0=$(date +%s.%N); lmp -in /dev/null -log none -screen none >/dev/null 2>&1; t1=$(date +%s.%N)
    empty+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
  done
  fact lmp.empty_runs "$lmp_empty" "$runs"
  fact lmp.empty_median_s "$(printf '%s\n' "${empty[@]}" | sort -g | awk '{ v[NR] = $1 } END {
    print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')" "$runs"
  say "(a'') matscreen run with the references of an earlier campaign in the shared cache"
  MSRUN_CACHE="$work/refcache" msrun refprime bench-refprime "$debian_lib"
  MSRUN_CACHE="$work/refcache" msrun cross-refcache bench-cross "$debian_lib"
  say "(a') matscreen run again"
  msrun cross-again bench-cross "$debian_lib"
  # Where the cores' time goes: (a) and (d) once more, each with its process tree's CPU per thread sampled from
  # /proc; the steady window's share per kind of thread goes to WORK/cross/cpu-{matscreen,python}.tsv. Separate runs,
  # so that the sampler's own CPU (4-7 % of one core) stays out of the table above.
  say "CPU accounting: (a) and (d) sampled"
  cpu_account="$here/bench/python/cpu_account.py"
  timed --as "$(quoted "$python" bench/python/cpu_account.py record WORK/cross/cpu-matscreen.jsonl -- matscreen run \
    WORK/campaigns/bench-cross.yaml --out WORK/repos/cross-cpu --master "local[$cores]" --no-cache --fresh --no-progress \
    --lammps-lib "$debian_lib")" cpu-matscreen "$python" "$cpu_account" record "$work/cross/cpu-matscreen.jsonl" -- \
    "$matscreen" run "$work/campaigns/bench-cross.yaml" --out "$work/repos/cross-cpu" --master "local[$cores]" \
    --no-cache --fresh --no-progress --lammps-lib "$debian_lib"
  "$matscreen" query "$work/repos/cross-cpu" --columns started_at,finished_at --format csv --top "$candidates" \
    2>/dev/null | awk -F, 'NR > 1 { if (s == "" || $1 < s) s = $1; if ($2 > e) e = $2 } END { print s, e }' \
    >"$work/cross/cpu-matscreen.span"
  read -r s e <"$work/cross/cpu-matscreen.span"
  "$python" "$cpu_account" window "$work/cross/cpu-matscreen.jsonl" "$s" "$e" >"$work/cross/cpu-matscreen.tsv"
  timed --as "$(quoted "$python" bench/python/cpu_account.py record WORK/cross/cpu-python.jsonl -- "$python" \
    bench/python/relax_pool.py WORK/cross/cells.txt WORK/cross/cpu-python-rows.tsv --processes "$cores")" cpu-python \
    "$python" "$cpu_account" record "$work/cross/cpu-python.jsonl" -- "$python" "$here/bench/python/relax_pool.py" \
    "$work/cross/cells.txt" "$work/cross/cpu-python-rows.tsv" --processes "$cores"
  awk -F'\t' 'NR > 1 { if (s == "" || $5 < s) s = $5; if ($6 > e) e = $6 } END { print s, e }' \
    "$work/cross/cpu-python-rows.tsv" >"$work/cross/cpu-python.span"
  read -r s e <"$work/cross/cpu-python.span"
  "$python" "$cpu_account" window "$work/cross/cpu-python.jsonl" "$s" "$e" >"$work/cross/cpu-python.tsv"
fi

# --- 1c. the same with MEAM through KIM (issue 19, item 4) ------------------------------------------------------------
# A force evaluation costs about ten times an EAM one (section 9), so orchestration weighs less: the same peers on
# matscreen's cells of a Cantor-family campaign.
if ! skipped meam; then
  say "(a) matscreen run, MEAM set"
  msrun meam bench-meam "$debian_lib"
  timed meam-prepare "${bench[@]}" prepare --repo "$work/repos/meam" --work "$work/meam"
  cross_peers meam meam-
fi

# --- 1b. less native work for the same answer (issue 19) -----------------------------------------------------------
# (e) the typical loop and (f) the relaxation recipe, timed, in the same python3-lammps pool; then protocols counted
# (force evaluations, not time) against tight-tolerance references of each box mode. bench/python/relax_protocols.py
# defines every protocol named here.
if ! skipped relaxation && [ -f "$work/cross/cells.txt" ]; then
  relax_protocols="$here/bench/python/relax_protocols.py"
  say "(e) typical loop (tutorial protocol), $cores processes"
  timed typical "$python" "$relax_protocols" pool "$work/cross/cells.txt" "$work/cross/typical.tsv" \
    --protocol typical --processes "$cores"
  say "(f) relaxation recipe, $cores processes"
  timed recipe "$python" "$relax_protocols" pool "$work/cross/cells.txt" "$work/cross/recipe.tsv" \
    --protocol recipe-iso --processes "$cores"
  say "protocols counted against tight references (not timed)"
  timed protocols "$python" "$relax_protocols" study "$work/cross/cells.txt" "$work/cross/protocols" \
    --protocols tight-iso,tight-tri,matscreen-tri,matscreen-iso,typical-1e-10,recipe-iso,recipe-iso-then-tri \
    --processes "$cores"
fi

# --- 3. worker protocol --------------------------------------------------------------------------------------------
if ! skipped protocol && [ -d "$work/repos/cross" ]; then
  say "worker protocol, PING, restarts"
  timed protocol "${bench[@]}" protocol --repo "$work/repos/cross" --lib "$debian_lib" --work "$work/workers" \
    --candidates "$proto_candidates" --pings "$pings" --restarts "$restarts" --out "$work/protocol.facts"
fi

# --- 9. cost per potential kind (issue 14) --------------------------------------------------------------------------
if ! skipped potentials; then
  say "cost per potential kind: eam/alloy, KIM EAM, MEAM, SNAP"
  timed potentials "${bench[@]}" potentials --lib "$debian_lib" --work "$work/workers" \
    --candidates "$potential_candidates" --out "$work/potentials.facts" || true  # reported as not measured
fi

# --- 4. isolated vs in-process -------------------------------------------------------------------------------------
if ! skipped isolation; then
  echo "scripts/build-lammps-serial.sh  # the serial LAMMPS with exceptions (cached after its first build)" \
    >>"$work/commands.txt"
  if serial_lib="$("$here/scripts/build-lammps-serial.sh" 2>"$work/logs/serial-build.err" | tail -1)" \
      && [ -f "$serial_lib" ]; then
    fact serial_lib "$serial_lib" "$machine"
    say "isolated vs in-process on $serial_lib"
    msrun isolated bench-cross "$serial_lib" --conf matscreen.lammps.mode=isolated
    msrun in-process bench-cross "$serial_lib" --conf matscreen.lammps.mode=in-process
  else
    say "no serial LAMMPS build (scripts/build-lammps-serial.sh failed, see logs/serial-build.err): isolation skipped"
  fi
fi

# --- 2. efficiency, full protocol ----------------------------------------------------------------------------------
if ! skipped efficiency && [ "$eff_candidates" -gt 0 ]; then
  say "efficiency run, $eff_candidates candidates, relax + E(V) + elastic"
  msrun efficiency bench-efficiency "$debian_lib" || true  # the report says it failed; the other sections go on
fi

# --- 5. JNA (JMH) --------------------------------------------------------------------------------------------------
if ! skipped jmh; then
  say "JMH: JNA call overhead ($jmh_opts)"
  read -r -a jmh_args <<<"$jmh_opts"
  timed jmh java -cp "$cp" org.openjdk.jmh.Main JnaCallBenchmark "${jmh_args[@]}" -p "lib=$debian_lib" \
    -p "potential=$potential" -rf csv -rff "$work/jmh.csv"
fi

# --- 6. enumeration and driver memory ------------------------------------------------------------------------------
if ! skipped enumeration; then
  say "enumeration, single thread"
  timed enumerate "${bench[@]}" enumerate --campaign "$work/campaigns/bench-enumeration.yaml" --limit "$enum_limit" \
    --out "$work/enumeration.facts"
  say "dry run with -Xmx1g (order $dry_order)"
  # A failure (an OutOfMemoryError) is itself the result, so it does not stop the harness.
  MATSCREEN_JAVA_OPTS="-Xmx1g -Xlog:gc:file=$work/dryrun/gc.log" timed dryrun "$matscreen" run \
    "$work/campaigns/bench-enumeration.yaml" --dry-run --master "local[$cores]" --out "$work/repos/dryrun" \
    --no-progress || say "the dry run failed (exit $?), see $work/logs/dryrun.err"
fi

# The load average after the LAMMPS sections, which keep every core busy themselves (about "cores" is expected); the
# query and server sections that follow load the machine on purpose (50 clients) and would say nothing about it.
fact load_end "$(load)" "$machine"

# --- 8. repository queries ----------------------------------------------------------------------------------------
# The query engine's own benchmark (issue 6), with its full-scan reference, when this checkout has it. Its synthetic
# repository of 10^5 records is generated once and kept outside the work folder.
if ! skipped query && [ -x "$here/bench/query-benchmark.sh" ]; then
  say "repository queries (bench/query-benchmark.sh, $query_runs runs per query)"
  # Without OMP_NUM_THREADS, which GNU nproc (and so the script's machine line) would take for the core count.
  MVN_OPTS_EXTRA="${maven_opts[*]}" timed query env -u OMP_NUM_THREADS "$here/bench/query-benchmark.sh" \
    "${TMPDIR:-/tmp}/matscreen-bench-query-repository" "$query_runs" \
    || say "the query benchmark failed, see $work/logs/query.err"
fi

# --- 9. OPTIMADE server ------------------------------------------------------------------------------------------
# Latency of filtered queries over a synthetic repository (written once, kept outside the work folder), the columnar
# filter against the row-by-row reference evaluator, and a bounded loopback load test (issue 7).
if ! skipped optimade; then
  read -r -a optimade_args <<<"$optimade"
  say "OPTIMADE server (bench/optimade-load.sh ${optimade_args[*]})"
  # The script wants Maven's local repository as a variable; the rest of --maven-opts does not concern it.
  optimade_repo=""
  for o in "${maven_opts[@]}"; do case "$o" in -Dmaven.repo.local=*) optimade_repo="${o#-Dmaven.repo.local=}" ;; esac; done
  MAVEN_REPO_LOCAL="$optimade_repo" MATSCREEN_BENCH_DIR="${TMPDIR:-/tmp}/matscreen-bench-optimade-${optimade_args[0]}" \
    timed optimade "$here/bench/optimade-load.sh" "${optimade_args[@]}" \
    || say "the OPTIMADE benchmark failed, see $work/logs/optimade.err"
fi

# --- report --------------------------------------------------------------------------------------------------------
mkdir -p "$here/bench/results"
java -cp "$cp" org.matscreen.bench.BenchCli report --work "$work" | tee "$here/bench/results/latest.md"
say "written to bench/results/latest.md (work folder $work)"
if $publish; then
  cp "$here/bench/results/latest.md" "$here/BENCHMARKS.md"
  # Section 10 comes from bench/adaptive.sh (its ground truth takes half an hour to compute), section 11 from
  # bench/driver-flags.sh's A/B pairs; their last reports stay.
  for extra in adaptive startup; do
    if [ -f "$here/bench/results/$extra/section.md" ]; then
      { echo; cat "$here/bench/results/$extra/section.md"; } >>"$here/BENCHMARKS.md"
    fi
  done
  say "and to BENCHMARKS.md"
fi
