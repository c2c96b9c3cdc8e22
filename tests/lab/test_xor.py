import numpy as np
import pytest

from mlplab import MLP
from mlplab.datasets import make_xor
from mlplab.lab import xor
from mlplab.lab._common import EpochAccuracy

from .conftest import assert_common_keys, assert_png, run_command, without_timings


@pytest.mark.slow
def test_xor_command(tmp_path):
    metrics = run_command(tmp_path, "xor")
    assert_common_keys(metrics, "xor")
    main = metrics["results"]["main_run"]
    assert main["accuracy"] == 1.0
    assert main["predictions"] == [0, 1, 1, 0]
    assert len(main["loss_curve"]) == metrics["settings"]["epochs"]
    assert main["loss_curve"][-1] < main["loss_curve"][0]
    rates = metrics["results"]["success_rate"]
    assert set(rates) == {"sigmoid", "tanh", "relu"}
    for entry in rates.values():
        assert 0 <= entry["solved"] <= entry["seeds"]
        assert entry["rate"] == entry["solved"] / entry["seeds"]
    for figure in ("xor.png", "xor_success.png"):
        assert_png(tmp_path / "xor" / figure)


@pytest.mark.slow
def test_xor_same_seed_same_metrics(tmp_path):
    a = run_command(tmp_path / "a", "xor", "--seeds", "2")
    b = run_command(tmp_path / "b", "xor", "--seeds", "2")
    c = run_command(tmp_path / "c", "xor", "--seeds", "2", "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["main_run"]["loss_curve"] != c["results"]["main_run"]["loss_curve"]


@pytest.mark.slow
def test_xor_records_units_and_dead_relu_units_and_draws_every_figure_in_both_languages(tmp_path):
    metrics = run_command(tmp_path, "xor")
    main = metrics["results"]["main_run"]
    X, W, b = (
        np.asarray(main["inputs"]),
        np.asarray(main["hidden_weights"]),
        np.asarray(main["hidden_biases"]),
    )
    assert W.shape == (4, 2)
    z = X @ W.T + b
    np.testing.assert_allclose(main["hidden_preactivations"], z)
    a = np.asarray(main["hidden_activations"])
    np.testing.assert_allclose(a, 1 / (1 + np.exp(-z)))  # the shown run is sigmoid
    # the output unit on these activations gives the recorded probabilities
    logits = a @ np.asarray(main["output_weights"]) + main["output_bias"]
    np.testing.assert_allclose(main["probabilities"], 1 / (1 + np.exp(-logits)))
    first, stable = main["epochs_to_100_percent"], main["perfect_from_epoch"]
    if main["accuracy"] == 1.0:
        assert 1 <= first <= stable <= metrics["settings"]["epochs"]
    else:
        assert stable is None
    out = tmp_path / "xor"
    for stem in (xor.FIG_MAIN, xor.FIG_SUCCESS, xor.FIG_LINES, xor.FIG_UNITS):
        for suffix in (".png", ".svg", ".de.png", ".de.svg"):
            assert (out / f"{stem}{suffix}").is_file(), stem + suffix
    for activation, entry in metrics["results"]["success_rate"].items():
        assert len(entry["solved_per_seed"]) == len(entry["dead_units_per_seed"]) == entry["seeds"]
        assert sum(entry["solved_per_seed"]) == entry["solved"]
        for dead in entry["dead_units_per_seed"]:
            assert dead is None if activation != "relu" else 0 <= dead <= 4


def test_dead_units_are_those_with_no_positive_z_on_any_point():
    X, _ = make_xor()
    model = MLP([2, 4, 1], "relu", 0.5, seed=0)
    model.weights[0][...] = [[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [0.0, 0.0]]
    model.biases[0][...] = [0.0, -0.5, 0.0, 0.0]  # unit 2: z < 0 on all; unit 4: z = 0 on all
    assert xor._dead_units(model, X) == 2
    z, a = xor.hidden_layer(model, X)
    np.testing.assert_array_equal(a, np.maximum(z, 0))


def test_perfect_from_is_the_start_of_the_last_perfect_stretch():
    assert xor._perfect_from([0.5, 1.0, 0.75, 1.0, 1.0]) == 4
    assert xor._perfect_from([1.0, 1.0]) == 1
    assert xor._perfect_from([1.0, 0.75]) is None


def test_accuracy_from_the_history_is_the_accuracy_after_each_epoch():
    X, y = make_xor()
    for activation in ("sigmoid", "relu"):
        model = MLP([2, 4, 1], activation, 0.5, seed=3)
        tracker = EpochAccuracy(model, X, y)
        history = model.train(X, y, epochs=300, callbacks=[tracker])
        assert xor.accuracy_after_each_epoch(history, model.score(X, y)) == tracker.accuracy
        assert xor._first_perfect(tracker.accuracy) == tracker.first_perfect_epoch
