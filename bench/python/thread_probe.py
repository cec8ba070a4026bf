#!/usr/bin/env python3
"""Where a command's CPU time and scheduler events go, per process and thread (issue 19, item 1).

Runs COMMAND, samples /proc/PID/task/TID/sched of every process in its tree every --interval seconds (the kernel's
own per-thread counters: CPU time, voluntary and involuntary context switches, migrations between cores), keeps each
thread's last sample, and prints them grouped by process and thread name. Counts, not wall times: they mean the same
on a loaded machine, which is what makes a JVM worker and a Python loop comparable there.

    thread_probe.py [--interval 0.05] [--top 12] -- COMMAND ...

A thread that ends between two samples loses at most one interval of counts; short-lived helper threads may be
missed entirely, so the totals are lower bounds.
"""
import argparse
import os
import subprocess
import sys
import time

FIELDS = {"se.sum_exec_runtime": "cpu_ms", "se.nr_migrations": "migrations",
          "nr_voluntary_switches": "voluntary", "nr_involuntary_switches": "involuntary"}


def children(pid):
    out = []
    try:
        for tid in os.listdir("/proc/%d/task" % pid):
            with open("/proc/%d/task/%s/children" % (pid, tid)) as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def tree(root):
    seen, todo = [], [root]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += children(p)
    return seen


def sample(pid, table):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
        tids = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                comm = f.read().strip()
            with open("/proc/%d/task/%s/sched" % (pid, tid)) as f:
                values = {}
                for line in f:
                    key, _, v = line.partition(":")
                    key = key.strip()
                    if key in FIELDS:
                        values[FIELDS[key]] = float(v)
        except OSError:
            continue
        table[(pid, int(tid))] = (cmd, comm, values)


def label(cmd):
    for key in ("WorkerMain", "BenchCli native", "BenchCli protocol", "relax_pool", "relax_protocols", "lmp "):
        if key in cmd:
            return key.strip()
    return cmd.split(" ")[0].rsplit("/", 1)[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--interval", type=float, default=0.05)
    ap.add_argument("--top", type=int, default=12, help="threads listed per process (by CPU time)")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command and a.command[0] == "--" else a.command
    if not cmd:
        ap.error("no command")
    t0 = time.time()
    proc = subprocess.Popen(cmd)
    table = {}
    while proc.poll() is None:
        for p in tree(proc.pid):
            sample(p, table)
        time.sleep(a.interval)
    wall = time.time() - t0
    per_process = {}
    for (pid, tid), (c, comm, v) in table.items():
        per_process.setdefault((pid, label(c)), []).append((comm, tid, v))
    print("command exit %d, wall %.2f s; per process (pid), threads by CPU time:" % (proc.returncode, wall))
    print("%-8s %-22s %-18s %10s %8s %10s %10s" % ("pid", "process", "thread", "cpu_ms", "migr", "vol_cs",
                                                    "invol_cs"))
    for (pid, name), threads in sorted(per_process.items()):
        tot = {k: sum(t[2].get(k, 0) for t in threads) for k in FIELDS.values()}
        print("%-8d %-22s %-18s %10.0f %8d %10d %10d" % (pid, name[:22], "ALL (%d threads)" % len(threads),
                                                         tot["cpu_ms"], tot["migrations"], tot["voluntary"],
                                                         tot["involuntary"]))
        for comm, tid, v in sorted(threads, key=lambda t: -t[2].get("cpu_ms", 0))[:a.top]:
            print("%-8s %-22s %-18s %10.1f %8d %10d %10d" % ("", "", comm[:18], v.get("cpu_ms", 0),
                                                             v.get("migrations", 0), v.get("voluntary", 0),
                                                             v.get("involuntary", 0)))
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
