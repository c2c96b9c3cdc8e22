"""Activations, losses, initialisers and layers, each against an independent formula."""

import numpy as np
import pytest

from mlplab.nn import ACTIVATIONS, Network, get_activation, sigmoid
from mlplab.nn.heads import BinaryHead, SoftmaxHead, get_head
from mlplab.nn.initializers import default_initializer, get_initializer
from mlplab.nn.losses import BinaryCrossEntropy, SoftmaxCrossEntropy


def test_sigmoid_matches_the_definition_and_never_overflows():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-13, atol=0)
    np.testing.assert_allclose(sigmoid(np.array([-700.0])), np.exp(-700.0), rtol=1e-12)
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # underflow to 0 is fine
        extreme = sigmoid(np.array([-1e308, -1000.0, 0.0, 1000.0, 1e308]))
    np.testing.assert_array_equal(extreme, [0.0, 0.0, 0.5, 1.0, 1.0])
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), rtol=0, atol=2e-16)


def test_sigmoid_keeps_float32():
    assert sigmoid(np.zeros(3, dtype=np.float32)).dtype == np.float32


def test_max_sigmoid_derivative_is_a_quarter_at_zero():
    # Sheet task 3.1 (a): σ'(z) = σ(1 − σ) ≤ 1/4 with equality at z = 0.
    z = np.linspace(-10, 10, 200001)
    d = get_activation("sigmoid").derivative(z)
    assert d.max() == pytest.approx(0.25, abs=1e-15)
    assert z[np.argmax(d)] == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "identity"])
def test_derivative_from_output_matches_finite_differences(name):
    act = ACTIVATIONS[name]
    z = np.random.default_rng(0).normal(size=50) * 3
    z = z[np.abs(z) > 1e-3]  # keep away from ReLU's kink
    h = 1e-6
    numeric = (act.forward(z + h) - act.forward(z - h)) / (2 * h)
    np.testing.assert_allclose(act.derivative(z), numeric, rtol=1e-7, atol=1e-9)


def test_relu_derivative_at_zero_is_zero():
    assert get_activation("relu").derivative(np.array([0.0]))[0] == 0.0


def test_activation_names_are_case_insensitive_and_checked():
    assert get_activation("ReLU").name == "relu"
    with pytest.raises(ValueError, match=r"activation must be one of .* got 'softsign'"):
        get_activation("softsign")


def test_bce_from_logits_equals_the_sheet_formula():
    rng = np.random.default_rng(1)
    z = rng.normal(size=(20, 1)) * 4
    y = rng.integers(0, 2, size=20)
    y_hat = 1 / (1 + np.exp(-z[:, 0]))
    expected = -np.mean(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))
    loss = BinaryCrossEntropy()
    T = BinaryHead().encode(y)
    value, grad = loss.value_and_gradient(z, T)
    assert value == pytest.approx(expected, rel=1e-13)
    assert loss.value(z, T) == value
    np.testing.assert_allclose(grad[:, 0], (y_hat - y) / 20, atol=1e-16)  # ∂L/∂z = (ŷ − y)/n


def test_bce_is_finite_for_huge_logits():
    loss = BinaryCrossEntropy()
    z = np.array([[800.0], [-800.0]])
    T = BinaryHead().encode(np.array([0, 1]))
    value, grad = loss.value_and_gradient(z, T)
    assert value == pytest.approx(800.0)  # both samples are wrong by a margin of 800
    np.testing.assert_allclose(grad[:, 0], [0.5, -0.5])


def test_softmax_cross_entropy_equals_its_formula():
    rng = np.random.default_rng(2)
    z = rng.normal(size=(10, 4)) * 3
    y = rng.integers(0, 4, size=10)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    loss, head = SoftmaxCrossEntropy(), SoftmaxHead(4)
    T = head.encode(y)
    value, grad = loss.value_and_gradient(z, T)
    assert value == pytest.approx(-np.mean(np.log(p[np.arange(10), y])), rel=1e-13)
    np.testing.assert_allclose(grad, (p - np.eye(4)[y]) / 10, atol=1e-16)
    np.testing.assert_allclose(head.probabilities(z), p, rtol=1e-13)
    np.testing.assert_array_equal(head.predict(z), np.argmax(p, axis=1))


def test_softmax_is_shift_invariant_and_overflow_free():
    head = SoftmaxHead(3)
    z = np.array([[1000.0, 1001.0, 999.0]])
    with np.errstate(all="raise"):
        p = head.probabilities(z)
    np.testing.assert_allclose(p, head.probabilities(z - 1000.0), rtol=1e-15)


def test_binary_probabilities_have_sklearn_layout():
    p = BinaryHead().probabilities(np.array([[0.0], [2.0]]))
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    assert p[1, 1] == pytest.approx(1 / (1 + np.exp(-2.0)))


def test_head_choice_by_output_width():
    assert isinstance(get_head(None, 1), BinaryHead)
    assert isinstance(get_head(None, 5), SoftmaxHead)
    assert get_head(None, 5).n_outputs == 5


@pytest.mark.parametrize(
    ("name", "variance"),
    [
        ("xavier_uniform", lambda fi, fo: 2 / (fi + fo)),
        ("xavier_normal", lambda fi, fo: 2 / (fi + fo)),
        ("he_uniform", lambda fi, fo: 2 / fi),
        ("he_normal", lambda fi, fo: 2 / fi),
    ],
)
def test_initialiser_variance(name, variance):
    fan_out, fan_in = 400, 300
    w = np.empty((fan_out, fan_in))
    get_initializer(name, "tanh")(w, np.random.default_rng(0))
    assert w.var() == pytest.approx(variance(fan_in, fan_out), rel=0.02)
    assert abs(w.mean()) < 0.01 * np.sqrt(variance(fan_in, fan_out)) * 10
    if name.endswith("uniform"):
        assert np.abs(w).max() <= np.sqrt(3 * variance(fan_in, fan_out))


def test_default_initialiser_depends_on_activation():
    assert default_initializer("relu").startswith("he")
    assert default_initializer("tanh").startswith("xavier")
    assert default_initializer("sigmoid").startswith("xavier")


def test_network_layout_views_and_zero_biases():
    net = Network([3, 5, 2])
    assert net.n_params == 3 * 5 + 5 + 5 * 2 + 2
    assert [w.shape for w in net.weights] == [(5, 3), (2, 5)]
    assert [b.shape for b in net.biases] == [(5,), (2,)]
    net.initialize(np.random.default_rng(0))
    assert not any(b.any() for b in net.biases)
    net.weights[1][0, 0] = 42.0  # a view: the flat vector changes
    assert net.params[3 * 5 + 5] == 42.0
    assert net.parameter_names() == ["W1", "b1", "W2", "b2"]
    assert net.weight_mask.sum() == 3 * 5 + 5 * 2


def test_forward_is_batched_z_equals_a_Wt_plus_b():
    net = Network([3, 4, 2], "tanh")
    net.initialize(np.random.default_rng(1))
    X = np.random.default_rng(2).normal(size=(6, 3))
    expected = np.tanh(X @ net.weights[0].T + net.biases[0]) @ net.weights[1].T + net.biases[1]
    np.testing.assert_allclose(net.forward(X), expected, rtol=1e-14)
    np.testing.assert_allclose(net.predict_logits(X), expected, rtol=1e-14)
    X_copy = X.copy()
    net.predict_logits(X)
    np.testing.assert_array_equal(X, X_copy)  # inputs are never modified


def test_l2_penalty_is_weights_only():
    net = Network([2, 2, 1])
    net.params[...] = 1.0
    assert net.l2_penalty() == 4 + 2  # biases excluded
    net.grads[...] = 0.0
    net.add_l2_gradient(0.5)
    np.testing.assert_array_equal(net.grads, np.where(net.weight_mask, 1.0, 0.0))  # 2λW


def test_float32_network_stays_float32():
    net = Network([2, 4, 1], "relu", dtype=np.float32)
    net.initialize(np.random.default_rng(0))
    out = net.forward(np.ones((3, 2), dtype=np.float32))
    assert out.dtype == np.float32
    with pytest.raises(ValueError, match="dtype must be float32 or float64, got int64"):
        Network([2, 1], dtype=np.int64)
