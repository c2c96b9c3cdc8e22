"""Safe model files: :func:`save` and :func:`load`.

A model file holds data only, so loading one can never run code (unlike
``pickle``): an uncompressed zip archive (NumPy's ``.npz`` layout) of
``.npy`` arrays and a ``metadata.json`` document. Three layers, imports
pointing down:

* :mod:`~mlplab.serialization.archive` — the zip, ``.npy`` streaming,
  checksums and size limits; knows no model.
* :mod:`~mlplab.serialization.model_codec` — a :class:`~mlplab.model.Model`
  (network, head, loss, optimiser and its state, history, random streams) to
  and from document fields and arrays.
* one codec per model kind (``"MLP"``, ``"MLPClassifier"``), kept with the
  face it saves and registered here with :func:`register`; the document's
  ``kind`` picks it on loading, and ``face`` holds what the face adds.

:func:`save` writes atomically: a temporary file in the same folder, flushed
and ``fsync``-ed, then moved over ``path`` with ``os.replace``. If anything
fails, the previous file is unchanged and no temporary file remains. The same
model always gives the same bytes. Files of format version 1 (mlplab 0.1)
still load. Before writing, :func:`save` runs the document and arrays through
the checks :func:`load` applies (:func:`check_before_saving`), so a file it
writes is a file :func:`load` reads.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .._version import __version__
from . import fields, v1
from .archive import (
    DEFAULT_MAX_BYTES,
    FLOAT_DTYPES,
    FORMAT,
    FORMAT_VERSION,
    ModelFileError,
    bounded,
    check_path,
    json_text,
    parse_json,
    read_archive,
    write_archive,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMAT",
    "FORMAT_VERSION",
    "Codec",
    "ModelFileError",
    "load",
    "register",
    "save",
]


@dataclass(frozen=True)
class Codec:
    """How one kind of model goes into a file and comes back.

    Attributes
    ----------
    kind : str
        The document's ``kind``.
    model_type : type
        The class :func:`save` recognises.
    encode : callable
        ``encode(model) -> (document fields, arrays)``.
    expect : callable
        ``expect(document) -> {array name: (dtype, shape)}`` after checking the fields.
    decode : callable
        ``decode(document, arrays) -> model``; raises :class:`ModelFileError`.
    """

    kind: str
    model_type: type
    encode: Callable[[object], tuple[dict, dict[str, np.ndarray]]]
    expect: Callable[[dict], dict]
    decode: Callable[[dict, dict[str, np.ndarray]], object]


#: the fields of a version 2 document (a codec's own fields go into ``face``)
TOP_FIELDS = ("format", "format_version", "kind", "mlplab_version", "network", "head", "loss", "optimizer",
              "arrays", "model", "face")  # fmt: skip

_CODECS: dict[str, Codec] = {}
#: kind -> the module that registers its codec when imported (each face keeps its codec beside it;
#: a name here is not an import: the module is imported only when a file of that kind is read)
_PROVIDERS: dict[str, str] = {"MLP": "mlplab.mlp", "MLPClassifier": "mlplab.estimator", "MLPRegressor": "mlplab.estimator"}  # fmt: skip  # noqa: E501


def register(codec: Codec | None = None, *, kind: str | None = None, provider: str | None = None) -> None:
    """Register ``codec``, or name the module (``provider``) that registers ``kind`` when imported."""
    if codec is not None:
        _CODECS[codec.kind] = codec
    elif kind is not None and provider is not None:
        _PROVIDERS[kind] = provider
    else:
        raise TypeError("register needs a Codec, or kind= and provider=")


def _codec_for_kind(kind: object) -> Codec:
    if isinstance(kind, str) and kind not in _CODECS and kind in _PROVIDERS:
        importlib.import_module(_PROVIDERS[kind])  # e.g. the estimator, which needs scikit-learn
    known = sorted({*_CODECS, *_PROVIDERS})
    if not isinstance(kind, str) or kind not in _CODECS:
        raise ModelFileError(f"kind must be one of {known}, got {fields.show(kind)}")
    return _CODECS[kind]


def save(model, path) -> Path:
    """Write ``model`` to ``path`` as a data-only model file, atomically.

    Parameters
    ----------
    model : MLP or MLPClassifier
        A sheet ``MLP`` (trained or not) or a fitted ``MLPClassifier``.
    path : str or os.PathLike
        The file to write (``.mlplab`` is a good suffix; none is added);
        missing folders are created. An existing regular file is replaced only
        once the new one is completely written, and keeps its permissions.
        Anything else at ``path`` is refused, a symbolic link included (it is
        not followed: pass its target, ``os.path.realpath(path)``, to write there).
        The check comes before the final rename, not atomically with it: a
        process that puts something else at ``path`` in between is not
        stopped (POSIX has no rename that refuses to replace a special file;
        the rename itself replaces only the directory entry, never writes into a
        device or FIFO).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    TypeError
        If ``model`` is of no registered kind or ``path`` not a path.
    ValueError
        If the model holds something a data-only file cannot (a custom
        optimiser class, labels that are not str, int, float or bool), or
        anything :func:`load` would refuse (NaN written into the weights, an
        attribute set to an invalid value, labels longer than 1024 characters,
        an infinite number): the model is checked by :func:`load`'s own rules
        before anything is written, and the message names the field.
    IsADirectoryError, FileExistsError
        If ``path`` is a folder, or a symbolic link, FIFO, socket or device.
    OSError
        If the file cannot be written (full disk, read-only folder, ...); the
        message names the path, and the previous file is unchanged.

    Examples
    --------
    >>> import mlplab, os, tempfile
    >>> from mlplab.datasets import make_xor
    >>> X, y = make_xor()
    >>> model = mlplab.MLP([2, 4, 1], "tanh", 0.5, seed=0)
    >>> _ = model.train(X, y, epochs=2000)
    >>> path = os.path.join(tempfile.mkdtemp(), "xor.mlplab")
    >>> _ = mlplab.save(model, path)
    >>> (mlplab.load(path).predict(X) == model.predict(X)).all()
    np.True_
    """
    path = check_path(path)
    codec = next((c for c in _CODECS.values() if isinstance(model, c.model_type)), None)
    if codec is None:
        kinds = sorted(_CODECS)
        raise TypeError(f"model must be an mlplab model ({', '.join(kinds)}), got {type(model).__name__}")
    document, arrays = codec.encode(model)
    document = {"kind": codec.kind, **document}
    check_before_saving(codec, document, arrays)
    return write_archive(path, document, arrays)


def check_before_saving(codec: Codec, document: dict, arrays: dict[str, np.ndarray]) -> None:
    """Apply :func:`load`'s rules to what :func:`save` is about to write; ``ValueError`` naming the field.

    The document goes through the same JSON text and strict parser, the same
    :func:`_check_document`, the same array checks (names, dtype, shape, finite
    values) and the codec's own ``decode``, so that a file :func:`save` writes is
    one :func:`load` reads (given a ``max_bytes`` of at least the file's size).
    """
    header = {"format": FORMAT, "format_version": FORMAT_VERSION, "mlplab_version": __version__}
    entries = {  # as write_archive records them; the SHA-256 is known only while writing
        name: {"dtype": np.dtype(array.dtype).str, "shape": list(np.shape(array)), "sha256": "0" * 64}
        for name, array in arrays.items()
    }
    text = json_text({**header, **document, "arrays": entries})
    try:
        document, spec = _check_document(parse_json(text.encode("utf-8")))
        checked = {}
        if set(arrays) != set(spec):
            raise ModelFileError(f"arrays {sorted(arrays)} differ from the expected {sorted(spec)}")
        for name, (dtype, shape) in spec.items():
            array = np.asarray(arrays[name])
            if FLOAT_DTYPES.get(array.dtype.name) != dtype or array.shape != shape:
                raise ModelFileError(f"{name} is {array.dtype} {array.shape}, expected {dtype} {shape}")
            if not np.isfinite(array).all():
                raise ModelFileError(f"{name} holds non-finite values (NaN or infinity)")
            checked[name] = np.array(array, dtype=dtype.newbyteorder("="))  # a copy: decode may keep it
        _decode(codec, document, checked)
    except ModelFileError as exc:
        raise ValueError(bounded(f"cannot save the model, load would refuse the file: {exc}")) from None


def _check_document(document: dict) -> tuple[dict, dict]:
    """The codec-ready document (format 1 upgraded) and the arrays it promises, from a parsed one."""
    codec = _codec_for_kind(document.get("kind"))
    fields.str_(document.get("mlplab_version"), "mlplab_version")
    if document["format_version"] == 1:
        document = v1.upgrade(document)
    else:
        fields.keys(document, "metadata", TOP_FIELDS)
    return document, codec.expect(document)


def load(path, *, max_bytes: int = DEFAULT_MAX_BYTES):
    """Read a model written by :func:`save`, checking everything first.

    Parameters
    ----------
    path : str or os.PathLike
        The model file.
    max_bytes : int, keyword-only
        Largest file, and largest total of uncompressed members, accepted
        (default 1 GiB). Checked before anything is allocated; no member is
        ever inflated beyond its declared size, so loading any file costs
        about its declared content, at most ``max_bytes``.

    Returns
    -------
    MLP or MLPClassifier
        The model of the ``kind`` recorded in the file, predicting bit for bit
        as the saved one did. A loaded ``MLP`` trains on from where it stopped
        (weights, optimiser state, random streams). Loading an
        ``MLPClassifier`` needs scikit-learn.

    Raises
    ------
    ModelFileError
        For every rejected file: see :class:`ModelFileError`. A FIFO, socket
        or device is refused without being opened for reading (no blocking).
    TypeError, ValueError
        For a ``path`` that is not a path, or a bad ``max_bytes``.
    OSError
        If the file cannot be opened (missing, a folder, no permission).
    """
    chosen: list[dict] = []

    def expect(document: dict) -> dict:
        document, spec = _check_document(document)
        chosen.append(document)
        return spec

    _, arrays = read_archive(path, max_bytes, expect)
    document = chosen[0]
    try:
        return _decode(_codec_for_kind(document["kind"]), document, arrays)
    except ModelFileError as exc:
        raise ModelFileError(f"{path} was rejected: {exc}") from exc


def _decode(codec: Codec, document: dict, arrays: dict[str, np.ndarray]):
    """``codec.decode``, with any error a checked document still provokes as a :class:`ModelFileError`."""
    try:
        return codec.decode(document, arrays)
    except ModelFileError:
        raise
    except (TypeError, ValueError, OverflowError, KeyError, IndexError, ArithmeticError) as exc:
        raise ModelFileError(f"the model cannot be rebuilt: {type(exc).__name__}: {exc}") from exc
