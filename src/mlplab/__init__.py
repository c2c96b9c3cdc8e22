"""mlplab: a verified, vectorised NumPy multi-layer perceptron, and a lab on top of it.

* :class:`MLP` — the exercise sheet's class (task 2.1), with its method names.
* :func:`gradient_check` — finite differences against the backward pass.
* :mod:`mlplab.nn` — the library underneath (network, losses, optimisers, training).
* :mod:`mlplab.datasets` — XOR, the sheet's spirals, a seeded split.
* :mod:`mlplab.trace` — every number of one forward/backward pass (task 1.2).
* :class:`Model` — the one wiring of a trainable model that the faces share (:mod:`mlplab.model`).
* :func:`save`, :func:`load` — safe, data-only model files (:mod:`mlplab.serialization`).
* :class:`MLPClassifier` — the scikit-learn estimator (needs the ``sklearn`` extra;
  imported on first use, so ``import mlplab`` never imports scikit-learn).
"""

from ._version import __version__
from .mlp import MLP, NotFittedError, gradient_check
from .model import Model
from .nn.optimizers import SGD, Adam, Momentum, RMSprop
from .nn.training import DivergenceError, EarlyStopping, History, StopTraining, TrainingInterrupted
from .serialization import ModelFileError, load, register, save

# The estimator's codec registers itself when mlplab.estimator is imported (it needs
# scikit-learn); a file of that kind imports it on loading.
register(kind="MLPClassifier", provider="mlplab.estimator")

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
]


def __getattr__(name: str):
    # MLPClassifier is left out of __all__ so that ``from mlplab import *`` works
    # without scikit-learn; estimator.py raises an ImportError naming the extra.
    if name == "MLPClassifier":
        from .estimator import MLPClassifier

        return MLPClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "MLPClassifier"])
