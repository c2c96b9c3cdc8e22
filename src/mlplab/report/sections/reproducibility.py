"""The last section: seeds, run times and versions of every experiment, and how to rerun them."""

from __future__ import annotations

from ..blocks import Cell, Code, Heading, Para, Table, TableData
from ..text import fmt_num
from .base import Section, header

__all__ = ["SECTION", "master_seeds"]

REPRO_CODE = """\
import platform
{"python": platform.python_version(), "numpy": np.__version__, "mlplab": mlplab.__version__,
 "seeds": {p.parent.name: json.loads(p.read_text())["seed"] for p in sorted(RESULTS.glob("*/metrics.json"))}}
"""


def master_seeds(metrics: dict[str, dict]) -> str:
    """The master seeds of the results (one, unless they were run with different ``--seed``)."""
    seeds = sorted({str(m.get("seed")) for m in metrics.values()})
    return ", ".join(seeds) if seeds else "0"


def seeds(metrics: dict[str, dict], text, lang: str) -> TableData:
    """Per experiment: its master seed and how long it ran."""
    rows = []
    for name, m in metrics.items():
        total = m.get("timings", {}).get("total")
        rows.append([
            Cell(name),
            Cell(str(m.get("seed"))),
            Cell(fmt_num(total, 1, lang) + " s" if total is not None else "–"),
        ])  # fmt: skip
    return TableData(header(text, "col_experiment", "col_seed", "col_time"), rows, ["left", "right", "right"])


def versions(metrics: dict[str, dict], text, lang: str) -> TableData:
    """Every package version that the experiments recorded."""
    found: dict[str, str] = {}
    for m in metrics.values():
        found.update(m.get("versions", {}))
    rows = [[Cell(k), Cell(v)] for k, v in sorted(found.items())]
    return TableData(header(text, "col_package", "col_version"), rows)


SECTION = Section(
    "reproducibility",
    (
        Heading(1, "h_reproducibility"),
        Para("repro_text"),
        Table(seeds, "cap_seeds"),
        Table(versions, "cap_versions"),
        Code(REPRO_CODE),
    ),
)
