"""The claims of sections 2.2 (a) XOR and (b) spirals, both ways.

Each claim is checked on real ``--quick`` results (its choice agrees with the
numbers, computed here independently) and on copies of them altered so that
the opposite holds: then the chosen sentence changes, and it carries the
altered numbers.
"""

import copy
import json

import numpy as np
import pytest

pytest.importorskip("matplotlib", reason="the sections import the lab (the 'lab' extra)")

from mlplab.report import prose
from mlplab.report.sections import spirals as spirals_section
from mlplab.report.sections import xor as xor_section
from mlplab.report.text import fill


@pytest.fixture(scope="module")
def quick(quick_results) -> dict:
    """``metrics.json`` of ``mlplab xor --quick`` and ``mlplab spirals --quick`` (the session's quick run)."""
    return {
        name: json.loads((quick_results / name / "metrics.json").read_text()) for name in ("xor", "spirals")
    }


def sentence(section, claim, data: dict, lang: str = "en") -> tuple[str, str]:
    """The key the claim chooses for ``data`` and its sentence, filled from the section's facts."""
    key = claim.resolve(data).key
    return key, fill(prose(lang)[key], section.facts(data, lang), "markdown")


def xor_sentence(claim, data, lang="en"):
    return sentence(xor_section.SECTION, claim, data, lang)


def spirals_sentence(claim, data, lang="en"):
    return sentence(spirals_section.SECTION, claim, data, lang)


# ------------------------------------------------------------------ XOR: the shown run
def test_xor_result_follows_the_accuracy_and_the_epochs(quick):
    data = quick["xor"]
    main_run = data["results"]["main_run"]
    key, text = xor_sentence(xor_section.RESULT, data)
    if main_run["accuracy"] == 1.0:
        assert key in ("xor_result_all", "xor_result_all_late")
        assert f"from epoch {main_run['perfect_from_epoch']} on" in text
    else:
        assert key in ("xor_result_lost", "xor_result_partial")

    # the case: three of four points right, never 100 % (it once said "all four ... (75 %)")
    failed = copy.deepcopy(data)
    run = failed["results"]["main_run"]
    run.update(accuracy=0.75, predictions=[0, 1, 1, 1], epochs_to_100_percent=None, perfect_from_epoch=None)
    key, text = xor_sentence(xor_section.RESULT, failed)
    assert key == "xor_result_partial"
    assert "only 3 of the four points" in text
    assert "75\u202f%" in text
    assert "never reaches 100 %" in text
    assert "all four" not in text
    assert "–" not in text
    key, text = xor_sentence(xor_section.RESULT, failed, "de")
    assert "nur 3 der vier Punkte" in text
    assert "75\u202f%" in text

    lost = copy.deepcopy(failed)
    lost["results"]["main_run"]["epochs_to_100_percent"] = 40
    assert xor_sentence(xor_section.RESULT, lost)[0] == "xor_result_lost"

    late = copy.deepcopy(data)
    late["results"]["main_run"].update(
        accuracy=1.0, predictions=[0, 1, 1, 0], epochs_to_100_percent=40, perfect_from_epoch=90
    )
    key, text = xor_sentence(xor_section.RESULT, late)
    assert key == "xor_result_all_late"
    assert "epoch 40" in text
    assert "from epoch 90 on" in text

    stable = copy.deepcopy(late)
    stable["results"]["main_run"]["perfect_from_epoch"] = 40
    assert xor_sentence(xor_section.RESULT, stable)[0] == "xor_result_all"


def _first_below(loss, level):
    below = np.flatnonzero(np.asarray(loss) < level * loss[0])
    return int(below[0]) if below.size else None


def test_xor_plateau_is_measured_on_the_loss_curve(quick):
    data = quick["xor"]
    loss = data["results"]["main_run"]["loss_curve"]
    plateau, half = _first_below(loss, 0.9), _first_below(loss, 0.5)
    key, text = xor_sentence(xor_section.PLATEAU, data)
    if plateau is None:
        assert key == "xor_plateau_never"
    else:
        long = half is not None and plateau >= half - plateau
        assert key == ("xor_plateau_long" if long else "xor_plateau_short")
        assert f"{plateau} epochs" in text

    n = len(loss)
    altered = copy.deepcopy(data)
    run = altered["results"]["main_run"]
    run["loss_curve"] = list(np.linspace(0.7, 0.0, n, endpoint=False))  # falls steadily from the start
    key, text = xor_sentence(xor_section.PLATEAU, altered)
    assert key == "xor_plateau_short"
    assert f"after {_first_below(run['loss_curve'], 0.9)} epochs" in text
    run["loss_curve"] = [0.7] * (n // 2) + list(np.linspace(0.7, 0.1, n - n // 2))  # flat, then down
    key, text = xor_sentence(xor_section.PLATEAU, altered)
    assert key == "xor_plateau_long"
    assert f"first {_first_below(run['loss_curve'], 0.9)} epochs" in text
    run["loss_curve"] = [0.7] * n
    assert xor_sentence(xor_section.PLATEAU, altered)[0] == "xor_plateau_never"


# ------------------------------------------------------------------ XOR: the success rate
def _with_solved(data, solved: dict, medians: dict | None = None) -> dict:
    altered = copy.deepcopy(data)
    for activation, count in solved.items():
        entry = altered["results"]["success_rate"][activation]
        entry["solved"], entry["rate"] = count, count / entry["seeds"]
        if medians is not None:
            entry["median_epochs_to_100_percent"] = medians[activation]
    return altered


def test_xor_best_activation_is_computed(quick):
    data = quick["xor"]
    solved = {a: e["solved"] for a, e in data["results"]["success_rate"].items()}
    key, text = xor_sentence(xor_section.SUCCESS, data)
    best = max(solved.values())
    winners = [a for a, s in solved.items() if s == best]
    assert key == {1: "xor_success_one", 3: "xor_success_equal"}.get(len(winners), "xor_success_tie")

    seeds = data["settings"]["seeds_per_activation"]
    key, text = xor_sentence(
        xor_section.SUCCESS, _with_solved(data, {"sigmoid": 0, "tanh": 1, "relu": seeds})
    )
    assert key == "xor_success_one"
    assert text.startswith(f"XOR is solved most often with ReLU ({seeds}/{seeds})")
    assert "sigmoid (0/" in text
    assert "tanh (1/" in text
    key, text = xor_sentence(xor_section.SUCCESS, _with_solved(data, {"sigmoid": 2, "tanh": 2, "relu": 1}))
    assert key == "xor_success_tie"
    assert text.startswith("XOR is solved equally often with sigmoid and tanh (2/")
    key, text = xor_sentence(xor_section.SUCCESS, _with_solved(data, {"sigmoid": 1, "tanh": 1, "relu": 1}))
    assert key == "xor_success_equal"
    key, text = xor_sentence(
        xor_section.SUCCESS, _with_solved(data, {"sigmoid": 0, "tanh": 1, "relu": 3}), "de"
    )
    assert text.startswith("Am häufigsten wird XOR mit ReLU gelöst (3/")


def test_xor_fastest_activation_is_computed(quick):
    data = quick["xor"]
    counts = {a: e["solved"] for a, e in data["results"]["success_rate"].items()}
    key, _ = xor_sentence(xor_section.SPEED, data)
    assert key != "xor_speed_none" or not any(counts.values())

    faster = _with_solved(
        data, {"sigmoid": 2, "tanh": 2, "relu": 2}, {"sigmoid": 500.0, "tanh": 50.0, "relu": 9.0}
    )
    key, text = xor_sentence(xor_section.SPEED, faster)
    assert key == "xor_speed_one"
    assert "ReLU needs the fewest epochs" in text
    assert "median 9;" in text
    slower = _with_solved(
        data, {"sigmoid": 2, "tanh": 2, "relu": 2}, {"sigmoid": 8.0, "tanh": 50.0, "relu": 90.0}
    )
    assert "sigmoid needs the fewest" in xor_sentence(xor_section.SPEED, slower)[1]
    none = _with_solved(
        data, {"sigmoid": 0, "tanh": 0, "relu": 0}, {"sigmoid": None, "tanh": None, "relu": None}
    )
    assert xor_sentence(xor_section.SPEED, none)[0] == "xor_speed_none"


def _relu_runs(data, solved: list[bool], dead: list) -> dict:
    altered = copy.deepcopy(data)
    relu = altered["results"]["success_rate"]["relu"]
    relu.update(solved_per_seed=solved, dead_units_per_seed=dead, seeds=len(solved), solved=sum(solved))
    return altered


def test_xor_dead_units_claim_compares_failed_and_solved_runs(quick):
    data = quick["xor"]
    relu = data["results"]["success_rate"]["relu"]
    assert len(relu["dead_units_per_seed"]) == relu["seeds"]
    key, _ = xor_sentence(xor_section.DEAD, data)
    failed = [
        d for ok, d in zip(relu["solved_per_seed"], relu["dead_units_per_seed"]) if not ok and d is not None
    ]
    solved = [
        d for ok, d in zip(relu["solved_per_seed"], relu["dead_units_per_seed"]) if ok and d is not None
    ]
    if failed and solved:
        assert key == ("xor_dead_more" if np.mean(failed) > np.mean(solved) else "xor_dead_not_more")

    more = _relu_runs(data, [True, True, False, False], [0, 1, 2, 3])
    key, text = xor_sentence(xor_section.DEAD, more)
    assert key == "xor_dead_more"
    assert "2 failed ReLU runs end with 2.5 dead units" in text
    assert "with 0.5" in text
    same = _relu_runs(data, [True, True, False, False], [2, 2, 1, 1])
    key, text = xor_sentence(xor_section.DEAD, same)
    assert key == "xor_dead_not_more"
    assert "do not explain" in text
    key, text = xor_sentence(xor_section.DEAD, _relu_runs(data, [True, True, True], [0, 1, 0]))
    assert key == "xor_dead_none_failed"
    assert "1 of the 3" in text
    key, text = xor_sentence(xor_section.DEAD, _relu_runs(data, [False, False], [1, None]), "de")
    assert key == "xor_dead_none_solved"
    assert "durchschnittlich 1,0 toten Neuronen" in text


# ------------------------------------------------------------------ XOR: the hidden lines
def _with_sides(data, z) -> dict:
    altered = copy.deepcopy(data)
    altered["results"]["main_run"]["hidden_preactivations"] = z
    return altered


def test_xor_lines_claim_reads_the_sides_of_each_unit(quick):
    data = quick["xor"]
    run = data["results"]["main_run"]
    z = np.asarray(run["inputs"]) @ np.asarray(run["hidden_weights"]).T + np.asarray(run["hidden_biases"])
    np.testing.assert_allclose(z, run["hidden_preactivations"])  # the lab's z is the lines' z
    key, text = xor_sentence(xor_section.LINES, data)
    between = sum(0 < (z[:, u] > 0).sum() < 4 for u in range(4))
    assert f"The lines of {between} of the 4" in text
    assert key in xor_section.LINES.keys

    # points (0,0) (0,1) (1,0) (1,1); each column one unit's z on the four points
    strip = [[1, 1, -1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, -1, 1, 1]]  # unit 2 cuts off (1,1), unit 3 (0,0)
    key, text = xor_sentence(xor_section.LINES, _with_sides(data, strip))
    assert key == "xor_lines_strip"
    assert "Units 2 and 3 each cut off one point of class 0, (1, 1) and (0, 0)" in text
    assert "points of class 1 lie in the strip" in text
    assert "unit 1 none; unit 2 (1, 1) against the rest" in text
    regions = [[-1, -1, 1, 1], [-1, 1, 1, 1], [1, -1, 1, 1], [1, 1, 1, 1]]  # x₁ and x₂ split: 2–2 only
    assert xor_sentence(xor_section.LINES, _with_sides(data, regions))[0] == "xor_lines_regions"
    mixed = [[1, 1, 1, 1], [1, 1, 1, 1], [-1, 1, 1, 1], [-1, 1, 1, 1]]  # (0,0) and (0,1) never apart
    key, text = xor_sentence(xor_section.LINES, _with_sides(data, mixed))
    assert key == "xor_lines_mixed"
    assert "(0, 0) and (0, 1)" in text


# ------------------------------------------------------------------ spirals
def test_spirals_result_follows_the_training_accuracy(quick):
    data = quick["spirals"]
    results = data["results"]
    key, text = spirals_sentence(spirals_section.RESULT, data)
    if results["train_accuracy"] < 1.0:  # the quick run: the "every training point (71.5 %)"
        assert key in ("spirals_result_lost", "spirals_result_partial")
        assert "every training point" not in text
        assert f"{round(results['train_accuracy'] * 200)} of the 200" in text
    else:
        assert key in ("spirals_result_all", "spirals_result_all_flicker")

    epochs = data["settings"]["epochs"]
    perfect = copy.deepcopy(data)
    curve = [0.9] * 99 + [1.0] * (epochs - 99)
    perfect["results"].update(
        train_accuracy=1.0, epochs_to_100_percent=100, epochs_at_100_percent=epochs - 99
    )
    perfect["results"]["curves"]["train_accuracy"] = curve
    key, text = spirals_sentence(spirals_section.RESULT, perfect)
    assert key == "spirals_result_all"
    assert "from epoch 100 on" in text
    assert "(100.0\u202f%)" in text
    flicker = copy.deepcopy(perfect)
    flicker["results"]["curves"]["train_accuracy"][149] = 0.995
    key, text = spirals_sentence(spirals_section.RESULT, flicker)
    assert key == "spirals_result_all_flicker"
    assert "from epoch 151 on" in text
    lost = copy.deepcopy(perfect)
    lost["results"]["train_accuracy"] = 0.995
    key, text = spirals_sentence(spirals_section.RESULT, lost)
    assert key == "spirals_result_lost"
    assert "199 of the 200" in text
    assert "(99.5\u202f%)" in text
    never = copy.deepcopy(lost)
    never["results"]["epochs_to_100_percent"] = None
    assert spirals_sentence(spirals_section.RESULT, never)[0] == "spirals_result_partial"


def test_spirals_train_and_test_accuracy_are_compared(quick):
    data = quick["spirals"]
    results = data["results"]
    key, _ = spirals_sentence(spirals_section.GENERALISE, data)
    train, test = results["train_accuracy"], results["test_accuracy"]
    assert key == (
        "spirals_test_below"
        if test < train
        else "spirals_test_equal"
        if test == train
        else "spirals_test_above"
    )

    for train, test, expected, words in (
        (1.0, 0.985, "spirals_test_below", "1.5 percentage points below"),
        (0.9, 0.9, "spirals_test_equal", "as on the training draw"),
        (0.9, 0.95, "spirals_test_above", "5.0 percentage points above"),
    ):
        altered = copy.deepcopy(data)
        altered["results"].update(train_accuracy=train, test_accuracy=test)
        key, text = spirals_sentence(spirals_section.GENERALISE, altered)
        assert key == expected
        assert words in text
    key, text = spirals_sentence(spirals_section.GENERALISE, altered, "de")
    assert "5,0 Prozentpunkte über" in text


def test_spirals_test_loss_trend_is_read_from_the_curves(quick):
    data = quick["spirals"]
    results = data["results"]
    test_loss = np.asarray(results["curves"]["test_loss"])
    key, _ = spirals_sentence(spirals_section.LOSS_TREND, data)
    rises = results["final_test_loss"] > 1.1 * test_loss.min()
    assert (key != "spirals_loss_no_rise") == rises

    n = test_loss.size
    altered = copy.deepcopy(data)
    curves = altered["results"]["curves"]
    curves["test_loss"] = list(np.r_[np.linspace(0.7, 0.05, n // 2), np.linspace(0.05, 0.2, n - n // 2)])
    altered["results"]["final_test_loss"] = curves["test_loss"][-1]
    curves["test_accuracy"] = [0.98] * n
    key, text = spirals_sentence(spirals_section.LOSS_TREND, altered)
    assert key == "spirals_loss_rise_confident"
    assert f"lowest at epoch {n // 2} (0.050) and ends at 0.200" in text
    assert "does not drop" in text
    curves["test_accuracy"] = [0.98] * (n - 1) + [0.9]
    key, text = spirals_sentence(spirals_section.LOSS_TREND, altered)
    assert key == "spirals_loss_rise_errors"
    assert "drops from 98.0\u202f% to 90.0\u202f% (16 more errors)" in text  # 8 % of 200 test points
    curves["test_loss"] = list(np.linspace(0.7, 0.05, n))
    altered["results"]["final_test_loss"] = 0.05
    assert spirals_sentence(spirals_section.LOSS_TREND, altered)[0] == "spirals_loss_no_rise"


def test_spirals_errors_are_located_by_their_radius(quick):
    data = quick["spirals"]
    results = data["results"]
    key, _ = spirals_sentence(spirals_section.ERRORS, data)
    radii = results["test_error_radii"]
    assert len(radii) == round((1 - results["test_accuracy"]) * 200)
    inner = sum(r < 0.25 for r in radii)
    assert key == (
        "spirals_errors_none"
        if not radii
        else "spirals_errors_centre"
        if inner > len(radii) / 2
        else "spirals_errors_spread"
    )

    altered = copy.deepcopy(data)
    altered["results"]["test_error_radii"] = [0.05, 0.1, 0.7]
    key, text = spirals_sentence(spirals_section.ERRORS, altered)
    assert key == "spirals_errors_centre"
    assert text.startswith("2 of the 3 misclassified")
    altered["results"]["test_error_radii"] = [0.05, 0.6, 0.7]
    assert spirals_sentence(spirals_section.ERRORS, altered)[0] == "spirals_errors_spread"
    altered["results"]["test_error_radii"] = []
    assert spirals_sentence(spirals_section.ERRORS, altered)[0] == "spirals_errors_none"


def test_spirals_closeness_compares_the_draws_with_the_arm_gap(quick):
    data = quick["spirals"]
    results = data["results"]
    assert results["arm_gap"] == pytest.approx(0.25)  # π between the arms, divided by 4π
    key, text = spirals_sentence(spirals_section.CLOSENESS, data)
    assert key == (
        "spirals_close" if results["median_test_to_train_distance"] < 0.0625 else "spirals_not_close"
    )

    altered = copy.deepcopy(data)
    altered["results"]["median_test_to_train_distance"] = 0.1
    key, text = spirals_sentence(spirals_section.CLOSENESS, altered)
    assert key == "spirals_not_close"
    assert "a median 0.100" in text


def test_spirals_feature_claim_counts_dead_units(quick):
    data = quick["spirals"]
    hidden = data["results"]["last_hidden"]
    assert hidden["units"] == data["settings"]["layer_sizes"][-2] == len(hidden["positive_share"])
    key, _ = spirals_sentence(spirals_section.FEATURES, data)
    dead = sum(s == 0 for s in hidden["positive_share"])
    assert key == ("spirals_features_dead" if dead else "spirals_features_alive")

    altered = copy.deepcopy(data)
    altered["results"]["last_hidden"]["positive_share"] = [0.0, 0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    key, text = spirals_sentence(spirals_section.FEATURES, altered)
    assert key == "spirals_features_dead"
    assert "2 of its 8 units are dead" in text
    assert "20\u202f% to 70\u202f%" in text
    altered["results"]["last_hidden"]["positive_share"] = [0.0] + [0.5] * 7
    assert "1 of its 8 units is dead" in spirals_sentence(spirals_section.FEATURES, altered)[1]
    assert "Eines ihrer 8 Neuronen ist tot" in spirals_sentence(spirals_section.FEATURES, altered, "de")[1]
    altered["results"]["last_hidden"]["positive_share"] = [0.5] * 8
    assert spirals_sentence(spirals_section.FEATURES, altered)[0] == "spirals_features_alive"
    altered["settings"]["activation"] = "tanh"
    assert spirals_sentence(spirals_section.FEATURES, altered)[0] == "spirals_features_smooth"
