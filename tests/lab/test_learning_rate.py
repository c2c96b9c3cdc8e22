"""``mlplab lr`` (task 3.2 b): SGD at learning rates from 1e-4 to 10."""

import math

import matplotlib.pyplot as plt
import pytest

from mlplab.lab import plotting
from mlplab.lab.learning_rate import classify

from .conftest import assert_common_keys, assert_png, run_command, without_timings

CLASSES = {"works", "crawls", "diverges"}


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig))


def test_lr_command(tmp_path):
    metrics = run_command(tmp_path, "lr")
    assert_common_keys(metrics, "lr")
    settings, results = metrics["settings"], metrics["results"]
    runs = results["runs"]
    rates = [run["learning_rate"] for run in runs]
    assert rates == sorted(rates) == settings["learning_rates"]
    assert rates[0] == 1e-4
    assert rates[-1] == 10.0

    assert runs[0]["class"] == "crawls"  # 1e-4 barely moves
    assert runs[-1]["class"] == "diverges"  # 10 blows up
    assert any(run["class"] == "works" for run in runs)
    for run in runs:
        assert run["class"] in CLASSES
        assert run["initial_loss"] == results["initial_loss"]  # the same initial weights for every rate
        assert len(run["loss_curve"]) == run["epochs_run"]
        if run["diverged_at_epoch"] is None:
            assert run["epochs_run"] == settings["epochs"]
        assert 0.0 <= run["accuracy"] <= 1.0
        assert 0.0 <= run["dead_unit_fraction"] <= 1.0
        if run["class"] == "works":
            assert run["final_loss"] < (1 - settings["crawl_threshold"]) * run["initial_loss"]
    assert {rate for rates in results["by_class"].values() for rate in rates} == set(rates)
    assert results["best_learning_rate"] in results["by_class"]["works"]
    for figure in ("lr_curves.png", "lr_summary.png"):
        assert_png(tmp_path / "lr" / figure)


def test_lr_keeps_the_curve_up_to_divergence(tmp_path, no_figures):
    metrics = run_command(tmp_path, "lr", "--rates", "1e-4", "1000", "--epochs", "5")
    crawl, blown = metrics["results"]["runs"]
    assert crawl["diverged_at_epoch"] is None
    assert crawl["epochs_run"] == 5
    assert blown["class"] == "diverges"
    assert blown["diverged_at_epoch"] is not None
    assert "diverged" in blown["divergence_message"]
    assert blown["epochs_run"] == blown["diverged_at_epoch"] - 1  # the epochs completed before it
    assert blown["final_loss"] is None or math.isfinite(blown["final_loss"])  # the kept weights are finite


def test_lr_same_seed_same_metrics(tmp_path, no_figures):
    options = ("--rates", "0.01", "10", "--epochs", "20")
    a = run_command(tmp_path / "a", "lr", *options)
    b = run_command(tmp_path / "b", "lr", *options)
    c = run_command(tmp_path / "c", "lr", *options, "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["runs"][0]["loss_curve"] != c["results"]["runs"][0]["loss_curve"]


@pytest.mark.parametrize(
    ("initial", "final", "peak", "diverged", "expected"),
    [
        (0.7, 0.01, 0.7, False, "works"),
        (0.7, 0.01, 3.0, False, "works"),  # spiky but it learned
        (0.7, 0.6, 0.7, False, "crawls"),
        (0.7, 0.6, 2.0, False, "diverges"),  # shot up and fell back without learning
        (0.7, 0.8, 0.8, False, "diverges"),  # ended above the start
        (0.7, None, 0.7, False, "diverges"),
        (0.7, float("nan"), 0.7, False, "diverges"),
        (0.7, 0.01, 0.7, True, "diverges"),  # DivergenceError
    ],
)
def test_classify(initial, final, peak, diverged, expected):
    assert classify(initial, final, peak, diverged, threshold=0.5) == expected
