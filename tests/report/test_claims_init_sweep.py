"""The claim that ties the initialisation study to the sweep's tanh cells, tested both ways."""

from __future__ import annotations

import copy
import json

import pytest

from mlplab.lab import initialization as init_lab
from mlplab.lab import sweep as sweep_lab
from mlplab.report import prose
from mlplab.report.sections import SECTIONS, assemble, init_sweep, present
from mlplab.report.sections.sweep import he_pairs


@pytest.fixture(scope="module")
def metrics(quick_results) -> dict:
    return {
        name: json.loads((quick_results / name / "metrics.json").read_text())
        for name in (init_lab.NAME, sweep_lab.NAME)
    }


def _set_init(metrics: dict, xavier: float, he: float) -> dict:
    altered = copy.deepcopy(metrics)
    training = altered[init_lab.NAME]["results"]["training"]["tanh"]
    training["xavier"]["accuracy_mean"], training["he"]["accuracy_mean"] = xavier, he
    return altered


def _set_sweep(metrics: dict, default: float, scaled: float) -> dict:
    altered = copy.deepcopy(metrics)
    for plain, rescaled in he_pairs(altered[sweep_lab.NAME], "tanh"):
        plain["test_accuracy_mean"], rescaled["test_accuracy_mean"] = default, scaled
    return altered


def test_the_section_needs_both_experiments(metrics):
    assert init_sweep.SECTION in present(metrics)
    assert init_sweep.SECTION not in present({init_lab.NAME: metrics[init_lab.NAME]})
    assert init_sweep.SECTION not in present({sweep_lab.NAME: metrics[sweep_lab.NAME]})
    assert SECTIONS.index(init_sweep.SECTION) == [s.name for s in SECTIONS].index("init") + 1


def test_the_quick_results_have_repeated_tanh_cells(metrics):
    assert he_pairs(metrics[sweep_lab.NAME], "tanh"), "the sweep's --rescaled repeat is missing"


@pytest.mark.parametrize(
    ("init", "sweep", "expected"),
    [
        ((0.57, 0.99), (0.55, 0.92), "link_both"),
        ((0.57, 0.99), (0.55, 0.75), "link_partial"),
        ((0.57, 0.99), (0.55, 0.57), "link_init_only"),
        ((0.90, 0.91), (0.55, 0.75), "link_init_none"),
        ((0.91, 0.90), (0.55, 0.57), "link_init_none"),
    ],
)
def test_the_link_follows_both_studies(metrics, init, sweep, expected):
    altered = _set_sweep(_set_init(metrics, *init), *sweep)
    assert init_sweep.choose_link(altered) == expected
    for lang in ("en", "de"):
        contents = assemble(altered, prose(lang), lang)
        assert any(getattr(b, "key", None) == expected for b in contents.blocks)
        facts = init_sweep.facts(altered, lang)
        decimal = "," if lang == "de" else "."
        assert facts["link_init_he"] == f"{100 * init[1]:.1f}".replace(".", decimal) + "\u202f%"
        assert facts["link_sweep_he"] == f"{100 * sweep[1]:.1f}".replace(".", decimal) + "\u202f%"


def test_without_the_he_repeat_the_sweep_cannot_say(metrics):
    altered = _set_init(metrics, 0.57, 0.99)
    cells = altered[sweep_lab.NAME]["results"]["cells"]
    cells[:] = [c for c in cells if c["init"] == sweep_lab.DEFAULT_INIT]
    assert init_sweep.choose_link(altered) == "link_sweep_none"
    assert init_sweep.facts(altered, "en")["link_sweep_n"] == "0"
