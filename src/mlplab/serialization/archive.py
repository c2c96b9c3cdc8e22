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

Against a hostile file, the reader bounds what it spends before spending it:
only a regular file is opened (without blocking); the zip's end record bounds
the member count and the central directory (``MAX_MEMBERS``,
``MAX_DIRECTORY_BYTES``) before ``zipfile`` builds its list; each member is
inflated as a stream that stops at its declared size (:class:`MemberStream`: one
byte more is asked for, to refuse a member that holds more); ``metadata.json``
is bounded in bytes and in values before it is parsed; every message is cut
to ``MAX_MESSAGE_CHARS``.
"""

from __future__ import annotations

import errno
import hashlib
import io
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
from .errors import MAX_MESSAGE_CHARS, ModelFileError, bounded, show
from .strict_json import (
    MAX_INFLATED_METADATA_BYTES,
    MAX_METADATA_BYTES,
    METADATA,
    check_metadata,
    json_text,
    parse_json,
)
from .zipread import MAX_MEMBERS, MemberStream, check_directory

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FLOAT_DTYPES",
    "FORMAT",
    "FORMAT_VERSION",
    "MAX_MESSAGE_CHARS",
    "ModelFileError",
    "bounded",
    "check_metadata",
    "check_path",
    "check_target",
    "json_text",
    "parse_json",
    "read_archive",
    "show",
    "write_archive",
]

FORMAT = "mlplab-model"
FORMAT_VERSION = 2  # 1: mlplab 0.1 (still read); 2: head, loss and random streams recorded
DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
#: an ``.npy`` header is read through this cap (NumPy's own limit is 10 000 characters)
MAX_NPY_HEADER_BYTES = 1 << 16
FLOAT_DTYPES = {"float64": np.dtype("<f8"), "float32": np.dtype("<f4")}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed timestamp: the same model gives the same bytes
_CHUNK = 1 << 24

#: what the caller expects, from the checked document: array name -> (dtype, shape)
Expectation = Callable[[dict], dict[str, tuple[np.dtype, tuple[int, ...]]]]


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
def check_target(path: Path) -> None:
    """Refuse to replace what is at ``path`` unless it is a regular file (or nothing).

    A folder raises ``IsADirectoryError``; a symbolic link, a FIFO, a socket or a
    device node raises ``FileExistsError`` naming the path: :func:`write_archive`
    replaces regular files only, and never follows a link (it would replace the
    link itself, not its target, which surprises either way).
    """
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there (a bad parent is reported when the file is written)
    except OSError:
        return  # e.g. no permission to look: writing fails with the usual error
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, f"cannot save the model to {path}: it is a folder")
    if not stat.S_ISREG(info.st_mode):
        what = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise FileExistsError(
            errno.EEXIST,
            bounded(f"cannot save the model to path {path}: it is {what}; save replaces regular files only"),
        )


_FILE_KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket",
               stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device"}  # fmt: skip


def write_archive(path: Path, document: dict, arrays: dict[str, np.ndarray]) -> Path:
    """Write ``arrays`` and ``document`` to ``path`` atomically (see the module docstring).

    The float arrays are stored little-endian in C order; ``document`` must be
    JSON without NaN or infinity (a ``ValueError`` names the field otherwise).
    ``path`` must be a regular file or nothing (see :func:`check_target`).
    """
    check_target(path)
    header = {"format": FORMAT, "format_version": FORMAT_VERSION, "mlplab_version": __version__}
    json_text({**header, **document})  # a bad field is reported before anything is written
    with atomic_write(path, "wb") as handle:
        entries = {}
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
            for name, array in arrays.items():
                entries[name] = _write_array(archive, name, array)
            text = json_text({**header, **document, "arrays": entries})
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

    Only a regular file is opened, and without blocking (a FIFO or a device
    is refused after a ``stat``, before ``open``; the open file is checked
    again). The zip's directory is bounded from its end record before
    ``zipfile`` parses it, and every member is read as a bounded stream that
    stops at its declared size: nothing is ever inflated beyond it.
    """
    path = check_path(path)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, numbers.Integral):
        raise TypeError(f"max_bytes must be a positive int, got {max_bytes!r:.60}")
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be a positive int, got {max_bytes!r:.60}")
    _check_regular(path, os.stat(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)  # Windows: no newline translation under the "rb" file object
    fd = os.open(path, flags)  # non-blocking: a FIFO swapped in after the stat cannot hang us
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        _check_regular(path, info)
        if info.st_size > max_bytes:
            raise ModelFileError(f"{path} has {info.st_size} bytes, more than max_bytes={max_bytes}")
        try:
            return _read(handle, info.st_size, int(max_bytes), expect)
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


def _check_regular(path: Path, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        what = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise ModelFileError(f"{path} is not a regular file (it is {what}): not read")


def _read(handle, size: int, max_bytes: int, expect: Expectation) -> tuple[dict, dict[str, np.ndarray]]:
    check_directory(handle, size)
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:  # cannot happen after check_directory; cheap to be sure
        raise ModelFileError(f"the zip lists {len(infos)} members, more than {MAX_MEMBERS}")
    names = [info.filename for info in infos]
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ModelFileError(f"duplicate members in the archive: {show(repeated[:5])}")
    by_name = {info.filename: info for info in infos}
    if METADATA not in by_name:
        raise ModelFileError(f"no {METADATA} member: not an mlplab model file (members {show(names[:10])})")
    for info in infos:
        if info.flag_bits & 0x1:
            raise ModelFileError(f"member {show(info.filename)} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ModelFileError(
                f"member {show(info.filename)} uses unsupported compression {info.compress_type}"
            )
    total = sum(info.file_size for info in infos)
    if total > max_bytes:
        raise ModelFileError(f"members hold {total} bytes uncompressed, more than max_bytes={max_bytes}")
    info = by_name[METADATA]
    limit = min(MAX_METADATA_BYTES, max(MAX_INFLATED_METADATA_BYTES, size))
    if info.file_size > limit:
        raise ModelFileError(
            f"{METADATA} has {info.file_size} bytes, more than {limit} "
            f"(at most {MAX_METADATA_BYTES}; above {MAX_INFLATED_METADATA_BYTES}, at most the file's size)"
        )
    member = MemberStream(handle, size, info)
    document = parse_json(member.read(info.file_size), before=member.finish)
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
            f"members {show(sorted(names)[:10])} differ from the expected {sorted(expected_members)}"
        )
    needed = sum(dtype.itemsize * math.prod(shape) for dtype, shape in spec.values())
    if needed > max_bytes:
        raise ModelFileError(f"the arrays would take {needed} bytes, more than max_bytes={max_bytes}")
    entries = _entries(document, spec)
    arrays = {
        name: _read_array(
            MemberStream(handle, size, by_name[f"{name}.npy"]), name, dtype, shape, entries[name]
        )
        for name, (dtype, shape) in spec.items()
    }
    return document, arrays


def _entries(document: dict, spec: dict) -> dict[str, str]:
    """The SHA-256 of every expected array, after checking its metadata entry."""
    entries = document.get("arrays")
    if not isinstance(entries, dict) or set(entries) != set(spec):
        got = show(sorted(entries)) if isinstance(entries, dict) else show(entries)
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


class _Capped:
    """A reader giving at most ``limit`` bytes of ``stream`` in all, then end of file."""

    def __init__(self, stream: MemberStream, limit: int) -> None:
        self._stream, self._left = stream, limit

    def read(self, n: int) -> bytes:
        data = self._stream.read(min(n, self._left))
        self._left -= len(data)
        return data


def _read_array(member: MemberStream, name: str, dtype: np.dtype, shape: tuple, sha256: str) -> np.ndarray:
    """One ``.npy`` member: header checked against ``dtype``/``shape`` first, then data and SHA-256."""
    header = _Capped(member, MAX_NPY_HEADER_BYTES)  # NumPy reads the header's declared length first
    try:
        version = npy_format.read_magic(header)
        if version == (1, 0):
            header_shape, fortran, header_dtype = npy_format.read_array_header_1_0(header)
        elif version == (2, 0):
            header_shape, fortran, header_dtype = npy_format.read_array_header_2_0(header)
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
            f"{name}.npy holds shape {show(header_shape)} (fortran_order={fortran}), "
            f"the metadata says {shape}"
        )
    size = header_size + dtype.itemsize * math.prod(shape)
    if member.size != size:
        raise ModelFileError(f"{name}.npy has {member.size} bytes, its header implies {size}")
    data = bytearray(size - header_size)
    view = memoryview(data)
    for start in range(0, len(data), _CHUNK):
        chunk = member.read(_CHUNK)
        view[start : start + len(chunk)] = chunk
    member.finish()  # the zip's CRC-32, and nothing beyond the declared size
    if member.digest.hexdigest() != sha256:
        raise ModelFileError(f"{name}.npy does not match its SHA-256 checksum: the file is corrupt")
    array = np.frombuffer(data, dtype=dtype).reshape(shape)
    array = array.astype(dtype.newbyteorder("="), copy=False)
    if not np.isfinite(array).all():
        raise ModelFileError(f"{name}.npy holds non-finite values")
    return array
