r"""Layers and the feed-forward network.

Contract of a layer: ``forward(x)`` returns the output and caches exactly what
``backward`` needs; ``backward(grad_output)`` writes the layer's parameter
gradients (if it has parameters) and returns ``grad_input = ∂L/∂x``.

A :class:`Network` is ``Linear → Activation → … → Linear`` and outputs logits
(the output activation lives in the loss, see :mod:`mlplab.nn.losses`). All of
its parameters live in **one flat float vector** ``params`` and their
gradients in another, ``grads``; each layer's ``weight`` and ``bias`` are
reshaped *views* into them. So an optimiser step is one vectorised expression,
a gradient check perturbs one vector, and saving a model is one array.

Conventions: data are batch-first, ``X`` of shape ``(n_samples, n_features)``;
weights are stored ``(n_out, n_in)`` like the sheet's ``W^{(l)}``, so the
sheet's ``z = W a + b`` for one sample becomes ``Z = A Wᵀ + b`` for a batch.

Dropout (Srivastava et al. 2014, "inverted" form): with ``dropout=p`` each
hidden activation is kept with probability ``1 − p`` and scaled by ``1/(1 − p)``
in training passes (``forward(X, training=True, rng=generator)``), so its
expected value is unchanged and inference needs no rescaling: ``forward(X)`` and
:meth:`Network.predict_logits` never drop anything. See :class:`Dropout`.

Buffers: the layers write their results into arrays they allocate once per
batch shape and reuse (:class:`Buffers`; a full batch and the last, smaller one
each keep theirs), matrix products with ``np.matmul(..., out=)`` and the
activations and their derivatives in place, so a training step allocates almost
nothing. The arithmetic is that of fresh arrays, operation for operation: the
same bits. Each pass hands out new *views* of the buffers, so ``layer.input is
old_input`` tells whether another pass ran since; an array a pass returned
(a hidden layer's output, an input gradient) is valid until the next pass of
that layer with that batch size. The logits from :meth:`Network.forward` and
:meth:`Network.predict_logits` are new arrays every time, and
:meth:`Network.predict_logits` touches no buffer.

Checked and unchecked: :class:`Network`'s constructor, :meth:`Network.initialize`,
:meth:`Network.check_finite`, :meth:`Network.set_dropout_masks` and item
assignment into :attr:`Network.weights` check their input. The passes
(``forward``, ``backward``, ``predict_logits``, ``objective``, ``l2_penalty``,
``add_l2_gradient``, the layers' methods) are the hot path and check nothing:
their arrays come checked from the caller, and ``backward`` needs the
``forward`` of the same batch just before (see the rule in :mod:`mlplab.nn`).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np

from .activations import Activation, get_activation
from .checks import as_real_array, check_dtype, check_layer_sizes, short_repr, short_sizes
from .initializers import get_initializer

__all__ = [
    "MAX_PARAMETER_BYTES",
    "ActivationLayer",
    "Buffers",
    "Dropout",
    "Linear",
    "Network",
    "ParameterViews",
    "check_dropout",
    "check_parameter_memory",
]

#: Largest parameter vector a :class:`Network` allocates, in bytes (n_params × itemsize).
#: 1 GiB is 134 million float64 parameters; the network holds two such vectors
#: (``params`` and ``grads``) and an optimiser up to three more.
MAX_PARAMETER_BYTES = 1 << 30
_FLOAT64, _BOOL = np.dtype(np.float64), np.dtype(np.bool_)


def check_parameter_memory(layer_sizes: Sequence[int], dtype: np.dtype, named: str | None = None) -> int:
    """The parameter count of ``layer_sizes`` (checked sizes), or a ``ValueError`` over the memory cap.

    ``named`` is how the message names the sizes (a face may name its own
    argument, e.g. ``hidden_layer_sizes=(…) with 64 features``); by default ``layer_sizes=[…]``.
    """
    n_params = sum(o * i + o for o, i in zip(layer_sizes[1:], layer_sizes[:-1]))  # Python ints: no overflow
    if n_params * dtype.itemsize > MAX_PARAMETER_BYTES:
        raise ValueError(
            f"{named or f'layer_sizes={short_sizes(layer_sizes)}'} needs {n_params:,} parameters "
            f"({n_params * dtype.itemsize / 2**30:,.1f} GiB of {dtype.name}), more than "
            f"the cap mlplab.nn.network.MAX_PARAMETER_BYTES = {MAX_PARAMETER_BYTES / 2**30:g} GiB"
        )
    return n_params


class ParameterViews(Sequence):
    """The list of a network's weight (or bias) views; assigning an item writes *into* the network.

    ``network.weights[0] = W`` copies ``W`` into the view (after checking its
    shape and that it is finite), so the network sees it; with a plain list it
    would replace the list item and the network would silently keep the old
    weights. Reading, iterating and ``len`` work as for a list.
    """

    def __init__(self, views: list[np.ndarray], name: str):
        self._views, self._name = views, name

    def __len__(self) -> int:
        return len(self._views)

    def __getitem__(self, index):
        return self._views[index]

    def __setitem__(self, index, value) -> None:
        if isinstance(index, slice) or not isinstance(index, int):
            raise TypeError(f"{self._name}[...] = value needs one integer index, got {short_repr(index)}")
        view = self._views[index]
        index = index % len(self._views)
        where = f"{self._name}[{index}]"
        array = as_real_array(value, where, view.dtype)
        if array.shape != view.shape and not (array.size == view.size and view.shape[0] == 1):
            raise ValueError(f"{where} must have shape {view.shape}, got {array.shape}")
        view[...] = array.reshape(view.shape)

    def __repr__(self) -> str:
        shapes = [f"array{view.shape}" for view in self._views]
        if len(shapes) > 6:
            shapes = [*shapes[:3], f"... ({len(shapes)} arrays)", shapes[-1]]
        return f"{self._name}: [" + ", ".join(shapes) + "]"


class Buffers(dict):
    """Arrays allocated once per key and reused, for the last :attr:`KEEP` keys; a dict ``key -> array``.

    A layer looks its array up with ``buffers.get(key)`` (a plain dict
    lookup: the hot path) and makes it with :meth:`new` when there is none,
    or none of the right dtype. The key is the batch's row count (or shape):
    a training run asks for two (the full batch and the last, smaller one),
    so its steps allocate nothing; a third key evicts the oldest. An array
    is uninitialised when made and holds whatever it was last given after
    that. A layer hands out a new view of it (``array[...]``) where it becomes
    a cache that :class:`~mlplab.MLP` tells apart by identity.
    """

    KEEP = 2

    def new(self, key, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
        """A new array of ``shape`` and ``dtype`` under ``key`` (replacing one, or evicting the oldest)."""
        if key not in self and len(self) >= self.KEEP:
            del self[next(iter(self))]
        array = self[key] = np.empty(shape, dtype=dtype)
        return array


class Linear:
    r"""Affine layer ``z = a Wᵀ + b`` (the sheet's ``z^{(l)} = W^{(l)} a^{(l-1)} + b^{(l)}``).

    Backward, with ``δ = ∂L/∂z`` of shape ``(n, n_out)``:

    .. math::

        ∂L/∂W = δᵀ a, \qquad ∂L/∂b = Σ_i δ_i, \qquad ∂L/∂a = δ W

    Parameters
    ----------
    weight, bias : ndarray
        Views of shape ``(n_out, n_in)`` and ``(n_out,)`` into the network's
        parameter vector.
    grad_weight, grad_bias : ndarray
        Views of the same shapes into the gradient vector.
    needs_input_grad : bool
        False for the first layer, whose ``∂L/∂x`` nobody uses (saves a matmul).
    reuse_output : bool
        Write ``z`` into a reused buffer (:class:`Buffers`); False makes a new
        array each pass (the network's output layer: its logits are kept by callers).

    For a 2-D input of the weights' dtype, ``z`` (unless ``reuse_output`` is
    False) and ``∂L/∂a`` are written into the layer's buffers; anything else
    gets new arrays, as NumPy's ``@`` makes them.

    Shape:
        - input: ``(n, n_in)``
        - output: ``(n, n_out)``
    """

    def __init__(self, weight, bias, grad_weight, grad_bias, needs_input_grad=True, reuse_output=True):
        self.weight, self.bias = weight, bias
        self.grad_weight, self.grad_bias = grad_weight, grad_bias
        self.needs_input_grad = needs_input_grad
        self.reuse_output = reuse_output
        self.input: np.ndarray | None = None
        self.output_buffers, self.input_grad_buffers = Buffers(), Buffers()

    @property
    def n_in(self) -> int:
        return self.weight.shape[1]

    @property
    def n_out(self) -> int:
        return self.weight.shape[0]

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.input = x
        weight = self.weight
        if self.reuse_output and x.dtype is weight.dtype and x.ndim == 2:
            rows = x.shape[0]
            out = self.output_buffers.get(rows)
            if out is None or out.dtype is not x.dtype:
                out = self.output_buffers.new(rows, (rows, weight.shape[0]), x.dtype)
            z = np.matmul(x, weight.T, out=out[...])  # a new view: each pass's caches are new objects
        else:
            z = x @ weight.T  # (n, n_out)
        z += self.bias
        return z

    def backward(self, grad_output: np.ndarray) -> np.ndarray | None:
        np.matmul(grad_output.T, self.input, out=self.grad_weight)  # (n_out, n_in)
        np.add.reduce(grad_output, axis=0, out=self.grad_bias)  # (n_out,); the ufunc skips np.sum's wrapper
        if not self.needs_input_grad:
            return None
        weight = self.weight
        if grad_output.dtype is weight.dtype and grad_output.ndim == 2:
            rows = grad_output.shape[0]
            out = self.input_grad_buffers.get(rows)
            if out is None or out.dtype is not weight.dtype:
                out = self.input_grad_buffers.new(rows, (rows, weight.shape[1]), weight.dtype)
            return np.matmul(grad_output, weight, out=out)  # (n, n_in)
        return grad_output @ weight  # (n, n_in)

    def __repr__(self) -> str:
        return f"Linear(n_in={self.n_in}, n_out={self.n_out})"


class ActivationLayer:
    """Element-wise activation ``a = f(z)``; caches ``a`` for ``f'(z)`` (``z`` for a custom one).

    The forward pass of a built-in activation overwrites its input (the
    pre-activation buffer that the preceding :class:`Linear` just made and
    nobody else holds). One whose derivative needs ``z``
    (``activation.uses_input``, as made by
    :meth:`~mlplab.nn.activations.Activation.from_functions`) keeps ``z`` in
    :attr:`input` and writes ``a`` to a new array.
    """

    def __init__(self, activation: Activation):
        self.activation = activation
        self.input: np.ndarray | None = None  # z, kept only when activation.uses_input
        self.output: np.ndarray | None = None
        # a built-in derivative takes a scratch array (Activation.takes_work), reused per shape; only
        # this activation's (one set on the layer later, e.g. a test's broken derivative, gets none)
        self.work_buffers = Buffers()
        self._takes_work = activation if activation.takes_work else None
        self._work_dtype = activation.work_dtype

    def forward(self, z: np.ndarray) -> np.ndarray:
        if self.activation.uses_input:
            self.input = z
            self.output = self.activation.forward(z)
        else:
            self.output = self.activation.forward(z, z)  # in place: out=z
        return self.output

    def backward(self, grad_output: np.ndarray) -> np.ndarray:
        """``∂L/∂z = ∂L/∂a ⊙ f'(z)``, computed in place in ``grad_output``.

        ``grad_output`` is the input gradient the layer above (or the loss)
        made for this pass and nobody else holds, so overwriting it saves an
        array per layer and step. The cache is left as it is (a second
        ``backward`` gives the same result).
        """
        activation = self.activation
        if activation.uses_input:
            return activation.backward(self.input, grad_output)
        output = self.output
        if activation is not self._takes_work:
            return activation.backward(output, grad_output)
        shape, dtype = output.shape, output.dtype if self._work_dtype is None else self._work_dtype
        work = self.work_buffers.get(shape)
        if work is None or work.dtype is not dtype:
            work = self.work_buffers.new(shape, shape, dtype)
        return activation.backward(output, grad_output, work)

    def kink_pattern(self) -> np.ndarray:
        """``z > 0`` of the last forward pass (which side of a kink at 0 each unit is on), boolean."""
        return (self.input if self.activation.uses_input else self.output) > 0

    def __repr__(self) -> str:
        return f"ActivationLayer({self.activation.name!r})"


class Dropout:
    r"""Inverted dropout on one hidden layer: ``ã = a ⊙ m / (1 − p)``, ``m_ij ~ Bernoulli(1 − p)``.

    Each unit of each sample is kept (``m_ij = 1``) with probability ``1 − p``,
    independently, and kept units are scaled by ``1/(1 − p)`` so that
    ``E[ã] = a``; at inference nothing is dropped or scaled. Backward:
    ``∂L/∂a = ∂L/∂ã ⊙ m / (1 − p)``, with the mask of the forward pass.

    Parameters
    ----------
    rate : float
        ``p`` in (0, 1), the probability of dropping a unit (checked by
        :func:`check_dropout`).

    Attributes
    ----------
    keep : ndarray of bool, shape (n, width)
        The mask ``m`` of the last forward pass.
    mask : ndarray, shape (n, width)
        ``m / (1 − p)`` in the network's dtype: what the forward pass multiplied by.

    The draws, the masks and the output live in buffers reused per shape
    (:class:`Buffers`), valid until the next pass of that shape.
    """

    def __init__(self, rate: float):
        self.rate = rate
        self.scale = 1.0 / (1.0 - rate)
        self.keep: np.ndarray | None = None
        self.mask: np.ndarray | None = None
        self.buffers = {name: Buffers() for name in ("uniform", "keep", "mask", "output")}

    def _buffer(self, name: str, shape: tuple[int, int], dtype: np.dtype) -> np.ndarray:
        buffers = self.buffers[name]
        array = buffers.get(shape)
        return array if array is not None and array.dtype == dtype else buffers.new(shape, shape, dtype)

    def draw(self, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
        """A keep mask of ``shape``: ``u ≥ p`` for ``u ~ U[0, 1)`` from ``rng.random(shape)`` (float64)."""
        uniform = rng.random(out=self._buffer("uniform", shape, _FLOAT64))  # rng.random(shape)'s draws
        return np.greater_equal(uniform, self.rate, out=self._buffer("keep", shape, _BOOL))  # P = 1 − p

    def forward(self, a: np.ndarray, keep: np.ndarray) -> np.ndarray:
        """``a ⊙ keep / (1 − p)`` (``a`` is the activation layer's cache and stays as it is)."""
        self.keep = keep
        mask = self._buffer("mask", a.shape, a.dtype)
        self.mask = np.multiply(keep, a.dtype.type(self.scale), out=mask)  # (n, width): 1/(1 − p) or 0
        return np.multiply(a, mask, out=self._buffer("output", a.shape, a.dtype)[...])  # a new view

    def backward(self, grad_output: np.ndarray) -> np.ndarray:
        """``∂L/∂a = ∂L/∂ã ⊙ m / (1 − p)``, in place in ``grad_output`` (made for this pass)."""
        grad_output *= self.mask
        return grad_output

    def __repr__(self) -> str:
        return f"Dropout(rate={self.rate!r})"


def check_dropout(dropout: object, n_hidden: int, name: str = "dropout") -> tuple[float, ...] | None:
    """``None``, or one rate in [0, 1) per hidden layer, from ``None``, a rate or a sequence of rates.

    A single rate applies to every hidden layer; a sequence needs exactly
    ``n_hidden`` rates. ``TypeError``/``ValueError`` naming ``name`` (and the
    index) otherwise.
    """
    if dropout is None:
        return None
    if isinstance(dropout, np.ndarray) and dropout.ndim == 0:
        dropout = dropout.item()
    if isinstance(dropout, (str, bytes)) or not (isinstance(dropout, (numbers.Real, Sequence, np.ndarray))):
        raise TypeError(
            f"{name} must be None, a rate in [0, 1) or a sequence of one rate per hidden layer, "
            f"got {short_repr(dropout)}"
        )
    if isinstance(dropout, numbers.Real):
        return (_check_rate(dropout, name),) * n_hidden
    rates = list(dropout)
    if len(rates) != n_hidden:
        raise ValueError(
            f"{name} must hold one rate per hidden layer ({n_hidden}), "
            f"got {len(rates)}: {short_repr(dropout)}"
        )
    return tuple(_check_rate(rate, f"{name}[{index}]") for index, rate in enumerate(rates))


def _check_rate(rate: object, name: str) -> float:
    if isinstance(rate, (bool, np.bool_)) or not isinstance(rate, numbers.Real):
        raise TypeError(f"{name} must be a rate in [0, 1), got {short_repr(rate)}")
    value = float(rate)
    if not (math.isfinite(value) and 0.0 <= value < 1.0):
        raise ValueError(f"{name} must be a rate in [0, 1) (the share of units dropped), got {rate!r}")
    return value


class Network:
    r"""A multi-layer perceptron that outputs logits, with flat parameters.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``[n_input, hidden_1, ..., n_output]``, at least two entries.
    activation : {'sigmoid', 'tanh', 'relu', 'identity'} or Activation
        Activation of every hidden layer; your own from
        :meth:`Activation.from_functions <mlplab.nn.activations.Activation.from_functions>`.
        The output layer is linear.
    dtype : numpy dtype
        ``float64`` (default) or ``float32``.
    dropout : None, float or sequence of float
        Dropout rate ``p`` in [0, 1) of every hidden layer, or one per hidden
        layer (see :class:`Dropout`); used only by training passes,
        ``forward(X, training=True, rng=…)``. ``None`` (or rates of 0): no
        dropout, bit for bit.

    Attributes
    ----------
    params, grads : ndarray of shape (n_params,)
        All parameters and their gradients, layer by layer ``W1, b1, W2, b2, …``.
    weights, biases : ParameterViews (a read-only list of ndarray views)
        Views into ``params``: ``weights[l]`` has shape ``(n_out, n_in)``,
        ``biases[l]`` shape ``(n_out,)``. Writing into them changes the network;
        so does ``weights[l] = W``, which copies ``W`` into the view.
    weight_grads, bias_grads : list of ndarray
        The matching views into ``grads``.
    dropout : tuple of float or None
        The checked rates, one per hidden layer (``None`` without dropout).
    dropout_layers : list of Dropout or None
        One per hidden layer, ``None`` where its rate is 0.
    """

    def __init__(
        self,
        layer_sizes: Sequence[int],
        activation: str | Activation = "sigmoid",
        *,
        dtype=np.float64,
        dropout: float | Sequence[float] | None = None,
    ):
        self.layer_sizes = check_layer_sizes(layer_sizes)
        self.activation = get_activation(activation)
        self.dtype = check_dtype(dtype)
        self.dropout = check_dropout(dropout, len(self.layer_sizes) - 2)
        self.dropout_layers = [Dropout(p) if p > 0 else None for p in self.dropout or ()]
        self._drops = any(layer is not None for layer in self.dropout_layers)
        self._fixed_masks: list[np.ndarray | None] | None = None
        self._dropped = False  # whether the last forward pass dropped units (backward must follow)
        self._l2_scratch: np.ndarray | None = None  # for add_l2_gradient
        shapes = list(zip(self.layer_sizes[1:], self.layer_sizes[:-1]))  # (n_out, n_in)
        self.n_params = check_parameter_memory(self.layer_sizes, self.dtype)  # before any allocation
        self.params = np.zeros(self.n_params, dtype=self.dtype)
        self.grads = np.zeros(self.n_params, dtype=self.dtype)
        self.weights, self.biases, self.weight_grads, self.bias_grads = [], [], [], []
        self.layers: list[Linear | ActivationLayer] = []
        self.weight_mask = np.zeros(self.n_params, dtype=bool)  # True where params are weights
        offset = 0
        for index, (n_out, n_in) in enumerate(shapes):
            w_slice = slice(offset, offset + n_out * n_in)
            b_slice = slice(w_slice.stop, w_slice.stop + n_out)
            offset = b_slice.stop
            self.weight_mask[w_slice] = True
            w, b = self.params[w_slice].reshape(n_out, n_in), self.params[b_slice]
            gw, gb = self.grads[w_slice].reshape(n_out, n_in), self.grads[b_slice]
            self.weights.append(w)
            self.biases.append(b)
            self.weight_grads.append(gw)
            self.bias_grads.append(gb)
            last = index == len(shapes) - 1  # its logits are a new array each pass
            self.layers.append(Linear(w, b, gw, gb, needs_input_grad=index > 0, reuse_output=not last))
            if index < len(shapes) - 1:
                self.layers.append(ActivationLayer(self.activation))
        self.weights = ParameterViews(self.weights, "weights")
        self.biases = ParameterViews(self.biases, "biases")

    # ------------------------------------------------------------------ shape
    @property
    def n_inputs(self) -> int:
        return self.layer_sizes[0]

    @property
    def n_outputs(self) -> int:
        return self.layer_sizes[-1]

    @property
    def linear_layers(self) -> list[Linear]:
        return [layer for layer in self.layers if isinstance(layer, Linear)]

    def parameter_names(self) -> list[str]:
        """``['W1', 'b1', 'W2', 'b2', ...]``, numbered like the sheet."""
        return [f"{kind}{i + 1}" for i in range(len(self.weights)) for kind in ("W", "b")]

    def parameter_views(self) -> list[np.ndarray]:
        """The views named by :meth:`parameter_names`, in the same order."""
        return [view for pair in zip(self.weights, self.biases) for view in pair]

    def gradient_views(self) -> list[np.ndarray]:
        return [view for pair in zip(self.weight_grads, self.bias_grads) for view in pair]

    # ------------------------------------------------------------------- init
    def initialize(self, rng: np.random.Generator, init: object = None) -> None:
        """Draw every weight from ``init`` (default by activation) and zero the biases.

        ``init(weight, rng)`` must fill ``weight`` in place with finite numbers:
        the buffer starts as NaN, so one that fills nothing (or returns an array
        instead) or fills NaN or ±inf is a ``ValueError`` naming ``init`` and
        the layer. Nothing is changed then.
        """
        initializer = get_initializer(init, self.activation.name)
        drawn = []
        for index, weight in enumerate(self.weights):
            buffer = np.full(weight.shape, np.nan)  # drawn in float64, same bits for any dtype
            returned = initializer(buffer, rng)
            finite = np.isfinite(buffer)
            if not finite.all():
                bad = tuple(int(i) for i in np.argwhere(~finite)[0])
                hint = (
                    "; it returned an array instead: write into it, weight[...] = values"
                    if isinstance(returned, np.ndarray)
                    else ""
                )
                raise ValueError(
                    f"init={short_repr(init)} must fill weights[{index}] (shape {weight.shape}) in place "
                    f"with finite numbers, left {buffer[bad].item()!r} at index {bad}{hint}"
                )
            if self.dtype != np.float64 and np.abs(buffer).max() > np.finfo(self.dtype).max:
                raise ValueError(f"init={short_repr(init)} drew values too large for {self.dtype.name}")
            drawn.append(buffer)
        for weight, bias, buffer in zip(self.weights, self.biases, drawn):
            weight[...] = buffer
            bias[...] = 0.0

    def check_finite(self) -> None:
        """Raise ``ValueError`` naming the array (``weights[l]``/``biases[l]``) if a parameter is NaN or ±inf.

        Cheap (one pass over :attr:`params`); the faces call it before they
        predict or train, so a NaN written through a view is not silently used.
        """
        if np.isfinite(self.params).all():
            return
        for names, views in (("weights", self.weights), ("biases", self.biases)):
            for index, view in enumerate(views):
                finite = np.isfinite(view)
                if not finite.all():
                    bad = tuple(int(i) for i in np.argwhere(~finite)[0])
                    raise ValueError(
                        f"the model's {names}[{index}] holds {view[bad].item()!r} at index {bad}: "
                        "its parameters must be finite (set new ones, or initialise again)"
                    )

    # ---------------------------------------------------------------- dropout
    def set_dropout_masks(self, masks: Sequence[np.ndarray | None] | None) -> None:
        """Fix the keep masks of training passes (for gradient checks), or clear them with ``None``.

        Parameters
        ----------
        masks : sequence of (ndarray or None), or None
            One entry per hidden layer: a keep mask of shape
            ``(n_samples, width)``, boolean or 0/1 (1 keeps the unit, which
            is then scaled by ``1/(1 − p)``), or ``None`` for a layer whose
            rate is 0. All masks have the same ``n_samples``, that of the
            batches the training passes will get.

        While masks are fixed, ``forward(X, training=True)`` uses them
        (``rng`` is not needed and not used) and ``X`` must have their number
        of rows. ``forward(X)`` and :meth:`predict_logits` still drop nothing.
        The masks are copied; they are not pickled.
        """
        if masks is None:
            self._fixed_masks = None
            return
        if not self._drops:
            raise ValueError(f"masks: this network has no dropout (dropout={self.dropout!r})")
        if isinstance(masks, (np.ndarray, str, bytes)) or not isinstance(masks, Sequence):
            raise TypeError(
                f"masks must be a sequence of one mask (or None) per hidden layer, got {short_repr(masks)}"
            )
        widths = self.layer_sizes[1:-1]
        if len(masks) != len(widths):
            raise ValueError(f"masks must hold one entry per hidden layer ({len(widths)}), got {len(masks)}")
        fixed, rows = [], None
        for index, (mask, layer, width) in enumerate(zip(masks, self.dropout_layers, widths)):
            where = f"masks[{index}]"
            if layer is None:
                if mask is not None:
                    raise ValueError(f"{where} must be None: hidden layer {index} has dropout rate 0")
                fixed.append(None)
                continue
            if mask is None:
                raise ValueError(
                    f"{where} must be a mask: hidden layer {index} has dropout rate {layer.rate!r}"
                )
            array = np.asarray(mask)
            if array.ndim != 2 or array.shape[1] != width or array.shape[0] == 0:
                raise ValueError(f"{where} must have shape (n_samples, {width}), got {array.shape}")
            if array.dtype != np.bool_:
                if not np.issubdtype(array.dtype, np.number) or not np.isin(array, (0, 1)).all():
                    raise ValueError(f"{where} must be boolean or hold only 0 and 1")
                array = array != 0
            if rows is not None and array.shape[0] != rows:
                raise ValueError(f"{where} has {array.shape[0]} rows, the masks before it {rows}")
            rows = array.shape[0]
            fixed.append(array.copy())
        self._fixed_masks = fixed

    @property
    def dropout_masks(self) -> list[np.ndarray | None] | None:
        """The masks fixed by :meth:`set_dropout_masks` (copies), or ``None``."""
        if self._fixed_masks is None:
            return None
        return [None if mask is None else mask.copy() for mask in self._fixed_masks]

    # ---------------------------------------------------------------- passes
    def forward(
        self, X: np.ndarray, training: bool = False, rng: np.random.Generator | None = None
    ) -> np.ndarray:
        """Logits of shape ``(n, n_outputs)``; caches what :meth:`backward` needs.

        Parameters
        ----------
        X : ndarray of shape (n, n_inputs)
        training : bool
            A training pass: with dropout, each hidden layer with a rate
            ``p > 0`` keeps each unit with probability ``1 − p`` and scales it by
            ``1/(1 − p)``; :meth:`backward` then uses the same masks. Without
            dropout it changes nothing (and draws nothing).
        rng : numpy.random.Generator
            Where a training pass with dropout draws fresh masks (one
            ``rng.random((n, width))`` per hidden layer with ``p > 0``, input
            side first); not needed while masks are fixed
            (:meth:`set_dropout_masks`), which take precedence.
        """
        if not (training and self._drops):
            self._dropped = False
            out = X
            for layer in self.layers:
                out = layer.forward(out)
            return out
        fixed = self._fixed_masks
        if fixed is None and rng is None:
            raise ValueError(
                "forward(X, training=True) with dropout needs rng= (a numpy.random.Generator) "
                "or masks fixed by set_dropout_masks"
            )
        if fixed is not None:
            rows = next(mask.shape[0] for mask in fixed if mask is not None)
            if X.shape[0] != rows:
                raise ValueError(f"X has {X.shape[0]} rows, the fixed dropout masks {rows}")
        out, hidden = X, 0
        for layer in self.layers:
            out = layer.forward(out)
            if isinstance(layer, ActivationLayer):
                dropout = self.dropout_layers[hidden]
                if dropout is not None:
                    keep = dropout.draw(out.shape, rng) if fixed is None else fixed[hidden]
                    out = dropout.forward(out, keep)  # (n, width), its own buffer: the layer keeps its cache
                hidden += 1
        self._dropped = True
        return out

    def backward(self, grad_logits: np.ndarray) -> None:
        """Write ``∂L/∂θ`` into :attr:`grads` from ``∂L/∂z_out`` (after :meth:`forward`).

        After a training pass with dropout, the gradient flows through the
        same masks (dropped units get none).
        """
        grad = grad_logits
        if not self._dropped:
            for layer in reversed(self.layers):
                grad = layer.backward(grad)
            return
        hidden = len(self.dropout_layers)
        for layer in reversed(self.layers):
            if isinstance(layer, ActivationLayer):
                hidden -= 1
                dropout = self.dropout_layers[hidden]
                if dropout is not None:
                    grad = dropout.backward(grad)
            grad = layer.backward(grad)

    def predict_logits(self, X: np.ndarray) -> np.ndarray:
        """Logits without touching the cache used for training (no side effects)."""
        out = X
        for layer in self.layers:
            if isinstance(layer, Linear):
                out = out @ layer.weight.T  # (n, n_out)
                out += layer.bias
            else:
                out = layer.activation.forward(out, out=out)
        return out

    # ----------------------------------------------------------- regulariser
    def l2_penalty(self) -> float:
        r"""``Σ_l ‖W^{(l)}‖²`` over weights only (the sheet's eq. 11 without λ)."""
        return float(sum(np.vdot(w, w) for w in self.weights))

    def add_l2_gradient(self, l2: float) -> None:
        r"""Add ``∂(λ Σ‖W‖²)/∂W = 2λW`` to the weight gradients (biases untouched)."""
        factor = 2.0 * l2
        scratch = self._l2_scratch
        if scratch is None:  # one weight matrix's worth, allocated once
            scratch = self._l2_scratch = np.empty(max(w.size for w in self.weights), dtype=self.dtype)
        for w, gw in zip(self.weights, self.weight_grads):
            gw += np.multiply(w, factor, out=scratch[: w.size].reshape(w.shape))  # (2λ)·W

    def objective(
        self,
        X: np.ndarray,
        targets: np.ndarray,
        loss,
        l2: float = 0.0,
        *,
        training: bool = False,
        rng: np.random.Generator | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> tuple[float, np.ndarray]:
        r"""Forward and backward pass: ``L_reg = L + λ Σ‖W‖²`` and its gradient.

        Returns the loss value and the logits; the gradient is left in
        :attr:`grads`. ``training`` and ``rng`` go to :meth:`forward`
        (dropout); ``sample_weight`` of shape ``(n,)``, if given, to the loss.
        """
        logits = self.forward(X, training, rng)
        if sample_weight is None:
            value, grad_logits = loss.value_and_gradient(logits, targets)
        else:
            value, grad_logits = loss.value_and_gradient(logits, targets, sample_weight=sample_weight)
        self.backward(grad_logits)
        if l2:
            value += l2 * self.l2_penalty()
            self.add_l2_gradient(l2)
        return value, logits

    # ---------------------------------------------------------------- pickle
    def __getstate__(self) -> dict:
        """Pickle the settings and the flat vectors only; the views are rebuilt on load.

        A plain pickle would copy each view separately, so the layers would stop
        sharing memory with ``params`` and training would silently update a
        vector that the forward pass no longer reads.
        """
        state = {
            "layer_sizes": self.layer_sizes,
            # a custom activation is pickled whole (its f and df by reference, as pickle does functions)
            "activation": self.activation.name if self.activation.builtin else self.activation,
            "dtype": self.dtype.name,
            "params": self.params,
            "grads": self.grads,
        }
        if self.dropout is not None:
            state["dropout"] = self.dropout
        return state

    def __setstate__(self, state: dict) -> None:
        self.__init__(
            state["layer_sizes"], state["activation"], dtype=state["dtype"], dropout=state.get("dropout")
        )
        self.params[...] = state["params"]
        self.grads[...] = state["grads"]

    def __repr__(self) -> str:
        dropout = "" if self.dropout is None else f", dropout={self.dropout!r}"
        return (
            f"Network({short_sizes(self.layer_sizes)}, activation={self.activation.name!r}, "
            f"dtype={self.dtype.name}{dropout})"
        )
