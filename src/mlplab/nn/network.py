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

Checked and unchecked: :class:`Network`'s constructor, :meth:`Network.initialize`,
:meth:`Network.check_finite` and item assignment into :attr:`Network.weights`
check their input. The passes (``forward``, ``backward``, ``predict_logits``,
``objective``, ``l2_penalty``, ``add_l2_gradient``, the layers' methods) are the
hot path and check nothing: their arrays come checked from the caller, and
``backward`` needs the ``forward`` of the same batch just before (see the rule
in :mod:`mlplab.nn`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .activations import Activation, get_activation
from .checks import as_real_array, check_dtype, check_layer_sizes, short_repr, short_sizes
from .initializers import get_initializer

__all__ = [
    "MAX_PARAMETER_BYTES",
    "ActivationLayer",
    "Linear",
    "Network",
    "ParameterViews",
    "check_parameter_memory",
]

#: Largest parameter vector a :class:`Network` allocates, in bytes (n_params × itemsize).
#: 1 GiB is 134 million float64 parameters; the network holds two such vectors
#: (``params`` and ``grads``) and an optimiser up to three more.
MAX_PARAMETER_BYTES = 1 << 30


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

    Shape:
        - input: ``(n, n_in)``
        - output: ``(n, n_out)``
    """

    def __init__(self, weight, bias, grad_weight, grad_bias, needs_input_grad=True):
        self.weight, self.bias = weight, bias
        self.grad_weight, self.grad_bias = grad_weight, grad_bias
        self.needs_input_grad = needs_input_grad
        self.input: np.ndarray | None = None

    @property
    def n_in(self) -> int:
        return self.weight.shape[1]

    @property
    def n_out(self) -> int:
        return self.weight.shape[0]

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.input = x
        z = x @ self.weight.T  # (n, n_out)
        z += self.bias
        return z

    def backward(self, grad_output: np.ndarray) -> np.ndarray | None:
        np.matmul(grad_output.T, self.input, out=self.grad_weight)  # (n_out, n_in)
        np.add.reduce(grad_output, axis=0, out=self.grad_bias)  # (n_out,); the ufunc skips np.sum's wrapper
        if not self.needs_input_grad:
            return None
        return grad_output @ self.weight  # (n, n_in)

    def __repr__(self) -> str:
        return f"Linear(n_in={self.n_in}, n_out={self.n_out})"


class ActivationLayer:
    """Element-wise activation ``a = f(z)``; caches ``a`` for ``f'(z)``.

    The forward pass overwrites its input (the pre-activation buffer that the
    preceding :class:`Linear` just made and nobody else holds).
    """

    def __init__(self, activation: Activation):
        self.activation = activation
        self.output: np.ndarray | None = None

    def forward(self, z: np.ndarray) -> np.ndarray:
        self.output = self.activation.forward(z, out=z)
        return self.output

    def backward(self, grad_output: np.ndarray) -> np.ndarray:
        """``∂L/∂z = ∂L/∂a ⊙ f'(z)``, computed in place in ``grad_output``.

        ``grad_output`` is always a fresh array made by the layer above (or the
        loss), so overwriting it saves an allocation per layer and step.
        """
        return self.activation.backward(self.output, grad_output)

    def __repr__(self) -> str:
        return f"ActivationLayer({self.activation.name!r})"


class Network:
    r"""A multi-layer perceptron that outputs logits, with flat parameters.

    Parameters
    ----------
    layer_sizes : sequence of int
        ``[n_input, hidden_1, ..., n_output]``, at least two entries.
    activation : {'sigmoid', 'tanh', 'relu', 'identity'}
        Activation of every hidden layer. The output layer is linear.
    dtype : numpy dtype
        ``float64`` (default) or ``float32``.

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
    """

    def __init__(self, layer_sizes: Sequence[int], activation: str = "sigmoid", *, dtype=np.float64):
        self.layer_sizes = check_layer_sizes(layer_sizes)
        self.activation = get_activation(activation)
        self.dtype = check_dtype(dtype)
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
            self.layers.append(Linear(w, b, gw, gb, needs_input_grad=index > 0))
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

    # ---------------------------------------------------------------- passes
    def forward(self, X: np.ndarray) -> np.ndarray:
        """Logits of shape ``(n, n_outputs)``; caches what :meth:`backward` needs."""
        out = X
        for layer in self.layers:
            out = layer.forward(out)
        return out

    def backward(self, grad_logits: np.ndarray) -> None:
        """Write ``∂L/∂θ`` into :attr:`grads` from ``∂L/∂z_out`` (after :meth:`forward`)."""
        grad = grad_logits
        for layer in reversed(self.layers):
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
        for w, gw in zip(self.weights, self.weight_grads):
            gw += (2.0 * l2) * w

    def objective(
        self, X: np.ndarray, targets: np.ndarray, loss, l2: float = 0.0
    ) -> tuple[float, np.ndarray]:
        r"""Forward and backward pass: ``L_reg = L + λ Σ‖W‖²`` and its gradient.

        Returns the loss value and the logits; the gradient is left in
        :attr:`grads`.
        """
        logits = self.forward(X)
        value, grad_logits = loss.value_and_gradient(logits, targets)
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
        return {
            "layer_sizes": self.layer_sizes,
            "activation": self.activation.name,
            "dtype": self.dtype.name,
            "params": self.params,
            "grads": self.grads,
        }

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["layer_sizes"], state["activation"], dtype=state["dtype"])
        self.params[...] = state["params"]
        self.grads[...] = state["grads"]

    def __repr__(self) -> str:
        return (
            f"Network({short_sizes(self.layer_sizes)}, activation={self.activation.name!r}, "
            f"dtype={self.dtype.name})"
        )
