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

from .activations import ACTIVATIONS, Activation, get_activation, sigmoid
from .gradcheck import GradientCheckResult, check_gradients, numerical_gradient, relative_error
from .heads import HEADS, BinaryHead, Head, IdentityHead, SoftmaxHead, get_head
from .initializers import INITIALIZERS, he_normal, he_uniform, xavier_normal, xavier_uniform
from .losses import LOSSES, BinaryCrossEntropy, Loss, MeanSquaredError, SoftmaxCrossEntropy, get_loss
from .many import fit_many
from .network import ActivationLayer, Linear, Network
from .optimizers import OPTIMIZERS, SGD, Adam, Momentum, Optimizer, RMSprop, get_optimizer
from .training import DivergenceError, EarlyStopping, History, fit

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
