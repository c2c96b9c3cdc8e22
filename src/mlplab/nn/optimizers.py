r"""Gradient-descent update rules on one flat parameter vector.

An optimiser is an update rule with explicit state (in the spirit of optax):
:meth:`Optimizer.reset` allocates the state for ``n`` parameters, and
:meth:`Optimizer.step` updates ``params`` in place from ``grads``. Because all
of a network's parameters live in one contiguous vector, every rule is a
handful of vectorised expressions, whatever the network.

Conventions (they differ between libraries, so here they are):

* **Momentum** follows the sheet's eq. (9)–(10), an exponential moving average
  of gradients: ``v ← βv + (1−β)g``, ``θ ← θ − αv``. PyTorch's ``SGD(momentum=β)``
  uses ``v ← βv + g`` (no ``1−β`` damping) and scikit-learn's ``sgd`` solver
  ``v ← βv − αg``, ``θ ← θ + v`` (Nesterov by default); that last form is
  :class:`SGD` with ``momentum=β`` (and ``nesterov=True``). At a constant
  gradient the sheet's form takes steps of ``αg`` and the others
  ``αg/(1−β)``, so the sheet's form needs a learning rate ``1/(1−β)`` (10× for
  β = 0.9) larger to move as fast.
* **RMSprop**: ``s ← ρs + (1−ρ)g²``, ``θ ← θ − αg/(√s + ε)`` (ε outside the root,
  as in PyTorch and Keras; default ρ = 0.9 as in Hinton's lecture and Keras).
* **Adam** (Kingma & Ba 2015) with bias correction and ε added to ``√v̂``.

One optimiser serves one parameter vector: :meth:`Optimizer.bind` (called by
:class:`~mlplab.model.Model`) ties it to a network's ``params``, and binding it
to a second, live vector is a ``ValueError`` (two models sharing one optimiser
would reset and mix each other's state). An unbound optimiser, as in the tests
on a quadratic, steps any vector. :meth:`Optimizer.step` checks nothing else:
it is the hot path (see the rule in :mod:`mlplab.nn`).
"""

from __future__ import annotations

import math
import numbers
import weakref

import numpy as np

from .checks import check_bool, check_fraction, check_nonnegative_float, check_positive_float, short_repr

__all__ = [
    "BLOCK",
    "OPTIMIZERS",
    "SGD",
    "Adam",
    "Momentum",
    "Optimizer",
    "RMSprop",
    "get_optimizer",
    "keeps_a_copy",
    "optimizer_from_config",
]


#: A built-in step walks a parameter vector longer than this in blocks of this many elements, so that the
#: temporaries of one block stay in the CPU cache from one operation to the next. The operations are
#: element-wise, so the result is that of whole-vector operations, bit for bit.
BLOCK = 1 << 14


def _blockwise(update, scalars: tuple, params, grads, scratch, keep, *state) -> None:
    """``update(*scalars, p, g, s, *state_parts)`` over ``params`` block by block (see :data:`BLOCK`).

    ``s`` is scratch space of the block's size; ``keep``, if not ``None``, gets a
    copy of each block of ``params`` before it changes.
    """
    n = params.shape[0]
    if n <= BLOCK:
        if keep is not None:
            np.copyto(keep, params)
        update(*scalars, params, grads, scratch, *state)
        return
    for lo in range(0, n, BLOCK):
        part = slice(lo, lo + BLOCK)
        p = params[part]
        if keep is not None:
            np.copyto(keep[part], p)
        update(*scalars, p, grads[part], scratch[: p.shape[0]], *(array[part] for array in state))


def keeps_a_copy(optimizer: Optimizer) -> bool:
    """Whether ``optimizer.step(params, grads, keep=array)`` copies ``params`` into ``array`` first.

    True for the built-in steps (the copy is made block by block, while the
    values are in the cache: cheaper than a separate ``np.copyto``); a
    subclass's own ``step`` may not take ``keep``.
    """
    return getattr(type(optimizer).step, "keeps_a_copy", False)


def _taking_keep(step):
    step.keeps_a_copy = True
    return step


class Optimizer:
    """Base class: ``reset(n, dtype)`` then ``step(params, grads)`` repeatedly.

    Parameters
    ----------
    learning_rate : float
        Step size α > 0.
    """

    name = "optimizer"
    #: names of the state arrays (attributes of length n_params), for saving and loading
    state_names: tuple[str, ...] = ()

    def __init__(self, learning_rate: float = 0.01):
        if type(self).step is Optimizer.step:
            raise TypeError(
                f"{type(self).__name__} is an abstract optimiser (it defines no step rule): use one of "
                f"{sorted(OPTIMIZERS)} or a subclass that defines step(params, grads)"
            )
        self.learning_rate = learning_rate
        self.n_steps = 0
        self._scratch: np.ndarray | None = None
        self._bound: weakref.ref | None = None

    def bind(self, params: np.ndarray, argument: str = "optimizer") -> None:
        """Tie this optimiser to the parameter vector ``params`` it will step.

        Binding the same vector again is a no-op; a different one while the
        first is still alive raises ``ValueError`` naming ``argument``: give
        each model its own optimiser (``copy.deepcopy(optimizer)``; a copy is
        unbound).
        """
        bound = getattr(self, "_bound", None)  # a subclass may skip Optimizer.__init__
        current = bound() if bound is not None else None
        if current is params:
            return
        if current is not None:
            raise ValueError(
                f"{argument}={self!r} already serves another model's parameters; "
                "give each model its own optimiser (e.g. copy.deepcopy(optimizer))"
            )
        self._bound = weakref.ref(params)

    def unbind(self) -> None:
        """Free this optimiser for another parameter vector (its state stays as it is)."""
        self._bound = None

    def __getstate__(self) -> dict:
        """Copies and pickles are unbound (a weak reference neither pickles nor should be shared)."""
        state = self.__dict__.copy()
        state["_bound"] = None
        return state

    @property
    def learning_rate(self) -> float:
        """Step size α > 0; checked whenever it is set."""
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._learning_rate = check_positive_float(value, "learning_rate")

    def reset(self, n_params: int, dtype=np.float64) -> None:
        """Forget all state and allocate it for ``n_params`` parameters."""
        self.n_steps = 0
        self._scratch = np.zeros(n_params, dtype=dtype)

    def step(self, params: np.ndarray, grads: np.ndarray) -> None:
        """Update ``params`` (1-D, in place) from ``grads`` (same shape). Unchecked (the hot path).

        The built-in steps also take ``keep=array``: ``params`` are copied into
        it before they change (see :func:`keeps_a_copy`).
        """
        raise NotImplementedError

    def _ensure_state(self, params: np.ndarray) -> None:
        if (
            self._scratch is None
            or self._scratch.shape != params.shape
            or self._scratch.dtype != params.dtype
        ):
            self.reset(params.shape[0], params.dtype)

    def config(self) -> dict:
        """The settings (not the state) as plain numbers, for logs and files."""
        return {"name": self.name, "learning_rate": self.learning_rate}

    def state(self) -> dict[str, np.ndarray]:
        """The arrays named by :attr:`state_names` (copies), for saving; empty before the first reset."""
        arrays = {name: getattr(self, name) for name in self.state_names}
        if any(array is None for array in arrays.values()):
            return {}
        return {name: array.copy() for name, array in arrays.items()}

    def load_state(self, state: dict[str, np.ndarray], n_steps: int) -> None:
        """Put back what :meth:`state` and :attr:`n_steps` gave, for a network of the state's size.

        Raises ``ValueError`` naming the array if the names, shapes or dtypes do not
        match or a value is not finite, before anything is changed.
        """
        if sorted(state) != sorted(self.state_names):
            raise ValueError(f"{self.name} state needs arrays {list(self.state_names)}, got {sorted(state)}")
        if isinstance(n_steps, bool) or not isinstance(n_steps, numbers.Integral) or not 0 <= n_steps < 2**63:
            raise ValueError(f"n_steps must be an integer in [0, 2**63), got {n_steps!r:.60}")
        arrays = [np.asarray(state[name]) for name in self.state_names]
        shapes = {array.shape for array in arrays}
        dtypes = {array.dtype for array in arrays}
        if len(shapes) > 1 or len(dtypes) > 1 or (arrays and arrays[0].ndim != 1):
            raise ValueError(f"{self.name} state arrays must be 1-D of one length and dtype")
        for name, array in zip(self.state_names, arrays):
            if not np.isfinite(array).all():
                raise ValueError(f"{self.name} state array {name!r} holds non-finite values")
        if arrays:
            self.reset(arrays[0].shape[0], arrays[0].dtype)
            for name, array in zip(self.state_names, arrays):
                getattr(self, name)[...] = array
        self.n_steps = int(n_steps)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.config().items() if k != "name")
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    r"""Gradient descent, plain or with scikit-learn's momentum (classical or Nesterov).

    .. math::

        v_t &= μ v_{t-1} - α g_t, \qquad θ_t = θ_{t-1} + v_t
            && \text{(momentum)} \\
        θ_t &= θ_{t-1} + μ v_t - α g_t
            && \text{(nesterov, with the same } v_t)

    with ``g_t = ∇_θ L(θ_{t-1})`` and ``v_0 = 0``. With ``μ = 0`` both are plain
    gradient descent, :math:`θ_t = θ_{t-1} − α g_t`, run by the plain code with
    no state (bit for bit the SGD of before momentum existed).

    This is scikit-learn's ``SGDOptimizer`` (``solver='sgd'``, ``momentum``,
    ``nesterovs_momentum``), the same floating-point operations in the same
    order. Its defaults differ: scikit-learn's are ``momentum=0.9,
    nesterovs_momentum=True``, here ``0`` and ``False`` so that ``SGD(α)``
    stays plain. Unlike the sheet's :class:`Momentum` (an average,
    ``v ← βv + (1−β)g``) the velocity is not damped: at a constant gradient the
    steps grow to ``αg/(1−μ)``. A learning rate changed between steps (a
    schedule, :mod:`mlplab.nn.schedules`) scales only the new gradient's term,
    as in scikit-learn.

    Parameters
    ----------
    learning_rate : float
        α > 0.
    momentum : float
        μ in [0, 1), default 0 (no momentum, no state).
    nesterov : bool
        Nesterov's momentum (the look-ahead step), default False.
    """

    name = "sgd"

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False):
        super().__init__(learning_rate)
        self.velocity: np.ndarray | None = None
        self._lookahead: np.ndarray | None = None
        self.nesterov = nesterov
        self.momentum = momentum

    @property
    def momentum(self) -> float:
        """μ in [0, 1); checked whenever it is set. With μ > 0 the state is ``velocity``."""
        return getattr(self, "_momentum", 0.0)  # a subclass may skip SGD.__init__: plain SGD

    @momentum.setter
    def momentum(self, value: float) -> None:
        value = check_nonnegative_float(value, "momentum")
        if value >= 1.0:
            raise ValueError(f"momentum must be < 1 (at 1 the velocity never decays), got {value!r}")
        self._momentum = value
        # the instance's own state names: plain SGD has no state, SGD with momentum its velocity
        self.state_names = ("velocity",) if value > 0 else ()
        if value == 0:
            self.velocity = self._lookahead = None
        elif self._scratch is not None and self.velocity is None:
            self.velocity = np.zeros_like(self._scratch)

    @property
    def nesterov(self) -> bool:
        """Whether the step looks ahead (Nesterov); checked whenever it is set."""
        return getattr(self, "_nesterov", False)

    @nesterov.setter
    def nesterov(self, value: bool) -> None:
        self._nesterov = check_bool(value, "nesterov")

    def reset(self, n_params, dtype=np.float64):
        super().reset(n_params, dtype)
        self.velocity = np.zeros(n_params, dtype=dtype) if self.momentum > 0 else None
        self._lookahead = None

    @_taking_keep
    def step(self, params, grads, keep=None):
        self._ensure_state(params)
        rate, momentum = self.learning_rate, self.momentum
        if momentum == 0:  # plain SGD
            _blockwise(_sgd_update, (rate,), params, grads, self._scratch, keep)
        elif not self.nesterov:
            _blockwise(_momentum_update, (rate, momentum), params, grads, self._scratch, keep, self.velocity)
        else:
            v, lookahead = self.velocity, self._lookahead
            if lookahead is None or lookahead.shape != v.shape or lookahead.dtype != v.dtype:
                self._lookahead = np.empty_like(v)
            scalars = (rate, momentum)
            _blockwise(_nesterov_update, scalars, params, grads, self._scratch, keep, v, self._lookahead)
        self.n_steps += 1

    def config(self):
        """The settings; ``momentum`` and ``nesterov`` only where they differ from plain SGD's."""
        config = super().config()
        if self.momentum != 0 or self.nesterov:
            config.update(momentum=self.momentum, nesterov=self.nesterov)
        return config


def _sgd_update(rate, p, g, s):
    np.multiply(g, rate, out=s)
    p -= s


def _momentum_update(rate, momentum, p, g, s, v):
    np.multiply(g, rate, out=s)  # αg
    v *= momentum
    v -= s  # v ← μv − αg, scikit-learn's operations in its order
    p += v


def _nesterov_update(rate, momentum, p, g, s, v, lookahead):
    np.multiply(g, rate, out=s)  # αg
    v *= momentum
    v -= s  # v ← μv − αg
    update = np.multiply(v, momentum, out=lookahead)
    update -= s  # μv − αg with the new v
    p += update


class Momentum(Optimizer):
    r"""Momentum in the sheet's form (eq. 9–10), an EMA of the gradients.

    .. math::

        v_t = β v_{t-1} + (1-β) ∇_θ L(θ_{t-1}), \qquad θ_t = θ_{t-1} - α v_t

    with ``v_0 = 0``. See the module docstring for how this differs from
    PyTorch and scikit-learn.

    Parameters
    ----------
    learning_rate : float
        α > 0.
    beta : float
        β in (0, 1), default 0.9.
    """

    name = "momentum"
    state_names = ("velocity",)

    def __init__(self, learning_rate: float = 0.01, beta: float = 0.9):
        super().__init__(learning_rate)
        self.beta = check_fraction(beta, "beta")
        self.velocity: np.ndarray | None = None

    def reset(self, n_params, dtype=np.float64):
        super().reset(n_params, dtype)
        self.velocity = np.zeros(n_params, dtype=dtype)

    @_taking_keep
    def step(self, params, grads, keep=None):
        self._ensure_state(params)
        scalars = (1.0 - self.beta, self.learning_rate)
        _blockwise(_ema_momentum_update, scalars, params, grads, self._scratch, keep, self.velocity)
        self.n_steps += 1

    def config(self):
        return {**super().config(), "beta": self.beta}


def _ema_momentum_update(one_minus_beta, rate, p, g, s, v):
    np.subtract(g, v, out=s)
    s *= one_minus_beta
    v += s  # v + (1−β)(g − v) = βv + (1−β)g
    np.multiply(v, rate, out=s)
    p -= s


class RMSprop(Optimizer):
    r"""RMSprop: scale each step by a running RMS of the gradient.

    .. math::

        s_t = ρ s_{t-1} + (1-ρ) g_t^2, \qquad θ_t = θ_{t-1} - α \frac{g_t}{\sqrt{s_t} + ε}

    Parameters
    ----------
    learning_rate : float
        α > 0, default 0.001.
    rho : float
        ρ in (0, 1), default 0.9.
    eps : float
        ε > 0, default 1e-8.
    """

    name = "rmsprop"
    state_names = ("square_avg",)

    def __init__(self, learning_rate: float = 0.001, rho: float = 0.9, eps: float = 1e-8):
        super().__init__(learning_rate)
        self.rho = check_fraction(rho, "rho")
        self.eps = check_positive_float(eps, "eps")
        self.square_avg: np.ndarray | None = None

    def reset(self, n_params, dtype=np.float64):
        super().reset(n_params, dtype)
        self.square_avg = np.zeros(n_params, dtype=dtype)

    @_taking_keep
    def step(self, params, grads, keep=None):
        self._ensure_state(params)
        scalars = (1.0 - self.rho, self.eps, self.learning_rate)
        _blockwise(_rmsprop_update, scalars, params, grads, self._scratch, keep, self.square_avg)
        self.n_steps += 1

    def config(self):
        return {**super().config(), "rho": self.rho, "eps": self.eps}


def _rmsprop_update(one_minus_rho, eps, rate, p, g, s, sq):
    np.multiply(g, g, out=s)
    s -= sq
    s *= one_minus_rho
    sq += s  # ρ s + (1−ρ) g²
    np.sqrt(sq, out=s)
    s += eps
    np.divide(g, s, out=s)
    s *= rate
    p -= s


class Adam(Optimizer):
    r"""Adam with bias correction (Kingma & Ba, 2015).

    .. math::

        m_t &= β_1 m_{t-1} + (1-β_1) g_t, \qquad v_t = β_2 v_{t-1} + (1-β_2) g_t^2 \\
        \hat m_t &= m_t / (1-β_1^t), \qquad \hat v_t = v_t / (1-β_2^t) \\
        θ_t &= θ_{t-1} - α \hat m_t / (\sqrt{\hat v_t} + ε)

    Parameters
    ----------
    learning_rate : float
        α > 0, default 0.001.
    beta1, beta2 : float
        Decay rates in (0, 1), defaults 0.9 and 0.999.
    eps : float
        ε > 0, default 1e-8.
    """

    name = "adam"
    state_names = ("m", "v")

    def __init__(
        self, learning_rate: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ):
        super().__init__(learning_rate)
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
        self.eps = check_positive_float(eps, "eps")
        self.m: np.ndarray | None = None
        self.v: np.ndarray | None = None

    def reset(self, n_params, dtype=np.float64):
        super().reset(n_params, dtype)
        self.m = np.zeros(n_params, dtype=dtype)
        self.v = np.zeros(n_params, dtype=dtype)

    @_taking_keep
    def step(self, params, grads, keep=None):
        self._ensure_state(params)
        t = self.n_steps + 1
        scalars = (
            1.0 - self.beta1,
            1.0 - self.beta2,
            1.0 / math.sqrt(1.0 - self.beta2**t),  # 1/√(1 − β2^t): √v̂ = √v · this
            self.eps,
            self.learning_rate / (1.0 - self.beta1**t),  # α/(1 − β1^t): α m̂ = m · this
        )
        _blockwise(_adam_update, scalars, params, grads, self._scratch, keep, self.m, self.v)
        self.n_steps = t

    def config(self):
        return {**super().config(), "beta1": self.beta1, "beta2": self.beta2, "eps": self.eps}


def _adam_update(one_minus_beta1, one_minus_beta2, root_correction, eps, step_size, p, g, s, m, v):
    np.subtract(g, m, out=s)
    s *= one_minus_beta1
    m += s  # β1 m + (1−β1) g
    np.multiply(g, g, out=s)
    s -= v
    s *= one_minus_beta2
    v += s  # β2 v + (1−β2) g²
    np.sqrt(v, out=s)
    s *= root_correction  # √v̂
    s += eps
    np.divide(m, s, out=s)
    s *= step_size  # α m̂ / (√v̂ + ε)
    p -= s


OPTIMIZERS: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "momentum": Momentum,
    "rmsprop": RMSprop,
    "adam": Adam,
}


def get_optimizer(
    optimizer: object, learning_rate: float | None = None, argument: str = "optimizer"
) -> Optimizer:
    """Build an optimiser from a name, or pass an :class:`Optimizer` through.

    A name is built with ``learning_rate`` (its own default if ``None``); an
    optimiser object keeps its own.
    """
    if isinstance(optimizer, Optimizer):
        return optimizer
    if not isinstance(optimizer, str):
        raise TypeError(
            f"{argument} must be one of {sorted(OPTIMIZERS)} or an Optimizer instance, "
            f"got {short_repr(optimizer)}"
        )
    try:
        cls = OPTIMIZERS[optimizer.lower()]
    except KeyError:
        raise ValueError(
            f"{argument} must be one of {sorted(OPTIMIZERS)}, got {short_repr(optimizer)}"
        ) from None
    return cls() if learning_rate is None else cls(learning_rate=learning_rate)


def optimizer_from_config(config: dict) -> Optimizer:
    """Rebuild an optimiser from :meth:`Optimizer.config` (a name and its settings), checking each."""
    settings = dict(config)
    name = settings.pop("name", None)
    if name not in OPTIMIZERS:
        raise ValueError(f"optimizer name must be one of {sorted(OPTIMIZERS)}, got {short_repr(name)}")
    return OPTIMIZERS[name](**settings)
