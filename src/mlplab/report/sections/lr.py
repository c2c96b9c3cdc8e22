"""Section 3.2 (b): learning rates from too small to diverging, over several seeds.

The verdicts come from the lab (:func:`mlplab.lab.learning_rate.verdict`, its
thresholds written once there); each comparative sentence here is a
:class:`~mlplab.report.blocks.Claim` chosen from the medians over the seeds.
"""

from __future__ import annotations

import itertools

from ...lab import learning_rate as lr_lab
from ...lab._words import percent
from ..blocks import Cell, Claim, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_rate
from .base import DEEPER, PRACTICAL, Section, header

__all__ = ["SECTION"]

LR_CODE = f"""\
lr = metrics("{lr_lab.NAME}")["results"]
lr["by_verdict"]
"""


# ------------------------------------------------------------------ the claims' numbers
def _runs(data: dict) -> list[dict]:
    return data["results"]["runs"]


def _best_index(data: dict) -> int | None:
    best = data["results"]["best_learning_rate"]
    rates = [r["learning_rate"] for r in _runs(data)]
    return rates.index(best) if best in rates else None


def _smoothed(run: dict) -> float | None:
    return run["smoothed_loss"]["median"]


# ------------------------------------------------------------------ the claims
def choose_small(data: dict) -> str:
    """Below the best rate, does every larger rate end lower (a small rate only slows training down)?"""
    index = _best_index(data)
    if index is None or index == 0:
        return "lr_small_none"
    losses = [_smoothed(r) for r in _runs(data)[: index + 1]]
    steady = all(a is not None and b is not None and b < a for a, b in itertools.pairwise(losses))
    return "lr_small_monotone" if steady else "lr_small_not_monotone"


def choose_spikes(data: dict) -> str:
    """Above the best rate, do the spikes grow past the limit?"""
    index = _best_index(data)
    runs = _runs(data)
    if index is None or index == len(runs) - 1:
        return "lr_spikes_none"
    above = max(r["spike_share"]["median"] for r in runs[index + 1 :])
    limit = data["settings"]["spike_limit"]
    return (
        "lr_spikes_grow"
        if above >= limit and above > runs[index]["spike_share"]["median"]
        else "lr_spikes_not"
    )


def choose_dead(data: dict) -> str:
    """Are the diverging rates the ones whose units died, and the good ones not?"""
    runs = _runs(data)
    limit = data["settings"]["dead_limit"]
    diverging = [r["dead_unit_fraction"]["median"] for r in runs if r["verdict"] == "diverges"]
    good = [r["dead_unit_fraction"]["median"] for r in runs if r["verdict"] == "good"]
    if not diverging or not good or None in diverging + good:
        return "lr_dead_none"
    return "lr_dead_explains" if min(diverging) >= limit > max(good) else "lr_dead_not"


def choose_seeds(data: dict) -> str:
    """Do the seeds of every rate agree on its verdict?"""
    return "lr_seeds_agree" if data["results"]["unanimous_rates"] == len(_runs(data)) else "lr_seeds_differ"


def choose_edge(data: dict) -> str:
    """Is the next larger rate after the best one already too large or diverging?"""
    index = _best_index(data)
    runs = _runs(data)
    if index is None or index == len(runs) - 1:
        return "lr_edge_none"
    return "lr_edge_next" if runs[index + 1]["verdict"] in ("too_large", "diverges") else "lr_edge_room"


CLAIMS = {
    "small": Claim(("lr_small_monotone", "lr_small_not_monotone", "lr_small_none"), choose_small),
    "spikes": Claim(("lr_spikes_grow", "lr_spikes_not", "lr_spikes_none"), choose_spikes),
    "dead": Claim(("lr_dead_explains", "lr_dead_not", "lr_dead_none"), choose_dead),
    "edge": Claim(("lr_edge_next", "lr_edge_room", "lr_edge_none"), choose_edge),
    "seeds": Claim(("lr_seeds_agree", "lr_seeds_differ"), choose_seeds),
}


# ------------------------------------------------------------------ facts and tables
def _list(values: list[str], lang: str) -> str:
    """An unambiguous list: German numbers have decimal commas, so its items are parted by semicolons."""
    return ("; " if lang == "de" else ", ").join(values) if values else "–"


def _span(low: str, high: str) -> str:
    """``low–high``, or one value when both ends are the same."""
    return low if low == high else f"{low}–{high}"


def _pct(value: float | None, lang: str) -> str:
    """A share as a percentage, whole above 10 %, never rounded up to 100 % nor down to 0 %."""
    if value is None:
        return "–"
    return percent(value, lang, 0 if value == 0 or value >= 0.1 else 1).replace(" %", "\u202f%")


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The network, the thresholds, the rates of each verdict with their numbers, and the best rate."""
    settings, results = metrics["settings"], metrics["results"]
    runs = results["runs"]
    rates = settings["learning_rates"]
    best = _best_index(metrics)
    f = {
        "lr_layers": fmt_layers(settings["layer_sizes"]),
        "lr_activation": settings["activation"],
        "lr_epochs": str(settings["epochs"]),
        "lr_seeds": str(settings["seeds"]),
        "lr_min": fmt_rate(min(rates), lang),
        "lr_max": fmt_rate(max(rates), lang),
        "lr_count": str(len(rates)),
        "lr_threshold": fmt_pct(settings["crawl_threshold"], lang, 0),
        "lr_smooth_share": fmt_pct(settings["smooth_share"], lang, 0),
        "lr_spike_factor": fmt_num(settings["spike_factor"], 0, lang),
        "lr_spike_floor": fmt_num(settings["spike_floor"], 2, lang),
        "lr_spike_limit": fmt_pct(settings["spike_limit"], lang, 0),
        "lr_dead_limit": fmt_pct(settings["dead_limit"], lang, 0),
        "lr_peak_factor": fmt_num(settings["peak_factor"], 1, lang),
        "lr_initial": fmt_num(results["initial_loss"], 3, lang),
        "lr_best": fmt_rate(results["best_learning_rate"], lang) if best is not None else "–",
        "lr_best_loss": fmt_num(results["best_smoothed_loss"], 3, lang),
        "lr_unanimous": str(results["unanimous_rates"]),
        "lr_differ": _list(
            [fmt_rate(r["learning_rate"], lang) for r in runs if len(set(r["seed_verdicts"])) > 1], lang
        ),
    }
    for name in lr_lab.VERDICTS:
        members = [r for r in runs if r["verdict"] == name]
        f[f"lr_{name}"] = _list([fmt_rate(r["learning_rate"], lang) for r in members], lang)
        losses = [_smoothed(r) for r in members if _smoothed(r) is not None]
        falls = [r["loss_reduction"]["median"] for r in members if r["loss_reduction"]["median"] is not None]
        dead = [
            r["dead_unit_fraction"]["median"]
            for r in members
            if r["dead_unit_fraction"]["median"] is not None
        ]
        spikes = [r["spike_share"]["median"] for r in members]
        f[f"lr_{name}_loss"] = (
            _span(fmt_num(min(losses), 3, lang), fmt_num(max(losses), 3, lang)) if losses else "–"
        )
        f[f"lr_{name}_fall"] = _pct(max(falls), lang) if falls else "–"
        f[f"lr_{name}_dead"] = _span(_pct(min(dead), lang), _pct(max(dead), lang)) if dead else "–"
        f[f"lr_{name}_spikes"] = f"{_pct(max(spikes), lang)}" if spikes else "–"
    if best is not None:
        b = runs[best]
        f["lr_best_spikes"] = _pct(b["spike_share"]["median"], lang)
        f["lr_best_dead"] = _pct(b["dead_unit_fraction"]["median"], lang)
        above = runs[best + 1 :]
        top = max(above, key=lambda r: r["spike_share"]["median"]) if above else b
        f["lr_top_spikes"] = _pct(top["spike_share"]["median"], lang)
        f["lr_top_spikes_rate"] = fmt_rate(top["learning_rate"], lang)
        f["lr_next"] = fmt_rate(runs[best + 1]["learning_rate"], lang) if above else "–"
    else:
        for key in ("lr_best_spikes", "lr_best_dead", "lr_top_spikes", "lr_top_spikes_rate", "lr_next"):
            f[key] = "–"
    return f


def runs(metrics: dict, text, lang: str) -> TableData:
    """Every rate: its verdict and the medians (ranges) over its seeds."""
    rows = []
    for run in metrics["results"]["runs"]:
        smoothed = run["smoothed_loss"]
        loss = "–"
        if smoothed["median"] is not None:
            loss = f"{fmt_num(smoothed['median'], 3, lang)} ({fmt_num(smoothed['min'], 3, lang)}–" \
                   f"{fmt_num(smoothed['max'], 3, lang)})"  # fmt: skip
        agree = sum(v == run["verdict"] for v in run["seed_verdicts"])
        rows.append([
            Cell(fmt_rate(run["learning_rate"], lang)),
            Cell(text[f"lr_verdict_{run['verdict']}"]),
            Cell(loss),
            Cell(_pct(run["spike_share"]["median"], lang)),
            Cell(_pct(run["dead_unit_fraction"]["median"], lang)),
            Cell(fmt_pct(run["accuracy"]["median"], lang, 0)),
            Cell(f"{agree}/{len(run['seed_verdicts'])}"),
        ])  # fmt: skip
    head = header(text, "col_lr", "col_class", "lr_col_smoothed", "lr_col_spikes", "lr_col_dead",
                  "lr_col_train_acc", "lr_col_agree")  # fmt: skip
    return TableData(head, rows, ["right", "left", "right", "right", "right", "right", "right"])


SECTION = Section(
    "lr",
    (
        Heading(3, "h_lr"),
        Para("lr_setup"),
        Figure(lr_lab.NAME, lr_lab.FIG_CURVES, "cap_lr_curves"),
        Table(runs, "cap_lr_table"),
        Figure(lr_lab.NAME, lr_lab.FIG_SUMMARY, "cap_lr_summary"),
        Para("lr_verdicts"),
        CLAIMS["small"],
        CLAIMS["spikes"],
        CLAIMS["dead"],
        CLAIMS["edge"],
        CLAIMS["seeds"],
        Code(LR_CODE),
    ),
    facts,
    experiment=lr_lab.NAME,
    parents=(DEEPER, PRACTICAL),
)
