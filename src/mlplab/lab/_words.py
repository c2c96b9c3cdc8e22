"""The words and numbers of the lab's figures, in each language of the report.

Every experiment draws each figure once per language of :data:`LANGS` (see
:func:`mlplab.lab.plotting.each_language`): titles, axes and legends come from
:data:`WORDS` (or from the experiment's own table of the same shape), numbers
from :func:`number` and :func:`percent`, which write German with a decimal comma.
A German figure is the file ``<stem>.de.svg`` / ``.png`` next to the English ``<stem>.svg``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

__all__ = ["LANGS", "WORDS", "figure_stem", "number", "percent", "significant", "word"]

#: the languages every figure is drawn in; the first is the default
LANGS = ("en", "de")

#: terms shared by several figures: key -> {lang: text}
WORDS: dict[str, dict[str, str]] = {
    "epoch": {"en": "epoch", "de": "Epoche"},
    "loss": {"en": "loss", "de": "Verlust"},
    "bce": {"en": "binary cross-entropy", "de": "binäre Kreuzentropie"},
    "training_loss": {"en": "training loss", "de": "Trainingsverlust"},
    "validation_loss": {"en": "validation loss", "de": "Validierungsverlust"},
    "test_loss": {"en": "test loss", "de": "Testverlust"},
    "accuracy": {"en": "accuracy", "de": "Genauigkeit"},
    "training_accuracy": {"en": "training accuracy", "de": "Trainingsgenauigkeit"},
    "test_accuracy": {"en": "test accuracy", "de": "Testgenauigkeit"},
    "class": {"en": "class", "de": "Klasse"},
    "p_class_1": {"en": "P(class 1)", "de": "P(Klasse 1)"},
    "decision_boundary": {"en": "decision boundary", "de": "Entscheidungsgrenze"},
    "learning_rate": {"en": "learning rate", "de": "Lernrate"},
    "layer": {"en": "layer", "de": "Schicht"},
    "seed": {"en": "seed", "de": "Startwert"},
    "seeds": {"en": "seeds", "de": "Startwerte"},
    "hidden_units": {"en": "hidden units", "de": "verdeckte Neuronen"},
    "depth": {"en": "depth", "de": "Tiefe"},
    "wall_time": {"en": "wall time", "de": "Laufzeit"},
}


def word(key: str, lang: str, table: Mapping[str, Mapping[str, str]] = WORDS) -> str:
    """The text of ``key`` in ``lang`` (``table``: :data:`WORDS` or an experiment's own)."""
    return table[key][lang]


def number(value: float, digits: int, lang: str) -> str:
    """``value`` with ``digits`` decimals, with a decimal comma in German."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


def percent(share: float, lang: str, digits: int = 1) -> str:
    """A share in [0, 1] as a percentage: ``99.5 %`` (en), ``99,5 %`` (de).

    Never rounds up to 100 % what is below it, nor down to 0 % what is above it,
    so a figure does not claim a perfect score that the data do not have.
    """
    scaled = 100 * share
    text = number(scaled, digits, lang)
    step = 10.0**-digits
    if math.isfinite(scaled) and 0 < scaled < step / 2:
        text = "<" + number(step, digits, lang)
    elif math.isfinite(scaled) and 100 - step / 2 <= scaled < 100:
        text = ">" + number(100 - step, digits, lang)
    return f"{text} %"


def figure_stem(stem: str, lang: str) -> str:
    """The file stem of figure ``stem`` in ``lang``: ``stem`` for English, ``stem.de`` for German."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return stem if lang == LANGS[0] else f"{stem}.{lang}"


def significant(value: float, lang: str, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits (a larger integer part whole), decimal comma in German.

    2620.7 → ``2621``, 215.6 → ``216``, 0.8 → ``0.800``, 0.00093 → ``9.30e-04``; the same rule as
    the report's tables (``report.text.fmt_sig``), so a figure shows what the table shows.
    """
    if value == 0 or not math.isfinite(value):
        text = "0" if value == 0 else "–"
    elif abs(value) >= 10**digits:
        text = f"{value:.0f}"
    elif abs(value) >= 1e-3:
        decimals = max(digits - 1 - math.floor(math.log10(abs(value))), 0)
        text = f"{value:.{decimals}f}"
    else:
        text = f"{value:.{digits - 1}e}"
    return text.replace(".", ",") if lang == "de" else text
