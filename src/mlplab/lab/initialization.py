"""Task 3.1 (b): Xavier and He initialisation, and why the weights must be random.

The variance argument. For ``z_j = Σ_i w_ji a_i`` with independent, zero-mean
weights, independent of the inputs ``a_i`` of the layer,

    Var(z) = E[z²] = fan_in · Var(w) · E[a²].

For ReLU, ``E[a²] = Var(z)/2`` (half of a symmetric ``z`` is cut off), so He's
``Var(w) = 2/fan_in`` keeps ``Var(z)`` the same in every layer. For tanh,
``tanh(z) ≈ z`` near 0 gives ``E[a²] ≈ Var(z)``, and Xavier's
``Var(w) = 2/(fan_in + fan_out)`` (``= 1/fan_in`` for equal widths) keeps it
constant to first order; the exact ``E[tanh(z)²] < Var(z)`` makes it shrink
slowly (about like 1/l: from 1 to 0.06 over 10 layers of width 256).
Weights that are too small shrink the signal by ``fan_in Var(w) E[a²]/Var(z)``
per layer, too large ones blow it up (ReLU) or saturate every unit (tanh);
zeros give ``z = 0`` everywhere.

What the command does:

1. **Variance per layer.** A deep network (by default 10 layers of width 256)
   on standard normal inputs, for tanh and relu and five initialisations:
   Xavier (normal), He (normal), zeros, too small ``N(0, 0.01²)`` and too
   large ``N(0, 1²)``. Measured: ``E[z²]`` of each layer's pre-activations,
   averaged over units, samples and a few independent weight draws (the
   variance over weights and inputs, since ``E[z] = 0``; a single network
   fluctuates around it, more so with depth). Predicted: the recursion
   above with ``E[x²] = 1`` and ``E[f(z)²]`` for ``z ~ N(0, Var(z))``
   computed by quadrature (exactly ``Var(z)/2`` for ReLU).
2. **Training.** The same five initialisations on the sheet's spirals (scaled
   by 1/(4π)) with ``[2, 32, 32, 32, 32, 1]`` and mini-batch SGD, several
   seeds; a run that diverges is recorded as such. Before the first step each
   run records its starting point on the training data: ``E[z²]`` of every
   layer, the gradient norm ``‖∂L/∂W^(l)‖`` of every layer, and how far each
   hidden layer is from linear, ``‖f(z) − z‖/‖z‖`` (small for tanh at small
   ``z``, about 0.7 for ReLU at any scale).
4. **Sigmoid.** Xavier is derived for units with ``f(0) = 0`` and ``f'(0) = 1``;
   the sigmoid has ``σ(0) = ½`` and ``σ'(0) = ¼``. In its linear regime
   ``σ(z) ≈ ½ + z/4`` the back-propagated variance is multiplied by
   ``fan_out Var(w) σ'(0)² = fan_out Var(w)/16`` per layer, so keeping it needs
   16 times Xavier's variance (4 times its standard deviation). The variance
   network with sigmoid units, Xavier and 16 × Xavier: ``E[z²]`` forwards and
   ``E[δ²]`` backwards from a standard normal ``δ`` at the last layer, measured
   and predicted (the recursions with ``E[σ(z)²]`` and ``E[σ'(z)²]`` by
   quadrature), and the mean output of the units.
3. **Symmetry.** ``[2, 16, 16, 1]`` with ReLU and Adam on the same spirals,
   every weight set to one constant (0.5) and the biases to 0: all hidden
   units of a layer compute the same function, receive the same gradient and
   stay identical throughout training (Adam's update is element-wise, so it
   keeps them equal too), and each layer acts like a single unit. Recorded:
   the largest spread across the units of each layer's incoming weights
   (rows of ``W^(l)`` with ``b^(l)``) and outgoing weights (columns of
   ``W^(l+1)``), against a random (He) initialisation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..mlp import MLP, train_many
from ..nn.activations import get_activation
from ..nn.initializers import default_initializer
from ..nn.network import Linear, Network
from ..nn.training import DivergenceError
from ._common import Context
from ._data import scaled_spirals
from ._init_figures import plot_sigmoid, plot_symmetry, plot_training, plot_variance
from ._options import float_range, option, positive_float, positive_int

NAME = "init"
HELP = "task 3.1 (b): Xavier/He/zeros/small/large init: variance per layer, training, symmetry"

#: output files (figure stems: a .png and a .svg each); the report imports these names
FIG_VARIANCE = "init_variance"
FIG_TRAINING = "init_training"
FIG_SYMMETRY = "init_symmetry"

FIG_SIGMOID = "init_sigmoid"

ACTIVATIONS = ("tanh", "relu")

#: the sigmoid study's schemes: name -> factor on Xavier's variance 2/(fan_in + fan_out)
SIGMOID_SCHEMES = {"xavier": 1.0, "xavier16": 16.0}
#: σ'(0)²: the linear-regime factor of the back-propagated variance per unit of fan_out·Var(w)
SIGMOID_SLOPE_SQUARED = 1.0 / 16.0


@dataclass(frozen=True)
class NormalInit:
    """Initialiser ``w ~ N(0, std²)`` for every weight (``MLP(init=NormalInit(0.01))``)."""

    std: float

    def __call__(self, weight: np.ndarray, rng: np.random.Generator) -> None:
        weight[...] = rng.normal(0.0, self.std, size=weight.shape)


@dataclass(frozen=True)
class ConstantInit:
    """Initialiser that sets every weight to ``value`` (draws nothing)."""

    value: float

    def __call__(self, weight: np.ndarray, rng: np.random.Generator) -> None:
        weight[...] = self.value


@dataclass(frozen=True)
class Scheme:
    """An initialisation under test: its names, initialiser and ``Var(w)(fan_in, fan_out)``."""

    short: str
    label: str
    init: str | Callable
    variance: Callable[[int, int], float]
    color: str


SCHEMES: dict[str, Scheme] = {
    "xavier": Scheme(
        short="Xavier",
        label="Xavier N(0, 2/(fan_in+fan_out))",
        init="xavier_normal",
        variance=lambda fan_in, fan_out: 2.0 / (fan_in + fan_out),
        color="#1b7837",
    ),
    "he": Scheme(
        short="He",
        label="He N(0, 2/fan_in)",
        init="he_normal",
        variance=lambda fan_in, fan_out: 2.0 / fan_in,
        color="#2166ac",
    ),
    "zeros": Scheme(
        short="zeros",
        label="zeros",
        init="zeros",
        variance=lambda fan_in, fan_out: 0.0,
        color="0.45",
    ),
    "small": Scheme(
        short="too small",
        label="too small N(0, 0.01²)",
        init=NormalInit(0.01),
        variance=lambda fan_in, fan_out: 0.01**2,
        color="#e08214",
    ),
    "large": Scheme(
        short="too large",
        label="too large N(0, 1)",
        init=NormalInit(1.0),
        variance=lambda fan_in, fan_out: 1.0,
        color="#b2182b",
    ),
}

_U = np.linspace(-12.0, 12.0, 24001)  # standard normal quadrature grid
_U_WEIGHTS = np.exp(-0.5 * _U**2) / np.sqrt(2.0 * np.pi) * (_U[1] - _U[0])


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab init``."""

    depth: int = option(10, parse=positive_int, help="layers of the variance network")
    width: int = option(256, parse=positive_int, help="width of the variance network")
    samples: int = option(
        1000, quick=200, parse=positive_int, help="standard normal inputs for the variance measurement"
    )
    networks: int = option(
        5, quick=2, parse=positive_int, help="weight draws averaged in the variance measurement"
    )
    epochs: int = option(1000, quick=100, parse=positive_int, help="training epochs (spirals and symmetry)")
    seeds: int = option(
        3, quick=1, parse=positive_int, help="training runs per initialisation and activation"
    )
    learning_rate: float = option(0.1, parse=positive_float, help="SGD step size α of the spirals runs")
    constant: float = option(
        0.5, parse=float_range(), help="the one value of every weight in the symmetry run"
    )


# ------------------------------------------------------------ 1. variance
def expected_square(activation: str, variance: float) -> float:
    """``E[f(z)²]`` for ``z ~ N(0, variance)``: ``variance/2`` for ReLU, else by quadrature."""
    if variance == 0.0:
        return 0.0
    if activation == "relu":
        return variance / 2.0
    values = get_activation(activation).forward(np.sqrt(variance) * _U)
    return float(np.sum(_U_WEIGHTS * values**2))


def predicted_variances(activation: str, scheme: Scheme, width: int, depth: int) -> np.ndarray:
    """``Var(z_l)`` for l = 1..depth by ``Var(z) = fan_in Var(w) E[a²]``, with ``E[x²] = 1``."""
    variances = []
    second_moment = 1.0  # E[x²] of standard normal inputs
    for _ in range(depth):
        variance = width * scheme.variance(width, width) * second_moment
        variances.append(variance)
        second_moment = expected_square(activation, variance)
    return np.array(variances)


def expected_square_slope(activation: str, variance: float) -> float:
    """``E[f'(z)²]`` for ``z ~ N(0, variance)``, by quadrature (``f'(0)²`` at variance 0)."""
    act = get_activation(activation)
    if variance == 0.0:
        return float(act.derivative(np.zeros(1))[0] ** 2)
    return float(np.sum(_U_WEIGHTS * act.derivative(np.sqrt(variance) * _U) ** 2))


def predicted_backward(
    activation: str, weight_variance: float, width: int, forward: np.ndarray
) -> np.ndarray:
    """``E[δ_l²]`` for l = 1..D relative to the last layer's (= 1), from the forward ``Var(z_l)``.

    ``δ^(l) = (W^(l+1)ᵀ δ^(l+1)) ⊙ f'(z^(l))``, so with weights independent of
    the rest ``E[δ_l²] = fan_out · Var(w) · E[f'(z_l)²] · E[δ_(l+1)²]``.
    """
    out = [1.0]
    for variance in forward[-2::-1]:  # z of layers D-1 .. 1
        out.append(width * weight_variance * expected_square_slope(activation, variance) * out[-1])
    return np.array(out[::-1])


def measured_backward(network: Network, grad_logits: np.ndarray) -> np.ndarray:
    """``E[δ_l²]`` over units and samples for l = 1..D after :meth:`Network.forward`."""
    grad, moments = grad_logits.copy(), []
    for layer in reversed(network.layers):
        if isinstance(layer, Linear):
            moments.append(np.vdot(grad, grad) / grad.size)
        grad = layer.backward(grad)
        if grad is None:
            break
    return np.array(moments[::-1])


def measured_variances(network: Network, X: np.ndarray) -> np.ndarray:
    """``E[z_l²]`` over units and samples of every layer's pre-activations, l = 1..L."""
    out, moments = X, []
    for layer in network.layers:
        out = layer.forward(out)  # an activation layer overwrites z in place: measure first
        if isinstance(layer, Linear):
            moments.append(np.vdot(out, out) / out.size)
    return np.array(moments)


def _variance_study(ctx: Context, width: int, depth: int, n_samples: int, n_networks: int) -> dict:
    """Measured (mean over ``n_networks`` weight draws) and predicted ``Var(z_l)``."""
    X = np.random.default_rng(ctx.seed_for(0)).standard_normal((n_samples, width))  # (n, width)
    study = {}
    for activation in ACTIVATIONS:
        study[activation] = {}
        for index, (name, scheme) in enumerate(SCHEMES.items()):
            network = Network([width] * (depth + 1), activation)
            per_network = []
            for draw in range(n_networks):
                network.initialize(np.random.default_rng(ctx.seed_for(1, index, draw)), scheme.init)
                per_network.append(measured_variances(network, X))
            per_network = np.array(per_network)  # (n_networks, depth)
            measured = per_network.mean(axis=0)
            predicted = predicted_variances(activation, scheme, width, depth)
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(predicted > 0, measured / predicted, np.nan)
            study[activation][name] = {
                "measured": measured,
                "measured_min": per_network.min(axis=0),
                "measured_max": per_network.max(axis=0),
                "predicted": predicted,
                "measured_over_predicted": ratio,
                "max_abs_log10_ratio": (
                    float(np.max(np.abs(np.log10(ratio)))) if np.all(predicted > 0) else None
                ),
            }
    return study


def _sigmoid_study(ctx: Context, width: int, depth: int, n_samples: int, n_networks: int) -> dict:
    """Sigmoid units with Xavier and 16 × Xavier: forward ``E[z²]``, backward ``E[δ²]``, mean outputs."""
    X = np.random.default_rng(ctx.seed_for(0)).standard_normal((n_samples, width))  # (n, width)
    study = {}
    for index, (name, factor) in enumerate(SIGMOID_SCHEMES.items()):
        weight_variance = factor * 2.0 / (width + width)
        network = Network([width] * (depth + 1), "sigmoid")
        forward, backward, means = [], [], []
        for draw in range(n_networks):
            network.initialize(np.random.default_rng(ctx.seed_for(5, index, draw)),
                               NormalInit(float(np.sqrt(weight_variance))))  # fmt: skip
            out, moments, mean_out = X, [], []
            for layer in network.layers:
                out = layer.forward(out)
                if isinstance(layer, Linear):
                    moments.append(np.vdot(out, out) / out.size)
                else:
                    mean_out.append(float(out.mean()))
            grad = np.random.default_rng(ctx.seed_for(6, draw)).standard_normal(out.shape)  # (n, width)
            backward.append(measured_backward(network, grad) / (np.vdot(grad, grad) / grad.size))
            forward.append(moments)
            means.append(mean_out)
        forward, backward = np.mean(forward, axis=0), np.mean(backward, axis=0)  # (depth,)
        scheme = Scheme(name, name, "", lambda fan_in, fan_out, v=weight_variance: v, "")
        predicted = predicted_variances("sigmoid", scheme, width, depth)
        study[name] = {
            "weight_variance": weight_variance,
            "xavier_factor": factor,
            "forward_measured": forward,
            "forward_predicted": predicted,
            "mean_output": np.mean(means, axis=0),  # (depth - 1,): the hidden layers
            "backward_measured": backward,
            "backward_predicted": predicted_backward("sigmoid", weight_variance, width, predicted),
            # geometric mean of E[δ_l²]/E[δ_(l+1)²] over the layers
            "backward_per_layer": float((backward[0] / backward[-1]) ** (1.0 / (depth - 1))),
            "backward_per_layer_linear": width * weight_variance * SIGMOID_SLOPE_SQUARED,
        }
    return study


# ------------------------------------------------------------ 2. training
def _train_together(activation: str, inits: list, seeds: list[int], config: dict, X: np.ndarray,
                    y: np.ndarray) -> list[dict]:  # fmt: skip
    """One run per ``(init, seed)``, trained together (:func:`mlplab.train_many`: each as if alone).

    Each run's loss curve survives a divergence (recorded by a callback).
    """
    models = [MLP(config["layer_sizes"], activation, config["learning_rate"], optimizer=config["optimizer"],
                  seed=seed, init=init) for init in inits for seed in seeds]  # fmt: skip
    runs = [{"loss_curve": [], "diverged_at_epoch": None, "final_loss": None, "accuracy": None,
             **initial_state(model, X, y)} for model in models]  # fmt: skip

    def recorder(curve: list):
        return lambda epoch, history: curve.append(history.train_loss[-1])

    outcomes = train_many(models, X, y, epochs=config["epochs"], batch_size=config["batch_size"],
                          callbacks=[[recorder(run["loss_curve"])] for run in runs])  # fmt: skip
    for model, run, outcome in zip(models, runs, outcomes):
        if isinstance(outcome, DivergenceError):
            run["diverged_at_epoch"] = outcome.epoch
        else:
            run["final_loss"], run["accuracy"] = run["loss_curve"][-1], model.score(X, y)
    return runs


def initial_state(model: MLP, X: np.ndarray, y: np.ndarray) -> dict:
    """The starting point of a run on its training data, before the first step.

    ``initial_z2``: ``E[z_l²]`` of every layer's pre-activations; ``initial_grad_norm``:
    ``‖∂L/∂W^(l)‖`` (Frobenius) of every layer; ``initial_nonlinearity``:
    ``‖f(z) − z‖/‖z‖`` of every hidden layer (0 for a linear unit).
    """
    out, z2, nonlinearity, z = np.asarray(X, dtype=float), [], [], None
    for layer in model.network.layers:
        if isinstance(layer, Linear):
            out = layer.forward(out)
            z = out.copy()  # the activation layer overwrites z
            z2.append(float(np.vdot(z, z) / z.size))
        else:
            out = layer.forward(out)
            norm = np.linalg.norm(z)
            nonlinearity.append(float(np.linalg.norm(out - z) / norm) if norm > 0 else 0.0)
    model._forward(X)
    weight_grads, _ = model._backward(X, y)
    return {
        "initial_z2": z2,
        "initial_grad_norm": [float(np.linalg.norm(g)) for g in weight_grads],
        "initial_nonlinearity": nonlinearity,
    }


def _training_study(ctx: Context, config: dict, n_seeds: int) -> dict:
    X, y = scaled_spirals(200, 0.1, ctx.seed_for(2))
    study = {}
    bar = ctx.bar(len(ACTIVATIONS) * len(SCHEMES) * n_seeds, "training")
    seeds = [ctx.seed_for(3, s) for s in range(n_seeds)]  # the same for every scheme: only the weights differ
    inits = [scheme.init for scheme in SCHEMES.values()]
    for activation in ACTIVATIONS:
        study[activation] = {}
        with ctx.timed(f"train_{activation}"):
            trained = _train_together(activation, inits, seeds, config, X, y)
        bar.update(len(trained))
        for index, name in enumerate(SCHEMES):
            runs = trained[index * n_seeds : (index + 1) * n_seeds]
            finished = [r for r in runs if r["diverged_at_epoch"] is None]
            curves = [r["loss_curve"] for r in finished] or [[]]  # (runs, epochs)
            study[activation][name] = {
                "diverged": sum(r["diverged_at_epoch"] is not None for r in runs),
                "diverged_at_epoch": [r["diverged_at_epoch"] for r in runs],
                "initial_loss": [r["loss_curve"][0] if r["loss_curve"] else None for r in runs],
                "final_loss": [r["final_loss"] for r in runs],
                "accuracy": [r["accuracy"] for r in runs],
                "final_loss_mean": float(np.mean([r["final_loss"] for r in finished])) if finished else None,
                "accuracy_mean": float(np.mean([r["accuracy"] for r in finished])) if finished else None,
                # the starting point, median over the seeds, per layer
                "initial_z2": np.median([r["initial_z2"] for r in runs], axis=0),
                "initial_grad_norm": np.median([r["initial_grad_norm"] for r in runs], axis=0),
                "initial_nonlinearity": np.median([r["initial_nonlinearity"] for r in runs], axis=0),
                "loss_curve_median": np.median(curves, axis=0),  # of the runs that did not diverge
                "loss_curve_min": np.min(curves, axis=0),
                "loss_curve_max": np.max(curves, axis=0),
            }
    bar.close()
    return study


# ------------------------------------------------------------ 3. symmetry
def unit_spreads(model: MLP) -> list[dict]:
    """How different the units of each hidden layer are.

    Returns
    -------
    list of dict, one per hidden layer
        ``incoming_spread``: max over inputs of (max − min over units) of the
        rows of ``[W^(l) | b^(l)]``; ``outgoing_spread``: the same over the
        columns of ``W^(l+1)``; ``distinct_units``: the number of different
        incoming rows (rounded to 9 decimals).
    """
    spreads = []
    for layer in range(len(model.weights) - 1):
        incoming = np.column_stack([model.weights[layer], model.biases[layer]])  # (units, fan_in + 1)
        outgoing = model.weights[layer + 1]  # (next units, units)
        spreads.append({
            "incoming_spread": float(np.ptp(incoming, axis=0).max()),
            "outgoing_spread": float(np.ptp(outgoing, axis=1).max()),
            "distinct_units": int(np.unique(np.round(incoming, 9), axis=0).shape[0]),
        })  # fmt: skip
    return spreads


def _symmetry_study(ctx: Context, config: dict, constant: float) -> tuple[dict, dict]:
    """Constant versus random initialisation; returns the metrics and W1 over the epochs."""
    X, y = scaled_spirals(200, 0.1, ctx.seed_for(2))
    results, trajectories = {}, {}
    starts = {
        "constant": (ConstantInit(constant), f"every weight = {constant:g}"),
        "random": (None, default_initializer(config["activation"])),
    }
    models = {name: MLP(config["layer_sizes"], config["activation"], config["learning_rate"],
                        optimizer=config["optimizer"], seed=ctx.seed_for(4), init=init)
              for name, (init, _) in starts.items()}  # fmt: skip
    first_layers = {name: [model.weights[0].copy()] for name, model in models.items()}

    def recorder(model: MLP, first_layer: list):
        return lambda epoch, history: first_layer.append(model.weights[0].copy())

    callbacks = [[recorder(model, first_layers[name])] for name, model in models.items()]
    histories = train_many(list(models.values()), X, y, config["epochs"], config["batch_size"],
                           callbacks=callbacks)  # fmt: skip
    for (name, model), history in zip(models.items(), histories):
        if isinstance(history, DivergenceError):
            raise history
        layers = unit_spreads(model)
        results[name] = {
            "init": starts[name][1],
            "layers": layers,
            "max_incoming_spread": max(layer["incoming_spread"] for layer in layers),
            "max_outgoing_spread": max(layer["outgoing_spread"] for layer in layers),
            "final_loss": history.train_loss[-1],
            "accuracy": model.score(X, y),
        }
        W1 = np.array(first_layers[name])  # (epochs + 1, units, 2)
        trajectories[name] = {"W1": W1, "W2": model.weights[1].copy()}
    return results, trajectories


# ------------------------------------------------------------------- run
def run(ctx: Context, config: Config) -> dict:
    """Measure the variances, train on the spirals, test the symmetry, draw all, write ``metrics.json``."""
    n_samples, epochs, n_seeds, n_networks = config.samples, config.epochs, config.seeds, config.networks
    common = {"batch_size": 32, "epochs": epochs, "data": "make_spirals(200, 0.1) / (4π)"}
    training = {"layer_sizes": [2, 32, 32, 32, 32, 1], "optimizer": "sgd",
                "learning_rate": config.learning_rate, **common, "seeds": n_seeds}  # fmt: skip
    symmetry = {"layer_sizes": [2, 16, 16, 1], "activation": "relu", "optimizer": "adam",
                "learning_rate": 0.01, **common, "constant": config.constant, "biases": 0.0}  # fmt: skip
    settings = {
        "schemes": {name: scheme.label for name, scheme in SCHEMES.items()},
        "activations": list(ACTIVATIONS),
        "variance": {
            "layer_sizes": [config.width] * (config.depth + 1),
            "n_samples": n_samples,
            "networks": n_networks,
            "inputs": "standard normal",
            "measured": "mean of z² over units and samples, averaged over the weight draws",
            "predicted": "Var(z_l) = fan_in Var(w) E[f(z_{l-1})²], E[x²] = 1, z Gaussian",
        },
        "sigmoid": {
            "schemes": {
                name: f"N(0, {factor:g} · 2/(fan_in + fan_out))" for name, factor in SIGMOID_SCHEMES.items()
            },
            "backward": "δ of the last layer standard normal, E[δ_l²] relative to it",
        },
        "training": training,
        "symmetry": symmetry,
    }

    with ctx.timed("variance"):
        variance = _variance_study(ctx, config.width, config.depth, n_samples, n_networks)
    with ctx.timed("sigmoid"):
        sigmoid = _sigmoid_study(ctx, config.width, config.depth, n_samples, n_networks)
    spirals = _training_study(ctx, training, n_seeds)
    with ctx.timed("symmetry"):
        symmetric, trajectories = _symmetry_study(ctx, symmetry, config.constant)

    results = {"variance": variance, "sigmoid": sigmoid, "training": spirals, "symmetry": symmetric}
    with ctx.timed("figures"):
        plot_variance(ctx.out / FIG_VARIANCE, variance, settings, SCHEMES)
        plot_sigmoid(ctx.out / FIG_SIGMOID, sigmoid, settings)
        plot_training(ctx.out / FIG_TRAINING, spirals, training, SCHEMES)
        plot_symmetry(ctx.out / FIG_SYMMETRY, symmetric, trajectories, symmetry)
    ctx.write_metrics(config, settings, results)
    return results
