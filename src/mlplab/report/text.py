"""Prose in two markups: placeholders, inline maths and code spans, per language.

``fill(template, facts, target)`` turns a prose string into Typst markup
(``target='typst'``) or Markdown with LaTeX maths (``target='markdown'``):
``{name}`` becomes ``facts[name]`` (escaped), ``{m:name}`` the inline maths of
:data:`~mlplab.report.blocks.INLINE`, and ``` `code` ``` stays code.
"""

from __future__ import annotations

import math
import re

from ..lab._words import significant
from .blocks import INLINE

__all__ = [
    "escape",
    "fill",
    "fmt_g",
    "fmt_layers",
    "fmt_num",
    "fmt_pct",
    "fmt_pm",
    "fmt_rate",
    "fmt_sci",
    "fmt_sig",
    "placeholders",
]

_TOKEN = re.compile(r"\{(m:)?([A-Za-z0-9_]+)\}|`[^`]*`")
_TYPST_SPECIAL = re.compile(r"([\\#$@<>\[\]*_~\"])")
_MARKDOWN_SPECIAL = re.compile(r"([\\*_\[\]<>#|$])")


def escape(text: str, target: str) -> str:
    """Escape ``text`` so that it shows literally in ``target`` markup."""
    pattern = _TYPST_SPECIAL if target == "typst" else _MARKDOWN_SPECIAL
    return pattern.sub(r"\\\1", text)


def fill(template: str, facts: dict[str, str], target: str) -> str:
    """Render one prose string for ``target`` ('typst' or 'markdown')."""
    out, last = [], 0
    for match in _TOKEN.finditer(template):
        out.append(escape(template[last : match.start()], target))
        token = match.group(0)
        if token.startswith("`"):
            out.append(token)  # a code span is the same in both markups
        elif match.group(1):
            typst_math, latex = INLINE[match.group(2)]
            out.append(f"${typst_math}$" if target == "typst" else f"${latex}$")
        else:
            out.append(escape(str(facts[match.group(2)]), target))
        last = match.end()
    out.append(escape(template[last:], target))
    return "".join(out)


def placeholders(template: str) -> set[str]:
    """The ``{name}`` and ``{m:name}`` fields of a prose string."""
    return {
        (f"m:{m.group(2)}" if m.group(1) else m.group(2))
        for m in _TOKEN.finditer(template)
        if not m.group(0).startswith("`")
    }


def fmt_num(value: float | None, digits: int, lang: str) -> str:
    """``1234.5`` → ``'1234.50'`` (en) or ``'1234,50'`` (de); ``None``/NaN → ``'–'``."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


def fmt_pct(value: float | None, lang: str, digits: int = 1) -> str:
    """A share as a percentage: ``0.985`` → ``'98.5 %'`` / ``'98,5 %'``.

    A share below 1 never prints as 100 % (``0.9996`` → ``'>99.9 %'``), nor one above 0 as 0 %.
    """
    if value is None:
        return "–"
    text, step = fmt_num(100.0 * value, digits, lang), 10.0**-digits
    if value > 0 and 100.0 * value < step / 2:
        text = "<" + fmt_num(step, digits, lang)
    elif value < 1 and 100.0 * value >= 100 - step / 2:
        text = ">" + fmt_num(100 - step, digits, lang)
    return f"{text}\u202f%"


def fmt_sci(value: float | None, lang: str, digits: int = 1) -> str:
    """``3.2e-09`` → ``'3.2e-09'`` (en) or ``'3,2e-09'`` (de)."""
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{value:.{digits}e}"
    return text.replace(".", ",") if lang == "de" else text


def fmt_sig(value: float | None, lang: str, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits, so that a table keeps its value.

    A larger integer part is written whole, a value below 0.001 in
    scientific notation: ``2620.7`` → ``'2621'``, ``215.6`` → ``'216'``,
    ``0.06993`` → ``'0.0699'``, ``0.8`` → ``'0.800'``, ``0.00093`` →
    ``'9.30e-04'`` (``'9,30e-04'`` in German); ``None``/NaN → ``'–'``.
    """
    if value is None:
        return "–"
    return significant(value, lang, digits)


def fmt_g(value: float, lang: str) -> str:
    """The shortest form of a number: ``0.001`` → ``'0.001'`` / ``'0,001'``; ``1.0`` → ``'1'``."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def fmt_rate(value: float, lang: str) -> str:
    """A learning rate or λ without trailing zeros: ``0.0030`` → ``'0.003'``; below 1e-4 as ``1e-05``.

    Never rounds a positive value to ``0`` (four decimals would print 1e-5 so).
    """
    if 1e-4 <= value < 1:
        return fmt_num(value, 4, lang).rstrip("0").rstrip(",.")
    return fmt_g(value, lang)


def fmt_layers(sizes) -> str:
    """Layer sizes as the sheet writes them: ``[2, 4, 1]``."""
    return "[" + ", ".join(str(s) for s in sizes) + "]"


def fmt_pm(mean: float | None, std: float | None, lang: str, pct: bool = True, digits: int = 1) -> str:
    """``mean ± std``, as percentages if ``pct``; the mean alone without ``std``; ``'–'`` without a mean."""
    if mean is None:
        return "–"
    if pct:
        text = fmt_pct(mean, lang, digits)
        return text if std is None else f"{text} ± {fmt_num(100 * std, digits, lang)}"
    text = fmt_num(mean, digits, lang)
    return text if std is None else f"{text} ± {fmt_num(std, digits, lang)}"
