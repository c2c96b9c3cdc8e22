"""``mlplab overfit`` (task 3.2 a): early stopping against training to the end."""

import matplotlib.pyplot as plt
import pytest

from mlplab.lab import plotting

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("overfit_curves.png", "overfit_boundaries.png", "overfit_repeats.png")


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig))


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
    assert results["repeats"][0] == {k: main[k] for k in ("without_early_stopping", "early_stopping")}
    summary = results["summary"]
    assert 0 <= summary["early_stopping_lower_test_loss"] <= settings["repeats"]
    for figure in FIGURES:
        assert_png(tmp_path / "overfit" / figure)


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
