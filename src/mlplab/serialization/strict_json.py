"""``metadata.json``: written without NaN or infinity, read strictly and within bounds.

The reader bounds what parsing can allocate before it parses (bytes, values,
strings, containers), refuses NaN, infinity, repeated keys and integers beyond
±2**128, and needs an object at the top.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable

from .errors import ModelFileError, bounded, show

__all__ = [
    "MAX_INFLATED_METADATA_BYTES",
    "MAX_JSON_CONTAINERS",
    "MAX_JSON_INT",
    "MAX_JSON_ITEMS",
    "MAX_JSON_STRINGS",
    "MAX_METADATA_BYTES",
    "METADATA",
    "check_metadata",
    "json_text",
    "parse_json",
]

METADATA = "metadata.json"
MAX_METADATA_BYTES = 32 << 20
#: beyond this, ``metadata.json`` may not be larger than the whole file (mlplab stores it uncompressed):
#: a small deflated file cannot make the parser allocate much
MAX_INFLATED_METADATA_BYTES = 16 << 20
#: at most this many commas and brackets in ``metadata.json``: bounds what parsing it allocates
MAX_JSON_ITEMS = 1_000_000
#: at most this many lists and objects (an empty one costs 56 bytes or more once parsed)
MAX_JSON_CONTAINERS = 10_000
#: at most this many strings, keys included (a short one costs about 60 bytes once parsed)
MAX_JSON_STRINGS = 250_000
#: integers in ``metadata.json`` lie strictly within +-2**128 (a PCG64 state is below it)
MAX_JSON_INT = 1 << 128


def json_text(document: dict) -> str:
    """``document`` as the JSON text of ``metadata.json``; ``ValueError`` naming a field JSON cannot hold."""
    problem = _json_problem(document, "")
    if problem is not None:
        raise ValueError(bounded(f"cannot save the model: {problem}"))
    return json.dumps(document, separators=(", ", ": "), allow_nan=False)


def _json_problem(value: object, where: str) -> str | None:
    """What in ``value`` strict JSON cannot hold (a non-finite float, a non-str key, ...), by field."""
    name = where or "the document"
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return f"{name} has a key {key!r:.60} that is not a str"
            problem = _json_problem(item, f"{where}.{key}" if where else key)
            if problem is not None:
                return problem
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            problem = _json_problem(item, f"{where}[{i}]")
            if problem is not None:
                return problem
    elif isinstance(value, float):
        if not math.isfinite(value):
            return f"{name} is {value}, not a finite number"
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= MAX_JSON_INT:
        return f"{name} is {show(value)}, beyond the +-2**128 an integer in a model file may reach"
    elif value is not None and not isinstance(value, (str, int, bool)):
        return f"{name} is a {type(value).__name__}, not a JSON value"
    return None


def check_metadata(raw: bytes) -> None:
    """The limits on ``metadata.json`` that bound what parsing it allocates."""
    if len(raw) > MAX_METADATA_BYTES:
        raise ModelFileError(f"{METADATA} has {len(raw)} bytes, more than {MAX_METADATA_BYTES}")
    containers = raw.count(b"[") + raw.count(b"{")
    if containers > MAX_JSON_CONTAINERS:
        raise ModelFileError(
            f"{METADATA} holds about {containers} lists and objects, more than {MAX_JSON_CONTAINERS}"
        )
    strings = raw.count(b'"') // 2  # an escaped quote only makes the count larger
    if strings > MAX_JSON_STRINGS:
        raise ModelFileError(f"{METADATA} holds about {strings} strings, more than {MAX_JSON_STRINGS}")
    items = raw.count(b",") + containers
    if items > MAX_JSON_ITEMS:
        raise ModelFileError(f"{METADATA} holds about {items} values, more than {MAX_JSON_ITEMS}")


def parse_json(raw: bytes, before: Callable[[], None] | None = None) -> dict:
    """Strict JSON: no NaN or infinity, no repeated key, an object at the top, within the limits.

    ``before()`` runs first (the member's final checks: its CRC-32); the bytes are dropped once
    decoded, so that they and the parsed document never take memory together.
    """
    if before is not None:
        before()
    check_metadata(raw)
    text = raw.decode("utf-8")
    del raw  # the caller holds no reference: the bytes are freed before parsing

    def reject_constant(name: str):
        raise ModelFileError(f"{METADATA} holds {name}, which is not a number")

    def finite_float(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ModelFileError(f"{METADATA} holds {text:.60}, which is not a finite number")
        return value

    def bounded_int(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > 39 or abs(value := int(text)) >= MAX_JSON_INT:  # 2**128 has 39 digits
            raise ModelFileError(f"{METADATA} holds an integer of {digits} digits, beyond +-2**128")
        return value

    def no_duplicates(pairs: list) -> dict:
        keys = [key for key, _ in pairs]
        if len(set(keys)) != len(keys):
            raise ModelFileError(f"{METADATA} repeats a key among {show(keys[:20])}")
        return dict(pairs)

    document = json.loads(
        text,
        parse_constant=reject_constant,
        parse_float=finite_float,
        parse_int=bounded_int,
        object_pairs_hook=no_duplicates,
    )
    if not isinstance(document, dict):
        raise ModelFileError(f"{METADATA} must hold a JSON object, got {type(document).__name__}")
    return document
