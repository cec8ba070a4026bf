#!/usr/bin/env python3
"""Relaxation protocols for python3-lammps, and what each costs in force evaluations (issue 19, item 3).

A protocol is data (Protocol, Stage below): where the cell starts (the Vegard's-law cell matscreen built, or the same
site arrangement scaled to one guessed lattice parameter), how the box relaxes (fix box/relax iso, aniso or tri), and
the minimisations in order, with the restart rule of matscreen's LammpsCalculator. run() applies one protocol to one
cell on an open LAMMPS instance and returns the energy and the counts, read from LAMMPS' own minimisation statistics
("Iterations, force evaluations = I E", written to a per-candidate log file, as matscreen's calculator writes one).

Force evaluations counted per candidate = Σ over minimisations (the statistics' count + 1 for the set-up evaluation
Min::setup makes outside that count) + 1 per `run 0`. The count is independent of the machine's load, which is why
the protocol study compares counts, not seconds.

    relax_protocols.py study CELLS OUT_DIR [--protocols a,b,...] [--every K] [--processes 2]
        writes OUT_DIR/<protocol>.tsv (index, energy, evaluations, iterations, minimisations, fmax, pmax, converged)
    relax_protocols.py pool CELLS OUT.tsv --protocol NAME [--processes 2]
        a timed peer of bench/run.sh: like relax_pool.py (a multiprocessing pool, one instance per process warmed by
        one untimed relaxation, cells inherited through fork), with the named protocol; OUT.tsv is ResultTable.java's
        table with its force_evaluations and accepted columns
    relax_protocols.py summary OUT_DIR
        per protocol: Σ and mean force evaluations, ratio to the typical loop, to matscreen's protocol and to its
        protocol before the recipe (legacy-*), the largest energy difference from the tight reference of the same
        box mode, and how many candidates pass
    relax_protocols.py list
"""
import argparse
import math
import multiprocessing
import os
import re
import sys
import tempfile

from lammps import lammps

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relax_pool  # noqa: E402  (same folder)
from relax_pool import num, read_cells  # noqa: E402

PRESSURES = ("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")
STATS = re.compile(r"Iterations, force evaluations = (\d+) (\d+)")
STOP = re.compile(r"Stopping criterion = (.*)")


class Stage:
    """One minimize command: min_style, line search, tolerances; box relaxed with it or held."""

    def __init__(self, style="cg", etol=0.0, ftol=1e-6, maxiter=5000, maxeval=50000, line=None, box=True,
                 vmax=None, dmax=None):
        self.style, self.etol, self.ftol, self.maxiter, self.maxeval = style, etol, ftol, maxiter, maxeval
        self.line, self.box, self.vmax, self.dmax = line, box, vmax, dmax

    def key(self):
        return "%s%s%s etol=%g ftol=%g %d/%d%s%s" % (
            self.style, "/" + self.line if self.line else "", "+box" if self.box else "", self.etol, self.ftol,
            self.maxiter, self.maxeval, " vmax=%g" % self.vmax if self.vmax else "",
            " dmax=%g" % self.dmax if self.dmax else "")


class Protocol:
    """Start, box mode and stages of a relaxation, plus the restart rule.

    start: "vegard" (the cell as matscreen built it) or a float, the generic fcc lattice parameter (Å) the same site
    arrangement is scaled to. box: iso | aniso | tri. restart_styles: min_style of each restart while the final
    state misses fmax_tol or ptol (matscreen: cg, cg, sd, sd, ...); empty = one pass, no check (a tutorial's loop).
    run_zero: evaluate the final state once more without the box fix (matscreen does; pressures then exclude the
    fix). repeat_until: repeat the last stage until the energy changes by less than this (eV/atom); 0 = never.
    give_up_below: stop restarting when a restart changed the energy by less than this (eV/atom) and the state is
    still not accepted (a minimiser stalled on a kink of the potential gains nothing from more restarts); 0 = never.
    """

    def __init__(self, name, stages, start="vegard", box="iso", vmax=0.001, nreset=1, restart_styles=(),
                 max_restarts=0, fmax_tol=1e-3, ptol=10.0, run_zero=True, repeat_until=0.0, note="",
                 give_up_below=0.0):
        self.name, self.stages, self.start, self.box, self.vmax, self.nreset = name, stages, start, box, vmax, nreset
        self.restart_styles, self.max_restarts, self.fmax_tol, self.ptol = restart_styles, max_restarts, fmax_tol, ptol
        self.run_zero, self.repeat_until, self.note = run_zero, repeat_until, note
        self.give_up_below = give_up_below

    def pressure_components(self):
        """What the box mode relaxes, so what the acceptance test checks: shape-fixed iso only the hydrostatic part."""
        return {"iso": ("press",), "aniso": ("pxx", "pyy", "pzz")}.get(self.box, PRESSURES)


# restarts after the first cg pass: LammpsCalculator runs cg, cg, sd, sd, sd over its attempts
MATSCREEN_STYLES = ("cg", "sd", "sd", "sd")
# A restart that gains less than this (eV/atom) ends the attempts: the minimiser is stuck on a kink of the potential
# (RelaxProtocol.RECIPE_MIN_RESTART_GAIN).
RECIPE_GIVE_UP = 1e-9


def _matscreen(name, box, start="vegard"):
    """LammpsCalculator's relaxation since issue 19 (RelaxProtocol.recipe on RelaxSettings.DEFAULT): cg with etol
    1e-12, ftol 1e-6, restarts cg, cg, sd while not accepted, until a restart gains less than 1e-9 eV/atom."""
    p = Protocol(name, [Stage("cg", 1e-12, 1e-6, 5000, 50000)], start=start, box=box,
                 restart_styles=MATSCREEN_STYLES, max_restarts=4, give_up_below=RECIPE_GIVE_UP,
                 note="LammpsCalculator (the recipe): fix box/relax %s 0.0 vmax 0.001 nreset 1, min_style cg,"
                      " minimize 1e-12 1e-6 5000 50000, run 0, restarted (cg, cg, sd) while fmax > 1e-3 eV/A or"
                      " %s > 10 bar, until a restart gains less than 1e-9 eV/atom"
                      % (box, "|P|" if box == "iso" else "any |P_ij|"))
    return p


def _legacy(name, box, start="vegard"):
    """LammpsCalculator's relaxation before issue 19 (RelaxSettings.DEFAULT as it was): cg, etol 0, ftol 1e-6,
    restarts cg, cg, sd while not accepted, at most four."""
    return Protocol(name, [Stage("cg", 0.0, 1e-6, 5000, 50000)], start=start, box=box,
                    restart_styles=MATSCREEN_STYLES, max_restarts=4,
                    note="LammpsCalculator before the recipe: fix box/relax %s 0.0 vmax 0.001 nreset 1, min_style cg,"
                         " minimize 0 1e-6 5000 50000, run 0, restarted (cg, cg, sd) while fmax > 1e-3 eV/A or"
                         " |P| > 10 bar" % box)


def _typical(name, etol, ftol, maxiter, maxeval, a=3.6):
    return Protocol(name, [Stage("cg", etol, ftol, maxiter, maxeval)], start=a, box="iso", nreset=None,
                    run_zero=False,
                    note="one guessed lattice parameter (%g A), fix 1 all box/relax iso 0.0 vmax 0.001, min_style cg,"
                         " minimize %g %g %d %d, one pass" % (a, etol, ftol, maxiter, maxeval))


def _tight(name, box):
    return Protocol(name, [Stage("cg", 0.0, 1e-10, 20000, 200000)], box=box, restart_styles=("cg",) * 8,
                    max_restarts=8, fmax_tol=1e-8, ptol=1e-3, repeat_until=1e-10,
                    note="reference: cg, ftol 1e-10, repeated until the energy changes < 1e-10 eV/atom")


def _staged(name, box, loose, tight, first="cg", start="vegard", line=None, vmax=0.001, fire_ftol=None, note="",
            pre_box=None):
    stages = []
    if pre_box is not None:
        stages.append(Stage("cg", tight[0], tight[1], 5000, 50000, line=line, box=pre_box))
    if fire_ftol is not None:
        stages.append(Stage("fire", 0.0, fire_ftol, 2000, 20000, box=False))
    if loose is not None:
        stages.append(Stage(first, loose[0], loose[1], 5000, 50000, line=line))
    stages.append(Stage("cg", tight[0], tight[1], 5000, 50000, line=line, vmax=vmax))
    return Protocol(name, stages, start=start, box=box, vmax=vmax, restart_styles=MATSCREEN_STYLES, max_restarts=4,
                    note=note)


PROTOCOLS = {p.name: p for p in [
    _matscreen("matscreen-tri", "tri"),
    _matscreen("matscreen-iso", "iso"),
    _legacy("legacy-tri", "tri"),
    _legacy("legacy-iso", "iso"),
    _legacy("legacy-iso-generic", "iso", start=3.6),
    _typical("typical", 1e-25, 1e-25, 5000, 10000),
    _typical("typical-1e-10", 1e-10, 1e-10, 5000, 10000),
    _tight("tight-iso", "iso"),
    _tight("tight-tri", "tri"),
    _tight("tight-aniso", "aniso"),
]}


def add_variants():
    """The variants the study explores (names say what changes against legacy-iso, the protocol they were measured
    against; bench/RELAXATION-RECIPE.md)."""
    v = []
    for box in ("iso", "tri"):
        for etol in (1e-8, 1e-10, 1e-12):
            v.append(_staged("etol%g-%s" % (etol, box), box, None, (etol, 1e-6)))
        for line in ("backtrack", "forcezero"):
            v.append(_staged("line-%s-%s" % (line, box), box, None, (0.0, 1e-6), line=line))
        for vmax in (0.003, 0.01, 0.03):
            v.append(_staged("vmax%g-%s" % (vmax, box), box, None, (0.0, 1e-6), vmax=vmax))
        v.append(_staged("staged-1e-3-%s" % box, box, (0.0, 1e-3), (0.0, 1e-6)))
        v.append(_staged("fire-then-cg-%s" % box, box, None, (0.0, 1e-6), fire_ftol=1e-3))
        v.append(_staged("ftol1e-4-%s" % box, box, None, (0.0, 1e-4)))
        v.append(_staged("ftol1e-5-%s" % box, box, None, (0.0, 1e-5)))
    # second round, around the best of the first (etol 1e-12, iso)
    for box in ("iso", "tri"):
        v.append(_staged("etol1e-11-%s" % box, box, None, (1e-11, 1e-6)))
        v.append(_staged("etol1e-12-forcezero-%s" % box, box, None, (1e-12, 1e-6), line="forcezero"))
        v.append(_staged("etol1e-12-ftol1e-4-%s" % box, box, None, (1e-12, 1e-4)))
        v.append(_staged("etol1e-12-vmax0.01-%s" % box, box, None, (1e-12, 1e-6), vmax=0.01))
        v.append(_staged("etol1e-12-generic-%s" % box, box, None, (1e-12, 1e-6), start=3.6))
        v.append(_staged("etol1e-13-%s" % box, box, None, (1e-13, 1e-6)))
    v.append(_staged("iso-then-tri-etol1e-12", "tri", None, (1e-12, 1e-6), pre_box="iso"))
    # third round: a looser first pass, restarts with matscreen's strict tolerances only where acceptance fails
    for box in ("iso", "tri"):
        for etol in (1e-10, 1e-11, 1e-12):
            p = _staged("etol%g-strict-restart-%s" % (etol, box), box, None, (etol, 1e-6))
            p.restart_stage = Stage("cg", 0.0, 1e-6, 5000, 50000)
            v.append(p)
    v.append(Protocol("typical-vegard", [Stage("cg", 1e-25, 1e-25, 5000, 10000)], box="iso", nreset=None,
                      run_zero=False, note="the tutorial's loop from the Vegard's-law cell"))
    # fourth round: Zhou-family cells stall with "linesearch alpha is zero" at 0.03 eV/A and tens of bar
    for box in ("iso", "tri"):
        t = _tight("tight-fz-%s" % box, box)
        t.stages[0].line = "forcezero"
        v.append(t)
        v.append(_staged("recipe-fz-%s" % box, box, None, (1e-12, 1e-6), line="forcezero"))
        p = _staged("recipe-restart-fz-%s" % box, box, None, (1e-12, 1e-6))
        p.restart_stage = Stage("cg", 1e-12, 1e-6, 5000, 50000, line="forcezero")
        v.append(p)
        # (hftn is not offered: LAMMPS refuses it with fix box/relax, as it refuses fire and quickmin)
    for box in ("iso", "tri"):
        for give_up in (1e-9, 1e-7):
            p = _staged("recipe-giveup%g-%s" % (give_up, box), box, None, (1e-12, 1e-6))
            p.give_up_below = give_up
            v.append(p)
    for p in v:
        PROTOCOLS.setdefault(p.name, p)


RECIPE_NOTE = ("the recipe (what matscreen-iso runs, without the common-neighbour analysis): Vegard's-law cell, fix"
               " box/relax %s 0.0 vmax 0.001 nreset 1, min_style cg, minimize 1e-12 1e-6 5000 50000, run 0, restarted"
               " (cg, sd, sd, sd) while fmax > 1e-3 eV/A or |P| > 10 bar, until a restart gains less than 1e-9 eV/atom")
RECIPE_ISO = _staged("recipe-iso", "iso", None, (1e-12, 1e-6), note=RECIPE_NOTE % "iso")
RECIPE_ISO.give_up_below = RECIPE_GIVE_UP
RECIPE_ISO_TRI = _staged("recipe-iso-then-tri", "tri", None, (1e-12, 1e-6), pre_box="iso",
                         note="the recipe's free probe: recipe-iso, then the same minimisation with box/relax tri")
RECIPE_ISO_TRI.give_up_below = RECIPE_GIVE_UP
PROTOCOLS[RECIPE_ISO.name] = RECIPE_ISO
PROTOCOLS[RECIPE_ISO_TRI.name] = RECIPE_ISO_TRI


def _stats(log_path, offset):
    with open(log_path, errors="replace") as f:
        f.seek(offset)
        text = f.read()
    m = STATS.findall(text)
    s = STOP.findall(text)
    return [(int(i), int(e)) for i, e in m], (s[-1].strip() if s else "")


def _scaled(cell, a):
    """The cell's site arrangement scaled uniformly to the volume per atom of fcc with lattice parameter a."""
    lx, ly, lz, xy, xz, yz = cell["box"]
    v = lx * ly * lz / cell["atoms"]
    s = (a ** 3 / 4.0 / v) ** (1.0 / 3.0)
    return [b * s for b in cell["box"]], [x * s for x in cell["x"]]


def setup(lmp, cell, header, proto, log_path):
    """The cell (as matscreen built it, or scaled to the protocol's guessed start) on LammpsCalculator's settings."""
    box, x = (None, None) if proto.start == "vegard" else _scaled(cell, float(proto.start))
    relax_pool.setup(lmp, cell, header, box, x, log=log_path)


def _minimize(lmp, proto, stage):
    lmp.command("min_style " + stage.style)
    mods = []
    if stage.line:
        mods.append("line " + stage.line)
    if stage.dmax:
        mods.append("dmax %s" % num(stage.dmax))
    if mods:
        lmp.command("min_modify " + " ".join(mods))
    if stage.box:
        vmax = stage.vmax if stage.vmax else proto.vmax
        mode = stage.box if isinstance(stage.box, str) else proto.box
        fix = "fix relax all box/relax %s 0.0 vmax %s" % (mode, num(vmax))
        if proto.nreset:
            fix += " nreset %d" % proto.nreset
        lmp.command(fix)
    lmp.command("minimize %s %s %d %d" % (num(stage.etol), num(stage.ftol), stage.maxiter, stage.maxeval))
    if stage.box:
        lmp.command("unfix relax")
    if stage.line:
        lmp.command("min_modify line quadratic")  # back to the default for the next stage


def run(lmp, cell, header, proto, log_path):
    """Relaxes one cell; returns a dict of energy (eV/atom) and counts."""
    setup(lmp, cell, header, proto, log_path)
    offset = os.path.getsize(log_path)
    run_zeros = 0
    minimisations = 0

    def check():
        nonlocal run_zeros
        if proto.run_zero:
            lmp.command("run 0 post no")
            run_zeros += 1
        fmax = lmp.get_thermo("fmax")
        pmax = max(abs(lmp.get_thermo(k)) for k in proto.pressure_components())
        return fmax, pmax

    for stage in proto.stages:
        _minimize(lmp, proto, stage)
        minimisations += 1
    fmax, pmax = check()
    converged = fmax <= proto.fmax_tol and pmax <= proto.ptol
    last = proto.stages[-1]
    for k in range(proto.max_restarts):
        if converged and not proto.repeat_until:
            break
        before = lmp.get_thermo("pe") / cell["atoms"]
        style = proto.restart_styles[min(k, len(proto.restart_styles) - 1)]
        again = getattr(proto, "restart_stage", None) or last
        _minimize(lmp, proto, Stage(style, again.etol, again.ftol, again.maxiter, again.maxeval, line=again.line,
                                    vmax=again.vmax))
        minimisations += 1
        fmax, pmax = check()
        converged = fmax <= proto.fmax_tol and pmax <= proto.ptol
        change = abs(lmp.get_thermo("pe") / cell["atoms"] - before)
        if proto.repeat_until and change < proto.repeat_until and converged:
            break
        if proto.give_up_below and change < proto.give_up_below and not converged:
            break
    stats, stop = _stats(log_path, offset)
    energy = lmp.get_thermo("pe") / cell["atoms"]
    lmp.extract_box()
    lmp.gather_atoms("x", 1, 3)  # the relaxed positions, which a screen keeps
    return {
        "index": cell["index"], "energy": energy,
        "evaluations": sum(e + 1 for _, e in stats) + run_zeros,
        "iterations": sum(i for i, _ in stats), "minimisations": minimisations,
        "fmax": fmax, "pmax": pmax, "converged": int(converged), "stop": stop,
        "a": lmp.get_thermo("vol") ** (1 / 3.0) / cell["atoms"] ** (1 / 3.0) * 4 ** (1 / 3.0),
    }


COLUMNS = ("index", "energy", "evaluations", "iterations", "minimisations", "fmax", "pmax", "converged", "stop", "a")

STATE = {}


def _init(log_dir, header_cells):
    STATE["header"], STATE["cells"] = header_cells
    STATE["log"] = os.path.join(log_dir, "%d.log" % os.getpid())
    os.chdir(log_dir)  # the KIM API writes kim.log into the working folder
    STATE["lmp"] = lammps(cmdargs=["-screen", "none", "-log", "none", "-nocite"])


def _one(job):
    name, k = job
    return name, run(STATE["lmp"], STATE["cells"][k], STATE["header"], PROTOCOLS[name], STATE["log"])


def _timed(k):
    import time
    start = time.time()
    t0 = time.perf_counter()
    r = run(STATE["lmp"], STATE["cells"][k], STATE["header"], STATE["protocol"], STATE["log"])
    seconds = time.perf_counter() - t0
    return "%d\t%s\t%d\t%.6f\t%d\t%d\t%d\t%d" % (r["index"], num(r["energy"]), r["minimisations"], seconds,
                                               int(start * 1000), int(time.time() * 1000), r["evaluations"],
                                               r["converged"])


def _init_timed(log_dir, header_cells, name):
    _init(log_dir, header_cells)
    STATE["protocol"] = PROTOCOLS[name]
    run(STATE["lmp"], STATE["cells"][0], STATE["header"], STATE["protocol"], STATE["log"])  # untimed warm-up


def pool(cells_path, out_path, name, processes):
    header, cells = read_cells(cells_path)
    with tempfile.TemporaryDirectory(prefix="matscreen-protocols-") as logs, \
            multiprocessing.get_context("fork").Pool(processes, initializer=_init_timed,
                                                     initargs=(logs, (header, cells), name)) as p:
        rows = list(p.imap_unordered(_timed, range(len(cells)), chunksize=1))
    with open(out_path, "w") as f:
        f.write("index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms\tforce_evaluations\taccepted\n")
        f.write("\n".join(rows) + "\n")


def study(cells_path, out_dir, names, every, processes):
    header, cells = read_cells(cells_path)
    os.makedirs(out_dir, exist_ok=True)
    jobs = [(n, k) for n in names for k in range(0, len(cells), every)]
    rows = {n: [] for n in names}
    with tempfile.TemporaryDirectory(prefix="matscreen-protocols-") as logs, \
            multiprocessing.get_context("fork").Pool(processes, initializer=_init,
                                                     initargs=(logs, (header, cells))) as pool:
        for name, r in pool.imap_unordered(_one, jobs, chunksize=4):
            rows[name].append(r)
    for n in names:
        with open(os.path.join(out_dir, n + ".tsv"), "w") as f:
            f.write("\t".join(COLUMNS) + "\n")
            for r in sorted(rows[n], key=lambda r: r["index"]):
                f.write("\t".join(num(r[c]) if isinstance(r[c], float) else str(r[c]) for c in COLUMNS) + "\n")
        print("%-28s %s" % (n, PROTOCOLS[n].note or "; ".join(s.key() for s in PROTOCOLS[n].stages)))


def _read(path):
    with open(path) as f:
        lines = f.read().strip().split("\n")
    cols = lines[0].split("\t")
    return {int(r["index"]): r for r in (dict(zip(cols, l.split("\t"))) for l in lines[1:])}


def summary(out_dir, tolerance_ev=1e-4):
    runs = {f[:-4]: _read(os.path.join(out_dir, f)) for f in sorted(os.listdir(out_dir)) if f.endswith(".tsv")}

    def total(name, idx):
        return sum(int(runs[name][i]["evaluations"]) for i in idx) if name in runs else float("nan")

    print("| protocol | box | candidates | Σ evaluations | mean | ÷ typical | ÷ matscreen same box | ÷ legacy same box"
          " | max ΔE vs tight (meV/atom) | > 0.1 meV | unconverged |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, rows in runs.items():
        p = PROTOCOLS.get(name)
        box = p.box if p else "?"
        ref = runs.get("tight-" + box)
        idx = sorted(rows)
        if ref:
            idx = [i for i in idx if i in ref]
        ev = total(name, idx)
        typ = total("typical", idx) if "typical" in runs and all(i in runs["typical"] for i in idx) else float("nan")
        ms = total("matscreen-" + box, idx) if "matscreen-" + box in runs else float("nan")
        legacy = total("legacy-" + box, idx) if "legacy-" + box in runs else float("nan")
        dmax = max((abs(float(rows[i]["energy"]) - float(ref[i]["energy"])) for i in idx), default=float("nan")) \
            if ref else float("nan")
        over = sum(abs(float(rows[i]["energy"]) - float(ref[i]["energy"])) > tolerance_ev for i in idx) if ref else -1
        unconv = sum(rows[i]["converged"] != "1" for i in idx)
        print("| %s | %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.4f | %d | %d |" % (
            name, box, len(idx), ev, ev / max(len(idx), 1), ev / typ, ev / ms, ev / legacy, dmax * 1e3, over,
            unconv))


def main():
    add_variants()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("study")
    s.add_argument("cells")
    s.add_argument("out")
    s.add_argument("--protocols", default=",".join(PROTOCOLS))
    s.add_argument("--every", type=int, default=1)
    s.add_argument("--processes", type=int, default=2)
    sub.add_parser("list")
    q = sub.add_parser("pool")
    q.add_argument("cells")
    q.add_argument("out")
    q.add_argument("--protocol", required=True)
    q.add_argument("--processes", type=int, default=2)
    m = sub.add_parser("summary")
    m.add_argument("out")
    a = ap.parse_args()
    if a.cmd == "summary":
        summary(a.out)
        return
    if a.cmd == "pool":
        if a.protocol not in PROTOCOLS:
            raise SystemExit("unknown protocol " + a.protocol)
        pool(a.cells, a.out, a.protocol, a.processes)
        return
    if a.cmd == "list":
        for n, p in PROTOCOLS.items():
            print("%-28s start=%s box=%s stages=[%s]" % (n, p.start, p.box, "; ".join(s.key() for s in p.stages)))
        return
    names = a.protocols.split(",")
    unknown = [n for n in names if n not in PROTOCOLS]
    if unknown:
        raise SystemExit("unknown protocols: " + ", ".join(unknown))
    study(a.cells, a.out, names, a.every, a.processes)


if __name__ == "__main__":
    main()
