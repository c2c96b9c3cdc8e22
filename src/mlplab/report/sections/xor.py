"""Section 2.2 (a): XOR with a [2, 4, 1] network, and its success rate over seeds."""

from __future__ import annotations

from ...lab import xor as xor_lab
from ..blocks import Cell, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_num, fmt_pct
from .base import Section, header

__all__ = ["SECTION"]

XOR_CODE = f"""\
xor = metrics("{xor_lab.NAME}")["results"]
main = xor["main_run"]
print("accuracy:", main["accuracy"], "| epochs to 100 %:", main["epochs_to_100_percent"])
{{a: f'{{r["solved"]}}/{{r["seeds"]}}' for a, r in xor["success_rate"].items()}}
"""


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The settings and the main run's numbers; ``xor_solved_<activation>`` per activation."""
    settings, results = metrics["settings"], metrics["results"]
    main = results["main_run"]
    e100 = main["epochs_to_100_percent"]
    f = {
        "xor_accuracy": fmt_pct(main["accuracy"], lang, 0),
        "xor_epochs": str(settings["epochs"]),
        "xor_lr": fmt_num(settings["learning_rate"], 2, lang),
        "xor_activation": settings["activation"],
        "xor_final_loss": fmt_num(main["final_loss"], 4, lang),
        "xor_epochs_to_100": str(e100) if e100 is not None else "–",
        "xor_seeds": str(settings["seeds_per_activation"]),
    }
    for activation in xor_lab.ACTIVATIONS:
        entry = results["success_rate"][activation]
        f[f"xor_solved_{activation}"] = f"{entry['solved']}/{entry['seeds']}"
    return f


def success(metrics: dict, text, lang: str) -> TableData:
    """Seeds that reach 100 % per activation, and their median epochs to get there."""
    rows = []
    for activation in xor_lab.ACTIVATIONS:
        entry = metrics["results"]["success_rate"][activation]
        median = entry["median_epochs_to_100_percent"]
        rows.append([
            Cell(activation),
            Cell(f"{entry['solved']}/{entry['seeds']}"),
            Cell(fmt_pct(entry["rate"], lang, 0)),
            Cell(fmt_num(median, 0, lang) if median is not None else "–"),
        ])  # fmt: skip
    head = header(text, "col_activation", "col_solved", "col_rate", "col_median_epochs")
    return TableData(head, rows, ["left", "right", "right", "right"])


SECTION = Section(
    "xor",
    (
        Heading(3, "h_xor"),
        Para("xor_setup"),
        Figure(xor_lab.NAME, xor_lab.FIG_MAIN, "cap_xor"),
        Para("xor_result"),
        Table(success, "cap_xor_success"),
        Figure(xor_lab.NAME, xor_lab.FIG_SUCCESS, "cap_xor_success_fig", width="60%"),
        Para("xor_discussion"),
        Code(XOR_CODE),
    ),
    facts,
    experiment=xor_lab.NAME,
)
