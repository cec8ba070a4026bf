"""A minimal client of the GPAW worker's framed protocol, for the tests (the production client is the JVM's).

Frames: [tag: 1 byte][length: 4 bytes big-endian unsigned][payload: UTF-8 JSON]. See gpaw_worker.py.
"""

import json
import os
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = os.environ.get("MATSCREEN_GPAW_WORKER") or os.path.normpath(
    os.path.join(HERE, "..", "..", "main", "resources", "org", "matscreen", "gpaw", "gpaw_worker.py"))
PRESETS = os.path.join(os.path.dirname(WORKER), "gpaw_presets.json")
PYTHON = os.environ.get("MATSCREEN_GPAW_PYTHON", "/usr/bin/python3")

COMPUTE, PING, SHUTDOWN = 1, 2, 3
STARTED, RESULT, PONG, ERROR = 10, 11, 12, 13


def gpaw_available():
    """True if the interpreter the worker runs on can import GPAW and ASE (Debian gpaw, gpaw-data)."""
    try:
        r = subprocess.run([PYTHON, "-c", "import gpaw, ase"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
        return r.returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def preset(name):
    with open(PRESETS, encoding="utf-8") as fh:
        return json.load(fh)[name]


class WorkerEOF(Exception):
    """The worker's frame stream ended (the process exited or was killed)."""


class Worker:
    """One worker process. ``argv`` replaces the command (the tests wrap the worker to make it noisy)."""

    def __init__(self, stderr_path, argv=None, env=None):
        self.stderr_file = open(stderr_path, "wb")
        e = dict(os.environ)
        e.update(env or {})
        self.proc = subprocess.Popen(argv or [PYTHON, WORKER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr_file, env=e, bufsize=0)
        tag, self.hello = self.read_frame()
        if tag != STARTED:
            raise AssertionError("expected STARTED, got tag %d: %r" % (tag, self.hello))

    def send(self, tag, payload=None, raw=None):
        body = raw if raw is not None else (b"" if payload is None else json.dumps(payload).encode("utf-8"))
        self.proc.stdin.write(bytes([tag]) + len(body).to_bytes(4, "big") + body)
        self.proc.stdin.flush()

    def _read(self, n):
        chunks = []
        while n > 0:
            b = self.proc.stdout.read(n)
            if not b:
                raise WorkerEOF("EOF from worker %d" % self.proc.pid)
            chunks.append(b)
            n -= len(b)
        return b"".join(chunks)

    def read_frame(self):
        head = self._read(5)
        n = int.from_bytes(head[1:5], "big")
        body = self._read(n) if n else b""
        return head[0], (json.loads(body.decode("utf-8")) if body else None)

    def compute(self, request):
        """(tag, payload, wall seconds) of one COMPUTE round trip."""
        t0 = time.perf_counter()
        self.send(COMPUTE, request)
        tag, payload = self.read_frame()
        return tag, payload, time.perf_counter() - t0

    def ping(self):
        self.send(PING)
        return self.read_frame()

    def close(self):
        if self.proc.poll() is None:
            try:
                self.send(SHUTDOWN)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout):
            f.close()
        self.stderr_file.close()


def request(candidate_id, lattice, species, frac, settings, log_path=None):
    return {"candidate_id": candidate_id, "structure": {"lattice": lattice, "species": species, "frac": frac},
            "settings": settings, "log_path": log_path}


def fcc_primitive(symbol, a):
    """One-atom fcc cell (a/2 (0,1,1), a/2 (1,0,1), a/2 (1,1,0)), lattice parameter a in Angstrom."""
    h = a / 2
    return [[0, h, h], [h, 0, h], [h, h, 0]], [symbol], [[0, 0, 0]]


def l12(a_symbol, b_symbol, a):
    """L1_2 A3B (Cu3Au type): B at the cube corner, A at the face centres; cubic cell of 4 atoms."""
    return ([[a, 0, 0], [0, a, 0], [0, 0, a]], [b_symbol, a_symbol, a_symbol, a_symbol],
            [[0, 0, 0], [0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]])


def b2(a_symbol, b_symbol, a):
    """B2 AB (CsCl type): cubic cell of 2 atoms."""
    return [[a, 0, 0], [0, a, 0], [0, 0, a]], [a_symbol, b_symbol], [[0, 0, 0], [0.5, 0.5, 0.5]]
