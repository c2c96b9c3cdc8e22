import math

import numpy as np
import pytest

from mlplab import MLP
from mlplab.lab.initialization import (
    SCHEMES,
    ConstantInit,
    NormalInit,
    expected_square,
    predicted_variances,
)

from .conftest import assert_common_keys, assert_png, run_command, without_timings

FIGURES = ("init_variance", "init_training", "init_symmetry")


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

    training = results["training"]
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
        assert_png(tmp_path / "init" / f"{figure}.png")
        assert (tmp_path / "init" / f"{figure}.svg").stat().st_size > 0


def test_init_same_seed_same_metrics(tmp_path):
    args = ("init", "--width", "32", "--samples", "50", "--networks", "1")
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
