"""``mlplab lr`` (task 3.2 b): SGD at learning rates from 1e-4 to 10, over several seeds."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlplab.lab import plotting
from mlplab.lab.learning_rate import (
    DEAD_LIMIT,
    SPIKE_FLOOR,
    VERDICTS,
    describe_rate,
    rate_text,
    smoothed_loss,
    spikes,
    verdict,
)

from .conftest import assert_common_keys, assert_png, run_command, without_timings


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig) or [])


@pytest.mark.slow
def test_lr_command(tmp_path):
    metrics = run_command(tmp_path, "lr")
    assert_common_keys(metrics, "lr")
    settings, results = metrics["settings"], metrics["results"]
    runs = results["runs"]
    rates = [run["learning_rate"] for run in runs]
    assert rates == sorted(rates) == settings["learning_rates"]
    assert rates[0] == 1e-4
    assert rates[-1] == 10.0

    assert runs[0]["verdict"] == "too_small"  # 1e-4 barely moves
    assert runs[-1]["verdict"] == "diverges"  # 10 blows up or kills its units
    assert any(run["verdict"] == "good" for run in runs)
    initial = [seed["initial_loss"] for seed in runs[0]["seeds"]]
    assert len(set(initial)) == settings["seeds"]  # every seed its own initial weights ...
    for run in runs:
        assert run["verdict"] in VERDICTS
        assert len(run["seeds"]) == settings["seeds"]
        # ... and the same ones at every rate
        assert [seed["initial_loss"] for seed in run["seeds"]] == initial
        for seed in run["seeds"]:
            curve = seed["loss_curve"]
            assert len(curve) == seed["epochs_run"]
            if seed["diverged_at_epoch"] is None:
                assert seed["epochs_run"] == settings["epochs"]
                tail = math.ceil(settings["smooth_share"] * len(curve))
                assert seed["smoothed_loss"] == pytest.approx(np.mean(curve[-tail:]), rel=1e-12)
            assert seed["spikes"] == spikes(curve)
            assert 0.0 <= seed["accuracy"] <= 1.0
            assert 0.0 <= seed["dead_unit_fraction"] <= 1.0
        smoothed = [s["smoothed_loss"] for s in run["seeds"] if s["smoothed_loss"] is not None]
        if smoothed:
            assert run["smoothed_loss"]["median"] == pytest.approx(np.median(smoothed), rel=1e-12)
            assert run["smoothed_loss"]["min"] == min(smoothed)
        if run["verdict"] in ("good", "too_large"):
            fall = 1 - run["smoothed_loss"]["median"] / run["initial_loss"]
            assert fall >= settings["crawl_threshold"]
    assert {rate for rates in results["by_verdict"].values() for rate in rates} == set(rates)
    assert results["best_learning_rate"] in results["by_verdict"]["good"]
    assert results["unanimous_rates"] == sum(len(set(r["seed_verdicts"])) == 1 for r in runs)
    for figure in ("lr_curves", "lr_summary"):
        for suffix in ("", ".de"):
            assert_png(tmp_path / "lr" / f"{figure}{suffix}.png")


def test_lr_keeps_the_curve_up_to_divergence(tmp_path, no_figures):
    metrics = run_command(tmp_path, "lr", "--rates", "1e-4", "1000", "--epochs", "5", "--seeds", "1")
    crawl, blown = metrics["results"]["runs"]
    seed = blown["seeds"][0]
    assert crawl["seeds"][0]["diverged_at_epoch"] is None
    assert crawl["seeds"][0]["epochs_run"] == 5
    assert blown["verdict"] == "diverges"
    assert blown["diverged"] == 1
    assert seed["diverged_at_epoch"] is not None
    assert "diverged" in seed["divergence_message"]
    assert seed["epochs_run"] == seed["diverged_at_epoch"] - 1  # the epochs completed before it
    assert seed["smoothed_loss"] is None
    assert seed["final_loss"] is None or math.isfinite(seed["final_loss"])  # the kept weights are finite


def test_lr_same_seed_same_metrics(tmp_path, no_figures):
    options = ("--rates", "0.01", "10", "--epochs", "20", "--seeds", "2")
    a = run_command(tmp_path / "a", "lr", *options)
    b = run_command(tmp_path / "b", "lr", *options)
    c = run_command(tmp_path / "c", "lr", *options, "--seed", "1")
    assert without_timings(a) == without_timings(b)
    curve = a["results"]["runs"][0]["seeds"][0]["loss_curve"]
    assert curve != c["results"]["runs"][0]["seeds"][0]["loss_curve"]
    assert curve != a["results"]["runs"][0]["seeds"][1]["loss_curve"]  # two seeds, two runs


def test_smoothed_loss_is_the_mean_of_the_last_tenth():
    assert smoothed_loss(list(range(1, 21))) == pytest.approx(19.5)  # the last 2 of 20
    assert smoothed_loss([0.7, 0.5, 0.3]) == pytest.approx(0.3)  # at least one epoch
    assert smoothed_loss([]) is None
    assert smoothed_loss([0.5, float("nan")]) is None


def test_spikes_count_epochs_above_twice_the_running_minimum():
    assert spikes([0.7, 0.6, 0.5, 0.4]) == 0
    assert spikes([0.7, 0.3, 0.7, 0.2, 0.5]) == 2  # 0.7 > 2 × 0.3 and 0.5 > 2 × 0.2
    assert spikes([0.7, 0.3, 0.59]) == 0  # not above twice the minimum
    # below the floor, ratios of tiny losses do not count: the minimum is taken as SPIKE_FLOOR
    assert spikes([0.5, 0.001, 0.004, 2.1 * SPIKE_FLOOR]) == 1
    assert spikes([0.5]) == 0


@pytest.mark.parametrize(
    ("smoothed", "peak", "diverged", "spike_share", "dead", "expected"),
    [
        (0.05, 0.74, 0.0, 0.0, 0.02, "good"),
        (0.05, 3.0, 0.0, 0.05, 0.02, "good"),  # a peak does not matter once it learned
        (0.05, 0.74, 0.0, 0.2, 0.02, "too_large"),  # learned, but spiky
        (0.05, 0.74, 0.0, 0.0, DEAD_LIMIT, "too_large"),  # learned, but lost units
        (0.6, 0.74, 0.0, 0.0, 0.02, "too_small"),
        (0.6, 2.0, 0.0, 0.0, 0.02, "diverges"),  # shot up and fell back without learning
        (0.69, 0.74, 0.0, 0.0, 0.7, "diverges"),  # its units died and it did not learn
        (0.8, 0.8, 0.0, 0.0, 0.02, "diverges"),  # ended above the start
        (None, 0.74, 1.0, 0.0, 0.02, "diverges"),
        (0.05, 0.74, 1.0, 0.0, 0.02, "diverges"),  # DivergenceError
        (0.05, 0.74, 0.0, 0.0, None, "good"),  # no ReLU: no dead units
    ],
)
def test_verdict(smoothed, peak, diverged, spike_share, dead, expected):
    assert verdict(0.74, smoothed, peak, diverged, spike_share, dead, threshold=0.5) == expected


def _seed(smoothed, diverged=None, spike_share=0.0, dead=0.0):
    return {
        "initial_loss": 0.74,
        "smoothed_loss": smoothed,
        "final_loss": smoothed,
        "loss_reduction": None if smoothed is None else 1 - smoothed / 0.74,
        "peak_loss": 0.74,
        "spike_share": spike_share,
        "spikes": 0,
        "dead_unit_fraction": dead,
        "accuracy": 0.9,
        "diverged_at_epoch": diverged,
        "verdict": "good",
    }


def test_describe_rate_judges_the_medians_not_one_seed():
    # one seed spiky, two calm: the median spike share is calm, so the rate is good
    rate = describe_rate(0.3, [_seed(0.05, spike_share=0.5), _seed(0.04), _seed(0.06)], threshold=0.5)
    assert rate["verdict"] == "good"
    assert rate["smoothed_loss"] == {"median": 0.05, "min": 0.04, "max": 0.06}
    # one seed blew up of three: not most of them, the others decide
    rate = describe_rate(1.0, [_seed(None, diverged=3), _seed(0.04), _seed(0.06)], threshold=0.5)
    assert rate["diverged"] == 1
    assert rate["verdict"] == "good"
    rate = describe_rate(3.0, [_seed(None, diverged=3), _seed(None, diverged=2), _seed(0.06)], threshold=0.5)
    assert rate["verdict"] == "diverges"


def test_figure_texts_are_plain():
    assert rate_text(1e-4, "en") == "10⁻⁴"
    assert rate_text(0.3, "de") == "0,3"
    assert rate_text(10.0, "en") == "10"
    fig, ax = plotting.new_figure()
    ax.plot([1e-3, 1e2], [1e-3, 1e2])
    ax.set_yscale("log")
    plotting.plain_log_ticks(ax.yaxis)
    labels = [ax.yaxis.get_major_formatter()(v) for v in (1e-3, 0.1, 1.0, 100.0)]
    plt.close(fig)
    assert labels == ["10⁻³", "0.1", "1", "100"]
