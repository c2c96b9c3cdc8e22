"""Strict readers for the fields of a model file's JSON document.

Each returns the value when it has the expected type and range and raises
:class:`~mlplab.serialization.archive.ModelFileError` naming the field
(``where``, a dotted path) and the value otherwise.
"""

from __future__ import annotations

import math

from .archive import ModelFileError, show

__all__ = ["bool_", "float_", "floats", "int_", "keys", "list_", "show", "str_"]


def keys(obj: object, where: str, required: set[str] | list[str]) -> dict:
    """``obj`` must be a JSON object with exactly the ``required`` keys."""
    if not isinstance(obj, dict):
        raise ModelFileError(f"{where} must be a JSON object, got {show(obj)}")
    missing, unknown = set(required) - set(obj), set(obj) - set(required)
    if missing or unknown:
        raise ModelFileError(
            f"{where} has missing fields {sorted(missing)} and unknown fields {sorted(unknown)}"
        )
    return obj


def int_(value: object, where: str, low: int = 0, null: bool = False, high: int = 2**63) -> int | None:
    """An integer in ``[low, high)``; the upper bound keeps huge numbers out of NumPy."""
    if value is None and null:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value < high:
        raise ModelFileError(f"{where} must be an integer >= {low} and < {high}, got {show(value)}")
    return value


def float_(value: object, where: str, null: bool = False) -> float | None:
    if value is None and null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelFileError(f"{where} must be a finite number, got {show(value)}")
    return float(value)


def bool_(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ModelFileError(f"{where} must be true or false, got {show(value)}")
    return value


def str_(value: object, where: str, choices=None, null: bool = False) -> str | None:
    if value is None and null:
        return None
    if not isinstance(value, str) or (choices is not None and value not in choices):
        expected = f"one of {sorted(choices)}" if choices is not None else "a string"
        raise ModelFileError(f"{where} must be {expected}, got {show(value)}")
    return value


def list_(value: object, where: str, null: bool = False) -> list | None:
    if value is None and null:
        return None
    if not isinstance(value, list):
        raise ModelFileError(f"{where} must be a list, got {show(value)}")
    return value


def floats(value: object, where: str, null: bool = False) -> list[float] | None:
    if list_(value, where, null) is None:
        return None
    return [float_(v, f"{where}[{i}]") for i, v in enumerate(value)]
