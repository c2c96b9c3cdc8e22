"""Class labels in a model file: a JSON list and the NumPy dtype string, checked both ways.

A file holds str, int, float or bool labels (and object arrays of them); the
loaded labels must be at least two distinct ones, sorted, and fit the dtype.
"""

from __future__ import annotations

import math

import numpy as np

from .archive import ModelFileError
from .fields import list_, show, str_

__all__ = ["classes_from_json", "classes_to_json"]

_CLASS_DTYPE_KINDS = {"U": str, "i": int, "u": int, "f": float, "b": bool, "O": (str, int, float, bool)}
MAX_LABEL_CHARS = 1024


def classes_to_json(classes: np.ndarray) -> list:
    kind = classes.dtype.kind
    allowed = _CLASS_DTYPE_KINDS.get(kind)
    if allowed is None or (kind == "O" and classes.dtype != object):
        raise ValueError(
            f"cannot save classes_ of dtype {classes.dtype}: "
            "a model file holds str, int, float or bool labels"
        )
    values = [v.item() if isinstance(v, np.generic) else v for v in classes.tolist()]
    for value in values:
        if isinstance(value, str) and len(value) > MAX_LABEL_CHARS:
            raise ValueError(
                f"cannot save class label {value[:40]!r}...: longer than {MAX_LABEL_CHARS} characters"
            )
        if not isinstance(value, allowed) or (isinstance(value, float) and not math.isfinite(value)):
            raise ValueError(
                f"cannot save class label {value!r} ({type(value).__name__}): "
                "a model file holds str, int, float or bool labels"
            )
    return values


def classes_from_json(values: object, dtype_text: object) -> np.ndarray:
    values = list_(values, "face.classes")
    dtype_text = str_(dtype_text, "face.classes_dtype")
    try:
        dtype = np.dtype(dtype_text)
    except TypeError as exc:
        raise ModelFileError(f"face.classes_dtype {dtype_text!r} is not a NumPy dtype") from exc
    allowed = _CLASS_DTYPE_KINDS.get(dtype.kind)
    if (
        allowed is None
        or dtype.str != dtype_text
        or (dtype.kind == "U" and dtype.itemsize > 4 * MAX_LABEL_CHARS)
    ):
        raise ModelFileError(
            f"face.classes_dtype must be a str, int, float, bool or object dtype, got {dtype_text!r}"
        )
    for i, value in enumerate(values):
        if not isinstance(value, allowed) or (isinstance(value, bool) and dtype.kind in "iuf"):
            raise ModelFileError(f"face.classes[{i}] = {show(value)} does not fit dtype {dtype_text!r}")
    if dtype.kind == "O":
        classes = np.empty(len(values), dtype=object)
        classes[:] = values
    else:
        with np.errstate(over="raise", invalid="raise"):
            classes = np.array(values, dtype=dtype)
        if classes.tolist() != values:  # e.g. 300 in int8, a string longer than the dtype
            raise ModelFileError(f"face.classes {show(values)} do not fit dtype {dtype_text!r}")
    try:
        ordered = np.unique(classes)
    except TypeError as exc:  # mixed label types do not sort
        raise ModelFileError(f"face.classes {show(values)} cannot be sorted: {exc}") from exc
    if classes.size < 2 or ordered.size != classes.size or not (ordered == classes).all():
        raise ModelFileError(f"face.classes must be at least 2 distinct sorted labels, got {show(values)}")
    return classes
