"""The archive layer of model files: a zip of ``.npy`` arrays and one JSON document.

It knows no model. :func:`write_archive` streams each array into an
uncompressed member (NumPy's ``.npz`` layout) while hashing it, then writes
``metadata.json``: the caller's document plus ``format``, ``format_version``,
``mlplab_version`` and, per array, its ``dtype``, ``shape`` and SHA-256.
:func:`read_archive` trusts nothing: it checks the file size and the zip
directory against ``max_bytes`` before reading, parses the JSON strictly (no
NaN or infinity, no duplicate keys), asks the caller which arrays the
document promises (``expect``), compares them with the metadata and with
each ``.npy`` header, and only then reads each array with
``allow_pickle=False`` and checks its SHA-256 (the zip's CRC-32 is checked
as well). Every rejected file raises :class:`ModelFileError`.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import math
import numbers
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from .._io import atomic_write
from .._version import __version__

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FLOAT_DTYPES",
    "FORMAT",
    "FORMAT_VERSION",
    "ModelFileError",
    "check_path",
    "read_archive",
    "show",
    "write_archive",
]

FORMAT = "mlplab-model"
FORMAT_VERSION = 2  # 1: mlplab 0.1 (still read); 2: head, loss and random streams recorded
DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
METADATA = "metadata.json"
MAX_METADATA_BYTES = 64 << 20
FLOAT_DTYPES = {"float64": np.dtype("<f8"), "float32": np.dtype("<f4")}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed timestamp: the same model gives the same bytes
_CHUNK = 1 << 24

#: what the caller expects, from the checked document: array name -> (dtype, shape)
Expectation = Callable[[dict], dict[str, tuple[np.dtype, tuple[int, ...]]]]


class ModelFileError(ValueError):
    """A file was rejected by :func:`mlplab.load`.

    Raised for every problem with a file's content: not a zip archive, not an
    mlplab model, truncated, corrupted (a checksum or CRC mismatch), tampered
    with (unexpected members, object or pickled arrays, shapes or dtypes that
    disagree with the metadata), metadata with missing, unknown or invalid
    fields (NaN included), a newer format version, or larger than
    ``max_bytes``. A file that cannot be opened at all raises the usual
    ``OSError`` (``FileNotFoundError``, ``PermissionError``, ...).
    """


def check_path(path: object) -> Path:
    """``path`` as a ``Path``, or a ``TypeError``/``ValueError`` naming it."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__} {path!r:.60}")
    path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError(f"path must be a str or os.PathLike of str, got {path!r:.60}")
    if not path or "\0" in path:
        raise ValueError(f"path must be a non-empty file name without NUL characters, got {path!r:.60}")
    return Path(path)


# ===================================================================== write
def write_archive(path: Path, document: dict, arrays: dict[str, np.ndarray]) -> Path:
    """Write ``arrays`` and ``document`` to ``path`` atomically (see the module docstring).

    The float arrays are stored little-endian in C order; ``document`` must be
    JSON without NaN or infinity (a ``ValueError`` names the problem otherwise).
    """
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, f"cannot save the model to {path}: it is a folder")
    header = {"format": FORMAT, "format_version": FORMAT_VERSION, "mlplab_version": __version__}
    with atomic_write(path, "wb") as handle:
        entries = {}
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
            for name, array in arrays.items():
                entries[name] = _write_array(archive, name, array)
            try:
                text = json.dumps({**header, **document, "arrays": entries}, separators=(", ", ": "),
                                  allow_nan=False)  # fmt: skip
            except ValueError as error:
                raise ValueError(
                    f"cannot save the model: its settings hold a non-finite number ({error})"
                ) from None
            archive.writestr(_zip_info(METADATA), (text + "\n").encode("utf-8"))
    return path


def _write_array(archive: zipfile.ZipFile, name: str, array: np.ndarray) -> dict:
    dtype = FLOAT_DTYPES[np.dtype(array.dtype).name]
    array = np.ascontiguousarray(array, dtype=dtype)  # little-endian, C order
    buffer = io.BytesIO()
    npy_format.write_array_header_1_0(buffer, npy_format.header_data_from_array_1_0(array))
    header = buffer.getvalue()
    data = memoryview(array.reshape(-1)).cast("B")
    info = _zip_info(f"{name}.npy")
    info.file_size = len(header) + data.nbytes  # known up front: zip64 only when needed
    digest = hashlib.sha256(header)
    with archive.open(info, "w") as member:
        member.write(header)
        for start in range(0, data.nbytes, _CHUNK):
            chunk = data[start : start + _CHUNK]
            digest.update(chunk)
            member.write(chunk)
    return {"dtype": dtype.str, "shape": list(array.shape), "sha256": digest.hexdigest()}


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


# ====================================================================== read
def read_archive(path: object, max_bytes: object, expect: Expectation) -> tuple[dict, dict[str, np.ndarray]]:
    """The checked document and arrays of the file at ``path``.

    ``expect(document)`` checks the document's fields (raising
    :class:`ModelFileError`) and returns the arrays it promises; the archive
    must hold exactly those, with exactly those dtypes and shapes.
    """
    path = check_path(path)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, numbers.Integral):
        raise TypeError(f"max_bytes must be a positive int, got {max_bytes!r}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive int, got {max_bytes!r}")
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ModelFileError(f"{path} is not a regular file")
        if info.st_size > max_bytes:
            raise ModelFileError(f"{path} has {info.st_size} bytes, more than max_bytes={max_bytes}")
        try:
            return _read(handle, int(max_bytes), expect)
        except ModelFileError as exc:
            raise ModelFileError(f"{path} was rejected: {exc}") from exc
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            KeyError,
            struct.error,
            NotImplementedError,
            RuntimeError,  # an encrypted member, a RecursionError in deeply nested JSON
            OverflowError,
        ) as exc:
            raise ModelFileError(
                f"{path} is not a valid mlplab model file: {type(exc).__name__}: {exc}"
            ) from exc


def _read(handle, max_bytes: int, expect: Expectation) -> tuple[dict, dict[str, np.ndarray]]:
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise ModelFileError(f"duplicate members in the archive: {sorted(names)[:10]}")
        if METADATA not in names:
            raise ModelFileError(f"no {METADATA} member: not an mlplab model file (members {names[:10]})")
        for info in infos:
            if info.flag_bits & 0x1:
                raise ModelFileError(f"member {info.filename!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ModelFileError(
                    f"member {info.filename!r} uses unsupported compression {info.compress_type}"
                )
        total = sum(info.file_size for info in infos)
        if total > max_bytes:
            raise ModelFileError(f"members hold {total} bytes uncompressed, more than max_bytes={max_bytes}")
        size = archive.getinfo(METADATA).file_size
        if size > MAX_METADATA_BYTES:
            raise ModelFileError(f"{METADATA} has {size} bytes, more than {MAX_METADATA_BYTES}")
        document = parse_json(archive.read(METADATA))
        version = document.get("format_version")
        if document.get("format") != FORMAT:
            raise ModelFileError(
                f"format must be {FORMAT!r}, got {show(document.get('format'))}: not an mlplab model file"
            )
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
            raise ModelFileError(
                f"format_version {show(version)} is not supported: "
                f"this mlplab reads format_version 1 to {FORMAT_VERSION}"
            )
        spec = expect(document)
        expected_members = {METADATA} | {f"{name}.npy" for name in spec}
        if set(names) != expected_members:
            raise ModelFileError(
                f"members {sorted(names)[:10]} differ from the expected {sorted(expected_members)}"
            )
        needed = sum(dtype.itemsize * math.prod(shape) for dtype, shape in spec.values())
        if needed > max_bytes:
            raise ModelFileError(f"the arrays would take {needed} bytes, more than max_bytes={max_bytes}")
        entries = _entries(document, spec)
        arrays = {
            name: _read_array(archive, name, dtype, shape, entries[name])
            for name, (dtype, shape) in spec.items()
        }
    return document, arrays


def _entries(document: dict, spec: dict) -> dict[str, str]:
    """The SHA-256 of every expected array, after checking its metadata entry."""
    entries = document.get("arrays")
    if not isinstance(entries, dict) or set(entries) != set(spec):
        got = sorted(entries) if isinstance(entries, dict) else show(entries)
        raise ModelFileError(f"arrays must list exactly {sorted(spec)}, got {got}")
    digests = {}
    for name, (dtype, shape) in spec.items():
        entry = entries[name]
        if not isinstance(entry, dict) or set(entry) != {"dtype", "shape", "sha256"}:
            raise ModelFileError(
                f"arrays.{name} must have exactly dtype, shape and sha256, got {show(entry)}"
            )
        if entry["dtype"] != dtype.str:
            raise ModelFileError(f"arrays.{name}.dtype must be {dtype.str!r}, got {show(entry['dtype'])}")
        if entry["shape"] != list(shape):
            raise ModelFileError(f"arrays.{name}.shape must be {list(shape)}, got {show(entry['shape'])}")
        digest = entry["sha256"]
        if not isinstance(digest, str) or len(digest) != 64 or digest.strip("0123456789abcdef"):
            raise ModelFileError(f"arrays.{name}.sha256 must be 64 hex digits, got {show(digest)}")
        digests[name] = digest
    return digests


def _read_array(
    archive: zipfile.ZipFile, name: str, dtype: np.dtype, shape: tuple, sha256: str
) -> np.ndarray:
    """One ``.npy`` member: header checked against ``dtype``/``shape`` first, then data and SHA-256."""
    info = archive.getinfo(f"{name}.npy")
    with archive.open(info) as member:
        try:
            version = npy_format.read_magic(member)
            if version == (1, 0):
                header_shape, fortran, header_dtype = npy_format.read_array_header_1_0(member)
            elif version == (2, 0):
                header_shape, fortran, header_dtype = npy_format.read_array_header_2_0(member)
            else:
                raise ModelFileError(f"{name}.npy has .npy format version {version}, expected 1.0 or 2.0")
        except ModelFileError:
            raise
        except Exception as exc:  # NumPy parses the header with ast.literal_eval; anything can go wrong
            raise ModelFileError(f"{name}.npy has no valid .npy header: {type(exc).__name__}: {exc}") from exc
        header_size = member.tell()
    if header_dtype != dtype or header_dtype.hasobject:
        raise ModelFileError(f"{name}.npy holds dtype {header_dtype.str!r}, the metadata says {dtype.str!r}")
    if tuple(header_shape) != tuple(shape) or fortran:
        raise ModelFileError(
            f"{name}.npy holds shape {header_shape} (fortran_order={fortran}), the metadata says {shape}"
        )
    size = header_size + dtype.itemsize * math.prod(shape)
    if info.file_size != size:
        raise ModelFileError(f"{name}.npy has {info.file_size} bytes, its header implies {size}")
    raw = archive.read(info)  # the zip's CRC-32 is checked here
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise ModelFileError(f"{name}.npy does not match its SHA-256 checksum: the file is corrupt")
    array = npy_format.read_array(io.BytesIO(raw), allow_pickle=False)
    if array.dtype != dtype or array.shape != tuple(shape):  # cannot happen after the checks above
        raise ModelFileError(f"{name}.npy decoded to {array.dtype} {array.shape}, expected {dtype} {shape}")
    array = array.astype(dtype.newbyteorder("="), copy=False)
    if not np.isfinite(array).all():
        raise ModelFileError(f"{name}.npy holds non-finite values")
    return array


def parse_json(raw: bytes) -> dict:
    """Strict JSON: no NaN or infinity, no repeated key, an object at the top."""

    def reject_constant(name: str):
        raise ModelFileError(f"{METADATA} holds {name}, which is not a number")

    def finite_float(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ModelFileError(f"{METADATA} holds {text}, which is not a finite number")
        return value

    def no_duplicates(pairs: list) -> dict:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ModelFileError(f"{METADATA} repeats a key among {keys[:20]}")
        return dict(pairs)

    document = json.loads(
        raw.decode("utf-8"),
        parse_constant=reject_constant,
        parse_float=finite_float,
        object_pairs_hook=no_duplicates,
    )
    if not isinstance(document, dict):
        raise ModelFileError(f"{METADATA} must hold a JSON object, got {type(document).__name__}")
    return document


def show(value: object) -> str:
    """A JSON value as short text for an error message."""
    text = (
        json.dumps(value)
        if isinstance(value, (dict, list, str, int, float, bool, type(None)))
        else repr(value)
    )
    return text if len(text) <= 60 else text[:57] + "..."
