"""The building blocks of the report, shared by the PDF and the notebook renderer.

A document is a list of blocks. The structure (which heading, paragraph,
equation, figure, table or code cell comes where) is the same in every
language; only the words differ, and they are looked up by key in the
language's prose table (:mod:`mlplab.report.prose_en`, :mod:`~mlplab.report.prose_de`).

Prose may contain ``{name}`` placeholders, filled from the facts computed from
the results (so the text cannot disagree with the numbers), ``{m:name}`` for
inline maths from :data:`INLINE` and ``` `code` ``` spans.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["INLINE", "Cell", "Claim", "Code", "Equation", "Figure", "Heading", "Para", "Table", "TableData"]


@dataclass(frozen=True)
class Heading:
    level: int
    key: str


@dataclass(frozen=True)
class Para:
    key: str


@dataclass(frozen=True)
class Claim:
    """A paragraph whose statement the results choose: ``choose(data)`` returns one of ``keys``.

    A qualitative sentence (which setting wins, what causes what, whether a
    measurement lies under a bound) is never written as fixed prose: each of
    its versions is a prose key, and ``choose``, a small function of the
    section's data, picks the one the numbers support. The facts fill in the
    numbers it rests on. :func:`~mlplab.report.sections.assemble` turns it into
    the :class:`Para` of the chosen key, so the renderers see paragraphs only;
    the tests alter the data so that the opposite holds and see the sentence change.
    """

    keys: tuple[str, ...]
    choose: Callable[..., str]

    def resolve(self, data) -> Para:
        """The paragraph that ``data`` supports."""
        key = self.choose(data)
        if key not in self.keys:
            raise ValueError(f"claim {self.choose.__name__} chose {key!r}, not one of {self.keys}")
        return Para(key)


@dataclass(frozen=True)
class Equation:
    name: str


@dataclass(frozen=True)
class Figure:
    """``experiment/stem.png`` (notebook) or ``.svg`` (PDF), with a caption key."""

    experiment: str
    stem: str
    caption: str
    width: str = "100%"


@dataclass(frozen=True)
class Table:
    """A table made by ``producer(data, text, lang)`` from its section's data, with a caption key.

    ``producer`` is a function of the section's module (see
    :class:`mlplab.report.sections.base.Section`) that returns a :class:`TableData`.
    """

    producer: Callable[..., TableData]
    caption: str


@dataclass(frozen=True)
class Code:
    """Python source: a live cell in the notebook; a listing in the PDF if ``listing``."""

    source: str
    listing: bool = False
    run: bool = True
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cell:
    """One table cell: plain text, or maths in both markups."""

    text: str = ""
    typst_math: str | None = None
    latex: str | None = None

    def markdown(self) -> str:
        """The cell in Markdown: LaTeX maths, or the text with ``|`` escaped."""
        if self.latex is not None:
            return f"${self.latex}$"
        return self.text.replace("|", "\\|")


class TableData(NamedTuple):
    """What a table producer returns: a header row, body rows of the same width, alignments."""

    header: list[Cell]
    rows: list[list[Cell]]
    align: list[str] | None = None  # one of 'left'/'right' per column; None: all left


#: inline maths used in prose as ``{m:name}``: (typst, latex)
INLINE: dict[str, tuple[str, str]] = {
    "dz3": ("(partial L)/(partial z^((3)))", r"\partial L/\partial z^{(3)}"),
    "yhat_minus_y": ("hat(y) - y", r"\hat{y} - y"),
    "yhat": ("hat(y)", r"\hat{y}"),
    "sigma_prime": ("sigma'(z)", r"\sigma'(z)"),
    "sigma_prime_max": ("sigma'(z) <= 1/4", r"\sigma'(z) \le \tfrac14"),
    "quarter_depth": ("(1/4)^(D-1)", r"(1/4)^{D-1}"),
    "delta_l": ("bold(delta)^((l))", r"\boldsymbol{\delta}^{(l)}"),
    "W_l": ("bold(W)^((l))", r"\mathbf{W}^{(l)}"),
    "W_shape": ("(n_(l), n_(l-1))", r"(n_l, n_{l-1})"),
    "X_shape": ("(n, d)", r"(n, d)"),
    "lambda": ("lambda", r"\lambda"),
    "alpha": ("alpha", r"\alpha"),
    "beta": ("beta", r"\beta"),
    "two_lambda_W": ("2 lambda bold(W)^((l))", r"2\lambda\mathbf{W}^{(l)}"),
    "relu_prime": ("f'(z) = 1 quad (z > 0)", r"f'(z) = 1\ (z > 0)"),
    "one_over_one_minus_beta": ("1 \\/ (1 - beta)", r"1/(1-\beta)"),
}
