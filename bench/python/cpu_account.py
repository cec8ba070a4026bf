#!/usr/bin/env python3
"""Where the cores' time goes while a tool screens: CPU seconds per kind of thread, from /proc.

    cpu_account.py record OUT.jsonl -- COMMAND ...     runs COMMAND, sampling its process tree every PERIOD seconds
    cpu_account.py window OUT.jsonl START_MS END_MS    CPU per kind of thread between two epoch-ms instants, as TSV

Every sample holds, for each thread of the command and of its descendants, the CPU time the kernel charged it
(utime + stime of /proc/PID/task/TID/stat, in clock ticks) and its involuntary context switches (times the
scheduler took the core from it while it could still run: /proc/PID/task/TID/status). A window's figures are the
difference between the last samples at or before its ends (a thread that ended keeps its last figures). Threads are
put in kinds by their process and name:

  lammps worker   the main thread of a matscreen worker JVM (LAMMPS and the worker's Java between its calls)
  worker jvm      the worker JVMs' other threads (JIT compiler, GC, ...)
  executor        the driver's Spark executor threads (cells, records, analysis, commits)
  jit             the driver's compiler threads
  gc              the driver's garbage collector (VM Thread, GC threads)
  driver other    the driver's remaining threads (Spark's scheduler, heartbeats, listeners, ...)
  python worker   a Python multiprocessing pool process (LAMMPS and Python between its calls)
  python parent   the pool's parent process
  sampler         this script (not in the tree, but on the same cores)

The sampler reads a few hundred /proc files a sample: 4 % of one core beside the 3-process python3-lammps pool and
7 % beside matscreen's driver and two workers (about 100 threads), at the default period. It counts itself, so that
its CPU is reported as its own and not as idle time.
"""
import json
import os
import subprocess
import sys
import time

PERIOD = float(os.environ.get("CPU_ACCOUNT_PERIOD", "0.1"))
TICK = os.sysconf("SC_CLK_TCK")


def children_of(root):
    """Every live descendant of root, root included."""
    parent = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    s = f.read()
                parent[int(p)] = int(s[s.rindex(")") + 2:].split()[1])
            except OSError:
                pass
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, ppid in parent.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


def process_kind(pid, root):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            args = f.read().split(b"\0")
    except OSError:
        return None
    text = b" ".join(args)
    if b"WorkerMain" in text:
        return "worker"
    if b"java" in args[0]:
        return "driver"
    if b"python" in args[0]:
        return "python parent" if pid == root else "python worker"
    return "other"


def thread_kind(process, name):
    if process == "worker":
        return "lammps worker" if name == "java" else "worker jvm"
    if process == "driver":
        if name.startswith("Executor task"):
            return "executor"
        if "Compiler" in name:
            return "jit"
        if name in ("VM Thread",) or name.startswith("GC ") or "G1 " in name:
            return "gc"
        return "driver other"
    return process


def snapshot(root, kinds):
    """tid -> [kind, cpu ticks, involuntary switches] over root's tree."""
    out = {}
    for pid in children_of(root):
        process = kinds.get(pid)
        if process is None or process == "other":
            # a process is classified once it runs what it was started for: a fork still runs its parent's program
            process = kinds[pid] = process_kind(pid, root)
        if process is None or process == "other":
            continue
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/stat") as f:
                    s = f.read()
                with open(f"/proc/{pid}/task/{tid}/status") as f:
                    status = f.read()
            except OSError:
                continue
            name = s[s.index("(") + 1:s.rindex(")")]
            fields = s[s.rindex(")") + 2:].split()
            switches = int(status.rsplit("nonvoluntary_ctxt_switches:", 1)[1].split()[0])
            out[f"{pid}/{tid}"] = [thread_kind(process, name), int(fields[11]) + int(fields[12]), switches]
    return out


def own_cpu():
    """[kind, cpu ticks, involuntary switches] of this sampler."""
    t = os.times()
    with open("/proc/self/status") as f:
        switches = int(f.read().rsplit("nonvoluntary_ctxt_switches:", 1)[1].split()[0])
    return ["sampler", round((t.user + t.system) * TICK), switches]


def record(out_path, command):
    child = subprocess.Popen(command)
    kinds = {}
    with open(out_path, "w") as out:
        while True:
            now = time.time()
            threads = snapshot(child.pid, kinds)
            threads["sampler"] = own_cpu()
            out.write(json.dumps([now, threads]) + "\n")
            if child.poll() is not None:
                break
            time.sleep(max(0.0, PERIOD - (time.time() - now)))
    return child.returncode


def state_at(samples, t):
    """Every thread's last sampled [kind, ticks, switches] at or before t (a thread that ended keeps its last)."""
    state, at = {}, samples[0][0]
    for when, threads in samples:
        if when > t:
            break
        state.update(threads)
        at = when
    return at, state


def window(path, start_ms, end_ms):
    samples = [json.loads(line) for line in open(path)]
    t0, first = state_at(samples, start_ms / 1e3)
    t1, last = state_at(samples, end_ms / 1e3)
    cpu, switches = {}, {}
    for tid, (kind, ticks, sw) in last.items():
        before = first.get(tid, [kind, 0, 0])
        cpu[kind] = cpu.get(kind, 0) + (ticks - before[1]) / TICK
        switches[kind] = switches.get(kind, 0) + sw - before[2]
    print("window_s\t%.3f" % (t1 - t0))
    for kind in sorted(cpu):
        print("%s\t%.3f\t%d" % (kind, cpu[kind], switches[kind]))


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "record" and sys.argv[3] == "--":
        sys.exit(record(sys.argv[2], sys.argv[4:]))
    if len(sys.argv) == 5 and sys.argv[1] == "window":
        window(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
        sys.exit(0)
    sys.exit(__doc__)
