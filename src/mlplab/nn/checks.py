"""Input checks for the public boundary.

Every check raises a ``ValueError`` or ``TypeError`` that names the argument and
the value it got, before any work is done, so that no raw NumPy ``IndexError``
or broadcast error ever reaches a user. Arrays must hold plain real numbers:
masked arrays (whose mask NumPy would silently drop), ``timedelta64`` and
``datetime64`` data are refused, not converted.
"""

from __future__ import annotations

import inspect
import math
import numbers
import sys
from collections.abc import Sequence

import numpy as np

__all__ = [
    "MAX_COUNT",
    "as_plain_array",
    "as_real_array",
    "check_bool",
    "check_call_form",
    "check_callbacks",
    "check_data",
    "check_dtype",
    "check_features",
    "check_fraction",
    "check_labels",
    "check_layer_sizes",
    "check_nonnegative_float",
    "check_positive_float",
    "check_positive_int",
    "check_targets",
    "refuse_lossy",
    "rng_from_seed",
    "short_repr",
    "short_sizes",
]


def short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)`` on one line, cut to ``limit`` characters (for error messages)."""
    text = " ".join(repr(value).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


_short = short_repr


def short_sizes(sizes: Sequence[int], limit: int = 8) -> str:
    """``[2, 3, 1]`` as written, a long list as ``[2, 3, 3, ..., 3, 1] (3002 layers)`` (for reprs)."""
    sizes = list(sizes)
    if len(sizes) <= limit:
        return repr(sizes)
    head, tail = ", ".join(map(str, sizes[:3])), ", ".join(map(str, sizes[-2:]))
    return f"[{head}, ..., {tail}] ({len(sizes)} widths)"


def check_bool(value: object, name: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (NumPy's bool too), or raise naming ``name``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {_short(value)}")
    return bool(value)


def check_dtype(dtype: object, name: str = "dtype") -> np.dtype:
    """Return ``dtype`` as ``numpy.float32`` or ``numpy.float64``, or raise naming ``name``.

    ``None`` (which NumPy reads as float64) and a non-native byte order (``'>f8'``
    on a little-endian machine) are refused: the dtype is the computation's type.
    """
    if dtype is None:
        raise TypeError(f"{name} must be float32 or float64, got None")
    try:
        resolved = np.dtype(dtype)
    except TypeError:
        error = ValueError if isinstance(dtype, str) else TypeError  # 'banana' is a bad value, 3 a bad type
        raise error(f"{name} must be float32 or float64, got {_short(dtype)}") from None
    shown = _short(dtype) if isinstance(dtype, str) else resolved.name
    if (
        resolved.kind == "f"
        and not resolved.isnative
        and resolved.newbyteorder("=") in (np.float32, np.float64)
    ):
        order = "big" if resolved.byteorder == ">" else "little"
        raise ValueError(
            f"{name} must be float32 or float64 in the machine's byte order, "
            f"got {_short(dtype)} ({order}-endian {resolved.name})"
        )
    if resolved not in (np.float32, np.float64):
        raise ValueError(f"{name} must be float32 or float64, got {shown}")
    return resolved


_COUNTS = {1: "one", 2: "two", 3: "three"}


def check_call_form(function: object, name: str, form: str, *example: object) -> None:
    """Raise a ``TypeError`` naming ``name`` unless ``function`` can be called as ``form``.

    ``example`` are arguments of the right kind; ``inspect.signature`` must
    bind them. A callable without an inspectable signature (a class such as
    ``dict``, some builtins) is refused too: what it would do with the
    arguments cannot be known before it is called mid-training. Wrap it in a
    ``def`` or a ``lambda`` to use it.
    """
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a callable {form} whose signature can be inspected, got {_short(function)} "
            "(wrap it in a def or a lambda)"
        ) from None
    try:
        signature.bind(*example)
    except TypeError as error:
        count = _COUNTS.get(len(example), len(example))
        raise TypeError(
            f"{name} must be a callable {form} taking {count} positional arguments, "
            f"got {_short(function)} with signature {signature} ({error})"
        ) from None


def check_callbacks(callbacks: object, name: str = "callbacks") -> list:
    """Return ``callbacks`` as a list of callables ``callback(epoch, history)``.

    Each one must accept two positional arguments, checked by
    :func:`check_call_form` before training, so a wrong signature is not found
    only after the first epoch.
    """
    if callbacks is None or isinstance(callbacks, (str, bytes)) or not hasattr(callbacks, "__iter__"):
        raise TypeError(f"{name} must be a sequence of callables, got {_short(callbacks)}")
    callbacks = list(callbacks)
    for i, callback in enumerate(callbacks):
        if not callable(callback):
            raise TypeError(
                f"{name} must hold callables callback(epoch, history), got {_short(callback)} at index {i}"
            )
        check_call_form(callback, f"{name}[{i}]", "callback(epoch, history)", 1, None)
    return callbacks


def rng_from_seed(seed: object, name: str = "seed") -> np.random.Generator:
    """A ``numpy.random.Generator`` from ``seed``, or a clear error.

    ``seed`` may be ``None`` (fresh entropy), a non-negative int, a
    ``SeedSequence``, a ``Generator`` (used as it is) or a legacy
    ``RandomState`` (which seeds a new Generator from one draw of its stream).
    """
    if seed is None or isinstance(seed, (np.random.SeedSequence, np.random.Generator)):
        return np.random.default_rng(seed)
    if isinstance(seed, np.random.RandomState):
        return np.random.default_rng(seed.randint(np.iinfo(np.int32).max))
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise TypeError(
            f"{name} must be None, a non-negative int, a SeedSequence or a Generator, got {_short(seed)}"
        )
    if seed < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {seed!r}")
    return np.random.default_rng(int(seed))


#: the largest count (epochs, batch size, patience…) any check accepts: far beyond any real run,
#: and it keeps every count a 64-bit integer, so a typo like ``10**400`` is refused, not run for ever
MAX_COUNT = 10**9


def check_positive_int(value: object, name: str, *, allow_none: bool = False) -> int | None:
    """Return ``value`` as an ``int`` from 1 to :data:`MAX_COUNT`, or raise naming ``name``."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, got {_short(value)}")
    if value < 1:
        raise ValueError(f"{name} must be a positive integer (>= 1), got {_short(value)}")
    if value > MAX_COUNT:
        raise ValueError(f"{name} must be at most {MAX_COUNT:,}, got {_short(value)}")
    return int(value)


def _as_float(value: numbers.Real, name: str, what: str) -> float:
    """``float(value)``; an int too large for a float (``10**400``) is a ``ValueError`` naming ``name``."""
    try:
        return float(value)
    except OverflowError:
        raise ValueError(f"{name} must be {what}, got {_short(value)}, too large for a float") from None


def check_positive_float(value: object, name: str) -> float:
    """Return ``value`` as a finite ``float`` > 0, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive real number, got {_short(value)}")
    value = _as_float(value, name, "a finite number > 0")
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0, got {value!r}")
    return value


def check_nonnegative_float(value: object, name: str) -> float:
    """Return ``value`` as a finite ``float`` >= 0, or raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a non-negative real number, got {_short(value)}")
    value = _as_float(value, name, "a finite number >= 0")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
    return value


def check_fraction(value: object, name: str, *, low_open: bool = True) -> float:
    """Return ``value`` as a float in the open interval (0, 1)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number in (0, 1), got {_short(value)}")
    value = _as_float(value, name, "a number strictly between 0 and 1")
    if not (0.0 < value < 1.0):
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value!r}")
    return value


def check_layer_sizes(layer_sizes: object, name: str = "layer_sizes") -> tuple[int, ...]:
    """Validate ``[n_input, hidden_1, ..., n_output]``."""
    if isinstance(layer_sizes, (str, bytes)) or not isinstance(layer_sizes, (Sequence, np.ndarray)):
        raise TypeError(
            f"{name} must be a list of layer widths [input, hidden..., output], got {_short(layer_sizes)}"
        )
    sizes = list(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(
            f"{name} must have at least 2 entries (input and output width), got {_short(layer_sizes)}"
        )
    for i, size in enumerate(sizes):
        if isinstance(size, bool) or not isinstance(size, numbers.Integral):
            raise TypeError(f"{name}[{i}] must be an integer, got {_short(size)} in {_short(layer_sizes)}")
        if size < 1:
            raise ValueError(f"{name}[{i}] must be a positive integer, got {size!r} in {_short(layer_sizes)}")
    return tuple(int(s) for s in sizes)


def _scalar(value) -> object:
    """A NumPy scalar as a plain Python number, for readable messages."""
    return value.item() if hasattr(value, "item") else value


_REAL_KINDS = "biuf"  # bool, int, uint, float: not timedelta64 ('m'), datetime64 ('M'), objects...


def refuse_lossy(value: object, name: str, *, times: bool = False) -> None:
    """Refuse what a conversion to float would silently change: masked arrays and time types.

    A masked array (or a list of them) would lose its mask; ``timedelta64`` and
    ``datetime64`` would become counts of their unit. For faces that hand data
    to a converter of their own (scikit-learn's ``validate_data``) first.
    ``times=True`` lets time types pass (labels of a classifier may be dates).
    """
    masked = sys.modules.get("numpy.ma")  # None: no masked array can exist (importing it costs ~30 ms)
    if masked is not None and (isinstance(value, masked.MaskedArray) or (
        isinstance(value, (list, tuple)) and any(isinstance(item, masked.MaskedArray) for item in value)
    )):  # fmt: skip
        raise TypeError(
            f"{name} must be a plain array, got a masked array (its mask would be dropped); "
            f"pass {name}.filled(...) or {name}.compressed() explicitly"
        )
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    if kind in ("m", "M") and not times:
        raise TypeError(f"{name} must hold real numbers, got dtype {value.dtype}")


def as_plain_array(value: object, name: str) -> np.ndarray:
    """``np.asarray(value)``, refusing a masked array (``asarray`` would drop its mask), or a list of them."""
    refuse_lossy(value, name)
    try:
        return np.asarray(value)
    except Exception as exc:  # ragged lists and the like
        raise ValueError(f"{name} could not be converted to an array: {exc}") from None


def as_real_array(value: object, name: str, dtype=np.float64) -> np.ndarray:
    """Return ``value`` as a finite, C-contiguous array of ``dtype`` (any shape).

    Rejects ``None``, ragged lists, strings, objects, complex numbers,
    ``timedelta64``/``datetime64`` and masked arrays with a
    ``TypeError``/``ValueError`` naming ``name``; NaN, ±inf and numbers too
    large for ``dtype`` (e.g. 1e300 for float32) with a ``ValueError`` giving
    the value and its index.
    """
    if value is None:
        raise TypeError(f"{name} must be an array of real numbers, got None")
    array = as_plain_array(value, name)
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must hold real numbers, got complex dtype {array.dtype}")
    if array.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{name} must hold real numbers, got dtype {array.dtype}: {_short(value)}")
    wide = array.astype(np.float64, copy=False)
    finite = np.isfinite(wide)
    if not finite.all():
        bad = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(f"{name} must be finite, got {_scalar(wide[bad])!r} at index {bad}")
    limit = np.finfo(dtype).max
    if np.dtype(dtype) != np.float64 and wide.size and np.abs(wide).max() > limit:
        bad = tuple(int(i) for i in np.argwhere(np.abs(wide) > limit)[0])
        raise ValueError(
            f"{name} holds {_scalar(wide[bad])!r} at index {bad}, too large for {np.dtype(dtype).name}"
        )
    return np.asarray(wide, dtype=dtype, order="C")  # (ascontiguousarray would make 0-D 1-D)


def check_features(X: object, name: str = "X", *, dtype: np.dtype | type = np.float64) -> np.ndarray:
    """Return ``X`` as a finite 2-D array of shape ``(n_samples, n_features)``."""
    if X is None:
        raise TypeError(f"{name} must be a 2-D array of shape (n_samples, n_features), got None")
    array = as_real_array(X, name, dtype)
    if array.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape (n_samples, n_features), "
            f"got {array.ndim}-D array with shape {array.shape}"
        )
    if array.shape[0] == 0:
        raise ValueError(f"{name} must contain at least one sample, got shape {array.shape}")
    if array.shape[1] == 0:
        raise ValueError(f"{name} must contain at least one feature, got shape {array.shape}")
    return array


def check_data(X: object, n_features: int, name: str = "X", *, dtype=np.float64) -> np.ndarray:
    """Check ``X`` and that it has ``n_features`` columns."""
    array = check_features(X, name, dtype=dtype)
    if array.shape[1] != n_features:
        raise ValueError(
            f"{name} has {array.shape[1]} features per sample, but the network expects "
            f"{n_features} (shape {array.shape})"
        )
    return array


def check_labels(y: object, n_samples: int, n_outputs: int, name: str = "y") -> np.ndarray:
    """Return class labels as an ``int64`` array of shape ``(n_samples,)``.

    With one output unit the labels must be 0 or 1 (binary classification);
    with ``k >= 2`` output units they must be integers in ``0 .. k-1``.
    A column vector of shape ``(n_samples, 1)`` is accepted and flattened.
    """
    if y is None:
        raise TypeError(f"{name} must be an array of class labels, got None")
    array = as_plain_array(y, name)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.ndim != 1:
        raise ValueError(
            f"{name} must be a 1-D array of class labels of shape (n_samples,), got shape {array.shape}"
        )
    if np.iscomplexobj(array):
        raise TypeError(f"{name} must hold real class labels, got complex dtype {array.dtype}")
    if array.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{name} must hold numeric class labels, got dtype {array.dtype}")
    if array.shape[0] != n_samples:
        raise ValueError(
            f"{name} has {array.shape[0]} labels, but X has {n_samples} samples; they must match"
        )
    n_classes = 2 if n_outputs == 1 else n_outputs
    allowed = (
        "0 or 1 (one output unit: binary classification)"
        if n_outputs == 1
        else f"integers in 0..{n_outputs - 1} ({n_outputs} output units)"
    )
    if np.issubdtype(array.dtype, np.floating):
        if not np.isfinite(array).all():
            bad = int(np.argwhere(~np.isfinite(array))[0, 0])
            raise ValueError(f"{name} must be finite, got {_scalar(array[bad])!r} at index {bad}")
        fractional = array != np.round(array)
        if fractional.any():
            bad = int(np.argmax(fractional))
            raise ValueError(
                f"{name} must hold integer class labels, got {_scalar(array[bad])!r} at index {bad}"
            )
    outside = (array < 0) | (array >= n_classes)  # compared before any cast: 1e20 stays 1e20
    if outside.any():
        bad = int(np.argmax(outside))
        raise ValueError(f"{name} must hold labels {allowed}, got {_scalar(array[bad])!r} at index {bad}")
    labels = array.astype(np.int64)
    return labels


def check_targets(y: object, n_samples: int, n_outputs: int, name: str = "y", dtype=np.float64) -> np.ndarray:
    """Return real-valued regression targets as an array of shape ``(n_samples, n_outputs)``.

    A vector of shape ``(n_samples,)`` is accepted for one output.
    """
    array = as_real_array(y, name, dtype)
    if array.ndim == 1 and n_outputs == 1:
        array = array.reshape(-1, 1)
    if array.ndim != 2 or array.shape[1] != n_outputs:
        expected = f"({n_samples},) or ({n_samples}, 1)" if n_outputs == 1 else f"({n_samples}, {n_outputs})"
        raise ValueError(f"{name} must have shape {expected} for {n_outputs} output(s), got {array.shape}")
    if array.shape[0] != n_samples:
        raise ValueError(
            f"{name} has {array.shape[0]} targets, but X has {n_samples} samples; they must match"
        )
    return array
