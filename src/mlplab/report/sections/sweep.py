"""Section 2.2 (c): the sweep over hidden layers, learning rates and activations, with SGD and Adam.

Every comparative sentence is a :class:`~mlplab.report.blocks.Claim` chosen by
one of the small functions below from ``metrics.json``; the numbers it rests
on are facts. Two mean test accuracies count as different only if they differ
by more than :data:`MARGIN`, and a cell *learns* the spirals if its mean test
accuracy is at least :data:`LEARNED`.
"""

from __future__ import annotations

import math
from functools import partial

from ...lab import sweep as sweep_lab
from ..blocks import Cell, Claim, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_layers, fmt_num, fmt_pct, fmt_rate
from .base import Section

__all__ = ["LEARNED", "MARGIN", "SECTION"]

#: two mean test accuracies closer than this count as level (2 of 100 points: 4 of the 200 test points)
MARGIN = 0.02
#: a cell whose mean test accuracy reaches this has learned the spirals
LEARNED = 0.9
#: the network and activation of section 2.2 (b)
SPIRALS_NET = ([32, 16, 8], "relu")
_OF = {"en": "of", "de": "von"}
_NAMES = {"sgd": "SGD", "momentum": "Momentum", "rmsprop": "RMSprop", "adam": "Adam"}

SWEEP_CODE = f"""\
import csv

with open(RESULTS / "{sweep_lab.NAME}" / "{sweep_lab.CSV_FILE}", newline="") as handle:
    rows = list(csv.DictReader(handle))
print(len(rows), "cells; best:", metrics("{sweep_lab.NAME}")["results"]["best"]["summary"])
"""


# ------------------------------------------------------------------ reading the results
def _grid(data: dict, optimizer: str) -> list[dict]:
    """The cells of ``optimizer`` with the default initialisation that have a result."""
    return [c for c in data["results"]["cells"]
            if c["optimizer"] == optimizer and c["init"] == sweep_lab.DEFAULT_INIT
            and c["test_accuracy_mean"] is not None]  # fmt: skip


def _optimizers(data: dict) -> tuple[str, str | None]:
    """The sheet's optimiser (the first) and the one compared with it (the second, if any)."""
    names = data["settings"]["optimizers"]
    return names[0], (names[1] if len(names) > 1 else None)


def _key(cell: dict) -> tuple:
    return (tuple(cell["hidden_layers"]), cell["activation"], cell["learning_rate"])


def _top(cells: list[dict]) -> dict | None:
    return max(cells, key=lambda c: c["test_accuracy_mean"], default=None)


def _versus(a: float, b: float) -> int:
    """+1 if ``a`` beats ``b`` by more than :data:`MARGIN`, −1 if it loses by more, else 0."""
    return 0 if abs(a - b) <= MARGIN else (1 if a > b else -1)


def pairs(data: dict) -> list[tuple[dict, dict]]:
    """(first optimiser's cell, second's) for every cell of the grid where both have a result."""
    first, second = _optimizers(data)
    if second is None:
        return []
    other = {_key(c): c for c in _grid(data, second)}
    return [(c, other[_key(c)]) for c in _grid(data, first) if _key(c) in other]


def he_pairs(data: dict, activation: str) -> list[tuple[dict, dict]]:
    """(default initialisation, He-scaled) of ``activation`` for every architecture repeated."""
    settings = data["settings"]
    default = {_key(c): c for c in _grid(data, settings["rescaled_optimizer"])}
    return [(default[_key(c)], c) for c in data["results"]["cells"]
            if c["init"] != sweep_lab.DEFAULT_INIT and c["activation"] == activation
            and c["test_accuracy_mean"] is not None and _key(c) in default]  # fmt: skip


def _mean(values) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None


# ------------------------------------------------------------------ the claims
def best_claim(data: dict) -> str:
    """Does the best cell of the second optimiser beat the first's, lose to it, or tie?"""
    first, second = _optimizers(data)
    a, b = _top(_grid(data, first)), _top(_grid(data, second)) if second else None
    if a is None or b is None:
        return "sweep_best_one"
    return {1: "sweep_best_second", 0: "sweep_best_level", -1: "sweep_best_first"}[
        _versus(b["test_accuracy_mean"], a["test_accuracy_mean"])
    ]


def optimizer_claim(data: dict) -> str:
    """In how many cells does the second optimiser beat the first, against how many it loses?"""
    found = [_versus(b["test_accuracy_mean"], a["test_accuracy_mean"]) for a, b in pairs(data)]
    if not found:
        return "sweep_opt_none"
    better, worse = found.count(1), found.count(-1)
    return (
        "sweep_opt_second" if better > worse else ("sweep_opt_first" if worse > better else "sweep_opt_even")
    )


def _architecture_wins(data: dict) -> list[tuple[list[int], int]]:
    """Per architecture: +1/0/−1 as the second optimiser's best cell beats, ties or loses to the first's."""
    found = []
    for hidden in data["settings"]["hidden_layers"]:
        mine = [(a, b) for a, b in pairs(data) if a["hidden_layers"] == hidden]
        if mine:
            best_a = max(a["test_accuracy_mean"] for a, _ in mine)
            best_b = max(b["test_accuracy_mean"] for _, b in mine)
            found.append((hidden, _versus(best_b, best_a)))
    return found


def architecture_claim(data: dict) -> str:
    """Does the second optimiser's best cell beat the first's in every architecture, in some, in none?"""
    wins = [w for _, w in _architecture_wins(data)]
    if not wins:
        return "sweep_arch_none_run"
    k = wins.count(1)
    return "sweep_arch_all" if k == len(wins) else ("sweep_arch_some" if k else "sweep_arch_none")


def _failing(data: dict) -> set[str]:
    """The activations none of whose cells learns with the first optimiser and default weights."""
    first, _ = _optimizers(data)
    cells = _grid(data, first)
    learned = {c["activation"] for c in cells if c["test_accuracy_mean"] >= LEARNED}
    return set(data["settings"]["activations"]) - learned


def failure_claim(data: dict) -> str:
    """Which activations fail with plain gradient descent: sigmoid and tanh, one of them, all, none."""
    failing = _failing(data)
    present = set(data["settings"]["activations"])
    if failing == present:
        return "sweep_fail_all"
    if not failing:
        return "sweep_fail_none"
    if failing == {"sigmoid", "tanh"}:
        return "sweep_fail_smooth"
    if failing == {"sigmoid"}:
        return "sweep_fail_sigmoid"
    if failing == {"tanh"}:
        return "sweep_fail_tanh"
    return "sweep_fail_other"


def _he_gain(data: dict, activation: str) -> int | None:
    """+1/0/−1: He-scaled weights beat, tie or lose to the default, averaged over the architectures."""
    found = he_pairs(data, activation)
    if not found:
        return None
    return _versus(
        _mean(b["test_accuracy_mean"] for _, b in found), _mean(a["test_accuracy_mean"] for a, _ in found)
    )


def he_claim(data: dict) -> str:
    """Does the He-scaled repeat help tanh, sigmoid, both or neither?"""
    tanh, sigmoid = _he_gain(data, "tanh"), _he_gain(data, "sigmoid")
    if tanh is None or sigmoid is None:
        return "sweep_he_none"
    versions = {(True, True): "sweep_he_both", (True, False): "sweep_he_tanh",
                (False, True): "sweep_he_sigmoid", (False, False): "sweep_he_neither"}  # fmt: skip
    return versions[(tanh > 0, sigmoid > 0)]


def _net_cells(data: dict) -> tuple[dict | None, dict | None]:
    """The best cell of each optimiser for the network of section 2.2 (b)."""
    hidden, activation = SPIRALS_NET
    first, second = _optimizers(data)
    pick = [[c for c in _grid(data, o) if c["hidden_layers"] == hidden and c["activation"] == activation]
            for o in (first, second)]  # fmt: skip
    return _top(pick[0]), (_top(pick[1]) if second else None)


def spirals_net_claim(data: dict) -> str:
    """For the spirals network: does plain gradient descent train it as well as Adam, better, worse?"""
    a, b = _net_cells(data)
    if a is None or b is None:
        return "sweep_net_absent"
    return {1: "sweep_net_second", 0: "sweep_net_level", -1: "sweep_net_first"}[
        _versus(b["test_accuracy_mean"], a["test_accuracy_mean"])
    ]


def slow_claim(data: dict) -> str:
    """At the smallest rate, does the first optimiser leave every cell near the plateau log 2?"""
    first, _ = _optimizers(data)
    slowest = min(data["settings"]["learning_rates"])
    losses = [c["final_train_loss_mean"] for c in _grid(data, first) if c["learning_rate"] == slowest]
    if not losses:
        return "sweep_slow_none"
    return "sweep_slow_plateau" if min(losses) > math.log(2) - 0.05 else "sweep_slow_moved"


# ------------------------------------------------------------------ facts
def _cell_name(cell: dict, lang: str) -> str:
    """``[2, 16, 8, 1] relu, α = 0.01`` (with ``, He`` for the He-scaled repeat)."""
    he = "" if cell["init"] == sweep_lab.DEFAULT_INIT else ", He"
    layers = fmt_layers([2, *cell["hidden_layers"], 1])
    return f"{layers} {cell['activation']}, α = {fmt_rate(cell['learning_rate'], lang)}{he}"


def _cell_facts(prefix: str, cell: dict | None, lang: str) -> dict[str, str]:
    if cell is None:
        return {f"{prefix}_{k}": "–" for k in ("name", "test", "std", "train", "reached", "e100", "opt")}
    e100 = cell["epochs_to_100_percent_mean"]
    return {
        f"{prefix}_name": _cell_name(cell, lang),
        f"{prefix}_opt": _NAMES.get(cell["optimizer"], cell["optimizer"]),
        f"{prefix}_test": fmt_pct(cell["test_accuracy_mean"], lang),
        f"{prefix}_std": fmt_pct(cell["test_accuracy_std"], lang)
        if cell["test_accuracy_std"] is not None
        else "–",
        f"{prefix}_train": fmt_pct(cell["train_accuracy_mean"], lang),
        f"{prefix}_reached": f"{cell['reached_100_percent']} {_OF[lang]} {cell['runs']}",
        f"{prefix}_e100": fmt_num(e100, 0, lang) if e100 is not None else "–",
    }


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _words(lang: str) -> dict[str, tuple[str, str]]:
    return {"cell": ("cell", "cells") if lang == "en" else ("Zelle", "Zellen"),
            "run": ("run", "runs") if lang == "en" else ("Lauf", "Läufe")}  # fmt: skip


def _list(items: list[str], lang: str) -> str:
    return "; ".join(items) if items else ("none" if lang == "en" else "keine")


def _and(items: list[str], lang: str, sep: str = ", ") -> str:
    """``a, b and c`` (``sep``: ``"; "`` between numbers with decimal commas)."""
    last = " and " if lang == "en" else " und "
    return items[0] if len(items) == 1 else sep.join(items[:-1]) + last + items[-1]


def _grid_facts(settings: dict, lang: str) -> dict[str, str]:
    hidden = settings["hidden_layers"]
    n_cells = len(hidden) * len(settings["learning_rates"]) * len(settings["activations"])
    f = {
        "sweep_hidden_list": _and([fmt_layers(h) for h in hidden], lang),
        "sweep_rate_list": _and(
            [fmt_rate(r, lang) for r in settings["learning_rates"]], lang, ", " if lang == "en" else "; "
        ),
        "sweep_act_list": _and(list(settings["activations"]), lang),
        "sweep_grid_cells": _plural(n_cells, *_words(lang)["cell"]),
    }
    for i in range(len(TABLES)):
        f[f"sweep_arch_{i + 1}"] = fmt_layers([2, *hidden[i], 1]) if i < len(hidden) else "–"
    return f


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The budget, the best cells, the optimiser comparison, the failing activations, the He repeat."""
    settings, results = metrics["settings"], metrics["results"]
    first, second = _optimizers(metrics)
    words = _words(lang)
    f = {
        "sweep_runs": _plural(results["n_runs"], *words["run"]),
        "sweep_failed": str(results["n_failed"]),
        "sweep_seeds": str(settings["seeds_per_cell"]),
        "sweep_epochs": str(settings["epochs"]),
        "sweep_updates": str(settings["updates_per_run"]),
        "sweep_batch": str(settings["batch_size"]),
        "sweep_first": _NAMES.get(first, first),
        "sweep_second": _NAMES.get(second, second) if second else "–",
        "sweep_top_rate": fmt_rate(settings["rescaled_rate"], lang),
        "sweep_margin": fmt_num(100 * MARGIN, 0, lang),
        "sweep_learned": fmt_pct(LEARNED, lang, 0),
    }
    f |= _grid_facts(settings, lang)
    f |= _cell_facts("sweep_best", results["best"], lang)
    f |= _cell_facts("sweep_best1", _top(_grid(metrics, first)), lang)
    f |= _cell_facts("sweep_best2", _top(_grid(metrics, second)) if second else None, lang)
    found = pairs(metrics)
    verdicts = [_versus(b["test_accuracy_mean"], a["test_accuracy_mean"]) for a, b in found]
    f["sweep_pairs"] = _plural(len(found), *words["cell"])
    f["sweep_second_better"] = str(verdicts.count(1))
    f["sweep_second_worse"] = str(verdicts.count(-1))
    f["sweep_learned_first"] = _plural(
        sum(a["test_accuracy_mean"] >= LEARNED for a, _ in found), *words["cell"]
    )
    f["sweep_learned_second"] = _plural(
        sum(b["test_accuracy_mean"] >= LEARNED for _, b in found), *words["cell"]
    )
    only_second = [_cell_name(a, lang) for a, b in found
                   if b["test_accuracy_mean"] >= LEARNED > a["test_accuracy_mean"]]  # fmt: skip
    f["sweep_only_second"] = _list(only_second, lang)
    worse = [a for (a, b), v in zip(found, verdicts) if v < 0]
    top = max(settings["learning_rates"])
    f["sweep_worse_at_top"] = str(sum(c["learning_rate"] == top for c in worse))
    wins = _architecture_wins(metrics)
    f["sweep_arch_n"] = str(len(wins))
    f["sweep_arch_k"] = str(sum(w == 1 for _, w in wins))
    f["sweep_arch_list"] = _list([fmt_layers([2, *h, 1]) for h, w in wins if w == 1], lang)
    by_activation = {
        a: _top([c for c in _grid(metrics, first) if c["activation"] == a])
        for a in ("sigmoid", "tanh", "relu")
    }
    for activation, cell in by_activation.items():
        f[f"sweep_{activation}_best"] = fmt_pct(cell["test_accuracy_mean"], lang) if cell else "–"
        f[f"sweep_{activation}_best_name"] = _cell_name(cell, lang) if cell else "–"
        second_cell = (
            _top([c for c in _grid(metrics, second) if c["activation"] == activation]) if second else None
        )
        f[f"sweep_{activation}_best2"] = (
            fmt_pct(second_cell["test_accuracy_mean"], lang) if second_cell else "–"
        )
    for activation in ("sigmoid", "tanh"):
        found_he = he_pairs(metrics, activation)
        f[f"sweep_he_{activation}_default"] = fmt_pct(
            _mean(a["test_accuracy_mean"] for a, _ in found_he), lang
        )
        f[f"sweep_he_{activation}"] = fmt_pct(_mean(b["test_accuracy_mean"] for _, b in found_he), lang)
        learned = sum(b["test_accuracy_mean"] >= LEARNED for _, b in found_he)
        f[f"sweep_he_{activation}_learned"] = f"{learned} {_OF[lang]} {len(found_he)}"
        f[f"sweep_he_{activation}_list"] = _list(
            [f"{fmt_layers([2, *a['hidden_layers'], 1])}: {fmt_pct(a['test_accuracy_mean'], lang)} → "
             f"{fmt_pct(b['test_accuracy_mean'], lang)}" for a, b in found_he], lang)  # fmt: skip
    net1, net2 = _net_cells(metrics)
    f |= _cell_facts("sweep_net1", net1, lang)
    f |= _cell_facts("sweep_net2", net2, lang)
    f["sweep_net"] = fmt_layers([2, *SPIRALS_NET[0], 1]) + " " + SPIRALS_NET[1]
    slowest = min(settings["learning_rates"])
    slow = [c["final_train_loss_mean"] for c in _grid(metrics, first) if c["learning_rate"] == slowest]
    f["sweep_slow_rate"] = fmt_rate(slowest, lang)
    f["sweep_slow_loss"] = fmt_num(min(slow, default=None), 3, lang)
    return f


# ------------------------------------------------------------------ tables
def _acc(cell: dict | None, lang: str) -> str:
    if cell is None or cell["test_accuracy_mean"] is None:
        return "–" if cell is None or not cell["failed"] else f"{cell['failed']} ✗"
    text = fmt_num(100 * cell["test_accuracy_mean"], 1, lang)
    std = cell["test_accuracy_std"]
    return text if std is None else f"{text} ± {fmt_num(100 * std, 1, lang)}"


def _reached(cell: dict | None, lang: str) -> str:
    if cell is None or cell["test_accuracy_mean"] is None:
        return "–"
    e100 = cell["epochs_to_100_percent_mean"]
    return f"{cell['reached_100_percent']}/{cell['runs']}" + (
        f" ({fmt_num(e100, 0, lang)})" if e100 is not None else ""
    )


def architecture_table(index: int, metrics: dict, text, lang: str) -> TableData:
    """One architecture: per activation and rate, each optimiser's test accuracy and runs at 100 %.

    Below, the He-scaled repeat (first optimiser, largest rate), its rows marked "He".
    """
    settings = metrics["settings"]
    optimizers = settings["optimizers"]
    head = [Cell(text["col_activation"]), Cell(text["col_lr"])]
    for o in optimizers:
        head += [
            Cell(f"{_NAMES.get(o, o)}: {text['col_sweep_test']}"),
            Cell(f"{_NAMES.get(o, o)}: {text['col_sweep_reached']}"),
        ]
    align = ["left", "right"] + ["right"] * (2 * len(optimizers))
    if index >= len(settings["hidden_layers"]):
        return TableData(head, [[Cell("–") for _ in head]], align)
    hidden = settings["hidden_layers"][index]
    cells = {(c["activation"], c["learning_rate"], c["optimizer"], c["init"]): c
             for c in metrics["results"]["cells"] if c["hidden_layers"] == hidden}  # fmt: skip
    order = [a for a in ("sigmoid", "tanh", "relu") if a in settings["activations"]]
    rows = []
    for activation in order:
        for rate in settings["learning_rates"]:
            row = [Cell(activation), Cell(fmt_rate(rate, lang))]
            for o in optimizers:
                cell = cells.get((activation, rate, o, sweep_lab.DEFAULT_INIT))
                row += [Cell(_acc(cell, lang)), Cell(_reached(cell, lang))]
            rows.append(row)
    for activation in order:
        rate, o = settings["rescaled_rate"], settings["rescaled_optimizer"]
        cell = cells.get((activation, rate, o, settings["rescaled_init"]))
        if cell is None:
            continue
        row = [Cell(f"{activation}, He"), Cell(fmt_rate(rate, lang))]
        for other in optimizers:
            mine = cell if other == o else None
            row += [Cell(_acc(mine, lang)), Cell(_reached(mine, lang))]
        rows.append(row)
    return TableData(head, rows, align)


TABLES = tuple(Table(partial(architecture_table, i), f"cap_sweep_table_{i + 1}") for i in range(3))


SECTION = Section(
    "sweep",
    (
        Heading(3, "h_sweep"),
        Para("sweep_setup"),
        Figure(sweep_lab.NAME, sweep_lab.FIG_HEATMAP, "cap_sweep_heatmap"),
        Claim(("sweep_best_second", "sweep_best_level", "sweep_best_first", "sweep_best_one"), best_claim),
        *TABLES,
        Claim(("sweep_opt_second", "sweep_opt_first", "sweep_opt_even", "sweep_opt_none"), optimizer_claim),
        Claim(
            ("sweep_arch_all", "sweep_arch_some", "sweep_arch_none", "sweep_arch_none_run"),
            architecture_claim,
        ),
        Claim(
            ("sweep_net_second", "sweep_net_level", "sweep_net_first", "sweep_net_absent"), spirals_net_claim
        ),
        Figure(sweep_lab.NAME, sweep_lab.FIG_CURVES, "cap_sweep_curves"),
        Claim(
            (
                "sweep_fail_smooth",
                "sweep_fail_sigmoid",
                "sweep_fail_tanh",
                "sweep_fail_all",
                "sweep_fail_none",
                "sweep_fail_other",
            ),
            failure_claim,
        ),
        Claim(
            ("sweep_he_both", "sweep_he_tanh", "sweep_he_sigmoid", "sweep_he_neither", "sweep_he_none"),
            he_claim,
        ),
        Claim(("sweep_slow_plateau", "sweep_slow_moved", "sweep_slow_none"), slow_claim),
        Code(SWEEP_CODE),
    ),
    facts,
    experiment=sweep_lab.NAME,
)
