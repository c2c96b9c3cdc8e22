import math

import numpy as np
import pytest

from mlplab import MLP
from mlplab.lab.initialization import (
    SCHEMES,
    SIGMOID_SCHEMES,
    ConstantInit,
    NormalInit,
    expected_square,
    expected_square_slope,
    initial_state,
    predicted_backward,
    predicted_variances,
)

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("init_variance", "init_sigmoid", "init_training", "init_symmetry")


@pytest.mark.slow
def test_init_command(tmp_path):
    metrics = run_command(tmp_path, "init")
    assert_common_keys(metrics, "init")
    settings, results = metrics["settings"], metrics["results"]
    depth = len(settings["variance"]["layer_sizes"]) - 1

    variance = results["variance"]
    assert set(variance) == {"tanh", "relu"}
    for by_scheme in variance.values():
        assert set(by_scheme) == set(SCHEMES)
        for entry in by_scheme.values():
            assert len(entry["measured"]) == len(entry["predicted"]) == depth
        assert by_scheme["zeros"]["measured"] == [0.0] * depth
        assert by_scheme["zeros"]["predicted"] == [0.0] * depth
        assert by_scheme["zeros"]["max_abs_log10_ratio"] is None
        assert by_scheme["small"]["measured"][-1] < 1e-12  # shrinks by ~0.03 per layer
    # ReLU with He keeps Var(z) = 2 in every layer: measured within a factor 2 of it
    he = variance["relu"]["he"]
    assert he["predicted"] == pytest.approx([2.0] * depth)
    assert he["max_abs_log10_ratio"] < math.log10(2)
    assert all(0.5 < r < 2 for r in he["measured_over_predicted"])
    assert variance["tanh"]["xavier"]["max_abs_log10_ratio"] < math.log10(1.25)
    assert variance["relu"]["large"]["measured"][-1] > 1e15  # explodes by 128 per layer
    assert variance["tanh"]["large"]["max_abs_log10_ratio"] < math.log10(1.1)  # saturated: Var ≈ fan_in

    sigmoid = results["sigmoid"]
    assert set(sigmoid) == set(SIGMOID_SCHEMES)
    for name, entry in sigmoid.items():
        width = settings["variance"]["layer_sizes"][0]
        assert entry["weight_variance"] == pytest.approx(SIGMOID_SCHEMES[name] * 2 / (2 * width))
        assert entry["backward_measured"][-1] == pytest.approx(1.0)  # relative to the last layer
        assert entry["backward_per_layer_linear"] == pytest.approx(width * entry["weight_variance"] / 16)
        assert len(entry["mean_output"]) == depth - 1
        assert all(0.4 < m < 0.6 for m in entry["mean_output"])  # σ(0) = ½: outputs are not zero-mean
        # measured within a factor 2 of the recursions in every layer
        for key in ("forward", "backward"):
            ratio = np.array(entry[f"{key}_measured"]) / np.array(entry[f"{key}_predicted"])
            assert np.all((ratio > 0.5) & (ratio < 2)), (name, key, ratio)
    # Xavier: the linear regime's 1/16 per layer, nearly; 16 × Xavier: better, but far from 1
    assert sigmoid["xavier"]["backward_per_layer"] == pytest.approx(1 / 16, rel=0.3)
    assert sigmoid["xavier"]["backward_per_layer"] < sigmoid["xavier16"]["backward_per_layer"] < 0.6

    training = results["training"]
    n_layers = len(settings["training"]["layer_sizes"]) - 1
    for activation in ("tanh", "relu"):
        for entry in training[activation].values():
            assert len(entry["initial_z2"]) == len(entry["initial_grad_norm"]) == n_layers
            assert len(entry["initial_nonlinearity"]) == n_layers - 1
        assert training[activation]["zeros"]["initial_grad_norm"][:-1] == [0.0] * (n_layers - 1)
    # tanh at Xavier's scale on the scaled spirals starts almost linear, ReLU never does
    assert max(training["tanh"]["xavier"]["initial_nonlinearity"]) < 0.1
    assert min(training["relu"]["xavier"]["initial_nonlinearity"]) > 0.5
    for activation in ("tanh", "relu"):
        for name in ("zeros", "small"):  # no signal, no gradient: stuck at ln 2
            entry = training[activation][name]
            assert entry["diverged"] == 0
            assert all(abs(loss - math.log(2)) < 0.01 for loss in entry["final_loss"])
            assert len(entry["loss_curve_median"]) == settings["training"]["epochs"]
        initial = training[activation]["large"]["initial_loss"][0]  # None if it diverged in epoch 1
        assert initial is None or initial > 1.0  # far above ln 2: saturated or exploding outputs

    symmetry = results["symmetry"]
    constant, random = symmetry["constant"], symmetry["random"]
    assert constant["max_incoming_spread"] <= 1e-12
    assert constant["max_outgoing_spread"] <= 1e-12
    assert [layer["distinct_units"] for layer in constant["layers"]] == [1, 1]
    assert random["max_incoming_spread"] > 0.1
    assert [layer["distinct_units"] for layer in random["layers"]] == [16, 16]

    for figure in FIGURES:
        for stem in (figure, f"{figure}.de"):  # every figure in English and in German
            assert_png(tmp_path / "init" / f"{stem}.png")
            assert (tmp_path / "init" / f"{stem}.svg").stat().st_size > 0


@pytest.mark.slow
def test_init_same_seed_same_metrics(tmp_path):
    args = ("init", "--quick", "--width", "32", "--samples", "50", "--networks", "1")
    a = run_command(tmp_path / "a", *args)
    b = run_command(tmp_path / "b", *args)
    c = run_command(tmp_path / "c", *args, "--seed", "1")
    assert without_timings(a) == without_timings(b)
    assert a["results"]["variance"] != c["results"]["variance"]
    assert a["results"]["symmetry"]["random"] != c["results"]["symmetry"]["random"]


def test_predicted_variance_recursion():
    # He + ReLU: 256 · (2/256) · E[x²] = 2, then 256 · (2/256) · 2/2 = 2 in every layer
    np.testing.assert_allclose(predicted_variances("relu", SCHEMES["he"], 256, 5), [2.0] * 5, rtol=1e-15)
    # Xavier + ReLU halves it every layer
    np.testing.assert_allclose(predicted_variances("relu", SCHEMES["xavier"], 64, 4), [1, 0.5, 0.25, 0.125])
    np.testing.assert_array_equal(predicted_variances("tanh", SCHEMES["zeros"], 64, 3), [0.0] * 3)


def test_expected_square_of_tanh_against_adaptive_quadrature():
    integrate = pytest.importorskip("scipy.integrate")
    for variance in (1e-6, 0.3, 1.0, 4.0, 256.0):  # up to the saturated 'too large' layers

        def integrand(u, variance=variance):
            return np.tanh(np.sqrt(variance) * u) ** 2 * np.exp(-u * u / 2) / np.sqrt(2 * np.pi)

        reference, _ = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-15, epsrel=1e-13, limit=500)
        assert expected_square("tanh", variance) == pytest.approx(reference, rel=1e-10)
    assert expected_square("tanh", 1e-6) == pytest.approx(1e-6, rel=1e-5)  # linear regime: E[a²] ≈ Var(z)
    assert expected_square("relu", 3.0) == 1.5


def test_initialisers_as_mlp_init():
    model = MLP([2, 3, 1], init=ConstantInit(0.5), seed=0)
    assert all(np.all(w == 0.5) for w in model.weights)
    wide = MLP([400, 300, 1], init=NormalInit(0.01), seed=0)
    assert np.std(wide.weights[0]) == pytest.approx(0.01, rel=0.02)


def test_expected_square_slope_against_adaptive_quadrature():
    integrate = pytest.importorskip("scipy.integrate")

    def slope(z):  # σ′(z) = e^(−|z|)/(1 + e^(−|z|))², symmetric and without overflow
        e = np.exp(-np.abs(z))
        return e / (1 + e) ** 2

    for variance in (1e-6, 0.27, 1.0, 5.9, 16.0):

        def integrand(u, variance=variance):
            return slope(np.sqrt(variance) * u) ** 2 * np.exp(-u * u / 2) / np.sqrt(2 * np.pi)

        reference, _ = integrate.quad(integrand, -np.inf, np.inf, epsabs=1e-15, epsrel=1e-13, limit=500)
        assert expected_square_slope("sigmoid", variance) == pytest.approx(reference, rel=1e-9)
    assert expected_square_slope("sigmoid", 0.0) == 1 / 16  # σ′(0)² in the linear regime
    assert expected_square_slope("tanh", 0.0) == 1.0


def test_predicted_backward_recursion():
    # linear units (tanh at variance ~0): E[δ²] multiplied by fan_out Var(w) = 2 per layer going down
    forward = np.full(4, 1e-12)
    np.testing.assert_allclose(predicted_backward("tanh", 2 / 64, 64, forward), [8, 4, 2, 1], rtol=1e-9)
    # sigmoid at variance 0: the factor is fan_out Var(w) / 16
    np.testing.assert_allclose(predicted_backward("sigmoid", 1 / 32, 32, np.zeros(3)), [1 / 256, 1 / 16, 1])


def test_initial_state_of_a_small_network():
    from mlplab.datasets import make_xor

    X, y = make_xor()
    model = MLP([2, 3, 1], "tanh", init=ConstantInit(0.0), seed=0)
    state = initial_state(model, X, y)
    assert state["initial_z2"] == [0.0, 0.0]
    assert state["initial_nonlinearity"] == [0.0]  # z = 0 everywhere: no distance to measure
    assert state["initial_grad_norm"][0] == 0.0  # no signal reaches the first layer
    relu = MLP([2, 50, 1], "relu", seed=0)
    gap = initial_state(relu, X, y)["initial_nonlinearity"][0]
    z = X @ relu.weights[0].T + relu.biases[0]
    assert gap == pytest.approx(np.linalg.norm(np.maximum(z, 0) - z) / np.linalg.norm(z))
    relu._forward(X)
    weight_grads, _ = relu._backward(X, y)
    assert initial_state(relu, X, y)["initial_grad_norm"][0] == pytest.approx(np.linalg.norm(weight_grads[0]))
