"""The report: a PDF with its sections and the trace's numbers, and an executed notebook."""

import hashlib
import re
from pathlib import Path

import pytest

pytest.importorskip("typst", reason="the report needs the 'report' extra")
pytest.importorskip("nbclient", reason="the report needs the 'report' extra")
pypdf = pytest.importorskip("pypdf")

from mlplab.report import build_report, load_metrics, prose  # noqa: E402
from mlplab.report.blocks import Para  # noqa: E402
from mlplab.report.sections import assemble  # noqa: E402
from mlplab.report.text import placeholders  # noqa: E402
from mlplab.trace import sheet_trace  # noqa: E402


@pytest.fixture(scope="module")
def results(quick_results) -> Path:
    """Every experiment in --quick mode, then the report: ``mlplab all --quick`` (see conftest.py)."""
    return quick_results


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_all_writes_pdf_and_notebook(results):
    assert (results / "report.pdf").read_bytes()[:5] == b"%PDF-"
    assert (results / "report.ipynb").is_file()


@pytest.mark.slow
def test_pdf_has_the_sheets_sections(results):
    text = pdf_text(results / "report.pdf")
    for heading in ["Backpropagation", "Derivation (task 1.1)", "Numerical example (task 1.2)",
                    "The MLP class (task 2.1)", "Experiments (task 2.2)", "Reproducibility"]:  # fmt: skip
        assert heading in text, heading


@pytest.mark.slow
def test_pdf_shows_the_trace_numbers(results):
    text = pdf_text(results / "report.pdf").replace("\u2212", "-")
    trace = sheet_trace()
    for key in ["y_hat", "loss", "dL_dz3", "z3"]:
        assert f"{trace[key]:.6f}" in text, key
    for value in [trace["z1"][0], trace["a2"][1], trace["dL_dW1"][2, 1], trace["dL_db2"][0]]:
        assert f"{value:.6f}" in text


def test_every_referenced_figure_exists(results):
    source = (results / "report.typ").read_text()
    images = re.findall(r'image\("([^"]+)"', source)
    assert len(images) >= 2
    for image in images:
        assert (results / image).is_file(), image
    notebook = (results / "report.ipynb").read_text()
    for stem in re.findall(r'show\(\\"([^"\\]+)\\"', notebook):
        assert (results / stem).is_file(), stem


def test_notebook_ran_top_to_bottom_without_errors(results):
    import nbformat

    nb = nbformat.read(results / "report.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert len(code) >= 5
    for cell in code:
        assert cell.outputs, cell.source[:80]
        assert all(output.output_type != "error" for output in cell.outputs), cell.source[:80]
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert images, "figures must be inline"


def test_pdf_is_deterministic(results):
    first = hashlib.sha256((results / "report.pdf").read_bytes()).hexdigest()
    build_report(results, "en", notebook=False, command="all")  # as `mlplab all` wrote it
    assert hashlib.sha256((results / "report.pdf").read_bytes()).hexdigest() == first


@pytest.mark.slow
def test_german_report(results, tmp_path):
    build_report(results, "de", notebook=False)
    text = pdf_text(results / "report.pdf")
    assert "Mathematische Herleitung (Aufgabe 1.1)" in text
    assert "Reproduzierbarkeit" in text
    build_report(results, "en", notebook=False)  # leave the English one for the other tests


def test_every_placeholder_is_a_fact(results):
    metrics = load_metrics(results)
    for lang in ["en", "de"]:
        known = assemble(metrics, prose(lang), lang).facts
        for key, template in prose(lang).items():
            for name in placeholders(template):
                assert name.startswith("m:") or name in known, (lang, key, name)


def test_document_uses_only_existing_prose(results):
    metrics = load_metrics(results)
    blocks = assemble(metrics, prose("en"), "en").blocks
    keys = [getattr(b, "key", None) or getattr(b, "caption", None) for b in blocks]
    for key in filter(None, keys):
        assert key in prose("en"), key
        assert key in prose("de"), key
    assert any(isinstance(b, Para) for b in assemble({}, prose("en"), "en").blocks)
