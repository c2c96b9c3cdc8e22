"""The report's figures in print: text large enough where the PDF places them, German figures in German.

Each figure's SVG (matplotlib writes text as text, ``svg.fonttype = 'none'``)
gives its width in points and the size of every piece of text, exponents and
subscripts included. The report places the figure at ``Figure.width`` of the
text width, so the printed size of a text is its size × placed width / figure
width; the smallest must be at least :data:`MIN_PT`.
"""

import re
import xml.etree.ElementTree as ET

import pytest

from mlplab.lab._words import LANGS, WORDS, figure_stem
from mlplab.report.sections import SECTIONS

#: the smallest printed text size allowed, in points
MIN_PT = 7.0
#: A4 (210 mm) less the report's margins (2 × 2.2 cm), in points
TEXT_WIDTH_PT = (210 - 44) / 25.4 * 72
_SVG = "{http://www.w3.org/2000/svg}"
_SIZE = re.compile(r"font-size:\s*([\d.]+)px")

FIGURES = [figure for section in SECTIONS for figure in section.figures]


def figure_text(path) -> tuple[float, list[tuple[float, str]]]:
    """The SVG's width in points, and (size, text) of every element that sets a font size."""
    root = ET.parse(path).getroot()
    width = float(root.get("width").removesuffix("pt"))
    pieces = []
    for element in root.iter():
        match = _SIZE.search(element.get("style", ""))
        if element.tag in (_SVG + "text", _SVG + "tspan") and match:
            pieces.append((float(match.group(1)), "".join(element.itertext())))
    return width, pieces


def placed_width(figure) -> float:
    """The width the report gives the figure, in points."""
    assert figure.width.endswith("%"), figure.width
    return TEXT_WIDTH_PT * float(figure.width[:-1]) / 100


def texts(path) -> list[str]:
    """The strings of the figure's text elements (a text's tspans joined)."""
    root = ET.parse(path).getroot()
    return ["".join(e.itertext()) for e in root.iter(_SVG + "text")]


def test_the_measure_reads_sizes_and_widths(tmp_path):
    svg = tmp_path / "f.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt">'
        '<text style="font-size: 10px">a<tspan style="font-size: 7px">b</tspan></text></svg>'
    )
    width, pieces = figure_text(svg)
    assert width == 100
    assert sorted(pieces) == [(7.0, "b"), (10.0, "ab")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f.experiment}/{f.stem}")
def test_every_text_of_every_figure_prints_at_7_pt_or_more(figure, lang, quick_results):
    path = quick_results / figure.experiment / (figure_stem(figure.stem, lang) + ".svg")
    if not path.is_file():
        pytest.fail(f"{path.name} is missing: every figure is drawn in every language")
    width, pieces = figure_text(path)
    scale = placed_width(figure) / width
    small = sorted({(round(size * scale, 2), text) for size, text in pieces if size * scale < MIN_PT})
    assert not small, f"{path.name} (placed at {figure.width}, scale {scale:.2f}): {small[:8]}"


#: English words of the shared figure terms that differ from their German
_ENGLISH = sorted({t["en"] for t in WORDS.values() if t["en"] != t["de"]}, key=len, reverse=True)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f"{f.experiment}/{f.stem}")
def test_german_figures_have_german_words_and_decimal_commas(figure, quick_results):
    path = quick_results / figure.experiment / (figure_stem(figure.stem, "de") + ".svg")
    if not path.is_file():
        pytest.fail(f"{path.name} is missing")
    for text in texts(path):
        assert not re.search(r"\d\.\d", text), f"{path.name}: decimal point in {text!r}"
        for english in _ENGLISH:
            assert not re.search(rf"\b{re.escape(english)}\b", text), f"{path.name}: {english!r} in {text!r}"
