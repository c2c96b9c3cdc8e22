"""Render the report's blocks as a Jupyter notebook that stands alone, and execute it.

Built with ``nbformat`` and run top to bottom in a fresh kernel with
``nbclient``. The notebook needs nothing but mlplab: its setup cell looks for
the results of each experiment next to it (``<experiment>/metrics.json``, as
``mlplab all`` leaves them) and, where they are missing, runs that experiment
itself with its ``--quick`` settings into ``mlplab-quick/``, through the
lab's Python API. Its figure cells then display the figures of those results
and say which results they are; the sections' code cells read them through
the setup's ``metrics(name)`` and ``RESULTS / name``. The implementation's
listings are markdown code blocks (shown, not run). Every code cell comes
after a markdown cell that says what it does: a code block's ``extra["explain"]`` (a prose
key), else the section's prose before it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from .blocks import Code, Equation, Figure, Heading, Para, Table
from .equations import EQUATIONS
from .text import fill

__all__ = ["QUICK_FOLDER", "SETUP", "execute", "render", "setup_source"]

#: where a notebook runs the experiments whose results it does not find next to it
QUICK_FOLDER = "mlplab-quick"

#: the setup cell; ``{...}`` are filled by :func:`setup_source` (the language, seeds, words)
SETUP_TEMPLATE = '''\
import json
import logging
from dataclasses import asdict
from pathlib import Path

import numpy as np
from IPython.display import Image, Markdown, display
import mlplab
from mlplab import lab

LANG = {lang!r}
EXPERIMENTS = {experiments!r}  # the experiments of this report
SEEDS = {seeds!r}  # the master seed of each experiment's results
HERE = Path.cwd()  # the folder of this notebook: `mlplab all --out HERE` leaves HERE/<experiment>/
QUICK = HERE / {quick!r}  # where this notebook runs the experiments it does not find in HERE
WORDS = {words!r}
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # no note per missing font


def run_quick(name):
    """Run experiment `name` with its --quick settings (as `mlplab <name> --quick`) into QUICK/<name>/."""
    # one BLAS thread, as the command line runs it; QUICK/<name>/ appears whole when the run has finished
    lab.run(name, QUICK, seed=SEEDS.get(name, 0), quick=True)


def folder(name):
    """The folder of experiment `name`'s results: next to this notebook if there, else the quick ones.

    The first time neither exists, the experiment runs here with its --quick settings.
    """
    for root in (HERE, QUICK):
        if (root / name / "metrics.json").is_file():
            return root / name
    run_quick(name)
    return QUICK / name


class Results:
    """`RESULTS / name` is the folder of experiment `name`'s results (see `folder`)."""

    def __truediv__(self, name):
        return folder(name)

    def __repr__(self):
        return f"Results({{HERE}} or {{QUICK}})"


RESULTS = Results()


def metrics(name):
    """The metrics.json of experiment `name` (see `folder`)."""
    return json.loads((folder(name) / "metrics.json").read_text(encoding="utf-8"))


def own_settings(name):
    """The settings of experiment `name`'s results that differ from its defaults."""
    settings = metrics(name)["settings"]
    defaults = asdict(lab.load(name).Config())
    return [key for key, value in defaults.items()  # a tuple default is a list in JSON
            if key in settings and json.loads(json.dumps(value)) != settings[key]]


def origin(name):
    """Which results of experiment `name` this notebook uses, in words."""
    where, m = folder(name), metrics(name)
    own = own_settings(name)
    kind = WORDS["full"] if not own else f"{{WORDS['own']}} {{', '.join(own)}}"
    if m.get("quick"):
        kind = WORDS["quick"]
    made = WORDS["here"] if where.parent == HERE else WORDS["made"]
    return f"{{made}} `{{where.relative_to(HERE)}}/` ({{kind}}, {{WORDS['seed']}} {{m.get('seed')}})"


def show(path, caption=None):
    """Display figure `path` (`<experiment>/<file>.png`) of the results in use, and say which they are."""
    name, file = path.split("/", 1)
    found = folder(name) / file
    if not found.is_file():  # the figure in English, should this language's not have been drawn
        found = folder(name) / file.replace(f".{{LANG}}.png", ".png")
    display(Image(filename=str(found)))
    shows = f"{{WORDS['shows']}} {{origin(name)}}."
    display(Markdown(f"*{{caption}}* {{shows}}" if caption else shows))


print("mlplab", mlplab.__version__, "| numpy", np.__version__, "| results in", HERE)
'''

#: the cell after the setup: every experiment's results found or run, and which they are
ORIGINS = """\
for name in EXPERIMENTS:
    print(f"{name:11s}", origin(name))
"""


def setup_source(text: Mapping[str, str], lang: str, seeds: Mapping[str, int]) -> str:
    """The setup cell for the prose ``text`` of ``lang`` and the master ``seeds`` of the experiments."""
    words = {key: text[f"nb_{key}"] for key in ("quick", "full", "own", "here", "made", "seed", "shows")}
    return SETUP_TEMPLATE.format(
        lang=lang, experiments=list(seeds), seeds=dict(seeds), quick=QUICK_FOLDER, words=words
    )


def _markdown_table(header, rows, caption: str) -> str:
    lines = ["| " + " | ".join(c.markdown() for c in header) + " |",
             "|" + "---|" * len(header)]  # fmt: skip
    lines += ["| " + " | ".join(c.markdown() for c in row) + " |" for row in rows]
    return f"{caption}\n\n" + "\n".join(lines)


def _code_listing(source: str) -> str:
    return f"```python\n{source.strip()}\n```"


def render(blocks: list, text: dict[str, str], facts: dict[str, str], tables, figure_file,
           front: list = (), lang: str = "en", seeds: Mapping[str, int] | None = None):  # fmt: skip
    """The notebook (an ``nbformat`` v4 object), not yet executed.

    ``tables`` maps each Table block to its TableData; ``figure_file(block)`` is
    the figure's path without suffix in the report's language, or None if missing.
    ``front``: the title block's paragraphs and tables after the title; ``seeds``:
    ``{experiment: master seed}`` of the results the report was built from (the
    notebook runs missing experiments with these seeds).
    """
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    cells = nb.cells
    markdown: list[str] = []

    def flush() -> None:
        if markdown:
            cells.append(nbformat.v4.new_markdown_cell("\n\n".join(markdown)))
            markdown.clear()

    def code(source: str, explanation: str | None = None) -> None:
        """A code cell, after a markdown cell: ``explanation`` or, if none, the prose collected so far."""
        if explanation is not None:
            markdown.append(explanation)
        if not markdown and (not cells or cells[-1].cell_type == "code"):
            markdown.append(text["nb_code"])
        flush()
        cells.append(nbformat.v4.new_code_cell(source.strip()))

    def table(block: Table) -> str:
        header, rows, _ = tables[block]
        return _markdown_table(header, rows, "*" + fill(text[block.caption], facts, "markdown") + "*")

    markdown.append(f"# {fill(text['title'], facts, 'markdown')}")
    markdown.append(fill(text["subtitle"], facts, "markdown"))
    for block in front:
        is_table = isinstance(block, Table)
        markdown.append(table(block) if is_table else fill(text[block.key], facts, "markdown"))
    flush()
    code(setup_source(text, lang, dict(seeds or {})), fill(text["nb_setup"], facts, "markdown"))
    code(ORIGINS, fill(text["nb_origins"], facts, "markdown"))
    for block in blocks:
        if isinstance(block, Heading):
            flush()
            markdown.append("#" * (block.level + 1) + " " + fill(text[block.key], facts, "markdown"))
        elif isinstance(block, Para):
            markdown.append(fill(text[block.key], facts, "markdown"))
        elif isinstance(block, Equation):
            markdown.append(f"$$\n{EQUATIONS[block.name][1]}\n$$")
        elif isinstance(block, Table):
            markdown.append(table(block))
        elif isinstance(block, Figure):
            found = figure_file(block)
            if found is None:
                markdown.append(f"*{text['missing_figure']}: `{block.experiment}/{block.stem}.png`*")
                continue
            code(f"show({json.dumps(f'{found}.png')})", f"*{fill(text[block.caption], facts, 'markdown')}*")
        elif isinstance(block, Code) and block.run:
            explain = block.extra.get("explain")  # a prose key saying what the cell does, if it has one
            code(block.source, fill(text[explain], facts, "markdown") if explain else None)
        elif isinstance(block, Code) and block.listing:
            markdown.append(_code_listing(block.source))
    flush()
    return nb


def execute(nb, cwd: Path, timeout: int = 600, progress: Callable[[str], None] | None = None):
    """Run every cell in a fresh ``python3`` kernel with ``cwd`` as working folder.

    ``progress(text)``, if given, is told that the kernel starts, then as each
    code cell starts which one it is: ``"cell 3 of 41"``.
    """
    from nbclient import NotebookClient

    hooks = {}
    if progress is not None:
        code = [i for i, cell in enumerate(nb.cells) if cell.cell_type == "code" and cell.source.strip()]
        number = {index: n for n, index in enumerate(code, 1)}  # cell index -> its place among the code

        def started(cell, cell_index) -> None:
            progress(f"cell {number.get(cell_index, '?')} of {len(code)}")

        hooks["on_cell_execute"] = started  # called for the code cells that run, as each starts
        progress("starting a Python kernel")
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no TCP banner
                            resources={"metadata": {"path": str(cwd)}}, **hooks)  # fmt: skip
    client.execute()
    return nb


def _english_setup() -> str:
    from .prose_en import TEXT

    return setup_source(TEXT, "en", {})


#: the setup cell in English, for no experiment in particular (the tests run the sections' code after it)
SETUP = _english_setup()
