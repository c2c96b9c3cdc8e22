"""Section 2.2 (a): XOR with a [2, 4, 1] network, its hidden units, and its success rate over seeds.

Every qualitative sentence is a :class:`~mlplab.report.blocks.Claim` chosen
from ``metrics.json``: whether the shown run classifies all four points (and
from which epoch on), whether its loss has a plateau, which activation solves
XOR most often and fastest, whether dead ReLU units go with the failures, and
how the hidden units' lines split the four points.
"""

from __future__ import annotations

import numpy as np

from ...lab import xor as xor_lab
from ..blocks import Cell, Claim, Code, Figure, Heading, Para, Table, TableData
from ..text import fmt_num, fmt_pct
from .base import Section, header

__all__ = ["SECTION"]

XOR_CODE = f"""\
xor = metrics("{xor_lab.NAME}")["results"]
main = xor["main_run"]
print("accuracy:", main["accuracy"], "| epochs to 100 %:", main["epochs_to_100_percent"])
{{a: f'{{r["solved"]}}/{{r["seeds"]}}' for a, r in xor["success_rate"].items()}}
"""

#: the loss "stays on its plateau" while it is above this share of its first value ...
PLATEAU_LEVEL = 0.9
#: ... and the plateau is "long" if it lasts at least as long as the fall from there to this share
DESCENT_LEVEL = 0.5

_NAMES = {
    "en": {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"},
    "de": {"sigmoid": "Sigmoid", "tanh": "tanh", "relu": "ReLU"},
}
_AND = {"en": "and", "de": "und"}
_UNIT = {"en": "unit", "de": "Neuron"}
_UNITS = {"en": "units", "de": "Neuronen"}


def _join(items: list[str], lang: str) -> str:
    """``a``, ``a and b``, ``a, b and c`` (German: ``und``)."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def _epochs(count: int | None, lang: str) -> str:
    """``1 epoch`` / ``254 epochs`` (German ``Epoche`` / ``Epochen``); ``–`` for None."""
    if count is None:
        return "–"
    one, many = {"en": ("epoch", "epochs"), "de": ("Epoche", "Epochen")}[lang]
    return f"{count} {one if count == 1 else many}"


def _point(p) -> str:
    return f"({p[0]:g}, {p[1]:g})"


# ------------------------------------------------------------------ what the numbers say
def _main(data: dict) -> dict:
    return data["results"]["main_run"]


def _epochs_above(loss: list[float], level: float) -> int | None:
    """Epochs before the loss first falls below ``level`` times its first value (None: never)."""
    curve = np.asarray(loss, dtype=float)
    below = np.flatnonzero(curve < level * curve[0])
    return int(below[0]) if below.size else None


def _plateau(loss: list[float]) -> int | None:
    """Epochs before the loss first falls below :data:`PLATEAU_LEVEL` of its first value (None: never)."""
    return _epochs_above(loss, PLATEAU_LEVEL)


def _descent(loss: list[float]) -> int | None:
    """Epochs from the end of the plateau until the loss is below :data:`DESCENT_LEVEL` of its first value."""
    plateau, half = _plateau(loss), _epochs_above(loss, DESCENT_LEVEL)
    return None if plateau is None or half is None else half - plateau


def _sides(main: dict) -> np.ndarray:
    """``(points, units)``: whether each point lies on the side ``z > 0`` of each hidden unit's line."""
    return np.asarray(main["hidden_preactivations"], dtype=float) > 0


def _isolated(side: np.ndarray) -> int | None:
    """The point that a unit's line cuts off alone, or None (a 2–2 split or no split)."""
    for value in (True, False):
        members = np.flatnonzero(side == value)
        if members.size == 1:
            return int(members[0])
    return None


def _strip(main: dict):
    """``(units, points, class)`` if two units each cut off one point of the same class, else None."""
    sides, targets = _sides(main), main["targets"]
    cut = {}  # point -> first unit that cuts it off alone
    for unit in range(sides.shape[1]):
        point = _isolated(sides[:, unit])
        if point is not None:
            cut.setdefault(point, unit)
    for label in (0, 1):
        members = [i for i, t in enumerate(targets) if t == label]
        if all(p in cut for p in members):
            pairs = sorted((cut[p], p) for p in members)  # by unit
            return [u for u, _ in pairs], [p for _, p in pairs], label
    return None


def _mixed_pairs(main: dict) -> list[tuple[int, int]]:
    """Pairs of points of different classes on the same side of every line."""
    sides, targets = _sides(main), main["targets"]
    return [
        (i, j)
        for i in range(len(targets))
        for j in range(i + 1, len(targets))
        if targets[i] != targets[j] and np.array_equal(sides[i], sides[j])
    ]


def choose_result(data: dict) -> str:
    main = _main(data)
    first, stable = main["epochs_to_100_percent"], main["perfect_from_epoch"]
    if main["accuracy"] == 1.0:
        return "xor_result_all" if stable == first else "xor_result_all_late"
    return "xor_result_lost" if first is not None else "xor_result_partial"


def choose_plateau(data: dict) -> str:
    loss = _main(data)["loss_curve"]
    plateau, descent = _plateau(loss), _descent(loss)
    if plateau is None:
        return "xor_plateau_never"
    return "xor_plateau_long" if descent is not None and plateau >= descent else "xor_plateau_short"


def _solved(data: dict) -> dict[str, int]:
    return {a: data["results"]["success_rate"][a]["solved"] for a in xor_lab.ACTIVATIONS}


def choose_success(data: dict) -> str:
    solved = _solved(data)
    best = max(solved.values())
    n_best = sum(v == best for v in solved.values())
    if n_best == len(solved):
        return "xor_success_equal"
    return "xor_success_one" if n_best == 1 else "xor_success_tie"


def _medians(data: dict) -> dict[str, float]:
    rates = data["results"]["success_rate"]
    return {
        a: rates[a]["median_epochs_to_100_percent"]
        for a in xor_lab.ACTIVATIONS
        if rates[a]["median_epochs_to_100_percent"] is not None
    }


def choose_speed(data: dict) -> str:
    medians = _medians(data)
    if not medians:
        return "xor_speed_none"
    fastest = min(medians.values())
    return "xor_speed_one" if sum(m == fastest for m in medians.values()) == 1 else "xor_speed_tie"


def _dead_split(data: dict) -> tuple[list[int], list[int]]:
    """Dead units per ReLU run, of the failed and of the solved runs (diverged runs left out)."""
    relu = data["results"]["success_rate"]["relu"]
    failed, solved = [], []
    for ok, dead in zip(relu["solved_per_seed"], relu["dead_units_per_seed"]):
        if dead is not None:
            (solved if ok else failed).append(dead)
    return failed, solved


def choose_dead(data: dict) -> str:
    failed, solved = _dead_split(data)
    if not failed:
        return "xor_dead_none_failed"
    if not solved:
        return "xor_dead_none_solved"
    return "xor_dead_more" if np.mean(failed) > np.mean(solved) else "xor_dead_not_more"


def choose_lines(data: dict) -> str:
    main = _main(data)
    if _strip(main) is not None:
        return "xor_lines_strip"
    return "xor_lines_mixed" if _mixed_pairs(main) else "xor_lines_regions"


# ------------------------------------------------------------------ facts
def _unit_text(index: int, side: np.ndarray, points, lang: str) -> str:
    unit = f"{_UNIT[lang]} {index + 1}"
    against = {"en": "against", "de": "gegen"}[lang]
    isolated = _isolated(side)
    if side.all() or not side.any():
        return f"{unit} {'none' if lang == 'en' else 'keinen'}"
    if isolated is not None:
        return f"{unit} {_point(points[isolated])} {against} {'the rest' if lang == 'en' else 'den Rest'}"
    on = ", ".join(_point(points[i]) for i in np.flatnonzero(side))
    off = ", ".join(_point(points[i]) for i in np.flatnonzero(~side))
    return f"{unit} {on} {against} {off}"


def _line_facts(main: dict, lang: str) -> dict[str, str]:
    sides, points = _sides(main), main["inputs"]
    between = int(sum(0 < sides[:, u].sum() < sides.shape[0] for u in range(sides.shape[1])))
    f = {
        "xor_lines_between": str(between),
        "xor_lines_list": "; ".join(_unit_text(u, sides[:, u], points, lang) for u in range(sides.shape[1])),
        "xor_strip_units": "–",
        "xor_strip_points": "–",
        "xor_strip_class": "–",
        "xor_other_class": "–",
        "xor_mixed_points": "–",
        "xor_output_weights": "; ".join(fmt_num(v, 2, lang) for v in main["output_weights"]),
        "xor_output_bias": fmt_num(main["output_bias"], 2, lang),
    }
    strip = _strip(main)
    if strip is not None:
        units, members, label = strip
        f["xor_strip_units"] = _join([str(u + 1) for u in units], lang)
        f["xor_strip_points"] = _join([_point(points[p]) for p in members], lang)
        f["xor_strip_class"], f["xor_other_class"] = str(label), str(1 - label)
    mixed = _mixed_pairs(main)
    if mixed:
        f["xor_mixed_points"] = "; ".join(
            _join([_point(points[i]), _point(points[j])], lang) for i, j in mixed
        )
    return f


def _success_facts(data: dict, lang: str) -> dict[str, str]:
    rates, names = data["results"]["success_rate"], _NAMES[lang]
    solved = _solved(data)
    best = max(solved.values())
    top = [a for a in xor_lab.ACTIVATIONS if solved[a] == best]
    rest = [a for a in xor_lab.ACTIVATIONS if solved[a] != best]
    f = {
        "xor_best": _join([names[a] for a in top], lang),
        "xor_best_solved": f"{best}/{rates[top[0]]['seeds']}",
        "xor_rest": _join([f"{names[a]} ({solved[a]}/{rates[a]['seeds']})" for a in rest], lang),
        "xor_fastest": "–",
        "xor_fastest_median": "–",
        "xor_slower": "–",
    }
    medians = _medians(data)
    if medians:
        fastest = min(medians.values())
        f["xor_fastest"] = _join([names[a] for a, m in medians.items() if m == fastest], lang)
        f["xor_fastest_median"] = fmt_num(fastest, 0, lang)
        f["xor_slower"] = _join(
            [f"{names[a]} {fmt_num(m, 0, lang)}" for a, m in medians.items() if m != fastest], lang
        )
    failed, ok = _dead_split(data)
    relu = rates["relu"]
    f.update({
        "xor_relu_failed": str(relu["seeds"] - relu["solved"]),
        "xor_relu_seeds": str(relu["seeds"]),
        "xor_dead_failed": fmt_num(float(np.mean(failed)), 1, lang) if failed else "–",
        "xor_dead_solved": fmt_num(float(np.mean(ok)), 1, lang) if ok else "–",
        "xor_relu_with_dead": str(sum(d > 0 for d in failed + ok)),
    })  # fmt: skip
    return f


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The settings, the shown run's numbers, the success rates, the dead units and the hidden lines."""
    settings, results = metrics["settings"], metrics["results"]
    main = results["main_run"]
    first, stable = main["epochs_to_100_percent"], main["perfect_from_epoch"]
    loss = main["loss_curve"]
    plateau = _plateau(loss)
    correct = sum(p == t for p, t in zip(main["predictions"], main["targets"]))
    f = {
        "xor_accuracy": fmt_pct(main["accuracy"], lang, 0),
        "xor_correct": str(correct),
        "xor_epochs": str(settings["epochs"]),
        "xor_lr": fmt_num(settings["learning_rate"], 2, lang),
        "xor_activation": _NAMES[lang].get(settings["activation"], settings["activation"]),
        "xor_final_loss": fmt_num(main["final_loss"], 4, lang),
        "xor_epochs_to_100": str(first) if first is not None else "–",
        "xor_perfect_from": str(stable) if stable is not None else "–",
        "xor_seeds": str(settings["seeds_per_activation"]),
        "xor_loss_start": fmt_num(loss[0], 3, lang),
        "xor_plateau_level": fmt_pct(PLATEAU_LEVEL, lang, 0),
        "xor_plateau_span": _epochs(plateau, lang),
        "xor_descent_span": _epochs(_descent(loss), lang),
        "xor_descent_level": fmt_pct(DESCENT_LEVEL, lang, 0),
    }
    for activation in xor_lab.ACTIVATIONS:
        entry = results["success_rate"][activation]
        f[f"xor_solved_{activation}"] = f"{entry['solved']}/{entry['seeds']}"
    f.update(_success_facts(metrics, lang))
    f.update(_line_facts(main, lang))
    return f


def success(metrics: dict, text, lang: str) -> TableData:
    """Seeds that reach 100 % per activation, and their median epochs to get there."""
    rows = []
    for activation in xor_lab.ACTIVATIONS:
        entry = metrics["results"]["success_rate"][activation]
        median = entry["median_epochs_to_100_percent"]
        rows.append([
            Cell(_NAMES[lang][activation]),
            Cell(f"{entry['solved']}/{entry['seeds']}"),
            Cell(fmt_pct(entry["rate"], lang, 0)),
            Cell(fmt_num(median, 0, lang) if median is not None else "–"),
        ])  # fmt: skip
    head = header(text, "col_activation", "col_solved", "col_rate", "col_median_epochs")
    return TableData(head, rows, ["left", "right", "right", "right"])


RESULT = Claim(
    ("xor_result_all", "xor_result_all_late", "xor_result_lost", "xor_result_partial"), choose_result
)
PLATEAU = Claim(("xor_plateau_long", "xor_plateau_short", "xor_plateau_never"), choose_plateau)
LINES = Claim(("xor_lines_strip", "xor_lines_regions", "xor_lines_mixed"), choose_lines)
SUCCESS = Claim(("xor_success_one", "xor_success_tie", "xor_success_equal"), choose_success)
SPEED = Claim(("xor_speed_one", "xor_speed_tie", "xor_speed_none"), choose_speed)
DEAD = Claim(
    ("xor_dead_more", "xor_dead_not_more", "xor_dead_none_failed", "xor_dead_none_solved"), choose_dead
)

SECTION = Section(
    "xor",
    (
        Heading(3, "h_xor"),
        Para("xor_setup"),
        Figure(xor_lab.NAME, xor_lab.FIG_MAIN, "cap_xor"),
        RESULT,
        PLATEAU,
        Figure(xor_lab.NAME, xor_lab.FIG_LINES, "cap_xor_lines", width="66%"),
        LINES,
        Figure(xor_lab.NAME, xor_lab.FIG_UNITS, "cap_xor_units"),
        Para("xor_units_text"),
        Para("xor_seeds_setup"),
        Table(success, "cap_xor_success"),
        Figure(xor_lab.NAME, xor_lab.FIG_SUCCESS, "cap_xor_success_fig", width="60%"),
        SUCCESS,
        SPEED,
        DEAD,
        Code(XOR_CODE),
    ),
    facts,
    experiment=xor_lab.NAME,
)
