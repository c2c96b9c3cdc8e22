"""The library: a feed-forward network and everything needed to train and verify it.

It knows nothing of any exercise sheet. Parts:

* :mod:`~mlplab.nn.activations` — sigmoid, tanh, relu, identity
* :mod:`~mlplab.nn.checks` — input checks of the public boundary, seeding
* :mod:`~mlplab.nn.losses` — losses on logits: binary and softmax cross-entropy, squared error
* :mod:`~mlplab.nn.heads` — what logits mean: binary, softmax, identity (regression)
* :mod:`~mlplab.nn.initializers` — Xavier/Glorot and He, uniform and normal
* :mod:`~mlplab.nn.optimizers` — SGD, momentum (EMA form), RMSprop, Adam
* :mod:`~mlplab.nn.network` — layers and the flat-parameter network
* :mod:`~mlplab.nn.training` — the mini-batch loop, history, early stopping
* :mod:`~mlplab.nn.many` — many networks of one architecture trained at once, each as if alone
* :mod:`~mlplab.nn.gradcheck` — finite-difference gradient checks
* :mod:`~mlplab.nn.data` — hold-out splits by row index

**The rule for checks.** Everything that takes a *setting* or builds an
object checks its input, cheaply and before any work, with a ``ValueError`` or
``TypeError`` naming the argument and the value (:mod:`~mlplab.nn.checks`):
constructors (``Network``, optimisers, heads and losses by name,
``EarlyStopping``), ``Network.initialize``, ``Network.check_finite``, item
assignment into ``Network.weights``, ``Optimizer.bind`` and ``load_state``,
:func:`~mlplab.nn.training.fit`'s settings, :func:`~mlplab.nn.gradcheck.check_gradients`'
``eps``. What runs per mini-batch — the layers' and the network's
``forward``/``backward``/``predict_logits``/``objective``, ``Loss.value`` and
``value_and_gradient``, ``Optimizer.step``, a head's ``encode``, ``predict``,
``probabilities`` and metrics, activations — checks **nothing**: it takes
arrays already checked (by ``checks.check_data``, a head's ``check``) and of
the network's dtype, and its docstring (or its module's) says so. Handing them
unchecked arrays is a bug of the caller, not a user error.
"""

import importlib
import importlib.util

#: public name -> the submodule that defines it; imported on first use (PEP 562), so that
#: ``import mlplab.nn.network`` (the trace, say) does not import the training loop, the
#: stacked trainer or the gradient check
_EXPORTS = {
    "ACTIVATIONS": "activations",
    "Activation": "activations",
    "get_activation": "activations",
    "sigmoid": "activations",
    "GradientCheckResult": "gradcheck",
    "check_gradients": "gradcheck",
    "numerical_gradient": "gradcheck",
    "relative_error": "gradcheck",
    "HEADS": "heads",
    "BinaryHead": "heads",
    "Head": "heads",
    "IdentityHead": "heads",
    "SoftmaxHead": "heads",
    "get_head": "heads",
    "INITIALIZERS": "initializers",
    "he_normal": "initializers",
    "he_uniform": "initializers",
    "xavier_normal": "initializers",
    "xavier_uniform": "initializers",
    "LOSSES": "losses",
    "BinaryCrossEntropy": "losses",
    "Loss": "losses",
    "MeanSquaredError": "losses",
    "SoftmaxCrossEntropy": "losses",
    "get_loss": "losses",
    "fit_many": "many",
    "ActivationLayer": "network",
    "Linear": "network",
    "Network": "network",
    "OPTIMIZERS": "optimizers",
    "SGD": "optimizers",
    "Adam": "optimizers",
    "Momentum": "optimizers",
    "Optimizer": "optimizers",
    "RMSprop": "optimizers",
    "get_optimizer": "optimizers",
    "DivergenceError": "training",
    "EarlyStopping": "training",
    "History": "training",
    "fit": "training",
}


__all__ = [
    "ACTIVATIONS",
    "HEADS",
    "INITIALIZERS",
    "LOSSES",
    "OPTIMIZERS",
    "SGD",
    "Activation",
    "ActivationLayer",
    "Adam",
    "BinaryCrossEntropy",
    "BinaryHead",
    "DivergenceError",
    "EarlyStopping",
    "GradientCheckResult",
    "Head",
    "History",
    "IdentityHead",
    "Linear",
    "Loss",
    "MeanSquaredError",
    "Momentum",
    "Network",
    "Optimizer",
    "RMSprop",
    "SoftmaxCrossEntropy",
    "SoftmaxHead",
    "check_gradients",
    "fit",
    "fit_many",
    "get_activation",
    "get_head",
    "get_loss",
    "get_optimizer",
    "he_normal",
    "he_uniform",
    "numerical_gradient",
    "relative_error",
    "sigmoid",
    "xavier_normal",
    "xavier_uniform",
]


def __getattr__(name: str):
    """A public name, or a submodule (``mlplab.nn.training``), imported on first use."""
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value  # the next lookup is a plain attribute
        return value
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
