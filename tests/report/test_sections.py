"""Each section of the report on real --quick results, and a renamed result key failing here.

Per section: its facts fill every placeholder of its prose (English and
German), its tables have rows as wide as their header, its figures exist after
the quick run and its notebook code runs. Per experiment section: every key
it reads from ``metrics.json``, renamed, makes its facts or tables raise a
``KeyError``, so a key renamed in the lab fails in this unit test, not when the
report is built.
"""

import copy

import pytest

pytest.importorskip("matplotlib", reason="the sections import the lab (the 'lab' extra)")

from mlplab import lab
from mlplab.report import load_metrics, prose
from mlplab.report import sections as sections_module
from mlplab.report.blocks import Code, Figure, Heading
from mlplab.report.sections import FRONT_KEYS, SECTIONS, Section, assemble, front_facts
from mlplab.report.text import placeholders

LANGS = ["en", "de"]
EXPERIMENT_SECTIONS = [s for s in SECTIONS if s.experiment is not None]
CODE_SECTIONS = [s for s in SECTIONS if any(isinstance(b, Code) and b.run for b in s.blocks)]


def by_name(section: Section) -> str:
    return section.name


@pytest.fixture(scope="module")
def metrics(quick_results) -> dict:
    return load_metrics(quick_results)


# ------------------------------------------------------------------ the registry
def test_one_section_per_experiment_in_the_sheets_order():
    assert [s.experiment for s in EXPERIMENT_SECTIONS] == list(lab.EXPERIMENTS)
    assert len({s.name for s in SECTIONS}) == len(SECTIONS)


def test_every_prose_key_of_every_section_exists_in_both_languages():
    for section in SECTIONS:
        for key in section.prose_keys():
            assert key in prose("en"), (section.name, key)
            assert key in prose("de"), (section.name, key)


@pytest.mark.parametrize("lang", LANGS)
def test_front_facts_fill_the_title_block(lang, metrics):
    known = front_facts(metrics)
    for key in FRONT_KEYS:
        assert placeholders(prose(lang)[key]) <= set(known), key


def test_sections_without_results_are_left_out_with_their_shared_headings():
    blocks = assemble({}, prose("en"), "en").blocks
    keys = [b.key for b in blocks if isinstance(b, Heading)]
    assert keys[0] == "h_backprop"
    assert keys[-1] == "h_reproducibility"
    assert "h_experiments" in keys  # task 2.2's heading belongs to section 2.1
    assert not {"h_xor", "h_deeper", "h_theory", "h_practical", "h_bonus"} & set(keys)
    assert not [b for b in blocks if isinstance(b, Figure)]


def test_shared_headings_are_written_once_above_the_sections_present(metrics):
    everything = [b.key for b in assemble(metrics, prose("en"), "en").blocks if isinstance(b, Heading)]
    assert everything.count("h_deeper") == 1
    order = ["h_deeper", "h_theory", "h_vanishing", "h_init", "h_practical", "h_overfit", "h_lr", "h_bonus"]
    assert [k for k in everything if k in order] == order
    only_overfit = assemble({"overfit": metrics["overfit"]}, prose("en"), "en").blocks
    keys = [b.key for b in only_overfit if isinstance(b, Heading)]
    assert keys[keys.index("h_deeper") :][:3] == ["h_deeper", "h_practical", "h_overfit"]
    assert "h_theory" not in keys


def test_a_fact_made_by_two_sections_is_refused(monkeypatch):
    twice = Section("twice", (), lambda data, lang: {"version": "0"})
    monkeypatch.setattr(sections_module, "SECTIONS", (twice,))
    with pytest.raises(ValueError, match=r"section 'twice' produces facts that exist already: \['version'\]"):
        assemble({}, prose("en"), "en")


# ------------------------------------------------------------------ each section
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", SECTIONS, ids=by_name)
def test_facts_fill_every_placeholder_of_the_sections_prose(section, lang, metrics):
    own = section.facts(section.data(metrics), lang)
    assert all(isinstance(value, str) for value in own.values())
    known = set(own) | set(front_facts(metrics))
    for key in section.prose_keys():
        for name in placeholders(prose(lang)[key]):
            assert name.startswith("m:") or name in known, (key, name)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", [s for s in SECTIONS if s.tables], ids=by_name)
def test_tables_have_rows_as_wide_as_their_header(section, lang, metrics):
    for table in section.tables:
        header, rows, align = table.producer(section.data(metrics), prose(lang), lang)
        assert header, table.caption
        assert rows, table.caption
        assert {len(row) for row in rows} == {len(header)}, table.caption
        assert align is None or len(align) == len(header), table.caption


@pytest.mark.parametrize("section", [s for s in SECTIONS if s.figures], ids=by_name)
def test_every_figure_exists_after_the_quick_run(section, quick_results):
    for figure in section.figures:
        assert figure.experiment == section.experiment, figure
        for suffix in (".png", ".svg"):
            assert (quick_results / figure.experiment / (figure.stem + suffix)).is_file(), figure


@pytest.mark.parametrize("section", CODE_SECTIONS, ids=by_name)
def test_notebook_code_runs_on_the_results(section, quick_results, monkeypatch, capsys):
    pytest.importorskip("IPython", reason="the notebook's setup cell imports IPython")
    from mlplab.report.render_notebook import SETUP

    monkeypatch.chdir(quick_results)  # the notebook runs in the results folder
    namespace: dict = {}
    exec(SETUP, namespace)
    for block in section.blocks:
        if isinstance(block, Code) and block.run:
            exec(compile(block.source, f"<{section.name} code cell>", "exec"), namespace)


# ------------------------------------------------------------------ renamed keys
class _Reads(dict):
    """A copy of a metrics dict that notes the path of every key read, with ``[]`` or ``get``."""

    def __init__(self, items, path: tuple, log: dict):
        super().__init__(items)
        self._path, self._log = path, log

    def __getitem__(self, key):
        self._log["read"].append((*self._path, key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self._log["get"].append((*self._path, key))
        return super().get(key, default)


def _tracked(value, path: tuple, log: dict):
    if isinstance(value, dict):
        return _Reads({k: _tracked(v, (*path, k), log) for k, v in value.items()}, path, log)
    if isinstance(value, list):
        return [_tracked(v, (*path, i), log) for i, v in enumerate(value)]
    return value


def _build(section: Section, data: dict) -> None:
    """Everything the section makes from ``data``: its facts and its tables."""
    section.facts(data, "en")
    for table in section.tables:
        table.producer(data, prose("en"), "en")


def _reads(section: Section, data: dict) -> dict[str, list[tuple]]:
    log: dict = {"read": [], "get": []}
    _build(section, _tracked(data, (), log))
    return log


def _one_per_pattern(paths: list[tuple]) -> list[tuple]:
    """The first path of each shape: keys in the i-th element of a list count once, not per element."""
    first: dict[tuple, tuple] = {}
    for path in paths:
        first.setdefault(tuple("[i]" if isinstance(k, int) else k for k in path), path)
    return list(first.values())


def _renamed(data: dict, path: tuple) -> dict:
    copied = copy.deepcopy(data)
    parent = copied
    for key in path[:-1]:
        parent = parent[key]
    parent[f"{path[-1]}_renamed"] = parent.pop(path[-1])
    return copied


@pytest.mark.parametrize("section", EXPERIMENT_SECTIONS, ids=by_name)
def test_results_and_settings_are_read_without_a_silent_default(section, metrics):
    log = _reads(section, metrics[section.experiment])
    assert [p for p in log["read"] if p[0] == "results"]
    # .get() would turn a renamed key into a '–' in the report; timings are optional, so they may
    defaulted = [p for p in log["get"] if p[0] in ("settings", "results")]
    assert not defaulted


@pytest.mark.parametrize("section", EXPERIMENT_SECTIONS, ids=by_name)
def test_a_renamed_result_key_breaks_the_section(section, metrics):
    data = metrics[section.experiment]
    paths = _one_per_pattern(_reads(section, data)["read"])
    assert len(paths) >= 5
    silent = []
    for path in paths:
        try:
            _build(section, _renamed(data, path))
        except KeyError:
            continue
        silent.append(path)
    assert not silent, f"renaming these keys did not break {section.name}: {silent}"


def test_a_claim_becomes_the_paragraph_its_data_support():
    from mlplab.report.blocks import Claim, Para

    def wins(data):
        return "a_wins" if data["a"] < data["b"] else "b_wins"

    claim = Claim(("a_wins", "b_wins"), wins)
    assert claim.resolve({"a": 1, "b": 2}) == Para("a_wins")
    assert claim.resolve({"a": 3, "b": 2}) == Para("b_wins")
    with pytest.raises(ValueError, match="claim wins chose 'a_wins', not one of"):
        Claim(("b_wins",), wins).resolve({"a": 1, "b": 2})
