"""Independent structure classification for matscreen's integration tests (issue 13, acceptance (c)).

Reads cells as JSON ({"cells": [{"name", "lattice": 9 numbers row by row, "fractional": 3 per site}]}) on stdin and
prints, per cell, the adaptive common-neighbour analysis of every atom (A. Stukowski, Modelling Simul. Mater. Sci.
Eng. 20, 045021 (2012): a per-atom cut-off from the atom's own 12 or 14 nearest neighbours, so no global cut-off
is chosen) computed with ASE's neighbour list, and the space group spglib finds for the species-blind cell. It
shares no code and no cut-off rule with LAMMPS' fixed-cut-off compute cna/atom.
"""
import json
import sys

import numpy as np
from ase import Atoms
from ase.neighborlist import neighbor_list
import spglib

FCC, HCP, BCC, ICO, OTHER = "fcc", "hcp", "bcc", "ico", "other"


def longest_chain(edges, nodes):
    """Bonds in the largest connected cluster of bonds among the common neighbours."""
    adjacency = {n: set() for n in nodes}
    for a, b in edges:
        adjacency[a].add(b)
        adjacency[b].add(a)
    seen, best = set(), 0
    for start in nodes:
        if start in seen:
            continue
        stack, component = [start], set()
        while stack:
            n = stack.pop()
            if n in component:
                continue
            component.add(n)
            stack.extend(adjacency[n] - component)
        seen |= component
        best = max(best, sum(1 for a, b in edges if a in component))
    return best


def signatures(vectors, cutoff):
    k = len(vectors)
    dist = np.linalg.norm(vectors[:, None, :] - vectors[None, :, :], axis=2)
    bonded = (dist < cutoff) & ~np.eye(k, dtype=bool)
    out = []
    for m in range(k):
        common = [int(c) for c in np.where(bonded[m])[0]]
        edges = [(a, b) for i, a in enumerate(common) for b in common[i + 1:] if bonded[a, b]]
        out.append((len(common), len(edges), longest_chain(edges, common)))
    return sorted(out)


def classify(atoms):
    n = len(atoms)
    scale = (atoms.get_volume() / n) ** (1 / 3)
    first, second, vectors = neighbor_list("ijD", atoms, 2.2 * scale)
    by_atom = [[] for _ in range(n)]
    for a, v in zip(first, vectors):
        by_atom[a].append(v)
    classes = []
    for a in range(n):
        v = np.array(sorted(by_atom[a], key=lambda x: float(np.dot(x, x))))
        d = np.linalg.norm(v, axis=1)
        label = OTHER
        if len(v) >= 12:
            s = signatures(v[:12], (1 + 2 ** 0.5) / 2 * d[:12].mean())
            if s == [(4, 2, 1)] * 12:
                label = FCC
            elif s == [(4, 2, 1)] * 6 + [(4, 2, 2)] * 6:
                label = HCP
            elif s == [(5, 5, 5)] * 12:
                label = ICO
        if label == OTHER and len(v) >= 14:
            local = (1 + 2 ** 0.5) / 2 * ((2 / 3 ** 0.5) * d[:8].mean() + d[8:14].mean()) / 2
            if signatures(v[:14], local) == [(4, 4, 4)] * 6 + [(6, 6, 6)] * 8:
                label = BCC
        classes.append(label)
    return classes


def main():
    cells = json.load(sys.stdin)["cells"]
    out = []
    for c in cells:
        lattice = np.array(c["lattice"]).reshape(3, 3)
        frac = np.array(c["fractional"]).reshape(-1, 3)
        atoms = Atoms(["Cu"] * len(frac), scaled_positions=frac, cell=lattice, pbc=True)
        classes = classify(atoms)
        nn = (atoms.get_volume() / len(atoms)) ** (1 / 3)
        group = spglib.get_spacegroup((lattice, frac, [1] * len(frac)), symprec=0.1 * nn) or "none"
        out.append({"name": c["name"], "classes": classes, "spacegroup": group})
    json.dump({"cells": out}, sys.stdout)


if __name__ == "__main__":
    main()
