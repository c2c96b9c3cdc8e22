"""The grader on its corpus: correct ones pass, each bug is caught where it lives, hostile ones are contained.

``tests/grade/corpus/MANIFEST.json`` says what each file is (see the
corpus's README). The whole corpus is graded once per test session, in
parallel (as ``mlplab grade FOLDER`` does), and every test reads that run;
a second run checks that grading is deterministic.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mlplab.grade import formats
from mlplab.grade.grader import grade
from mlplab.grade.sandbox import Limits

pytestmark = [pytest.mark.timeout(900), pytest.mark.slow]  # grades 37 files, twice

CORPUS = Path(__file__).parent / "corpus"
MANIFEST = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
LIMITS = Limits(timeout=8.0, total=240.0)  # a correct check takes < 3 s here; the class-body loop costs 8
ESCAPE_TARGETS = (Path("/tmp/pwned"), Path("/tmp/pwned2"))


def _files(kind: str) -> list[str]:
    return sorted(name for name, entry in MANIFEST.items() if entry["kind"] == kind)


@pytest.fixture(scope="module")
def graded() -> dict[str, dict]:
    for target in ESCAPE_TARGETS:
        target.unlink(missing_ok=True)
    results = grade(CORPUS, jobs=2, limits=LIMITS)
    return {result["submission"]: result for result in results}


def _criterion_scores(result: dict) -> dict[str, tuple[float, float]]:
    scores: dict[str, list[float]] = {}
    for check in result["checks"]:
        got = scores.setdefault(check["criterion"], [0.0, 0.0])
        got[0] += check["score"]
        got[1] += check["max_score"]
    return {criterion: (got[0], got[1]) for criterion, got in scores.items()}


def test_the_manifest_names_every_file_of_the_corpus_and_nothing_else():
    on_disk = {
        p.name for p in CORPUS.iterdir() if p.suffix in (".py", ".ipynb") and not p.name.startswith("_")
    }
    assert on_disk == set(MANIFEST)
    assert len(_files("correct")) >= 3
    assert len(_files("bug")) >= 15
    assert any(name.endswith(".ipynb") for name in _files("correct"))


def test_every_file_gets_a_result(graded):
    assert set(graded) == set(MANIFEST)


@pytest.mark.parametrize("name", _files("correct"))
def test_a_correct_submission_scores_at_least_95_percent_and_its_bonus_in_full(graded, name):
    result = graded[name]
    assert result["status"] == "graded", result["notes"]
    lost = [
        (c["id"], c["score"], c["feedback"]) for c in result["checks"] if not c["passed"] and not c["bonus"]
    ]
    core = result["score"] - result["bonus_score"]
    assert core >= 0.95 * result["max_score"], lost
    for criterion in MANIFEST[name]["bonus"]:
        checks = [c for c in result["checks"] if c["criterion"] == criterion]
        assert checks
        assert all(c["passed"] for c in checks), [(c["id"], c["feedback"]) for c in checks]


@pytest.mark.parametrize("name", _files("bug"))
def test_a_bug_loses_points_on_its_check_and_the_feedback_names_the_mistake(graded, name):
    entry = MANIFEST[name]
    result, base = graded[name], graded[entry["base"]]
    assert result["status"] == "graded", result["notes"]
    scores, base_scores = _criterion_scores(result), _criterion_scores(base)
    criterion = entry["criterion"]
    assert scores[criterion][0] < base_scores[criterion][0], (criterion, scores[criterion])
    losing = [c for c in result["checks"] if c["criterion"] == criterion and not c["passed"]]
    text = " ".join(c["feedback"] + " " + " ".join(c["details"]) for c in losing)
    for pattern in entry["mentions"]:
        assert re.search(pattern, text, re.IGNORECASE), (pattern, text)
    allowed = {criterion, *entry.get("cascade", ())}
    unexpected = {
        other: (scores[other], base_scores[other])
        for other in scores
        if other not in allowed and scores[other][0] < base_scores[other][0] - 1e-9
    }
    assert not unexpected, [
        (c["id"], c["feedback"]) for c in result["checks"] if c["criterion"] in unexpected
    ]


@pytest.mark.parametrize("name", _files("hostile"))
def test_a_hostile_submission_is_contained_and_its_result_says_what_happened(graded, name):
    kind = MANIFEST[name]["hostile"]
    result = graded[name]
    text = " ".join([*result["notes"], *(c["feedback"] for c in result["checks"])])
    expected = {
        "loop": r"endless loop|took too long|took longer",
        "exit": r"exit code 3|process ended",
        "memory": r"MemoryError|memory",
        "flood": r"printed [\d,]+ bytes",
        "missing": r"no class MLP",
        "syntax": r"does not parse",
        "raises": r"TypeError",
        "escape": r"sandbox does not let a submission",
    }[kind]
    if name == "hostile_loop_module.py":  # only definitions run: the loop at the end is not
        assert result["status"] == "graded"
        assert result["score"] >= 0.95 * result["max_score"]
        assert any("not run" in note for note in result["notes"])
        return
    assert re.search(expected, text), text
    if kind in ("missing", "syntax") or name == "hostile_loop_class.py" or kind == "exit":
        assert result["status"] == "failed"
        assert result["score"] == 0


def test_nothing_escaped_the_sandbox(graded):
    assert graded["hostile_escape.py"]
    assert not any(target.exists() for target in ESCAPE_TARGETS)


def test_grading_the_corpus_twice_gives_identical_json(tmp_path):
    """The correct and buggy files, graded twice, give the same JSON, bit for bit.

    Two outcomes depend on the machine's speed by design, and are left out here: the
    vectorisation check, which times the student's code against mlplab's, and XOR
    training stopped by its time budget (half the check's time limit), so the limit is
    generous. The hostile files are contained by time limits; their tests are above.
    """
    from mlplab.grade.checks import CHECKS

    for name in (*_files("correct"), *_files("bug")):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    timed = {"vectorization.timing"}
    checks = [check.id for check in CHECKS if check.id not in timed]
    limits = Limits(timeout=120.0, total=600.0)
    first, again = (grade(tmp_path, jobs=2, limits=limits, checks=checks) for _ in range(2))
    assert [result["submission"] for result in first] == sorted((*_files("correct"), *_files("bug")))
    assert formats.to_json(again) == formats.to_json(first)
