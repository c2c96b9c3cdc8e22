"""The claims of sections 3.2 (a) and (b), both ways: on real --quick results, and on results altered
so that the opposite holds, when the chosen sentence must change (and carry the altered numbers)."""

import copy

import pytest

pytest.importorskip("matplotlib", reason="the sections import the lab (the 'lab' extra)")

import itertools

from mlplab.lab import overfit as overfit_lab
from mlplab.report import load_metrics, prose
from mlplab.report.sections import lr, overfit
from mlplab.report.text import fill

LANGS = ("en", "de")


@pytest.fixture(scope="module")
def results(quick_results):
    return load_metrics(
        quick_results
    )  # the session's quick run of every experiment, overfit and lr among them


def sentence(section, data, key: str, lang: str = "en") -> str:
    return fill(prose(lang)[key], section.SECTION.facts(data, lang), "markdown")


def chosen(section, name: str, data) -> str:
    claim = section.CLAIMS[name]
    key = claim.resolve(data).key
    for lang in LANGS:  # every version it may choose fills in both languages
        sentence(section, data, key, lang)
    return key


# ------------------------------------------------------------------ 3.2 (a)
def _with_repeats(data: dict, change) -> dict:
    """``data`` with every repeat changed by ``change(index, pair)`` and the summary recomputed."""
    data = copy.deepcopy(data)
    pairs = data["results"]["repeats"]
    for index, pair in enumerate(pairs):
        change(index, pair)
    data["results"]["summary"] = overfit_lab.summarise(pairs)
    data["results"]["main_run"].update({k: pairs[0][k] for k in overfit_lab.RUNS})
    return data


def _five(data: dict) -> dict:
    """The quick results with five repeats (copies of the first two), so that 'mostly' can happen."""
    data = copy.deepcopy(data)
    pairs = data["results"]["repeats"]
    data["results"]["repeats"] = [copy.deepcopy(pairs[i % len(pairs)]) for i in range(5)]
    return _with_repeats(data, lambda i, p: None)


def _set(run: str, key: str, values):
    def change(index, pair):
        pair[run][key] = values[index]

    return change


def test_overfit_claim_follows_the_rise_of_the_test_loss(results):
    data = results["overfit"]
    real = chosen(overfit, "overfit", data)
    k = overfit.overfit_count(data)
    assert real == {2: "of_overfit_all", 0: "of_overfit_none"}.get(k, "of_overfit_some")

    def flat(index, pair):
        pair["without_early_stopping"]["test_loss"] = pair["without_early_stopping"]["min_test_loss"]

    def rising(index, pair):
        long = pair["without_early_stopping"]
        long["test_loss"] = 2 * long["min_test_loss"]
        long["final_val_loss"] = long["min_val_loss"] + 0.1

    assert chosen(overfit, "overfit", _with_repeats(data, flat)) == "of_overfit_none"
    assert chosen(overfit, "overfit", _with_repeats(data, rising)) == "of_overfit_all"
    one = _with_repeats(data, lambda i, p: rising(i, p) if i == 0 else flat(i, p))
    assert chosen(overfit, "overfit", one) == "of_overfit_some"
    assert "1 of the 2" in sentence(overfit, one, "of_overfit_some")


@pytest.mark.parametrize(
    ("name", "run", "prefix"), [("es_loss", "early_stopping", "of_es_loss"), ("l2_loss", "l2", "of_l2_loss")]
)
def test_remedy_claims_count_the_repeats_it_wins(results, name, run, prefix):
    data = _five(results["overfit"])
    chosen(overfit, name, data)  # the real results choose some version

    def losses(wins: int):
        long = [p["without_early_stopping"]["test_loss"] for p in data["results"]["repeats"]]
        return [value - 0.1 if i < wins else value + 0.1 for i, value in enumerate(long)]

    for wins, expected in ((5, "always"), (3, "mostly"), (2, "not"), (0, "not")):
        altered = _with_repeats(data, _set(run, "test_loss", losses(wins)))
        assert chosen(overfit, name, altered) == f"{prefix}_{expected}"
        text = sentence(overfit, altered, f"{prefix}_{expected}")
        assert f"{wins} of 5" in text or (wins == 5 and "all 5" in text)


def test_l2_against_early_stopping(results):
    data = _five(results["overfit"])
    chosen(overfit, "l2_vs_es", data)
    es = [p["early_stopping"]["test_loss"] for p in data["results"]["repeats"]]
    better = _with_repeats(data, _set("l2", "test_loss", [v - 0.05 for v in es]))
    worse = _with_repeats(data, _set("l2", "test_loss", [v + 0.05 for v in es]))
    assert chosen(overfit, "l2_vs_es", better) == "of_l2_vs_es_l2"
    assert chosen(overfit, "l2_vs_es", worse) == "of_l2_vs_es_es"
    assert "5 of 5" in sentence(overfit, worse, "of_l2_vs_es_es")
    two = _with_repeats(results["overfit"], _set("l2", "test_loss", [es[0] - 0.05, es[1] + 0.05]))
    assert chosen(overfit, "l2_vs_es", two) == "of_l2_vs_es_tie"


def test_confidence_claim(results):
    data = _five(results["overfit"])
    chosen(overfit, "confidence", data)
    long = data["results"]["repeats"]
    errors = [p["without_early_stopping"]["test_confident_errors"] for p in long]
    accuracy = [p["without_early_stopping"]["test_accuracy"] for p in long]
    fewer = _set("early_stopping", "test_confident_errors", [e - 0.01 for e in errors])
    more = _set("early_stopping", "test_confident_errors", [e + 0.01 for e in errors])
    lower_acc = _set("early_stopping", "test_accuracy", [a - 0.01 for a in accuracy])
    higher_acc = _set("early_stopping", "test_accuracy", [a + 0.01 for a in accuracy])

    def both(*changes):
        return lambda i, p: [c(i, p) for c in changes]

    assert chosen(overfit, "confidence", _with_repeats(data, both(fewer, lower_acc))) == "of_conf_not_acc"
    assert chosen(overfit, "confidence", _with_repeats(data, both(fewer, higher_acc))) == "of_conf_and_acc"
    assert chosen(overfit, "confidence", _with_repeats(data, both(more, higher_acc))) == "of_conf_no"


def test_validation_claim(results):
    data = results["overfit"]
    real = chosen(overfit, "val", data)
    pairs = data["results"]["repeats"]
    below = all(p["early_stopping"]["val_loss"] < p["early_stopping"]["test_loss"] for p in pairs)
    assert (real != "of_val_not_below") == below

    def val(values):
        return _set("early_stopping", "val_loss", values)

    tests = [p["early_stopping"]["test_loss"] for p in pairs]
    lowest = [min(p["early_stopping"]["test_group_losses"]) for p in pairs]
    within = _with_repeats(data, val([(t + g) / 2 for t, g in zip(tests, lowest)]))
    assert chosen(overfit, "val", within) == "of_val_below_scatter"
    under = _with_repeats(data, val([g / 2 for g in lowest]))
    assert chosen(overfit, "val", under) == "of_val_below_selection"
    assert "below that scatter in 2 repeats" in sentence(overfit, under, "of_val_below_selection")
    above = _with_repeats(data, val([t + 0.1 for t in tests]))
    assert chosen(overfit, "val", above) == "of_val_not_below"
    assert "in only 0 of 2" in sentence(overfit, above, "of_val_not_below")


# ------------------------------------------------------------------ 3.2 (b)
def _runs_changed(data: dict, change) -> dict:
    """``data`` with ``change(run)`` applied to every rate's summary."""
    data = copy.deepcopy(data)
    for run in data["results"]["runs"]:
        change(run)
    return data


def _best(data: dict) -> int:
    return lr._best_index(data)


def test_small_rates_claim(results):
    data = results["lr"]
    real = chosen(lr, "small", data)
    best = _best(data)
    losses = [r["smoothed_loss"]["median"] for r in data["results"]["runs"][: best + 1]]
    assert (real == "lr_small_monotone") == all(b < a for a, b in itertools.pairwise(losses))
    bumped = copy.deepcopy(data)
    bumped["results"]["runs"][0]["smoothed_loss"]["median"] = 0.0  # the smallest rate ends lowest
    assert chosen(lr, "small", bumped) == "lr_small_not_monotone"
    steady = copy.deepcopy(data)
    for i, run in enumerate(steady["results"]["runs"][: best + 1]):
        run["smoothed_loss"]["median"] = 0.7 - 0.1 * i
    assert chosen(lr, "small", steady) == "lr_small_monotone"


def test_spikes_claim(results):
    data = results["lr"]
    real = chosen(lr, "spikes", data)
    best = _best(data)
    runs = data["results"]["runs"]
    top = max(r["spike_share"]["median"] for r in runs[best + 1 :])
    assert (real == "lr_spikes_grow") == (top >= data["settings"]["spike_limit"])

    def calm(run):
        run["spike_share"]["median"] = 0.0

    def spiky(run):
        run["spike_share"]["median"] = 0.3 if run["learning_rate"] > runs[best]["learning_rate"] else 0.0

    assert chosen(lr, "spikes", _runs_changed(data, calm)) == "lr_spikes_not"
    grown = _runs_changed(data, spiky)
    assert chosen(lr, "spikes", grown) == "lr_spikes_grow"
    assert "30 %" in sentence(lr, grown, "lr_spikes_grow").replace("\u202f", " ")


def test_dead_units_claim(results):
    data = results["lr"]
    real = chosen(lr, "dead", data)
    runs = data["results"]["runs"]
    limit = data["settings"]["dead_limit"]
    dead = {r["verdict"]: [] for r in runs}
    for r in runs:
        dead[r["verdict"]].append(r["dead_unit_fraction"]["median"])
    assert (real == "lr_dead_explains") == (min(dead["diverges"]) >= limit > max(dead["good"]))

    def alive(run):
        run["dead_unit_fraction"]["median"] = 0.01

    assert chosen(lr, "dead", _runs_changed(data, alive)) == "lr_dead_not"

    def split(run):
        run["dead_unit_fraction"]["median"] = 0.8 if run["verdict"] == "diverges" else 0.01

    assert chosen(lr, "dead", _runs_changed(data, split)) == "lr_dead_explains"
    assert "80" in sentence(lr, _runs_changed(data, split), "lr_dead_explains")


def test_edge_claim(results):
    data = results["lr"]
    real = chosen(lr, "edge", data)
    best = _best(data)
    runs = data["results"]["runs"]
    assert (real == "lr_edge_next") == (runs[best + 1]["verdict"] in ("too_large", "diverges"))
    roomy = copy.deepcopy(data)
    roomy["results"]["runs"][best + 1]["verdict"] = "good"
    assert chosen(lr, "edge", roomy) == "lr_edge_room"
    edge = copy.deepcopy(data)
    edge["results"]["runs"][best + 1]["verdict"] = "diverges"
    assert chosen(lr, "edge", edge) == "lr_edge_next"


def test_seeds_claim(results):
    data = results["lr"]
    runs = data["results"]["runs"]
    real = chosen(lr, "seeds", data)
    assert (real == "lr_seeds_agree") == all(len(set(r["seed_verdicts"])) == 1 for r in runs)
    agree = copy.deepcopy(data)
    agree["results"]["unanimous_rates"] = len(runs)
    assert chosen(lr, "seeds", agree) == "lr_seeds_agree"
    differ = copy.deepcopy(data)
    differ["results"]["runs"][0]["seed_verdicts"] = ["too_small", "good"]
    differ["results"]["unanimous_rates"] = len(runs) - 1
    assert chosen(lr, "seeds", differ) == "lr_seeds_differ"
    assert "0.0001" in sentence(lr, differ, "lr_seeds_differ")


def test_german_lists_of_rates_are_parted_by_semicolons(results):
    facts = lr.SECTION.facts(results["lr"], "de")
    small = facts["lr_too_small"]
    assert ";" in small or "," not in small.replace("0,", "")
