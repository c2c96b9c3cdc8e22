"""Element-wise activation functions and their derivatives.

Each activation is a small table entry: ``forward(z)`` and
``backward(a, grad_a)``, where the derivative is written in terms of the
*output* ``a = f(z)``. That is what a layer caches anyway, and it is cheaper
than recomputing ``f(z)``:

=========  ======================  ============================
name       f(z)                    f'(z) in terms of a = f(z)
=========  ======================  ============================
sigmoid    1 / (1 + e^{-z})        a (1 - a)
tanh       tanh z                  1 - a^2
relu       max(z, 0)               1 if a > 0 else 0
identity   z                       1
=========  ======================  ============================

For ReLU the derivative at exactly ``z = 0`` is taken as 0 (the convention of
PyTorch and scikit-learn).

**Your own activation.** :meth:`Activation.from_functions` builds one from two
plain element-wise functions, ``f(z)`` and its derivative ``df(z) = f'(z)``
(written in terms of ``z``, so any ``f`` works); the layer then caches ``z``
instead of ``a``. It is checked when made and usable wherever an activation
name is, as ``activation=`` of :class:`~mlplab.nn.network.Network`,
:class:`~mlplab.model.Model`, :class:`~mlplab.MLP` and :func:`get_activation`:

>>> import numpy as np
>>> from mlplab.nn import Activation, Network
>>> softplus = Activation.from_functions(
...     "softplus", lambda z: np.logaddexp(0.0, z), lambda z: 0.5 * (1.0 + np.tanh(0.5 * z))
... )
>>> net = Network([2, 3, 1], activation=softplus)
>>> leaky = Activation.from_functions(
...     "leaky_relu", lambda z: np.where(z > 0, z, 0.01 * z), lambda z: np.where(z > 0, 1.0, 0.01),
...     smooth=False,
... )
>>> leaky.derivative(np.array([-2.0, 3.0]))
array([0.01, 1.  ])

A model with such an activation trains, predicts, gradient-checks and pickles
(when ``f`` and ``df`` are importable functions, not lambdas) like any other,
but :func:`mlplab.save` refuses it: a data-only model file holds no code, only
the name of a built-in activation (:func:`builtin_name`).

Unchecked: ``forward`` and ``backward`` are the hot path and take float
arrays as the caller made them; only :func:`get_activation` and
:meth:`Activation.from_functions` check their arguments (see the rule in
:mod:`mlplab.nn`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .checks import short_repr

__all__ = ["ACTIVATIONS", "Activation", "builtin_name", "get_activation", "sigmoid", "sigmoid_fast"]

#: Where :meth:`Activation.from_functions` tries ``f`` and ``df`` before accepting them: both signs,
#: zero, tiny and large magnitudes (where a naive ``exp`` overflows), as a 2-D array.
PROBE = np.array([[-30.0, -5.0, -1.0, -0.5, -1e-3, 0.0], [1e-3, 0.5, 1.0, 2.0, 5.0, 30.0]])


def sigmoid(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Logistic function σ(z) = 1 / (1 + e^{−z}), accurate and warning-free everywhere.

    For very negative ``z`` the intermediate ``e^{−z}`` overflows to ``inf``
    and ``1 / (1 + inf) = 0`` is the correctly rounded answer, so the overflow
    is expected and silenced. Elsewhere every step keeps its relative accuracy
    (there is no ``1 − small`` cancellation), so tiny values such as
    ``σ(−700) ≈ 1e−304`` come out to a few units in the last place. Four
    in-place ufunc calls: as fast as the ``(1 + tanh(z/2))/2`` identity, which
    loses relative accuracy for negative ``z``.

    Parameters
    ----------
    z : ndarray
        Pre-activations, any shape.
    out : ndarray, optional
        Where to write the result (may be ``z`` itself).
    """
    if out is None:
        z = np.asarray(z)
        out = np.empty(z.shape, dtype=np.result_type(z, 1.0))  # float32 stays float32, ints -> float64
    with np.errstate(over="ignore"):
        np.negative(z, out=out)
        np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


#: e^{x} overflows beyond these; the hot-path sigmoid caps −z just below them
_EXP_CAP = {np.dtype(np.float64): 708.0, np.dtype(np.float32): 88.0}


def sigmoid_fast(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """σ(z) for the training loop: :func:`sigmoid` without the cost of ``np.errstate``.

    ``−z`` is capped at 708 (88 in float32) before ``exp``, so nothing
    overflows and no warning state needs switching (1.2 µs per call, a tenth of
    a small network's step). The result differs from :func:`sigmoid` only
    where σ(z) < 1e−307 (1e−38 in float32), by less than that: irrelevant for
    activations and gradients, which only need absolute accuracy.
    """
    if out is not None:
        np.negative(z, out=out)
    elif type(z) is np.ndarray and z.dtype.kind == "f":  # the hot path (a loss's logits): no dtype lookup
        out = np.negative(z)
    else:
        z = np.asarray(z)
        out = np.negative(z, dtype=np.result_type(z, 1.0))  # float32 stays float32, ints -> float64
    np.minimum(out, _EXP_CAP.get(out.dtype, 708.0), out=out)
    np.exp(out, out=out)
    out += 1.0
    return np.reciprocal(out, out=out)


# The built-in derivatives take ``work``, a scratch array of ``a``'s shape (the layer's, reused every step;
# a new one when not given), for f'(z): the same operations as on a fresh temporary. Its dtype is ``a``'s,
# boolean for ReLU (see Activation.work_dtype).
def _sigmoid_backward(a: np.ndarray, grad_a: np.ndarray, work: np.ndarray | None = None) -> np.ndarray:
    grad_a *= a  # ∂L/∂a · a
    t = np.subtract(1.0, a, out=work)
    grad_a *= t  # ∂L/∂a · a (1 − a) = ∂L/∂a · σ'(z)
    return grad_a


def _tanh_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.tanh(z, out=out)


def _tanh_backward(a: np.ndarray, grad_a: np.ndarray, work: np.ndarray | None = None) -> np.ndarray:
    t = np.multiply(a, a, out=work)
    np.subtract(1.0, t, out=t)  # 1 − a²
    grad_a *= t
    return grad_a


def _relu_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    return np.maximum(z, 0.0, out=out)


def _relu_backward(a: np.ndarray, grad_a: np.ndarray, work: np.ndarray | None = None) -> np.ndarray:
    grad_a *= np.greater(a, 0.0, out=work)  # the boolean mask a > 0 (work: boolean)
    return grad_a


def _identity_forward(z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    if out is None or out is z:
        return z
    np.copyto(out, z)
    return out


def _identity_backward(a: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
    return grad_a


@dataclass(frozen=True)
class Activation:
    """An element-wise activation: its name, forward map and derivative.

    The built-in ones are in :data:`ACTIVATIONS`; make your own with
    :meth:`from_functions` (see the module docstring).

    Attributes
    ----------
    name : str
    forward : callable
        ``forward(z, out=None) -> a``; ``out`` may be ``z`` (in place).
    backward : callable
        ``backward(a, grad_a) -> grad_z = grad_a * f'(z)``, with ``a = f(z)``;
        it overwrites and returns ``grad_a``, and leaves ``a`` as it is. With
        ``uses_input`` it is ``backward(z, grad_a)``: given the pre-activation
        instead. A built-in one also takes a scratch array (:attr:`takes_work`).
    smooth : bool
        False where f' jumps (ReLU at 0); the gradient check then watches
        the sign of each unit's ``z`` for steps across the kink at 0.
    uses_input : bool
        Whether ``backward`` takes ``z`` rather than ``a``; the layer then
        keeps ``z`` (instead of overwriting it with ``a``).
    """

    name: str
    forward: Callable[..., np.ndarray]
    backward: Callable[[np.ndarray, np.ndarray], np.ndarray]
    smooth: bool = True  # False where f' jumps (ReLU at 0)
    uses_input: bool = False

    @classmethod
    def from_functions(cls, name: str, f: Callable, df: Callable, smooth: bool = True) -> Activation:
        r"""An activation ``a = f(z)`` with derivative ``f'(z) = df(z)``, from two element-wise functions.

        Backward: ``∂L/∂z = ∂L/∂a ⊙ df(z)``, with ``z`` cached by the layer.

        Parameters
        ----------
        name : str
            How it is shown (``repr``, error messages); not the name of a
            built-in activation (:data:`ACTIVATIONS`), so that a name always
            means one function.
        f, df : callable
            ``f(z) -> a`` and ``df(z) -> f'(z)`` for a float array ``z`` of
            any shape, each returning an array of that shape, without changing
            ``z``. Results are cast to ``z``'s dtype (float32 stays float32).
        smooth : bool
            False if ``f'`` jumps; such a kink must sit at ``z = 0`` (leaky
            ReLU, ELU with α ≠ 1), where the gradient check looks for it.

        Raises
        ------
        TypeError, ValueError
            Naming ``activation`` and what is wrong: ``name`` not a new
            non-empty string, ``f`` or ``df`` not callable, or on the probe
            array :data:`PROBE` (shape (2, 6), values from −30 to 30) raising,
            returning another shape, a non-real or non-finite value, or
            changing its input.

        Examples
        --------
        >>> import numpy as np
        >>> elu = Activation.from_functions(
        ...     "elu", lambda z: np.where(z > 0, z, np.expm1(np.minimum(z, 0.0))),
        ...     lambda z: np.where(z > 0, 1.0, np.exp(np.minimum(z, 0.0))),
        ... )
        >>> elu.forward(np.array([-1.0, 0.0, 2.0])).round(4)
        array([-0.6321,  0.    ,  2.    ])
        """
        if not isinstance(name, str) or not name.strip():
            raise TypeError(f"activation name must be a non-empty str, got {short_repr(name)}")
        if name.lower() in ACTIVATIONS:
            raise ValueError(
                f"activation name {name!r} is a built-in activation's: use activation={name.lower()!r}, "
                "or give your own function another name"
            )
        if not isinstance(smooth, (bool, np.bool_)):
            raise TypeError(f"activation {name!r}: smooth must be True or False, got {short_repr(smooth)}")
        for role, function in (("f", f), ("df", df)):
            if not callable(function):
                raise TypeError(
                    f"activation {name!r}: {role} must be callable {role}(z), got {short_repr(function)}"
                )
            _probe(name, role, function)
        return cls(name, _ElementWise(f), _ElementWiseDerivative(df), bool(smooth), uses_input=True)

    @property
    def takes_work(self) -> bool:
        """Whether ``backward(a, grad_a, work)`` takes a scratch array of ``a``'s shape (:attr:`work_dtype`).

        The built-in derivatives do (the layer hands them one it reuses every
        step, so they allocate nothing); one from :meth:`from_functions` does not.
        """
        return self.backward in _WORK_DTYPES

    @property
    def work_dtype(self) -> np.dtype | None:
        """The dtype of the scratch array ``backward`` takes: ``None`` for ``a``'s own (boolean for ReLU)."""
        return _WORK_DTYPES.get(self.backward)

    @property
    def builtin(self) -> bool:
        """Whether this is one of :data:`ACTIVATIONS` (which a model file can name)."""
        return ACTIVATIONS.get(self.name) is self

    def derivative(self, z: np.ndarray) -> np.ndarray:
        """f'(z) (for plots and tests)."""
        z = np.array(z, dtype=np.float64)
        a = self.forward(z.copy())
        return self.backward(z if self.uses_input else a, np.ones_like(a))


def _probe(name: str, role: str, function: Callable) -> None:
    """Call ``function`` on :data:`PROBE`; raise naming the activation unless it behaves element-wise."""
    z = PROBE.copy()
    try:
        with np.errstate(all="ignore"):
            value = function(z)
    except Exception as error:  # the user's function, any error: say whose it is
        raise ValueError(
            f"activation {name!r}: {role}(z) raised {type(error).__name__}: {error} "
            f"on the probe array z of shape {PROBE.shape} from {PROBE.min():g} to {PROBE.max():g}"
        ) from error
    if not np.array_equal(z, PROBE):
        raise ValueError(f"activation {name!r}: {role}(z) changed its argument z; return a new array")
    value = np.asarray(value)
    if value.shape != z.shape:
        hint = " (return an array like np.ones_like(z), not a scalar)" if value.ndim == 0 else ""
        raise ValueError(
            f"activation {name!r}: {role}(z) must return an array of z's shape {z.shape}, "
            f"got shape {value.shape}{hint}"
        )
    if value.dtype == np.bool_ or not np.issubdtype(value.dtype, np.number) or np.iscomplexobj(value):
        raise TypeError(f"activation {name!r}: {role}(z) must return real numbers, got dtype {value.dtype}")
    finite = np.isfinite(value)
    if not finite.all():
        bad = tuple(int(i) for i in np.argwhere(~finite)[0])
        raise ValueError(
            f"activation {name!r}: {role}(z) must be finite, "
            f"got {value[bad].item()!r} at z = {z[bad].item()!r}"
        )


@dataclass(frozen=True)
class _ElementWise:
    """``forward(z, out=None)`` from a plain ``f(z)`` (a class, not a closure: it pickles)."""

    function: Callable

    def __call__(self, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        z = np.asarray(z)
        a = np.asarray(self.function(z))
        dtype = z.dtype if np.issubdtype(z.dtype, np.floating) else np.float64
        if out is None:
            return a.astype(dtype, copy=False)
        np.copyto(out, a, casting="unsafe")
        return out


@dataclass(frozen=True)
class _ElementWiseDerivative:
    """``backward(z, grad_a) = grad_a ⊙ df(z)``, in place in ``grad_a``."""

    function: Callable

    def __call__(self, z: np.ndarray, grad_a: np.ndarray) -> np.ndarray:
        np.multiply(grad_a, self.function(z), out=grad_a, casting="unsafe")
        return grad_a


#: the built-in derivatives that take a scratch array, and its dtype (None: that of ``a``)
_WORK_DTYPES = {_sigmoid_backward: None, _tanh_backward: None, _relu_backward: np.dtype(np.bool_)}

ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": Activation("sigmoid", sigmoid_fast, _sigmoid_backward),
    "tanh": Activation("tanh", _tanh_forward, _tanh_backward),
    "relu": Activation("relu", _relu_forward, _relu_backward, smooth=False),
    "identity": Activation("identity", _identity_forward, _identity_backward),
}


def get_activation(name: object, argument: str = "activation") -> Activation:
    """The activation of a name (an :class:`Activation` passes through), or raise naming the argument."""
    if isinstance(name, Activation):
        return name
    if not isinstance(name, str):
        raise TypeError(
            f"{argument} must be one of {sorted(ACTIVATIONS)} or an Activation "
            f"(Activation.from_functions(name, f, df)), got {short_repr(name)}"
        )
    try:
        return ACTIVATIONS[name.lower()]
    except KeyError:
        raise ValueError(
            f"{argument} must be one of {sorted(ACTIVATIONS)}, got {short_repr(name)} "
            "(for your own: Activation.from_functions(name, f, df))"
        ) from None


def builtin_name(activation: Activation) -> str:
    """The name under which a model file stores ``activation``; ``ValueError`` for a custom one.

    A data-only model file holds the name of one of :data:`ACTIVATIONS`, never
    code: an activation made by :meth:`Activation.from_functions` (or any
    :class:`Activation` that is not the built-in object of its name) is refused,
    naming it.
    """
    if isinstance(activation, Activation) and activation.builtin:
        return activation.name
    name = activation.name if isinstance(activation, Activation) else activation
    raise ValueError(
        f"cannot save a model with the custom activation {short_repr(name)}: a data-only model file "
        f"holds one of {sorted(ACTIVATIONS)}, not code; pickle the model instead (pickle or joblib, "
        "with f and df importable functions rather than lambdas)"
    )
