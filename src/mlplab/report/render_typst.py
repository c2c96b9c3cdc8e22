"""Render the report's blocks as a Typst document and compile it to PDF.

Typst (the ``typst`` package from PyPI) needs no TeX installation. Only the
fonts embedded in Typst are used (``ignore_system_fonts``) and the document
date is ``none``, so the same results give the same PDF, byte for byte.
"""

from __future__ import annotations

from pathlib import Path

from .blocks import Cell, Code, Equation, Figure, Heading, Para, Table
from .equations import EQUATIONS, TYPST_PREAMBLE
from .text import escape, fill

__all__ = ["compile_pdf", "render"]

PAGE_SETUP = """
#set document(title: "{title}", author: "mlplab", date: none)
#set page(paper: "a4", margin: (x: 2.2cm, y: 2.4cm), numbering: "1")
#set text(font: "New Computer Modern", size: 10.5pt, lang: "{lang}")
#set par(justify: true)
#set heading(numbering: "1.1")
#set math.equation(numbering: none)
#show raw: set text(font: "DejaVu Sans Mono", size: 8.5pt)
#show raw.where(block: true): set text(size: 7.5pt)
#show figure.caption: set text(size: 9pt)
#show heading.where(level: 1): it => {{ pagebreak(weak: true); it }}
"""


def _cell(cell: Cell) -> str:
    if cell.typst_math is not None:
        return f"[$display({cell.typst_math})$]"
    return f"[{escape(cell.text, 'typst')}]"


def _table(header: list[Cell], rows: list[list[Cell]], caption: str, align: list[str] | None) -> str:
    columns = len(header)
    align_spec = ", ".join(f"{a} + horizon" for a in (align or ["left"] * columns))
    header_cells = ", ".join(f"[*{_strip(_cell(c))}*]" for c in header)
    body = ",\n    ".join(", ".join(_cell(c) for c in row) for row in rows)
    return (
        "#figure(\n  table(\n"
        f"    columns: {columns}, align: ({align_spec},), stroke: none, inset: (x: 6pt, y: 4.5pt),\n"
        "    table.hline(),\n"
        f"    table.header({header_cells}),\n"
        "    table.hline(stroke: 0.5pt),\n"
        f"    {body},\n"
        "    table.hline(),\n"
        "  ),\n"
        f"  caption: [{caption}],\n"
        "  kind: table,\n"
        ")\n"
    )


def _strip(cell_markup: str) -> str:
    return cell_markup[1:-1]  # "[x]" -> "x"


def render(blocks: list, text: dict[str, str], facts: dict[str, str], tables, lang: str,
           figure_file, front: list = ()) -> str:  # fmt: skip
    """The Typst source of the whole report; ``tables`` maps each Table block to its TableData.

    ``figure_file(block)``: the figure's path without suffix in the report's language, or None if missing.
    ``front``: the title block's paragraphs and tables after the subtitle (who wrote the report, from
    which results).
    """
    title = escape(text["title"], "typst")
    out = [PAGE_SETUP.format(title=title.replace('"', ""), lang=lang), TYPST_PREAMBLE]
    out.append(
        f'#align(center)[#text(size: 17pt, weight: "bold")[{title}]\\\n'
        f"#v(2pt)#text(size: 11pt)[{fill(text['subtitle'], facts, 'typst')}]]\n"
    )
    for block in front:
        if isinstance(block, Table):
            header, rows, align = tables[block]
            body = _table(header, rows, fill(text[block.caption], facts, "typst"), align)
            out.append(f"#[#set text(size: 8.5pt)\n{body}]\n")
        else:
            out.append(f"#align(center)[#text(size: 9pt)[{fill(text[block.key], facts, 'typst')}]]\n")
    out.append("#v(12pt)\n#outline(title: none, depth: 2, indent: auto)\n")
    for block in blocks:
        if isinstance(block, Heading):
            out.append("=" * block.level + " " + fill(text[block.key], facts, "typst") + "\n")
        elif isinstance(block, Para):
            out.append(fill(text[block.key], facts, "typst") + "\n")
        elif isinstance(block, Equation):
            out.append(f"$ {EQUATIONS[block.name][0]} $\n")
        elif isinstance(block, Figure):
            path = figure_file(block)
            if path is None:
                wanted = f"{block.experiment}/{block.stem}"
                out.append(f"_{escape(text['missing_figure'], 'typst')}: {escape(wanted, 'typst')}_\n")
                continue
            out.append(
                f'#figure(image("{path}.svg", width: {block.width}),\n'
                f"  caption: [{fill(text[block.caption], facts, 'typst')}])\n"
            )
        elif isinstance(block, Table):
            header, rows, align = tables[block]
            out.append(_table(header, rows, fill(text[block.caption], facts, "typst"), align))
        elif isinstance(block, Code) and block.listing:
            out.append(f"```python\n{block.source.strip()}\n```\n")
    return "\n".join(out)


def compile_pdf(source: str, root: Path) -> bytes:
    """Compile Typst ``source`` (images relative to ``root``) to PDF bytes."""
    import typst

    typ_path = root / ".report.typ"
    typ_path.write_text(source, encoding="utf-8")
    try:
        return typst.compile(str(typ_path), root=str(root), ignore_system_fonts=True)
    finally:
        typ_path.unlink(missing_ok=True)
