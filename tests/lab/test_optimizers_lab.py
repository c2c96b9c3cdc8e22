"""``mlplab optimizers`` (task 4): SGD, momentum, RMSprop, Adam; L2 regularisation."""

import itertools
import math
import statistics

import matplotlib.pyplot as plt
import pytest

from mlplab.lab import plotting

from .conftest import assert_common_keys, assert_png, run_command, without_timings

STEMS = ("optimizers", "optimizers_l2_boundaries", "optimizers_l2_norms")
FIGURES = tuple(f"{stem}{lang}.{fmt}" for stem in STEMS for lang in ("", ".de") for fmt in ("png", "svg"))


@pytest.fixture
def no_figures(monkeypatch):
    """Skip drawing: the seed tests compare metrics only, and figures are most of a quick run's time."""
    monkeypatch.setattr(plotting, "save_figure", lambda fig, *args, **kwargs: plt.close(fig) or [])


@pytest.mark.slow
def test_optimizers_command(tmp_path):
    metrics = run_command(tmp_path, "optimizers")
    assert_common_keys(metrics, "optimizers")
    settings, results = metrics["settings"], metrics["results"]
    runs = results["optimizers"]
    assert {run["optimizer"] for run in runs.values()} == {"sgd", "momentum", "rmsprop", "adam"}
    epochs = settings["epochs"]
    for _key, run in runs.items():
        assert len(run["loss_curve"]) == epochs
        assert run["config"]["learning_rate"] == run["learning_rate"]
        assert 0.0 <= run["test_accuracy"] <= 1.0
        assert run["loss_rises"] == sum(b > a for a, b in itertools.pairwise(run["loss_curve"]))
        for target, epoch in run["epochs_to_loss"].items():  # the first epoch below the target, or None
            below = [i + 1 for i, loss in enumerate(run["loss_curve"]) if loss < float(target)]
            assert epoch == (below[0] if below else None)
    assert runs["momentum"]["config"]["beta"] == 0.9
    assert set(runs["rmsprop"]["config"]) >= {"rho", "eps"}
    assert set(runs["adam"]["config"]) >= {"beta1", "beta2", "eps"}

    # every momentum run has its fair baseline: SGD at the same α, from the same weights and batches
    for momentum, baseline in settings["fair_pairs"]:
        assert runs[momentum]["optimizer"] == "momentum"
        assert runs[baseline]["optimizer"] == "sgd"
        assert runs[momentum]["learning_rate"] == runs[baseline]["learning_rate"]
    # After the same epochs from the same weights, Adam is far ahead of plain SGD at the sheet's rate.
    assert runs["adam"]["final_loss"] < runs["sgd"]["final_loss"]
    assert runs["adam"]["min_epoch_loss"] < runs["sgd"]["min_epoch_loss"]
    # the sheet's momentum averages gradients: at SGD's small rate its loss stays close to SGD's
    small, small_base = settings["fair_pairs"][0]
    assert runs[small]["final_loss"] == pytest.approx(runs[small_base]["final_loss"], rel=0.2)

    # repeated timings: per optimiser, `repeats` runs with their median and range
    clocks = metrics["timings"]["per_optimizer"]
    assert clocks["repeats"] == settings["timing_repeats"]
    assert clocks["epochs"] == settings["timing_epochs"]
    assert set(clocks["optimizers"]) == {"sgd", "momentum", "rmsprop", "adam"}
    for entry in clocks["optimizers"].values():
        for ms in (entry["wall_ms_per_epoch"], entry["cpu_ms_per_epoch"]):
            assert len(ms["runs"]) == clocks["repeats"]
            assert ms["min"] == min(ms["runs"])
            assert ms["max"] == max(ms["runs"])
            assert ms["median"] == pytest.approx(statistics.median(ms["runs"]), abs=1e-4)
            assert 0 < ms["min"] <= ms["median"] <= ms["max"]

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
    assert rows[0]["kept_fit_objective"] is None
    for before, row in itertools.pairwise(rows):  # the previous λ's weights, priced under this λ
        assert row["kept_fit_objective"] == pytest.approx(
            before["data_loss"] + row["l2"] * before["weight_norm"]
        )
    # the spirals are balanced: the best constant prediction costs ln 2
    assert results["constant_loss"] == pytest.approx(math.log(2))
    for figure in FIGURES:
        path = tmp_path / "optimizers" / figure
        if figure.endswith(".png"):
            assert_png(path)
        else:
            assert path.stat().st_size > 1000


@pytest.mark.slow
def test_optimizers_same_seed_same_metrics(tmp_path, no_figures):
    options = (
        "--epochs",
        "20",
        "--l2-epochs",
        "20",
        "--l2",
        "0",
        "0.01",
        "--timing-repeats",
        "1",
        "--timing-epochs",
        "2",
    )
    a = run_command(tmp_path / "a", "optimizers", *options)
    b = run_command(tmp_path / "b", "optimizers", *options)
    c = run_command(tmp_path / "c", "optimizers", *options, "--seed", "1")
    assert a["timings"]["per_optimizer"]["optimizers"]["sgd"]["wall_ms_per_epoch"]  # left out below
    assert without_timings(a) == without_timings(b)
    curve = a["results"]["optimizers"]["sgd"]["loss_curve"]
    assert curve != c["results"]["optimizers"]["sgd"]["loss_curve"]
