"""Render the report's blocks as a Jupyter notebook and execute it.

Built with ``nbformat`` and run top to bottom in a fresh kernel with
``nbclient``, in the results folder, so that its live cells call mlplab and
its figures (embedded as cell outputs) come from the experiments' files.
"""

from __future__ import annotations

from pathlib import Path

from .blocks import Code, Equation, Figure, Heading, Para, Table
from .equations import EQUATIONS
from .text import fill

__all__ = ["execute", "render"]

SETUP = """\
# Setup: mlplab and the results of `mlplab all` (this notebook lives in the results folder).
import json
from pathlib import Path

import numpy as np
from IPython.display import Image, Markdown, display

import mlplab

RESULTS = Path.cwd()


def metrics(name):
    \"\"\"The metrics.json of experiment `name`.\"\"\"
    return json.loads((RESULTS / name / "metrics.json").read_text())


def show(path, caption):
    \"\"\"Display a figure of the results and its caption.\"\"\"
    display(Image(filename=str(RESULTS / path)))
    display(Markdown(f"*{caption}*"))


print("mlplab", mlplab.__version__, "| numpy", np.__version__)
"""


def _markdown_table(header, rows, caption: str) -> str:
    lines = ["| " + " | ".join(c.markdown() for c in header) + " |",
             "|" + "---|" * len(header)]  # fmt: skip
    lines += ["| " + " | ".join(c.markdown() for c in row) + " |" for row in rows]
    return f"{caption}\n\n" + "\n".join(lines)


def render(blocks: list, text: dict[str, str], facts: dict[str, str], tables, figure_file):
    """The notebook (an ``nbformat`` v4 object), not yet executed.

    ``tables`` maps each Table block to its TableData; ``figure_file(block)`` is
    the figure's path without suffix in the report's language, or None if missing.
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

    markdown.append(f"# {fill(text['title'], facts, 'markdown')}")
    markdown.append(fill(text["subtitle"], facts, "markdown"))
    markdown.append(fill(text["generated"], facts, "markdown"))
    flush()
    cells.append(nbformat.v4.new_code_cell(SETUP))
    for block in blocks:
        if isinstance(block, Heading):
            flush()
            markdown.append("#" * (block.level + 1) + " " + fill(text[block.key], facts, "markdown"))
        elif isinstance(block, Para):
            markdown.append(fill(text[block.key], facts, "markdown"))
        elif isinstance(block, Equation):
            markdown.append(f"$$\n{EQUATIONS[block.name][1]}\n$$")
        elif isinstance(block, Table):
            header, rows, _ = tables[block]
            markdown.append(
                _markdown_table(header, rows, "*" + fill(text[block.caption], facts, "markdown") + "*")
            )
        elif isinstance(block, Figure):
            found = figure_file(block)
            if found is None:
                markdown.append(f"*{text['missing_figure']}: `{block.experiment}/{block.stem}.png`*")
                continue
            path = f"{found}.png"
            flush()
            caption = fill(text[block.caption], facts, "markdown").replace('"', '\\"')
            cells.append(nbformat.v4.new_code_cell(f'show("{path}", "{caption}")'))
        elif isinstance(block, Code) and block.run:
            flush()
            cells.append(nbformat.v4.new_code_cell(block.source.strip()))
    flush()
    return nb


def execute(nb, cwd: Path, timeout: int = 600):
    """Run every cell in a fresh ``python3`` kernel with ``cwd`` as working folder."""
    from nbclient import NotebookClient

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no TCP banner
                            resources={"metadata": {"path": str(cwd)}})  # fmt: skip
    client.execute()
    return nb
