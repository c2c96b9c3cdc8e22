"""Section 4 (bonus): momentum, RMSprop and Adam against SGD, and L2 regularisation.

Every comparative sentence is a :class:`~mlplab.report.blocks.Claim` chosen by
one of the ``claim_*`` functions below from the experiment's ``metrics.json``:
which run reaches the loss target first, momentum against SGD at the same α
(its fair baseline), which update rule costs more per epoch (only where the
repeated timings' ranges do not overlap), and where and why L2 collapses.
"""

from __future__ import annotations

import itertools

from ...lab import optimizers as opt_lab
from ..blocks import Cell, Claim, Code, Equation, Figure, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_num, fmt_pct, fmt_sig
from .base import Section, header

__all__ = ["SECTION"]

#: the loss target whose first epoch the prose and the table quote (a key of ``epochs_to_loss``)
_TARGET = "0.1"
#: momentum and its baseline count as equally fast when their epochs differ by at most this share
_SAME_SHARE = 0.05
#: an L2 run has collapsed when its data loss is within this share of the best constant prediction's
_COLLAPSE_SHARE = 0.9

_NAMES = {"sgd": "SGD", "rmsprop": "RMSprop", "adam": "Adam"}
_MOMENTUM = {"en": "momentum", "de": "Momentum"}


# ------------------------------------------------------------------ reading the results
def _runs(metrics: dict) -> dict:
    return metrics["results"]["optimizers"]


def _epochs(metrics: dict, key: str) -> int | None:
    return _runs(metrics)[key]["epochs_to_loss"][_TARGET]


def _clocks(metrics: dict) -> dict:
    """Per optimiser its wall milliseconds per epoch (median, min, max); empty without timings."""
    timed = metrics.get("timings", {}).get("per_optimizer", {})  # timings are optional
    optimizers = timed.get("optimizers", {}) if isinstance(timed, dict) else {}
    clocks = {name: entry.get("wall_ms_per_epoch") for name, entry in optimizers.items()}
    return {name: ms for name, ms in clocks.items() if ms is not None}


def _name(optimizer: str, lang: str) -> str:
    return _MOMENTUM[lang] if optimizer == "momentum" else _NAMES[optimizer]


def _label(run: dict, lang: str) -> str:
    """``SGD (α = 0.1)`` in ``lang``."""
    return f"{_name(run['optimizer'], lang)} (α = {fmt_g(run['learning_rate'], lang)})"


def _reached(metrics: dict) -> list[tuple[int, str]]:
    """(epochs to the target, key) of every run that reached it, fastest first (ties: table order)."""
    order = [key for key, *_ in opt_lab.RUNS]
    hits = [(_epochs(metrics, key), order.index(key), key) for key in order]
    return [(epochs, key) for epochs, _, key in sorted(h for h in hits if h[0] is not None)]


def _time_to_target(metrics: dict) -> list[tuple[dict, str]]:
    """Per run that reached the target: epochs × ms per epoch (median, min, max) in seconds, by median."""
    clocks = _clocks(metrics)
    out = []
    for epochs, key in _reached(metrics):
        ms = clocks.get(_runs(metrics)[key]["optimizer"])
        if ms is not None:
            out.append(({k: epochs * ms[k] / 1000 for k in ("median", "min", "max")}, key))
    return sorted(out, key=lambda item: item[0]["median"])


def _l2_rows(metrics: dict) -> list[dict]:
    return metrics["results"]["l2"]


def _collapse(metrics: dict) -> int | None:
    """Index of the first λ whose data loss is within 10 % of the best constant prediction's, or None."""
    constant = metrics["results"]["constant_loss"]
    for index, row in enumerate(_l2_rows(metrics)):
        if row["data_loss"] >= _COLLAPSE_SHARE * constant:
            return index
    return None


# ------------------------------------------------------------------ claims
def claim_first(metrics: dict) -> str:
    """Which run gets below the loss target first (in epochs), and by how many epochs."""
    reached = _reached(metrics)
    if not reached:
        return "opt_first_none"
    if len(reached) == 1:
        return "opt_first_alone"
    return "opt_first_tie" if reached[0][0] == reached[1][0] else "opt_first"


def claim_momentum_gain(metrics: dict) -> str:
    """Momentum at the large rate against its fair baseline, SGD at the same α."""
    momentum, baseline = opt_lab.FAIR_PAIRS[1]
    m, s = _epochs(metrics, momentum), _epochs(metrics, baseline)
    if m is None or s is None:
        return "opt_momentum_gain_unreached"
    if abs(m - s) <= _SAME_SHARE * s:
        return "opt_momentum_gain_same"
    return "opt_momentum_gain" if m < s else "opt_momentum_gain_slower"


def claim_momentum_small_rate(metrics: dict) -> str:
    """Momentum at the small rate against SGD at the same α: equal within 5 % of the epochs, or not."""
    momentum, baseline = opt_lab.FAIR_PAIRS[0]
    m, s = _epochs(metrics, momentum), _epochs(metrics, baseline)
    if m is None and s is None:
        m_loss, s_loss = (_runs(metrics)[k]["final_loss"] for k in (momentum, baseline))
        return "opt_small_rate_both_unreached_same" if abs(m_loss - s_loss) <= _SAME_SHARE * s_loss else (
            "opt_small_rate_both_unreached_differ"
        )  # fmt: skip
    if m is None or s is None:
        return "opt_small_rate_one_unreached"
    if abs(m - s) <= _SAME_SHARE * s:
        return "opt_small_rate_same"
    return "opt_small_rate_faster" if m < s else "opt_small_rate_slower"


def _extremes(metrics: dict) -> tuple[str, str] | None:
    """The optimisers with the smallest and the largest median time per epoch."""
    clocks = _clocks(metrics)
    if len(clocks) < 2:
        return None
    ranked = sorted(clocks, key=lambda name: clocks[name]["median"])
    return ranked[0], ranked[-1]


def claim_cost(metrics: dict) -> str:
    """Whether the dearest update rule per epoch costs more than the cheapest beyond the noise."""
    pair = _extremes(metrics)
    if pair is None:
        return "opt_cost_missing"
    clocks = _clocks(metrics)
    cheap, dear = clocks[pair[0]], clocks[pair[1]]
    return "opt_cost_distinct" if cheap["max"] < dear["min"] else "opt_cost_noise"


def claim_time_to_target(metrics: dict) -> str:
    """Whether the run quickest to the target in wall time is so beyond the noise of the timings."""
    timed = _time_to_target(metrics)
    if len(timed) < 2:
        return "opt_time_target_missing"
    (first, _), (second, _) = timed[0], timed[1]
    return "opt_time_target_first" if first["max"] < second["min"] else "opt_time_target_noise"


def claim_l2_shrinks(metrics: dict) -> str:
    """Whether every larger λ ended with smaller weights."""
    return "opt_l2_shrinks" if metrics["results"]["weight_norm_decreases_with_l2"] else "opt_l2_not_monotone"


def claim_l2_collapse(metrics: dict) -> str:
    """Where the network collapses to a constant, and whether the kept-fit estimate explains it."""
    index = _collapse(metrics)
    if index is None:
        return "opt_l2_no_collapse"
    if index == 0:
        return "opt_l2_collapse_at_first"
    rows, constant = _l2_rows(metrics), metrics["results"]["constant_loss"]
    before = rows[index - 1]["kept_fit_objective"]
    if rows[index]["kept_fit_objective"] <= constant:
        return "opt_l2_collapse_unexplained"
    if before is None:  # the last fit is λ = 0: no earlier weights to keep
        return "opt_l2_collapse_explained_after_zero"
    return "opt_l2_collapse_explained" if before < constant else "opt_l2_collapse_unexplained"


def claim_l2_penalty(metrics: dict) -> str:
    """At the largest λ that still fits: does the penalty outweigh the data loss?"""
    index = _collapse(metrics)
    rows = _l2_rows(metrics)
    last = (len(rows) if index is None else index) - 1
    if last < 0 or rows[last]["l2"] == 0:
        return "opt_l2_penalty_none"
    row = rows[last]
    return "opt_l2_penalty_outweighs" if row["penalty"] > row["data_loss"] else "opt_l2_penalty_below"


# ------------------------------------------------------------------ facts
def _epochs_text(value: int | None) -> str:
    return str(value) if value is not None else "–"


def _ms(ms: dict | None, lang: str) -> str:
    if ms is None:
        return "–"
    return f"{fmt_sig(ms['median'], lang)} ({fmt_sig(ms['min'], lang)}–{fmt_sig(ms['max'], lang)})"


def _seconds(span: dict | None, lang: str) -> str:
    if span is None:
        return "–"
    return f"{fmt_sig(span['median'], lang)} s ({fmt_sig(span['min'], lang)}–{fmt_sig(span['max'], lang)} s)"


def _lambda(value: float, lang: str) -> str:
    return fmt_g(value, lang)  # exact: 0.0001, 0.003


def _settings_facts(metrics: dict, lang: str) -> dict[str, str]:
    """β, ρ, β₁, β₂, ε and α as the optimiser objects held them (their ``config()`` in the results)."""
    runs = _runs(metrics)
    momentum, rms, adam = runs["momentum"]["config"], runs["rmsprop"]["config"], runs["adam"]["config"]
    return {
        "opt_beta": fmt_g(momentum["beta"], lang),
        "opt_one_over": fmt_g(round(1 / (1 - momentum["beta"]), 6), lang),
        "opt_rms_lr": fmt_g(rms["learning_rate"], lang),
        "opt_rms_rho": fmt_g(rms["rho"], lang),
        "opt_rms_eps": fmt_g(rms["eps"], lang),
        "opt_adam_lr": fmt_g(adam["learning_rate"], lang),
        "opt_adam_beta1": fmt_g(adam["beta1"], lang),
        "opt_adam_beta2": fmt_g(adam["beta2"], lang),
        "opt_adam_eps": fmt_g(adam["eps"], lang),
    }


def facts(metrics: dict, lang: str) -> dict[str, str]:
    """The numbers of every version of every claim, whichever the results choose."""
    results, settings = metrics["results"], metrics["settings"]
    runs = _runs(metrics)
    f = _settings_facts(metrics, lang)
    f["opt_epochs"] = str(settings["epochs"])
    for key, *_ in opt_lab.RUNS:
        f[f"opt_{key}_lr"] = fmt_g(runs[key]["learning_rate"], lang)
        f[f"opt_{key}_e01"] = _epochs_text(_epochs(metrics, key))
        f[f"opt_{key}_loss"] = fmt_sig(runs[key]["final_loss"], lang)
        f[f"opt_{key}_rises"] = str(runs[key]["loss_rises"])

    reached = _reached(metrics)
    first, second = (reached + [(None, None)] * 2)[:2]
    f["opt_first_name"] = _label(runs[first[1]], lang) if first[1] else "–"
    f["opt_first_epochs"] = _epochs_text(first[0])
    f["opt_second_name"] = _label(runs[second[1]], lang) if second[1] else "–"
    f["opt_second_epochs"] = _epochs_text(second[0])
    f["opt_first_lead"] = str(second[0] - first[0]) if first[0] is not None and second[0] is not None else "–"
    f["opt_n_reached"] = str(len(reached))

    for pair, prefix in zip(opt_lab.FAIR_PAIRS, ("opt_small", "opt_large")):
        m, s = (_epochs(metrics, key) for key in pair)
        f[f"{prefix}_diff"] = str(abs(m - s)) if m is not None and s is not None else "–"
        f[f"{prefix}_factor"] = fmt_num(s / m, 2, lang) if m and s else "–"
    s01, s1 = _epochs(metrics, "sgd"), _epochs(metrics, "sgd_momentum_rate")
    f["opt_rate_factor"] = fmt_num(s01 / s1, 1, lang) if s01 and s1 else "–"

    clocks = _clocks(metrics)
    timed = metrics.get("timings", {}).get("per_optimizer", {})  # timings are optional
    f["opt_timing_repeats"] = str(timed.get("repeats", "–")) if isinstance(timed, dict) else "–"
    f["opt_timing_epochs"] = str(timed.get("epochs", "–")) if isinstance(timed, dict) else "–"
    for name in opt_lab.TIMED:
        f[f"opt_ms_{name}"] = _ms(clocks.get(name), lang)
    pair = _extremes(metrics)
    f["opt_cheap_name"] = _name(pair[0], lang) if pair else "–"
    f["opt_dear_name"] = _name(pair[1], lang) if pair else "–"
    f["opt_cheap_ms"] = _ms(clocks[pair[0]], lang) if pair else "–"
    f["opt_dear_ms"] = _ms(clocks[pair[1]], lang) if pair else "–"
    to_target = _time_to_target(metrics) + [(None, None)] * 2
    for (span, key), prefix in zip(to_target[:2], ("opt_tfirst", "opt_tsecond")):
        f[f"{prefix}_name"] = _label(runs[key], lang) if key else "–"
        f[f"{prefix}_time"] = _seconds(span, lang)

    rows, constant = _l2_rows(metrics), results["constant_loss"]
    f["opt_l2_values"] = "; ".join(_lambda(row["l2"], lang) for row in rows)
    f["opt_l2_epochs"] = str(settings["l2_epochs"])
    f["opt_l2_lr"] = fmt_g(settings["l2_optimizer"]["learning_rate"], lang)
    sizes = settings["layer_sizes"]
    n_weights = sum(n_in * n_out for n_in, n_out in itertools.pairwise(sizes))
    f["opt_n_weights"] = f"{n_weights:,}".replace(",", "\u202f")  # thin spaces: 16 768
    f["opt_l2_norm_first"] = fmt_sig(rows[0]["weight_norm"], lang)
    f["opt_l2_norm_last"] = fmt_sig(rows[-1]["weight_norm"], lang)
    f["opt_l2_first"] = _lambda(rows[0]["l2"], lang)
    f["opt_l2_last"] = _lambda(rows[-1]["l2"], lang)
    f["opt_constant_loss"] = fmt_sig(constant, lang)
    f["opt_collapse_share"] = fmt_pct(1 - _COLLAPSE_SHARE, lang, 0)
    index = _collapse(metrics)
    at = rows[index] if index is not None else None
    fit = rows[index - 1] if index else (rows[-1] if index is None else None)
    f["opt_collapse_l2"] = _lambda(at["l2"], lang) if at else "–"
    f["opt_collapse_loss"] = fmt_sig(at["data_loss"], lang) if at else "–"
    f["opt_collapse_acc"] = fmt_pct(at["train_accuracy"], lang) if at else "–"
    f["opt_collapse_norm"] = fmt_sig(at["weight_norm"], lang) if at else "–"
    f["opt_collapse_objective"] = fmt_sig(at["final_objective"], lang) if at else "–"
    f["opt_collapse_kept"] = (
        fmt_sig(at["kept_fit_objective"], lang) if at and at["kept_fit_objective"] else "–"
    )
    f["opt_fit_l2"] = _lambda(fit["l2"], lang) if fit else "–"
    f["opt_fit_norm"] = fmt_sig(fit["weight_norm"], lang) if fit else "–"
    f["opt_fit_loss"] = fmt_sig(fit["data_loss"], lang) if fit else "–"
    f["opt_fit_penalty"] = fmt_sig(fit["penalty"], lang) if fit else "–"
    f["opt_fit_acc"] = fmt_pct(fit["train_accuracy"], lang) if fit else "–"
    f["opt_fit_total"] = fmt_sig(fit["data_loss"] + fit["penalty"], lang) if fit else "–"
    kept_before = fit["kept_fit_objective"] if fit else None
    f["opt_fit_kept"] = fmt_sig(kept_before, lang) if kept_before is not None else "–"
    return f


# ------------------------------------------------------------------ tables
def comparison_rows(metrics: dict, lang: str) -> list[list[str]]:
    """The optimiser table's body as text, in the order of :data:`~mlplab.lab.optimizers.RUNS`."""
    clocks = _clocks(metrics)
    rows = []
    for key, *_ in opt_lab.RUNS:
        run = _runs(metrics)[key]
        rows.append([
            _label(run, lang),
            fmt_sig(run["final_loss"], lang),
            _epochs_text(run["epochs_to_loss"][_TARGET]),
            fmt_pct(run["test_accuracy"], lang),
            _ms(clocks.get(run["optimizer"]), lang),
        ])  # fmt: skip
    return rows


def comparison(metrics: dict, text, lang: str) -> TableData:
    """Per run: final loss, epochs to the target, test accuracy, time per epoch (median, range)."""
    rows = [[Cell(cell) for cell in row] for row in comparison_rows(metrics, lang)]
    head = header(text, "col_optimizer", "col_opt_loss", "col_epochs_01", "col_test_acc", "col_ms_epoch")
    return TableData(head, rows, ["left", "right", "right", "right", "right"])


def l2(metrics: dict, text, lang: str) -> TableData:
    """Per λ: Σ‖W‖², the penalty λΣ‖W‖², the data loss, the accuracies; all to 3 significant digits."""
    rows = []
    for row in _l2_rows(metrics):
        rows.append([
            Cell(_lambda(row["l2"], lang)),
            Cell(fmt_sig(row["weight_norm"], lang)),
            Cell(fmt_sig(row["penalty"], lang)),
            Cell(fmt_sig(row["data_loss"], lang)),
            Cell(fmt_pct(row["train_accuracy"], lang)),
            Cell(fmt_pct(row["test_accuracy"], lang)),
        ])  # fmt: skip
    head = header(
        text, "col_lambda", "col_weight_norm", "col_penalty", "col_data_loss", "col_train_acc", "col_test_acc"
    )
    return TableData(head, rows, ["right"] * 6)


# ------------------------------------------------------------------ the notebook's cell
_KEYS = [key for key, *_ in opt_lab.RUNS]

OPT_CODE = f"""\
# The optimiser table again, from this experiment's metrics.json: the same runs, order and numbers.
import math

result = metrics("optimizers")
runs = result["results"]["optimizers"]
timed = result.get("timings", {{}}).get("per_optimizer", {{}}).get("optimizers", {{}})


def sig(value, digits=3):
    \"\"\"Three significant digits, as in the table: 2621, 0.0699, 9.26e-06.\"\"\"
    if value == 0:
        return "0"
    if abs(value) >= 10**digits:
        return f"{{value:.0f}}"
    if abs(value) >= 1e-3:
        return f"{{value:.{{max(digits - 1 - math.floor(math.log10(abs(value))), 0)}}f}}"
    return f"{{value:.{{digits - 1}}e}}"


for key in {_KEYS!r}:  # the table's order
    run = runs[key]
    name = {{"sgd": "SGD", "momentum": "momentum", "rmsprop": "RMSprop", "adam": "Adam"}}[run["optimizer"]]
    epochs = run["epochs_to_loss"]["{_TARGET}"]
    ms = timed.get(run["optimizer"], {{}}).get("wall_ms_per_epoch")
    label = f"{{name}} (α = {{run['learning_rate']:g}})"
    reached = str(epochs) if epochs is not None else "–"
    clock = f"{{sig(ms['median'])}} ({{sig(ms['min'])}}–{{sig(ms['max'])}})" if ms else "–"
    print(f"{{label:20s}} final loss {{sig(run['final_loss']):>9s}}   "
          f"epochs to loss < {_TARGET}: {{reached:>4s}}   "
          f"test {{100 * run['test_accuracy']:.1f}} %   ms per epoch {{clock}}")
"""


def _claim(*keys: str, choose) -> Claim:
    return Claim(tuple(keys), choose)


SECTION = Section(
    "optimizers",
    (
        Heading(1, "h_bonus"),
        Heading(2, "h_momentum"),
        Equation("momentum"),
        Para("opt_momentum"),
        Heading(2, "h_adaptive"),
        Equation("rmsprop"),
        Equation("adam"),
        Para("opt_adaptive"),
        Figure(opt_lab.NAME, opt_lab.FIG_CURVES, "cap_opt_curves"),
        Table(comparison, "cap_opt_table"),
        _claim("opt_first", "opt_first_tie", "opt_first_alone", "opt_first_none", choose=claim_first),
        _claim(
            "opt_momentum_gain",
            "opt_momentum_gain_same",
            "opt_momentum_gain_slower",
            "opt_momentum_gain_unreached",
            choose=claim_momentum_gain,
        ),
        _claim(
            "opt_small_rate_same",
            "opt_small_rate_faster",
            "opt_small_rate_slower",
            "opt_small_rate_one_unreached",
            "opt_small_rate_both_unreached_same",
            "opt_small_rate_both_unreached_differ",
            choose=claim_momentum_small_rate,
        ),
        Para("opt_timing"),
        _claim("opt_cost_distinct", "opt_cost_noise", "opt_cost_missing", choose=claim_cost),
        _claim(
            "opt_time_target_first",
            "opt_time_target_noise",
            "opt_time_target_missing",
            choose=claim_time_to_target,
        ),
        Heading(2, "h_l2"),
        Equation("l2"),
        Para("opt_l2_text"),
        Table(l2, "cap_l2_table"),
        Figure(opt_lab.NAME, opt_lab.FIG_L2_BOUNDARIES, "cap_l2_boundaries"),
        Figure(opt_lab.NAME, opt_lab.FIG_L2_NORMS, "cap_l2_norms"),
        _claim("opt_l2_shrinks", "opt_l2_not_monotone", choose=claim_l2_shrinks),
        _claim(
            "opt_l2_collapse_explained",
            "opt_l2_collapse_explained_after_zero",
            "opt_l2_collapse_unexplained",
            "opt_l2_collapse_at_first",
            "opt_l2_no_collapse",
            choose=claim_l2_collapse,
        ),
        _claim(
            "opt_l2_penalty_outweighs", "opt_l2_penalty_below", "opt_l2_penalty_none", choose=claim_l2_penalty
        ),
        Para("opt_code_intro"),
        Code(OPT_CODE),
    ),
    facts,
    experiment=opt_lab.NAME,
)
