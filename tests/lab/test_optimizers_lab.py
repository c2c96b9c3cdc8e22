"""``mlplab optimizers`` (task 4): SGD, momentum, RMSprop, Adam; L2 regularisation."""

import itertools

import matplotlib.pyplot as plt
import pytest

from mlplab.lab import plotting

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("optimizers.png", "optimizers_l2_boundaries.png", "optimizers_l2_norms.png")


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig))


def test_optimizers_command(tmp_path):
    metrics = run_command(tmp_path, "optimizers")
    assert_common_keys(metrics, "optimizers")
    settings, results = metrics["settings"], metrics["results"]
    runs = results["optimizers"]
    assert {run["optimizer"] for run in runs.values()} == {"sgd", "momentum", "rmsprop", "adam"}
    epochs = settings["epochs"]
    for key, run in runs.items():
        assert len(run["loss_curve"]) == epochs
        assert run["config"]["learning_rate"] == run["learning_rate"]
        assert 0.0 <= run["test_accuracy"] <= 1.0
        clock = metrics["timings"]["per_optimizer"][key]  # wall times live apart from the results
        seconds = clock["epoch_seconds"]
        assert len(seconds) == epochs
        assert all(a <= b for a, b in itertools.pairwise(seconds))
        assert clock["seconds"] == pytest.approx(seconds[-1], abs=1e-4)
        assert clock["cpu_seconds"] >= 0.0
    assert runs["momentum"]["config"]["beta"] == 0.9

    # After the same epochs from the same weights, Adam is far ahead of plain SGD.
    assert runs["adam"]["final_loss"] < runs["sgd"]["final_loss"]
    assert runs["adam"]["min_epoch_loss"] < runs["sgd"]["min_epoch_loss"]
    # The sheet's momentum at SGD's rate moves like SGD; at 10x the rate it is far ahead.
    assert runs["momentum"]["final_loss"] < runs["momentum_sgd_rate"]["final_loss"]

    rows = results["l2"]
    assert [row["l2"] for row in rows] == settings["l2_values"] == sorted(settings["l2_values"])
    norms = [row["weight_norm"] for row in rows]
    assert all(a > b for a, b in itertools.pairwise(norms))  # bigger λ, smaller weights
    assert results["weight_norm_decreases_with_l2"] is True
    assert rows[0]["l2"] == 0.0
    assert rows[0]["penalty"] == 0.0
    assert rows[0]["test_accuracy"] > 0.9
    for row in rows:
        assert row["penalty"] == row["l2"] * row["weight_norm"]
    for figure in FIGURES:
        assert_png(tmp_path / "optimizers" / figure)


def test_optimizers_same_seed_same_metrics(tmp_path, no_figures):
    options = ("--epochs", "20", "--l2-epochs", "20", "--l2", "0", "0.01")
    a = run_command(tmp_path / "a", "optimizers", *options)
    b = run_command(tmp_path / "b", "optimizers", *options)
    c = run_command(tmp_path / "c", "optimizers", *options, "--seed", "1")
    assert a["timings"]["per_optimizer"]["sgd"]["epoch_seconds"]  # without_timings leaves them out
    assert without_timings(a) == without_timings(b)
    curve = a["results"]["optimizers"]["sgd"]["loss_curve"]
    assert curve != c["results"]["optimizers"]["sgd"]["loss_curve"]
