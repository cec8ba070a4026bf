#!/usr/bin/env python3
"""Executes a Jupyter notebook top to bottom with nbclient (Debian: python3-nbclient, python3-ipykernel).

    python3 python/run_notebook.py NOTEBOOK [--output EXECUTED.ipynb] [--timeout SECONDS]

The kernel inherits this process's environment (PYTHONPATH, MATSCREEN_EXPORT, ...); this folder is put on its
PYTHONPATH so ``import matscreen_py`` works without installing it. Exits 1 with the failing cell's error.
"""

import argparse
import os
import sys


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("notebook")
    p.add_argument("--output", help="where to write the executed notebook (default: not written)")
    p.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    args = p.parse_args()
    try:
        import nbclient
        import nbformat
    except ImportError as e:
        print(f"run_notebook: {e.name} is missing: apt-get install python3-nbclient python3-ipykernel "
              "(or pip install nbclient ipykernel)", file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    os.environ["PYTHONPATH"] = here + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    # debugpy in Debian's ipykernel warns about frozen modules on every start; the notebook's output is what matters
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(args.notebook, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                                     resources={"metadata": {"path": os.getcwd()}})
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        print(f"run_notebook: {args.notebook} failed:\n{e}", file=sys.stderr)
        return 1
    finally:
        if args.output:
            nbformat.write(nb, args.output)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("name") == "stdout":
                sys.stdout.write(out["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
