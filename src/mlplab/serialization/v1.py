"""Format version 1 (mlplab 0.1), read by rewriting its document into the version 2 layout.

Version 1 recorded no head and no loss (they followed from the output width),
kept the early-stopping settings of an ``MLP`` flat in ``model``, a history with
``train_accuracy``/``val_accuracy`` lists, two random streams (``init``,
``shuffle``), and for an ``MLPClassifier`` no optimiser state, its loss curves
in place of a history and the face's fields in ``model``. The rewrite only
moves fields; their values are checked by the version 2 readers, as for any
file.
"""

from __future__ import annotations

import numpy as np

from ..nn.heads import HEADS, default_head
from ..nn.optimizers import OPTIMIZERS
from . import fields as f
from .archive import ModelFileError

__all__ = ["upgrade"]

_HISTORY_V1 = ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "best_epoch", "best_val_loss",
               "stopped_epoch", "restored_best")  # fmt: skip


def upgrade(document: dict) -> dict:
    """The version 2 document of a checked-for-structure version 1 ``document``."""
    kind = document.get("kind")
    top = ["format", "format_version", "kind", "mlplab_version", "network", "arrays", "model"]
    f.keys(document, "metadata", [*top, "optimizer"] if kind == "MLP" else top)
    network = f.keys(document["network"], "network", ["layer_sizes", "activation", "dtype"])
    sizes = f.list_(network["layer_sizes"], "network.layer_sizes")
    n_outputs = sizes[-1] if sizes and isinstance(sizes[-1], int) and not isinstance(sizes[-1], bool) else 1
    head = default_head(n_outputs)
    base = {
        key: document[key]
        for key in ("format", "format_version", "kind", "mlplab_version", "network", "arrays")
    }
    base.update(head=head, loss=HEADS[head].default_loss)
    return _upgrade_mlp(document, base) if kind == "MLP" else _upgrade_classifier(document, base)


def _upgrade_mlp(document: dict, base: dict) -> dict:
    if not isinstance(document["optimizer"], dict):
        raise ModelFileError(f"optimizer must be a JSON object, got {f.show(document['optimizer'])}")
    optimizer = dict(document["optimizer"])
    name = f.str_(optimizer.get("name"), "optimizer.name", set(OPTIMIZERS))
    optimizer["state"] = sorted(OPTIMIZERS[name].state_names)
    model = f.keys(document["model"], "model", ["l2", "init", "early_stopping", "patience", "min_delta",
                                               "validation_fraction", "restore_best_weights", "fitted",
                                               "history", "rng"])  # fmt: skip
    stopper = {"patience": model["patience"], "min_delta": model["min_delta"],
               "restore_best": model["restore_best_weights"]}  # fmt: skip
    rng = model["rng"]
    if rng is not None:
        rng = dict(f.keys(rng, "model.rng", ["init", "shuffle"]))
        rng["split"] = _split_state(rng["shuffle"])
    return {
        **base,
        "optimizer": optimizer,
        "model": {
            "l2": model["l2"],
            "init": model["init"],
            "early_stopping": stopper if model["early_stopping"] is True else None,
            "validation_fraction": model["validation_fraction"],
            "fitted": model["fitted"],
            "history": None if model["history"] is None else _history(model["history"]),
            "random_state": rng,
        },
        "face": {"stopper": stopper},
    }


def _upgrade_classifier(document: dict, base: dict) -> dict:
    model = f.keys(document["model"], "model", ["params", "classes", "classes_dtype", "n_features_in",
                                               "feature_names_in", "loss_curve", "validation_loss_curve",
                                               "best_validation_loss"])  # fmt: skip
    params = model["params"]
    if not isinstance(params, dict):
        raise ModelFileError(f"model.params must be a JSON object, got {f.show(params)}")
    solver = params.get("solver")
    optimizer = {"name": solver, "n_steps": 0, "state": []}
    if isinstance(solver, str) and solver in OPTIMIZERS:
        optimizer.update({k: v for k, v in OPTIMIZERS[solver]().config().items() if k != "name"})
        optimizer["learning_rate"] = params.get("learning_rate")
    stopper = None
    if params.get("early_stopping") is True:
        stopper = {
            "patience": params.get("patience"),
            "min_delta": params.get("min_delta"),
            "restore_best": True,
        }
    curve = model["loss_curve"]
    val_curve = model["validation_loss_curve"]
    history = {
        "train_loss": curve,
        "val_loss": [] if val_curve is None else val_curve,
        "train_metrics": {},
        "val_metrics": {},
        "best_epoch": None,
        "best_val_loss": model["best_validation_loss"],
        "stopped_epoch": None,
        "restored_best": False,
    }
    face = {
        key: model[key] for key in ("params", "classes", "classes_dtype", "n_features_in", "feature_names_in")
    }
    return {
        **base,
        "optimizer": optimizer,
        "model": {
            "l2": params.get("l2"),
            "init": None,
            "early_stopping": stopper,
            "validation_fraction": params.get("validation_fraction"),
            "fitted": True,
            "history": history,
            "random_state": None,
        },
        "face": face,
    }


def _history(data: object) -> dict:
    data = f.keys(data, "model.history", _HISTORY_V1)
    train, val = data["train_accuracy"], data["val_accuracy"]
    return {
        "train_loss": data["train_loss"],
        "val_loss": data["val_loss"],
        "train_metrics": {"accuracy": train},
        "val_metrics": {"accuracy": val} if isinstance(val, list) and val else {},
        **{key: data[key] for key in ("best_epoch", "best_val_loss", "stopped_epoch", "restored_best")},
    }


def _split_state(shuffle: object) -> dict:
    """Version 1 had no split stream: seed one from the shuffle stream's state, deterministically."""
    inner = shuffle.get("state") if isinstance(shuffle, dict) else None
    seed = inner.get("state") if isinstance(inner, dict) else None
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        seed = 0  # the shuffle state itself is checked (and rejected) by the version 2 reader
    state = np.random.default_rng(np.random.SeedSequence(seed)).bit_generator.state
    return {"bit_generator": state["bit_generator"], "state": dict(state["state"]),
            "has_uint32": state["has_uint32"], "uinteger": state["uinteger"]}  # fmt: skip
