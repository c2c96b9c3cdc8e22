"""The library: a feed-forward network and everything needed to train and verify it.

It knows nothing of any exercise sheet. Parts:

* :mod:`~mlplab.nn.activations` — sigmoid, tanh, relu, identity
* :mod:`~mlplab.nn.losses` — binary and softmax cross-entropy on logits
* :mod:`~mlplab.nn.initializers` — Xavier/Glorot and He, uniform and normal
* :mod:`~mlplab.nn.optimizers` — SGD, momentum (EMA form), RMSprop, Adam
* :mod:`~mlplab.nn.network` — layers and the flat-parameter network
* :mod:`~mlplab.nn.training` — the mini-batch loop, history, early stopping
* :mod:`~mlplab.nn.gradcheck` — finite-difference gradient checks
"""

from .activations import ACTIVATIONS, Activation, get_activation, sigmoid
from .gradcheck import GradientCheckResult, check_gradients, numerical_gradient, relative_error
from .initializers import INITIALIZERS, he_normal, he_uniform, xavier_normal, xavier_uniform
from .losses import BinaryCrossEntropy, Loss, SoftmaxCrossEntropy, loss_for_outputs
from .network import ActivationLayer, Linear, Network
from .optimizers import SGD, Adam, Momentum, Optimizer, RMSprop, get_optimizer
from .training import DivergenceError, EarlyStopping, History, fit

__all__ = [
    "ACTIVATIONS",
    "INITIALIZERS",
    "SGD",
    "Activation",
    "ActivationLayer",
    "Adam",
    "BinaryCrossEntropy",
    "DivergenceError",
    "EarlyStopping",
    "GradientCheckResult",
    "History",
    "Linear",
    "Loss",
    "Momentum",
    "Network",
    "Optimizer",
    "RMSprop",
    "SoftmaxCrossEntropy",
    "check_gradients",
    "fit",
    "get_activation",
    "get_optimizer",
    "he_normal",
    "he_uniform",
    "loss_for_outputs",
    "numerical_gradient",
    "relative_error",
    "sigmoid",
    "xavier_normal",
    "xavier_uniform",
]
