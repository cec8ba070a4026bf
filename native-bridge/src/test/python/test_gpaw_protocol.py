"""The GPAW worker's framed protocol: greeting, ping, errors on bad input, no stray bytes when the code prints, and
a killed worker seen as EOF by its client. Needs /usr/bin/python3 with Debian's gpaw and gpaw-data.

Run: /usr/bin/python3 -m unittest discover -s native-bridge/src/test/python -p 'test_gpaw_protocol.py' -v
"""

import copy
import os
import signal
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gpaw_client as g  # noqa: E402

HAVE_GPAW = g.gpaw_available()

# Small enough to finish in seconds on one core: these tests check the plumbing, not the physics.
TINY = {"xc": "PBE", "ecut_ev": 200, "kpoint_density_per_inv_angstrom": 1.5,
        "smearing": {"name": "methfessel-paxton", "width_ev": 0.2}, "spin": False, "initial_magmoms": {},
        "convergence": {"energy": 1e-3, "density": 1e-3, "eigenstates": 1e-6}, "relax": {"mode": "none"},
        "eos": None}

# A wrapper around the worker that makes the code path as noisy as it can be: Python prints to sys.stdout, raw
# writes to descriptor 1 and a C-level printf, before and after every calculation.
NOISY_SHIM = r"""
import ctypes, os, runpy, sys
sys.argv = [sys.argv[1]]
w = runpy.run_path(sys.argv[0], run_name="gpaw_worker_under_test")
libc = ctypes.CDLL(None)
def noise(tag):
    print("python-level noise " + tag)
    sys.stdout.flush()
    os.write(1, b"\x0b\x00\x00\x00\x05fd-level noise " + tag.encode() + b"\n")
    libc.printf(b"C-level noise %s\n", tag.encode())
    libc.fflush(None)
inner = w["compute"]
def compute(p):
    noise("before")
    r = inner(p)
    noise("after")
    return r
w["main"].__globals__["compute"] = compute
sys.exit(w["main"]())
"""


class _Base(unittest.TestCase):

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="matscreen-gpaw-test-")
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def al_request(self, cid="al", settings=None, log="al.txt"):
        lat, sp, fr = g.fcc_primitive("Al", 4.05)
        return g.request(cid, lat, sp, fr, copy.deepcopy(settings or TINY),
                         log if log in (None, "-") else os.path.join(self.dir, log))


@unittest.skipUnless(HAVE_GPAW, "needs /usr/bin/python3 with Debian's gpaw and gpaw-data")
class GpawProtocolTest(_Base):
    """Requests one long-lived worker answers in turn, as in production: errors must leave it usable."""

    @classmethod
    def setUpClass(cls):
        cls.worker_dir = tempfile.TemporaryDirectory(prefix="matscreen-gpaw-worker-")
        cls.w = g.Worker(os.path.join(cls.worker_dir.name, "worker.err"))

    @classmethod
    def tearDownClass(cls):
        cls.w.close()
        cls.worker_dir.cleanup()

    def start(self):
        self.assertIsNone(self.w.proc.poll(), "the shared worker died")
        return self.w

    def test_greeting_names_the_code_its_version_and_setups(self):
        import gpaw
        w = self.start()
        self.assertEqual("MSCR", w.hello["magic"])
        self.assertEqual(2, w.hello["protocol"])
        self.assertEqual("gpaw", w.hello["code"])
        self.assertEqual(gpaw.__version__, w.hello["code_version"])
        self.assertTrue(w.hello["setups"]["paths"])
        self.assertTrue(all(os.path.isdir(p) for p in w.hello["setups"]["paths"]))

    def test_ping_is_answered_by_pong(self):
        w = self.start()
        for _ in range(3):
            self.assertEqual((g.PONG, None), w.ping())

    def test_a_small_calculation_returns_a_complete_result(self):
        w = self.start()
        tag, r, _ = w.compute(self.al_request())
        self.assertEqual(g.RESULT, tag, r)
        self.assertEqual("ok", r["status"])
        self.assertEqual("al", r["candidate_id"])
        self.assertLess(r["energy_ev"], 0)
        self.assertAlmostEqual(r["energy_ev"], r["energy_per_atom_ev"])
        # |b| = 2*pi*sqrt(3)/a = 2.687 1/A for fcc a = 4.05 A; 1.5 * 2.687 = 4.03 -> 5 points per direction.
        self.assertEqual([5, 5, 5], r["kpoints"])
        self.assertIsNone(r["relaxation"])
        self.assertIsNone(r["eos"])
        self.assertGreater(r["scf_iterations"], 3)
        self.assertEqual(6, len(r["stress_gpa"]))
        self.assertEqual(["Al"], list(r["setups_sha256"]))
        with open(os.path.join(self.dir, "al.txt")) as fh:
            self.assertIn("Converged after", fh.read())

    def test_the_candidate_log_is_truncated_per_candidate(self):
        w = self.start()
        for cid in ("first", "second"):
            tag, r, _ = w.compute(self.al_request(cid, log="same.txt"))
            self.assertEqual(g.RESULT, tag, r)
        with open(os.path.join(self.dir, "same.txt")) as fh:
            self.assertEqual(1, fh.read().count("Converged after"))

    def test_malformed_json_gives_an_error_frame_and_the_worker_carries_on(self):
        w = self.start()
        w.send(g.COMPUTE, raw=b'{"candidate_id": "x", "structure": ')
        tag, e = w.read_frame()
        self.assertEqual(g.ERROR, tag)
        self.assertEqual("malformed_request", e["kind"])
        self.assertIn("malformed JSON", e["message"])
        self.assertEqual((g.PONG, None), w.ping())

    def test_unknown_element_is_named_in_the_error(self):
        w = self.start()
        req = self.al_request("bad-element")
        req["structure"]["species"] = ["Xx"]
        tag, e, _ = w.compute(req)
        self.assertEqual(g.ERROR, tag)
        self.assertEqual("invalid_input", e["kind"])
        self.assertEqual("bad-element", e["candidate_id"])
        self.assertIn("structure.species[0]", e["message"])
        self.assertIn("'Xx'", e["message"])
        tag, r, _ = w.compute(self.al_request("after-error"))
        self.assertEqual(g.RESULT, tag, r)

    def test_element_without_a_setup_and_missing_fields_are_named(self):
        w = self.start()
        req = self.al_request("no-setup")
        req["structure"]["species"] = ["Pu"]  # a real element with no PAW setup in gpaw-data
        tag, e, _ = w.compute(req)
        self.assertEqual((g.ERROR, "invalid_input"), (tag, e["kind"]))
        self.assertIn("no PBE PAW setup for Pu", e["message"])
        req = self.al_request("no-cutoff")
        del req["settings"]["ecut_ev"]
        tag, e, _ = w.compute(req)
        self.assertEqual((g.ERROR, "invalid_input"), (tag, e["kind"]))
        self.assertIn("settings.ecut_ev is required", e["message"])
        req = self.al_request("short-frac")
        req["structure"]["frac"] = []
        tag, e, _ = w.compute(req)
        self.assertEqual((g.ERROR, "invalid_input"), (tag, e["kind"]))
        self.assertIn("structure.frac", e["message"])

    def test_unknown_frame_tag_gives_an_error_frame(self):
        w = self.start()
        w.send(42, {"x": 1})
        tag, e = w.read_frame()
        self.assertEqual((g.ERROR, "protocol"), (tag, e["kind"]))
        self.assertEqual((g.PONG, None), w.ping())


@unittest.skipUnless(HAVE_GPAW, "needs /usr/bin/python3 with Debian's gpaw and gpaw-data")
class GpawWorkerLifecycleTest(_Base):
    """Each test ends its own worker: noise, SIGKILL, EOF and SHUTDOWN."""

    def setUp(self):
        super().setUp()
        self.workers = []

    def tearDown(self):
        for w in self.workers:
            if w.proc.poll() is None:
                w.proc.kill()
            w.close()
        super().tearDown()

    def start(self, argv=None):
        w = g.Worker(os.path.join(self.dir, "worker-%d.err" % len(self.workers)), argv=argv)
        self.workers.append(w)
        return w

    def test_no_stray_bytes_on_the_frame_stream_when_the_code_prints(self):
        shim = os.path.join(self.dir, "noisy_shim.py")
        with open(shim, "w") as fh:
            fh.write(NOISY_SHIM)
        w = self.start([g.PYTHON, shim, g.WORKER])
        # log_path "-" sends GPAW's whole text output to its standard output as well.
        for cid in ("noisy-1", "noisy-2"):
            tag, r, _ = w.compute(self.al_request(cid, log="-"))
            self.assertEqual(g.RESULT, tag, r)
            self.assertEqual(cid, r["candidate_id"])
            self.assertEqual((g.PONG, None), w.ping())  # the very next bytes are a frame, not noise
        w.close()
        with open(w.stderr_file.name, "rb") as fh:
            err = fh.read()
        for text in (b"python-level noise after", b"fd-level noise after", b"C-level noise after",
                     b"Converged after"):
            self.assertIn(text, err)

    def test_a_worker_killed_mid_calculation_is_seen_as_eof(self):
        w = self.start()
        log = os.path.join(self.dir, "victim.txt")
        slow = dict(TINY, ecut_ev=400, kpoint_density_per_inv_angstrom=4.0,
                    convergence={"energy": 1e-7, "density": 1e-7, "eigenstates": 1e-10})
        lat, sp, fr = g.l12("Al", "Cu", 3.7)
        w.send(g.COMPUTE, g.request("victim", lat, sp, fr, slow, log))
        deadline = time.time() + 300
        while time.time() < deadline:  # wait until the SCF cycle is running
            if os.path.exists(log):
                with open(log) as fh:
                    if "iter:" in fh.read():
                        break
            time.sleep(0.2)
        else:
            self.fail("the calculation never started")
        os.kill(w.proc.pid, signal.SIGKILL)
        with self.assertRaises(g.WorkerEOF):
            w.read_frame()
        self.assertEqual(-signal.SIGKILL, w.proc.wait(timeout=30))

    def test_eof_on_standard_input_ends_the_worker(self):
        w = self.start()
        w.proc.stdin.close()
        self.assertEqual(0, w.proc.wait(timeout=60))

    def test_shutdown_ends_the_worker_cleanly(self):
        w = self.start()
        w.send(g.SHUTDOWN)
        self.assertEqual(0, w.proc.wait(timeout=60))
        self.assertEqual(b"", w.proc.stdout.read())


if __name__ == "__main__":
    unittest.main()
