"""A :class:`~mlplab.model.Model` to and from the fields and arrays of a model file.

Document fields written here (format version 2): ``network`` (``layer_sizes``,
``activation``, ``dtype``), ``head``, ``loss``, ``optimizer`` (its settings and
``n_steps``) and ``model`` (``l2``, ``init``, ``early_stopping``,
``validation_fraction``, ``fitted``, ``history``, ``random_state``). Arrays:
``params`` (the flat parameter vector ``W1, b1, W2, …``) and
``optimizer.<name>`` for each of the optimiser's ``state_names``.

Only the model's public surface is used: optimisers give their ``config``,
``state`` and ``load_state``; ``History`` its ``to_dict``/``from_dict``; the
model its ``random_state``/``set_random_state``. What is not data is not
saved: an ``init`` function (its weights are saved) and random streams of a
bit generator other than PCG64 (a loaded model then draws fresh entropy).
"""

from __future__ import annotations

import itertools
import numbers

import numpy as np

from ..model import RANDOM_STREAMS, Model
from ..nn.activations import ACTIVATIONS, builtin_name
from ..nn.heads import HEADS
from ..nn.losses import LOSSES
from ..nn.optimizers import OPTIMIZERS, optimizer_from_config
from ..nn.training import EarlyStopping, History
from . import fields as f
from .archive import FLOAT_DTYPES, ModelFileError

__all__ = ["decode_model", "encode_model", "expected_arrays"]

_PCG = ("PCG64", "PCG64DXSM")
_MODEL_FIELDS = ("l2", "init", "early_stopping", "validation_fraction", "fitted", "history", "random_state")


# ==================================================================== encode
def encode_model(model: Model) -> tuple[dict, dict[str, np.ndarray]]:
    """The document fields and arrays of ``model``; ``ValueError`` for what a data file cannot hold."""
    optimizer = model.optimizer
    if OPTIMIZERS.get(optimizer.name) is not type(optimizer):
        raise ValueError(
            f"cannot save a model with a custom optimizer {type(optimizer).__name__}: "
            f"a model file holds one of {sorted(OPTIMIZERS)}"
        )
    if type(model.head) is not HEADS.get(model.head.name) or type(model.loss) is not LOSSES.get(
        model.loss.name
    ):
        raise ValueError(
            "cannot save a model with a custom head or loss: a model file holds the built-in ones"
        )
    state = optimizer.state()
    arrays = {"params": model.network.params}
    arrays.update({f"optimizer.{name}": state[name] for name in optimizer.state_names if name in state})
    stopper = model.early_stopping
    document = {
        "network": {
            "layer_sizes": [int(n) for n in model.network.layer_sizes],
            "activation": builtin_name(model.network.activation),  # a custom activation is refused, named
            "dtype": model.network.dtype.name,
        },
        "head": model.head.name,
        "loss": model.loss.name,
        "optimizer": {
            **_numbers(optimizer.config()),
            "n_steps": _int(optimizer.n_steps),
            "state": sorted(state),
        },
        "model": {
            "l2": _float(model.l2),
            "init": model.init
            if isinstance(model.init, str)
            else None,  # a callable is not data; its result is
            "early_stopping": None if stopper is None else encode_stopper(stopper),
            "validation_fraction": _float(model.validation_fraction),
            "fitted": _bool(model.fitted),
            "history": None if model.history is None else model.history.to_dict(),
            "random_state": _random_state(model),
        },
    }
    return document, arrays


def encode_stopper(stopper: EarlyStopping) -> dict:
    return {"patience": _int(stopper.patience), "min_delta": _float(stopper.min_delta),
            "restore_best": _bool(stopper.restore_best)}  # fmt: skip


def _numbers(config: dict) -> dict:
    return {k: v if isinstance(v, str) else _float(v) for k, v in config.items()}


# Plain JSON values of what the model holds, never coerced: 2.5 steps stay 2.5 and "x" stays "x",
# so that the load check in save refuses them by name instead of writing a different model.
def _int(value: object) -> object:
    return int(value) if isinstance(value, numbers.Integral) and not isinstance(value, bool) else value


def _float(value: object) -> object:
    return float(value) if isinstance(value, numbers.Real) and not isinstance(value, bool) else value


def _bool(value: object) -> object:
    return bool(value) if isinstance(value, (bool, np.bool_)) else value


def _random_state(model: Model) -> dict | None:
    state = model.random_state()
    if any(entry.get("bit_generator") not in _PCG for entry in state.values()):
        return None  # other bit generators keep arrays in their state
    return {
        name: {
            "bit_generator": entry["bit_generator"],
            "state": {"state": int(entry["state"]["state"]), "inc": int(entry["state"]["inc"])},
            "has_uint32": int(entry["has_uint32"]),
            "uinteger": int(entry["uinteger"]),
        }
        for name, entry in state.items()
    }


# ==================================================================== decode
def expected_arrays(document: dict) -> tuple[dict, dict[str, tuple[np.dtype, tuple[int, ...]]]]:
    """Check ``network`` and ``optimizer.name``; return the network fields and the arrays they imply."""
    network = f.keys(document.get("network"), "network", ["layer_sizes", "activation", "dtype"])
    sizes = f.list_(network["layer_sizes"], "network.layer_sizes")
    if len(sizes) < 2:
        raise ModelFileError(f"network.layer_sizes needs at least 2 entries, got {f.show(sizes)}")
    for i, size in enumerate(sizes):
        f.int_(size, f"network.layer_sizes[{i}]", low=1, high=2**31)
    f.str_(network["activation"], "network.activation", set(ACTIVATIONS))
    dtype = FLOAT_DTYPES[f.str_(network["dtype"], "network.dtype", set(FLOAT_DTYPES))]
    n_params = sum(n_out * n_in + n_out for n_in, n_out in itertools.pairwise(sizes))
    optimizer = document.get("optimizer")
    f.str_(optimizer.get("name") if isinstance(optimizer, dict) else None, "optimizer.name", set(OPTIMIZERS))
    saved = f.list_(optimizer.get("state"), "optimizer.state")
    state_names = sorted(_optimizer(optimizer).state_names)  # SGD has a velocity only with momentum
    if saved not in ([], state_names):
        raise ModelFileError(f"optimizer.state must be [] or {state_names}, got {f.show(saved)}")
    arrays = {"params": (dtype, (n_params,))}
    for state in saved:
        arrays[f"optimizer.{state}"] = (dtype, (n_params,))
    return {"layer_sizes": sizes, "activation": network["activation"], "dtype": dtype}, arrays


def decode_model(
    document: dict, arrays: dict[str, np.ndarray], *, head: str, loss: str, fields: dict
) -> Model:
    """A :class:`Model` from checked arrays and the model ``fields`` (version 2 layout).

    ``head`` and ``loss`` are names; a face that stores them elsewhere (format
    version 1) passes them in. Raises :class:`ModelFileError` for any field
    with a bad type or value, naming it.
    """
    network, _ = expected_arrays(document)
    optimizer = _optimizer(document["optimizer"])
    fields = f.keys(fields, "model", _MODEL_FIELDS)
    stopper = fields["early_stopping"]
    try:
        model = Model(
            network["layer_sizes"],
            network["activation"],
            head=f.str_(head, "head", set(HEADS)),
            loss=f.str_(loss, "loss", set(LOSSES)),
            optimizer=optimizer,
            l2=f.float_(fields["l2"], "model.l2"),
            seed=0,  # replaced below by the saved random state
            init=f.str_(fields["init"], "model.init", null=True),
            early_stopping=None if stopper is None else decode_stopper(stopper, "model.early_stopping"),
            validation_fraction=f.float_(fields["validation_fraction"], "model.validation_fraction"),
            dtype=network["dtype"].newbyteorder("="),
        )
    except ModelFileError:
        raise
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"the model's settings are invalid: {exc}") from exc
    np.copyto(model.network.params, arrays["params"])
    n_steps = f.int_(document["optimizer"]["n_steps"], "optimizer.n_steps")
    state = {name: arrays[f"optimizer.{name}"] for name in document["optimizer"]["state"]}
    if not state:  # saved before any state existed (format 1 classifiers): keep the fresh zeros
        state = model.optimizer.state()
    try:
        model.optimizer.load_state(state, n_steps)
    except ValueError as exc:
        raise ModelFileError(f"optimizer state: {exc}") from exc
    model.fitted = f.bool_(fields["fitted"], "model.fitted")
    model.history = None if fields["history"] is None else decode_history(fields["history"], "model.history")
    decode_random_state(model, fields["random_state"], "model.random_state")
    return model


#: settings an optimiser's config holds only when they differ from its default (SGD's momentum form)
_OPTIONAL_SETTINGS = {"sgd": {"momentum": "float", "nesterov": "bool"}}


def _optimizer(fields: dict):
    name = fields["name"]
    hyper = [key for key in OPTIMIZERS[name]().config() if key != "name"]
    optional = {key: kind for key, kind in _OPTIONAL_SETTINGS.get(name, {}).items() if key in fields}
    fields = f.keys(fields, "optimizer", ["name", "n_steps", "state", *hyper, *optional])
    settings = {key: f.float_(fields[key], f"optimizer.{key}") for key in hyper}
    for key, kind in optional.items():
        read = f.bool_ if kind == "bool" else f.float_
        settings[key] = read(fields[key], f"optimizer.{key}")
    try:
        return optimizer_from_config({"name": name, **settings})
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"optimizer settings are invalid: {exc}") from exc


def decode_stopper(fields: object, where: str) -> EarlyStopping:
    fields = f.keys(fields, where, ["patience", "min_delta", "restore_best"])
    try:
        return EarlyStopping(
            f.int_(fields["patience"], f"{where}.patience", low=1),
            f.float_(fields["min_delta"], f"{where}.min_delta"),
            f.bool_(fields["restore_best"], f"{where}.restore_best"),
        )
    except ModelFileError:
        raise
    except (TypeError, ValueError) as exc:
        raise ModelFileError(f"{where} is invalid: {exc}") from exc


def decode_history(data: object, where: str) -> History:
    try:
        return History.from_dict(data)
    except ValueError as exc:
        raise ModelFileError(f"{where}: {exc}") from exc


def decode_random_state(model: Model, data: object, where: str) -> None:
    """Put the saved random streams into ``model``; ``None`` draws fresh entropy for all of them."""
    if data is None:
        model.set_random_state({name: rng.bit_generator.state for name, rng in
                                zip(RANDOM_STREAMS, np.random.default_rng().spawn(3))})  # fmt: skip
        return
    data = f.keys(data, where, RANDOM_STREAMS)
    state = {}
    for name in RANDOM_STREAMS:
        entry = f.keys(data[name], f"{where}.{name}", ["bit_generator", "state", "has_uint32", "uinteger"])
        inner = f.keys(entry["state"], f"{where}.{name}.state", ["state", "inc"])
        state[name] = {
            "bit_generator": f.str_(entry["bit_generator"], f"{where}.{name}.bit_generator", set(_PCG)),
            "state": {
                "state": f.int_(inner["state"], f"{where}.{name}.state.state", high=2**128),
                "inc": f.int_(inner["inc"], f"{where}.{name}.state.inc", high=2**128),
            },
            "has_uint32": f.int_(entry["has_uint32"], f"{where}.{name}.has_uint32", high=2),
            "uinteger": f.int_(entry["uinteger"], f"{where}.{name}.uinteger", high=2**32),
        }
    try:
        model.set_random_state(state)
    except ValueError as exc:
        raise ModelFileError(f"{where}: {exc}") from exc
