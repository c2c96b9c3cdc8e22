"""The report's sections, one module each, in the sheet's order.

Every module defines a :class:`~mlplab.report.sections.base.Section` named
``SECTION``: its blocks, the facts its prose uses and its tables, read from
its experiment's results with names imported from the lab. :func:`assemble`
puts together the sections whose experiment has results; the renderers turn
the result into Typst and into a notebook.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..._version import __version__
from ..blocks import Table, TableData
from . import (
    backprop,
    implementation,
    init,
    init_sweep,
    lr,
    optimizers,
    overfit,
    reproducibility,
    spirals,
    sweep,
    vanishing,
    xor,
)
from .base import Section

__all__ = [
    "FRONT_KEYS",
    "SECTIONS",
    "Contents",
    "Section",
    "SectionDataError",
    "assemble",
    "front_facts",
    "present",
]

#: every section, in the order of the report
SECTIONS: tuple[Section, ...] = (
    backprop.SECTION,  # 1.1, 1.2
    implementation.SECTION,  # 2.1
    xor.SECTION,  # 2.2 (a)
    spirals.SECTION,  # 2.2 (b)
    sweep.SECTION,  # 2.2 (c)
    vanishing.SECTION,  # 3.1 (a)
    init.SECTION,  # 3.1 (b)
    init_sweep.SECTION,  # 3.1 (b), tied to 2.2 (c)
    overfit.SECTION,  # 3.2 (a)
    lr.SECTION,  # 3.2 (b)
    optimizers.SECTION,  # 4
    reproducibility.SECTION,
)

#: prose of the title block, which the renderers write before the first section: the title, and
#: the sentences of :func:`~.reproducibility.front_blocks` (who wrote the report, from which results)
FRONT_KEYS = (
    "title",
    "subtitle",
    *reproducibility.COMMANDS.values(),
    "inputs_full",
    "inputs_quick",
    "inputs_own",
    "inputs_mix",
    "inputs_none",
    "inputs_seed_one",
    "inputs_seed_many",
    "cap_inputs",
    *reproducibility.KINDS.values(),
)


def front_facts(metrics: Mapping[str, dict]) -> dict[str, str]:
    """The facts of the whole report: the version and the master seed(s) (title block, reproducibility)."""
    return {"version": __version__, "seed": reproducibility.master_seeds(metrics)}


def present(metrics: Mapping[str, dict]) -> list[Section]:
    """The sections that ``metrics`` (``{experiment: metrics.json}``) has the results for."""
    return [s for s in SECTIONS if s.present_in(metrics)]


@dataclass(frozen=True)
class Contents:
    """What the renderers need: the blocks, the facts for the prose, every table made."""

    blocks: list
    facts: dict[str, str]
    tables: dict[Table, TableData]


def assemble(metrics: Mapping[str, dict], text: Mapping[str, str], lang: str) -> Contents:
    """The report of the sections present in ``metrics``, for the prose ``text`` of ``lang``.

    Raises
    ------
    ValueError
        If two sections produce the same fact.
    """
    blocks: list = []
    facts = front_facts(metrics)
    tables: dict[Table, TableData] = {}
    above: tuple = ()  # the shared headings written last
    for section in present(metrics):
        shared = 0
        while shared < min(len(above), len(section.parents)) and above[shared] == section.parents[shared]:
            shared += 1
        blocks += section.parents[shared:]
        above = section.parents
        data = section.data(metrics)
        try:
            blocks += section.resolved(data)
            own = section.facts(data, lang)
            made = {table: table.producer(data, text, lang) for table in section.tables}
        except (KeyError, TypeError, AttributeError, IndexError, ValueError) as error:
            if section.experiment is None:
                raise
            raise SectionDataError(section.experiment, error) from error
        if clash := facts.keys() & own.keys():
            raise ValueError(f"section {section.name!r} produces facts that exist already: {sorted(clash)}")
        facts.update(own)
        tables.update(made)
    return Contents(blocks, facts, tables)


class SectionDataError(ValueError):
    """A section could not read what it needs from its experiment's results."""

    def __init__(self, experiment: str, error: Exception):
        self.experiment = experiment
        what = f"key {error}" if isinstance(error, KeyError) else f"{type(error).__name__}: {error}"
        super().__init__(f"its results lack what the report reads ({what})")
