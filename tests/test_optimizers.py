"""Each update rule: one step against its formula, and a quadratic driven to its minimum."""

import copy
import pickle

import numpy as np
import pytest
from sklearn.neural_network._stochastic_optimizers import SGDOptimizer

from mlplab.nn.optimizers import SGD, Adam, Momentum, RMSprop, get_optimizer, optimizer_from_config


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
        (SGD(0.1, momentum=0.9), 800),
        (SGD(0.1, momentum=0.9, nesterov=True), 800),
        (Momentum(0.3, beta=0.9), 800),
        (RMSprop(0.001), 8000),  # steps of size ~α: the tolerance needs a small α
        (Adam(0.05), 3000),
    ],
    ids=["sgd", "sgd-momentum", "sgd-nesterov", "momentum", "rmsprop", "adam"],
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


# --------------------------------------------- SGD with scikit-learn's momentum
def test_sgd_momentum_three_steps_are_the_formula():
    theta, g1, g2 = vectors(4)
    g3 = 0.3 * g1 - g2
    alpha, mu = 0.05, 0.7
    expected, v = theta.copy(), np.zeros_like(theta)
    opt = SGD(alpha, momentum=mu)
    for g in (g1, g2, g3):
        v = mu * v - alpha * g  # v_t = μ v_{t−1} − α g_t
        expected = expected + v  # θ_t = θ_{t−1} + v_t
        opt.step(theta, g)
        np.testing.assert_allclose(theta, expected, rtol=0, atol=1e-15)
    np.testing.assert_allclose(opt.velocity, v, rtol=0, atol=1e-15)
    assert opt.n_steps == 3


def test_sgd_nesterov_three_steps_are_the_formula():
    theta, g1, g2 = vectors(5)
    g3 = -g1
    alpha, mu = 0.05, 0.9
    expected, v = theta.copy(), np.zeros_like(theta)
    opt = SGD(alpha, momentum=mu, nesterov=True)
    for g in (g1, g2, g3):
        v = mu * v - alpha * g
        expected = expected + (mu * v - alpha * g)  # the look-ahead: θ_t = θ_{t−1} + μ v_t − α g_t
        opt.step(theta, g)
        np.testing.assert_allclose(theta, expected, rtol=0, atol=1e-15)
    np.testing.assert_allclose(opt.velocity, v, rtol=0, atol=1e-15)


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_without_momentum_is_the_plain_step_bit_for_bit(nesterov):
    theta, g, _ = vectors(6)
    plain = theta.copy()
    scratch = g * 0.1
    plain -= scratch  # the plain SGD's operations
    opt = SGD(0.1, momentum=0.0, nesterov=nesterov)
    opt.step(theta, g)
    assert np.array_equal(theta, plain)
    assert opt.state_names == ()
    assert opt.state() == {}
    assert opt.velocity is None
    assert SGD(0.1).config() == {"name": "sgd", "learning_rate": 0.1}  # the plain SGD's settings as before


def _sklearn_sgd_run(momentum, nesterov, learning_rates, seed):
    """Our SGD and scikit-learn's SGDOptimizer on the same two arrays and the same gradients, step by step."""
    rng = np.random.default_rng(seed)
    weight, bias = rng.normal(size=(4, 3)), rng.normal(size=3)
    theirs = [weight.copy(), bias.copy()]
    sk = SGDOptimizer(theirs, learning_rate_init=learning_rates[0], momentum=momentum, nesterov=nesterov)
    ours = np.concatenate([weight.ravel(), bias])  # the flat vector
    opt = SGD(learning_rates[0], momentum=momentum, nesterov=nesterov)
    for rate in learning_rates:
        grad_w, grad_b = rng.normal(size=(4, 3)), rng.normal(size=3)
        sk.learning_rate = opt.learning_rate = rate  # a schedule may change it between steps
        sk.update_params(theirs, [grad_w, grad_b])
        opt.step(ours, np.concatenate([grad_w.ravel(), grad_b]))
        yield ours, np.concatenate([theirs[0].ravel(), theirs[1]]), opt, sk


@pytest.mark.parametrize("momentum", [0.0, 0.5, 0.9, 0.99])
@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum_is_scikit_learns_sgd_optimizer_step_by_step(momentum, nesterov):
    rates = [0.1] * 5 + [0.1 / (k + 1) ** 0.5 for k in range(1, 20)] + [0.004] * 5
    for ours, theirs, opt, sk in _sklearn_sgd_run(momentum, nesterov, rates, seed=7):
        np.testing.assert_allclose(ours, theirs, rtol=0, atol=1e-12)
        if momentum:
            sk_velocity = np.concatenate([sk.velocities[0].ravel(), sk.velocities[1]])
            np.testing.assert_allclose(opt.velocity, sk_velocity, rtol=0, atol=1e-12)


def test_sgd_momentum_state_is_saved_and_loaded_and_continues_the_run():
    theta, _, _ = vectors(8)
    grads = [vectors(20 + k)[1] for k in range(6)]
    whole = SGD(0.05, momentum=0.9, nesterov=True)
    first, second = theta.copy(), theta.copy()
    for g in grads:
        whole.step(first, g)
    half = SGD(0.05, momentum=0.9, nesterov=True)
    for g in grads[:3]:
        half.step(second, g)
    assert half.state_names == ("velocity",)
    state, n_steps = half.state(), half.n_steps
    assert sorted(state) == ["velocity"]
    assert n_steps == 3
    resumed = optimizer_from_config(half.config())
    resumed.load_state(state, n_steps)
    for g in grads[3:]:
        resumed.step(second, g)
    assert np.array_equal(first, second)
    assert np.array_equal(resumed.velocity, whole.velocity)
    assert resumed.n_steps == whole.n_steps == 6


def test_sgd_momentum_state_is_refused_when_it_does_not_fit():
    opt = SGD(0.1, momentum=0.5)
    with pytest.raises(ValueError, match=r"sgd state needs arrays \['velocity'\], got \[\]"):
        opt.load_state({}, 0)
    with pytest.raises(ValueError, match=r"'velocity' holds non-finite values"):
        opt.load_state({"velocity": np.array([0.0, np.nan])}, 1)
    with pytest.raises(ValueError, match=r"sgd state needs arrays \[\], got \['velocity'\]"):
        SGD(0.1).load_state({"velocity": np.zeros(3)}, 1)


@pytest.mark.parametrize(
    "opt",
    [SGD(0.1), SGD(0.2, momentum=0.9), SGD(0.3, momentum=0.5, nesterov=True), SGD(0.1, nesterov=True)],
    ids=["plain", "momentum", "nesterov", "nesterov-without-momentum"],
)
def test_sgd_config_round_trips(opt):
    rebuilt = optimizer_from_config(opt.config())
    assert type(rebuilt) is SGD
    assert rebuilt.config() == opt.config()
    assert (rebuilt.momentum, rebuilt.nesterov, rebuilt.state_names) == (
        opt.momentum,
        opt.nesterov,
        opt.state_names,
    )
    assert repr(rebuilt) == repr(opt)


def test_sgd_repr_and_get_optimizer():
    assert (
        repr(SGD(0.1, momentum=0.9, nesterov=True)) == "SGD(learning_rate=0.1, momentum=0.9, nesterov=True)"
    )
    assert repr(SGD(0.1)) == "SGD(learning_rate=0.1)"
    opt = get_optimizer("sgd", 0.2)
    assert (opt.momentum, opt.nesterov, opt.state_names) == (0.0, False, ())


def test_sgd_momentum_copies_and_pickles_keep_the_velocity():
    theta, g, _ = vectors(9)
    opt = SGD(0.1, momentum=0.9, nesterov=True)
    opt.step(theta, g)
    for twin in (copy.deepcopy(opt), pickle.loads(pickle.dumps(opt))):
        assert np.array_equal(twin.velocity, opt.velocity)
        assert (twin.momentum, twin.nesterov, twin.state_names) == (0.9, True, ("velocity",))
        a, b = theta.copy(), theta.copy()
        twin.step(a, g)
        copy.deepcopy(opt).step(b, g)
        assert np.array_equal(a, b)


def test_setting_momentum_later_allocates_or_drops_the_velocity():
    theta, g, _ = vectors(10)
    opt = SGD(0.1)
    opt.step(theta, g)
    opt.momentum = 0.5
    assert opt.state_names == ("velocity",)
    assert not opt.velocity.any()
    before = theta.copy()
    opt.step(theta, g)
    np.testing.assert_allclose(theta, before - 0.1 * g, rtol=0, atol=1e-15)  # v_0 = 0
    opt.momentum = 0.0
    assert opt.state_names == ()
    assert opt.velocity is None


@pytest.mark.parametrize(
    ("factory", "error", "message"),
    [
        (lambda: SGD(0.1, momentum=-0.1), ValueError, r"momentum must be a finite number >= 0, got -0.1"),
        (lambda: SGD(0.1, momentum=1.0), ValueError, r"momentum must be < 1 .*got 1.0"),
        (lambda: SGD(0.1, momentum=1.5), ValueError, r"momentum must be < 1 .*got 1.5"),
        (lambda: SGD(0.1, momentum=np.nan), ValueError, r"momentum must be a finite number >= 0, got nan"),
        (lambda: SGD(0.1, momentum="0.9"), TypeError, r"momentum must be a non-negative real .*got '0.9'"),
        (lambda: SGD(0.1, momentum=True), TypeError, r"momentum must be a non-negative real .*got True"),
        (lambda: SGD(0.1, nesterov="yes"), TypeError, r"nesterov must be True or False, got 'yes'"),
        (lambda: optimizer_from_config({"name": "sgd", "learning_rate": 0.1, "momentum": 2.0}), ValueError,
         r"momentum must be < 1"),
    ],
)  # fmt: skip
def test_bad_sgd_momentum_settings_are_refused_by_name(factory, error, message):
    with pytest.raises(error, match=message):
        factory()


def test_setting_a_bad_momentum_later_is_refused_and_changes_nothing():
    opt = SGD(0.1, momentum=0.5)
    with pytest.raises(ValueError, match=r"momentum must be < 1"):
        opt.momentum = 1.0
    assert opt.momentum == 0.5
    assert opt.state_names == ("velocity",)
