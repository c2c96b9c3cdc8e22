"""``mlplab overfit`` (task 3.2 a): early stopping and L2 against training to the end."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from mlplab.lab import plotting
from mlplab.lab.overfit import RUNS, TEST_EVERY, beats, lambda_text, spread

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("overfit_curves", "overfit_boundaries", "overfit_repeats")


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig) or [])


@pytest.mark.slow
def test_overfit_command(tmp_path):
    metrics = run_command(tmp_path, "overfit")
    assert_common_keys(metrics, "overfit")
    settings, results = metrics["settings"], metrics["results"]
    main = results["main_run"]
    epochs, patience = settings["epochs"], settings["patience"]

    assert main["n_train"] == 50
    assert main["n_params"] == 2 * 128 + 128 + 128 * 128 + 128 + 128 + 1  # [2, 128, 128, 1]
    assert main["params_per_sample"] > 100  # over-parameterised

    without, early = main["without_early_stopping"], main["early_stopping"]
    assert without["epochs_run"] == epochs
    assert without["final_train_loss"] < 0.05 < without["final_val_loss"]  # fits the 50 points, not new ones
    assert without["final_val_loss"] > without["min_val_loss"]  # the validation loss turned round

    # Early stopping stops before the end, `patience` epochs after the best one, and restores it.
    assert early["stopped_epoch"] is not None
    assert early["best_epoch"] < early["stopped_epoch"] < epochs
    assert early["stopped_epoch"] - early["best_epoch"] == patience
    assert early["epochs_run"] == early["stopped_epoch"]
    assert early["restored_best"] is True
    assert early["val_loss"] == pytest.approx(early["best_val_loss"], rel=1e-12)
    assert early["val_loss"] < without["final_val_loss"]

    # Same initial weights and full batches: the early-stopped run is the long run cut short.
    curves = main["curves"]
    n = early["epochs_run"]
    assert curves["early_stopping"]["val_loss"] == curves["without_early_stopping"]["val_loss"][:n]
    assert early["best_epoch"] == without["min_val_epoch"]
    assert early["best_val_loss"] == without["min_val_loss"]

    for run in (without, early):
        for part in ("train", "val", "test"):
            assert 0.0 <= run[f"{part}_accuracy"] <= 1.0
            assert run[f"{part}_loss"] > 0.0
        assert run["test_accuracy"] > 0.6  # far better than chance, even from 50 points

    assert len(results["repeats"]) == settings["repeats"]
    assert results["repeats"][0] == {k: main[k] for k in RUNS}
    # The L2 run: all epochs, the given λ, and smaller weights than the same start without a penalty.
    l2 = main["l2"]
    assert l2["epochs_run"] == epochs
    assert l2["lambda"] == settings["l2"] > 0
    for pair in results["repeats"]:
        assert pair["l2"]["weight_norm"] < pair["without_early_stopping"]["weight_norm"]

    # The test loss is tracked every TEST_EVERY epochs and at the first and the last; its minimum is on it.
    long = curves["without_early_stopping"]
    assert long["test_epochs"][:2] == [1, TEST_EVERY]
    assert long["test_epochs"][-1] == epochs
    assert long["test_loss"][-1] == pytest.approx(without["test_loss"], rel=1e-12)
    assert without["min_test_loss"] == min(long["test_loss"])
    assert curves["l2"]["test_loss"][-1] == pytest.approx(l2["test_loss"], rel=1e-12)

    # The groups of 50 test points partition the test set, so their mean loss is the test loss.
    groups = early["test_group_losses"]
    assert len(groups) == settings["n_test"] // settings["n_val"]
    assert np.mean(groups) == pytest.approx(early["test_loss"], rel=1e-9)
    for run in (without, early, l2):
        assert 0.0 <= run["test_confident_errors"] <= 1.0 - run["test_accuracy"] + 1e-12

    # The summary, recomputed from the repeats.
    summary, pairs = results["summary"], results["repeats"]
    n = settings["repeats"]
    assert summary["repeats"] == n
    for name in RUNS:
        values = [p[name]["test_loss"] for p in pairs]
        assert summary["test_loss"][name] == spread(values)
    lower = sum(p["early_stopping"]["test_loss"] < p["without_early_stopping"]["test_loss"] for p in pairs)
    assert summary["early_stopping_vs_long_test_loss"]["count"] == lower
    higher = sum(p["l2"]["test_accuracy"] > p["without_early_stopping"]["test_accuracy"] for p in pairs)
    assert summary["l2_vs_long_test_accuracy"]["count"] == higher
    assert summary["val_below_test"] == sum(
        p["early_stopping"]["val_loss"] < p["early_stopping"]["test_loss"] for p in pairs
    )
    for figure in FIGURES:
        for suffix in ("", ".de"):
            assert_png(tmp_path / "overfit" / f"{figure}{suffix}.png")


def test_beats_counts_and_signs_the_differences():
    pairs = [
        {"a": {"test_loss": 0.3, "test_accuracy": 0.9}, "b": {"test_loss": 0.5, "test_accuracy": 0.8}},
        {"a": {"test_loss": 0.6, "test_accuracy": 0.7}, "b": {"test_loss": 0.4, "test_accuracy": 0.8}},
        {"a": {"test_loss": 0.2, "test_accuracy": 0.9}, "b": {"test_loss": 0.3, "test_accuracy": 0.9}},
    ]
    loss = beats(pairs, "a", "b", "test_loss")  # lower is better
    assert loss["count"] == 2
    assert loss["of"] == 3
    assert loss["difference"] == pytest.approx({"median": 0.1, "min": -0.2, "max": 0.2})
    accuracy = beats(pairs, "a", "b", "test_accuracy")  # higher is better; a tie is no win
    assert accuracy["count"] == 1
    assert accuracy["difference"]["max"] == pytest.approx(0.1)
    assert accuracy["difference"]["min"] == pytest.approx(-0.1)


@pytest.mark.parametrize(
    ("value", "en", "de"),
    [(1e-5, "10⁻⁵", "10⁻⁵"), (3e-6, "3·10⁻⁶", "3·10⁻⁶"), (0.01, "0.01", "0,01"), (0.5, "0.5", "0,5")],
)
def test_lambda_text_is_plain_text(value, en, de):
    assert lambda_text(value, "en") == en
    assert lambda_text(value, "de") == de


@pytest.mark.slow
def test_overfit_same_seed_same_metrics(tmp_path, no_figures):
    options = ("--repeats", "1", "--epochs", "300", "--patience", "50")
    a = run_command(tmp_path / "a", "overfit", *options)
    b = run_command(tmp_path / "b", "overfit", *options)
    c = run_command(tmp_path / "c", "overfit", *options, "--seed", "1")
    assert a["settings"]["epochs"] == 300  # explicit options win over --quick
    assert without_timings(a) == without_timings(b)
    curves = "main_run", "curves", "without_early_stopping", "val_loss"
    assert _get(a["results"], curves) != _get(c["results"], curves)


def _get(data, keys):
    for key in keys:
        data = data[key]
    return data
