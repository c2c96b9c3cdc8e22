"""``mlplab grade`` on the command line: every option's bad value, every format, the output folder."""

from __future__ import annotations

import csv
import json

import pytest

from mlplab.cli import main

pytestmark = pytest.mark.timeout(600)

#: mlplab's own sheet MLP, behind the sheet's constructor: a submission that must score full marks
OWN = """
from mlplab import MLP as _Reference


class MLP(_Reference):
    def __init__(self, layer_sizes, activation='sigmoid', learning_rate=0.01, optimizer='sgd', beta=0.9,
                 l2=0.0, beta1=0.9, beta2=0.999, eps=1e-8):
        from mlplab import Adam, Momentum
        if optimizer == 'momentum':
            optimizer = Momentum(learning_rate, beta=beta)
        elif optimizer == 'adam':
            optimizer = Adam(learning_rate, beta1=beta1, beta2=beta2, eps=eps)
        super().__init__(layer_sizes, activation, learning_rate, optimizer=optimizer, l2=l2, seed=0)
"""


def _usage_error(capsys, argv) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2, err
    assert "usage: mlplab grade" in err
    assert "Traceback" not in err
    return err


@pytest.fixture(scope="module")
def own(tmp_path_factory):
    folder = tmp_path_factory.mktemp("own")
    (folder / "own.py").write_text(OWN)
    return folder / "own.py"


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--timeout", "0", "argument --timeout"),
        ("--timeout", "abc", "argument --timeout"),
        ("--timeout", "nan", "argument --timeout"),
        ("--total-timeout", "-5", "argument --total-timeout"),
        ("--memory", "10", "argument --memory"),
        ("--jobs", "0", "argument --jobs"),
        ("--jobs", "many", "argument --jobs"),
        ("--format", "pdf", "argument --format"),
        ("--lang", "fr", "argument --lang"),
        ("--execute", "some", "argument --execute"),
        ("--out", "", "argument --out"),
    ],
)
def test_every_bad_option_value_is_a_usage_error_naming_the_option_and_value(
    capsys, own, option, value, says
):
    err = _usage_error(capsys, ["grade", str(own), option, value])
    assert says in err
    assert repr(value) in err or value in err


def test_a_path_without_submissions_is_a_usage_error_naming_it(capsys, tmp_path):
    err = _usage_error(capsys, ["grade", str(tmp_path / "nope.py")])
    assert "argument PATH" in err
    assert "nope.py" in err
    err = _usage_error(capsys, ["grade", str(tmp_path)])
    assert "holds no .py file" in err


def test_an_out_folder_with_foreign_files_is_refused_and_left_alone(capsys, own, tmp_path):
    (tmp_path / "thesis.tex").write_text("mine")
    err = _usage_error(capsys, ["grade", str(own), "--out", str(tmp_path)])
    assert "holds files that no earlier `mlplab grade` wrote" in err
    assert (tmp_path / "thesis.tex").read_text() == "mine"


def test_mlplabs_own_mlp_scores_full_marks_bonus_included(capsys, own):
    assert main(["grade", str(own), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["submission"] == "own.py"
    lost = [(c["id"], c["feedback"]) for c in result["checks"] if not c["passed"]]
    assert not lost
    assert result["score"] == result["max_score"] + result["bonus_max"]


def test_every_format_prints_and_out_writes_the_whole_set(capsys, own, tmp_path):
    out = tmp_path / "graded"
    assert main(["grade", str(own), "--lang", "de", "--out", str(out)]) == 0
    table = capsys.readouterr().out
    assert "Gesamt" in table
    assert sorted(p.name for p in out.iterdir()) == [
        ".mlplab-grade",
        "feedback.md",
        "grades.json",
        "results.json",
        "summary.csv",
    ]
    assert "# " in (out / "feedback.md").read_text()
    gradescope = json.loads((out / "results.json").read_text())
    assert gradescope["score"] == pytest.approx(sum(t["score"] for t in gradescope["tests"]))
    with open(out / "summary.csv", newline="", encoding="utf-8") as handle:
        (row,) = csv.DictReader(handle)
    assert row["submission"] == "own.py"
    for fmt in ("markdown", "gradescope"):
        assert main(["grade", str(own), "--format", fmt]) == 0
        assert capsys.readouterr().out.strip()
    # a second run replaces the folder it wrote
    assert main(["grade", str(own), "--out", str(out), "--format", "json"]) == 0
    assert json.loads((out / "grades.json").read_text())["submission"] == "own.py"
