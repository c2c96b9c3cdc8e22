"""The error of a rejected model file, and short texts for its messages."""

from __future__ import annotations

import json

__all__ = ["MAX_MESSAGE_CHARS", "ModelFileError", "bounded", "show"]

#: every error message is cut to this many characters
MAX_MESSAGE_CHARS = 1000


class ModelFileError(ValueError):
    """A file was rejected by :func:`mlplab.load`.

    Raised for every problem with a file's content: not a zip archive, not an
    mlplab model, truncated, corrupted (a checksum or CRC mismatch), tampered
    with (unexpected members, object or pickled arrays, shapes or dtypes that
    disagree with the metadata), metadata with missing, unknown or invalid
    fields (NaN included), a newer format version, or larger than
    ``max_bytes``. A file that cannot be opened at all raises the usual
    ``OSError`` (``FileNotFoundError``, ``PermissionError``, ...).

    The message is cut to ``MAX_MESSAGE_CHARS`` characters, whatever the file holds.
    """

    def __init__(self, message: object = "") -> None:
        super().__init__(bounded(str(message)))


def bounded(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut in its middle to at most ``limit`` characters (its start names the file)."""
    if len(text) <= limit:
        return text
    head = limit * 2 // 3
    tail = limit - head - 40
    return f"{text[:head]} ...[{len(text) - head - tail} characters cut]... {text[-tail:]}"


def show(value: object) -> str:
    """A JSON value as short text for an error message."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return f"an integer of {value.bit_length()} bits"  # str() of a huge int is slow or refused
    try:
        text = (
            json.dumps(value)
            if isinstance(value, (dict, list, str, int, float, bool, type(None)))
            else repr(value)
        )
    except (ValueError, TypeError, RecursionError):  # a huge int or a cycle inside
        text = f"a {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."
