#!/usr/bin/env bash
# A private single-host Slurm for tests and for trying matscreen's batch scripts on a laptop: munged, slurmctld and
# one slurmd per simulated node, all on loopback, all state (configuration, spool, logs, PID files) under one folder.
#
#   slurm-local.sh install                      install Debian's slurm-wlm and munge if missing (needs root)
#   slurm-local.sh start DIR [--nodes N] [--cpus C] [--mem MB] [--port P]
#                                               write DIR/slurm.conf, start the daemons, wait until every node is idle
#   slurm-local.sh stop DIR                     stop the daemons by the PIDs in their PID files
#   slurm-local.sh env DIR                      print 'export SLURM_CONF=…' for a shell that talks to this Slurm
#
# Nothing here touches /etc/slurm: every Slurm command finds this configuration through SLURM_CONF, and munged uses
# a private key and socket, so a site's own Slurm or munge on the same machine is neither needed nor disturbed.
# The settings are the ones that work without systemd and cgroups (containers, CI): proctrack/linuxproc tracks a
# job's processes by parentage, task/none binds nothing, memory is accounted (DefMemPerCPU, so jobs share the
# host instead of each taking all of it) but not enforced, so JVMs in jobs must be given -Xmx.
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "slurm-local: $*" >&2; exit 1; }

cmd="${1:-}"
[ -n "$cmd" ] || { usage >&2; exit 2; }
shift

install_packages() {
  local missing=()
  for p in slurm-wlm munge; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found: install Slurm (slurmctld, slurmd, client) and munge"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "slurm-local: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q >/dev/null || echo "slurm-local: apt-get update failed; trying the install anyway" >&2
  # The packages' maintainer scripts try to start the daemons through the init system; that fails harmlessly in a
  # container (policy-rc.d), and this script starts its own daemons anyway.
  $sudo apt-get install -y -q --no-install-recommends slurm-wlm munge >/dev/null
}

# Reads a PID file and tells whether that process is alive.
alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Stops the process named by a PID file: TERM, then KILL after a grace period. Never by process name: other users'
# daemons on the same machine are not ours to stop.
stop_pidfile() {
  local f="$1" pid i
  [ -s "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

write_conf() {
  local dir="$1" nodes="$2" cpus="$3" mem="$4" port="$5" host i
  host="$(hostname -s)"
  {
    echo "# Written by scripts/slurm-local/slurm-local.sh; a private Slurm on loopback."
    echo "ClusterName=matscreen-local"
    # slurmctld insists on running on the host named here; clients reach it at the address in parentheses.
    echo "SlurmctldHost=${host}(127.0.0.1)"
    echo "SlurmctldPort=${port}"
    echo "SlurmUser=$(id -un)"
    echo "SlurmdUser=root"
    echo "AuthType=auth/munge"
    echo "CredType=cred/munge"
    echo "AuthInfo=socket=${dir}/munge/munge.socket"
    echo "StateSaveLocation=${dir}/ctld"
    echo "SlurmdSpoolDir=${dir}/spool/%n"
    echo "SlurmctldPidFile=${dir}/run/slurmctld.pid"
    echo "SlurmdPidFile=${dir}/run/slurmd-%n.pid"
    echo "SlurmctldLogFile=${dir}/log/slurmctld.log"
    echo "SlurmdLogFile=${dir}/log/slurmd-%n.log"
    echo "ProctrackType=proctrack/linuxproc"
    echo "TaskPlugin=task/none"
    echo "SelectType=select/cons_tres"
    echo "SelectTypeParameters=CR_CPU_Memory"
    # Without it each job is given the whole node's memory and jobs run one at a time.
    echo "DefMemPerCPU=$((mem / cpus))"
    # No slurmdbd, so no sacct: finished jobs are recorded in a text file instead.
    echo "JobCompType=jobcomp/filetxt"
    echo "JobCompLoc=${dir}/log/jobcomp.txt"
    echo "JobAcctGatherType=jobacct_gather/none"
    echo "AccountingStorageType=accounting_storage/none"
    echo "MpiDefault=none"
    echo "SwitchType=switch/none"
    echo "MailProg=/bin/true"
    echo "ReturnToService=2"
    # Slurm's default grace between SIGTERM and SIGKILL at a time limit or scancel: the batch scripts' EXIT trap
    # needs it to stop the Spark master, which proctrack/linuxproc loses track of once its starter has exited.
    # Finished jobs stay visible to 'scontrol show job' for 10 minutes (tests poll them there).
    echo "KillWait=30"
    echo "MinJobAge=600"
    echo "InactiveLimit=0"
    # The simulated nodes share one machine, so the configured CPUs and memory are taken as they are.
    echo "SlurmdParameters=config_overrides"
    for i in $(seq 1 "$nodes"); do
      echo "NodeName=n${i} NodeHostname=${host} NodeAddr=127.0.0.1 Port=$((port + i)) CPUs=${cpus} RealMemory=${mem} State=UNKNOWN"
    done
    echo "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO"
  } >"${dir}/slurm.conf"
}

start() {
  local dir="" nodes=1 cpus="" mem=4096 port=16817 i
  dir="${1:-}"
  [ -n "$dir" ] || die "start: missing DIR"
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes="$2"; shift 2 ;;
      --cpus) cpus="$2"; shift 2 ;;
      --mem) mem="$2"; shift 2 ;;
      --port) port="$2"; shift 2 ;;
      *) die "start: unknown option $1" ;;
    esac
  done
  [ -n "$cpus" ] || cpus=$(( $(nproc) / nodes > 0 ? $(nproc) / nodes : 1 ))
  for v in "$nodes" "$cpus" "$mem" "$port"; do
    [[ "$v" =~ ^[1-9][0-9]*$ ]] || die "start: '$v' is not a positive integer"
  done
  command -v slurmctld >/dev/null && command -v munged >/dev/null \
    || die "Slurm or munge is not installed: run '$0 install' first"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # munged refuses key files and sockets in folders that others can write to.
  umask 077
  mkdir -p "$dir/munge" "$dir/ctld" "$dir/spool" "$dir/run" "$dir/log"
  chmod 700 "$dir" "$dir/munge"
  alive "$dir/run/slurmctld.pid" && die "a Slurm is already running from $dir (stop it first)"

  write_conf "$dir" "$nodes" "$cpus" "$mem" "$port"
  if [ ! -s "$dir/munge/munge.key" ]; then
    head -c 1024 /dev/urandom >"$dir/munge/munge.key"
  fi
  # --force: munged otherwise refuses to run as root; it is a private instance on a private socket.
  munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"
  for i in $(seq 1 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
  [ -S "$dir/munge/munge.socket" ] || die "munged did not start; see $dir/log/munged.log"

  export SLURM_CONF="$dir/slurm.conf"
  # -i: ignore state left by an earlier instance in this folder (jobs of a test run that was killed).
  slurmctld -i
  for i in $(seq 1 "$nodes"); do
    slurmd -N "n${i}"
  done
  wait_idle "$dir" "$nodes"
  echo "slurm-local: $nodes node(s) of $cpus CPU(s) and $mem MB up; export SLURM_CONF=$dir/slurm.conf" >&2
}

# Waits until every node reports idle: a job submitted earlier would pend with reason "Nodes required ... not available".
wait_idle() {
  local dir="$1" nodes="$2" i idle
  for i in $(seq 1 300); do
    idle=$(sinfo -h -N -t idle -o '%N' 2>/dev/null | sort -u | wc -l || true)
    [ "$idle" -ge "$nodes" ] && return 0
    sleep 0.2
  done
  sinfo -N >&2 || true
  tail -n 20 "$dir/log/slurmctld.log" >&2 || true
  die "the nodes did not become idle within 60 s; logs in $dir/log"
}

stop() {
  local dir="${1:-}" f
  [ -n "$dir" ] || die "stop: missing DIR"
  [ -d "$dir" ] || return 0
  # slurmd first (their jobs' processes go with them), then the controller, then munge, which both still need.
  for f in "$dir"/run/slurmd-*.pid; do
    [ -e "$f" ] && stop_pidfile "$f"
  done
  stop_pidfile "$dir/run/slurmctld.pid"
  stop_pidfile "$dir/run/munged.pid"
  return 0
}

case "$cmd" in
  install) install_packages ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  env) [ -n "${1:-}" ] || die "env: missing DIR"; echo "export SLURM_CONF=$(cd "$1" && pwd)/slurm.conf" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
