"""Both languages stay in step; every equation and inline formula compiles."""

import pytest

from mlplab.report import prose
from mlplab.report.blocks import INLINE
from mlplab.report.equations import EQUATIONS, TYPST_PREAMBLE
from mlplab.report.text import fill, fmt_num, fmt_pct, placeholders


def test_languages_have_the_same_keys_and_placeholders():
    en, de = prose("en"), prose("de")
    assert set(en) == set(de)
    for key in en:
        assert placeholders(en[key]) == placeholders(de[key]), key


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match=r"lang must be one of \('en', 'de'\), got 'fr'"):
        prose("fr")


def test_every_equation_and_inline_formula_compiles_in_typst():
    typst = pytest.importorskip("typst")
    body = "\n".join(f"$ {t} $" for t, _ in EQUATIONS.values())
    body += "\n" + " ".join(f"${t}$" for t, _ in INLINE.values())
    source = "#set document(date: none)\n" + TYPST_PREAMBLE + body
    assert typst.compile(source.encode())[:5] == b"%PDF-"


def test_fill_escapes_markup_and_substitutes():
    text = "Loss {loss} with `code_x` and {m:yhat} costs 5 $ #1 *x*"
    typst = fill(text, {"loss": "0.5"}, "typst")
    assert typst == "Loss 0.5 with `code_x` and $hat(y)$ costs 5 \\$ \\#1 \\*x\\*"
    markdown = fill(text, {"loss": "0.5"}, "markdown")
    assert markdown == "Loss 0.5 with `code_x` and $\\hat{y}$ costs 5 \\$ \\#1 \\*x\\*"


def test_number_formats_per_language():
    assert fmt_num(0.98512, 3, "en") == "0.985"
    assert fmt_num(0.98512, 3, "de") == "0,985"
    assert fmt_pct(0.985, "de") == "98,5\u202f%"
    assert fmt_num(None, 2, "en") == "–"


@pytest.mark.parametrize(
    ("value", "en", "de"),
    [
        (0.003, "0.003", "0,003"),
        (1e-4, "0.0001", "0,0001"),
        (1e-5, "1e-05", "1e-05"),
        (0.0, "0", "0"),
        (3, "3", "3"),
    ],
)
def test_a_rate_keeps_its_value_and_is_never_rounded_to_zero(value, en, de):
    from mlplab.report.text import fmt_rate

    assert (fmt_rate(value, "en"), fmt_rate(value, "de")) == (en, de)


@pytest.mark.parametrize(
    ("share", "digits", "text"),
    [
        (0.9996, 1, ">99.9"),
        (0.995, 0, ">99"),
        (1.0, 0, "100"),
        (0.0, 1, "0.0"),
        (1e-4, 1, "<0.1"),
        (0.5, 1, "50.0"),
    ],
)
def test_a_share_below_one_never_prints_as_100_percent(share, digits, text):
    from mlplab.report.text import fmt_pct

    assert fmt_pct(share, "en", digits) == text + "\u202f%"
    assert fmt_pct(share, "de", digits) == text.replace(".", ",") + "\u202f%"
