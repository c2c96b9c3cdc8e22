"""The title block is honest about the report's inputs: who wrote it, from which results, with which settings.

Both ways: the real --quick results say "quick"; the same results altered to
the defaults say "full", altered in one experiment say "a mix" or "own
settings", and the sentence, the table and the reproducing command change with them.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil

import pytest

pytest.importorskip("matplotlib", reason="the sections import the lab (the 'lab' extra)")

from mlplab import lab
from mlplab.lab._options import config_from_args, options_of
from mlplab.report import load_metrics, prose
from mlplab.report.blocks import Para, Table
from mlplab.report.sections import reproducibility as repro


@pytest.fixture(scope="module")
def quick(quick_results) -> dict:
    return load_metrics(quick_results)


def as_full(metrics: dict, name: str) -> dict:
    """``metrics`` of ``name`` as if run without ``--quick``: every option at its default."""
    full = copy.deepcopy(metrics)
    full["quick"] = False
    for field, _ in options_of(lab.load(name).Config):
        if field.name in full["settings"]:
            full["settings"][field.name] = json.loads(json.dumps(field.default))
    return full


def keys(blocks) -> list[str]:
    return [b.key for b in blocks if isinstance(b, Para)]


# ------------------------------------------------------------------ full, quick, own, a mix
def test_quick_results_are_called_quick(quick):
    assert set(repro.inputs(quick).values()) == {"quick"}
    assert repro.inputs_key(quick) == "inputs_quick"
    assert repro.front_blocks(quick)[-1] == repro.INPUTS_TABLE  # the quick settings are listed


def test_the_same_results_at_the_defaults_are_called_full(quick):
    full = {name: as_full(m, name) for name, m in quick.items()}
    assert set(repro.inputs(full).values()) == {"full"}
    assert repro.inputs_key(full) == "inputs_full"
    assert not [b for b in repro.front_blocks(full) if isinstance(b, Table)]


def test_quick_values_without_the_quick_flag_are_still_quick(quick):
    unflagged = {name: {**m, "quick": False} for name, m in quick.items()}
    assert set(repro.inputs(unflagged).values()) == {"quick"}


def test_one_full_experiment_among_quick_ones_is_a_mix(quick):
    mix = {**quick, "xor": as_full(quick["xor"], "xor")}
    assert repro.inputs_key(mix) == "inputs_mix"
    rows = {row[0].text: row for row in repro.inputs_table(mix, prose("en"), "en").rows}
    assert rows["xor"][1].text == prose("en")["kind_full"]
    assert rows["xor"][2].text == "–"
    assert rows["spirals"][1].text == prose("en")["kind_quick"]
    assert "epochs = " in rows["spirals"][2].text


def test_own_settings_are_named_with_their_defaults(quick):
    own = as_full(quick["xor"], "xor")
    own["settings"]["activation"] = "relu"
    own["seed"] = 1
    assert repro.kind("xor", own) == "own"
    assert repro.differences("xor", own) == [("activation", "relu", "sigmoid")]
    assert repro.inputs_key({"xor": own}) == "inputs_own"
    row = repro.inputs_table({"xor": own}, prose("en"), "en").rows[0]
    assert [c.text for c in row] == ["xor", prose("en")["kind_own"], "activation = relu (sigmoid)", "1"]
    assert repro.command("xor", own) == "mlplab xor --seed 1 --activation relu"


def test_settings_are_written_in_the_reports_language(quick):
    rates = copy.deepcopy(quick["lr"])
    rates["settings"]["rates"] = [0.0001, 0.5]
    rates["quick"] = False
    en = repro.inputs_table({"lr": rates}, prose("en"), "en").rows[0][2].text
    de = repro.inputs_table({"lr": rates}, prose("de"), "de").rows[0][2].text
    assert "rates = [0.0001, 0.5] (" in en
    assert "rates = [0,0001; 0,5] (" in de
    assert "." not in de


def test_one_master_seed_or_several(quick):
    full = {name: as_full(m, name) for name, m in quick.items()}
    assert keys(repro.front_blocks(full))[1:] == ["inputs_full", "inputs_seed_one"]
    full["xor"] = {**full["xor"], "seed": 7}
    blocks = repro.front_blocks(full)
    assert keys(blocks)[1:] == ["inputs_full", "inputs_seed_many"]
    assert blocks[-1] == repro.INPUTS_TABLE  # which experiment ran with which seed
    rows = {row[0].text: row[3].text for row in repro.inputs_table(full, prose("en"), "en").rows}
    assert rows["xor"] == "7"
    assert rows["lr"] == "0"


def test_no_results_say_so():
    assert repro.inputs_key({}) == "inputs_none"


# ------------------------------------------------------------------ who wrote it
@pytest.mark.parametrize(
    ("command", "key"), [("all", "generated_all"), ("report", "generated_report"), (None, "generated_other")]
)
def test_the_title_names_the_command_that_wrote_the_report(quick, command, key):
    assert keys(repro.front_blocks(quick, command))[0] == key


def test_only_mlplab_all_is_said_to_have_run_everything():
    for key in ("generated_report", "generated_other"):
        assert "mlplab all" not in prose("en")[key]
        assert "mlplab all" not in prose("de")[key]
    assert "`mlplab all`" in prose("en")["generated_all"]


def test_an_unknown_writer_is_refused(quick):
    with pytest.raises(ValueError, match="command must be one of"):
        repro.front_blocks(quick, "trace")


@pytest.mark.slow
def test_the_pdf_says_who_wrote_it_and_from_which_results(quick_results, tmp_path):
    pytest.importorskip("typst", reason="the report needs the 'report' extra")
    pypdf = pytest.importorskip("pypdf")
    from mlplab.report import build_report

    out = tmp_path / "results"
    shutil.copytree(quick_results, out, ignore=shutil.ignore_patterns("report.*"))

    def front_page(**options) -> str:
        build_report(out, "en", notebook=False, **options)
        return " ".join(pypdf.PdfReader(str(out / "report.pdf")).pages[0].extract_text().split())

    default = front_page()
    assert "Written by mlplab" in default
    assert "mlplab all" not in default.split("Built from")[0]
    assert "Built from quick results" in default
    assert "Written by mlplab report" in front_page(command="report")
    assert "Written by mlplab all" in front_page(command="all")
    full = as_full(json.loads((out / "xor" / "metrics.json").read_text()), "xor")
    (out / "xor" / "metrics.json").write_text(json.dumps(full))
    assert "Built from a mix of results" in front_page()


# ------------------------------------------------------------------ the command reproduces
def _parsed_settings(command: str) -> tuple[str, dict, int]:
    from mlplab.cli import build_parser

    args = build_parser().parse_args(command.split()[1:])
    config = config_from_args(lab.load(args.command).Config, args, args.quick)
    return args.command, json.loads(json.dumps(dataclasses.asdict(config))), args.seed


@pytest.mark.parametrize("name", list(lab.EXPERIMENTS))
def test_the_reproducing_command_gives_the_recorded_settings(quick, name):
    for metrics in (quick[name], as_full(quick[name], name)):
        parsed, settings, seed = _parsed_settings(repro.command(name, metrics))
        assert parsed == name
        assert seed == metrics["seed"]
        for field, _ in options_of(lab.load(name).Config):
            if field.name in metrics["settings"]:
                assert settings[field.name] == metrics["settings"][field.name], field.name
