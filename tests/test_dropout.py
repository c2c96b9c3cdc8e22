"""Dropout in Network: masks' statistics, training vs inference, fixed-mask gradient checks, checks."""

import pickle

import numpy as np
import pytest

from mlplab.nn import Network, check_gradients
from mlplab.nn.losses import BinaryCrossEntropy, MeanSquaredError, SoftmaxCrossEntropy
from mlplab.nn.network import Dropout, check_dropout
from mlplab.nn.optimizers import Adam


def network(sizes=(4, 16, 12, 3), activation="tanh", dropout=0.5, seed=0, **kwargs):
    net = Network(list(sizes), activation, dropout=dropout, **kwargs)
    net.initialize(np.random.default_rng(seed))
    return net


def one_hot(labels, k):
    return np.eye(k)[labels]


def batch(n=10, n_in=4, k=3, seed=1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, n_in)), one_hot(rng.integers(0, k, size=n), k)


def hidden_activations(net, X):
    """The hidden layers' outputs of an inference pass, computed by hand."""
    out, hidden = X, []
    for weight, bias in zip(net.weights[:-1], net.biases[:-1]):
        out = net.activation.forward(out @ weight.T + bias)
        hidden.append(out)
    return hidden


# ----------------------------------------------------------------- statistics
@pytest.mark.parametrize("rate", [0.1, 0.5, 0.8])
def test_share_dropped_is_the_rate_and_kept_units_are_scaled(rate):
    net = network((5, 400, 1), "sigmoid", dropout=rate)
    X = np.random.default_rng(2).normal(size=(500, 5))
    logits = net.forward(X, training=True, rng=np.random.default_rng(3))
    layer = net.dropout_layers[0]
    n = layer.keep.size  # 200 000 Bernoulli draws: the share is within 0.005 of p (> 4 σ)
    assert layer.keep.shape == (500, 400)
    assert layer.keep.dtype == np.bool_
    assert abs((1.0 - layer.keep.mean()) - rate) < 4.5 * np.sqrt(rate * (1 - rate) / n)
    assert set(np.unique(layer.mask)) == {0.0, 1.0 / (1.0 - rate)}
    (a,) = hidden_activations(net, X)
    dropped = a * layer.keep / (1.0 - rate)  # inverted dropout: kept units × 1/(1 − p)
    np.testing.assert_allclose(logits, dropped @ net.weights[1].T + net.biases[1], rtol=1e-12, atol=1e-12)


def test_per_layer_rates_and_a_layer_without_dropout():
    net = network((3, 300, 300, 300, 2), "relu", dropout=[0.2, 0.0, 0.7])
    assert net.dropout == (0.2, 0.0, 0.7)
    assert net.dropout_layers[1] is None
    net.forward(np.random.default_rng(0).normal(size=(200, 3)), training=True, rng=np.random.default_rng(1))
    for layer, rate in zip([net.dropout_layers[0], net.dropout_layers[2]], [0.2, 0.7]):
        assert abs((1.0 - layer.keep.mean()) - rate) < 0.01


def test_scaling_keeps_the_expected_logits():
    # The layer after dropout is linear, so E[logits] over masks is exactly the inference logits.
    net = network((4, 32, 2), "tanh", dropout=0.4)
    X = np.random.default_rng(5).normal(size=(3, 4))
    rng = np.random.default_rng(6)
    draws = np.stack([net.forward(X, training=True, rng=rng) for _ in range(20000)])
    mean, spread = draws.mean(axis=0), draws.std(axis=0) / np.sqrt(len(draws))
    inference = net.predict_logits(X)
    assert np.all(np.abs(mean - inference) < 5 * spread + 1e-12)
    assert np.all(spread > 0)


def test_masks_are_drawn_input_side_first_one_uniform_array_per_layer():
    net = network((3, 6, 5, 1), "sigmoid", dropout=[0.3, 0.6])
    X = np.random.default_rng(0).normal(size=(4, 3))
    net.forward(X, training=True, rng=np.random.default_rng(9))
    reference = np.random.default_rng(9)
    np.testing.assert_array_equal(net.dropout_layers[0].keep, reference.random((4, 6)) >= 0.3)
    np.testing.assert_array_equal(net.dropout_layers[1].keep, reference.random((4, 5)) >= 0.6)


def test_float32_network_keeps_float32():
    net = network((4, 8, 1), "relu", dropout=0.5, dtype=np.float32)
    X = np.random.default_rng(0).normal(size=(6, 4)).astype(np.float32)
    logits = net.forward(X, training=True, rng=np.random.default_rng(0))
    assert logits.dtype == np.float32
    assert net.dropout_layers[0].mask.dtype == np.float32
    value, _ = net.objective(X, np.ones((6, 1), np.float32), BinaryCrossEntropy(), training=True,
                             rng=np.random.default_rng(0))  # fmt: skip
    assert net.grads.dtype == np.float32
    assert np.isfinite(value)


# ------------------------------------------------------- training vs inference
def test_inference_is_the_network_without_dropout_bit_for_bit():
    X, T = batch()
    plain, dropped = network(dropout=None), network(dropout=0.5)
    np.testing.assert_array_equal(dropped.params, plain.params)
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    for kwargs in ({}, {"training": False}, {"training": False, "rng": rng}):
        np.testing.assert_array_equal(dropped.forward(X, **kwargs), plain.forward(X))
    np.testing.assert_array_equal(dropped.predict_logits(X), plain.predict_logits(X))
    assert rng.bit_generator.state == state  # nothing drawn
    for net in (plain, dropped):
        net.objective(X, T, SoftmaxCrossEntropy())
    np.testing.assert_array_equal(dropped.grads, plain.grads)


@pytest.mark.parametrize("dropout", [None, 0.0, [0.0, 0.0]])
def test_training_pass_without_dropout_changes_nothing_and_draws_nothing(dropout):
    X, T = batch()
    reference, net = network(dropout=None), network(dropout=dropout)
    rng = np.random.default_rng(0)
    state = rng.bit_generator.state
    value, logits = net.objective(X, T, SoftmaxCrossEntropy(), 0.01, training=True, rng=rng)
    expected_value, expected_logits = reference.objective(X, T, SoftmaxCrossEntropy(), 0.01)
    assert value == expected_value
    np.testing.assert_array_equal(logits, expected_logits)
    np.testing.assert_array_equal(net.grads, reference.grads)
    assert rng.bit_generator.state == state


def test_training_pass_drops_and_inference_does_not():
    X, _ = batch(n=50)
    net = network(dropout=0.5)
    inference = net.forward(X)
    training = net.forward(X, training=True, rng=np.random.default_rng(0))
    assert not np.allclose(training, inference)
    np.testing.assert_array_equal(net.forward(X), inference)  # the dropout pass left nothing behind


def test_backward_after_an_inference_pass_ignores_the_last_masks():
    X, T = batch()
    plain, net = network(dropout=None), network(dropout=0.5)
    net.objective(X, T, SoftmaxCrossEntropy(), training=True, rng=np.random.default_rng(0))
    net.objective(X, T, SoftmaxCrossEntropy())
    plain.objective(X, T, SoftmaxCrossEntropy())
    np.testing.assert_array_equal(net.grads, plain.grads)


def test_dropped_units_get_no_gradient():
    X, T = batch(n=1)
    net = network((4, 16, 3), dropout=0.5)
    keep = np.zeros((1, 16), bool)
    keep[0, :5] = True
    net.set_dropout_masks([keep])
    net.objective(X, T, SoftmaxCrossEntropy(), training=True)
    # the weights from a dropped unit and into it see no gradient for this one sample
    assert np.all(net.weight_grads[1][:, 5:] == 0)
    assert np.all(net.weight_grads[0][5:] == 0)
    assert np.all(net.weight_grads[1][:, :5] != 0)


# ------------------------------------------------------------ gradient checks
LOSSES = {
    "softmax": (SoftmaxCrossEntropy(), 3),
    "binary": (BinaryCrossEntropy(), 1),
    "squared": (MeanSquaredError(), 2),
}


def targets_for(name, n, seed):
    rng = np.random.default_rng(seed)
    if name == "softmax":
        return one_hot(rng.integers(0, 3, size=n), 3)
    if name == "binary":
        return rng.integers(0, 2, size=(n, 1)).astype(float)
    return rng.normal(size=(n, 2))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu", "identity"])
@pytest.mark.parametrize("loss_name", sorted(LOSSES))
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_fixed_mask_gradient_check(activation, loss_name, l2):
    loss, k = LOSSES[loss_name]
    rates = [0.5, 0.0, 0.3]
    for seed in range(2):
        net = network((4, 10, 8, 6, k), activation, dropout=rates, seed=seed)
        X = np.random.default_rng(100 + seed).normal(size=(12, 4))
        T = targets_for(loss_name, 12, seed)
        rng = np.random.default_rng(200 + seed)
        masks = [rng.random((12, 10)) >= 0.5, None, (rng.random((12, 6)) >= 0.3).astype(int)]
        result = check_gradients(net, loss, X, T, l2, dropout_masks=masks)
        assert result.passed(1e-6), result.errors
        assert net.dropout_masks is None  # the check leaves no masks behind
        # the masks matter: the analytic gradient is not the one without dropout
        without = check_gradients(net, loss, X, T, l2)
        assert without.passed(1e-6)
        assert not np.allclose(without.analytic, result.analytic)


def test_gradient_check_uses_the_networks_fixed_masks_and_keeps_them():
    net = network(dropout=0.5)
    X, T = batch()
    masks = [np.random.default_rng(0).random((10, w)) >= 0.5 for w in (16, 12)]
    net.set_dropout_masks(masks)
    result = check_gradients(net, SoftmaxCrossEntropy(), X, T)
    assert result.passed(1e-6)
    explicit = check_gradients(net, SoftmaxCrossEntropy(), X, T, dropout_masks=masks)
    np.testing.assert_array_equal(result.analytic, explicit.analytic)
    kept = net.dropout_masks
    assert kept is not None
    assert all(np.array_equal(a, b) for a, b in zip(kept, masks))
    net.set_dropout_masks(None)
    assert not np.allclose(check_gradients(net, SoftmaxCrossEntropy(), X, T).analytic, result.analytic)


def test_fixed_masks_are_used_by_training_passes_instead_of_rng():
    net = network(dropout=0.5)
    X, _ = batch()
    masks = [np.random.default_rng(0).random((10, w)) >= 0.5 for w in (16, 12)]
    net.set_dropout_masks(masks)
    first = net.forward(X, training=True)
    second = net.forward(X, training=True, rng=np.random.default_rng(1))
    np.testing.assert_array_equal(first, second)
    np.testing.assert_array_equal(net.dropout_layers[0].keep, masks[0])


def test_planted_bug_ignoring_the_mask_in_backward_is_caught(monkeypatch):
    net = network(dropout=0.5)
    X, T = batch()
    masks = [np.random.default_rng(3).random((10, w)) >= 0.5 for w in (16, 12)]
    assert check_gradients(net, SoftmaxCrossEntropy(), X, T, dropout_masks=masks).passed(1e-6)
    monkeypatch.setattr(Dropout, "backward", lambda self, grad: grad)
    broken = check_gradients(net, SoftmaxCrossEntropy(), X, T, dropout_masks=masks)
    assert broken.errors["W1"] > 0.1
    assert broken.errors["W3"] < 1e-6


def test_planted_bug_unscaled_forward_is_caught(monkeypatch):
    net = network(dropout=0.5)
    X, T = batch()
    masks = [np.random.default_rng(3).random((10, w)) >= 0.5 for w in (16, 12)]

    def unscaled(self, a, keep):  # forgets 1/(1 − p) in forward only
        self.keep, self.mask = keep, np.where(keep, self.scale, 0.0)
        return a * keep

    monkeypatch.setattr(Dropout, "forward", unscaled)
    assert check_gradients(net, SoftmaxCrossEntropy(), X, T, dropout_masks=masks).max_error > 0.1


# ---------------------------------------------------------------- determinism
def train(seed, dropout=0.5, steps=30):
    net = network(dropout=dropout, seed=0)
    optimizer = Adam(0.01)
    optimizer.bind(net.params)
    optimizer.reset(net.n_params, net.dtype)
    X, T = batch(n=32)
    rng = np.random.default_rng(seed)
    losses = []
    for _ in range(steps):
        value, _ = net.objective(X, T, SoftmaxCrossEntropy(), training=True, rng=rng)
        optimizer.step(net.params, net.grads)
        losses.append(value)
    return net.params.copy(), losses


def test_same_seed_same_bits_other_seed_other_masks():
    params_a, losses_a = train(7)
    params_b, losses_b = train(7)
    np.testing.assert_array_equal(params_a, params_b)
    assert losses_a == losses_b
    params_c, _ = train(8)
    assert not np.array_equal(params_a, params_c)


def test_pickle_keeps_the_rates_and_drops_fixed_masks():
    net = network(dropout=[0.5, 0.25])
    net.set_dropout_masks([np.ones((2, 16), bool), np.ones((2, 12), bool)])
    clone = pickle.loads(pickle.dumps(net))
    assert clone.dropout == (0.5, 0.25)
    assert clone.dropout_masks is None
    np.testing.assert_array_equal(clone.params, net.params)
    X = batch()[0]
    net.set_dropout_masks(None)
    drawn = [n.forward(X, training=True, rng=np.random.default_rng(0)) for n in (clone, net)]
    np.testing.assert_array_equal(*drawn)
    assert "dropout" not in network(dropout=None).__getstate__()  # a plain network pickles as before
    assert "dropout=(0.5, 0.25)" in repr(net)


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("dropout", "error", "match"),
    [
        (1.0, ValueError, r"dropout must be a rate in \[0, 1\).*got 1.0"),
        (-0.1, ValueError, r"dropout must be a rate in \[0, 1\).*got -0.1"),
        (float("nan"), ValueError, r"dropout must be a rate.*got nan"),
        (float("inf"), ValueError, r"dropout must be a rate.*got inf"),
        (True, TypeError, r"dropout must be a rate in \[0, 1\), got True"),
        ("0.5", TypeError, r"dropout must be None, a rate .* got '0.5'"),
        (object(), TypeError, r"dropout must be None, a rate"),
        ([0.5], ValueError, r"dropout must hold one rate per hidden layer \(2\), got 1"),
        ([0.5, 0.5, 0.5], ValueError, r"dropout must hold one rate per hidden layer \(2\), got 3"),
        ([0.5, 1.2], ValueError, r"dropout\[1\] must be a rate in \[0, 1\).*got 1.2"),
        ([0.5, None], TypeError, r"dropout\[1\] must be a rate in \[0, 1\), got None"),
        ({"a": 0.5}, TypeError, r"dropout must be None"),
    ],
)
def test_bad_rates_are_refused_naming_dropout(dropout, error, match):
    with pytest.raises(error, match=match):
        Network([4, 16, 12, 3], dropout=dropout)


def test_rates_of_any_real_type_are_accepted():
    assert check_dropout(np.float32(0.25), 2) == (0.25, 0.25)
    assert check_dropout(np.array(0.5), 1) == (0.5,)
    assert check_dropout(np.array([0.1, 0]), 2) == (0.1, 0.0)
    assert check_dropout((0, 0.5), 2) == (0.0, 0.5)
    assert check_dropout(0.5, 0) == ()  # no hidden layer: nothing to drop
    assert Network([2, 1], dropout=0.5).forward(np.ones((3, 2)), training=True).shape == (3, 1)


def test_training_pass_with_dropout_needs_an_rng_or_fixed_masks():
    net = network(dropout=0.5)
    with pytest.raises(ValueError, match=r"training=True\) with dropout needs rng="):
        net.forward(batch()[0], training=True)


@pytest.mark.parametrize(
    ("masks", "error", "match"),
    [
        ([np.ones((10, 16))], ValueError, r"masks must hold one entry per hidden layer \(2\), got 1"),
        ([np.ones((10, 15)), np.ones((10, 12))], ValueError, r"masks\[0\] must have shape \(n_samples, 16\)"),
        ([np.ones(16), np.ones((10, 12))], ValueError, r"masks\[0\] must have shape"),
        ([np.ones((10, 16)), np.full((10, 12), 2.0)], ValueError, r"masks\[1\] must be boolean or hold only"),
        ([np.ones((10, 16)), np.ones((9, 12))], ValueError, r"masks\[1\] has 9 rows, the masks before it 10"),
        (
            [np.ones((10, 16)), None],
            ValueError,
            r"masks\[1\] must be a mask: hidden layer 1 has dropout rate",
        ),
        (np.ones((2, 10, 16)), TypeError, r"masks must be a sequence"),
        ("masks", TypeError, r"masks must be a sequence"),
    ],
)
def test_bad_masks_are_refused_naming_masks(masks, error, match):
    net = network(dropout=0.5)
    with pytest.raises(error, match=match):
        net.set_dropout_masks(masks)
    assert net.dropout_masks is None


def test_masks_for_a_layer_without_dropout_or_a_network_without_dropout_are_refused():
    with pytest.raises(ValueError, match=r"masks\[0\] must be None: hidden layer 0 has dropout rate 0"):
        network(dropout=[0.0, 0.5]).set_dropout_masks([np.ones((3, 16)), np.ones((3, 12))])
    with pytest.raises(ValueError, match=r"masks: this network has no dropout \(dropout=None\)"):
        network(dropout=None).set_dropout_masks([np.ones((3, 16)), np.ones((3, 12))])


def test_fixed_masks_need_batches_of_their_rows():
    net = network(dropout=0.5)
    net.set_dropout_masks([np.ones((3, 16)), np.ones((3, 12))])
    with pytest.raises(ValueError, match=r"X has 10 rows, the fixed dropout masks 3"):
        net.forward(batch()[0], training=True)
    X, T = batch()
    with pytest.raises(ValueError, match=r"X has 10 rows"):
        check_gradients(net, SoftmaxCrossEntropy(), X, T)
    assert net.dropout_masks is not None  # kept after the failed check
