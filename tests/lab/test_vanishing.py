import math

import numpy as np
import pytest

from mlplab import MLP
from mlplab.cli import main
from mlplab.datasets import make_spirals
from mlplab.lab.vanishing import (
    MAX_DERIVATIVE,
    SATURATION,
    SIGMOID_BOUND,
    Z_STEP,
    derivative_maxima,
    layer_profile,
    profile_epochs,
    weight_gradient_norms,
)

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("vanishing_derivatives", "vanishing_gradients", "vanishing_depth", "vanishing_training",
           "vanishing_saturation", "vanishing_spread")  # fmt: skip


@pytest.mark.slow
def test_vanishing_command(tmp_path):
    metrics = run_command(tmp_path, "vanishing")
    assert_common_keys(metrics, "vanishing")
    settings, results = metrics["settings"], metrics["results"]

    # σ′ peaks at exactly 1/4, at z = 0; tanh′ at 1, relu′ is 1 right of 0
    assert abs(results["max_sigmoid_derivative"] - 0.25) <= 1e-12
    assert abs(results["argmax_sigmoid_derivative_z"]) <= Z_STEP / 2
    maxima = results["derivative_maxima"]
    assert abs(maxima["tanh"]["max"] - 1.0) <= 1e-12
    assert abs(maxima["tanh"]["argmax_z"]) <= Z_STEP / 2
    assert maxima["relu"]["max"] == 1.0
    assert 0 < maxima["relu"]["argmax_z"] <= 1.5 * Z_STEP

    n_layers = settings["hidden_layers"] + 1
    assert results["bound_first_over_last"] == pytest.approx(SIGMOID_BOUND ** settings["hidden_layers"])
    ratios = results["first_over_last_ratio"]
    for activation in ("sigmoid", "tanh", "relu"):
        norms = results["gradient_norms"][activation]
        for when in ("init", "trained"):
            assert len(norms[when]) == n_layers
            assert all(math.isfinite(v) and v > 0 for v in norms[when])
            assert len(norms[f"{when}_per_seed"]) == settings["seeds"]
            assert ratios[activation][when] == pytest.approx(norms[when][0] / norms[when][-1], rel=1e-9)
    # the deep sigmoid net's first layer gets a vanishing share of the gradient, ReLU's does not
    for when in ("init", "trained"):
        assert ratios["sigmoid"][when] < 1e-3
        assert ratios["sigmoid"][when] < ratios["relu"][when] / 100
        assert ratios["sigmoid"][when] < ratios["tanh"][when] / 100
    assert ratios["sigmoid"]["init"] < 10 * results["bound_first_over_last"]
    assert ratios["sigmoid"]["decay_per_layer_init"] < 0.3

    training = results["training"]
    for entry in training.values():
        assert len(entry["loss_curve_median"]) == settings["epochs"]
        assert entry["checkpoints"][0] == 0
        assert entry["checkpoints"][-1] == settings["epochs"]
        assert len(entry["ratio_curve"]) == len(entry["checkpoints"])
    assert training["sigmoid"]["final_loss_median"] > 0.6  # stuck near ln 2

    sweep = results["depth_sweep"]
    assert sweep["hidden_layers"] == settings["depth_sweep_hidden_layers"]
    for activation in ("sigmoid", "tanh", "relu"):
        assert len(sweep[activation]) == len(sweep["hidden_layers"])
    assert sweep["sigmoid"][-1] < sweep["sigmoid"][0]

    for name in ("sigmoid", "tanh", "relu"):
        assert maxima[name]["max"] == pytest.approx(MAX_DERIVATIVE[name], abs=1e-12)

    # the profiles: one entry per seed and profiled epoch, every ratio under its bound
    profiles = results["profiles"]
    assert profiles["epochs"] == profile_epochs(settings["epochs"])
    n_epochs = len(profiles["epochs"])
    for activation in ("sigmoid", "tanh", "relu"):
        entry = profiles[activation]
        ratio, bound = np.array(entry["delta_ratio"]), np.array(entry["bound"])
        assert ratio.shape == bound.shape == (settings["seeds"], n_epochs)
        assert np.all(ratio <= bound)
        factor = np.array(entry["weight_factor"])
        np.testing.assert_allclose(bound, MAX_DERIVATIVE[activation] ** settings["hidden_layers"] * factor)
        for key in ("saturated", "dead", "spread"):
            assert np.array(entry[key]).shape == (settings["seeds"], n_epochs, settings["hidden_layers"])
        assert np.all(np.array(entry["dead"]) <= np.array(entry["saturated"]))
        moved = np.array(training[activation]["weight_change"])
        assert moved.shape == (settings["seeds"], n_layers)
        assert np.all(moved > 0)
        assert np.all(
            np.array(training[activation]["lowest_loss"]) <= np.array(training[activation]["final_loss"])
        )
    assert settings["data"]["n_samples"] == 200

    for figure in FIGURES:
        for stem in (figure, f"{figure}.de"):
            assert_png(tmp_path / "vanishing" / f"{stem}.png")
            assert (tmp_path / "vanishing" / f"{stem}.svg").stat().st_size > 0


@pytest.mark.slow
def test_vanishing_same_seed_same_metrics(tmp_path):
    args = ("vanishing", "--quick", "--seeds", "1", "--max-depth", "2", "--hidden-layers", "4")
    a = run_command(tmp_path / "a", *args)
    b = run_command(tmp_path / "b", *args)
    c = run_command(tmp_path / "c", *args, "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["gradient_norms"] != c["results"]["gradient_norms"]


def test_derivative_maxima_on_a_grid_through_zero():
    z = np.arange(-1000, 1001) * 1e-3  # (2001,)
    maxima = derivative_maxima(z)
    assert maxima["sigmoid"] == {"max": 0.25, "argmax_z": 0.0}
    assert maxima["tanh"] == {"max": 1.0, "argmax_z": 0.0}


def test_weight_gradient_norms_match_the_network_objective():
    X, y = make_spirals(40, 0.1, seed=0)
    model = MLP([2, 5, 5, 1], "sigmoid", seed=3)
    norms = weight_gradient_norms(model, X, y)
    model.network.objective(X, model.head.encode(y), model.loss)
    expected = [np.sqrt(np.sum(g**2)) for g in model.network.weight_grads]
    np.testing.assert_allclose(norms, expected, rtol=1e-12)


def test_vanishing_rejects_zero_seeds(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["vanishing", "--seeds", "0", "--out", str(tmp_path)])
    assert "must be an integer from 1 to" in capsys.readouterr().err


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_layer_profile_matches_backward_and_obeys_its_bound(activation):
    X, y = make_spirals(40, 0.1, seed=1)
    model = MLP([2, 6, 5, 4, 1], activation, seed=2)
    profile = layer_profile(model, X, y)
    model._forward(X)
    weight_grads, _ = model._backward(X, y)
    for mine, theirs in zip(profile["weight_grads"], weight_grads):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-15)
    weights = [np.asarray(w) for w in model.weights]
    np.testing.assert_allclose(
        profile["spectral_norms"], [np.linalg.svd(w, compute_uv=False)[0] for w in weights]
    )
    assert profile["bound"] == pytest.approx(
        np.prod(MAX_DERIVATIVE[activation] * profile["spectral_norms"][1:])
    )
    ratio = profile["delta_norms"][0] / profile["delta_norms"][-1]
    assert 0 < ratio <= profile["bound"]
    # the output error is (ŷ − y)/n
    p = model._forward(X)[:, 0]  # ŷ, shape (n,)
    assert profile["delta_norms"][-1] == pytest.approx(np.linalg.norm(p - y) / len(y))


def test_layer_profile_counts_saturated_and_dead_units():
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])  # (3, 2)
    y = np.array([0, 1, 1])
    model = MLP([2, 3, 1], "tanh", seed=0)
    # unit 0: z = 10 x₁ + 10 x₂ (saturated on every point: dead), unit 1: z = 0 (never), unit 2: z = 3 x₁
    model.set_weights([np.array([[10.0, 10.0], [0.0, 0.0], [3.0, 0.0]]), np.ones((1, 3))],
                      [np.array([5.0, 0.0, 0.0]), np.zeros(1)])  # fmt: skip
    profile = layer_profile(model, X, y)
    z = np.array([[15.0, 0.0, 3.0], [15.0, 0.0, 0.0], [25.0, 0.0, 3.0]])
    saturated = (1 - np.tanh(z) ** 2) < SATURATION * 1.0
    assert saturated.sum() == 3 + 2  # unit 0 everywhere, unit 2 where z = 3 (tanh′ = 0.0099)
    assert profile["saturated"][0] == pytest.approx(saturated.mean())
    assert profile["dead"][0] == pytest.approx(1 / 3)
    assert profile["spread"][0] == pytest.approx(np.tanh(z).std(axis=0).mean())

    relu = MLP([2, 2, 1], "relu", seed=0)
    relu.set_weights([np.array([[-1.0, -1.0], [1.0, 0.0]]), np.ones((1, 2))], [np.zeros(2), np.zeros(1)])
    profile = layer_profile(relu, X, y)
    assert profile["dead"][0] == 0.5  # unit 0 is inactive on all three points
    assert profile["saturated"][0] == pytest.approx(4 / 6)  # and unit 1 on the point (0, 1)


def test_profile_epochs_are_the_start_a_tenth_a_quarter_half_and_the_end():
    assert profile_epochs(1000) == [0, 100, 250, 500, 1000]
    assert profile_epochs(7) == [0, 1, 3, 7]
    assert profile_epochs(1) == [0, 1]
