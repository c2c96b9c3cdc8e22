import math

import numpy as np
import pytest

from mlplab import MLP
from mlplab.cli import main
from mlplab.datasets import make_spirals
from mlplab.lab.vanishing import SIGMOID_BOUND, Z_STEP, derivative_maxima, weight_gradient_norms

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("vanishing_derivatives", "vanishing_gradients", "vanishing_depth", "vanishing_training")


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

    for figure in FIGURES:
        assert_png(tmp_path / "vanishing" / f"{figure}.png")
        assert (tmp_path / "vanishing" / f"{figure}.svg").stat().st_size > 0


def test_vanishing_same_seed_same_metrics(tmp_path):
    args = ("vanishing", "--seeds", "1", "--max-depth", "2", "--hidden-layers", "4")
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
    assert "must be an integer >= 1" in capsys.readouterr().err
