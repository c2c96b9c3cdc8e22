"""Sample weights in every loss, and the multi-label head with its loss.

Weighted: against a hand computation, against repeated rows (integer weights are
duplicated samples, value and gradient), against scikit-learn's ``_base`` losses
and by finite differences; ``sample_weight=None`` gives the unweighted bits.
Multi-label: the loss against scikit-learn's ``binary_log_loss`` and its gradient
by finite differences; the head's checks, predictions and subset accuracy.
"""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score
from sklearn.neural_network._base import binary_log_loss, log_loss, squared_loss

from mlplab.model import Model
from mlplab.nn.activations import sigmoid_fast
from mlplab.nn.heads import HEADS, MultilabelHead, check_label_indicator, default_head, get_head
from mlplab.nn.losses import (
    LOSSES,
    BinaryCrossEntropy,
    Loss,
    MeanSquaredError,
    MultilabelCrossEntropy,
    SoftmaxCrossEntropy,
    check_sample_weight,
    get_loss,
)
from mlplab.nn.optimizers import Adam

N = 6


def problem(loss, seed=0, n=N, k=3, dtype=np.float64):
    """Logits and targets of the kind each loss takes (one-hot rows, 0/1 columns, real values)."""
    rng = np.random.default_rng(seed)
    if isinstance(loss, BinaryCrossEntropy) and not isinstance(loss, MultilabelCrossEntropy):
        k = 1
    logits = rng.normal(scale=1.5, size=(n, k))
    if isinstance(loss, SoftmaxCrossEntropy):
        targets = np.eye(k)[rng.integers(0, k, size=n)]
    elif isinstance(loss, BinaryCrossEntropy):
        targets = rng.integers(0, 2, size=(n, k)).astype(float)
    else:
        targets = rng.normal(size=(n, k))
    return logits.astype(dtype), targets.astype(dtype)


# Each loss's per-sample ℓ_i and ∂ℓ_i/∂z_i, written out independently of the library.
def _sigma(z):
    return 1.0 / (1.0 + np.exp(-z))


def hand_rows(loss, z, y):
    if isinstance(loss, BinaryCrossEntropy):  # binary and multilabel: summed over the columns
        p = _sigma(z)
        return -(y * np.log(p) + (1 - y) * np.log(1 - p)).sum(axis=1), p - y
    if isinstance(loss, SoftmaxCrossEntropy):
        p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
        return -(y * np.log(p)).sum(axis=1), p - y
    k = z.shape[1]
    return ((z - y) ** 2).sum(axis=1) / (2 * k), (z - y) / k


LOSS_OBJECTS = [BinaryCrossEntropy(), SoftmaxCrossEntropy(), MeanSquaredError(), MultilabelCrossEntropy()]
LOSS_IDS = ["bce", "softmax", "mse", "multilabel"]
each_loss = pytest.mark.parametrize("loss", LOSS_OBJECTS, ids=LOSS_IDS)


# ------------------------------------------------------------ hand computation
@each_loss
def test_weighted_value_and_gradient_are_the_weighted_mean_by_hand(loss):
    z, y = problem(loss)
    w = np.array([1.0, 2.0, 0.5, 0.0, 3.0, 0.25])
    rows, row_grads = hand_rows(loss, z, y)
    expected_value = sum(w[i] * rows[i] for i in range(N)) / w.sum()  # Σ w_i ℓ_i / Σ w_i
    expected_grad = row_grads * (w / w.sum())[:, None]  # w_i/Σw · ∂ℓ_i/∂z_i
    value, grad = loss.value_and_gradient(z, y, sample_weight=w)
    assert value == pytest.approx(expected_value, rel=1e-13)
    assert loss.value(z, y, sample_weight=w) == pytest.approx(expected_value, rel=1e-13)
    np.testing.assert_allclose(grad, expected_grad, rtol=1e-12, atol=1e-15)
    assert not grad[3].any()  # a weight of 0 is a sample left out


def test_a_hand_worked_weighted_binary_cross_entropy():
    z = np.array([[0.0], [np.log(3.0)]])  # σ = 1/2 and 3/4
    y = np.array([[1.0], [0.0]])
    w = np.array([3.0, 1.0])
    # ℓ = (−log ½, −log ¼); L = (3 log 2 + log 4)/4 = 5 log 2 / 4
    value, grad = BinaryCrossEntropy().value_and_gradient(z, y, sample_weight=w)
    assert value == pytest.approx(5 * np.log(2.0) / 4, rel=1e-15)
    np.testing.assert_allclose(grad, [[3 / 4 * (0.5 - 1)], [1 / 4 * 0.75]], rtol=1e-15)


@each_loss
def test_equal_weights_are_no_weights(loss):
    z, y = problem(loss, seed=1)
    value, grad = loss.value_and_gradient(z, y)
    for scale in (1.0, 0.3, 7.0):
        w_value, w_grad = loss.value_and_gradient(z, y, sample_weight=np.full(N, scale))
        assert w_value == pytest.approx(value, rel=1e-13)
        np.testing.assert_allclose(w_grad, grad, rtol=1e-12, atol=1e-16)


# ---------------------------------------------------------- duplicated rows
@each_loss
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_integer_weights_are_repeated_rows(loss, seed):
    z, y = problem(loss, seed=seed)
    counts = np.random.default_rng(seed + 10).integers(0, 4, size=N)
    counts[0] = max(counts[0], 1)  # not all zero
    z_rep, y_rep = np.repeat(z, counts, axis=0), np.repeat(y, counts, axis=0)
    value, grad = loss.value_and_gradient(z, y, sample_weight=counts)
    rep_value, rep_grad = loss.value_and_gradient(z_rep, y_rep)
    assert value == pytest.approx(rep_value, rel=1e-13)
    assert loss.value(z, y, sample_weight=counts) == pytest.approx(rep_value, rel=1e-13)
    summed = np.zeros_like(z)  # the repeated rows' gradients, added back onto their original
    np.add.at(summed, np.repeat(np.arange(N), counts), rep_grad)
    np.testing.assert_allclose(grad, summed, rtol=1e-12, atol=1e-16)


# ------------------------------------------------------------ None is today
def test_no_weights_give_the_unweighted_bits():
    # The unweighted expressions as they were before sample weights existed.
    bce, softmax, mse = BinaryCrossEntropy(), SoftmaxCrossEntropy(), MeanSquaredError()
    z, y = problem(bce, seed=3)
    old = (np.logaddexp(0.0, z).sum() - np.vdot(y, z)) / N
    old_grad = sigmoid_fast(z)
    old_grad -= y
    old_grad *= 1.0 / N
    value, grad = bce.value_and_gradient(z, y, sample_weight=None)
    assert value == float(old) == bce.value(z, y) == bce.value(z, y, None)
    assert np.array_equal(grad, old_grad)

    z, y = problem(softmax, seed=3)
    shifted = z - z.max(axis=1, keepdims=True)
    shifted -= np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    old_grad = np.exp(shifted) - y
    old_grad *= 1.0 / N
    value, grad = softmax.value_and_gradient(z, y, None)
    assert value == float(-np.vdot(y, shifted) / N) == softmax.value(z, y)
    assert np.array_equal(grad, old_grad)

    z, y = problem(mse, seed=3)
    diff = z - y
    value, grad = mse.value_and_gradient(z, y, sample_weight=None)
    assert value == float(0.5 * np.vdot(diff, diff) / diff.size) == mse.value(z, y)
    assert np.array_equal(grad, diff * (1.0 / diff.size))


# ------------------------------------------------------------ scikit-learn
@pytest.mark.parametrize("weighted", [False, True])
def test_losses_are_scikit_learns_with_and_without_weights(weighted):
    rng = np.random.default_rng(4)
    w = rng.uniform(0.1, 3.0, size=N) if weighted else None
    z, y = problem(BinaryCrossEntropy(), seed=4)
    assert BinaryCrossEntropy().value(z, y, w) == pytest.approx(log_loss(y, _sigma(z), w), rel=1e-12)
    z, y = problem(SoftmaxCrossEntropy(), seed=4)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert SoftmaxCrossEntropy().value(z, y, w) == pytest.approx(log_loss(y, p, w), rel=1e-12)
    z, y = problem(MeanSquaredError(), seed=4)
    assert MeanSquaredError().value(z, y, w) == pytest.approx(squared_loss(y, z, w), rel=1e-12)
    z, y = problem(MultilabelCrossEntropy(), seed=4)
    assert MultilabelCrossEntropy().value(z, y, w) == pytest.approx(
        binary_log_loss(y, _sigma(z), w), rel=1e-12
    )


# --------------------------------------------------------- finite differences
def numerical_gradient(f, z, eps=1e-6):
    grad = np.zeros_like(z)
    for index in np.ndindex(z.shape):
        plus, minus = z.copy(), z.copy()
        plus[index] += eps
        minus[index] -= eps
        grad[index] = (f(plus) - f(minus)) / (2 * eps)
    return grad


@each_loss
def test_weighted_gradients_by_finite_differences(loss):
    z, y = problem(loss, seed=5)
    w = np.random.default_rng(5).uniform(0.0, 2.0, size=N)
    _, grad = loss.value_and_gradient(z, y, w)
    numeric = numerical_gradient(lambda logits: loss.value(logits, y, w), z)
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


@each_loss
def test_float32_logits_keep_float32(loss):
    z, y = problem(loss, seed=6, dtype=np.float32)
    value, grad = loss.value_and_gradient(z, y, sample_weight=np.arange(1.0, N + 1))  # float64 weights
    assert grad.dtype == np.float32
    assert np.isfinite(value)
    z64, y64 = z.astype(np.float64), y.astype(np.float64)
    assert value == pytest.approx(loss.value(z64, y64, np.arange(1.0, N + 1)), rel=1e-5)


# ------------------------------------------------------------------ bad input
BAD_WEIGHTS = [
    ([1.0, -1.0, 1.0, 1.0, 1.0, 1.0], ValueError, r"sample_weight must be >= 0, got -1.0 at index 1"),
    ([1.0, np.nan, 1.0, 1.0, 1.0, 1.0], ValueError, r"sample_weight must be finite, got nan at index \(1,\)"),
    ([1.0, 1.0, np.inf, 1.0, 1.0, 1.0], ValueError, r"sample_weight must be finite, got inf at index \(2,\)"),
    ([1.0, -np.inf, 1.0, 1.0, 1.0, 1.0], ValueError, r"sample_weight must be finite, got -inf"),
    (np.ones(N + 1), ValueError, r"sample_weight must have shape \(6,\), one weight per sample, got \(7,\)"),
    (np.ones((N, 1)), ValueError, r"sample_weight must have shape \(6,\).* got \(6, 1\)"),
    (1.0, ValueError, r"sample_weight must have shape \(6,\).* got \(\)"),
    (np.zeros(N), ValueError, r"sample_weight must not be all zero"),
    ([1e308] * N, ValueError, r"sample_weight sums to inf"),
    (["a"] * N, TypeError, r"sample_weight must hold real numbers"),
    (np.ma.masked_array(np.ones(N), mask=[True] + [False] * (N - 1)), TypeError, r"sample_weight .*masked"),
]  # fmt: skip
bad_weights = pytest.mark.parametrize(("weights", "error", "message"), BAD_WEIGHTS)


@each_loss
@bad_weights
def test_bad_weights_are_refused_by_every_loss_naming_the_argument(loss, weights, error, message):
    z, y = problem(loss)
    with pytest.raises(error, match=message):
        loss.value(z, y, sample_weight=weights)
    with pytest.raises(error, match=message):
        loss.value_and_gradient(z, y, sample_weight=weights)


@bad_weights
def test_check_sample_weight_refuses_naming_the_argument(weights, error, message):
    with pytest.raises(error, match=message):
        check_sample_weight(weights, N)
    with pytest.raises(error, match=message.replace("sample_weight", "w")):
        check_sample_weight(weights, N, name="w")


def test_check_sample_weight_gives_an_array_of_the_dtype():
    assert check_sample_weight(None, 3) is None
    checked = check_sample_weight([1, 0, 2], 3, dtype=np.float32)
    assert checked.dtype == np.float32
    np.testing.assert_array_equal(checked, [1.0, 0.0, 2.0])
    assert check_sample_weight(np.array([True, False, True]), 3).dtype == np.float64


def test_a_loss_without_per_sample_terms_says_it_takes_no_weights():
    class Hinge(Loss):
        name = "hinge"

        def value(self, logits, targets, sample_weight=None):
            if sample_weight is not None:
                return self._weighted_value(logits, targets, sample_weight)
            return float(np.maximum(0.0, 1.0 - logits * targets).mean())

    z, y = np.zeros((2, 1)), np.ones((2, 1))
    assert Hinge().value(z, y) == 1.0
    with pytest.raises(NotImplementedError, match=r"Hinge does not take sample_weight"):
        Hinge().value(z, y, sample_weight=[1.0, 2.0])


# ====================================================== multi-label loss
def test_multilabel_loss_is_registered_by_name():
    assert LOSSES["multilabel_cross_entropy"] is MultilabelCrossEntropy
    assert isinstance(get_loss("multilabel_cross_entropy"), MultilabelCrossEntropy)
    assert repr(MultilabelCrossEntropy()) == "MultilabelCrossEntropy()"


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("k", [1, 2, 5])
def test_multilabel_loss_is_scikit_learns_binary_log_loss(seed, k):
    loss = MultilabelCrossEntropy()
    z, y = problem(loss, seed=seed, n=20, k=k)
    w = np.random.default_rng(seed).uniform(0.0, 2.0, size=20)
    assert loss.value(z, y) == pytest.approx(binary_log_loss(y, _sigma(z)), rel=1e-12)
    assert loss.value(z, y, w) == pytest.approx(binary_log_loss(y, _sigma(z), sample_weight=w), rel=1e-12)
    value, _ = loss.value_and_gradient(z, y)
    assert value == pytest.approx(binary_log_loss(y, _sigma(z)), rel=1e-12)


def test_multilabel_gradient_is_sigma_minus_y_over_n_and_the_finite_difference():
    loss = MultilabelCrossEntropy()
    z, y = problem(loss, seed=7, n=8, k=4)
    _, grad = loss.value_and_gradient(z, y)
    np.testing.assert_allclose(grad, (_sigma(z) - y) / 8, rtol=1e-12, atol=1e-16)
    numeric = numerical_gradient(lambda logits: binary_log_loss(y, _sigma(logits)), z)  # scikit-learn's value
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def test_multilabel_loss_with_one_label_is_binary_cross_entropy():
    z, y = problem(BinaryCrossEntropy(), seed=8)
    for weights in (None, np.arange(1.0, N + 1)):
        a = MultilabelCrossEntropy().value_and_gradient(z, y, weights)
        b = BinaryCrossEntropy().value_and_gradient(z, y, weights)
        assert a[0] == b[0]
        assert np.array_equal(a[1], b[1])


def test_multilabel_loss_is_stable_for_saturated_logits():
    z = np.array([[800.0, -800.0], [-800.0, 800.0]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    value, grad = MultilabelCrossEntropy().value_and_gradient(z, y)
    assert value == 0.0
    assert np.abs(grad).max() < 1e-300
    value, grad = MultilabelCrossEntropy().value_and_gradient(z, 1.0 - y)
    assert value == pytest.approx(1600.0)  # 800 per wrong label, two per sample
    np.testing.assert_allclose(np.abs(grad), 0.5)


# ====================================================== multi-label head
def test_multilabel_head_is_registered_and_chosen_by_name():
    assert HEADS["multilabel"] is MultilabelHead
    head = get_head("multilabel", 3)
    assert isinstance(head, MultilabelHead)
    assert (head.n_outputs, head.n_classes, head.default_loss) == (3, 3, "multilabel_cross_entropy")
    assert head.is_classifier
    assert head.losses == ("multilabel_cross_entropy",)
    assert default_head(3, multilabel=True) == "multilabel"
    assert default_head(1, multilabel=True) == "multilabel"
    assert default_head(3) == "softmax"  # by width alone, as before
    assert default_head(1) == "binary"
    assert get_head("multilabel", 1).n_classes == 1
    with pytest.raises(ValueError, match=r"head='multilabel': the multilabel head needs at least 1 output"):
        get_head("multilabel", 0)


def test_multilabel_head_checks_and_encodes_indicator_matrices():
    head = MultilabelHead(3)
    y = [[1, 0, 1], [0, 0, 0], [1, 1, 1]]
    checked = head.check(y, 3)
    assert checked.dtype == np.int64
    assert checked.shape == (3, 3)
    for same in (np.array(y, dtype=bool), np.array(y, dtype=np.float32), np.array(y, dtype=np.uint8)):
        np.testing.assert_array_equal(head.check(same, 3), checked)
    encoded = head.encode(checked)
    assert encoded.dtype == np.float64
    np.testing.assert_array_equal(encoded, y)
    assert head.encode(checked, np.float32).dtype == np.float32
    np.testing.assert_array_equal(MultilabelHead(1).check([0, 1, 1], 3), [[0], [1], [1]])


@pytest.mark.parametrize(
    ("y", "error", "message"),
    [
        (None, TypeError, r"y must be a 0/1 label indicator matrix, got None"),
        ([[1, 0], [0, 1], [1, 1]], ValueError, r"y must be a label indicator .*\(3, 3\), got shape \(3, 2\)"),
        ([0, 1, 2], ValueError, r"y must be a label indicator matrix of shape \(3, 3\), got shape \(3,\)"),
        ([[1, 0, 1], [0, 2, 0], [1, 1, 1]], ValueError, r"y must hold only 0 or 1 .*got 2 at index \(1, 1\)"),
        ([[1, 0, 1], [0, 0.5, 0], [1, 1, 1]], ValueError, r"y must hold only 0 or 1 .*got 0.5 at"),
        ([[1, 0, 1], [0, 0, np.nan], [1, 1, 1]], ValueError, r"y must hold only 0 or 1 .*got nan at index"),
        ([[1, 0, 1], [0, 0, -1], [1, 1, 1]], ValueError, r"y must hold only 0 or 1 .*got -1 at"),
        ([[1, 0, 1], [0, 0, 0]], ValueError, r"y has 2 rows, but X has 3 samples"),
        ([["a", "b", "c"]] * 3, TypeError, r"y must hold the numbers 0 and 1, got dtype <U1"),
        (np.ma.masked_array(np.ones((3, 3)), mask=np.eye(3)), TypeError, r"y must be a plain array"),
    ],
)  # fmt: skip
def test_multilabel_head_refuses_bad_targets_naming_them(y, error, message):
    with pytest.raises(error, match=message):
        MultilabelHead(3).check(y, 3)
    with pytest.raises(error, match="labels" + message[1:]):
        check_label_indicator(y, 3, 3, name="labels")


def test_multilabel_predictions_probabilities_and_subset_accuracy():
    head = MultilabelHead(3)
    z = np.array([[2.0, -1.0, 0.5], [-0.1, -3.0, 4.0], [0.3, 0.2, -0.2], [-1.0, 1.0, 1.0]])
    y = np.array([[1, 0, 1], [0, 0, 0], [1, 1, 0], [1, 1, 1]])
    predicted = head.predict(z)
    np.testing.assert_array_equal(predicted, [[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 1]])
    assert predicted.dtype == np.int64
    assert head.score(z, y) == accuracy_score(y, predicted) == 0.5  # rows 0 and 2 all right
    assert head.accuracy(z, head.encode(y)) == 0.5
    assert head.metrics["accuracy"](z, head.encode(y)) == 0.5
    np.testing.assert_allclose(head.probabilities(z), _sigma(z), rtol=1e-15)
    np.testing.assert_allclose(head.log_probabilities(z), np.log(_sigma(z)), rtol=1e-13)
    assert head.log_probabilities(np.array([[-800.0]]))[0, 0] == -800.0  # no log(0)


def test_a_model_with_the_multilabel_head_learns_independent_labels():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(300, 4))
    Y = np.column_stack([X[:, 0] > 0, X[:, 1] + X[:, 2] > 0, X[:, 3] < 0.5]).astype(np.int64)
    model = Model([4, 16, 3], "tanh", head="multilabel", optimizer=Adam(0.02), seed=0)
    assert isinstance(model.loss, MultilabelCrossEntropy)
    model.fit(X, Y, epochs=150)
    assert model.predict(X).shape == (300, 3)
    assert model.score(X, Y) > 0.9
    with pytest.raises(ValueError, match=r"loss 'binary_cross_entropy' does not fit the 'multilabel' head"):
        Model([4, 8, 3], head="multilabel", loss="binary_cross_entropy", seed=0)
