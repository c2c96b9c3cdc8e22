"""The contract of a report section: its blocks, the facts its prose uses, and its tables.

A section module defines one :class:`Section` named ``SECTION``. It reads its
experiment's ``metrics.json`` (``data``) itself, with the key names written
once, in that module; the experiment's name and its figure names come from the
lab module that writes them. So a renamed result key fails in the section's
unit test, and a renamed figure or experiment at import.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..blocks import Cell, Claim, Figure, Heading, Para, Table

__all__ = ["DEEPER", "PRACTICAL", "THEORY", "Facts", "Section", "header"]

#: headings that several sections share as their ``parents``: chapter 3, its parts 3.1 and 3.2
DEEPER = Heading(1, "h_deeper")
THEORY = Heading(2, "h_theory")
PRACTICAL = Heading(2, "h_practical")

#: ``facts(data, lang)``: placeholder name -> the formatted value
Facts = Callable[[Any, str], dict[str, str]]


def _no_facts(data: Any, lang: str) -> dict[str, str]:
    return {}


@dataclass(frozen=True)
class Section:
    """One section of the report, in the sheet's order.

    Attributes
    ----------
    name : str
        The section's name in messages and test ids.
    blocks : tuple of blocks
        Its headings, paragraphs, claims, equations, figures, tables and code cells, in
        order. A :class:`~mlplab.report.blocks.Table` holds its producer, a
        function ``(data, text, lang) -> TableData`` of the section's module.
    facts : callable ``(data, lang) -> dict[str, str]``
        The placeholders of the section's prose, formatted for ``lang``.
    experiment : str or None
        The experiment (its lab module's ``NAME``) whose ``metrics.json`` is the
        ``data`` of ``facts`` and of the table producers; the section is left out
        of the report when that experiment has no results. ``None``: the section
        is always there, and ``data`` is ``{experiment: metrics}`` of all results.
    needs : tuple of str
        For a section without ``experiment`` that compares experiments: the
        experiments it reads; it is left out unless all of them have results.
    parents : tuple of Heading
        Headings above the section that it shares with its neighbours, from the
        top (``(DEEPER, THEORY)`` for the vanishing gradients); each is written
        once, before the first present section below it.
    """

    name: str
    blocks: tuple
    facts: Facts = _no_facts
    experiment: str | None = None
    parents: tuple[Heading, ...] = ()
    needs: tuple[str, ...] = ()

    def data(self, metrics: Mapping[str, dict]) -> Any:
        """What ``facts`` and the table producers read: see :attr:`experiment`."""
        return metrics if self.experiment is None else metrics[self.experiment]

    def present_in(self, metrics: Mapping[str, dict]) -> bool:
        """Whether ``metrics`` holds what the section reads: its experiment, or every one it ``needs``."""
        if self.experiment is not None:
            return self.experiment in metrics
        return all(name in metrics for name in self.needs)

    @property
    def tables(self) -> tuple[Table, ...]:
        """The section's table blocks."""
        return tuple(b for b in self.blocks if isinstance(b, Table))

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The section's figure blocks."""
        return tuple(b for b in self.blocks if isinstance(b, Figure))

    def prose_keys(self) -> list[str]:
        """The keys of the prose table that its headings, paragraphs and captions use."""
        keys = [h.key for h in self.parents]
        for block in self.blocks:
            if isinstance(block, (Heading, Para)):
                keys.append(block.key)
            elif isinstance(block, Claim):
                keys.extend(block.keys)
            elif isinstance(block, (Figure, Table)):
                keys.append(block.caption)
        return keys

    def resolved(self, data: Any) -> list:
        """The blocks, each :class:`~mlplab.report.blocks.Claim` replaced by the paragraph of ``data``."""
        return [block.resolve(data) if isinstance(block, Claim) else block for block in self.blocks]


def header(text: Mapping[str, str], *keys: str) -> list[Cell]:
    """A table's header row: the prose of each column key."""
    return [Cell(text[k]) for k in keys]
