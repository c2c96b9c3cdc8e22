"""Section 3.1 (b): initialisation: variance per layer, training, and the broken symmetry."""

from __future__ import annotations

from ...lab import initialization as init_lab
from ..blocks import Cell, Equation, Figure, Heading, Para, Table, TableData
from ..text import fmt_num, fmt_pct, fmt_sci
from .base import DEEPER, THEORY, Section, header

__all__ = ["SECTION"]

#: (activation, scheme) pairs whose measured and predicted variances the prose quotes
_QUOTED = (("relu", "he"), ("tanh", "xavier"), ("relu", "xavier"), ("relu", "small"), ("relu", "large"))


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """Depth and width of the variance study, its quoted variances, and the symmetry study."""
    results = metrics["results"]
    variance, symmetry = results["variance"], results["symmetry"]
    f = {
        "init_depth": str(len(variance["relu"]["he"]["measured"])),
        "init_width": str(metrics["settings"]["variance"]["layer_sizes"][1]),
    }
    for activation, scheme in _QUOTED:
        entry = variance[activation][scheme]
        f[f"init_{activation}_{scheme}_first"] = fmt_sci(entry["measured"][0], lang)
        f[f"init_{activation}_{scheme}_last"] = fmt_sci(entry["measured"][-1], lang)
        f[f"init_{activation}_{scheme}_pred_last"] = fmt_sci(entry["predicted"][-1], lang)
    constant, drawn = symmetry["constant"], symmetry["random"]
    f["init_sym_spread"] = fmt_num(constant["max_incoming_spread"], 1, lang)
    f["init_sym_units"] = str(constant["layers"][0]["distinct_units"])
    f["init_sym_acc"] = fmt_pct(constant["accuracy"], lang, 0)
    f["init_rand_spread"] = fmt_num(drawn["max_incoming_spread"], 1, lang)
    f["init_rand_units"] = str(drawn["layers"][0]["distinct_units"])
    f["init_rand_acc"] = fmt_pct(drawn["accuracy"], lang, 1)
    return f


def training(metrics: dict, text, lang: str) -> TableData:
    """Final loss and accuracy per scheme (rows) and activation (column pairs), means over seeds."""
    runs = metrics["results"]["training"]
    rows = []
    for scheme in init_lab.SCHEMES:
        row = [Cell(text[f"init_scheme_{scheme}"])]
        for activation in init_lab.ACTIVATIONS:
            entry = runs[activation][scheme]
            loss = entry["final_loss_mean"]
            row.append(Cell(fmt_num(loss, 3, lang) if loss is not None else "–"))
            row.append(Cell(fmt_pct(entry["accuracy_mean"], lang, 0)))
        rows.append(row)
    columns = [f"col_{a}_{value}" for a in init_lab.ACTIVATIONS for value in ("loss", "acc")]
    return TableData(header(text, "col_init", *columns), rows, ["left"] + ["right"] * len(columns))


SECTION = Section(
    "init",
    (
        Heading(3, "h_init"),
        Para("init_theory"),
        Equation("variance"),
        Para("init_xavier"),
        Equation("xavier"),
        Para("init_he"),
        Equation("he"),
        Para("init_measured"),
        Figure(init_lab.NAME, init_lab.FIG_VARIANCE, "cap_init_variance"),
        Para("init_training_text"),
        Table(training, "cap_init_training"),
        Figure(init_lab.NAME, init_lab.FIG_TRAINING, "cap_init_training_fig"),
        Para("init_symmetry"),
        Figure(init_lab.NAME, init_lab.FIG_SYMMETRY, "cap_init_symmetry"),
    ),
    facts,
    experiment=init_lab.NAME,
    parents=(DEEPER, THEORY),
)
