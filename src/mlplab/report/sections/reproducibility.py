"""The last section, and the title block's account of the report's inputs.

Per experiment: which results the report was built from (full settings,
``--quick``, or settings of one's own, found by comparing its
``metrics.json`` settings with the defaults and quick values of its lab
``Config``), every setting that differs from the defaults, its seed, its run
time, and the command that reproduces exactly these results.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ..blocks import Cell, Code, Heading, Para, Table, TableData
from ..text import fmt_g, fmt_num
from .base import Section, header

__all__ = [
    "COMMANDS",
    "KINDS",
    "SECTION",
    "command",
    "differences",
    "front_blocks",
    "inputs",
    "inputs_key",
    "kind",
    "master_seeds",
]

REPRO_CODE = """\
import platform
{"python": platform.python_version(), "numpy": np.__version__, "mlplab": mlplab.__version__,
 "seeds": {name: metrics(name)["seed"] for name in EXPERIMENTS}}
"""

#: what results an experiment's ``metrics.json`` holds: the prose key of each kind
KINDS = {"full": "kind_full", "quick": "kind_quick", "own": "kind_own"}

#: who writes the report (``build_report(command=...)``) -> the prose key of the title block's sentence
COMMANDS = {"all": "generated_all", "report": "generated_report", None: "generated_other"}


def master_seeds(metrics: Mapping[str, dict]) -> str:
    """The master seeds of the results (one, unless they were run with different ``--seed``)."""
    seeds = sorted({str(m.get("seed")) for m in metrics.values()})
    return ", ".join(seeds) if seeds else "0"


def _options(name: str):
    """The ``(field, Option)`` pairs of experiment ``name``'s ``Config``, or none for an unknown name."""
    from ... import lab
    from ...lab._options import options_of

    if name not in lab.EXPERIMENTS:
        return []
    return options_of(lab.load(name).Config)


def _as_json(value):
    return json.loads(json.dumps(value))  # a tuple becomes a list, as in metrics.json


def differences(name: str, metrics: dict) -> list[tuple[str, object, object]]:
    """``(option, value, default)`` for every option of ``name`` whose recorded value is not its default.

    Options the results do not record (an older mlplab) are left out.
    """
    settings = metrics.get("settings", {})
    found = []
    for field, _ in _options(name):
        if field.name in settings and settings[field.name] != _as_json(field.default):
            found.append((field.name, settings[field.name], field.default))
    return found


def kind(name: str, metrics: dict) -> str:
    """``'quick'`` (``--quick``), ``'full'`` (every option at its default) or ``'own'`` (other settings).

    Results are quick ones if ``metrics.json`` says so, or if every option that differs from its
    default holds its ``--quick`` value and every option with a quick value holds it.
    """
    if metrics.get("quick"):
        return "quick"
    differ = {option for option, _, _ in differences(name, metrics)}
    if not differ:
        return "full"
    settings = metrics.get("settings", {})
    quick = {f.name: spec.quick for f, spec in _options(name) if spec.has_quick}
    if set(quick) == differ and all(settings.get(k) == _as_json(v) for k, v in quick.items()):
        return "quick"
    return "own"


def inputs(metrics: Mapping[str, dict]) -> dict[str, str]:
    """``{experiment: kind}`` of every experiment with results."""
    return {name: kind(name, m) for name, m in metrics.items()}


def inputs_key(metrics: Mapping[str, dict]) -> str:
    """The title block's sentence on the inputs: full, quick, own settings, a mix, or none at all."""
    kinds = set(inputs(metrics).values())
    if not kinds:
        return "inputs_none"
    if len(kinds) > 1:
        return "inputs_mix"
    return f"inputs_{kinds.pop()}"


def _value(value, lang: str) -> str:
    """A setting as the report writes it: numbers in the report's language, lists in brackets."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return str(value)
    if isinstance(value, (int, float)):
        return fmt_g(value, lang)
    inner = "; " if lang == "de" else ", "  # "; " keeps decimal commas apart
    return "[" + inner.join(_value(v, lang) for v in value) + "]"


def _typed(value):
    """A JSON value as the ``Config`` holds it: lists as tuples."""
    return tuple(_typed(v) for v in value) if isinstance(value, list) else value


def command(name: str, metrics: dict) -> str:
    """The command that reproduces these results: ``mlplab xor --quick --seed 0 --activation relu``."""
    from ...lab._options import flag, show

    quick = metrics.get("quick") or kind(name, metrics) == "quick"
    settings = metrics.get("settings", {})
    words = ["mlplab", name, *(["--quick"] if quick else []), "--seed", str(metrics.get("seed", 0))]
    for field, spec in _options(name):
        if field.name not in settings:
            continue
        base = spec.quick if quick and spec.has_quick else field.default
        if settings[field.name] != _as_json(base):
            words += [flag(field.name), show(_typed(settings[field.name]), spec)]
    return " ".join(words)


def inputs_table(metrics: Mapping[str, dict], text, lang: str) -> TableData:
    """Per experiment: its kind of results, the settings that differ from the defaults, its seed."""
    rows = []
    for name, m in metrics.items():
        differ = "; ".join(
            f"{option} = {_value(value, lang)} ({_value(_as_json(default), lang)})"
            for option, value, default in differences(name, m)
        )
        rows.append(
            [Cell(name), Cell(text[KINDS[kind(name, m)]]), Cell(differ or "–"), Cell(str(m.get("seed")))]
        )
    head = header(text, "col_experiment", "col_results", "col_differences", "col_seed")
    return TableData(head, rows, ["left", "left", "left", "right"])


INPUTS_TABLE = Table(inputs_table, "cap_inputs")


def front_blocks(metrics: Mapping[str, dict], writer: str | None = None) -> list:
    """The title block after the title: who wrote the report, from which results (and their table)."""
    if writer not in COMMANDS:
        raise ValueError(f"command must be one of {sorted(COMMANDS, key=str)}, got {writer!r}")
    key = inputs_key(metrics)
    if key == "inputs_none":
        return [Para(COMMANDS[writer]), Para(key)]
    many = len({m.get("seed") for m in metrics.values()}) > 1
    blocks = [Para(COMMANDS[writer]), Para(key), Para("inputs_seed_many" if many else "inputs_seed_one")]
    if key != "inputs_full" or many:
        blocks.append(INPUTS_TABLE)
    return blocks


def seeds(metrics: dict[str, dict], text, lang: str) -> TableData:
    """Per experiment: its master seed, how long it ran, and the command that reproduces its results."""
    rows = []
    for name, m in metrics.items():
        total = m.get("timings", {}).get("total")
        rows.append([
            Cell(name),
            Cell(str(m.get("seed"))),
            Cell(fmt_num(total, 1, lang) + " s" if total is not None else "–"),
            Cell(f"`{command(name, m)}`"),
        ])  # fmt: skip
    head = header(text, "col_experiment", "col_seed", "col_time", "col_command")
    return TableData(head, rows, ["left", "right", "right", "left"])


def versions(metrics: dict[str, dict], text, lang: str) -> TableData:
    """Every package version that the experiments recorded."""
    found: dict[str, str] = {}
    for m in metrics.values():
        found.update(m.get("versions", {}))
    rows = [[Cell(k), Cell(v)] for k, v in sorted(found.items())]
    return TableData(header(text, "col_package", "col_version"), rows)


SECTION = Section(
    "reproducibility",
    (
        Heading(1, "h_reproducibility"),
        Para("repro_text"),
        Table(seeds, "cap_seeds"),
        Table(versions, "cap_versions"),
        Code(REPRO_CODE, extra={"explain": "repro_code"}),
    ),
)
