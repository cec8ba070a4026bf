"""Pieces of the GPAW worker that need no DFT: the k-point convention and the shape-fixed relaxation filters,
driven by ASE's EMT potential (an independent, instant calculator) instead of GPAW. Needs /usr/bin/python3 with ASE.

Run: /usr/bin/python3 -m unittest discover -s native-bridge/src/test/python -p 'test_gpaw_worker_units.py' -v
"""

import io
import math
import os
import runpy
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gpaw_client as g  # noqa: E402

try:
    import numpy as np
    from ase import Atoms
    from ase.build import bulk
    from ase.calculators.emt import EMT
    from ase.optimize import BFGS
    HAVE_ASE = True
except ImportError:
    HAVE_ASE = False

# Loading the file runs only definitions: the descriptor swap happens in main(), not at import.
W = runpy.run_path(g.WORKER, run_name="gpaw_worker_under_test") if HAVE_ASE else {}


@unittest.skipUnless(HAVE_ASE, "needs ASE (Debian python3-ase) on this interpreter")
class KpointMeshTest(unittest.TestCase):

    def test_fcc_primitive_by_hand(self):
        # fcc primitive cell, a = 3.6 A: every |b_i| = 2*pi*sqrt(3)/a = 3.0230 1/A.
        lat, _, _ = g.fcc_primitive("Cu", 3.6)
        self.assertEqual([10, 10, 10], W["kpoint_mesh"](lat, 3.0))  # 9.069 -> 10
        self.assertEqual([7, 7, 7], W["kpoint_mesh"](lat, 2.0))  # 6.046 -> 7
        self.assertEqual([1, 1, 1], W["kpoint_mesh"](lat, 0.1))  # never below one point

    def test_orthorhombic_cell_by_hand(self):
        # |b_i| = 2*pi / L_i for an orthogonal cell.
        mesh = W["kpoint_mesh"]([[3.0, 0, 0], [0, 6.0, 0], [0, 0, 12.0]], 4.0)
        self.assertEqual([math.ceil(4 * 2 * math.pi / L) for L in (3.0, 6.0, 12.0)], mesh)
        self.assertEqual([9, 5, 3], mesh)

    def test_an_exact_integer_does_not_round_up(self):
        L = 2 * math.pi  # |b| = 1 1/A, density 8 gives exactly 8 points
        self.assertEqual([8, 8, 8], W["kpoint_mesh"]([[L, 0, 0], [0, L, 0], [0, 0, L]], 8.0))


@unittest.skipUnless(HAVE_ASE, "needs ASE (Debian python3-ase) on this interpreter")
class ShapeFixedRelaxationTest(unittest.TestCase):

    def relax(self, atoms, mode, strain):
        atoms.calc = EMT()
        flt = W["make_cell_filter"](atoms, mode, strain)
        opt = BFGS(flt, logfile=io.StringIO(), maxstep=0.05)
        for _ in opt.irun(fmax=0.0, steps=300):
            if W["max_force"](atoms) < 1e-4 and W["allowed_stress_gpa"](atoms, mode, strain) < 1e-3:
                return atoms
        self.fail("EMT relaxation did not converge")

    def test_hydrostatic_keeps_the_shape_of_a_low_symmetry_cell(self):
        # A 2x1x1 fcc cell with a random-like decoration: its stress is not isotropic, but the shape must stay.
        atoms = bulk("Cu", "fcc", a=3.7, cubic=True).repeat((2, 1, 1))
        atoms.symbols[[1, 2, 6]] = "Ni"
        ratios0 = atoms.cell.lengths() / atoms.cell.lengths()[0]
        self.relax(atoms, "shape-fixed", "hydrostatic")
        np.testing.assert_allclose(ratios0, atoms.cell.lengths() / atoms.cell.lengths()[0], rtol=1e-9)
        self.assertNotAlmostEqual(3.7 * 2, atoms.cell.lengths()[0], places=2)

    def test_axial_keeps_the_hexagonal_plane_and_frees_c(self):
        # hcp Cu in the 4-atom orthohombic setting (a, sqrt(3) a, c) started at a c/a far from EMT's optimum.
        a, c = 2.6, 4.6
        atoms = Atoms("Cu4", cell=[a, math.sqrt(3) * a, c], pbc=True,
                      scaled_positions=[[0, 0, 0], [0.5, 0.5, 0], [0.5, 5 / 6, 0.5], [0, 1 / 3, 0.5]])
        atoms.symbols[0] = "Ni"  # lowers the symmetry, so b/a = sqrt(3) is held by the filter, not by symmetry
        self.relax(atoms, "shape-fixed", "axial")
        la, lb, lc = atoms.cell.lengths()
        self.assertAlmostEqual(math.sqrt(3), lb / la, places=9)
        self.assertGreater(abs(lc / la - c / a), 0.01)
        np.testing.assert_allclose(0.0, atoms.cell.angles() - 90.0, atol=1e-9)

    def test_free_relaxes_every_stress_component(self):
        atoms = bulk("Cu", "fcc", a=3.7, cubic=True).repeat((2, 1, 1))
        atoms.symbols[[1, 2, 6]] = "Ni"
        self.relax(atoms, "free", "hydrostatic")
        stress_gpa = atoms.get_stress() * W["EV_PER_A3_IN_GPA"]
        self.assertLess(np.abs(stress_gpa).max(), 1e-3)

    def test_axial_basis_is_orthonormal_and_symmetric(self):
        basis = W["strain_basis"]("axial", [[2.5, 0, 0], [-1.25, 2.165, 0], [0, 0, 4.1]])
        gram = [[float(np.sum(x * y)) for y in basis] for x in basis]
        np.testing.assert_allclose(np.eye(2), gram, atol=1e-12)
        for b in basis:
            np.testing.assert_allclose(b, b.T)


if __name__ == "__main__":
    unittest.main()
