"""Learning-rate schedules: each against its formula, and against scikit-learn's SGDOptimizer."""

import copy
import pickle

import numpy as np
import pytest
from sklearn.neural_network._stochastic_optimizers import SGDOptimizer

from mlplab.nn.optimizers import SGD
from mlplab.nn.schedules import (
    SCHEDULES,
    Adaptive,
    Constant,
    InvScaling,
    Schedule,
    get_schedule,
    schedule_from_config,
)

EPOCH_SIZES = [150, 150, 150, 7, 1, 0, 1000, 33]  # samples per epoch (a partial_fit may see any number)


# ---------------------------------------------------------------- formulas
def test_constant_keeps_its_rate_and_stops_at_a_stall():
    schedule = Constant(0.03)
    assert schedule.rate == 0.03
    for t in (0, 1, 10, 10**9):
        assert schedule.after_step(t) == 0.03
    assert schedule.after_stall() is False
    assert schedule.rate == 0.03


@pytest.mark.parametrize("power_t", [0.0, 0.25, 0.5, 1.0, 2.0])
def test_invscaling_is_the_initial_rate_over_samples_seen_plus_one_to_the_power(power_t):
    schedule = InvScaling(0.2, power_t=power_t)
    assert schedule.rate == 0.2  # until the first step
    for t in (0, 1, 2, 99, 12345):
        expected = 0.2 / (t + 1) ** power_t  # α = α₀ / (t + 1)^p
        assert schedule.after_step(t) == pytest.approx(expected, rel=1e-15)
        assert schedule.rate == schedule.after_step(t)
    assert schedule.after_stall() is False


def test_adaptive_divides_by_five_at_each_stall_until_one_millionth():
    schedule = Adaptive(0.1)
    assert schedule.after_step(500) == 0.1  # steps leave it alone
    rates, going_on = [0.1], []
    while True:
        go_on = schedule.after_stall()
        going_on.append(go_on)
        if not go_on:
            break
        rates.append(schedule.rate)
    expected = [0.1]
    while expected[-1] > 1e-6:  # the rule written out: α ← α/5 while α > 1e−6
        expected.append(expected[-1] / 5)
    np.testing.assert_allclose(rates, expected, rtol=1e-15)
    assert going_on == [True] * (len(expected) - 1) + [False]
    assert schedule.rate <= 1e-6
    assert schedule.after_stall() is False  # and it stays stopped
    assert schedule.rate == rates[-1]


# -------------------------------------------------- against scikit-learn
@pytest.mark.parametrize("name", ["constant", "invscaling", "adaptive"])
@pytest.mark.parametrize("power_t", [0.5, 0.3])
def test_iteration_ends_is_after_step_as_scikit_learn(name, power_t):
    sk = SGDOptimizer([np.zeros(3)], learning_rate_init=0.05, lr_schedule=name, power_t=power_t)
    ours = get_schedule(name, 0.05, power_t=power_t)
    assert ours.rate == sk.learning_rate
    t = 0
    for n in EPOCH_SIZES:
        t += n  # scikit-learn: self.t_ += n_samples, then iteration_ends(self.t_)
        sk.iteration_ends(t)
        assert ours.after_step(t) == sk.learning_rate
        assert ours.rate == sk.learning_rate


@pytest.mark.parametrize("name", ["constant", "invscaling", "adaptive"])
@pytest.mark.parametrize("learning_rate_init", [0.1, 1e-3, 5e-6, 1e-6])
def test_after_stall_is_trigger_stopping_negated(name, learning_rate_init):
    sk = SGDOptimizer([np.zeros(3)], learning_rate_init=learning_rate_init, lr_schedule=name)
    ours = get_schedule(name, learning_rate_init)
    for t in (100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200):
        sk.iteration_ends(t)
        ours.after_step(t)
        stop = sk.trigger_stopping("stalled.", verbose=False)
        assert ours.after_stall() is (not stop)
        assert ours.rate == sk.learning_rate
        if stop:
            break


def test_a_schedule_driving_sgd_with_momentum_on_a_quadratic_is_the_formula():
    # f(θ) = ½ θᵀAθ − bᵀθ; epochs of 4 steps, invscaling after each epoch; no network involved.
    a = np.array([[2.0, 0.3], [0.3, 0.5]])
    b = np.array([1.0, -1.0])
    alpha0, mu, power_t, steps, samples = 0.2, 0.8, 0.5, 4, 4
    schedule = InvScaling(alpha0, power_t=power_t)
    opt = SGD(schedule.rate, momentum=mu, nesterov=True)
    theta = np.zeros(2)
    expected, v, rate, t = np.zeros(2), np.zeros(2), alpha0, 0
    for _ in range(100):
        for _ in range(steps):
            opt.step(theta, a @ theta - b)
            g = a @ expected - b
            v = mu * v - rate * g
            expected = expected + mu * v - rate * g
        t += samples
        opt.learning_rate = schedule.after_step(t)
        rate = alpha0 / (t + 1) ** power_t
    np.testing.assert_allclose(theta, expected, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(theta, np.linalg.solve(a, b), atol=1e-6)


# ---------------------------------------------------- state and settings
@pytest.mark.parametrize("name", ["constant", "invscaling", "adaptive"])
def test_state_carries_the_rate_over_a_warm_start(name):
    run = get_schedule(name, 0.1, power_t=0.4)
    run.after_step(300)
    run.after_stall()
    run.after_stall()
    state = run.state()
    assert state == {"rate": run.rate}
    resumed = schedule_from_config(run.config())
    resumed.load_state(state)
    assert resumed.rate == run.rate
    for t in (600, 900):  # both go on alike
        assert resumed.after_step(t) == run.after_step(t)
        assert resumed.after_stall() == run.after_stall()
        assert resumed.rate == run.rate


def test_adaptive_state_keeps_a_divided_rate():
    run = Adaptive(0.1)
    run.after_stall()
    resumed = Adaptive(0.1)
    resumed.load_state(run.state())
    assert resumed.rate == pytest.approx(0.02)
    assert resumed.initial_rate == 0.1


@pytest.mark.parametrize(
    ("schedule", "config"),
    [
        (Constant(0.1), {"name": "constant", "learning_rate_init": 0.1}),
        (InvScaling(0.2, 0.25), {"name": "invscaling", "learning_rate_init": 0.2, "power_t": 0.25}),
        (Adaptive(0.3), {"name": "adaptive", "learning_rate_init": 0.3}),
    ],
    ids=["constant", "invscaling", "adaptive"],
)
def test_config_round_trips(schedule, config):
    assert schedule.config() == config
    rebuilt = schedule_from_config(config)
    assert type(rebuilt) is type(schedule)
    assert rebuilt.config() == config
    assert repr(rebuilt) == repr(schedule)


def test_copies_and_pickles_keep_the_rate():
    run = Adaptive(0.1)
    run.after_stall()
    for twin in (copy.deepcopy(run), pickle.loads(pickle.dumps(run))):
        assert twin.rate == run.rate
        assert twin.config() == run.config()


def test_get_schedule_builds_by_name_and_passes_schedules_through():
    assert sorted(SCHEDULES) == ["adaptive", "constant", "invscaling"]
    assert isinstance(get_schedule("constant", 0.1), Constant)
    assert isinstance(get_schedule("InvScaling", 0.1), InvScaling)
    assert get_schedule("invscaling", 0.1, power_t=0.7).power_t == 0.7
    assert isinstance(get_schedule("adaptive", 0.1), Adaptive)
    mine = Adaptive(0.5)
    assert get_schedule(mine, 0.1) is mine
    assert repr(InvScaling(0.1, 0.5)) == "InvScaling(0.1, power_t=0.5)"
    assert repr(Constant(0.1)) == "Constant(0.1)"


def test_the_rate_is_read_only():
    schedule = Constant(0.1)
    with pytest.raises(AttributeError):
        schedule.rate = 0.5  # type: ignore[misc]


# ------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("factory", "error", "message"),
    [
        (lambda: InvScaling(0.1, power_t=-0.5), ValueError, r"power_t must be a finite .* >= 0, got -0.5"),
        (lambda: get_schedule("invscaling", 0.1, power_t=-1), ValueError, r"power_t must be .*>= 0, got -1"),
        (lambda: get_schedule("constant", 0.1, power_t=-1), ValueError, r"power_t must be .*>= 0, got -1"),
        (lambda: InvScaling(0.1, power_t=np.inf), ValueError, r"power_t must be a finite .*>= 0, got inf"),
        (lambda: InvScaling(0.1, power_t="0.5"), TypeError, r"power_t must be a non-negative real"),
        (lambda: Constant(0.0), ValueError, r"rate must be a finite number > 0, got 0.0"),
        (lambda: Adaptive(-1.0), ValueError, r"rate must be a finite number > 0, got -1.0"),
        (lambda: get_schedule("adaptive", 0), ValueError, r"learning_rate_init must be a finite number > 0"),
        (lambda: get_schedule("adaptive", None), TypeError, r"learning_rate_init must be a positive real"),
        (lambda: get_schedule("optimal", 0.1), ValueError, r"learning_rate must be one of .*got 'optimal'"),
        (lambda: get_schedule(3, 0.1), TypeError, r"learning_rate must be one of .* got 3"),
        (lambda: Constant(0.1).after_step(-1), ValueError, r"samples_seen must be an integer >= 0, got -1"),
        (lambda: InvScaling(0.1).after_step(2.5), TypeError, r"samples_seen must be an integer .*got 2.5"),
        (lambda: Constant(0.1).load_state({"rate": 0.0}), ValueError, r"state\['rate'\] must be .*> 0"),
        (lambda: Constant(0.1).load_state({"lr": 0.1}), ValueError, r"constant schedule state must be"),
        (lambda: schedule_from_config({"name": "cyclic"}), ValueError, r"schedule name must be one of"),
        (lambda: schedule_from_config({"name": "invscaling", "learning_rate_init": 0.1}), ValueError,
         r"needs \['learning_rate_init', 'power_t'\]"),
    ],
)  # fmt: skip
def test_bad_settings_are_refused_by_name(factory, error, message):
    with pytest.raises(error, match=message):
        factory()


def test_a_refused_state_changes_nothing():
    schedule = Adaptive(0.1)
    schedule.after_stall()
    with pytest.raises(ValueError, match="rate"):
        schedule.load_state({"rate": float("nan")})
    assert schedule.rate == pytest.approx(0.02)


def test_the_base_schedule_is_constant():
    schedule = Schedule(0.1)
    assert schedule.after_step(10) == 0.1
    assert schedule.after_stall() is False
