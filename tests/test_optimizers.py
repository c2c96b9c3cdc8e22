"""Each update rule: one step against its formula, and a quadratic driven to its minimum."""

import numpy as np
import pytest

from mlplab.nn.optimizers import SGD, Adam, Momentum, RMSprop, get_optimizer


def vectors(seed=0, n=7):
    rng = np.random.default_rng(seed)
    return rng.normal(size=n), rng.normal(size=n), rng.normal(size=n)


def test_sgd_step_is_the_formula():
    theta, g, _ = vectors()
    expected = theta - 0.1 * g
    SGD(0.1).step(theta, g)
    np.testing.assert_allclose(theta, expected, rtol=0, atol=1e-15)


def test_momentum_two_steps_are_the_sheet_formula():
    theta, g1, g2 = vectors(1)
    alpha, beta = 0.05, 0.8
    v1 = (1 - beta) * g1  # v0 = 0
    theta1 = theta - alpha * v1
    v2 = beta * v1 + (1 - beta) * g2
    theta2 = theta1 - alpha * v2
    opt = Momentum(alpha, beta=beta)
    opt.step(theta, g1)
    np.testing.assert_allclose(theta, theta1, rtol=0, atol=1e-15)
    opt.step(theta, g2)
    np.testing.assert_allclose(theta, theta2, rtol=0, atol=1e-15)
    np.testing.assert_allclose(opt.velocity, v2, rtol=0, atol=1e-15)


def test_rmsprop_two_steps_are_the_formula():
    theta, g1, g2 = vectors(2)
    alpha, rho, eps = 0.01, 0.9, 1e-8
    s1 = (1 - rho) * g1**2
    theta1 = theta - alpha * g1 / (np.sqrt(s1) + eps)
    s2 = rho * s1 + (1 - rho) * g2**2
    theta2 = theta1 - alpha * g2 / (np.sqrt(s2) + eps)
    opt = RMSprop(alpha, rho=rho, eps=eps)
    opt.step(theta, g1)
    np.testing.assert_allclose(theta, theta1, rtol=1e-14, atol=1e-15)
    opt.step(theta, g2)
    np.testing.assert_allclose(theta, theta2, rtol=1e-14, atol=1e-15)


def test_adam_three_steps_are_the_formula():
    theta, g1, g2 = vectors(3)
    g3 = -0.5 * g1
    alpha, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    expected = theta.copy()
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    opt = Adam(alpha, beta1=b1, beta2=b2, eps=eps)
    for t, g in enumerate([g1, g2, g3], start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g**2
        m_hat = m / (1 - b1**t)
        v_hat = v / (1 - b2**t)
        expected = expected - alpha * m_hat / (np.sqrt(v_hat) + eps)
        opt.step(theta, g)
        np.testing.assert_allclose(theta, expected, rtol=1e-13, atol=1e-15)
    assert opt.n_steps == 3


def test_adam_first_step_moves_every_coordinate_by_alpha():
    # m̂/√v̂ = g/|g| at t = 1: a hallmark of Adam, independent of the gradient scale.
    theta = np.zeros(4)
    Adam(0.01, eps=1e-12).step(theta, np.array([1e-3, -5.0, 2.0, -1e-2]))
    np.testing.assert_allclose(theta, [-0.01, 0.01, -0.01, 0.01], rtol=1e-8)


QUADRATIC_A = np.array([[3.0, 0.5, 0.0], [0.5, 1.0, 0.2], [0.0, 0.2, 0.5]])  # SPD
QUADRATIC_B = np.array([1.0, -2.0, 0.5])


@pytest.mark.parametrize(
    ("optimizer", "steps"),
    [
        (SGD(0.3), 500),
        (Momentum(0.3, beta=0.9), 800),
        (RMSprop(0.001), 8000),  # steps of size ~α: the tolerance needs a small α
        (Adam(0.05), 3000),
    ],
    ids=["sgd", "momentum", "rmsprop", "adam"],
)
def test_drives_a_quadratic_to_its_minimum(optimizer, steps):
    # f(θ) = ½ θᵀAθ − bᵀθ, ∇f = Aθ − b, minimum at A⁻¹b; no network involved.
    target = np.linalg.solve(QUADRATIC_A, QUADRATIC_B)
    theta = np.zeros(3)
    optimizer.reset(3)
    for _ in range(steps):
        optimizer.step(theta, QUADRATIC_A @ theta - QUADRATIC_B)
    np.testing.assert_allclose(theta, target, atol=1e-3)


def test_reset_forgets_state():
    opt = Momentum(0.1)
    theta, g, _ = vectors()
    opt.step(theta, g)
    opt.reset(theta.size)
    assert opt.n_steps == 0
    assert not opt.velocity.any()


def test_state_reallocates_for_a_new_size():
    opt = Adam(0.1)
    opt.step(np.zeros(3), np.ones(3))
    theta = np.zeros(5)
    opt.step(theta, np.ones(5))  # a new parameter vector starts fresh
    np.testing.assert_allclose(theta, -0.1, rtol=1e-6)


@pytest.mark.parametrize(
    ("factory", "message"),
    [
        (lambda: SGD(0.0), r"learning_rate must be a finite number > 0, got 0.0"),
        (lambda: SGD(float("nan")), r"learning_rate must be a finite number > 0, got nan"),
        (lambda: Momentum(0.1, beta=1.0), r"beta must lie strictly between 0 and 1, got 1.0"),
        (lambda: RMSprop(0.1, rho=-0.1), r"rho must lie strictly between 0 and 1, got -0.1"),
        (lambda: Adam(0.1, beta2=1.5), r"beta2 must lie strictly between 0 and 1, got 1.5"),
        (lambda: Adam(0.1, eps=0.0), r"eps must be a finite number > 0, got 0.0"),
        (lambda: get_optimizer("adagrad", 0.1), r"optimizer must be one of .* got 'adagrad'"),
    ],
)
def test_bad_settings_are_rejected(factory, message):
    with pytest.raises(ValueError, match=message):
        factory()


def test_get_optimizer_builds_by_name_and_passes_objects_through():
    opt = get_optimizer("momentum", 0.2)
    assert isinstance(opt, Momentum)
    assert opt.learning_rate == 0.2
    assert opt.beta == 0.9
    adam = Adam(0.003)
    assert get_optimizer(adam, 0.5) is adam
    assert repr(adam) == "Adam(learning_rate=0.003, beta1=0.9, beta2=0.999, eps=1e-08)"
    with pytest.raises(TypeError, match=r"optimizer must be one of .* got 3"):
        get_optimizer(3, 0.1)
