"""mlplab: a verified, vectorised NumPy multi-layer perceptron, and a lab on top of it.

* :class:`MLP` — the exercise sheet's class (task 2.1), with its method names.
* :func:`gradient_check` — finite differences against the backward pass.
* :mod:`mlplab.nn` — the library underneath (network, losses, optimisers, training).
* :mod:`mlplab.datasets` — XOR, the sheet's spirals, a seeded split.
* :mod:`mlplab.trace` — every number of one forward/backward pass (task 1.2).
"""

from .mlp import MLP, NotFittedError, gradient_check
from .nn.optimizers import SGD, Adam, Momentum, RMSprop
from .nn.training import DivergenceError, EarlyStopping, History, TrainingInterrupted

__version__ = "0.1.0"

__all__ = [
    "MLP",
    "SGD",
    "Adam",
    "DivergenceError",
    "EarlyStopping",
    "History",
    "Momentum",
    "NotFittedError",
    "RMSprop",
    "TrainingInterrupted",
    "__version__",
    "gradient_check",
]
