r"""Task 3.1 (a): vanishing gradients in deep sigmoid networks, and how ReLU helps.

A network of ``D`` weight layers (``D − 1`` hidden ones; ``D`` is the depth,
``L`` the loss) passes its error back by
``δ^(l) = f′(z^(l)) ⊙ W^(l+1)ᵀ δ^(l+1)``, and the weight gradient of layer
``l`` is ``∂L/∂W^(l) = δ^(l) a^(l−1)ᵀ``. Since ``|f′| ≤ max f′`` and
``‖Wᵀv‖ ≤ ‖W‖₂ ‖v‖``,

    ‖δ^(1)‖ / ‖δ^(D)‖ ≤ ∏_{l=2}^{D} max f′ · ‖W^(l)‖₂,

with ``max σ′ = 1/4`` (at ``z = 0``, where ``σ″ = σ′(1 − 2σ)`` vanishes),
``max tanh′ = 1`` and ``relu′ = 1`` for every ``z > 0``. For the sigmoid the
bound is ``(1/4)^(D−1)`` (the σ′ part) times ``∏‖W^(l)‖₂`` (the weights' part).

What the command measures, on the sheet's spirals (200 points, noise 0.1,
standardised; all of them are the training set):

1. σ′, tanh′ and relu′ on a fine grid (step 1e-4 on [−10, 10], ``z = 0``
   on the grid) and the maximum of σ′ with its position.
2. ``‖∂L/∂W^(l)‖`` (Frobenius norm; ``L`` the mean binary cross-entropy on
   the whole training set) for every layer of a deep network, by default 8
   hidden layers of width 16, for sigmoid, tanh and relu with their default
   initialisation (Xavier for sigmoid and tanh, He for relu), at initialisation
   and during training with the sheet's mini-batch gradient descent, for several
   seeds (summaries: geometric means over seeds; the norms span many decades).
3. At a few epochs (:func:`profile_epochs`), per run: ``‖δ^(1)‖/‖δ^(D)‖`` and
   its bound from the current weights; per hidden layer the share of saturated
   unit activations (``f′(z) < 2 %`` of ``max f′``), the share of dead units
   (saturated on every sample; for relu: inactive on all of them) and the spread
   of the activations over the samples; at the end, how far each layer's
   weights moved.
4. The first/last weight-gradient ratio at initialisation for 1 to 12 hidden layers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..datasets import make_spirals
from ..mlp import MLP, train_many
from ..nn.activations import get_activation, sigmoid
from ..nn.initializers import default_initializer
from ..nn.training import DivergenceError
from . import _vanishing_figures as figures
from ._common import Context
from ._options import option, positive_float, positive_int

NAME = "vanishing"
HELP = "task 3.1 (a): max of σ′, per-layer gradient norms of deep sigmoid/tanh/relu nets"

#: output files (figure stems: a .png and a .svg each, ``.de`` ones in German); the report imports these
FIG_DERIVATIVES = "vanishing_derivatives"
FIG_GRADIENTS = "vanishing_gradients"
FIG_DEPTH = "vanishing_depth"
FIG_TRAINING = "vanishing_training"
FIG_SATURATION = "vanishing_saturation"
FIG_SPREAD = "vanishing_spread"

ACTIVATIONS = ("sigmoid", "tanh", "relu")
SIGMOID_BOUND = 0.25  # max σ′(z), the factor per sigmoid layer
#: max f′ of each activation (the grid measurement checks these)
MAX_DERIVATIVE = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}
#: a unit activation is saturated where f′(z) is below this share of max f′ (relu: z ≤ 0)
SATURATION = 0.02
Z_STEP = 1e-4
Z_LIMIT = 10.0


@dataclass(frozen=True)
class Config:
    """The options of ``mlplab vanishing``."""

    hidden_layers: int = option(8, parse=positive_int, help="hidden layers of the deep network")
    width: int = option(16, parse=positive_int, help="units per hidden layer")
    epochs: int = option(1000, quick=60, parse=positive_int, help="training epochs")
    batch_size: int = option(32, parse=positive_int, help="mini-batch size")
    seeds: int = option(5, quick=2, parse=positive_int, help="networks per activation, averaged")
    max_depth: int = option(
        12, quick=6, parse=positive_int, help="depth sweep at initialisation: 1..MAX hidden layers"
    )
    learning_rate: float = option(0.1, parse=positive_float, help="SGD step size α")


# ------------------------------------------------------------------ helpers
def derivative_maxima(z: np.ndarray) -> dict:
    """f′ on the grid ``z`` for every activation, and where its maximum lies.

    Parameters
    ----------
    z : ndarray of shape (n,)
        Increasing grid.

    Returns
    -------
    dict
        ``{name: {"max": max f′, "argmax_z": z of the first maximum}}``.
    """
    maxima = {}
    for name in ACTIVATIONS:
        derivative = get_activation(name).derivative(z)  # (n,)
        index = int(np.argmax(derivative))
        maxima[name] = {"max": float(derivative[index]), "argmax_z": float(z[index])}
    return maxima


def weight_gradient_norms(model: MLP, X: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``‖∂L/∂W^(l)‖_F`` for l = 1..D, by the sheet's ``_forward`` and ``_backward``.

    Returns
    -------
    ndarray of shape (n_layers,)
        Layer 1 is next to the input, layer D is the output layer.
    """
    model._forward(X)
    weight_grads, _ = model._backward(X, y)
    return np.array([np.linalg.norm(grad) for grad in weight_grads])


def layer_profile(model: MLP, X: np.ndarray, y: np.ndarray) -> dict:
    """One forward and backward pass written out here, for what the library does not keep.

    ``δ^(D) = (ŷ − y)/n`` (the mean BCE's gradient on the logits), then
    ``δ^(l) = f′(z^(l)) ⊙ δ^(l+1) W^(l+1)`` for the whole batch (rows are samples).

    Returns
    -------
    dict
        ``delta_norms`` (D,): ``‖δ^(l)‖_F``; ``weight_grads``: ``δ^(l)ᵀ a^(l−1)``
        (checked against ``_backward`` in the tests); ``spectral_norms`` (D,):
        ``‖W^(l)‖₂``; ``bound``: ``∏_{l≥2} max f′ ‖W^(l)‖₂``; per hidden layer
        (D − 1,): ``saturated`` (share of unit activations with
        ``f′ < SATURATION · max f′``), ``dead`` (share of units saturated on every
        sample) and ``spread`` (standard deviation over the samples, mean over units).
    """
    activation = get_activation(model.activation)
    top = MAX_DERIVATIVE[model.activation]
    weights = [np.asarray(w) for w in model.weights]
    biases = [np.asarray(b) for b in model.biases]
    a, inputs, slopes, blocked = np.asarray(X, dtype=float), [], [], []
    for weight, bias in zip(weights[:-1], biases[:-1]):
        inputs.append(a)
        z = a @ weight.T + bias  # (n, width)
        slopes.append(activation.derivative(z))
        blocked.append(slopes[-1] < SATURATION * top)
        a = activation.forward(z)
    inputs.append(a)
    logits = a @ weights[-1].T + biases[-1]  # (n, 1)
    delta = (sigmoid(logits) - np.asarray(y, dtype=float).reshape(-1, 1)) / len(X)  # (n, 1)
    deltas = [delta]
    for weight, slope in zip(weights[:0:-1], slopes[::-1]):
        delta = (delta @ weight) * slope  # (n, n_in of the layer above)
        deltas.insert(0, delta)
    spectral = np.array([np.linalg.norm(w, 2) for w in weights])
    return {
        "delta_norms": np.array([np.linalg.norm(d) for d in deltas]),
        "weight_grads": [d.T @ x for d, x in zip(deltas, inputs)],
        "spectral_norms": spectral,
        "bound": float(np.prod(top * spectral[1:])),
        "saturated": np.array([b.mean() for b in blocked]),
        "dead": np.array([b.all(axis=0).mean() for b in blocked]),
        "spread": np.array([x.std(axis=0).mean() for x in inputs[1:]]),
    }


def profile_epochs(epochs: int) -> list[int]:
    """The epochs whose profile is recorded: 0, a tenth, a quarter, half and all of ``epochs``."""
    return sorted({0, epochs // 10, epochs // 4, epochs // 2, epochs})


def geometric_mean(values, axis: int = 0) -> np.ndarray:
    """Geometric mean along ``axis`` (0 if any value is 0)."""
    with np.errstate(divide="ignore"):
        return np.exp(np.mean(np.log(np.asarray(values, dtype=float)), axis=axis))


def _ratio(norms: np.ndarray) -> np.ndarray:
    """First layer's norm over the last layer's, along the last axis."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return norms[..., 0] / norms[..., -1]


def _standardised_spirals(seed: int) -> tuple[np.ndarray, np.ndarray]:
    X, y = make_spirals(200, 0.1, seed=seed)
    return (X - X.mean(axis=0)) / X.std(axis=0), y  # (200, 2)


class _Recorder:
    """Train callback: gradient norms every ``record_every`` epochs, profiles at ``profile_epochs``."""

    def __init__(self, model: MLP, training: dict, X: np.ndarray, y: np.ndarray):
        self.model, self.training, self.X, self.y = model, training, X, y
        self.start = [np.array(w) for w in model.weights]
        self.epochs = [0]
        self.norms = [weight_gradient_norms(model, X, y)]
        self.profiles = [layer_profile(model, X, y)]

    def __call__(self, epoch: int, history) -> None:
        if epoch % self.training["record_every"] == 0 or epoch == self.training["epochs"]:
            self.epochs.append(epoch)
            self.norms.append(weight_gradient_norms(self.model, self.X, self.y))
        if epoch in self.training["profile_epochs"]:
            self.profiles.append(layer_profile(self.model, self.X, self.y))


def _train_and_record(sizes, activation, training, seeds, X, y) -> list[dict]:
    """One network per seed, trained together (:func:`mlplab.train_many`: each as if alone), recorded."""
    models = [MLP(sizes, activation, training["learning_rate"], seed=seed) for seed in seeds]
    recorders = [_Recorder(model, training, X, y) for model in models]
    histories = train_many(models, X, y, training["epochs"], training["batch_size"],
                           callbacks=[[recorder] for recorder in recorders])  # fmt: skip
    runs = []
    for model, recorder, history in zip(models, recorders, histories):
        if isinstance(history, DivergenceError):
            raise history
        moved = [np.linalg.norm(np.asarray(w) - w0) / np.linalg.norm(w0)
                 for w, w0 in zip(model.weights, recorder.start)]  # fmt: skip
        runs.append({"epochs": recorder.epochs, "norms": np.array(recorder.norms),
                     "loss": history.train_loss, "accuracy": model.score(X, y),
                     "profiles": recorder.profiles, "moved": moved})  # fmt: skip
    return runs


def _norms_at_init(ctx: Context, activation: str, depth: int, width: int, n_seeds: int, X, y) -> np.ndarray:
    """Gradient norms per layer of fresh ``depth``-hidden-layer networks, shape ``(n_seeds, depth + 1)``."""
    sizes = [2] + [width] * depth + [1]
    return np.array([weight_gradient_norms(MLP(sizes, activation, seed=ctx.seed_for(2, depth, s)), X, y)
                     for s in range(n_seeds)])  # fmt: skip


# ---------------------------------------------------------------------- run
def run(ctx: Context, config: Config) -> dict:
    """Measure the derivatives, gradient norms and profiles, draw them, write ``metrics.json``."""
    epochs, n_seeds, max_depth = config.epochs, config.seeds, config.max_depth
    sizes = [2] + [config.width] * config.hidden_layers + [1]
    training = {"epochs": epochs, "learning_rate": config.learning_rate, "batch_size": config.batch_size,
                "record_every": max(1, epochs // 50), "profile_epochs": profile_epochs(epochs)}  # fmt: skip
    settings = {
        "z_grid": {"low": -Z_LIMIT, "high": Z_LIMIT, "step": Z_STEP},
        "layer_sizes": sizes,
        "hidden_layers": config.hidden_layers,
        "initialisation": {name: default_initializer(name) for name in ACTIVATIONS},
        "data": {
            "generator": "make_spirals",
            "n_samples": 200,
            "noise": 0.1,
            "preprocessing": "each coordinate standardised to zero mean and unit variance",
            "split": "none: all samples train, accuracies are training accuracies",
        },
        "gradient": "Frobenius norm of dL/dW^(l), L = mean BCE over the whole training set",
        "saturation": {
            "share_of_max_derivative": SATURATION,
            "rule": "f'(z) < share * max f' (relu: z <= 0); dead: on every sample",
        },
        "optimizer": "sgd",
        **training,
        "seeds": n_seeds,
        "summary": "geometric mean over seeds",
        "depth_sweep_hidden_layers": list(range(1, max_depth + 1)),
    }

    # 1. the derivatives and the maximum of σ′
    n_half = round(Z_LIMIT / Z_STEP)
    z = np.arange(-n_half, n_half + 1) * Z_STEP  # (200001,), exactly 0 in the middle
    maxima = derivative_maxima(z)

    # 2. per-layer gradient norms and profiles before, during and after training
    X, y = _standardised_spirals(ctx.seed_for(0))
    runs = {}
    seeds = [ctx.seed_for(1, s) for s in range(n_seeds)]  # the same seeds for every activation
    bar = ctx.bar(len(ACTIVATIONS) * n_seeds, "training")
    for activation in ACTIVATIONS:
        with ctx.timed(f"train_{activation}"):
            runs[activation] = _train_and_record(sizes, activation, training, seeds, X, y)
        bar.update(n_seeds)
    bar.close()

    # 3. depth sweep at initialisation
    with ctx.timed("depth_sweep"):
        depth_norms = {
            activation: [_norms_at_init(ctx, activation, depth, config.width, n_seeds, X, y)
                         for depth in range(1, max_depth + 1)]
            for activation in ACTIVATIONS
        }  # fmt: skip

    results = _summarise(maxima, runs, depth_norms, config.hidden_layers)
    results["profiles"] = _profiles(runs, training["profile_epochs"])
    stems = {"derivatives": FIG_DERIVATIVES, "gradients": FIG_GRADIENTS, "depth": FIG_DEPTH,
             "training": FIG_TRAINING, "saturation": FIG_SATURATION, "spread": FIG_SPREAD}  # fmt: skip
    with ctx.timed("figures"):
        figures.draw_all(ctx.out, stems, z, maxima, results, runs, settings)
    ctx.write_metrics(config, settings, results)
    return results


def _summarise(maxima: dict, runs: dict, depth_norms: dict, hidden_layers: int) -> dict:
    """The metrics: maxima, per-layer norms, first/last ratios and curves (geometric means over seeds)."""
    bound = SIGMOID_BOUND**hidden_layers
    gradients, ratios, training = {}, {}, {}
    for activation, seeds in runs.items():
        norms = np.stack([r["norms"] for r in seeds])  # (seeds, checkpoints, layers)
        ratio = _ratio(norms)  # (seeds, checkpoints)
        gradients[activation] = {
            "init": geometric_mean(norms[:, 0]),
            "trained": geometric_mean(norms[:, -1]),
            "init_per_seed": norms[:, 0],
            "trained_per_seed": norms[:, -1],
        }
        ratios[activation] = {
            "init": float(geometric_mean(ratio[:, 0])),
            "trained": float(geometric_mean(ratio[:, -1])),
            "init_per_seed": ratio[:, 0],
            "trained_per_seed": ratio[:, -1],
            "init_over_bound": float(geometric_mean(ratio[:, 0]) / bound),
            "decay_per_layer_init": float(geometric_mean(ratio[:, 0]) ** (1 / hidden_layers)),
        }
        losses = np.array([r["loss"] for r in seeds])  # (seeds, epochs)
        training[activation] = {
            "final_loss": losses[:, -1],
            "lowest_loss": losses.min(axis=1),
            "final_accuracy": [r["accuracy"] for r in seeds],
            "final_loss_median": float(np.median(losses[:, -1])),
            "loss_curve_median": np.median(losses, axis=0),
            "checkpoints": seeds[0]["epochs"],
            "ratio_curve": geometric_mean(ratio),
            "weight_change": [r["moved"] for r in seeds],
        }
    depths = list(range(1, len(next(iter(depth_norms.values()))) + 1))
    sweep = {"hidden_layers": depths, "bound": [SIGMOID_BOUND**d for d in depths]}
    for activation, per_depth in depth_norms.items():
        sweep[activation] = [float(geometric_mean(_ratio(norms))) for norms in per_depth]
    return {
        "max_sigmoid_derivative": maxima["sigmoid"]["max"],
        "argmax_sigmoid_derivative_z": maxima["sigmoid"]["argmax_z"],
        "derivative_maxima": maxima,
        "relu_derivative": "1 for every z > 0, 0 for z <= 0 (argmax_z is the first grid point above 0)",
        "bound_first_over_last": bound,
        "first_over_last_ratio": ratios,
        "gradient_norms": gradients,
        "training": training,
        "depth_sweep": sweep,
    }


def _profiles(runs: dict, epochs: list[int]) -> dict:
    """Per activation, ``[seed][epoch]`` lists: δ ratio, its bound, the weights' factor; per layer shares."""
    profiles: dict = {"epochs": epochs}
    for activation, seeds in runs.items():
        entry: dict = {
            key: [] for key in ("delta_ratio", "bound", "weight_factor", "saturated", "dead", "spread")
        }
        for run in seeds:
            entry["delta_ratio"].append([float(_ratio(p["delta_norms"])) for p in run["profiles"]])
            entry["bound"].append([p["bound"] for p in run["profiles"]])
            entry["weight_factor"].append([float(np.prod(p["spectral_norms"][1:])) for p in run["profiles"]])
            for key in ("saturated", "dead", "spread"):
                entry[key].append([p[key] for p in run["profiles"]])  # (epochs, hidden layers)
        profiles[activation] = entry
    return profiles
