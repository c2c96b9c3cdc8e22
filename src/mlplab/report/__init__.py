"""The report the sheet asks for: a PDF (Typst) and an executed notebook, from the results.

:func:`build_report` reads every experiment's ``metrics.json`` under the
results folder (running the experiments that are missing), and writes
``report.pdf`` and ``report.ipynb`` (plus ``report.typ``, the PDF's source)
next to them, as one set: the three are written into a staging folder and
moved into place together only when all exist, so an interruption or a
failed write leaves the earlier set whole. Each section of the report is a
module of :mod:`.sections` with its blocks, the facts (numbers) its prose
uses and its tables, read from its experiment's results; the words come from
``prose_<lang>.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .._io import atomic_write
from ..lab._staging import discard, staged_files
from .blocks import Table

__all__ = ["LANGUAGES", "ResultsError", "build_report", "load_metrics", "prose"]

LANGUAGES = ("en", "de")


def prose(lang: str) -> dict[str, str]:
    """The prose table of ``lang`` ('en' or 'de')."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    if lang == "de":
        from .prose_de import TEXT
    else:
        from .prose_en import TEXT
    return TEXT


class ResultsError(ValueError):
    """A ``metrics.json`` under the results folder is unreadable or not what its experiment writes.

    The message names the file and says how to mend it (run the experiment again).
    """


def _results_error(path: Path, name: str, what: str) -> ResultsError:
    return ResultsError(f"{path}: {what}; run `mlplab {name}` again (or delete the folder) and retry")


def load_metrics(out: Path) -> dict[str, dict]:
    """``{experiment: metrics}`` for every experiment with a ``metrics.json`` under ``out``.

    Raises
    ------
    ResultsError
        For a file that is not UTF-8 JSON, not an object, of another experiment,
        or without ``settings`` and ``results`` objects, naming the file.
    """
    from ..lab import EXPERIMENTS

    found = {}
    for name in EXPERIMENTS:
        path = Path(out) / name / "metrics.json"
        if not path.is_file():
            continue
        try:
            metrics = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise _results_error(path, name, f"not valid JSON ({error})") from None
        if not isinstance(metrics, dict) or metrics.get("experiment") != name:
            raise _results_error(path, name, f"not the metrics of experiment {name!r}")
        for key in ("settings", "results"):
            if not isinstance(metrics.get(key), dict):
                raise _results_error(path, name, f"its {key!r} is missing or not an object")
        found[name] = metrics
    return found


def build_report(out: str | Path = "results", lang: str = "en", *, pdf: bool = True,
                 notebook: bool = True, timeout: int = 900, replaced=None,
                 command: str | None = None,
                 progress: Callable[[str], None] | None = None) -> dict[str, Path]:  # fmt: skip
    """Write ``report.pdf`` and ``report.ipynb`` into ``out`` from the results there.

    Parameters
    ----------
    out : path
        The results folder (``mlplab all --out``).
    lang : {'en', 'de'}
    pdf, notebook : bool
        Which outputs to write.
    timeout : int
        Seconds a notebook cell may run.
    replaced : callable, optional
        Called once the new files are in place (before a signal that waited is raised).
    command : {'all', 'report'} or None
        The ``mlplab`` command that writes the report, as its title block says:
        ``'all'`` (which ran every experiment just before), ``'report'``; None
        (a call from Python) names neither.
    progress : callable, optional
        Told what is being done as each step starts: ``progress("report.pdf: compiling (Typst)")``,
        ``progress("report.ipynb: cell 3 of 41")`` (the command line shows it on a status line).

    Returns
    -------
    dict
        ``{'pdf': path, 'typ': path, 'notebook': path}`` for what was written.
    """
    from .sections import SectionDataError, assemble
    from .sections.reproducibility import front_blocks

    text = prose(lang)
    out = Path(out)
    metrics = load_metrics(out)
    front = front_blocks(metrics, command)  # who wrote it, from which results
    try:
        contents = assemble(metrics, text, lang)
    except SectionDataError as error:  # a key or a value the section needs is not what the lab writes
        raise _results_error(out / error.experiment / "metrics.json", error.experiment, str(error)) from None
    blocks, facts = contents.blocks, contents.facts
    tables = dict(contents.tables)
    tables.update({b: b.producer(metrics, text, lang) for b in front if isinstance(b, Table)})
    seeds = {name: m.get("seed", 0) for name, m in metrics.items()}  # the notebook's runs of what it lacks

    def figure_file(block) -> str | None:
        """The figure's files in the report's language, ``experiment/stem`` without suffix, or None."""
        from ..lab._words import figure_stem

        stem = f"{block.experiment}/{figure_stem(block.stem, lang)}"
        return stem if all((out / f"{stem}{suffix}").is_file() for suffix in (".png", ".svg")) else None

    names = [*(["report.typ", "report.pdf"] if pdf else []), *(["report.ipynb"] if notebook else [])]
    # all of them are written into a staging folder, then moved into place together (see lab._staging)
    try:
        with staged_files(out, names, "report", replaced) as staging:
            if pdf:
                from .render_typst import compile_pdf, render

                source = render(blocks, text, facts, tables, lang, figure_file, front)
                with atomic_write(staging / "report.typ") as handle:
                    handle.write(source)
                if progress is not None:
                    progress("report.pdf: compiling (Typst)")
                data = compile_pdf(source, out)
                with atomic_write(staging / "report.pdf", "wb") as handle:
                    handle.write(data)
            if notebook:
                import nbformat

                from .render_notebook import execute, render

                nb = render(blocks, text, facts, tables, figure_file, front, lang, seeds)
                cells = None if progress is None else (lambda step: progress(f"report.ipynb: {step}"))
                nb = execute(nb, out, timeout, progress=cells)
                with atomic_write(staging / "report.ipynb") as handle:
                    nbformat.write(nb, handle)
    finally:
        discard(out / ".report.typ")  # compile_pdf's scratch copy, should a signal cut its clean-up short
    keys = {"report.typ": "typ", "report.pdf": "pdf", "report.ipynb": "notebook"}
    return {keys[name]: out / name for name in names}
