"""Many models in one pass: each model trained in a group equals, bit for bit, the same model trained alone.

The reference is always the plain one: :func:`mlplab.nn.training.fit` (or
``Model.fit``, ``MLP.train``) called once per model on a deep copy. The
stacked tests forbid the fallback loop, so what they check is the stacked code.
Compared: parameters and gradients (``np.array_equal`` and the raw bytes),
optimiser state and step count, the generator's ``bit_generator.state``,
the History (its ``repr`` of exact floats) and, for a divergence, the error.
"""

from __future__ import annotations

import copy
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mlplab import MLP, TrainingInterrupted, train_many
from mlplab.datasets import make_spirals
from mlplab.model import Model, fit_many
from mlplab.nn import many
from mlplab.nn.activations import Activation
from mlplab.nn.heads import BinaryHead, MultilabelHead, SoftmaxHead
from mlplab.nn.losses import BinaryCrossEntropy, MeanSquaredError, MultilabelCrossEntropy, SoftmaxCrossEntropy
from mlplab.nn.network import Network
from mlplab.nn.optimizers import SGD, Adam, Momentum, RMSprop
from mlplab.nn.training import DivergenceError, EarlyStopping, History, StopTraining, fit

OPTIMIZERS = {
    "sgd": lambda rate: SGD(rate),
    "momentum": lambda rate: Momentum(rate),
    "rmsprop": lambda rate: RMSprop(rate / 10),
    "adam": lambda rate: Adam(rate / 10),
    "sgd_momentum": lambda rate: SGD(rate, momentum=0.9),
    "sgd_nesterov": lambda rate: SGD(rate, momentum=0.9, nesterov=True),
}
X_SPIRALS, Y_SPIRALS = make_spirals(200, 0.1, seed=0)


@pytest.fixture
def stacked_only(monkeypatch):
    """Fail if fit_many falls back to the loop: the test is about the stacked code."""

    def forbidden(*args, **kwargs):
        raise AssertionError("fit_many fell back to the loop")

    monkeypatch.setattr(many, "_loop", forbidden)


def group(k, sizes=(2, 8, 4, 1), activation="tanh", optimizer="sgd", dtype=np.float64, rates=None):
    """``k`` initialised networks, their optimisers (rates differ) and shuffle generators."""
    networks, optimizers, rngs = [], [], []
    for index in range(k):
        network = Network(list(sizes), activation, dtype=dtype)
        network.initialize(np.random.default_rng(index))
        rate = rates[index] if rates is not None else 0.05 * (1 + index % 3)
        networks.append(network)
        optimizers.append(OPTIMIZERS[optimizer](rate))
        rngs.append(np.random.default_rng(1000 + index))
    return networks, optimizers, rngs


def alone(networks, loss, optimizers, Xs, Ts, rngs, **options):
    """The reference: ``fit`` once per model (per-model options given as lists)."""
    results = []
    for index, (network, optimizer, rng) in enumerate(zip(networks, optimizers, rngs)):
        kwargs = {key: (value[index] if isinstance(value, list) else value) for key, value in options.items()}
        try:
            results.append(fit(network, loss, optimizer, Xs[index], Ts[index], rng=rng, **kwargs))
        except DivergenceError as error:
            results.append(error)
    return results


def same_history(a: History, b: History) -> bool:
    return repr(a.to_dict()) == repr(b.to_dict()) and type(a) is type(b)


def assert_same(group_result, alone_result, networks, reference_networks, optimizers, reference_optimizers,
                rngs, reference_rngs):  # fmt: skip
    assert len(group_result) == len(alone_result)
    for k, (got, want) in enumerate(zip(group_result, alone_result)):
        assert type(got) is type(want), k
        if isinstance(want, DivergenceError):
            assert str(got) == str(want), k
            assert (got.epoch, got.batch, got.learning_rate, repr(got.value)) == (
                want.epoch, want.batch, want.learning_rate, repr(want.value))  # fmt: skip
            assert same_history(got.history, want.history), k
        else:
            assert same_history(got, want), k
        for name in ("params", "grads"):
            a, b = getattr(networks[k], name), getattr(reference_networks[k], name)
            assert np.array_equal(a, b), (k, name)
            assert a.tobytes() == b.tobytes(), (k, name)
        state, reference_state = optimizers[k].state(), reference_optimizers[k].state()
        assert sorted(state) == sorted(reference_state), k
        for name in state:
            assert state[name].tobytes() == reference_state[name].tobytes(), (k, name)
        assert optimizers[k].n_steps == reference_optimizers[k].n_steps, k
        assert rngs[k].bit_generator.state == reference_rngs[k].bit_generator.state, k


def compare(networks, loss, optimizers, X, T, rngs, per_model_data=False, **options):
    """Train a deep copy alone and the originals with fit_many; assert every result and state the same."""
    reference = copy.deepcopy((networks, optimizers, rngs, options.get("callbacks")))
    ref_networks, ref_optimizers, ref_rngs, ref_callbacks = reference
    k = len(networks)
    Xs = X if per_model_data else [X] * k
    Ts = T if per_model_data else [T] * k
    alone_options = {key: value for key, value in options.items() if key != "callbacks"}
    if ref_callbacks is not None:
        alone_options["callbacks"] = list(ref_callbacks)
    want = alone(ref_networks, loss, ref_optimizers, Xs, Ts, ref_rngs, **alone_options)
    got = many.fit_many(networks, loss, optimizers, X, T, rngs=rngs, **options)
    assert_same(got, want, networks, ref_networks, optimizers, ref_optimizers, rngs, ref_rngs)
    return got


# ---------------------------------------------------------------- the library
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("batch_size", [None, 32])
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_every_optimiser_activation_batching_and_dtype_gives_the_bits_of_fit(
    stacked_only, optimizer, activation, batch_size, dtype
):
    networks, optimizers, rngs = group(4, activation=activation, optimizer=optimizer, dtype=dtype)
    head = BinaryHead()
    X = X_SPIRALS.astype(dtype)  # 200 rows: batches of 32 end with one of 8
    T = head.encode(Y_SPIRALS, dtype)
    X_val, T_val = X[::3].copy(), T[::3].copy()
    results = compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=4, batch_size=batch_size,
                      l2=[0.0, 1e-3, 0.0, 1e-2], metrics=head.metrics, validation=(X_val, T_val))  # fmt: skip
    assert all(len(r.val_loss) == 4 and len(r.train_accuracy) == 4 for r in results)


@pytest.mark.parametrize(("loss", "head"), [
    (SoftmaxCrossEntropy(), SoftmaxHead(3)), (MultilabelCrossEntropy(), MultilabelHead(3)),
    (MeanSquaredError(), None),
])  # fmt: skip
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_every_built_in_loss_with_several_outputs(stacked_only, loss, head, dtype):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(50, 3)).astype(dtype)
    if isinstance(head, SoftmaxHead):
        T = head.encode(rng.integers(0, 3, 50), dtype)
    elif head is not None:
        T = rng.integers(0, 2, (50, 3)).astype(dtype)
    else:
        T = rng.normal(size=(50, 3)).astype(dtype)
    networks, optimizers, rngs = group(3, sizes=(3, 6, 3), activation="relu", optimizer="adam", dtype=dtype)
    compare(networks, loss, optimizers, X, T, rngs, epochs=3, batch_size=7, l2=1e-3,
            metrics=head.metrics if head is not None else None)  # fmt: skip


def test_each_model_its_own_data_rows(stacked_only):
    rng = np.random.default_rng(1)
    Xs = [rng.normal(size=(40, 2)) for _ in range(3)]
    Ts = [rng.integers(0, 2, (40, 1)).astype(float) for _ in range(3)]
    networks, optimizers, rngs = group(3, optimizer="momentum")
    compare(networks, BinaryCrossEntropy(), optimizers, Xs, Ts, rngs, per_model_data=True, epochs=3,
            batch_size=16)  # fmt: skip
    networks, optimizers, rngs = group(3, optimizer="momentum")
    compare(networks, BinaryCrossEntropy(), optimizers, Xs, Ts, rngs, per_model_data=True, epochs=3,
            batch_size=None)  # fmt: skip


def test_early_stopping_ends_each_model_at_its_own_epoch(stacked_only):
    networks, optimizers, rngs = group(4, sizes=(2, 16, 1), activation="relu", optimizer="adam",
                                       rates=[0.5, 2.0, 0.05, 5.0])  # fmt: skip
    X, T = X_SPIRALS[:120], BinaryHead().encode(Y_SPIRALS[:120])
    validation = (X_SPIRALS[120:], BinaryHead().encode(Y_SPIRALS[120:]))
    stoppers = [EarlyStopping(patience=2), EarlyStopping(patience=3, restore_best=False), None,
                EarlyStopping(patience=1, min_delta=1e-3)]  # fmt: skip
    results = compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=40, batch_size=16,
                      validation=validation, early_stopping=stoppers)  # fmt: skip
    stopped = [r.stopped_epoch for r in results]
    assert stopped[2] is None
    assert len({s for s in stopped if s is not None}) >= 2, stopped
    assert any(r.restored_best for r in results)


def test_callbacks_see_their_model_and_stop_it_alone(stacked_only):
    networks, optimizers, rngs = group(3, optimizer="sgd_momentum")
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)

    class Recorder:
        """Predicts with the model's network after every epoch; stops it at ``stop_at``; halves the rate."""

        def __init__(self, network, optimizer, stop_at=None):
            self.network, self.optimizer, self.stop_at, self.seen = network, optimizer, stop_at, []

        def __call__(self, epoch, history):
            self.seen.append((epoch, history.train_loss[-1], self.network.predict_logits(X[:5]).tobytes()))
            if epoch == 2:
                self.optimizer.learning_rate = self.optimizer.learning_rate / 2  # a schedule
            if epoch == self.stop_at:
                raise StopTraining

    callbacks = [[Recorder(net, opt, stop)] for net, opt, stop in zip(networks, optimizers, [None, 3, None])]
    results = compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=6, batch_size=50,
                      callbacks=callbacks)  # fmt: skip
    assert [r.n_epochs for r in results] == [6, 3, 6]
    assert [len(c[0].seen) for c in callbacks] == [6, 3, 6]


def test_recorders_see_the_same_predictions_as_alone():
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    seen = {}
    for stacked in (True, False):
        networks, optimizers, rngs = group(2, optimizer="adam")
        records = [[], []]
        callbacks = [[lambda e, h, net=net, out=out: out.append(net.predict_logits(X).tobytes())]
                     for net, out in zip(networks, records)]  # fmt: skip
        many.fit_many(networks, BinaryCrossEntropy(), optimizers, X, T, epochs=3, batch_size=40, rngs=rngs,
                      callbacks=callbacks, stacked=stacked)  # fmt: skip
        seen[stacked] = records
    assert seen[True] == seen[False]


def test_a_callback_error_ends_every_model_after_its_last_complete_epoch(stacked_only):
    networks, optimizers, rngs = group(3, optimizer="rmsprop")
    reference = copy.deepcopy((networks, optimizers, rngs))
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)

    def broken(epoch, history):
        if epoch == 2:
            raise RuntimeError("the callback's own error")

    with pytest.raises(RuntimeError, match="own error"):
        many.fit_many(networks, BinaryCrossEntropy(), optimizers, X, T, epochs=5, batch_size=32, rngs=rngs,
                      callbacks=[[], [broken], []])  # fmt: skip
    alone(reference[0], BinaryCrossEntropy(), reference[1], [X] * 3, [T] * 3, reference[2], epochs=2,
          batch_size=32)  # fmt: skip
    for network, alone_network in zip(networks, reference[0]):
        assert network.params.tobytes() == alone_network.params.tobytes()


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_one_model_diverges_the_others_finish(stacked_only, optimizer):
    huge = 1e6 if optimizer == "sgd" else 1e5
    networks, optimizers, rngs = group(4, sizes=(2, 16, 8, 1), activation="relu", optimizer=optimizer,
                                       rates=[0.05, huge, 0.1, 1e3])  # fmt: skip
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    results = compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=5, batch_size=32,
                      metrics=BinaryHead().metrics)  # fmt: skip
    assert isinstance(results[1], DivergenceError)
    assert isinstance(results[0], History)
    assert results[0].n_epochs == 5
    assert np.isfinite(networks[1].params).all()


@pytest.mark.parametrize("explode_factor", [1.05, None])
def test_explode_factor(stacked_only, explode_factor):
    networks, optimizers, rngs = group(3, activation="sigmoid", rates=[0.1, 30.0, 3.0])
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    results = compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=5, batch_size=20,
                      explode_factor=explode_factor)  # fmt: skip
    if explode_factor is not None:
        assert any(isinstance(r, DivergenceError) and "exploded" in str(r) for r in results)


def test_adam_continues_from_different_steps(stacked_only):
    networks, optimizers, rngs = group(3, optimizer="adam")
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    fit(networks[1], BinaryCrossEntropy(), optimizers[1], X, T, epochs=2, batch_size=64, rng=rngs[1])
    assert optimizers[1].n_steps != optimizers[0].n_steps
    compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=2, batch_size=64)


@pytest.mark.parametrize("k", [1, 27])
def test_one_and_twenty_seven_models(stacked_only, k):
    networks, optimizers, rngs = group(k, sizes=(2, 32, 16, 8, 1), activation="relu", optimizer="adam",
                                       rates=list(np.geomspace(0.01, 0.5, k)))  # fmt: skip
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=3, batch_size=32,
            l2=list(np.linspace(0.0, 1e-2, k)), metrics=BinaryHead().metrics)  # fmt: skip


def test_groups_that_cannot_be_stacked_fall_back_to_the_loop_with_the_same_results():
    softplus = Activation.from_functions("softplus_many", lambda z: np.logaddexp(0.0, z),
                                         lambda z: 0.5 * (1.0 + np.tanh(0.5 * z)))  # fmt: skip
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    networks, optimizers, rngs = group(2, activation=softplus)
    compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=2, batch_size=50)
    networks, optimizers, rngs = group(2)
    optimizers[1] = SGD(0.1, momentum=0.5)  # another setting than the first's
    compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=2, batch_size=50)
    networks, optimizers, _ = group(2)
    shared = np.random.default_rng(3)  # one generator for both: the loop's order of draws
    reference = copy.deepcopy((networks, optimizers, shared))
    got = many.fit_many(networks, BinaryCrossEntropy(), optimizers, X, T, epochs=2, batch_size=50,
                        rngs=shared)  # fmt: skip
    want = [fit(net, BinaryCrossEntropy(), opt, X, T, epochs=2, batch_size=50, rng=reference[2])
            for net, opt in zip(reference[0], reference[1])]  # fmt: skip
    assert all(same_history(a, b) for a, b in zip(got, want))
    assert all(np.array_equal(a.params, b.params) for a, b in zip(networks, reference[0]))


def test_bad_input_names_the_argument():
    networks, optimizers, rngs = group(3)
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    loss = BinaryCrossEntropy()
    other = Network([2, 5, 1], "tanh")
    with pytest.raises(ValueError, match=r"networks\[1\]"):
        many.fit_many([networks[0], other], loss, optimizers[:2], X, T, epochs=1, batch_size=None,
                      rngs=rngs[:2])  # fmt: skip
    with pytest.raises(ValueError, match=r"networks\[2\].*architecture|architecture.*networks\[2\]"):
        many.fit_many([*networks[:2], Network([2, 8, 4, 1], "relu")], loss, optimizers, X, T, epochs=1,
                      batch_size=None, rngs=rngs)  # fmt: skip
    with pytest.raises(ValueError, match=r"rngs must be one value or 3 values.*got 2"):
        many.fit_many(networks, loss, optimizers, X, T, epochs=1, batch_size=None, rngs=rngs[:2])
    with pytest.raises(ValueError, match="optimizers"):
        many.fit_many(networks, loss, optimizers[:1] * 2, X, T, epochs=1, batch_size=None, rngs=rngs)
    with pytest.raises(ValueError, match="l2"):
        many.fit_many(networks, loss, optimizers, X, T, epochs=1, batch_size=None, rngs=rngs, l2=[0.0, 0.1])
    with pytest.raises(ValueError, match=r"l2\[1\]"):
        many.fit_many(networks, loss, optimizers, X, T, epochs=1, batch_size=None, rngs=rngs, l2=[0, -1, 0])
    with pytest.raises(TypeError, match=r"networks\[0\]"):
        many.fit_many(["net"], loss, optimizers[:1], X, T, epochs=1, batch_size=None, rngs=rngs[:1])
    with pytest.raises(ValueError, match=r"validation\[0\]"):
        many.fit_many(networks, loss, optimizers, X, T, epochs=1, batch_size=None, rngs=rngs,
                      early_stopping=EarlyStopping())  # fmt: skip
    with pytest.raises(ValueError, match="epochs"):
        many.fit_many(networks, loss, optimizers, X, T, epochs=0, batch_size=None, rngs=rngs)
    before = [net.params.copy() for net in networks]
    assert all(np.array_equal(a, net.params) for a, net in zip(before, networks))  # nothing trained


# ------------------------------------------------------------- Model and MLP
def models(k, **settings):
    rates = settings.pop("rates", [0.05 * (1 + i) for i in range(k)])
    l2s = settings.pop("l2s", [0.0, 1e-3] * k)
    return [Model([2, 16, 8, 1], "relu", optimizer=settings.get("optimizer", "adam"), learning_rate=rates[i],
                  l2=l2s[i], seed=10 + i, **{key: v for key, v in settings.items() if key != "optimizer"})
            for i in range(k)]  # fmt: skip


def outcome(train):
    """What ``train()`` returns, or the DivergenceError it raises."""
    try:
        return train()
    except DivergenceError as error:
        return error


def assert_same_outcome(got, want):
    assert type(got) is type(want)
    if isinstance(want, DivergenceError):
        assert str(got) == str(want)
        got, want = got.history, want.history
    assert same_history(got, want)


def assert_models_same(group_models, alone_models, X):
    for a, b in zip(group_models, alone_models):
        assert a.network.params.tobytes() == b.network.params.tobytes()
        assert a.network.grads.tobytes() == b.network.grads.tobytes()
        assert same_history(a.history, b.history)
        assert a.random_state() == b.random_state()
        assert a.fitted == b.fitted
        assert a.optimizer.n_steps == b.optimizer.n_steps
        assert all(v.tobytes() == b.optimizer.state()[n].tobytes() for n, v in a.optimizer.state().items())
        assert np.array_equal(a.predict_logits(X), b.predict_logits(X))


@pytest.mark.parametrize("early", [False, True])
def test_model_fit_many_equals_model_fit(stacked_only, early):
    settings = {"early_stopping": EarlyStopping(patience=3)} if early else {}
    group_models = models(4, rates=[0.01, 0.05, 1e4, 0.2], **settings)
    alone_models = copy.deepcopy(group_models)
    results = fit_many(group_models, X_SPIRALS, Y_SPIRALS, epochs=8, batch_size=32)
    for model, result in zip(alone_models, results):
        assert_same_outcome(result, outcome(lambda m=model: m.fit(X_SPIRALS, Y_SPIRALS, epochs=8,
                                                                  batch_size=32)))  # fmt: skip
    assert isinstance(results[2], DivergenceError)
    assert_models_same(group_models, alone_models, X_SPIRALS)


def test_model_fit_many_with_validation_data_and_callbacks(stacked_only):
    group_models = models(3)
    alone_models = copy.deepcopy(group_models)
    validation = (X_SPIRALS[::4], Y_SPIRALS[::4])

    def stop_second(epoch, history):
        if epoch == 2:
            raise StopTraining

    def fitted_seen(model, out):
        return lambda epoch, history: out.append((model.fitted, model.predict(X_SPIRALS[:10]).tolist()))

    seen_group, seen_alone = [], []
    fit_many(group_models, X_SPIRALS, Y_SPIRALS, epochs=4, batch_size=None, validation_data=validation,
             callbacks=[[fitted_seen(group_models[0], seen_group)], [stop_second], []])  # fmt: skip
    for model, cbs in zip(alone_models, [[fitted_seen(alone_models[0], seen_alone)], [stop_second], []]):
        model.fit(X_SPIRALS, Y_SPIRALS, epochs=4, validation_data=validation, callbacks=cbs)
    assert seen_group == seen_alone
    assert len(seen_group) == 4
    assert [m.history.n_epochs for m in group_models] == [4, 2, 4]
    assert_models_same(group_models, alone_models, X_SPIRALS)


def test_model_fit_many_bad_input():
    with pytest.raises(ValueError, match=r"models\[1\]"):
        fit_many([Model([2, 4, 1]), Model([2, 5, 1])], X_SPIRALS, Y_SPIRALS, epochs=1)
    with pytest.raises(TypeError, match=r"models\[0\]"):
        fit_many(["model"], X_SPIRALS, Y_SPIRALS, epochs=1)
    first = Model([2, 4, 1], seed=0)
    with pytest.raises(ValueError, match="callbacks"):
        fit_many([first, Model([2, 4, 1])], X_SPIRALS, Y_SPIRALS, epochs=1, callbacks=[[]])
    with pytest.raises(ValueError, match=r"models\[1\] is given twice"):
        fit_many([first, first], X_SPIRALS, Y_SPIRALS, epochs=1)
    with pytest.raises(ValueError, match="y"):
        fit_many([first], X_SPIRALS, Y_SPIRALS[:-1], epochs=1)
    assert first.history is None
    assert not first.fitted


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_train_many_equals_train(stacked_only, optimizer):
    def build():
        settings = [(0.01, 0.0), (0.1, 1e-4), (1e4, 0.0), (0.03, 1e-3)]
        return [MLP([2, 32, 16, 8, 1], "relu", learning_rate=rate, optimizer=optimizer, l2=l2, seed=seed)
                for seed, (rate, l2) in enumerate(settings)]  # fmt: skip

    group_models, alone_models = build(), build()
    results = train_many(group_models, X_SPIRALS, Y_SPIRALS, epochs=6, batch_size=32)
    for model, result in zip(alone_models, results):
        assert_same_outcome(result, outcome(lambda m=model: m.train(X_SPIRALS, Y_SPIRALS, 6, 32)))
    for a, b in zip(group_models, alone_models):
        assert all(np.array_equal(w, v) for w, v in zip(a.weights, b.weights))
        assert all(np.array_equal(w, v) for w, v in zip(a.biases, b.biases))
        assert same_history(a.history, b.history)
        assert np.array_equal(a.predict(X_SPIRALS), b.predict(X_SPIRALS))
        assert a.score(X_SPIRALS, Y_SPIRALS) == b.score(X_SPIRALS, Y_SPIRALS)
        assert a.model.random_state() == b.model.random_state()
    assert isinstance(results[2], DivergenceError)


def test_train_many_with_early_stopping_holdouts(stacked_only):
    def build():
        return [MLP([2, 16, 1], "tanh", learning_rate=0.3, seed=seed, early_stopping=True, patience=2,
                    optimizer="momentum", dtype=np.float32) for seed in range(5)]  # fmt: skip

    group_models, alone_models = build(), build()
    train_many(group_models, X_SPIRALS, Y_SPIRALS, epochs=30, batch_size=16)
    for model in alone_models:
        model.train(X_SPIRALS, Y_SPIRALS, epochs=30, batch_size=16)
    for a, b in zip(group_models, alone_models):
        assert a.network.params.tobytes() == b.network.params.tobytes()
        assert same_history(a.history, b.history)
        assert np.array_equal(a.predict_proba(X_SPIRALS), b.predict_proba(X_SPIRALS))


def test_train_many_bad_input():
    with pytest.raises(TypeError, match=r"models\[1\]"):
        train_many([MLP([2, 4, 1]), "model"], X_SPIRALS, Y_SPIRALS)
    with pytest.raises(ValueError, match=r"models\[1\]"):
        train_many([MLP([2, 4, 1]), MLP([2, 4, 1], "relu")], X_SPIRALS, Y_SPIRALS)


def test_train_many_of_different_heads_trains_each_as_alone():
    def build():
        return [MLP([2, 8, 1], "tanh", learning_rate=0.1, seed=1),
                MLP([2, 8, 1], "tanh", learning_rate=0.1, seed=2, loss="squared_error")]  # fmt: skip

    group_models, alone_models = build(), build()
    train_many(group_models, X_SPIRALS, Y_SPIRALS, epochs=3, batch_size=64)  # not stackable: the loop
    for a, b in zip(group_models, alone_models):
        b.train(X_SPIRALS, Y_SPIRALS, 3, 64)
        assert a.network.params.tobytes() == b.network.params.tobytes()
        assert same_history(a.history, b.history)


def test_a_group_too_large_to_stack_trains_with_the_loop(monkeypatch):
    calls = []
    loop = many._loop
    monkeypatch.setattr(many, "_loop", lambda *args: calls.append(1) or loop(*args))
    monkeypatch.setattr(many, "MAX_STACK_BYTES", 1000)
    networks, optimizers, rngs = group(2)
    X, T = X_SPIRALS, BinaryHead().encode(Y_SPIRALS)
    compare(networks, BinaryCrossEntropy(), optimizers, X, T, rngs, epochs=2, batch_size=50)
    assert calls == [1]


def test_the_benchmark_runs_and_checks_the_bits(tmp_path):
    """``benchmarks/bench_many.py`` in one quick run, torch hidden (as on a machine without it); no timing."""
    hidden = tmp_path / "hidden" / "torch"
    hidden.mkdir(parents=True)
    (hidden / "__init__.py").write_text('raise ImportError("torch is hidden by the test")\n')
    paths = [str(hidden.parent), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "OPENBLAS_NUM_THREADS": "1"}
    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_many.py"
    out = tmp_path / "many.json"
    command = [sys.executable, str(script), "--epochs", "1", "--repeats", "1", "--json", str(out)]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert "torch vmap" in data["skipped"]
    assert all(check["train_many_bit_identical_to_separate"] for check in data["checks"].values())
    assert {(row["optimizer"], row["tool"]) for row in data["results"]} == {
        (optimizer, tool) for optimizer in ("sgd", "adam") for tool in ("train_many", "27 × train")
    }
    assert all(row["seconds_median"] > 0 for row in data["results"])


def test_ctrl_c_ends_every_model_at_the_same_batch_boundary(stacked_only):
    def build():
        return [MLP([2, 16, 1], "tanh", learning_rate=rate, optimizer="adam", seed=3) for rate in (0.01, 0.1)]

    def press_ctrl_c(epoch, history):
        if epoch == 2:
            os.kill(os.getpid(), signal.SIGINT)  # arrives mid-training, like a real Ctrl-C

    group_models, twins = build(), build()
    with pytest.raises(KeyboardInterrupt) as info:
        train_many(group_models, X_SPIRALS, Y_SPIRALS, 50, 20, callbacks=[[press_ctrl_c], []])
    assert isinstance(info.value, TrainingInterrupted)
    assert (info.value.epoch, info.value.batch) == (3, 0)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    for model, twin in zip(group_models, twins):  # each as if trained for exactly 2 epochs
        twin.train(X_SPIRALS, Y_SPIRALS, 2, 20)
        assert model.network.params.tobytes() == twin.network.params.tobytes()
        assert model.optimizer.n_steps == twin.optimizer.n_steps
        assert same_history(model.history, twin.history)
        assert model.model.fitted
