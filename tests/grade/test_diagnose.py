"""The diagnosis of a student's gradients: the mutant backprop and the per-parameter relations.

The plain backprop is checked against mlplab's ``MLP`` and against central
differences; every planted mistake is recognised by :func:`diagnose` as that
mistake (alone and on top of a summed batch), and the per-parameter relations
(factor, transposition, the bias's wrong axes) are found where they hold and
nowhere else.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlplab import MLP
from mlplab.grade.diagnose import (
    MESSAGES,
    Mutant,
    Relation,
    backprop,
    diagnose,
    forward_pass,
    mutants,
    relate,
)

SIZES = [3, 5, 4, 1]


def network(seed: int, sizes=SIZES, n: int = 7):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, 1.5 / np.sqrt(i), size=(o, i)) for i, o in itertools.pairwise(sizes)]
    biases = [rng.normal(0, 0.5, size=o) for o in sizes[1:]]
    X = rng.normal(size=(n, sizes[0]))
    y = rng.permutation(np.arange(n) % 2).astype(float)
    return weights, biases, X, y


def bce(weights, biases, X, y, activation):
    _, activations = forward_pass(weights, biases, X, activation)
    p = activations[-1].reshape(-1)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize(("sizes", "n"), [(SIZES, 7), ([4, 4, 4, 1], 32), ([2, 6, 1], 1)])
def test_backprop_is_mlplabs_backward(activation, sizes, n):
    weights, biases, X, y = network(3, sizes, n)
    reference = MLP(sizes, activation, seed=0).set_weights(weights, biases)
    y_hat = reference._forward(X)
    weight_grads, bias_grads = reference._backward(X, y.astype(int))
    _, activations = forward_pass(weights, biases, X, activation)
    np.testing.assert_allclose(activations[-1], y_hat, rtol=1e-12)
    mine_w, mine_b, _ = backprop(weights, biases, X, y, activation)
    for mine, theirs in zip(mine_w + mine_b, weight_grads + bias_grads):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_backprop_matches_central_differences(activation):
    weights, biases, X, y = network(4)
    grads_w, grads_b, _ = backprop(weights, biases, X, y, activation)
    h = 1e-6
    for params, grads in ((weights, grads_w), (biases, grads_b)):
        for array, grad in zip(params, grads):
            numeric = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                old = array[index]
                array[index] = old + h
                up = bce(weights, biases, X, y, activation)
                array[index] = old - h
                down = bce(weights, biases, X, y, activation)
                array[index] = old
                numeric[index] = (up - down) / (2 * h)
            np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)


def mistakes(findings):
    return {key for finding in findings for key, _ in finding.mistakes}


@pytest.mark.parametrize("activation", ["sigmoid", "tanh"])
def test_every_mutant_is_recognised_as_itself(activation):
    weights, biases, X, y = network(5)
    expected_key = {
        "no_derivative": "backward.no_derivative",
        "derivative": "backward.wrong_derivative",
        "a": "backward.derivative_of_a",
        "formula_at_z": "backward.formula_at_z",
        "output_derivative": "backward.output_derivative",
    }
    for mutant in mutants(len(SIZES) - 2, activation)[1:]:
        grads_w, grads_b, _ = backprop(weights, biases, X, y, activation, mutant)
        findings = diagnose(grads_w, grads_b, weights, biases, X, y, activation)
        if mutant.no_derivative:
            kind = "no_derivative"
        elif mutant.derivative:
            kind = "derivative"
        elif mutant.output_derivative:
            kind = "output_derivative"
        else:
            kind = mutant.derivative_of
        assert mistakes(findings) == {expected_key[kind]}, mutant
        assert not all(f.right for f in findings)


def test_a_missing_derivative_names_its_layer_and_leaves_the_layers_above_right():
    weights, biases, X, y = network(6)
    grads_w, grads_b, _ = backprop(weights, biases, X, y, "tanh", Mutant(no_derivative=frozenset({2})))
    findings = {f.name: f for f in diagnose(grads_w, grads_b, weights, biases, X, y, "tanh")}
    assert findings["∂L/∂W(3)"].right
    assert findings["∂L/∂b(3)"].right
    for name in ("∂L/∂W(2)", "∂L/∂b(2)", "∂L/∂W(1)", "∂L/∂b(1)"):
        ((key, params),) = findings[name].mistakes
        assert key == "backward.no_derivative"
        assert params == {"deltas": "δ(2)", "act": "tanh"}


def test_a_mutant_and_a_summed_batch_are_both_named():
    weights, biases, X, y = network(17)
    zs, _ = forward_pass(weights, biases, X, "sigmoid")
    assert all(np.any(z > 0) for z in zs[:-1])  # the ReLU derivative lets something through
    grads_w, grads_b, _ = backprop(weights, biases, X, y, "sigmoid", Mutant(derivative="relu"))
    findings = diagnose([g * 7 for g in grads_w], grads_b, weights, biases, X, y, "sigmoid")
    by_name = {f.name: f for f in findings}
    assert [k for k, _ in by_name["∂L/∂W(1)"].mistakes] == ["backward.wrong_derivative", "backward.summed"]
    assert [k for k, _ in by_name["∂L/∂W(3)"].mistakes] == ["backward.summed"]  # σ′ plays no part there
    assert by_name["∂L/∂b(3)"].right


@pytest.mark.parametrize(
    ("factor", "key"),
    [
        (7, "backward.summed"),
        (-1, "backward.sign"),
        (2, "backward.factor2"),
        (-7, "backward.sign_summed"),
        (1 / 7, "backward.divided_twice"),
        (0.3, "backward.factor"),
    ],
)
def test_a_factor_is_named(factor, key):
    weights, biases, X, y = network(8)
    grads_w, grads_b, _ = backprop(weights, biases, X, y, "relu")
    findings = diagnose(grads_w, [g * factor for g in grads_b], weights, biases, X, y, "relu")
    assert all(f.right for f in findings if f.kind == "W")
    assert {f.mistakes[0][0] for f in findings if f.kind == "b"} == {key}


def test_shapes_the_bias_can_have_when_summed_over_the_wrong_axes():
    weights, biases, X, y = network(9, n=7)
    _, _, deltas = backprop(weights, biases, X, y, "tanh")
    delta = deltas[1]  # (7, 4)
    grad = delta.sum(axis=0) / 7
    assert relate(delta.sum(axis=1) / 7, grad, delta).form == "bias_axis"
    assert relate(delta.sum(axis=1), grad, delta).factor == pytest.approx(7)
    assert relate(np.array([delta.sum() / 7]), grad, delta).form == "bias_all"
    assert relate(np.array([delta.mean()]), grad, delta) == Relation(
        "bias_all", 1.0
    )  # np.mean(δ): no extra factor
    assert relate(np.array([delta.sum() / 7]), grad, delta).factor == pytest.approx(1.0)
    assert relate(delta / 7, grad, delta).form == "bias_not_summed"
    assert relate(grad, grad, delta).exact
    assert relate(np.ones(7), grad, delta) is None  # the right size, no relation
    assert relate(np.full(4, np.nan), grad, delta) is None


def test_a_transposed_gradient_is_recognised_in_a_square_layer_too():
    weights, biases, X, y = network(10, [4, 4, 4, 1])
    grads_w, grads_b, _ = backprop(weights, biases, X, y, "sigmoid")
    findings = diagnose([g.T for g in grads_w], grads_b, weights, biases, X, y, "sigmoid")
    by_name = {f.name: f for f in findings}
    for layer in (1, 2, 3):
        assert [k for k, _ in by_name[f"∂L/∂W({layer})"].mistakes] == ["backward.transposed"]
        assert by_name[f"∂L/∂b({layer})"].right


def test_missing_and_unexplained_gradients():
    weights, biases, X, y = network(11)
    grads_w, grads_b, _ = backprop(weights, biases, X, y, "tanh")
    noisy = grads_w[0] + np.random.default_rng(0).normal(size=grads_w[0].shape) * 0.1
    findings = diagnose([noisy, grads_w[1]], grads_b, weights, biases, X, y, "tanh")
    by_name = {f.name: f for f in findings}
    assert by_name["∂L/∂W(1)"].mistakes[0][0] == "backward.wrong"
    assert by_name["∂L/∂W(1)"].mistakes[0][1]["error"] > 0.01
    assert by_name["∂L/∂W(3)"].mistakes == (("backward.missing", {}),)
    assert by_name["∂L/∂W(2)"].right
    wrong_shape = diagnose(grads_w, [grads_b[0], np.zeros(9), grads_b[2]], weights, biases, X, y, "tanh")
    assert {f.name: f.mistakes for f in wrong_shape}["∂L/∂b(2)"][0][0] == "backward.shape"


def test_backprop_through_a_forward_variant():
    weights, biases, X, y = network(12)
    no_bias_w, _, _ = backprop(weights, biases, X, y, "sigmoid", no_bias=frozenset({1, 2, 3}))
    right_w, _, _ = backprop(weights, biases, X, y, "sigmoid")
    assert not np.allclose(no_bias_w[0], right_w[0])
    zs, activations = forward_pass(weights, biases, X, "sigmoid", output="identity")
    np.testing.assert_array_equal(activations[-1], zs[-1])


def test_every_diagnosis_message_has_both_languages():
    for key, texts in MESSAGES.items():
        assert key.startswith("backward.")
        assert set(texts) == {"en", "de"}
        assert "{param}" in texts["en"]
        assert "{param}" in texts["de"]


@settings(max_examples=25, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4).map(lambda s: [*s, 1]),
    n=st.integers(2, 40),
    activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
    seed=st.integers(0, 2**16),
)
def test_right_gradients_are_right_and_summed_ones_are_named_for_any_shape(sizes, n, activation, seed):
    weights, biases, X, y = network(seed, sizes, n)
    grads_w, grads_b, _ = backprop(weights, biases, X, y, activation)
    assert all(f.right for f in diagnose(grads_w, grads_b, weights, biases, X, y, activation))
    summed = diagnose([g * n for g in grads_w], [g * n for g in grads_b], weights, biases, X, y, activation)
    for finding in summed:
        grad = (grads_w if finding.kind == "W" else grads_b)[finding.layer - 1]
        if np.any(grad):  # a gradient that is 0 (dead ReLU units) is right whatever the factor
            assert finding.mistakes == (("backward.summed", {"factor": n}),)
