"""Activations made by Activation.from_functions: checked, gradient-checked, usable everywhere, not saved."""

import pickle

import numpy as np
import pytest

import mlplab
from mlplab import MLP, gradient_check
from mlplab.datasets import make_xor
from mlplab.model import Model
from mlplab.nn import ACTIVATIONS, Activation, Network, check_gradients, get_activation
from mlplab.nn.activations import PROBE, builtin_name
from mlplab.nn.losses import SoftmaxCrossEntropy


# module-level functions, so that a network using them pickles
def softplus(z):
    return np.logaddexp(0.0, z)


def softplus_derivative(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # σ(z), without overflow


def leaky_relu(z):
    return np.where(z > 0, z, 0.01 * z)


def leaky_relu_derivative(z):
    return np.where(z > 0, 1.0, 0.01)


SOFTPLUS = Activation.from_functions("softplus", softplus, softplus_derivative)
LEAKY = Activation.from_functions("leaky_relu", leaky_relu, leaky_relu_derivative, smooth=False)
CUSTOM = {"softplus": SOFTPLUS, "leaky_relu": LEAKY}


# ---------------------------------------------------------------- the object
def test_made_from_functions():
    assert SOFTPLUS.name == "softplus"
    assert SOFTPLUS.smooth
    assert not LEAKY.smooth
    assert SOFTPLUS.uses_input
    assert not SOFTPLUS.builtin
    assert all(activation.builtin for activation in ACTIVATIONS.values())
    z = np.linspace(-4, 4, 9)
    np.testing.assert_array_equal(SOFTPLUS.forward(z), softplus(z))
    np.testing.assert_array_equal(SOFTPLUS.derivative(z), softplus_derivative(z))
    np.testing.assert_array_equal(LEAKY.derivative(np.array([-2.0, 0.0, 3.0])), [0.01, 0.01, 1.0])


@pytest.mark.parametrize("name", sorted(CUSTOM))
def test_derivative_matches_finite_differences_of_f(name):
    activation = CUSTOM[name]
    z = np.linspace(-3.05, 3.05, 50)  # avoids the kink at 0
    h = 1e-5
    numeric = (activation.forward(z + h) - activation.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(activation.derivative(z), numeric, rtol=1e-8, atol=1e-10)


def test_forward_in_place_and_dtype():
    z = np.linspace(-2, 2, 5)
    out = np.empty_like(z)
    assert SOFTPLUS.forward(z, out=out) is out
    np.testing.assert_array_equal(out, softplus(z))
    z32 = z.astype(np.float32)
    assert SOFTPLUS.forward(z32).dtype == np.float32  # f computes in float64: cast back, never mixed
    grad = np.ones(5, np.float32)
    assert SOFTPLUS.backward(z32, grad) is grad
    assert grad.dtype == np.float32


def test_get_activation_passes_it_through():
    assert get_activation(SOFTPLUS) is SOFTPLUS
    with pytest.raises(ValueError, match=r"activation must be one of .*Activation.from_functions"):
        get_activation("softplus")


# ----------------------------------------------------------- gradient checks
@pytest.mark.parametrize("name", sorted(CUSTOM))
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_network_gradient_check(name, l2):
    for seed in range(3):
        net = Network([3, 8, 6, 4], CUSTOM[name])
        net.initialize(np.random.default_rng(seed))
        rng = np.random.default_rng(50 + seed)
        X, T = rng.normal(size=(12, 3)), np.eye(4)[rng.integers(0, 4, size=12)]
        result = check_gradients(net, SoftmaxCrossEntropy(), X, T, l2)
        assert result.passed(1e-6), result.errors


@pytest.mark.parametrize("name", sorted(CUSTOM))
def test_gradient_check_with_dropout_masks(name):
    net = Network([3, 8, 6, 4], CUSTOM[name], dropout=0.4)
    net.initialize(np.random.default_rng(0))
    rng = np.random.default_rng(1)
    X, T = rng.normal(size=(10, 3)), np.eye(4)[rng.integers(0, 4, size=10)]
    masks = [rng.random((10, 8)) >= 0.4, rng.random((10, 6)) >= 0.4]
    assert check_gradients(net, SoftmaxCrossEntropy(), X, T, dropout_masks=masks).passed(1e-6)


def test_leaky_relu_on_its_kink_is_handled():
    # zero biases and a zero input row: every first-layer unit sits exactly on z = 0
    net = Network([2, 5, 3], LEAKY)
    net.initialize(np.random.default_rng(0))
    X = np.vstack([np.zeros(2), np.random.default_rng(1).normal(size=(5, 2))])
    T = np.eye(3)[[0, 1, 2, 0, 1, 2]]
    assert check_gradients(net, SoftmaxCrossEntropy(), X, T).passed(1e-6)


def test_planted_bug_in_a_custom_derivative_is_caught():
    wrong = Activation.from_functions("softplus_wrong", softplus, lambda z: 0.5 * softplus_derivative(z))
    model = MLP([2, 4, 1], wrong, seed=0)
    X, y = make_xor()
    assert gradient_check(model, X, y).errors["W1"] > 0.1


def test_sheet_mlp_gradient_check():
    X, y = make_xor()
    assert gradient_check(MLP([2, 6, 5, 1], SOFTPLUS, seed=0), X, y).max_error < 1e-7


# ------------------------------------------------------------- usable faces
@pytest.mark.parametrize("name", sorted(CUSTOM))
def test_custom_activation_trains_xor(name):
    X, y = make_xor()
    model = MLP([2, 8, 1], CUSTOM[name], learning_rate=0.05, optimizer="adam", seed=0)
    model.train(X, y, epochs=1000)
    assert model.score(X, y) == 1.0
    assert model.activation == name
    assert name in repr(model)


def test_model_and_network_use_it():
    model = Model([2, 4, 2], SOFTPLUS, seed=0)
    assert model.network.activation is SOFTPLUS
    assert f"'{SOFTPLUS.name}'" in repr(model)
    X, y = make_xor()
    model.fit(X, y, epochs=5)
    np.testing.assert_array_equal(model.network.predict_logits(X), model.network.forward(X))
    assert "activation='softplus'" in repr(model.network)


def test_float32_network_stays_float32():
    net = Network([2, 4, 1], SOFTPLUS, dtype=np.float32)
    net.initialize(np.random.default_rng(0))
    X = np.ones((3, 2), np.float32)
    assert net.forward(X).dtype == np.float32
    assert net.predict_logits(X).dtype == np.float32


def test_pickle_round_trip_with_importable_functions():
    model = MLP([2, 4, 1], SOFTPLUS, seed=0)
    X, y = make_xor()
    model.train(X, y, epochs=20)
    clone = pickle.loads(pickle.dumps(model))
    assert clone.network.activation == SOFTPLUS
    np.testing.assert_array_equal(clone.predict_proba(X), model.predict_proba(X))


def test_save_refuses_a_custom_activation_naming_it(tmp_path):
    model = MLP([2, 4, 1], SOFTPLUS, seed=0)
    with pytest.raises(ValueError, match="softplus"):
        mlplab.save(model, tmp_path / "model.mlplab")
    assert not (tmp_path / "model.mlplab").exists()


def test_builtin_name_refuses_a_custom_one_even_under_a_builtin_name():
    assert builtin_name(ACTIVATIONS["relu"]) == "relu"
    with pytest.raises(ValueError, match=r"cannot save a model with the custom activation 'softplus'"):
        builtin_name(SOFTPLUS)
    impostor = Activation("relu", softplus, lambda a, g: g)  # made by hand under a built-in's name
    with pytest.raises(ValueError, match=r"custom activation 'relu'"):
        builtin_name(impostor)


# ------------------------------------------------------------------ bad ones
def _scalar(z):
    return 1.0


@pytest.mark.parametrize(
    ("name", "f", "df", "error", "match"),
    [
        ("mine", 3, softplus_derivative, TypeError, r"activation 'mine': f must be callable f\(z\), got 3"),
        ("mine", softplus, "sigmoid", TypeError, r"activation 'mine': df must be callable"),
        (
            "mine",
            softplus,
            _scalar,
            ValueError,
            r"activation 'mine': df\(z\) must return an array of z's shape",
        ),
        (
            "mine",
            lambda z: z.ravel(),
            softplus_derivative,
            ValueError,
            r"f\(z\) must return an array of z's shape \(2, 6\), got shape \(12,\)",
        ),
        (
            "mine",
            lambda z: 1.0 / z,
            softplus_derivative,
            ValueError,
            r"activation 'mine': f\(z\) must be finite, got inf at z = 0.0",
        ),
        (
            "mine",
            lambda z: np.exp(z * 100),
            softplus_derivative,
            ValueError,
            r"f\(z\) must be finite, got inf at z = 30.0",
        ),
        ("mine", softplus, lambda z: np.sqrt(z), ValueError, r"df\(z\) must be finite, got nan at z = -30.0"),
        (
            "mine",
            lambda z: z + 0j,
            softplus_derivative,
            TypeError,
            r"f\(z\) must return real numbers, got dtype complex128",
        ),
        (
            "mine",
            lambda z: z > 0,
            softplus_derivative,
            TypeError,
            r"f\(z\) must return real numbers, got dtype bool",
        ),
        ("mine", lambda z: z.astype(str), softplus_derivative, TypeError, r"f\(z\) must return real numbers"),
        ("mine", lambda z: z.__imul__(2), softplus_derivative, ValueError, r"f\(z\) changed its argument z"),
        (
            "mine",
            lambda z: z.no_such_method(),
            softplus_derivative,
            ValueError,
            r"activation 'mine': f\(z\) raised AttributeError",
        ),
        (
            "relu",
            leaky_relu,
            leaky_relu_derivative,
            ValueError,
            r"activation name 'relu' is a built-in activation's",
        ),
        ("Tanh", leaky_relu, leaky_relu_derivative, ValueError, r"activation name 'Tanh' is a built-in"),
        ("", softplus, softplus_derivative, TypeError, r"activation name must be a non-empty str"),
        (
            None,
            softplus,
            softplus_derivative,
            TypeError,
            r"activation name must be a non-empty str, got None",
        ),
    ],
)
def test_bad_activations_are_refused_naming_activation(name, f, df, error, match):
    with pytest.raises(error, match=match):
        Activation.from_functions(name, f, df)


def test_smooth_must_be_a_bool():
    with pytest.raises(TypeError, match=r"activation 'mine': smooth must be True or False, got 'no'"):
        Activation.from_functions("mine", softplus, softplus_derivative, smooth="no")


def test_the_probe_is_not_changed_by_checking():
    before = PROBE.copy()
    Activation.from_functions("mine", softplus, softplus_derivative)
    np.testing.assert_array_equal(PROBE, before)


@pytest.mark.parametrize("face", [Network, lambda sizes, a: Model(sizes, a), lambda sizes, a: MLP(sizes, a)])
def test_faces_refuse_a_non_activation_naming_activation(face):
    with pytest.raises(TypeError, match=r"activation must be one of .* or an Activation"):
        face([2, 3, 1], softplus)  # a bare function, not an Activation
