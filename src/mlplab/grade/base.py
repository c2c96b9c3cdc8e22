"""The contract of a grading check: what it is worth, what it tells the student.

A :class:`Check` has an ``id`` (``"backward.gradients"``), a ``criterion``
(one of :data:`CRITERIA`), the points it is worth and a function
``run(ctx) -> Outcome``. Its feedback is a message *key* with parameters,
so one run can be written in any language: every key lives in a
``MESSAGES`` table ``{key: {"en": template, "de": template}}`` next to the
check that uses it, and :func:`render` fills the template, formatting numbers
for the language (a decimal comma in German).

Checks run inside the sandbox's worker process, against the student's class
seen through a :class:`~mlplab.grade.conventions.Student` (which knows how
that student stores weights and gradients). A check must be deterministic:
its random draws come from ``ctx.rng`` (seeded by the check's id), and the
worker seeds NumPy's and Python's global generators before each check, for
student code that uses them.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

#: the criteria of the issue, in the order of the sheet's task 2.1 and its bonus
CRITERIA = (
    "api",
    "initialization",
    "forward",
    "numeric_example",
    "backward",
    "training_loop",
    "predict_score",
    "vectorization",
    "momentum",
    "l2",
    "adaptive",
)
#: bonus criteria: extra credit, like the sheet's "+15" (not part of a submission's max_score)
BONUS = ("momentum", "l2", "adaptive")
LANGS = ("en", "de")


@dataclass(frozen=True)
class Outcome:
    """What one check found: points earned and the feedback's message key and parameters.

    ``details`` are further lines (key, params) for the Markdown feedback,
    e.g. one per layer.
    """

    score: float
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    details: tuple[tuple[str, Mapping[str, object]], ...] = ()


@dataclass(frozen=True)
class Context:
    """What a check gets: the student's class behind its conventions, and a seeded generator."""

    student: object  # mlplab.grade.conventions.Student
    rng: np.random.Generator
    time_limit: float  # seconds this check may take in all (the sandbox kills it after that)


@dataclass(frozen=True)
class Check:
    """One graded check.

    ``needs`` names what the check cannot do without: ``"params"`` (the
    student's weights found and writable), ``"gradients"`` (what
    ``_backward`` computes found), or a bonus feature (``"momentum"``,
    ``"l2"``, ``"adaptive"``: the constructor keyword found). A check whose
    needs are not met is not run; it scores 0 and says why.
    """

    id: str
    criterion: str
    points: float
    run: Callable[[Context], Outcome]
    needs: tuple[str, ...] = ()

    def __post_init__(self):
        if self.criterion not in CRITERIA:
            raise ValueError(f"criterion must be one of {CRITERIA}, got {self.criterion!r}")

    @property
    def bonus(self) -> bool:
        return self.criterion in BONUS


def describe_error(error: BaseException, limit: int = 200) -> str:
    """``Type: message`` of an exception raised by student code, cut to ``limit`` characters for feedback."""
    text = f"{type(error).__name__}: {error}"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def seed_for(check_id: str) -> int:
    """The seed of a check's generator: a fixed function of its id (stable across runs and machines)."""
    return zlib.crc32(check_id.encode())


def _number(value: float, lang: str) -> str:
    if isinstance(value, (bool, np.bool_)):
        return str(value)
    if isinstance(value, (int, np.integer)):
        text = f"{int(value):,}"
        return text.replace(",", ".") if lang == "de" else text
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    text = f"{value:.3g}" if (value == 0 or 1e-3 <= abs(value) < 1e5) else f"{value:.2e}"
    return text.replace(".", ",") if lang == "de" else text


def render(
    messages: Mapping[str, Mapping[str, str]], key: str, params: Mapping[str, object], lang: str
) -> str:
    """The feedback sentence of ``key`` in ``lang``, numbers formatted for the language.

    Floats and ints in ``params`` are formatted (three significant digits;
    German with a decimal comma); other values are used as they are.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    try:
        template = messages[key][lang]
    except KeyError:
        raise KeyError(f"no {lang!r} feedback for message {key!r}") from None
    values = {
        name: _number(value, lang) if isinstance(value, (int, float, np.integer, np.floating)) else value
        for name, value in params.items()
    }
    return template.format(**values)
