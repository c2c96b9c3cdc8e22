"""mlplab: a verified, vectorised NumPy multi-layer perceptron, and a lab on top of it.

* :class:`MLP` — the exercise sheet's class (task 2.1), with its method names.
* :func:`gradient_check` — finite differences against the backward pass.
* :func:`train_many` — many sheet MLPs of one architecture trained together, each as if alone.
* :mod:`mlplab.nn` — the library underneath (network, losses, optimisers, training).
* :mod:`mlplab.datasets` — XOR, the sheet's spirals, a seeded split.
* :mod:`mlplab.trace` — every number of one forward/backward pass (task 1.2).
* :class:`Model` — the one wiring of a trainable model that the faces share (:mod:`mlplab.model`).
* :func:`save`, :func:`load` — safe, data-only model files (:mod:`mlplab.serialization`).
* :class:`MLPClassifier` — the scikit-learn estimator (needs the ``sklearn`` extra).

Every name is imported on first use (PEP 562), so ``import mlplab`` costs
almost nothing and never imports scikit-learn: the ``mlplab`` program can
handle Ctrl-C from its first line on (:mod:`mlplab._launch`).
"""

from __future__ import annotations

import importlib

from ._version import __version__

#: public name -> the module under mlplab that defines it
_EXPORTS = {
    "MLP": "mlp",
    "NotFittedError": "mlp",
    "gradient_check": "mlp",
    "train_many": "mlp",
    "Model": "model",
    "SGD": "nn.optimizers",
    "Adam": "nn.optimizers",
    "Momentum": "nn.optimizers",
    "RMSprop": "nn.optimizers",
    "DivergenceError": "nn.training",
    "EarlyStopping": "nn.training",
    "History": "nn.training",
    "StopTraining": "nn.training",
    "TrainingInterrupted": "nn.training",
    "ModelFileError": "serialization",
    "load": "serialization",
    "register": "serialization",
    "save": "serialization",
    "MLPClassifier": "estimator",  # needs scikit-learn: estimator.py raises an ImportError naming the extra
    "MLPRegressor": "estimator",
}

# MLPClassifier is left out of __all__ so that ``from mlplab import *`` works without scikit-learn
__all__ = [
    "MLP",
    "SGD",
    "Adam",
    "DivergenceError",
    "EarlyStopping",
    "History",
    "Model",
    "ModelFileError",
    "Momentum",
    "NotFittedError",
    "RMSprop",
    "StopTraining",
    "TrainingInterrupted",
    "__version__",
    "gradient_check",
    "load",
    "save",
    "train_many",
]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
        globals()[name] = value  # the next lookup is a plain attribute
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
