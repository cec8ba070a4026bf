#!/usr/bin/python3
"""A long-lived GPAW worker for matscreen: one process, one candidate at a time, over a private framed pipe.

Protocol (protocol version 2, shared with the other simulation-code workers): every message in either direction
is a frame ``[tag: 1 byte][length: 4 bytes, big-endian unsigned][payload: length bytes of UTF-8 JSON]``.

    parent -> worker   COMPUTE (1) {candidate_id, structure, settings, log_path}
                       PING (2)    {} or empty
                       SHUTDOWN (3)
    worker -> parent   STARTED (10) {magic: "MSCR", protocol: 2, code: "gpaw", code_version, setups, ...}
                       RESULT (11)  {status: "ok", energy_ev, ...}
                       PONG (12)
                       ERROR (13)   {message, kind, candidate_id, traceback_tail}

Frames travel on the process's original standard output only. Before anything else runs, that descriptor is
duplicated to a private one and descriptor 1 (and ``sys.stdout``) is pointed at standard error, so whatever GPAW,
NumPy, BLAS or MPI print, from Python or from C, lands in the log and never between two frames. EOF on standard
input (the parent died or closed the pipe) ends the worker quietly.

Started as ``mpiexec -n N python3 gpaw_worker.py``, the worker is N ranks computing each candidate together (GPAW
parallelises over k-points, spins and bands): rank 0 alone reads frames (mpiexec forwards standard input to it only)
and writes them, and broadcasts every frame it reads to the others. The greeting's ``ranks`` says how many there are.

Science conventions (the parent records them with every result):

* k-points: ``n_i = max(1, ceil(d * |b_i|))`` with ``b_i`` the reciprocal lattice vectors including the factor
  2*pi (|b_i| in 1/Angstrom) and ``d`` the density in Angstrom (points per 1/Angstrom); Gamma-centred
  Monkhorst-Pack grid. The mesh is chosen once from the starting cell and kept through relaxation and E(V) scan.
* energies: ``energy_ev`` is GPAW's energy extrapolated to zero smearing width; ``free_energy_ev`` the variational
  (Mermin) free energy that forces and stress are consistent with.
* stress: Voigt order xx, yy, zz, yz, xz, xy in GPa with the ASE/GPAW sign, positive = tensile (the negative of the
  pressure; LAMMPS reports pressure, the other sign). The plane-wave Pulay stress is corrected with GPAW's estimate
  of dE/d(ecut) so that relaxing to zero stress finds the minimum of E(V) at constant cut-off.
* relaxation "shape-fixed": positions plus a restricted homogeneous strain; ``strain: "hydrostatic"`` (default,
  all lattice vectors scaled together: cubic parents) or ``"axial"`` (isotropic in the plane of a and b, separate
  along the normal to that plane: hexagonal and tetragonal parents, i.e. a and c free). "free": positions and all
  six strain components. "none": single point. ASE's UnitCellFilter carries the cell degrees of freedom; for
  "axial" its cell forces are projected onto the two allowed strains (ASE's mask cannot tie e_xx to e_yy).
* E(V) scan: isotropic scaling of the relaxed cell at fixed fractional coordinates, volumes (1 + s) V_relaxed with
  s evenly spaced in [-max_volume_strain, +max_volume_strain]; the parent fits the equation of state.
* spin: with ``spin: true`` a cell is computed spin-polarised from the given initial moments (per element,
  ferromagnetic); a cell whose initial moments are all zero is computed without spin, which gives the same answer.
* every candidate gets a fresh calculator (so a result never depends on what the worker computed before); within a
  candidate the calculator is reused for every relaxation step and E(V) point.

Run with Debian's interpreter (``/usr/bin/python3``), which sees the Debian ``gpaw``, ``gpaw-data`` and ASE.
"""

import os
import sys

PROTOCOL = 2
MAGIC = "MSCR"

COMPUTE, PING, SHUTDOWN = 1, 2, 3
STARTED, RESULT, PONG, ERROR = 10, 11, 12, 13

MAX_FRAME_BYTES = 16 * 1024 * 1024
EV_PER_A3_IN_GPA = 160.21766208
KNOWN_XC = ("LDA", "PBE", "PBEsol", "RPBE", "revPBE")
SMEARINGS = ("methfessel-paxton", "fermi-dirac", "marzari-vanderbilt")
RELAX_MODES = ("shape-fixed", "free", "none")
SHAPE_STRAINS = ("hydrostatic", "axial")

_frame_fd = None
_world = None  # GPAW's communicator, once loaded


class InvalidRequest(ValueError):
    """A request the worker cannot compute because of its content (reported as kind "invalid_input")."""


def isolate_frame_stream():
    """Moves the frame stream to a private descriptor; descriptor 1 and sys.stdout go to standard error."""
    global _frame_fd
    sys.stdout.flush()
    _frame_fd = os.dup(1)  # not inherited by children (PEP 446), so no subprocess can write frames
    os.dup2(2, 1)
    sys.stdout = sys.stderr


def is_rank_zero():
    """True in a serial worker and on rank 0 of an MPI one; before GPAW is loaded, as the MPI launcher says."""
    if _world is not None:
        return _world.rank == 0
    return os.environ.get("OMPI_COMM_WORLD_RANK", os.environ.get("PMI_RANK", "0")) == "0"


def write_frame(tag, payload=None):
    """Writes one frame from rank 0 (other ranks write none); payload is a JSON-serialisable object, already encoded
    bytes, or None (empty)."""
    if not is_rank_zero():
        return
    body = payload if isinstance(payload, bytes) else (b"" if payload is None else json_bytes(payload))
    data = bytes([tag]) + len(body).to_bytes(4, "big") + body
    view = memoryview(data)
    while view:
        n = os.write(_frame_fd, view)
        view = view[n:]


def json_bytes(obj):
    import json
    return json.dumps(obj, allow_nan=False, separators=(",", ":")).encode("utf-8")


def read_exact(n):
    """n bytes from standard input, or None at EOF."""
    chunks = []
    while n > 0:
        b = os.read(0, min(n, 1 << 20))
        if not b:
            return None
        chunks.append(b)
        n -= len(b)
    return b"".join(chunks)


def read_frame():
    """(tag, payload bytes), or None at EOF."""
    head = read_exact(5)
    if head is None:
        return None
    tag = head[0]
    length = int.from_bytes(head[1:5], "big")
    if length > MAX_FRAME_BYTES:
        raise EOFError("frame of %d bytes exceeds the %d-byte limit; the stream is not trusted any more"
                       % (length, MAX_FRAME_BYTES))
    body = read_exact(length) if length else b""
    if body is None:
        return None
    return tag, body


def traceback_tail(lines=20):
    import traceback
    return "".join(traceback.format_exc().splitlines(True)[-lines:])


# ----------------------------------------------------------------------------------------------------------------
# Request validation


def _number(obj, key, where, lo=None, hi=None, integer=False, default=None):
    value = obj.get(key, default) if isinstance(obj, dict) else None
    if value is None:
        raise InvalidRequest("%s.%s is required" % (where, key))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidRequest("%s.%s must be a number, got %r" % (where, key, value))
    if integer and int(value) != value:
        raise InvalidRequest("%s.%s must be an integer, got %r" % (where, key, value))
    import math
    if not math.isfinite(value):
        raise InvalidRequest("%s.%s must be finite" % (where, key))
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise InvalidRequest("%s.%s = %r is outside [%s, %s]" % (where, key, value, lo, hi))
    return int(value) if integer else float(value)


def _matrix(value, rows, where):
    import math
    if not isinstance(value, list) or len(value) != rows:
        raise InvalidRequest("%s must be a list of %d rows of 3 numbers" % (where, rows))
    out = []
    for i, row in enumerate(value):
        if (not isinstance(row, list) or len(row) != 3
                or any(isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x)
                       for x in row)):
            raise InvalidRequest("%s[%d] must be 3 finite numbers, got %r" % (where, i, row))
        out.append([float(x) for x in row])
    return out


def setup_file(symbol, xc):
    """Path of the PAW setup GPAW would load for symbol and functional, or None."""
    from gpaw import setup_paths
    name = "PBE" if xc == "PBEsol" else xc  # GPAW runs PBEsol on PBE setups
    for d in setup_paths:
        for f in (os.path.join(d, "%s.%s.gz" % (symbol, name)), os.path.join(d, "%s.%s" % (symbol, name))):
            if os.path.isfile(f):
                return f
    return None


def parse_request(req):
    """Checks a COMPUTE request and returns it with defaults filled in; raises InvalidRequest naming the field."""
    from ase.data import chemical_symbols
    if not isinstance(req, dict):
        raise InvalidRequest("the request must be a JSON object")
    cid = req.get("candidate_id")
    if not isinstance(cid, str) or not cid:
        raise InvalidRequest("candidate_id must be a non-empty string")
    st = req.get("structure")
    if not isinstance(st, dict):
        raise InvalidRequest("structure is required")
    lattice = _matrix(st.get("lattice"), 3, "structure.lattice")
    species = st.get("species")
    if not isinstance(species, list) or not species:
        raise InvalidRequest("structure.species must be a non-empty list of element symbols")
    frac = _matrix(st.get("frac"), len(species), "structure.frac")
    s = req.get("settings")
    if not isinstance(s, dict):
        raise InvalidRequest("settings is required")
    xc = s.get("xc", "PBE")
    if xc not in KNOWN_XC:
        raise InvalidRequest("settings.xc: unknown functional %r (known: %s)" % (xc, ", ".join(KNOWN_XC)))
    for i, sym in enumerate(species):
        if not isinstance(sym, str) or sym not in chemical_symbols[1:]:
            raise InvalidRequest("structure.species[%d]: unknown element %r" % (i, sym))
        if setup_file(sym, xc) is None:
            raise InvalidRequest("structure.species[%d]: no %s PAW setup for %s in the GPAW setup path"
                                 % (i, xc, sym))
    import numpy as np
    if not abs(np.linalg.det(np.array(lattice))) > 1e-6:
        raise InvalidRequest("structure.lattice is singular")
    smear = s.get("smearing") or {}
    name = smear.get("name", "methfessel-paxton") if isinstance(smear, dict) else None
    if name not in SMEARINGS:
        raise InvalidRequest("settings.smearing.name: unknown %r (known: %s)" % (name, ", ".join(SMEARINGS)))
    conv = s.get("convergence") or {}
    if not isinstance(conv, dict):
        raise InvalidRequest("settings.convergence must be an object")
    magmoms = s.get("initial_magmoms") or {}
    if not isinstance(magmoms, dict):
        raise InvalidRequest("settings.initial_magmoms must be an object of element -> moment (mu_B)")
    relax = s.get("relax") or {"mode": "none"}
    mode = relax.get("mode", "none") if isinstance(relax, dict) else None
    if mode not in RELAX_MODES:
        raise InvalidRequest("settings.relax.mode: unknown %r (known: %s)" % (mode, ", ".join(RELAX_MODES)))
    strain = relax.get("strain", "hydrostatic")
    if strain not in SHAPE_STRAINS:
        raise InvalidRequest("settings.relax.strain: unknown %r (known: %s)" % (strain, ", ".join(SHAPE_STRAINS)))
    eos = s.get("eos")
    spin = s.get("spin", False)
    if not isinstance(spin, bool):
        raise InvalidRequest("settings.spin must be true or false")
    log_path = req.get("log_path")
    if log_path is not None and not isinstance(log_path, str):
        raise InvalidRequest("log_path must be a string")
    p = {
        "candidate_id": cid,
        "lattice": lattice,
        "species": species,
        "frac": frac,
        "xc": xc,
        "ecut_ev": _number(s, "ecut_ev", "settings", 100, 3000),
        "kpoint_density": _number(s, "kpoint_density_per_inv_angstrom", "settings", 0.1, 30),
        "smearing": name,
        "width_ev": _number(smear, "width_ev", "settings.smearing", 0.001, 1.0, default=0.1),
        "spin": spin,
        "magmoms": {},
        "conv": {
            "energy": _number(conv, "energy", "settings.convergence", 1e-9, 1.0, default=5e-4),
            "density": _number(conv, "density", "settings.convergence", 1e-10, 1.0, default=1e-4),
            "eigenstates": _number(conv, "eigenstates", "settings.convergence", 1e-14, 1.0, default=4e-8),
        },
        "max_scf": _number(s, "max_scf_iterations", "settings", 10, 2000, integer=True, default=333),
        "mode": mode,
        "strain": strain,
        "fmax": _number(relax, "fmax_ev_per_a", "settings.relax", 1e-4, 10, default=0.02),
        "max_steps": _number(relax, "max_steps", "settings.relax", 1, 10000, integer=True, default=50),
        "stress_tol_gpa": _number(relax, "stress_tol_gpa", "settings.relax", 1e-4, 100, default=0.1),
        "eos": None,
        "log_path": log_path,
    }
    if conv.get("forces_ev_per_a") is not None:
        p["conv"]["forces"] = _number(conv, "forces_ev_per_a", "settings.convergence", 1e-6, 10)
    for el, m in magmoms.items():
        if el not in chemical_symbols[1:]:
            raise InvalidRequest("settings.initial_magmoms: unknown element %r" % (el,))
        p["magmoms"][el] = _number(magmoms, el, "settings.initial_magmoms", -10, 10)
    if eos is not None:
        if not isinstance(eos, dict):
            raise InvalidRequest("settings.eos must be an object or null")
        p["eos"] = {
            "points": _number(eos, "points", "settings.eos", 3, 31, integer=True),
            "max_volume_strain": _number(eos, "max_volume_strain", "settings.eos", 1e-4, 0.3),
        }
    return p


# ----------------------------------------------------------------------------------------------------------------
# Science


def kpoint_mesh(cell, density):
    """n_i = max(1, ceil(density * |b_i|)), b_i reciprocal lattice vectors including 2*pi, |b_i| in 1/Angstrom."""
    import math
    import numpy as np
    recip = 2 * math.pi * np.linalg.inv(np.asarray(cell, dtype=float)).T
    # The 1e-6 guard keeps a mesh from jumping by one on a last-bit difference of the cell.
    return [max(1, int(math.ceil(density * float(np.linalg.norm(b)) - 1e-6))) for b in recip]


def strain_basis(kind, cell):
    """Orthonormal symmetric 3x3 strain directions allowed by a shape-fixed relaxation."""
    import numpy as np
    if kind == "hydrostatic":
        return [np.eye(3) / np.sqrt(3.0)]
    a, b = np.asarray(cell[0], dtype=float), np.asarray(cell[1], dtype=float)
    n = np.cross(a, b)
    n /= np.linalg.norm(n)
    along = np.outer(n, n)
    return [(np.eye(3) - along) / np.sqrt(2.0), along]


def projected(matrix, basis):
    import numpy as np
    out = np.zeros((3, 3))
    for b in basis:
        out += np.sum(matrix * b) * b
    return out


def make_cell_filter(atoms, mode, strain):
    """An ASE filter exposing positions plus the cell degrees of freedom the relaxation mode allows."""
    from ase.constraints import UnitCellFilter
    if mode == "free":
        return UnitCellFilter(atoms)
    if strain == "hydrostatic":
        return UnitCellFilter(atoms, hydrostatic_strain=True)
    basis = strain_basis(strain, atoms.cell)

    class AxialStrainFilter(UnitCellFilter):
        def get_forces(self, **kwargs):
            f = UnitCellFilter.get_forces(self, **kwargs)
            n = len(self.atoms)
            f[n:] = projected(f[n:], basis)
            return f

    return AxialStrainFilter(atoms)


def allowed_stress_gpa(atoms, mode, strain):
    """Largest |component| of the stress the relaxation can act on, GPa."""
    import numpy as np
    from ase.stress import voigt_6_to_full_3x3_stress
    sigma = voigt_6_to_full_3x3_stress(atoms.get_stress())
    if mode == "shape-fixed":
        sigma = projected(sigma, strain_basis(strain, atoms.cell))
    return float(np.abs(sigma).max() * EV_PER_A3_IN_GPA)


def max_force(atoms):
    import numpy as np
    f = atoms.get_forces()
    return float(np.sqrt((f ** 2).sum(axis=1)).max()) if len(f) else 0.0


def file_sha256(path, _cache={}):
    import hashlib
    if path not in _cache:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        _cache[path] = h.hexdigest()
    return _cache[path]


def compute(p):
    import io
    import time
    import numpy as np
    from ase import Atoms
    from ase.optimize import BFGS
    from gpaw import GPAW, PW

    t0 = time.perf_counter()
    c0 = time.process_time()
    atoms = Atoms(symbols=p["species"], scaled_positions=p["frac"], cell=p["lattice"], pbc=True)
    moments = [p["magmoms"].get(s, 0.0) for s in p["species"]]
    # A cell with no initial moment anywhere stays non-magnetic, so it is computed without spin (half the cost).
    spin = p["spin"] and any(m != 0.0 for m in moments)
    if spin:
        atoms.set_initial_magnetic_moments(moments)
    mesh = kpoint_mesh(atoms.cell, p["kpoint_density"])
    occupations = {"name": p["smearing"], "width": p["width_ev"]}
    if p["smearing"] == "methfessel-paxton":
        occupations["order"] = 1
    master = is_rank_zero()
    log = open(p["log_path"], "w") if master and p["log_path"] not in (None, "-") else None
    txt = log if log is not None else ("-" if master and p["log_path"] == "-" else None)
    try:
        calc = GPAW(mode=PW(p["ecut_ev"], dedecut="estimate"), xc=p["xc"],
                    kpts={"size": mesh, "gamma": True}, occupations=occupations, spinpol=spin,
                    convergence=dict(p["conv"]), maxiter=p["max_scf"], txt=txt)
        scf = [0]
        calc.attach(lambda: scf.__setitem__(0, scf[0] + calc.scf.niter), 0)
        atoms.calc = calc

        relaxation = None
        if p["mode"] != "none":
            flt = make_cell_filter(atoms, p["mode"], p["strain"])
            # ASE would open (and leak) os.devnull for logfile=None; a throwaway buffer keeps descriptors flat.
            opt = BFGS(flt, logfile=log if log is not None else io.StringIO(), maxstep=0.1)
            converged = False
            fmax_now = smax_now = None
            for _ in opt.irun(fmax=0.0, steps=p["max_steps"]):
                fmax_now = max_force(atoms)
                smax_now = allowed_stress_gpa(atoms, p["mode"], p["strain"])
                if fmax_now <= p["fmax"] and smax_now <= p["stress_tol_gpa"]:
                    converged = True
                    break
            relaxation = {"mode": p["mode"], "strain": p["strain"] if p["mode"] == "shape-fixed" else "full",
                          "converged": converged, "steps": int(opt.nsteps),
                          "max_force_ev_per_a": fmax_now, "max_stress_gpa": smax_now}

        energy = float(atoms.get_potential_energy())
        free_energy = float(atoms.get_potential_energy(force_consistent=True))
        stress = (atoms.get_stress() * EV_PER_A3_IN_GPA).tolist()
        forces_max = max_force(atoms)
        if spin:
            magmoms = [float(m) for m in calc.get_magnetic_moments()]
            magmom_total = float(calc.get_magnetic_moment())
        else:
            magmoms = [0.0] * len(atoms)
            magmom_total = 0.0
        relaxed = {"lattice": atoms.cell.array.tolist(), "species": list(p["species"]),
                   "frac": atoms.get_scaled_positions(wrap=False).tolist()}
        nibz = int(len(calc.get_ibz_k_points()))
        volume = float(atoms.get_volume())

        eos = None
        if p["eos"] is not None:
            cell0 = atoms.cell.array.copy()
            frac0 = atoms.get_scaled_positions(wrap=False)
            volumes, energies = [], []
            for s in np.linspace(-p["eos"]["max_volume_strain"], p["eos"]["max_volume_strain"], p["eos"]["points"]):
                atoms.set_cell(cell0 * (1.0 + s) ** (1.0 / 3.0), scale_atoms=False)
                atoms.set_scaled_positions(frac0)
                energies.append(float(atoms.get_potential_energy()) / len(atoms))
                volumes.append(float(atoms.get_volume()) / len(atoms))
            eos = {"volumes_a3_per_atom": volumes, "energies_ev_per_atom": energies}

        n = len(atoms)
        return {
            "status": "ok",
            "candidate_id": p["candidate_id"],
            "energy_ev": energy,
            "energy_per_atom_ev": energy / n,
            "free_energy_ev": free_energy,
            "volume_a3_per_atom": volume / n,
            "relaxed": relaxed,
            "spin_polarized": spin,
            "magmom_total_mu_b": magmom_total,
            "magmoms": magmoms,
            "stress_gpa": stress,
            "max_force_ev_per_a": forces_max,
            "relaxation": relaxation,
            "eos": eos,
            "kpoints": mesh,
            "kpoints_irreducible": nibz,
            "kpoint_convention": "n_i = max(1, ceil(d*|b_i|)), |b_i| incl. 2*pi, Gamma-centred",
            "setups_sha256": {el: file_sha256(setup_file(el, p["xc"])) for el in sorted(set(p["species"]))},
            "scf_iterations": scf[0],
            "native_seconds": time.perf_counter() - t0,
            "cpu_seconds": time.process_time() - c0,
        }
    finally:
        if log is not None:
            log.close()


# ----------------------------------------------------------------------------------------------------------------
# Main loop


def describe_setups():
    from gpaw import setup_paths
    dirs = [d for d in setup_paths if os.path.isdir(d)]
    release = None
    try:  # the Debian package that holds the setups, if it is one
        with open("/var/lib/dpkg/status", encoding="utf-8", errors="replace") as fh:
            block = {}
            for line in fh:
                if line.strip() == "":
                    if block.get("Package") == "gpaw-data" and "installed" in block.get("Status", ""):
                        release = "gpaw-data " + block.get("Version", "?")
                    block = {}
                elif ":" in line and not line.startswith(" "):
                    k, v = line.split(":", 1)
                    block[k] = v.strip()
    except OSError:
        pass
    return {"paths": dirs, "release": release}


def greeting():
    import ase
    import gpaw
    import gpaw.mpi
    import numpy
    global _world
    _world = gpaw.mpi.world
    return {"magic": MAGIC, "protocol": PROTOCOL, "code": "gpaw", "code_version": gpaw.__version__,
            "ranks": _world.size, "ase_version": ase.__version__, "numpy_version": numpy.__version__,
            "python": sys.version.split()[0], "pid": os.getpid(), "setups": describe_setups()}


def error_payload(message, kind, candidate_id=None, tail=""):
    return {"message": message, "kind": kind, "candidate_id": candidate_id, "traceback_tail": tail}


def handle_compute(body):
    import json
    try:
        req = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        write_frame(ERROR, error_payload("malformed JSON in COMPUTE: %s" % e, "malformed_request"))
        return
    cid = req.get("candidate_id") if isinstance(req, dict) else None
    try:
        p = parse_request(req)
    except InvalidRequest as e:
        write_frame(ERROR, error_payload(str(e), "invalid_input", cid))
        return
    try:
        result = compute(p)
    except Exception as e:  # the candidate failed; the worker stays usable
        kind = "scf_not_converged" if type(e).__name__ == "KohnShamConvergenceError" else "calculation"
        write_frame(ERROR, error_payload("%s: %s" % (type(e).__name__, e), kind, cid, traceback_tail()))
        return
    try:
        payload = json_bytes(result)
    except ValueError as e:  # a NaN or infinity in the result
        write_frame(ERROR, error_payload("non-finite number in the result: %s" % e, "calculation", cid))
        return
    write_frame(RESULT, payload)


def main():
    isolate_frame_stream()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one core per worker unless the parent asks for more
    try:
        hello = greeting()
    except Exception as e:
        write_frame(ERROR, error_payload("GPAW could not be loaded: %s" % e, "startup", None, traceback_tail()))
        return 3
    write_frame(STARTED, hello)
    while True:
        try:
            frame = read_frame() if is_rank_zero() else None
        except EOFError as e:
            frame = e
        if _world.size > 1:
            from gpaw.mpi import broadcast
            frame = broadcast(frame, 0, _world)
        if isinstance(frame, EOFError):
            write_frame(ERROR, error_payload(str(frame), "protocol"))
            return 4
        if frame is None:
            return 0
        tag, body = frame
        if tag == COMPUTE:
            handle_compute(body)
        elif tag == PING:
            write_frame(PONG)
        elif tag == SHUTDOWN:
            return 0
        else:
            write_frame(ERROR, error_payload("unknown frame tag %d" % tag, "protocol"))


if __name__ == "__main__":
    sys.exit(main())
