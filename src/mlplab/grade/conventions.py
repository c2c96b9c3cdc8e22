"""How a student's ``MLP`` stores its weights and gradients, found by probing.

INTERFACE:

``detect(cls) -> Student``; never raises: what it could not find is recorded
in ``Student.missing`` (for a feature of :data:`FEATURES`, with the reason) or
``Student.notes`` (anything else, e.g. no ŷ found in what ``_forward`` returns).

``Student`` methods, all in the *canonical* form of the sheet:
weights ``W^(l)`` of shape (n_out, n_in), biases of shape (n_out,),
``y`` of shape (n,) with labels 0/1, ``ŷ`` of shape (n,):
``has``, ``new``, ``options``, ``defaults``, ``get_params``, ``set_params``,
``labels``, ``forward``, ``gradients``, ``intermediates``.
``gradients`` raises :class:`GradientShapeError` (a ``ValueError``) when a
gradient's shape fits no parameter, e.g. ``"dW(2) has shape (5, 4); W(2) has
shape (4, 5) (the transpose)"``; its ``raw`` holds the arrays as found, its
``layer`` and ``name`` say which, so a caller can diagnose a transposed outer product.
``found`` holds one short English phrase per detected thing (``constructor``,
``weights``, ``biases``, ``output``, ``labels``, ``gradients``,
``intermediates``, and each bonus feature), for the feedback.

How detection works: the class is built for the probe ``[3, 5, 4, 1]``
(distinct sizes, so a shape names its layer) with ``activation='tanh'``.
The instance's attributes are walked (its ``vars``, its properties, and a few
levels into lists, tuples, dicts and per-layer objects); a *family* is one
array per layer, found as the items of a sequence (``self.weights[l]``,
``self.layers[l].W``, the even items of a flat list, ...) or as numbered
names (``self.params["W1"]``, ``self.W_1``, ...). The weights are the family
whose shapes are ``(n_out, n_in)`` (or all transposed), the biases one of
sizes ``n_out`` ((n,), (n, 1), (1, n); a scalar for one unit). The layout is
kept as a *pattern* (which container, which names), so it applies to models of
any size; writes go into the same containers, as new float64 arrays in the
student's shapes. The same search over what ``_backward`` returns (or what it
changed on the object) finds the gradients.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import re
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from .base import describe_error

FEATURES = ("params", "gradients", "momentum", "l2", "adaptive")

#: the probe network: distinct sizes so that every weight and bias shape names its layer
PROBE_SIZES = (3, 5, 4, 1)
_PROBE_SAMPLES = 7  # differs from every probe size, so a batch axis is recognised
_MAX_DEPTH = 4
_MAX_NODES = 4000
_MAX_ITEMS = 256

# ---------------------------------------------------------------- bonus keyword names
_OPTIMIZER_KEYWORDS = ("optimizer", "optimiser", "optim", "opt", "method", "update", "update_rule", "solver")
_METHOD_SPELLINGS = {
    "momentum": ("momentum", "Momentum", "MOMENTUM", "sgd_momentum", "sgdm", "SGDMomentum"),
    "adam": ("adam", "Adam", "ADAM"),
    "rmsprop": ("rmsprop", "RMSprop", "RMSProp", "RMSPROP", "rms_prop", "rms"),
}
_MOMENTUM_BETA = ("beta", "momentum", "mu", "momentum_beta", "beta_momentum", "momentum_coef", "gamma")
_MOMENTUM_SWITCH = ("use_momentum", "momentum_on", "with_momentum")
_L2_KEYWORDS = (
    "l2",
    "lambda_",
    "lam",
    "lmbda",
    "lambd",
    "lamda",
    "reg_lambda",
    "l2_lambda",
    "lambda_l2",
    "l2_reg",
    "reg",
    "reg_strength",
    "regularization_strength",
    "weight_decay",
    "l2_lambda_",
    "alpha_l2",
)
_L2_SWITCH_KEYWORDS = ("regularization", "regularisation", "penalty", "regularizer", "reg_type")
_L2_BOOL_SWITCH = ("use_l2", "l2_regularization", "regularize", "use_regularization", "weight_decay_on")
_ADAPTIVE_KEYWORDS = {
    "beta1": ("beta1", "beta_1", "b1"),
    "beta2": ("beta2", "beta_2", "b2"),
    "eps": ("eps", "epsilon"),
    "rho": ("rho", "decay", "decay_rate", "rms_decay", "rho_rms"),
}
_ADAPTIVE_SWITCH = {"adam": ("use_adam", "adam"), "rmsprop": ("use_rmsprop", "rmsprop")}
_NONSENSE = "no-such-method-xyz"


# ------------------------------------------------------------------------ paths
# A path is a tuple of steps ("attr", name) | ("key", key) | ("item", index) from a root
# (the model, or the value a method returned).


def _get(root, path):
    obj = root
    for kind, key in path:
        obj = getattr(obj, key) if kind == "attr" else obj[key]
    return obj


def _set(root, path, value) -> None:
    """Assign ``value`` at ``path``: setattr, ``container[key] = value``; a tuple is rebuilt in its parent."""
    *head, (kind, key) = path
    parent = _get(root, head)
    if kind == "attr":
        setattr(parent, key, value)
    elif isinstance(parent, tuple):
        items = list(parent)
        items[key] = value
        rebuilt = tuple(items) if type(parent) is tuple else type(parent)(*items)
        if not head:
            raise TypeError("cannot write into a tuple that is the root")
        _set(root, tuple(head), rebuilt)
    else:
        parent[key] = value


def _text(path, root="model") -> str:
    """``params['W1']``, ``layers[0].W``: a path as the student would write it (after ``self.``)."""
    out = ""
    for kind, key in path:
        if kind == "attr":
            out += f".{key}" if out else str(key)
        elif kind == "key":
            out += f"[{key!r}]"
        else:
            out += f"[{key}]"
    if root == "ret":
        if not path:
            return "the return value"
        if len(path) == 1 and path[0][0] == "item":
            return f"item {path[0][1]} of the return value"
        return f"the return value{'' if out.startswith('[') else '.'}{out}"
    return out


def _names(path) -> list[str]:
    return [str(key) for kind, key in path if kind in ("attr", "key") and isinstance(key, str)]


# ------------------------------------------------------------------------- walk
def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _is_leaf(value) -> bool:
    return (isinstance(value, np.ndarray) and value.dtype.kind in "fiu") or _is_number(value)


def _is_seq(value) -> bool:
    return isinstance(value, (list, tuple)) or (
        isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray, np.ndarray, range))
    )


_SKIP_TYPES = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    functools.partial,
)


def _is_object(value) -> bool:
    """A user-defined instance worth looking into (a layer, a parameter holder)."""
    if isinstance(value, _SKIP_TYPES) or not hasattr(value, "__dict__"):
        return False
    module = type(value).__module__ or ""
    return not module.startswith(("numpy", "builtins", "random", "threading", "io", "_io"))


def _property_names(klass) -> list[str]:
    names = []
    for base in klass.__mro__:
        if base is object:
            continue
        for name, attr in vars(base).items():
            wanted = isinstance(attr, (property, functools.cached_property)) and not name.startswith("__")
            if wanted and name not in names:
                names.append(name)
    return names


def _children(value, properties: bool):
    if isinstance(value, Mapping):
        for key in list(value.keys())[:_MAX_ITEMS]:
            if isinstance(key, (str, int)) and not isinstance(key, bool):
                yield ("key", key), value[key]
    elif _is_seq(value):
        for index in range(min(len(value), _MAX_ITEMS)):
            yield ("item", index), value[index]
    elif _is_object(value):
        own = vars(value)
        for name, item in list(own.items()):
            if isinstance(name, str) and not name.startswith("__"):
                yield ("attr", name), item
        if properties:
            for name in _property_names(type(value)):
                if name in own:
                    continue
                try:
                    item = getattr(value, name)
                except Exception:
                    continue
                yield ("attr", name), item


@dataclass
class _Tree:
    """Every node reachable from a root (breadth first, so shallow paths come first)."""

    nodes: list  # (path, value)
    children: dict  # path -> list of (step, value)

    def leaves(self) -> dict:
        return {path: value for path, value in self.nodes if _is_leaf(value)}


def _walk(root, depth: int = _MAX_DEPTH) -> _Tree:
    nodes, children = [((), root)], {}
    seen = {id(root)}
    queue = [((), root)]
    while queue and len(nodes) < _MAX_NODES:
        path, value = queue.pop(0)
        if len(path) >= depth or _is_leaf(value):
            continue
        try:
            kids = list(_children(value, properties=len(path) <= 1))
        except Exception:
            continue
        children[path] = kids
        for step, item in kids:
            child = (*path, step)
            if _is_leaf(item):
                nodes.append((child, item))
            elif (isinstance(item, Mapping) or _is_seq(item) or _is_object(item)) and id(item) not in seen:
                seen.add(id(item))
                nodes.append((child, item))
                queue.append((child, item))
    return _Tree(nodes, children)


# --------------------------------------------------------------------- families
_NUMBERED = re.compile(r"^([A-Za-z_]*?[A-Za-z])(_?)(\d+)$")


@dataclass(frozen=True)
class _Family:
    """One array per layer: the items of a sequence, or numbered names in a mapping or namespace.

    ``seq``: ``path[i] + sub`` for the items selected by ``mode`` (all, even,
    odd, first half, second half). ``keyed``: ``path + prefix sep i`` for
    ``i = first, first+1, ...`` while present, by key or attribute.
    """

    root: str  # "model" or "ret"
    kind: str  # "seq" or "keyed"
    path: tuple = ()
    sub: tuple = ()
    mode: str = "all"
    prefix: str = ""
    sep: str = ""
    first: int = 1
    access: str = "key"

    def paths(self, root) -> list[tuple]:
        container = _get(root, self.path)
        if self.kind == "seq":
            if not _is_seq(container):
                raise TypeError(f"{_text(self.path, self.root)} is no longer a list")
            m = len(container)
            index = {
                "all": range(m),
                "even": range(0, m, 2),
                "odd": range(1, m, 2),
                "first": range(m // 2),
                "second": range(m // 2, m),
                "reversed": range(m - 1, -1, -1),
            }[self.mode]
            return [(*self.path, ("item", i), *self.sub) for i in index]
        out, i = [], self.first
        spellings = list(dict.fromkeys((self.prefix, self.prefix.lower(), self.prefix.upper())))
        while i < self.first + _MAX_ITEMS:  # W1, W2, w3: one family whatever the case of the letter
            for prefix in spellings:
                name = f"{prefix}{self.sep}{i}"
                if self.access == "attr":
                    present = _is_leaf(getattr(container, name, None))  # __getattr__ may answer anything
                else:
                    present = _contains(container, name)
                if present:
                    break
            else:
                return out
            out.append((*self.path, (self.access, name)))
            i += 1
        return out

    def values(self, root) -> list:
        return [_get(root, path) for path in self.paths(root)]

    @property
    def name(self) -> str:
        """The words naming it, for ranking: ``weights``, ``params W``, ``layers W``."""
        return " ".join([*_names(self.path), self.prefix, *_names(self.sub)]).strip()

    @property
    def depth(self) -> int:
        return len(self.path) + len(self.sub)

    def describe(self, n_layers: int | None = None) -> str:
        where = _text(self.path, self.root)
        if self.kind == "keyed":
            last = (self.first + n_layers - 1) if n_layers else "L"
            names = f"{self.prefix}{self.sep}{self.first}…{self.prefix}{self.sep}{last}"
            if self.access == "attr":
                return f"attributes {names}" + (f" of `{where}`" if self.path else "")
            if self.root == "ret" and not self.path:
                return f"keys {names} of the returned dict"
            return f"dict `{where}` {names}"
        item = ""
        if self.sub:
            kind, key = self.sub[0]
            item = {"attr": f", `.{key}` of each item", "key": f", `[{key!r}]` of each item"}.get(
                kind, f", item {key} of each"
            )
        mode = {
            "all": "",
            "even": "the even items (0, 2, …) of ",
            "odd": "the odd items (1, 3, …) of ",
            "first": "the first half of ",
            "second": "the second half of ",
            "reversed": "",
        }[self.mode]
        if self.root == "ret":
            return f"{mode}{where}{item}"
        return f"{mode}list `{where}`{item}"


def _contains(container, key) -> bool:
    try:
        return isinstance(container, Mapping) and key in container
    except Exception:
        return False


def _families(tree: _Tree, root: str, reverse: bool = False) -> list[_Family]:
    """Every candidate family in a walked tree, shallow ones first (``reverse``: lists read backwards too)."""
    out = []
    for path, value in tree.nodes:
        kids = tree.children.get(path)
        if kids is None:
            continue
        if _is_seq(value) and kids:
            items = [item for _, item in kids]
            if all(_is_leaf(item) for item in items):
                out.append(_Family(root, "seq", path))
                if reverse and len(items) >= 2:
                    out.append(_Family(root, "seq", path, mode="reversed"))
                if len(items) >= 2 and len(items) % 2 == 0:
                    out.extend(_Family(root, "seq", path, mode=m) for m in ("even", "odd", "first", "second"))
            else:
                subs = None
                for step, _ in kids:
                    grand = tree.children.get((*path, step))
                    here = {s for s, v in grand or () if _is_leaf(v)}
                    subs = here if subs is None else subs & here
                for sub in sorted(subs or (), key=str):
                    out.append(_Family(root, "seq", path, sub=(sub,)))
        if isinstance(value, Mapping) or _is_object(value) or (not path and root == "model"):
            groups: dict = {}
            for (kind, key), item in kids:
                if not isinstance(key, str) or not _is_leaf(item):
                    continue
                match = _NUMBERED.match(key)
                if match:
                    groups.setdefault((match[1].lower(), match[2], kind), {})[int(match[3])] = match[1]
            for (_, sep, kind), numbers in groups.items():
                first = min(numbers)
                prefix = numbers[first]
                if first in (0, 1):
                    out.append(_Family(root, "keyed", path, prefix=prefix, sep=sep, first=first, access=kind))
    return out


def _safe_values(family: _Family, root) -> list | None:
    try:
        return family.values(root)
    except Exception:
        return None


_WEIGHT_WORD = re.compile(r"(^|[^a-z])(w|weights?|kernels?|theta)([^a-z]|$)")
_BIAS_WORD = re.compile(r"(^|[^a-z])(b|bias|biases|intercepts?)([^a-z]|$)")
_GRAD_WORD = re.compile(r"grad|(^|[^a-z])d(w|b|weights?|bias|biases)|(^|[^a-z])g(w|b)")
_STATE_WORD = re.compile(r"(^|[^a-z])(v|m|s|vel|velocity|moment|cache|sq|square|adam|rms|momentum|opt)")


def _rank(family: _Family, word: re.Pattern) -> tuple:
    name = family.name.lower()
    return (
        0 if word.search(name) else 1,
        1 if _STATE_WORD.search(name) else 0,
        family.depth,
        sum(n.startswith("_") for n in _names(family.path)),
        {"all": 0, "even": 1, "odd": 1, "first": 2, "second": 2, "reversed": 3}[family.mode],
    )


def _shape(value) -> tuple:
    return tuple(np.shape(value))


def _bias_fits(value, n: int) -> bool:
    shape = _shape(value)
    return int(np.prod(shape, dtype=int)) == n and (
        len(shape) == 1 or (len(shape) == 2 and 1 in shape) or (shape == () and n == 1)
    )


def _bias_form(values) -> str:
    shapes = [_shape(v) for v in values]
    wide = next((s for s in shapes if int(np.prod(s, dtype=int)) > 1), shapes[0])
    if len(wide) == 1:
        form = "(n,)"
    elif wide[1] == 1:
        form = "(n, 1)"
    else:
        form = "(1, n)"
    last = shapes[-1]
    if last == () or (form != "(n,)" and len(last) == 1):
        form += f", the last {last}"
    return form


# --------------------------------------------------------------------- layouts
@dataclass(frozen=True)
class _Layout:
    weights: _Family
    biases: _Family
    transposed: bool  # W stored as (n_in, n_out)


@dataclass(frozen=True)
class _Output:
    root: str  # "ret": in what _forward returns; "model": an attribute _forward sets
    path: tuple


@dataclass(frozen=True)
class _Intermediate:
    family: _Family
    offset: int  # 1 when the family starts with the input X
    transposed: bool  # stored (n_l, n)


_CANONICAL = _Layout(
    _Family("model", "seq", (("attr", "weights"),)), _Family("model", "seq", (("attr", "biases"),)), False
)
_CANONICAL_GRADS = (
    _Family("ret", "seq", (("item", 0),)),
    _Family("ret", "seq", (("item", 1),)),
)


class GradientShapeError(ValueError):
    """A gradient whose shape fits no parameter; ``raw`` holds what ``_backward`` gave, as found.

    ``raw`` is a list of ``(name, array)``: ``("dW1", ...), ("db1", ...), ...``
    (``dict(raw)`` makes it a dict); ``layer`` is the 1-based layer (0: the
    number of arrays is wrong), ``name`` ``"dW"`` or ``"db"``. ``weight_grads``
    and ``bias_grads`` are the same arrays with the student's layout undone
    (transposed back if the student stores W as (n_in, n_out); a bias gradient
    of the right size flattened) but not checked: a transposed outer product
    shows as an array of shape (n_in, n_out) there.
    """

    def __init__(self, message: str, raw, layer: int, name: str, weight_grads=None, bias_grads=None):
        super().__init__(message)
        self.raw, self.layer, self.name = raw, layer, name
        self.weight_grads, self.bias_grads = weight_grads, bias_grads


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=float)))


# ======================================================================= Student
@dataclass
class Student:
    """The student's class seen in the sheet's conventions.

    Attributes
    ----------
    cls : type
        The student's ``MLP`` class.
    found : dict[str, str]
        What was detected, as short English phrases for the feedback, e.g.
        ``{"weights": "list `weights`, W of shape (n_out, n_in)",
        "biases": "list `biases`, shape (n,)", "gradients": "returned by _backward as (dW list, db list)",
        "labels": "y of shape (n,)"}``; also ``"output"``, ``"intermediates"``,
        ``"constructor"`` and one phrase per bonus feature found.
    missing : dict[str, str]
        Feature (one of :data:`FEATURES`) -> why it could not be found, e.g.
        ``{"params": "no list or dict of arrays shaped like the weights of [3, 5, 4, 1]"}``.
    bonus : dict[str, dict]
        Bonus feature -> what the constructor takes for it (see :meth:`options`):
        ``{"keywords": {canonical: student keyword}, "switch": {keyword: value},
        "methods": {method: switch} (adaptive only), "defaults": {canonical: value}}``;
        canonical names are ``beta`` (momentum), ``lam`` (L2), ``beta1``, ``beta2``,
        ``eps``, ``rho`` (adaptive).
    notes : dict[str, str]
        What detection noticed that is no feature: ``"output"`` when ŷ could not
        be found in what ``_forward`` returns, ``"labels"``, ``"backward"``
        (e.g. ``_backward`` also changes the weights), ``"params"`` (not verified).
    """

    cls: type
    found: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    bonus: dict[str, dict] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    #: how the constructor is called: "keywords" (cls(sizes, activation=, learning_rate=)),
    #: "positional" (cls(sizes, activation, learning_rate)) or "sizes" (cls(sizes))
    call_style: str = "keywords"
    #: call ``_initialize_weights()`` after construction (the weights appear only then)
    initialize_after_new: bool = False
    layout: _Layout = field(default=_CANONICAL, repr=False)
    grad_layout: tuple | None = field(default=_CANONICAL_GRADS, repr=False)
    output: _Output = field(default=_Output("ret", ()), repr=False)
    label_shape: str = "(n,)"  # or "(n, 1)"
    inter: dict = field(default_factory=dict, repr=False)  # "z"/"a" -> _Intermediate
    _last: tuple = field(default=(None, None), repr=False, compare=False)

    def has(self, feature: str) -> bool:
        return feature not in self.missing and (
            feature not in ("momentum", "l2", "adaptive") or feature in self.bonus
        )

    # ----------------------------------------------------------- construction
    def new(self, layer_sizes, activation="sigmoid", learning_rate=0.01, **options):
        """A fresh student model: ``cls(list(layer_sizes), activation=..., learning_rate=..., **options)``.

        ``options`` are the student's own keywords, as given by :meth:`options`.
        The call is made as the student's constructor takes it (see :attr:`call_style`).
        """
        model = _construct(self.cls, layer_sizes, activation, learning_rate, self.call_style, options)
        if self.initialize_after_new:
            model._initialize_weights()
        return model

    # ------------------------------------------------------------------ bonus
    def options(self, feature: str, **values) -> dict:
        """The constructor keywords that switch on a bonus ``feature`` with the given values.

        ``options("momentum", beta=0.9)``, ``options("l2", lam=0.01)``,
        ``options("adaptive", method="adam")`` or ``method="rmsprop"`` (with
        optional ``beta1``, ``beta2``, ``eps``, ``rho``). Only the values the
        student has a keyword for are passed. Where the value itself is the
        switch (``momentum=0.0`` meaning off), a feature asked for without a value
        gets the default if nonzero, else 0.9 (β) or 0.01 (λ); ``lam=0.0`` gives
        ``{"l2": 0.0}``, the feature off. Raises ``KeyError`` when the student has
        not got the feature, ``ValueError`` for a method they have not got,
        ``TypeError`` for a value name other than the six above.
        """
        if feature not in self.bonus:
            raise KeyError(feature)
        spec = self.bonus[feature]
        if feature == "adaptive":
            methods = spec["methods"]
            method = values.pop("method", None) or ("adam" if "adam" in methods else next(iter(methods)))
            if method not in methods:
                raise ValueError(f"the student's class has no {method!r} (it has {sorted(methods)})")
            out = dict(methods[method])
        else:
            out = dict(spec.get("switch", {}))
        unknown = set(values) - {"beta", "lam", "beta1", "beta2", "eps", "rho"}
        if unknown:
            raise TypeError(f"options({feature!r}) got unknown values {sorted(unknown)}")
        for canonical, keyword in spec.get("keywords", {}).items():
            if canonical in values:
                out[keyword] = values[canonical]
        keyword = spec.get("value_switch")
        if keyword and keyword not in out:
            # the value itself switches the feature on (momentum=0.9, l2=0.01): asked for the feature
            # without a value, "on" is the default if that is nonzero, else a usual value; an explicit
            # 0 (the feature off) is passed as it is
            canonical = next(c for c, k in spec["keywords"].items() if k == keyword)
            out[keyword] = spec["defaults"].get(canonical) or spec["on_value"]
        return out

    def defaults(self, feature: str) -> dict:
        """The hyperparameters in effect when not passed: ``{"beta": 0.9}``, ``{"lam": 0.0}``, ...

        From the constructor's signature, else from the attributes of a model
        built with the feature on (e.g. an optimiser object's ``beta``). Raises
        ``KeyError`` when the student has not got the feature.
        """
        if feature not in self.bonus:
            raise KeyError(feature)
        return dict(self.bonus[feature].get("defaults", {}))

    # ----------------------------------------------------------------- params
    def _weights_of(self, model):
        paths = self.layout.weights.paths(model)
        return paths, [_get(model, p) for p in paths]

    def get_params(self, model) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Copies of the model's weights (n_out, n_in) and biases (n_out,), float64."""
        weights = [np.array(w, dtype=float) for w in self.layout.weights.values(model)]
        if self.layout.transposed:
            weights = [w.T.copy() for w in weights]
        weights = [w.reshape(1, -1) if w.ndim == 1 else w for w in weights]  # a one-unit layer's vector
        biases = [np.array(b, dtype=float).reshape(-1) for b in self.layout.biases.values(model)]
        return weights, biases

    def set_params(self, model, weights, biases) -> None:
        """Write canonical ``weights`` and ``biases`` into the model, in the student's own layout.

        Each array is a new float64 array in the shape the student's array has
        now, assigned into the same container (list item, dict key, attribute).
        Raises ``ValueError`` naming the layer when a shape does not fit.
        """
        w_paths = self.layout.weights.paths(model)
        b_paths = self.layout.biases.paths(model)
        if len(weights) != len(w_paths) or len(biases) != len(b_paths):
            raise ValueError(
                f"the model has {len(w_paths)} weight and {len(b_paths)} bias arrays, "
                f"got {len(weights)} and {len(biases)}"
            )
        new_w, new_b = [], []
        for layer, (path, weight) in enumerate(zip(w_paths, weights), 1):
            weight = np.array(weight, dtype=float)
            if weight.ndim == 1:
                weight = weight.reshape(1, -1)
            stored = np.array(weight.T if self.layout.transposed else weight, dtype=float)
            old = _shape(_get(model, path))
            if stored.shape != old:
                if stored.size != int(np.prod(old, dtype=int)) or len(old) > 2 or 1 not in stored.shape:
                    raise ValueError(
                        f"W({layer}) of shape {weight.shape} does not fit the student's {_text(path)} "
                        f"of shape {old}"
                    )
                stored = stored.reshape(old)
            new_w.append(stored)
        for layer, (path, bias) in enumerate(zip(b_paths, biases), 1):
            bias = np.array(bias, dtype=float)
            old_value = _get(model, path)
            old = _shape(old_value)
            if bias.size != int(np.prod(old, dtype=int)):
                raise ValueError(
                    f"b({layer}) of shape {bias.shape} does not fit the student's {_text(path)} "
                    f"of shape {old}"
                )
            new_b.append(np.float64(bias.item()) if _is_number(old_value) else bias.reshape(old).copy())
        for path, value in zip(w_paths, new_w):
            _set(model, path, value)
        for path, value in zip(b_paths, new_b):
            _set(model, path, value)

    # ----------------------------------------------------------------- labels
    def labels(self, y) -> np.ndarray:
        """``y`` (n,) of 0/1 in the form the student's methods expect (e.g. (n, 1))."""
        y = np.asarray(y, dtype=float).reshape(-1)
        return y.reshape(-1, 1) if self.label_shape == "(n, 1)" else y

    # ---------------------------------------------------------------- forward
    def forward(self, model, X) -> np.ndarray:
        """ŷ of shape (n,): the student's ``_forward(X)``, its output found in what it returns."""
        ret = model._forward(X)
        self._last = (model, ret)
        root = ret if self.output.root == "ret" else model
        try:
            out = _get(root, self.output.path)
        except Exception as exc:
            raise ValueError(
                f"ŷ not found in what _forward returned ({_kind_of(ret)}): expected it at "
                f"{_text(self.output.path, self.output.root)} ({describe_error(exc)})"
            ) from None
        out = np.asarray(out, dtype=float)
        n = np.shape(X)[0]
        if out.size != n:
            raise ValueError(
                f"_forward(X) gave ŷ of shape {out.shape} for {n} samples; expected (n,) or (n, 1)"
            )
        return out.reshape(-1)

    def intermediates(self, model) -> dict[str, list[np.ndarray]]:
        """What the last ``_forward`` kept: ``{"z": [z1, ...], "a": [a1, ...]}``, each (n, n_l).

        Only what the student's object (or the return value of the last
        :meth:`forward` call on this model) exposes; ``a`` never includes the
        input ``X``. Empty when nothing was found.
        """
        out = {}
        last_model, ret = self._last
        for key, spec in self.inter.items():
            if spec.family.root == "ret":
                if last_model is not model:
                    continue
                root = ret
            else:
                root = model
            values = _safe_values(spec.family, root)
            if values is None:
                continue
            arrays = [np.array(v, dtype=float) for v in values[spec.offset :]]
            out[key] = [a.T.copy() if spec.transposed else a for a in arrays]
        return out

    # -------------------------------------------------------------- gradients
    def gradients(self, model, X, y) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """∂L/∂W^(l) (n_out, n_in), ∂L/∂b^(l) (n_out,): the student's ``_forward(X)``, ``_backward(X, y)``.

        Whether returned or stored on the object; raises :class:`GradientShapeError`
        (a ``ValueError``) when an array has a shape that fits no parameter (the
        message says which layer and both shapes; ``.raw`` holds the arrays as found).
        """
        if self.grad_layout is None:
            raise ValueError(
                f"the gradients of _backward were not found: {self.missing.get('gradients', '')}"
            )
        self.forward(model, X)
        ret = model._backward(X, self.labels(y))
        w_family, b_family = self.grad_layout
        roots = {"ret": ret, "model": model}
        try:
            d_weights = w_family.values(roots[w_family.root])
            d_biases = b_family.values(roots[b_family.root])
        except Exception as exc:
            where = "returned" if w_family.root == "ret" else "stored"
            raise ValueError(
                f"_backward's gradients not where they were found before ({where}: "
                f"{w_family.describe()}); _backward returned {_kind_of(ret)} ({describe_error(exc)})"
            ) from None
        _, weights = self._weights_of(model)
        raw = [(f"dW{i}", np.asarray(g)) for i, g in enumerate(d_weights, 1)]
        raw += [(f"db{i}", np.asarray(g)) for i, g in enumerate(d_biases, 1)]
        n_outs = [self._canonical_weight(w).shape[0] for w in weights]
        undone_w = [self._canonical_weight(g) for g in d_weights]  # the student's layout undone, unchecked
        undone_b = [
            np.asarray(g, dtype=float).reshape(-1) if np.size(g) == n else np.asarray(g, dtype=float)
            for g, n in zip(d_biases, n_outs)
        ]

        def fail(message, layer, name):
            return GradientShapeError(message, raw, layer, name, undone_w, undone_b)

        if len(d_weights) != len(weights) or len(d_biases) != len(weights):
            raise fail(
                f"_backward gave {len(d_weights)} weight and {len(d_biases)} bias gradients "
                f"for {len(weights)} layers",
                0,
                "dW",
            )
        for layer, (grad, weight) in enumerate(zip(d_weights, weights), 1):
            shape, found = _shape(weight), _shape(grad)
            if found != shape:
                hint = " (the transpose)" if found == shape[::-1] else ""
                raise fail(f"dW({layer}) has shape {found}; W({layer}) has shape {shape}{hint}", layer, "dW")
        for layer, (grad, n_out) in enumerate(zip(d_biases, n_outs), 1):
            if np.size(grad) != n_out or np.ndim(grad) > 2:
                raise fail(
                    f"db({layer}) has shape {_shape(grad)}; b({layer}) has {n_out} entries", layer, "db"
                )
        return undone_w, undone_b

    def _canonical_weight(self, array) -> np.ndarray:
        array = np.array(array, dtype=float)
        if self.layout.transposed:
            array = array.T.copy()
        return array.reshape(1, -1) if array.ndim == 1 else array


def _kind_of(value) -> str:
    if value is None:
        return "None"
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if _is_seq(value):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"a {type(value).__name__}"


def _construct(cls, layer_sizes, activation, learning_rate, style, options):
    sizes = list(layer_sizes)
    if style == "keywords":
        return cls(sizes, activation=activation, learning_rate=learning_rate, **options)
    if style == "positional":
        return cls(sizes, activation, learning_rate, **options)
    return cls(sizes, **options)


# ======================================================================= detect
def detect(cls) -> Student:
    """Probe ``cls`` (the student's ``MLP``) and return it seen through its conventions.

    Never raises: whatever fails is recorded in ``missing`` or ``notes``.
    """
    student = Student(cls=cls)
    try:
        _detect(student)
    except Exception as exc:  # a bug here must not cost a student their grade: say so instead
        if "weights" not in student.found:
            student.missing.setdefault("params", f"detection failed: {describe_error(exc)}")
        if "gradients" not in student.found:
            student.missing.setdefault("gradients", f"detection failed: {describe_error(exc)}")
            student.grad_layout = None
    try:
        _find_bonus(student, student.__dict__.pop("_activation", "tanh"))
    except Exception as exc:
        student.notes["bonus"] = f"detection of the bonus keywords failed: {describe_error(exc)}"
    return student


def _detect(student: Student) -> None:
    model, activation = _probe_model(student)
    if model is None:
        return
    student._activation = activation
    rng = np.random.default_rng(12)
    X = rng.normal(size=(_PROBE_SAMPLES, PROBE_SIZES[0]))
    y = np.array([0, 1, 1, 0, 1, 0, 1], dtype=float)
    weights, biases = _random_params(rng, PROBE_SIZES)
    if _find_params(student, model, weights, biases):
        _find_output(student, model, X, activation)
        _verify_params(student, model, X, rng)
    if "params" not in student.missing:
        _find_gradients(student, model, X, y, weights, biases)
        _find_intermediates(student, model, X, activation)
    else:
        student.missing.setdefault("gradients", "needs the weights, which were not found")
        student.grad_layout = None
        _find_output(student, model, X, activation)


def _random_params(rng, sizes):
    weights = [rng.normal(0.0, 0.7, size=(n_out, n_in)) for n_in, n_out in itertools.pairwise(sizes)]
    biases = [rng.normal(0.0, 0.3, size=n_out) for n_out in sizes[1:]]
    return weights, biases


def _probe_model(student: Student):
    """Build the probe ``[3, 5, 4, 1]``; record the call style and activation that worked."""
    errors, built, chosen = [], [], None
    X = np.random.default_rng(0).normal(size=(_PROBE_SAMPLES, PROBE_SIZES[0]))
    for activation, style in itertools.product(("tanh", "sigmoid"), ("keywords", "positional")):
        try:
            model = _construct(student.cls, PROBE_SIZES, activation, 0.01, style, {})
        except Exception as exc:
            errors.append(describe_error(exc))
            continue
        built.append((model, activation, style))
        try:  # tanh accepted by the constructor may still be unknown to _forward: then sigmoid
            model._forward(X)
        except Exception:
            continue
        chosen = built[-1]
        break
    if built:
        model, activation, style = chosen or built[0]
        student.call_style = style
        student.found["constructor"] = (
            f"MLP(layer_sizes, activation={activation!r}, learning_rate=0.01)"
            if style == "keywords"
            else f"MLP(layer_sizes, {activation!r}, 0.01) (positional)"
        )
        return model, activation
    try:
        model = _construct(student.cls, PROBE_SIZES, "tanh", 0.01, "sizes", {})
    except Exception as exc:
        errors.append(describe_error(exc))
    else:
        student.call_style = "sizes"
        student.found["constructor"] = "MLP(layer_sizes) (activation and learning_rate not taken)"
        return model, "sigmoid"
    reason = f"MLP({list(PROBE_SIZES)}, activation='tanh', learning_rate=0.01) failed: {errors[0]}"
    student.missing["params"] = reason
    student.missing["gradients"] = reason
    student.grad_layout = None
    return None, None


def _find_params(student: Student, model, weights, biases) -> bool:
    """Find the weight and bias families on the probe; record the ranked candidates."""
    candidates = _param_candidates(model)
    if not candidates and hasattr(model, "_initialize_weights"):
        try:
            model._initialize_weights()
        except Exception:
            pass
        else:
            candidates = _param_candidates(model)
            student.initialize_after_new = bool(candidates)
    if not candidates:
        searched = sorted(
            {str(step[1]) for step, _ in _walk(model, depth=1).children.get((), [])},
        )
        shapes = ", ".join(str((n_out, n_in)) for n_in, n_out in itertools.pairwise(PROBE_SIZES))
        student.missing["params"] = (
            f"no list, tuple, dict or numbered attributes (W1, W2, …) holding arrays shaped like the "
            f"weights of {list(PROBE_SIZES)} ({shapes}, or each transposed) and biases of sizes "
            f"{', '.join(map(str, PROBE_SIZES[1:]))}; "
            f"searched the attributes {', '.join(searched) or '(none)'}, their items and keys"
            + (" (also after calling _initialize_weights())" if hasattr(model, "_initialize_weights") else "")
        )
        return False
    student._candidates = candidates
    student.layout = candidates[0]
    return True


def _param_candidates(model) -> list[_Layout]:
    tree = _walk(model)
    families = _families(tree, "model")
    sizes = PROBE_SIZES
    n_layers = len(sizes) - 1
    weight_fams, bias_fams = [], []
    for family in families:
        values = _safe_values(family, model)
        if values is None or len(values) != n_layers:
            continue
        shapes = [_shape(v) for v in values]
        if shapes[-1] == (sizes[-2],) and sizes[-1] == 1:  # a one-unit output layer's w as a vector:
            canonical = shapes[0] == (sizes[1], sizes[0])  # read it in the other layers' orientation
            shapes[-1] = (1, sizes[-2]) if canonical else (sizes[-2], 1)
        if shapes == [(o, i) for i, o in itertools.pairwise(sizes)]:
            weight_fams.append((family, False))
        elif shapes == [(i, o) for i, o in itertools.pairwise(sizes)]:
            weight_fams.append((family, True))
        if all(_bias_fits(v, o) for v, o in zip(values, sizes[1:])):
            bias_fams.append(family)
    weight_fams.sort(key=lambda item: _rank(item[0], _WEIGHT_WORD))
    layouts = []
    for w_family, transposed in weight_fams[:4]:
        ranked = sorted(bias_fams, key=lambda f: (_affinity(w_family, f), *_rank(f, _BIAS_WORD)))
        layouts.extend(_Layout(w_family, b_family, transposed) for b_family in ranked[:4])
    return layouts


def _affinity(a: _Family, b: _Family) -> int:
    if a.kind == b.kind and a.path == b.path and a.kind == "keyed":
        return 0
    if a.kind == b.kind == "seq" and a.path == b.path and a.sub != b.sub:
        return 0
    if a.kind == b.kind and a.path[:-1] == b.path[:-1] and a.mode == "all" == b.mode:
        return 1
    return 2


def _verify_params(student: Student, model, X, rng) -> None:
    """Pick the first candidate layout whose writes read back and change ``_forward``'s output."""
    reasons = []
    unverified = weights_only = None
    for layout in student.__dict__.pop("_candidates", [student.layout]):
        student.layout = layout
        try:
            before = student.get_params(model)
            weights, biases = _random_params(rng, PROBE_SIZES)
            student.set_params(model, weights, biases)
            back_w, back_b = student.get_params(model)
        except Exception as exc:
            reasons.append(f"{layout.weights.describe(3)}: writing failed ({describe_error(exc)})")
            continue
        if not all(np.array_equal(a, b) for a, b in zip(back_w + back_b, weights + biases)):
            reasons.append(f"{layout.weights.describe(3)}: what was written does not read back")
            continue
        try:
            out_new = student.forward(model, X)
            student.set_params(model, *before)
            out_old = student.forward(model, X)
        except Exception as exc:
            unverified = unverified or (layout, f"not verified: _forward raised {describe_error(exc)}")
            continue
        if np.allclose(out_new, out_old, rtol=0, atol=1e-12):
            reasons.append(f"{layout.weights.describe(3)}: writing it does not change what _forward returns")
            continue
        try:  # the biases alone must matter too, else they may be a copy (best_biases, a cache)
            student.set_params(model, before[0], [b + 1.0 for b in before[1]])
            out_bias = student.forward(model, X)
            student.set_params(model, *before)
        except Exception:
            out_bias = out_old
        if np.allclose(out_bias, out_old, rtol=0, atol=1e-12):
            weights_only = weights_only or layout
            continue
        _record_params(student, layout, model)
        return
    if weights_only is not None:
        _record_params(student, weights_only, model)
        student.notes["params"] = "writing the biases does not change what _forward returns"
        return
    if unverified is not None:
        _record_params(student, unverified[0], model)
        student.notes["params"] = unverified[1]
        return
    student.missing["params"] = "the arrays found are not the model's weights: " + "; ".join(reasons)


def _record_params(student: Student, layout: _Layout, model) -> None:
    student.layout = layout
    n = len(PROBE_SIZES) - 1
    orientation = "(n_in, n_out)" if layout.transposed else "(n_out, n_in)"
    student.found["weights"] = f"{layout.weights.describe(n)}, W of shape {orientation}"
    form = _bias_form(layout.biases.values(model))
    student.found["biases"] = f"{layout.biases.describe(n)}, shape {form}"


# ----------------------------------------------------------------------- output
def _output_candidates(tree: _Tree, n: int) -> list:
    out = []
    for path, value in tree.nodes:
        if not isinstance(value, np.ndarray) or value.dtype.kind not in "fiu":
            continue
        if value.shape not in ((n,), (n, 1), (1, n)):
            continue
        v = np.asarray(value, dtype=float)
        if np.all(np.isfinite(v)) and v.min() >= 0.0 and v.max() <= 1.0:
            out.append((path, v))
    return out


def _pick_output(candidates: list):
    """The shallowest, last candidate; of a pair (z, σ(z)) the σ(z)."""
    if not candidates:
        return None
    depth = min(len(path) for path, _ in candidates)
    level = [(path, v) for path, v in candidates if len(path) == depth]
    zs = {
        i
        for i, (_, z) in enumerate(level)
        for j, (_, a) in enumerate(level)
        if i != j and np.allclose(_sigmoid(z).reshape(-1), a.reshape(-1), atol=1e-9)
    }
    level = [item for i, item in enumerate(level) if i not in zs] or level
    return level[-1]


def _find_output(student: Student, model, X, activation) -> None:
    n = X.shape[0]
    try:
        before = _walk(model).leaves()
        ret = model._forward(X)
    except Exception as exc:
        student.notes["output"] = f"_forward(X) raised {describe_error(exc)}"
        return
    if isinstance(ret, np.ndarray):
        if ret.size == n:
            student.output = _Output("ret", ())
            student.found["output"] = f"_forward returns ŷ of shape {_pretty(ret.shape, n)}"
            return
        student.notes["output"] = f"_forward returns an array of shape {ret.shape} for {n} samples"
        return
    picked = _pick_output(_output_candidates(_walk(ret), n)) if ret is not None else None
    if picked is not None:
        path, value = picked
        student.output = _Output("ret", path)
        where = f"item {path[0][1]}" if len(path) == 1 and path[0][0] == "item" else _text(path)
        student.found["output"] = (
            f"ŷ is {where} of the {type(ret).__name__} _forward returns, shape {_pretty(value.shape, n)}"
        )
        return
    after = _walk(model)
    changed = [
        (path, value)
        for path, value in _output_candidates(after, n)
        if path not in before or before[path] is not value
    ]
    picked = _pick_output(changed)
    if picked is not None:
        path, value = picked
        student.output = _Output("model", path)
        student.found["output"] = (
            f"ŷ is stored in `{_text(path)}` by _forward (shape {_pretty(value.shape, n)})"
        )
        return
    student.notes["output"] = (
        f"no ŷ (n values in [0, 1]) in what _forward returns ({_kind_of(ret)}) or stores on the object"
    )


def _pretty(shape, n) -> str:
    return "(" + ", ".join("n" if s == n else str(s) for s in shape) + (",)" if len(shape) == 1 else ")")


# -------------------------------------------------------------------- gradients
def _snapshot(model) -> dict:
    return {path: (value, np.array(value, dtype=float)) for path, value in _walk(model).leaves().items()}


def _changed(snapshot: dict, path, value) -> bool:
    if path not in snapshot:
        return True
    old, copy = snapshot[path]
    if old is not value:
        return True
    current = np.asarray(value, dtype=float)
    return current.shape != copy.shape or not np.array_equal(current, copy)


def _grad_candidates(student: Student, ret, model, snapshot, param_paths) -> tuple | None:
    sizes = PROBE_SIZES
    n_layers = len(sizes) - 1
    w_sizes = [i * o for i, o in itertools.pairwise(sizes)]
    b_sizes = list(sizes[1:])
    for root_name, root in (("ret", ret), ("model", model)):
        if root is None:
            continue
        if isinstance(root, np.ndarray):
            continue
        tree = _walk(root)
        w_fams, b_fams, loose = [], [], []
        for family in _families(tree, root_name, reverse=True):
            paths = _safe_paths(family, root)
            if paths is None or len(paths) != n_layers:
                continue
            if root_name == "model":
                if any(p in param_paths for p in paths):
                    continue
                values = [_get(root, p) for p in paths]
                if not all(_changed(snapshot, p, v) for p, v in zip(paths, values)):
                    continue
            else:
                values = [_get(root, p) for p in paths]
            found_sizes = [int(np.prod(_shape(v), dtype=int)) for v in values]
            if found_sizes == w_sizes and all(np.ndim(v) in (1, 2) for v in values):
                w_fams.append(family)
            elif found_sizes == b_sizes:
                b_fams.append(family)
            else:
                loose.append(family)
        w_fams.sort(key=lambda f: _rank(f, _GRAD_WORD))
        if w_fams and b_fams:
            w_family = w_fams[0]
            b_fams.sort(key=lambda f: (_affinity(w_family, f), *_rank(f, _GRAD_WORD)))
            return (w_family, b_fams[0]), True
        # one kind found, the other in the same container but misshapen (db summed over the wrong
        # axis): take it, so that gradients() names the layer and shape and the diagnosis sees it
        for exact, is_weight in ((w_fams, True), (b_fams, False)):
            if not exact:
                continue
            other = [f for f in loose if _affinity(exact[0], f) <= 1 and _compatible(exact[0], f)]
            if other:
                other.sort(
                    key=lambda f: (_affinity(exact[0], f), *_rank(f, _BIAS_WORD if is_weight else _GRAD_WORD))
                )
                return ((exact[0], other[0]) if is_weight else (other[0], exact[0])), False
    return None


def _compatible(a: _Family, b: _Family) -> bool:
    """Two families that can be a layer's dW and db: complementary halves of one list, or alike."""
    if a.kind == b.kind == "seq" and a.path == b.path and not a.sub and not b.sub:
        return {a.mode, b.mode} in ({"even", "odd"}, {"first", "second"})
    return a.mode == b.mode


def _safe_paths(family, root):
    try:
        return family.paths(root)
    except Exception:
        return None


def _find_gradients(student: Student, model, X, y, weights, biases) -> None:
    layout = student.layout
    param_paths = set()
    reasons = []
    misshapen = None
    for label_shape in ("(n,)", "(n, 1)"):
        student.label_shape = label_shape
        try:
            student.set_params(model, weights, biases)
            param_paths = set(layout.weights.paths(model)) | set(layout.biases.paths(model))
            model._forward(X)
            snapshot = _snapshot(model)
            before = student.get_params(model)
            ret = model._backward(X, student.labels(y))
        except Exception as exc:
            reasons.append(f"with y of shape {label_shape}: _backward raised {describe_error(exc)}")
            continue
        result = _grad_candidates(student, ret, model, snapshot, param_paths)
        if result is None:
            reasons.append(
                f"with y of shape {label_shape}: no arrays shaped like the gradients of "
                f"{list(PROBE_SIZES)} in what _backward returns ({_kind_of(ret)}) or changes on the object"
            )
            continue
        spec, exact = result
        after = student.get_params(model)
        updated = not all(np.array_equal(a, b) for a, b in zip(before[0] + before[1], after[0] + after[1]))
        if not exact:  # maybe only the labels' shape is wrong: try y of shape (n, 1) first
            misshapen = misshapen or (spec, label_shape, updated)
            continue
        _record_gradients(student, model, spec, label_shape, updated, weights, biases)
        return
    if misshapen is not None:
        _record_gradients(student, model, *misshapen, weights, biases)
        return
    student.label_shape = "(n,)"
    student.grad_layout = None
    student.missing["gradients"] = "; ".join(reasons)
    student.notes["labels"] = "unknown: _backward worked with neither y of shape (n,) nor (n, 1)"


def _record_gradients(student, model, spec, label_shape, updated, weights, biases) -> None:
    student.grad_layout = spec
    student.label_shape = label_shape
    if updated:
        student.notes["backward"] = "_backward also changes the weights (an update step inside it)"
    student.found["labels"] = f"y of shape {label_shape}"
    student.found["gradients"] = _describe_grads(spec)
    student.set_params(model, weights, biases)


def _describe_grads(spec) -> str:
    text = _describe_grads_plainly(spec)
    if any(f.mode == "reversed" for f in spec):
        text += " (in reverse layer order: the last layer first)"
    return text


def _describe_grads_plainly(spec) -> str:
    w_family, b_family = spec
    n = len(PROBE_SIZES) - 1
    verb = "returned by _backward" if w_family.root == "ret" else "stored by _backward in"
    same = w_family.kind == b_family.kind and w_family.path == b_family.path
    if same and w_family.kind == "keyed":
        names = ", ".join(f"{f.prefix}{f.sep}{f.first}…{f.prefix}{f.sep}{f.first + n - 1}" for f in spec)
        if w_family.root == "ret" and not w_family.path:
            return f"returned by _backward as a dict {names}"
        where = f"`{_text(w_family.path)}`" if w_family.path else "attributes"
        if w_family.root == "ret":
            where = _text(w_family.path, "ret")
        return f"{verb} {where} as {names}"
    if same and w_family.kind == "seq":
        if w_family.sub:
            if w_family.root == "ret" and not w_family.path:
                return "returned by _backward as a list of (dW, db) per layer"
            pair = ", ".join(f"`{_text((*f.path, ('item', 'l'), *f.sub))}`" for f in spec)
            return f"{verb} {pair}" if w_family.root == "model" else f"{verb} {pair} of the return value"
        order = (
            "dW1, db1, dW2, db2, …" if w_family.mode in ("even", "odd") else "dW1, dW2, …, then db1, db2, …"
        )
        return f"{verb} as one flat list ({order})"
    if w_family.kind == b_family.kind == "seq" and not w_family.sub and not b_family.sub:
        keys = [f.path[0][1] for f in spec if len(f.path) == 1 and f.path[0][0] == "key"]
        if w_family.root == "ret" and len(keys) == 2:
            return f"returned by _backward as a dict of lists {keys[0]!r}, {keys[1]!r}"
        if (w_family.path, b_family.path) == ((("item", 0),), (("item", 1),)) and w_family.root == "ret":
            return "returned by _backward as (dW list, db list)"
        if w_family.root == "model":
            return f"stored by _backward in lists `{_text(w_family.path)}` and `{_text(b_family.path)}`"
    return f"{verb} {w_family.describe(n)} and {b_family.describe(n)}"


# ----------------------------------------------------------------- intermediates
def _find_intermediates(student: Student, model, X, activation) -> None:
    n = X.shape[0]
    try:
        ret = model._forward(X)
        y_hat = student.forward(model, X)
    except Exception:
        return
    sizes = list(PROBE_SIZES)
    n_layers = len(sizes) - 1
    found = {}
    for root_name, root in (("ret", ret), ("model", model)):
        if root is None or isinstance(root, np.ndarray):
            continue
        for family in _families(_walk(root), root_name):
            values = _safe_values(family, root)
            if not values or any(not isinstance(v, np.ndarray) or v.ndim != 2 for v in values):
                continue
            shapes = [v.shape for v in values]
            offset = 1 if len(values) == n_layers + 1 else 0
            if len(values) - offset != n_layers:
                continue
            if all(s == (n, k) for s, k in zip(shapes[offset:], sizes[1:])):
                transposed = False
            elif all(s == (k, n) for s, k in zip(shapes[offset:], sizes[1:])):
                transposed = True
            else:
                continue
            if offset and shapes[0] not in ((n, sizes[0]), (sizes[0], n)):
                continue
            arrays = [
                np.asarray(v, dtype=float).T if transposed else np.asarray(v, dtype=float) for v in values
            ]
            arrays = arrays[offset:]
            last = arrays[-1].reshape(-1)
            if np.allclose(last, y_hat, atol=1e-9):
                key = "a"
            elif np.allclose(_sigmoid(last), y_hat, atol=1e-9):
                key = "z"
            else:
                continue
            if key not in found:
                found[key] = _Intermediate(family, offset, transposed)
    student.inter = found
    if found:
        student.found["intermediates"] = "; ".join(
            f"{key}: {spec.family.describe(n_layers + spec.offset)}" for key, spec in sorted(found.items())
        )


# ------------------------------------------------------------------------ bonus
def _signature(cls):
    try:
        return inspect.signature(cls.__init__)
    except (TypeError, ValueError):
        return None


def _code_strings(cls) -> set[str] | None:
    """The string constants the class's code uses (``== 'momentum'``), and its module's; None if unknown.

    Read from the functions' code objects, so it works for code without a
    source file too (a notebook's cells run by ``exec``).
    """
    strings: set[str] = set()
    seen_globals = False

    def collect(code) -> None:
        for const in code.co_consts:
            if isinstance(const, str):
                strings.add(const)
            elif isinstance(const, types.CodeType):
                collect(const)
            elif isinstance(const, (tuple, frozenset)):
                strings.update(c for c in const if isinstance(c, str))

    for klass in cls.__mro__:
        if klass is object or (klass.__module__ or "").startswith(("builtins", "numpy", "mlplab.")):
            continue
        for attr in vars(klass).values():
            func = getattr(attr, "fget", None) or getattr(attr, "__func__", None) or attr
            code = getattr(func, "__code__", None)
            if code is None:
                continue
            collect(code)
            if not seen_globals:
                seen_globals = True
                module_globals = getattr(func, "__globals__", {})
                for name, value in list(module_globals.items())[:_MAX_ITEMS]:
                    if name.startswith("__"):
                        continue
                    items = value if isinstance(value, (tuple, list, set, frozenset, dict)) else ()
                    strings.update(v for v in list(items)[:_MAX_ITEMS] if isinstance(v, str))
    if not strings:
        return None
    return strings


def _find_bonus(student: Student, activation: str) -> None:
    signature = _signature(student.cls)
    if signature is None:
        return
    params = {
        name: p
        for name, p in signature.parameters.items()
        if name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    }

    def default(name):
        if name not in params:
            return None
        value = params[name].default
        return None if value is inspect.Parameter.empty else value

    def builds(**options) -> bool:
        try:
            _construct(student.cls, PROBE_SIZES, activation, 0.01, student.call_style, options)
        except Exception:
            return False
        return True

    literals = _code_strings(student.cls)
    methods = {}  # method -> {keyword: value}
    guessed = set()  # methods taken on trust: the constructor accepts any name and the source is unknown
    for keyword in (k for k in _OPTIMIZER_KEYWORDS if k in params):
        current = default(keyword)
        if current is not None and not isinstance(current, str):
            continue
        lax = builds(**{keyword: _NONSENSE})
        for method, spellings in _METHOD_SPELLINGS.items():
            if method in methods:
                continue
            ordered = list(spellings)
            if isinstance(current, str) and current != current.lower():
                ordered.sort(key=lambda s: s == s.lower())  # 'SGD' or 'Sgd': capitalised names first
            if literals is not None:
                ordered = [s for s in ordered if s in literals] + [s for s in ordered if s not in literals]
            for spelling in ordered:
                if lax and literals is not None and spelling not in literals:
                    continue
                if builds(**{keyword: spelling}):
                    methods[method] = {keyword: spelling}
                    if lax and literals is None:
                        guessed.add(method)
                    break
    used = {next(iter(m)) for m in methods.values()}

    def numeric(name) -> bool:
        value = default(name)
        return name in params and name not in used and (value is None or _is_number(value))

    # momentum
    beta_kw = next((k for k in _MOMENTUM_BETA if numeric(k)), None)
    switch_kw = next((k for k in (*_MOMENTUM_SWITCH, "momentum") if isinstance(default(k), bool)), None)
    spec = None
    if "momentum" in methods:
        spec = {"switch": dict(methods["momentum"]), "keywords": {"beta": beta_kw} if beta_kw else {}}
    elif switch_kw:
        spec = {"switch": {switch_kw: True}, "keywords": {"beta": beta_kw} if beta_kw else {}}
    elif beta_kw in ("momentum", "mu", "momentum_beta", "beta_momentum", "momentum_coef") or (
        beta_kw == "beta" and not methods
    ):
        spec = {"switch": {}, "keywords": {"beta": beta_kw}, "value_switch": beta_kw, "on_value": 0.9}
    if spec is not None:
        spec["defaults"] = {"beta": default(beta_kw)} if beta_kw and default(beta_kw) is not None else {}
        student.bonus["momentum"] = spec
    # L2
    l2_kw = next((k for k in _L2_KEYWORDS if numeric(k)), None)
    l2_switch = next(({k: True} for k in _L2_BOOL_SWITCH if isinstance(default(k), bool)), None)
    for keyword in (k for k in _L2_SWITCH_KEYWORDS if k in params and not l2_switch):
        lax = builds(**{keyword: _NONSENSE})
        for spelling in ("l2", "L2"):
            if (not lax or (literals and spelling in literals)) and builds(**{keyword: spelling}):
                l2_switch = {keyword: spelling}
                break
        if l2_switch:
            break
    if l2_kw or l2_switch:
        spec = {"switch": l2_switch or {}, "keywords": {"lam": l2_kw} if l2_kw else {}}
        if l2_kw and not l2_switch:
            spec.update(value_switch=l2_kw, on_value=0.01)
        spec["defaults"] = {"lam": default(l2_kw)} if l2_kw and default(l2_kw) is not None else {}
        student.bonus["l2"] = spec
    # adaptive
    adaptive = {m: s for m, s in methods.items() if m in ("adam", "rmsprop")}
    for method, names in _ADAPTIVE_SWITCH.items():
        keyword = next((k for k in names if k in params and k not in used), None)
        if method not in adaptive and keyword and isinstance(default(keyword), (bool, type(None))):
            adaptive[method] = {keyword: True}
    if adaptive:
        keywords, defaults = {}, {}
        for canonical, names in _ADAPTIVE_KEYWORDS.items():
            keyword = next((k for k in names if numeric(k) and k != beta_kw), None)
            if keyword:
                keywords[canonical] = keyword
                if default(keyword) is not None:
                    defaults[canonical] = default(keyword)
        student.bonus["adaptive"] = {"methods": adaptive, "keywords": keywords, "defaults": defaults}
    for feature in ("momentum", "l2", "adaptive"):
        if feature in student.bonus:
            _fill_defaults(student, feature, activation)
            student.found[feature] = _describe_bonus(feature, student.bonus[feature])
    for method in guessed:
        feature = "momentum" if method == "momentum" else "adaptive"
        if feature in student.found:
            student.found[feature] += f" (the constructor accepts any name: {method!r} taken on trust)"


_CANONICAL_ATTRS = {
    "momentum": {"beta": ("beta", "momentum", "mu")},
    "l2": {"lam": ("l2", "lambda_", "lam", "lmbda", "reg_lambda", "l2_lambda", "weight_decay")},
    "adaptive": {
        "beta1": ("beta1", "beta_1"),
        "beta2": ("beta2", "beta_2"),
        "eps": ("eps", "epsilon"),
        "rho": ("rho", "decay", "decay_rate"),
    },
}


def _fill_defaults(student: Student, feature: str, activation: str) -> None:
    """Hyperparameters not in the signature: read from a model built with the feature on."""
    spec = student.bonus[feature]
    wanted = {c: names for c, names in _CANONICAL_ATTRS[feature].items() if c not in spec["defaults"]}
    runs = [{}]
    if feature == "adaptive":
        runs = [{"method": m} for m in spec["methods"]]
    for values in runs:
        if feature == "adaptive":
            per_method = ("beta1", "beta2", "eps") if values["method"] == "adam" else ("rho", "eps")
            names_now = {c: n for c, n in wanted.items() if c in per_method and c not in spec["defaults"]}
        else:
            names_now = {c: n for c, n in wanted.items() if c not in spec["defaults"]}
        if not names_now:
            continue
        try:
            options = student.options(feature, **values)
            model = _construct(student.cls, PROBE_SIZES, activation, 0.01, student.call_style, options)
        except Exception:
            continue
        nodes = _walk(model, depth=3).nodes
        for canonical, names in names_now.items():
            for path, value in nodes:
                hit = path and path[-1][0] == "attr" and path[-1][1] in names and _is_number(value)
                if hit and (feature == "l2" or value):
                    spec["defaults"][canonical] = float(value)
                    break


def _describe_bonus(feature: str, spec: dict) -> str:
    def kw(items):
        return ", ".join(f"{k}={v!r}" for k, v in items.items())

    names = {"beta": "β", "lam": "λ", "beta1": "β1", "beta2": "β2", "eps": "ε", "rho": "ρ"}
    params = ", ".join(
        f"{names[c]} as `{k}`" + (f" (default {spec['defaults'][c]!r})" if c in spec["defaults"] else "")
        for c, k in spec["keywords"].items()
    )
    if feature == "adaptive":
        switch = " / ".join(kw(s) for s in spec["methods"].values())
    elif spec.get("switch"):
        switch = kw(spec["switch"])
    else:
        switch = f"a nonzero `{spec['value_switch']}`"
    return f"constructor keyword {switch}" + (f"; {params}" if params else "")
