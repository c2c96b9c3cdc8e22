"""The claims of section 3.1 (a), both ways: on real --quick results, and on results altered so that
each other version of a claim holds, the sentence changes to it (and renders with its numbers)."""

import copy
import math

import numpy as np
import pytest

pytest.importorskip("matplotlib", reason="the sections import the lab (the 'lab' extra)")

from mlplab.report import load_metrics, prose
from mlplab.report.sections import vanishing as section
from mlplab.report.text import fill

ACTIVATIONS = ("sigmoid", "tanh", "relu")


@pytest.fixture(scope="module")
def real(quick_results) -> dict:
    return load_metrics(quick_results)["vanishing"]


def claim_of(choose):
    (claim,) = [c for c in section.CLAIMS if c.choose is choose]
    return claim


def chosen(choose, data: dict) -> str:
    """The claim's key for ``data``, after checking that its sentence renders in both languages."""
    key = claim_of(choose).resolve(data).key
    for lang in ("en", "de"):
        fill(prose(lang)[key], section.facts(data, lang), "typst")
    return key


def altered(data: dict, change) -> dict:
    copied = copy.deepcopy(data)
    change(copied["results"], copied["settings"])
    return copied


def _set_profile(results, activation, key, values):
    results["profiles"][activation][key] = np.asarray(values, dtype=float).tolist()


def _shape(results, activation, key):
    return np.asarray(results["profiles"][activation][key], dtype=float).shape


# ------------------------------------------------------------------ the bound
def test_bound_claim_follows_the_measurements(real):
    ratio = np.concatenate([np.ravel(real["results"]["profiles"][a]["delta_ratio"]) for a in ACTIVATIONS])
    bound = np.concatenate([np.ravel(real["results"]["profiles"][a]["bound"]) for a in ACTIVATIONS])
    expected = "van_bound_all" if np.all(ratio <= bound) else "van_bound_some"
    assert chosen(section._claim_bound, real) == expected == "van_bound_all"  # an inequality: it must hold

    def one_above(results, settings):
        bound = np.asarray(results["profiles"]["tanh"]["bound"])
        ratio = np.asarray(results["profiles"]["tanh"]["delta_ratio"])
        ratio[0, -1] = 2 * bound[0, -1]
        results["profiles"]["tanh"]["delta_ratio"] = ratio.tolist()

    data = altered(real, one_above)
    assert chosen(section._claim_bound, data) == "van_bound_some"
    assert section.facts(data, "en")["van_bound_closest"] == "200\u202f%"


def test_quarter_claim_counts_the_sigmoid_ratios_against_the_sigma_part(real):
    quarter = 0.25 ** real["settings"]["hidden_layers"]
    ratio = np.ravel(real["results"]["profiles"]["sigmoid"]["delta_ratio"])
    below = int(np.sum(ratio < quarter))
    expected = {ratio.size: "van_quarter_all", 0: "van_quarter_none"}.get(below, "van_quarter_some")
    assert chosen(section._claim_quarter, real) == expected
    shape = _shape(real["results"], "sigmoid", "delta_ratio")
    for factor, key in ((0.5, "van_quarter_all"), (2.0, "van_quarter_none")):
        data = altered(
            real,
            lambda r, s, f=factor: _set_profile(r, "sigmoid", "delta_ratio", np.full(shape, f * quarter)),
        )
        assert chosen(section._claim_quarter, data) == key
    mixed = np.full(shape, 0.5 * quarter)
    mixed[0, 0] = 2 * quarter
    data = altered(real, lambda r, s: _set_profile(r, "sigmoid", "delta_ratio", mixed))
    assert chosen(section._claim_quarter, data) == "van_quarter_some"
    facts = section.facts(data, "en")
    assert (facts["van_quarter_below"], facts["van_quarter_above"]) == (str(mixed.size - 1), "1")


def test_smallest_claim_compares_the_sigmoid_ratio_with_the_others(real):
    ratios = real["results"]["first_over_last_ratio"]
    smallest = ratios["sigmoid"]["init"] * 100 < min(ratios["tanh"]["init"], ratios["relu"]["init"])
    assert chosen(section._claim_smallest, real) == (
        "van_sigmoid_smallest" if smallest else "van_sigmoid_not_smallest"
    )

    def sigmoid_ratio(value):
        def change(results, settings):
            results["first_over_last_ratio"]["sigmoid"]["init"] = value
            results["first_over_last_ratio"]["tanh"]["init"] = 1.0
            results["first_over_last_ratio"]["relu"]["init"] = 1.0

        return change

    assert chosen(section._claim_smallest, altered(real, sigmoid_ratio(1e-6))) == "van_sigmoid_smallest"
    assert chosen(section._claim_smallest, altered(real, sigmoid_ratio(0.5))) == "van_sigmoid_not_smallest"


# ------------------------------------------------------------------ training
def test_outcome_claim_names_the_lowest_median_loss(real):
    training = real["results"]["training"]
    best = min(ACTIVATIONS, key=lambda a: training[a]["final_loss_median"])
    assert chosen(section._claim_outcome, real) == f"van_outcome_{best}"
    for winner in ACTIVATIONS:

        def change(results, settings, winner=winner):
            for a in ACTIVATIONS:
                results["training"][a]["final_loss_median"] = 0.01 if a == winner else 0.5

        assert chosen(section._claim_outcome, altered(real, change)) == f"van_outcome_{winner}"


def test_plateau_claim_compares_the_sigmoid_loss_with_ln_2(real):
    final = real["results"]["training"]["sigmoid"]["final_loss_median"]
    expected = "van_sigmoid_plateau" if abs(final - math.log(2)) < 0.01 else "van_sigmoid_learns"
    assert chosen(section._claim_sigmoid_plateau, real) == expected
    for loss, key in ((math.log(2) + 0.002, "van_sigmoid_plateau"), (0.3, "van_sigmoid_learns")):

        def change(results, settings, loss=loss):
            results["training"]["sigmoid"]["final_loss_median"] = loss

        assert chosen(section._claim_sigmoid_plateau, altered(real, change)) == key


def test_forward_claim_reads_the_spread_of_the_last_hidden_layer(real):
    spread = np.asarray(real["results"]["profiles"]["sigmoid"]["spread"])[:, -1].mean(axis=0)
    expected = "van_sigmoid_collapsed" if spread[-1] < 0.01 * spread[0] else "van_sigmoid_spread_kept"
    assert chosen(section._claim_sigmoid_forward, real) == expected
    shape = _shape(real["results"], "sigmoid", "spread")
    collapsed = np.full(shape, 0.1)
    collapsed[:, -1, -1] = 1e-6
    data = altered(real, lambda r, s: _set_profile(r, "sigmoid", "spread", collapsed))
    assert chosen(section._claim_sigmoid_forward, data) == "van_sigmoid_collapsed"
    data = altered(real, lambda r, s: _set_profile(r, "sigmoid", "spread", np.full(shape, 0.1)))
    assert chosen(section._claim_sigmoid_forward, data) == "van_sigmoid_spread_kept"


def test_still_claim_compares_how_far_the_first_and_last_layers_moved(real):
    moved = np.median(np.asarray(real["results"]["training"]["sigmoid"]["weight_change"]), axis=0)
    expected = "van_sigmoid_first_still" if moved[0] < 0.01 * moved[-1] else "van_sigmoid_first_moves"
    assert chosen(section._claim_sigmoid_still, real) == expected
    shape = np.asarray(real["results"]["training"]["sigmoid"]["weight_change"]).shape
    for first, key in ((1e-5, "van_sigmoid_first_still"), (0.1, "van_sigmoid_first_moves")):
        values = np.full(shape, 0.2)
        values[:, 0] = first

        def change(results, settings, values=values):
            results["training"]["sigmoid"]["weight_change"] = values.tolist()

        assert chosen(section._claim_sigmoid_still, altered(real, change)) == key


# ------------------------------------------------------------------ tanh
def test_tanh_ratio_claim(real):
    ratio = real["results"]["first_over_last_ratio"]["tanh"]
    accuracies = real["results"]["training"]["tanh"]["final_accuracy"]
    near = all(0.1 <= ratio[w] <= 10 for w in ("init", "trained"))
    expected = (
        "van_tanh_vanishes" if not near else "van_tanh_solved" if min(accuracies) == 1 else "van_tanh_puzzle"
    )
    assert chosen(section._claim_tanh_ratio, real) == expected

    def case(init, accuracy):
        def change(results, settings):
            results["first_over_last_ratio"]["tanh"]["init"] = init
            results["first_over_last_ratio"]["tanh"]["trained"] = 1.0
            results["training"]["tanh"]["final_accuracy"] = [accuracy] * len(accuracies)

        return change

    assert chosen(section._claim_tanh_ratio, altered(real, case(1.0, 0.7))) == "van_tanh_puzzle"
    assert chosen(section._claim_tanh_ratio, altered(real, case(1.0, 1.0))) == "van_tanh_solved"
    assert chosen(section._claim_tanh_ratio, altered(real, case(1e-5, 0.7))) == "van_tanh_vanishes"


def test_tanh_saturation_claim(real):
    saturated = np.asarray(real["results"]["profiles"]["tanh"]["saturated"])
    end, start = np.median(saturated[:, -1].max(axis=1)), np.median(saturated[:, 0].max(axis=1))
    expected = "van_tanh_saturates" if end >= 0.05 and end > start else "van_tanh_unsaturated"
    assert chosen(section._claim_tanh_saturation, real) == expected
    shape = saturated.shape
    for first, last, key in ((0.0, 0.3, "van_tanh_saturates"), (0.0, 0.01, "van_tanh_unsaturated"),
                             (0.4, 0.3, "van_tanh_unsaturated")):  # fmt: skip
        values = np.full(shape, first)
        values[:, -1] = last
        data = altered(real, lambda r, s, v=values: _set_profile(r, "tanh", "saturated", v))
        assert chosen(section._claim_tanh_saturation, data) == key


def test_tanh_settles_claim(real):
    entry = real["results"]["training"]["tanh"]
    ratio = np.median(np.asarray(entry["final_loss"]) / np.asarray(entry["lowest_loss"]))
    assert chosen(section._claim_tanh_settles, real) == (
        "van_tanh_unsettled" if ratio > 1.1 else "van_tanh_settled"
    )
    for final, key in ((0.6, "van_tanh_unsettled"), (0.4, "van_tanh_settled")):

        def change(results, settings, final=final):
            n = len(results["training"]["tanh"]["final_loss"])
            results["training"]["tanh"]["lowest_loss"] = [0.4] * n
            results["training"]["tanh"]["final_loss"] = [final] * n

        assert chosen(section._claim_tanh_settles, altered(real, change)) == key


# ------------------------------------------------------------------ relu
def _relu_case(deadest, accuracies):
    """Each run's deadest layer at the end has ``deadest[i]`` of its units dead; accuracies per run."""

    def change(results, settings):
        n_epochs = len(results["profiles"]["epochs"])
        layers = settings["hidden_layers"]
        dead = np.zeros((len(deadest), n_epochs, layers))
        dead[:, -1, 0] = deadest
        results["profiles"]["relu"]["dead"] = dead.tolist()
        results["profiles"]["relu"]["saturated"] = dead.tolist()
        results["training"]["relu"]["final_accuracy"] = list(accuracies)

    return change


def test_relu_dead_claim(real):
    dead = np.asarray(real["results"]["profiles"]["relu"]["dead"])[:, -1].max(axis=1)
    solved = np.asarray(real["results"]["training"]["relu"]["final_accuracy"]) == 1.0
    if not solved.any():
        expected = "van_relu_none_solved"
    elif solved.all():
        expected = "van_relu_all_solved"
    else:
        expected = (
            "van_relu_dead_failed" if dead[~solved].min() > dead[solved].max() else "van_relu_dead_not_failed"
        )
    assert chosen(section._claim_relu_dead, real) == expected
    cases = {
        "van_relu_dead_failed": ([0.1, 0.2, 0.8], [1.0, 1.0, 0.7]),
        "van_relu_dead_not_failed": ([0.9, 0.2, 0.1], [1.0, 1.0, 0.7]),
        "van_relu_all_solved": ([0.1, 0.2, 0.8], [1.0, 1.0, 1.0]),
        "van_relu_none_solved": ([0.1, 0.2, 0.8], [0.5, 0.6, 0.7]),
    }
    for key, (deadest, accuracies) in cases.items():
        data = altered(real, _relu_case(deadest, accuracies))
        assert chosen(section._claim_relu_dead, data) == key
    data = altered(real, _relu_case(*cases["van_relu_dead_failed"]))
    facts = section.facts(data, "en")
    assert (facts["van_relu_dead_failed"], facts["van_relu_dead_solved"]) == (
        "80\u202f%",
        "10\u202f%–20\u202f%",
    )


def test_every_claim_of_the_section_is_tested_here():
    from mlplab.report.blocks import Claim

    tested = {
        section._claim_bound, section._claim_quarter, section._claim_smallest, section._claim_outcome,
        section._claim_sigmoid_plateau, section._claim_sigmoid_forward, section._claim_sigmoid_still,
        section._claim_tanh_ratio, section._claim_tanh_saturation, section._claim_tanh_settles,
        section._claim_relu_dead,
    }  # fmt: skip
    in_section = [b for b in section.SECTION.blocks if isinstance(b, Claim)]
    assert {claim.choose for claim in in_section} == tested
    assert len(in_section) == len(section.CLAIMS)
    keys = [key for claim in in_section for key in claim.keys]
    assert len(set(keys)) == len(keys)
