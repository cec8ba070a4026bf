"""Read matscreen results in Python: a repository as a pandas DataFrame, rows as ASE Atoms or pymatgen Structures.

Two routes give the same DataFrame, one row per record:

* ``read_hdf5(path)`` reads the file ``matscreen export REPO --format hdf5 --out DIR`` writes, with h5py (Debian:
  python3-h5py); no pyarrow needed.
* ``read_repository(path)`` reads the repository's Parquet chunks directly; it needs pyarrow.

``load(path)`` picks the route: a file is read as HDF5, a folder as a repository.

Columns are the record columns of results-schema/SCHEMA.md with these Python types: strings as ``str``; integers
as pandas nullable integers and booleans as nullable booleans (unknown values are ``<NA>``); floats with NaN for
unknown; ``started_at``/``finished_at`` as UTC timestamps; ``elements``, ``element_fractions``, ``cell_counts`` and
the other list columns as lists or NumPy arrays; ``lattice_vectors_angstrom`` as a 3x3 array (rows a, b, c, in Å),
``site_species`` as an array of indices into ``elements`` and ``fractional_positions`` as an (nsites, 3) array, or
``None`` for a record without a relaxed structure.
"""

from __future__ import annotations

import glob
import os
import numpy as np
import pandas as pd

__all__ = ["load", "read_hdf5", "read_repository", "to_ase", "to_pymatgen", "citations"]

#: The HDF5 layout this module reads (root attribute ``format_version``).
HDF5_FORMAT_VERSION = 1
#: The newest record schema version (results-schema's RecordSchema.VERSION) the Parquet route reads; older rows
#: lack the newer columns, which read as missing.
RECORD_SCHEMA_VERSION = 3
#: Record columns holding a timestamp in ms since the epoch.
TIMESTAMP_COLUMNS = ("started_at", "finished_at")
#: Per-element list columns ([records, nelements] in HDF5).
ELEMENT_COLUMNS = ("elements", "element_fractions", "cell_counts")
#: Square matrices per record: name -> side.
MATRIX_COLUMNS = {"lattice_vectors_angstrom": 3, "elastic_stress_plus_gpa": 6, "elastic_stress_minus_gpa": 6}
#: Structure columns, in the ``structures/`` group of HDF5 and flat lists in Parquet.
STRUCTURE_COLUMNS = ("site_species", "fractional_positions")


def load(path: str) -> pd.DataFrame:
    """Records of an HDF5 export (a file) or of a repository (a folder), one row each."""
    if os.path.isdir(path):
        return read_repository(path)
    return read_hdf5(path)


# --- HDF5 -------------------------------------------------------------------------------------------------------


def read_hdf5(path: str) -> pd.DataFrame:
    """Every record of a matscreen HDF5 export, all campaigns and chemical systems, in file order."""
    import h5py

    frames = []
    with h5py.File(path, "r") as f:
        if _text(f.attrs.get("format", b"")) != "matscreen-hdf5":
            raise ValueError(f"{path} is not a matscreen HDF5 export (root attribute format is "
                             f"{_text(f.attrs.get('format', b''))!r})")
        version = int(f.attrs.get("format_version", 0))
        if version > HDF5_FORMAT_VERSION:
            raise ValueError(f"{path} has HDF5 layout version {version}; this module reads up to "
                             f"{HDF5_FORMAT_VERSION}: update matscreen_py")
        for campaign in f.values():
            for system in campaign.values():
                frames.append(_system_frame(system))
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def _system_frame(group) -> pd.DataFrame:
    n = int(group.attrs["records"])
    columns = {}
    for name, ds in group.items():
        if name == "structures" or name.endswith("_offsets"):
            continue
        if name + "_offsets" in group:
            columns[name] = _ragged(ds[()], group[name + "_offsets"][()], ds)
        elif ds.ndim == 1:
            columns[name] = _scalar(name, ds)
        elif name in MATRIX_COLUMNS:
            columns[name] = [None if np.isnan(m).all() else m for m in ds[()]]
        else:  # [records, nelements]
            values = ds[()]
            columns[name] = [[_text(v) for v in row] if values.dtype.kind == "S" else row.tolist()
                             for row in values]
    # A list column no record of the system has is written as offsets only.
    for name in group:
        if name.endswith("_offsets") and name[: -len("_offsets")] not in group:
            columns[name[: -len("_offsets")]] = [np.array([]) for _ in range(n)]
    s = group["structures"]
    lattices = s["lattice_vectors_angstrom"][()]
    offsets = s["site_offsets"][()]
    species = s["site_species"][()]
    positions = s["fractional_positions"][()]
    has = [offsets[i + 1] > offsets[i] for i in range(n)]
    columns["lattice_vectors_angstrom"] = [lattices[i] if has[i] else None for i in range(n)]
    columns["site_species"] = [species[offsets[i]:offsets[i + 1]] if has[i] else None for i in range(n)]
    columns["fractional_positions"] = [positions[offsets[i]:offsets[i + 1]] if has[i] else None for i in range(n)]
    return pd.DataFrame(columns)


def _ragged(values, offsets, ds) -> list:
    out = []
    for i in range(len(offsets) - 1):
        part = values[offsets[i]:offsets[i + 1]]
        out.append([_text(v) for v in part] if ds.dtype.kind == "S" else part)
    return out


def _scalar(name: str, ds) -> pd.Series | list:
    values = ds[()]
    if values.dtype.kind == "S":
        return [_text(v) for v in values]
    fill = ds.attrs.get("_FillValue")
    if name in TIMESTAMP_COLUMNS:
        return pd.to_datetime(pd.Series(values).where(values != fill), unit="ms", utc=True)
    if values.dtype == np.int8:  # booleans: 1 true, 0 false, the fill value unknown
        return pd.array([pd.NA if v == fill else bool(v) for v in values], dtype="boolean")
    if values.dtype.kind == "i":
        return pd.array([pd.NA if fill is not None and v == fill else int(v) for v in values],
                        dtype="Int64" if values.dtype == np.int64 else "Int32")
    return values


def _text(v) -> str:
    return v.decode("utf-8") if isinstance(v, (bytes, np.bytes_)) else str(v)


# --- Parquet ----------------------------------------------------------------------------------------------------


def read_repository(path: str) -> pd.DataFrame:
    """Every record of a repository folder, read from its Parquet chunks (needs pyarrow)."""
    try:
        import pyarrow.parquet as pq
    except ImportError as e:
        raise ImportError("reading a repository's Parquet files needs pyarrow, which is not installed (Debian does "
                          "not package it); export the repository with 'matscreen export REPO --format hdf5 --out "
                          "DIR' and read the .h5 file, or pip install pyarrow") from e
    files = sorted(glob.glob(os.path.join(path, "data", "system=*", "*.parquet")))
    if not files:
        raise FileNotFoundError(f"{path} holds no committed records (no data/system=*/*.parquet)")
    import pyarrow as pa

    tables = [pq.read_table(f) for f in files]
    # nullable integers and booleans as in the HDF5 route, not floats and objects
    nullable = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    df = pd.concat([t.to_pandas(types_mapper=nullable.get) for t in tables], ignore_index=True)
    strings = {f.name for f in tables[0].schema if pa.types.is_string(f.type)}
    lists = {f.name for f in tables[0].schema if pa.types.is_list(f.type)}
    newer = df["schema_version"] > RECORD_SCHEMA_VERSION
    if newer.any():
        raise ValueError(f"{path} has records of schema version {int(df['schema_version'].max())}; this module "
                         f"reads versions up to {RECORD_SCHEMA_VERSION}: export to HDF5 with the matscreen that "
                         "wrote them")
    return _normalise_parquet(df, strings, lists)


def _normalise_parquet(df: pd.DataFrame, strings: set, lists: set) -> pd.DataFrame:
    """The Parquet rows in the shapes the HDF5 route gives (see the module's documentation)."""
    out = df.copy()
    for c in TIMESTAMP_COLUMNS:
        # Parquet stores them as TIMESTAMP(MILLIS); a reader without the logical type gives the plain int64
        out[c] = (pd.to_datetime(out[c], unit="ms", utc=True) if pd.api.types.is_numeric_dtype(out[c])
                  else pd.to_datetime(out[c], utc=True))
    for c in out.columns:
        if c in strings:
            out[c] = ["" if v is None else v for v in out[c]]  # as in HDF5: an unknown string is empty
        elif c in lists and c not in STRUCTURE_COLUMNS and c not in MATRIX_COLUMNS and c not in ELEMENT_COLUMNS:
            out[c] = [np.array([]) if v is None else np.asarray(v) for v in out[c]]
    for c in ELEMENT_COLUMNS:
        out[c] = [list(v) if v is not None else None for v in out[c]]
    for c, side in MATRIX_COLUMNS.items():
        if c in out:
            out[c] = [None if v is None or len(v) == 0 else np.asarray(v, dtype=float).reshape(side, side)
                      for v in out[c]]
    out["fractional_positions"] = [None if v is None or len(v) == 0 else np.asarray(v, dtype=float).reshape(-1, 3)
                                   for v in out["fractional_positions"]]
    out["site_species"] = [None if v is None or len(v) == 0 else np.asarray(v, dtype=np.int32)
                           for v in out["site_species"]]
    return out


# --- structures -------------------------------------------------------------------------------------------------


def _structure(row) -> tuple[np.ndarray, list[str], np.ndarray]:
    if row["lattice_vectors_angstrom"] is None or row["fractional_positions"] is None:
        raise ValueError(f"record {row['id']} has no relaxed structure (status {row['status']})")
    elements = list(row["elements"])
    symbols = [elements[int(i)] for i in row["site_species"]]
    return np.asarray(row["lattice_vectors_angstrom"], dtype=float), symbols, np.asarray(
        row["fractional_positions"], dtype=float)


def to_ase(row, energy: bool = True):
    """The relaxed cell of a record as ``ase.Atoms`` (periodic in 3D).

    With ``energy`` (the default) the record's total energy, ``energy_per_atom_ev`` x ``nsites`` in eV, is attached
    as a single-point calculator result, so ``atoms.get_potential_energy()`` returns it; the id, campaign and formula
    go into ``atoms.info``.
    """
    from ase import Atoms

    cell, symbols, fractional = _structure(row)
    atoms = Atoms(symbols=symbols, scaled_positions=fractional, cell=cell, pbc=True)
    atoms.info.update({"id": row["id"], "campaign": row["campaign"], "formula": row["formula"]})
    e = row.get("energy_per_atom_ev")
    if energy and e is not None and np.isfinite(e):
        from ase.calculators.singlepoint import SinglePointCalculator

        atoms.calc = SinglePointCalculator(atoms, energy=float(e) * len(atoms))
    return atoms


def to_pymatgen(row):
    """The relaxed cell of a record as a ``pymatgen.core.Structure`` (fractional coordinates as stored)."""
    from pymatgen.core import Lattice, Structure

    cell, symbols, fractional = _structure(row)
    return Structure(Lattice(cell), symbols, fractional, coords_are_cartesian=False)


def citations(df: pd.DataFrame) -> list[str]:
    """The distinct citations of the interatomic potentials behind the records, as the records hold them."""
    seen = []
    for c in list(df.get("potential_citation", [])) + list(df.get("method_potential_citation", [])):
        if isinstance(c, str) and c and c not in seen:
            seen.append(c)
    return seen
