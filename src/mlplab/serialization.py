"""Safe model files: :func:`save` and :func:`load` for :class:`~mlplab.MLP` and ``MLPClassifier``.

A model file holds data only, so loading one can never run code (unlike
``pickle``). It is an uncompressed zip archive (NumPy's ``.npz`` layout) with

* ``metadata.json`` — UTF-8 JSON: ``format`` (``"mlplab-model"``),
  ``format_version`` (1), ``kind`` (``"MLP"`` or ``"MLPClassifier"``), the
  ``network`` (``layer_sizes``, ``activation``, ``dtype``), one entry per
  array in ``arrays`` (``dtype``, ``shape`` and the SHA-256 of its ``.npy``
  member), and the settings of the model in ``model`` (for ``MLP`` also the
  ``optimizer``'s settings and step count, the training history and the state
  of its random generators; for ``MLPClassifier`` its parameters, the classes
  as JSON values and the loss curves);
* ``params.npy`` — the network's flat parameter vector ``W1, b1, W2, b2, …``
  (NumPy format 1.0, little-endian, C order);
* for ``MLP``, ``optimizer.<name>.npy`` for each state array of the optimiser
  (``m`` and ``v`` for Adam, ``velocity`` for momentum, ``square_avg`` for
  RMSprop), so that a loaded model trains on exactly as the saved one would.

:func:`load` trusts nothing in the file. Before any array is allocated it
checks the file size and the zip directory against ``max_bytes``, parses the
JSON strictly (no NaN or infinity, no duplicate or unknown keys), derives the
expected name, dtype and shape of every array from the architecture, and
compares them with the metadata and with each ``.npy`` header. Then it reads
each array with ``allow_pickle=False`` and checks its SHA-256 (the zip's
CRC-32 of every member, ``metadata.json`` included, is checked as well). Every
file it rejects raises :class:`ModelFileError`.

What is not data is not saved: an ``init`` function of an ``MLP`` (its
weights are saved), a ``random_state`` that is a generator rather than an int
(saved as ``null``), the generators of an ``MLP`` seeded with a bit generator
other than PCG64 (a loaded model then shuffles with fresh entropy).

:func:`save` writes atomically: a temporary file in the same folder, flushed
and ``fsync``-ed, then moved over ``path`` with ``os.replace``. If anything
fails, the previous file is unchanged and no temporary file remains. The same
model always gives the same bytes.
"""

from __future__ import annotations

import errno
import hashlib
import io
import itertools
import json
import math
import numbers
import os
import stat
import struct
import sys
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib import format as npy_format

from ._io import atomic_write
from .datasets import rng_from_seed
from .mlp import MLP
from .nn.activations import ACTIVATIONS
from .nn.network import Network
from .nn.optimizers import OPTIMIZERS
from .nn.training import History

__all__ = ["DEFAULT_MAX_BYTES", "FORMAT_VERSION", "ModelFileError", "load", "save"]

FORMAT = "mlplab-model"
FORMAT_VERSION = 1
DEFAULT_MAX_BYTES = 1 << 30  # 1 GiB
_METADATA = "metadata.json"
_MAX_METADATA_BYTES = 64 << 20
_FLOAT_DTYPES = {"float64": np.dtype("<f8"), "float32": np.dtype("<f4")}
_STATE_ARRAYS = {"sgd": (), "momentum": ("velocity",), "rmsprop": ("square_avg",), "adam": ("m", "v")}
_HISTORY_LISTS = ("train_loss", "train_accuracy", "val_loss", "val_accuracy")
_BIT_GENERATORS = {"PCG64": np.random.PCG64, "PCG64DXSM": np.random.PCG64DXSM}
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # a fixed timestamp: the same model gives the same bytes
_CHUNK = 1 << 24
# Label types a file may hold: str, int, float and bool (and object arrays of them).
_CLASS_DTYPE_KINDS = {"U": str, "i": int, "u": int, "f": float, "b": bool, "O": (str, int, float, bool)}


class ModelFileError(ValueError):
    """A file was rejected by :func:`load`.

    Raised for every problem with a file's content: not a zip archive, not an
    mlplab model, truncated, corrupted (a checksum or CRC mismatch), tampered
    with (unexpected members, object or pickled arrays, shapes or dtypes that
    disagree with the metadata), metadata with missing, unknown or invalid
    fields (NaN included), a newer format version, or larger than
    ``max_bytes``. A file that cannot be opened at all raises the usual
    ``OSError`` (``FileNotFoundError``, ``PermissionError``, ...).
    """


# ====================================================================== save
def save(model, path) -> Path:
    """Write ``model`` to ``path`` as a data-only model file, atomically.

    Parameters
    ----------
    model : MLP or MLPClassifier
        A sheet ``MLP`` (trained or not) or a fitted ``MLPClassifier``.
    path : str or os.PathLike
        The file to write (``.npz`` is a good suffix; none is added); missing
        folders are created. An existing file is replaced only once the new
        one is completely written, and keeps its permissions.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    TypeError
        If ``model`` is not an ``MLP``/``MLPClassifier`` or ``path`` not a path.
    ValueError
        If the model holds something a data-only file cannot (a custom
        optimiser class, labels that are not str, int, float or bool).
    OSError
        If the file cannot be written (full disk, read-only folder, ...); the
        message names the path, and the previous file is unchanged.

    Examples
    --------
    >>> import mlplab
    >>> from mlplab.datasets import make_xor
    >>> X, y = make_xor()
    >>> model = mlplab.MLP([2, 4, 1], "tanh", 0.5, seed=0)
    >>> _ = model.train(X, y, epochs=2000)
    >>> import tempfile, os
    >>> path = os.path.join(tempfile.mkdtemp(), "xor.npz")
    >>> model.save(path)
    >>> (mlplab.load(path).predict(X) == model.predict(X)).all()
    np.True_
    """
    path = _check_path(path)
    if isinstance(model, MLP):
        metadata, arrays = _encode_mlp(model)
    elif _is_classifier(model):
        metadata, arrays = _encode_classifier(model)
    else:
        raise TypeError(f"model must be an mlplab MLP or MLPClassifier, got {type(model).__name__}")
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, f"cannot save the model to {path}: it is a folder")
    with atomic_write(path, "wb") as handle:
        _write_archive(handle, metadata, arrays)
    return path


def _check_path(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or os.PathLike, got {type(path).__name__} {path!r:.60}")
    path = os.fspath(path)
    if not isinstance(path, str):
        raise TypeError(f"path must be a str or os.PathLike of str, got {path!r:.60}")
    if not path or "\0" in path:
        raise ValueError(f"path must be a non-empty file name without NUL characters, got {path!r:.60}")
    return Path(path)


def _is_classifier(model: object) -> bool:
    estimator = sys.modules.get("mlplab.estimator")  # not imported: model cannot be one
    return estimator is not None and isinstance(model, estimator.MLPClassifier)


def _network_metadata(network: Network) -> dict:
    return {
        "layer_sizes": [int(n) for n in network.layer_sizes],
        "activation": network.activation.name,
        "dtype": network.dtype.name,
    }


def _encode_mlp(model: MLP) -> tuple[dict, dict[str, np.ndarray]]:
    optimizer = model.optimizer
    if OPTIMIZERS.get(optimizer.name) is not type(optimizer):
        raise ValueError(
            f"cannot save an MLP with a custom optimizer {type(optimizer).__name__}: "
            f"a model file holds one of {sorted(OPTIMIZERS)}"
        )
    state = optimizer.state()
    names = _STATE_ARRAYS[optimizer.name]
    if sorted(state) != sorted(names):
        raise ValueError(
            f"cannot save optimizer state {sorted(state)} of {optimizer.name!r}: expected {names}"
        )
    arrays = {"params": model.network.params}
    arrays.update({f"optimizer.{name}": state[name] for name in names})
    init = model.init if isinstance(model.init, str) else None  # a callable is not data; its result is
    rngs = {"init": _rng_state(model._init_rng), "shuffle": _rng_state(model._shuffle_rng)}
    metadata = {
        "kind": "MLP",
        "network": _network_metadata(model.network),
        "optimizer": {
            "name": optimizer.name,
            **{k: _json_number(v) for k, v in optimizer.config().items() if k != "name"},
            "n_steps": int(optimizer.n_steps),
        },
        "model": {
            "l2": float(model.l2),
            "init": init,
            "early_stopping": bool(model.early_stopping),
            "patience": int(model.patience),
            "min_delta": float(model.min_delta),
            "validation_fraction": float(model.validation_fraction),
            "restore_best_weights": bool(model.restore_best_weights),
            "fitted": bool(model._fitted),
            "history": None if model.history is None else _history_to_json(model.history),
            "rng": None if None in rngs.values() else rngs,
        },
    }
    return metadata, arrays


def _encode_classifier(model) -> tuple[dict, dict[str, np.ndarray]]:
    from sklearn.utils.validation import check_is_fitted

    check_is_fitted(model)
    params = {}
    for name, value in model.get_params(deep=False).items():
        if name == "hidden_layer_sizes":
            value = [int(v) for v in value] if not isinstance(value, numbers.Integral) else int(value)
        elif name == "dtype":
            value = np.dtype(value).name
        elif name == "random_state":
            value = int(value) if isinstance(value, numbers.Integral) else None  # a generator is not data
        elif isinstance(value, np.generic):
            value = value.item()
        if value is not None and not isinstance(value, (str, int, float, bool, list)):
            raise ValueError(f"cannot save parameter {name}={value!r}: not a JSON value")
        params[name] = value
    classes = model.classes_
    metadata = {
        "kind": "MLPClassifier",
        "network": _network_metadata(model.network_),
        "model": {
            "params": params,
            "classes": _classes_to_json(classes),
            "classes_dtype": classes.dtype.str,
            "n_features_in": int(model.n_features_in_),
            "feature_names_in": (
                [str(name) for name in model.feature_names_in_]
                if hasattr(model, "feature_names_in_")
                else None
            ),
            "loss_curve": [float(v) for v in model.loss_curve_],
            "validation_loss_curve": (
                None
                if model.validation_loss_curve_ is None
                else [float(v) for v in model.validation_loss_curve_]
            ),
            "best_validation_loss": _json_number(model.best_validation_loss_),
        },
    }
    return metadata, {"params": model.network_.params}


def _json_number(value):
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    return float(value)


def _classes_to_json(classes: np.ndarray) -> list:
    kind = classes.dtype.kind
    allowed = _CLASS_DTYPE_KINDS.get(kind)
    if allowed is None or (kind == "O" and classes.dtype != object):
        raise ValueError(
            f"cannot save classes_ of dtype {classes.dtype}: "
            "a model file holds str, int, float or bool labels"
        )
    values = [v.item() if isinstance(v, np.generic) else v for v in classes.tolist()]
    for value in values:
        if not isinstance(value, allowed) or (isinstance(value, float) and not math.isfinite(value)):
            raise ValueError(
                f"cannot save class label {value!r} ({type(value).__name__}): "
                "a model file holds str, int, float or bool labels"
            )
    return values


def _history_to_json(history: History) -> dict:
    data = {name: [float(v) for v in getattr(history, name)] for name in _HISTORY_LISTS}
    data["best_epoch"] = history.best_epoch
    data["best_val_loss"] = None if history.best_val_loss is None else float(history.best_val_loss)
    data["stopped_epoch"] = history.stopped_epoch
    data["restored_best"] = bool(history.restored_best)
    return data


def _rng_state(rng: np.random.Generator) -> dict | None:
    state = rng.bit_generator.state
    if state.get("bit_generator") not in _BIT_GENERATORS:
        return None  # other bit generators keep arrays in their state; training then draws fresh entropy
    return {
        "bit_generator": state["bit_generator"],
        "state": {"state": int(state["state"]["state"]), "inc": int(state["state"]["inc"])},
        "has_uint32": int(state["has_uint32"]),
        "uinteger": int(state["uinteger"]),
    }


def _npy_header(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    npy_format.write_array_header_1_0(buffer, npy_format.header_data_from_array_1_0(array))
    return buffer.getvalue()


def _write_archive(handle, metadata: dict, arrays: dict[str, np.ndarray]) -> None:
    """The zip: one ``.npy`` member per array, streamed and hashed, then ``metadata.json``."""
    entries = {}
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            dtype = _FLOAT_DTYPES[np.dtype(array.dtype).name]
            array = np.ascontiguousarray(array, dtype=dtype)  # little-endian, C order
            header = _npy_header(array)
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
            entries[name] = {"dtype": dtype.str, "shape": list(array.shape), "sha256": digest.hexdigest()}
        document = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "kind": metadata["kind"],
            "mlplab_version": _version(),
            "network": metadata["network"],
            **({"optimizer": metadata["optimizer"]} if "optimizer" in metadata else {}),
            "arrays": entries,
            "model": metadata["model"],
        }
        text = json.dumps(document, separators=(", ", ": "), allow_nan=False) + "\n"
        archive.writestr(_zip_info(_METADATA), text.encode("utf-8"))


def _zip_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _version() -> str:
    from . import __version__

    return __version__


# ====================================================================== load
def load(path, *, max_bytes: int = DEFAULT_MAX_BYTES):
    """Read a model written by :func:`save` (or ``model.save``), checking everything first.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    max_bytes : int, keyword-only
        Largest file, and largest total of uncompressed members, accepted
        (default 1 GiB). Checked before anything is allocated.

    Returns
    -------
    MLP or MLPClassifier
        The model of the ``kind`` recorded in the file, predicting bit for bit
        as the saved one did. A loaded ``MLP`` trains on from where it stopped
        (weights, optimiser state, random generators). Loading an
        ``MLPClassifier`` needs scikit-learn.

    Raises
    ------
    ModelFileError
        For every rejected file: see :class:`ModelFileError`.
    TypeError, ValueError
        For a ``path`` that is not a path, or a bad ``max_bytes``.
    OSError
        If the file cannot be opened (missing, a folder, no permission).
    """
    path = _check_path(path)
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
            metadata, spec, arrays = _read_archive(handle, int(max_bytes))
            if spec.kind == "MLP":
                return _decode_mlp(metadata, spec, arrays)
            return _decode_classifier(metadata, spec, arrays)
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


@dataclass(frozen=True)
class _Spec:
    """What checked metadata promises: the model's kind, its network, and every array's dtype and shape."""

    kind: str
    network: dict
    arrays: dict[str, tuple[np.dtype, tuple[int, ...]]]


def _read_archive(handle, max_bytes: int) -> tuple[dict, _Spec, dict[str, np.ndarray]]:
    with zipfile.ZipFile(handle) as archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise ModelFileError(f"duplicate members in the archive: {sorted(names)}")
        if _METADATA not in names:
            raise ModelFileError(f"no {_METADATA} member: not an mlplab model file (members {names[:10]})")
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
        size = archive.getinfo(_METADATA).file_size
        if size > _MAX_METADATA_BYTES:
            raise ModelFileError(f"{_METADATA} has {size} bytes, more than {_MAX_METADATA_BYTES}")
        metadata = _parse_json(archive.read(_METADATA))
        spec = _check_metadata(metadata)
        expected_members = {_METADATA} | {f"{name}.npy" for name in spec.arrays}
        if set(names) != expected_members:
            raise ModelFileError(
                f"members {sorted(names)} differ from the expected {sorted(expected_members)}"
            )
        needed = sum(dtype.itemsize * math.prod(shape) for dtype, shape in spec.arrays.values())
        if needed > max_bytes:
            raise ModelFileError(f"the arrays would take {needed} bytes, more than max_bytes={max_bytes}")
        arrays = {
            name: _read_array(archive, name, dtype, shape, metadata["arrays"][name]["sha256"])
            for name, (dtype, shape) in spec.arrays.items()
        }
    return metadata, spec, arrays


def _parse_json(raw: bytes) -> dict:
    def reject_constant(name: str):
        raise ModelFileError(f"{_METADATA} holds {name}, which is not a number")

    def finite_float(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ModelFileError(f"{_METADATA} holds {text}, which is not a finite number")
        return value

    def no_duplicates(pairs: list) -> dict:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ModelFileError(f"{_METADATA} repeats a key among {keys}")
        return dict(pairs)

    document = json.loads(
        raw.decode("utf-8"),
        parse_constant=reject_constant,
        parse_float=finite_float,
        object_pairs_hook=no_duplicates,
    )
    if not isinstance(document, dict):
        raise ModelFileError(f"{_METADATA} must hold a JSON object, got {type(document).__name__}")
    return document


# ------------------------------------------------------------- field checks
def _keys(obj: object, where: str, required: set[str] | list[str]) -> dict:
    """``obj`` must be a JSON object with exactly the ``required`` keys."""
    if not isinstance(obj, dict):
        raise ModelFileError(f"{where} must be a JSON object, got {_show(obj)}")
    missing, unknown = set(required) - set(obj), set(obj) - set(required)
    if missing or unknown:
        raise ModelFileError(
            f"{where} has missing fields {sorted(missing)} and unknown fields {sorted(unknown)}"
        )
    return obj


def _int(value: object, where: str, low: int = 0, null: bool = False) -> int | None:
    if value is None and null:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise ModelFileError(f"{where} must be an integer >= {low}, got {_show(value)}")
    return value


def _float(value: object, where: str, null: bool = False) -> float | None:
    if value is None and null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelFileError(f"{where} must be a finite number, got {_show(value)}")
    return float(value)


def _bool(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ModelFileError(f"{where} must be true or false, got {_show(value)}")
    return value


def _str(value: object, where: str, choices=None, null: bool = False) -> str | None:
    if value is None and null:
        return None
    if not isinstance(value, str) or (choices is not None and value not in choices):
        expected = f"one of {sorted(choices)}" if choices is not None else "a string"
        raise ModelFileError(f"{where} must be {expected}, got {_show(value)}")
    return value


def _list(value: object, where: str, null: bool = False) -> list | None:
    if value is None and null:
        return None
    if not isinstance(value, list):
        raise ModelFileError(f"{where} must be a list, got {_show(value)}")
    return value


def _floats(value: object, where: str, null: bool = False) -> list[float] | None:
    if _list(value, where, null) is None:
        return None
    return [_float(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _show(value: object) -> str:
    text = (
        json.dumps(value)
        if isinstance(value, (dict, list, str, int, float, bool, type(None)))
        else repr(value)
    )
    return text if len(text) <= 60 else text[:57] + "..."


# ------------------------------------------------------------ the metadata
def _check_metadata(metadata: dict) -> _Spec:
    """Check the fields every model shares and derive the arrays the file must hold."""
    fmt = metadata.get("format")
    if fmt != FORMAT:
        raise ModelFileError(f"format must be {FORMAT!r}, got {_show(fmt)}: not an mlplab model file")
    version = _int(metadata.get("format_version"), "format_version", low=1)
    if version != FORMAT_VERSION:
        raise ModelFileError(
            f"format_version {version} is not supported: this mlplab reads format_version {FORMAT_VERSION}"
        )
    kind = _str(metadata.get("kind"), "kind", {"MLP", "MLPClassifier"})
    top = ["format", "format_version", "kind", "mlplab_version", "network", "arrays", "model"]
    _keys(metadata, "metadata", [*top, "optimizer"] if kind == "MLP" else top)
    _str(metadata["mlplab_version"], "mlplab_version")

    network = _keys(metadata["network"], "network", ["layer_sizes", "activation", "dtype"])
    sizes = _list(network["layer_sizes"], "network.layer_sizes")
    if len(sizes) < 2:
        raise ModelFileError(f"network.layer_sizes needs at least 2 entries, got {_show(sizes)}")
    for i, size in enumerate(sizes):
        _int(size, f"network.layer_sizes[{i}]", low=1)
    _str(network["activation"], "network.activation", set(ACTIVATIONS))
    dtype = _FLOAT_DTYPES[_str(network["dtype"], "network.dtype", set(_FLOAT_DTYPES))]
    n_params = sum(n_out * n_in + n_out for n_in, n_out in itertools.pairwise(sizes))

    expected = {"params": (dtype, (n_params,))}
    if kind == "MLP":
        optimizer = metadata["optimizer"]
        name = optimizer.get("name") if isinstance(optimizer, dict) else None
        name = _str(name, "optimizer.name", set(OPTIMIZERS))
        for state in _STATE_ARRAYS[name]:
            expected[f"optimizer.{state}"] = (dtype, (n_params,))

    entries = _keys(metadata["arrays"], "arrays", list(expected))
    for name, (dtype_, shape) in expected.items():
        entry = _keys(entries[name], f"arrays.{name}", ["dtype", "shape", "sha256"])
        if entry["dtype"] != dtype_.str:
            raise ModelFileError(f"arrays.{name}.dtype must be {dtype_.str!r}, got {_show(entry['dtype'])}")
        if entry["shape"] != list(shape):
            raise ModelFileError(f"arrays.{name}.shape must be {list(shape)}, got {_show(entry['shape'])}")
        digest = _str(entry["sha256"], f"arrays.{name}.sha256")
        if len(digest) != 64 or digest.strip("0123456789abcdef"):
            raise ModelFileError(f"arrays.{name}.sha256 must be 64 hex digits, got {_show(digest)}")
    return _Spec(kind, {"layer_sizes": sizes, "activation": network["activation"], "dtype": dtype}, expected)


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


# ------------------------------------------------------------- the models
def _decode_mlp(metadata: dict, spec: _Spec, arrays: dict[str, np.ndarray]) -> MLP:
    optimizer_fields = metadata["optimizer"]
    name = optimizer_fields["name"]
    cls = OPTIMIZERS[name]
    hyper = [key for key in cls().config() if key != "name"]
    _keys(optimizer_fields, "optimizer", ["name", "n_steps", *hyper])
    n_steps = _int(optimizer_fields["n_steps"], "optimizer.n_steps")
    settings = {key: _float(optimizer_fields[key], f"optimizer.{key}") for key in hyper}
    fields = _keys(
        metadata["model"],
        "model",
        [
            "l2",
            "init",
            "early_stopping",
            "patience",
            "min_delta",
            "validation_fraction",
            "restore_best_weights",
            "fitted",
            "history",
            "rng",
        ],
    )
    history = None if fields["history"] is None else _history_from_json(fields["history"])
    rngs = None
    if fields["rng"] is not None:
        rng_fields = _keys(fields["rng"], "model.rng", ["init", "shuffle"])
        rngs = {key: _rng_from_json(rng_fields[key], f"model.rng.{key}") for key in ("init", "shuffle")}
    try:
        optimizer = cls(**settings)
        model = MLP(
            spec.network["layer_sizes"],
            spec.network["activation"],
            optimizer.learning_rate,
            optimizer=optimizer,
            l2=_float(fields["l2"], "model.l2"),
            seed=0,  # replaced below by the saved generators
            init=_str(fields["init"], "model.init", null=True),
            early_stopping=_bool(fields["early_stopping"], "model.early_stopping"),
            patience=_int(fields["patience"], "model.patience", low=1),
            min_delta=_float(fields["min_delta"], "model.min_delta"),
            validation_fraction=_float(fields["validation_fraction"], "model.validation_fraction"),
            restore_best_weights=_bool(fields["restore_best_weights"], "model.restore_best_weights"),
            dtype=spec.network["dtype"].newbyteorder("="),
        )
    except (TypeError, ValueError) as exc:
        if isinstance(exc, ModelFileError):
            raise
        raise ModelFileError(f"the model's settings are invalid: {exc}") from exc
    np.copyto(model.network.params, arrays["params"])
    for state in _STATE_ARRAYS[name]:
        np.copyto(getattr(model.optimizer, state), arrays[f"optimizer.{state}"])
    model.optimizer.n_steps = n_steps
    model._fitted = _bool(fields["fitted"], "model.fitted")
    model.history = history
    if rngs is None:
        rngs = dict(zip(("init", "shuffle"), rng_from_seed(None).spawn(2)))
    model._init_rng, model._shuffle_rng = rngs["init"], rngs["shuffle"]
    return model


def _history_from_json(data: object) -> History:
    scalars = ["best_epoch", "best_val_loss", "stopped_epoch", "restored_best"]
    fields = _keys(data, "model.history", [*_HISTORY_LISTS, *scalars])
    history = History()
    for name in _HISTORY_LISTS:
        setattr(history, name, _floats(fields[name], f"model.history.{name}"))
    history.best_epoch = _int(fields["best_epoch"], "model.history.best_epoch", low=1, null=True)
    history.best_val_loss = _float(fields["best_val_loss"], "model.history.best_val_loss", null=True)
    history.stopped_epoch = _int(fields["stopped_epoch"], "model.history.stopped_epoch", low=1, null=True)
    history.restored_best = _bool(fields["restored_best"], "model.history.restored_best")
    n = len(history.train_loss)
    if (
        len(history.train_accuracy) != n
        or len(history.val_loss) not in (0, n)
        or len(history.val_accuracy) != len(history.val_loss)
        or not all(0.0 <= a <= 1.0 for a in (*history.train_accuracy, *history.val_accuracy))
        or any(epoch is not None and epoch > n for epoch in (history.best_epoch, history.stopped_epoch))
    ):
        raise ModelFileError(
            "model.history is inconsistent: every list needs one entry per epoch (validation lists may be "
            "empty), accuracies lie in [0, 1], and best_epoch and stopped_epoch are epochs that ran"
        )
    return history


def _rng_from_json(data: object, where: str) -> np.random.Generator:
    fields = _keys(data, where, ["bit_generator", "state", "has_uint32", "uinteger"])
    kind = _str(fields["bit_generator"], f"{where}.bit_generator", set(_BIT_GENERATORS))
    inner = _keys(fields["state"], f"{where}.state", ["state", "inc"])
    values = {
        "state": _int(inner["state"], f"{where}.state.state"),
        "inc": _int(inner["inc"], f"{where}.state.inc"),
        "has_uint32": _int(fields["has_uint32"], f"{where}.has_uint32"),
        "uinteger": _int(fields["uinteger"], f"{where}.uinteger"),
    }
    for key, limit in (("state", 1 << 128), ("inc", 1 << 128), ("has_uint32", 2), ("uinteger", 1 << 32)):
        if values[key] >= limit:
            raise ModelFileError(f"{where}: {key} must be below {limit}, got {values[key]}")
    bit_generator = _BIT_GENERATORS[kind]()
    bit_generator.state = {
        "bit_generator": kind,
        "state": {"state": values["state"], "inc": values["inc"]},
        "has_uint32": values["has_uint32"],
        "uinteger": values["uinteger"],
    }
    return np.random.Generator(bit_generator)


def _classes_from_json(values: object, dtype_text: object) -> np.ndarray:
    values = _list(values, "model.classes")
    dtype_text = _str(dtype_text, "model.classes_dtype")
    try:
        dtype = np.dtype(dtype_text)
    except TypeError as exc:
        raise ModelFileError(f"model.classes_dtype {dtype_text!r} is not a NumPy dtype") from exc
    allowed = _CLASS_DTYPE_KINDS.get(dtype.kind)
    if allowed is None or dtype.str != dtype_text or (dtype.kind == "U" and dtype.itemsize > 4096):
        raise ModelFileError(
            f"model.classes_dtype must be a str, int, float, bool or object dtype, got {dtype_text!r}"
        )
    for i, value in enumerate(values):
        if not isinstance(value, allowed) or (isinstance(value, bool) and dtype.kind in "iuf"):
            raise ModelFileError(f"model.classes[{i}] = {_show(value)} does not fit dtype {dtype_text!r}")
    if dtype.kind == "O":
        classes = np.empty(len(values), dtype=object)
        classes[:] = values
    else:
        with np.errstate(over="raise", invalid="raise"):
            classes = np.array(values, dtype=dtype)
        if classes.tolist() != values:  # e.g. 300 in int8, a string longer than the dtype
            raise ModelFileError(f"model.classes {_show(values)} do not fit dtype {dtype_text!r}")
    try:
        ordered = np.unique(classes)
    except TypeError as exc:  # mixed label types do not sort
        raise ModelFileError(f"model.classes {_show(values)} cannot be sorted: {exc}") from exc
    if classes.size < 2 or ordered.size != classes.size or not (ordered == classes).all():
        raise ModelFileError(f"model.classes must be at least 2 distinct sorted labels, got {_show(values)}")
    return classes


def _decode_classifier(metadata: dict, spec: _Spec, arrays: dict[str, np.ndarray]):
    from .estimator import MLPClassifier  # needs scikit-learn: an ImportError names the extra

    fields = _keys(
        metadata["model"],
        "model",
        [
            "params",
            "classes",
            "classes_dtype",
            "n_features_in",
            "feature_names_in",
            "loss_curve",
            "validation_loss_curve",
            "best_validation_loss",
        ],
    )
    params = _keys(fields["params"], "model.params", list(MLPClassifier().get_params(deep=False)))
    params = dict(params)
    if isinstance(params["hidden_layer_sizes"], list):
        params["hidden_layer_sizes"] = tuple(params["hidden_layer_sizes"])
    for key, value in params.items():
        if isinstance(value, (dict, list)):
            raise ModelFileError(
                f"model.params.{key} must be a number, string, bool or null, got {_show(value)}"
            )
    model = MLPClassifier(**params)
    try:
        settings = model._check_params()
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"model.params are invalid: {exc}") from exc
    classes = _classes_from_json(fields["classes"], fields["classes_dtype"])
    n_features = _int(fields["n_features_in"], "model.n_features_in", low=1)
    n_outputs = 1 if classes.size == 2 else classes.size
    layer_sizes = [n_features, *settings.hidden, n_outputs]
    if spec.network["layer_sizes"] != layer_sizes:
        raise ModelFileError(
            f"network.layer_sizes {spec.network['layer_sizes']} disagree with n_features_in, "
            f"hidden_layer_sizes and {classes.size} classes: expected {layer_sizes}"
        )
    if spec.network["activation"] != settings.activation or spec.network["dtype"].name != settings.dtype.name:
        raise ModelFileError(
            f"network activation/dtype {spec.network['activation']}/{spec.network['dtype'].name} disagree "
            f"with the parameters {settings.activation}/{settings.dtype.name}"
        )
    names = _list(fields["feature_names_in"], "model.feature_names_in", null=True)
    if names is not None and (len(names) != n_features or not all(isinstance(n, str) for n in names)):
        raise ModelFileError(f"model.feature_names_in must be {n_features} strings, got {_show(names)}")
    loss_curve = _floats(fields["loss_curve"], "model.loss_curve")
    validation_curve = _floats(fields["validation_loss_curve"], "model.validation_loss_curve", null=True)
    if (validation_curve is not None) != settings.early_stopping or (
        validation_curve is not None and len(validation_curve) != len(loss_curve)
    ):
        raise ModelFileError(
            "model.validation_loss_curve must be a list as long as loss_curve with early stopping, else null"
        )
    history = History(train_loss=loss_curve, val_loss=validation_curve or [])
    history.best_val_loss = _float(fields["best_validation_loss"], "model.best_validation_loss", null=True)

    network = Network(layer_sizes, settings.activation, dtype=settings.dtype)
    np.copyto(network.params, arrays["params"])
    model.n_features_in_ = n_features
    if names is not None:
        model.feature_names_in_ = np.asarray(names, dtype=object)
    model._set_fitted(network, classes, history, settings)
    return model
