"""The claims of the sweep's section, both ways: the real (quick) results choose the sentence an
independent reading of the table supports, and results altered so that the opposite holds choose another."""

import copy
import json
import math
import re

import pytest

from mlplab.report import prose
from mlplab.report.blocks import Claim
from mlplab.report.sections import sweep as section
from mlplab.report.text import placeholders

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def metrics(quick_results) -> dict:
    """The metrics.json of ``mlplab sweep --quick`` (the session's quick run of every experiment)."""
    return json.loads((quick_results / "sweep" / "metrics.json").read_text())


def altered(metrics: dict, accuracy, loss=None) -> dict:
    """A copy whose cells have test accuracy ``accuracy(cell)`` (and final loss ``loss(cell)``)."""
    data = copy.deepcopy(metrics)
    for cell in data["results"]["cells"]:
        cell["test_accuracy_mean"] = accuracy(cell)
        if loss is not None:
            cell["final_train_loss_mean"] = loss(cell)
    return data


def grid(cell, optimizer=None, hidden=None, activation=None, rate=None, init="default") -> bool:
    """Whether ``cell`` matches every given setting."""
    wanted = {"optimizer": optimizer, "hidden_layers": hidden, "activation": activation,
              "learning_rate": rate, "init": init}  # fmt: skip
    return all(v is None or cell[k] == v for k, v in wanted.items())


def only_first_optimizer(metrics: dict) -> dict:
    data = copy.deepcopy(metrics)
    data["settings"]["optimizers"] = ["sgd"]
    data["results"]["cells"] = [c for c in data["results"]["cells"] if c["optimizer"] == "sgd"]
    return data


def real_cells(metrics, optimizer, **settings):
    return [c for c in metrics["results"]["cells"] if grid(c, optimizer, **settings)]


def top(cells) -> float:
    return max(c["test_accuracy_mean"] for c in cells)


def verdict(a: float, b: float) -> int:
    return 0 if abs(a - b) <= section.MARGIN else (1 if a > b else -1)


# ------------------------------------------------------------------ the best cell
def test_best_claim_follows_the_best_cell_of_each_optimiser(metrics):
    sgd, adam = top(real_cells(metrics, "sgd")), top(real_cells(metrics, "adam"))
    expected = {1: "sweep_best_second", 0: "sweep_best_level", -1: "sweep_best_first"}[verdict(adam, sgd)]
    assert section.best_claim(metrics) == expected

    def best_is(cell, optimizer, value):
        winner = grid(cell, optimizer, [32, 16, 8], "relu", 0.01)
        return value if winner else 0.55

    assert section.best_claim(altered(metrics, lambda c: best_is(c, "adam", 0.99))) == "sweep_best_second"
    assert section.best_claim(altered(metrics, lambda c: best_is(c, "sgd", 0.99))) == "sweep_best_first"
    level = altered(metrics, lambda c: 0.99 if grid(c, None, [32, 16, 8], "relu", 0.01) else 0.55)
    assert section.best_claim(level) == "sweep_best_level"
    assert section.best_claim(only_first_optimizer(metrics)) == "sweep_best_one"


# ------------------------------------------------------------------ SGD against Adam, cell by cell
def test_optimizer_claim_counts_the_cells_each_optimiser_wins(metrics):
    wins = [verdict(b["test_accuracy_mean"], a["test_accuracy_mean"]) for a, b in section.pairs(metrics)]
    assert len(wins) == 27
    expected = "sweep_opt_second" if wins.count(1) > wins.count(-1) else (
        "sweep_opt_first" if wins.count(-1) > wins.count(1) else "sweep_opt_even")  # fmt: skip
    assert section.optimizer_claim(metrics) == expected

    base = {section._key(c): c["test_accuracy_mean"] for c in real_cells(metrics, "sgd")}

    def shifted(delta):
        return lambda c: base.get(section._key(c), 0.5) + (delta if c["optimizer"] == "adam" else 0)

    assert section.optimizer_claim(altered(metrics, shifted(0.1))) == "sweep_opt_second"
    assert section.optimizer_claim(altered(metrics, shifted(-0.1))) == "sweep_opt_first"
    assert section.optimizer_claim(altered(metrics, shifted(0.0))) == "sweep_opt_even"
    assert section.optimizer_claim(only_first_optimizer(metrics)) == "sweep_opt_none"


def test_the_optimizer_facts_count_what_the_claim_says(metrics):
    data = altered(
        metrics, lambda c: 0.95 if c["optimizer"] == "adam" and c["learning_rate"] == 0.01 else 0.6
    )
    facts = section.facts(data, "en")
    assert facts["sweep_second_better"] == "9"  # Adam at 0.01 in every architecture and activation
    assert facts["sweep_second_worse"] == "0"
    assert facts["sweep_learned_second"] == "9 cells"
    assert facts["sweep_learned_first"] == "0 cells"
    assert facts["sweep_only_second"].count("α = 0.01") == 9
    assert section.facts(data, "de")["sweep_learned_first"] == "0 Zellen"


def test_architecture_claim_compares_each_architectures_best_cells(metrics):
    base = section._architecture_wins(metrics)
    k = sum(w == 1 for _, w in base)
    assert section.architecture_claim(metrics) == (
        "sweep_arch_all" if k == 3 else ("sweep_arch_some" if k else "sweep_arch_none"))  # fmt: skip

    def adam_best_in(*hidden):
        return lambda c: 0.95 if c["optimizer"] == "adam" and c["hidden_layers"] in hidden else 0.7

    assert (
        section.architecture_claim(altered(metrics, adam_best_in([8], [16, 8], [32, 16, 8])))
        == "sweep_arch_all"
    )
    some = altered(metrics, adam_best_in([16, 8]))
    assert section.architecture_claim(some) == "sweep_arch_some"
    assert section.facts(some, "en")["sweep_arch_list"] == "[2, 16, 8, 1]"
    assert section.architecture_claim(altered(metrics, adam_best_in())) == "sweep_arch_none"
    assert section.architecture_claim(only_first_optimizer(metrics)) == "sweep_arch_none_run"


def test_spirals_net_claim_compares_the_network_of_2_2_b(metrics):
    sgd = top(real_cells(metrics, "sgd", hidden=[32, 16, 8], activation="relu"))
    adam = top(real_cells(metrics, "adam", hidden=[32, 16, 8], activation="relu"))
    expected = {1: "sweep_net_second", 0: "sweep_net_level", -1: "sweep_net_first"}[verdict(adam, sgd)]
    assert section.spirals_net_claim(metrics) == expected

    def net(sgd_value, adam_value):
        def accuracy(c):
            if not grid(c, None, [32, 16, 8], "relu"):
                return 0.99  # other cells do not count
            return sgd_value if c["optimizer"] == "sgd" else adam_value

        return accuracy

    assert section.spirals_net_claim(altered(metrics, net(0.992, 0.985))) == "sweep_net_level"
    assert section.spirals_net_claim(altered(metrics, net(0.99, 0.6))) == "sweep_net_first"
    assert section.spirals_net_claim(altered(metrics, net(0.6, 0.99))) == "sweep_net_second"
    no_relu = copy.deepcopy(metrics)
    no_relu["results"]["cells"] = [c for c in no_relu["results"]["cells"] if c["activation"] != "relu"]
    assert section.spirals_net_claim(no_relu) == "sweep_net_absent"


# ------------------------------------------------------------------ which activation fails
@pytest.mark.parametrize(
    ("learned", "key"),
    [
        ({"relu"}, "sweep_fail_smooth"),
        ({"relu", "tanh"}, "sweep_fail_sigmoid"),
        ({"relu", "sigmoid"}, "sweep_fail_tanh"),
        (set(), "sweep_fail_all"),
        ({"relu", "tanh", "sigmoid"}, "sweep_fail_none"),
        ({"tanh", "sigmoid"}, "sweep_fail_other"),
    ],
)
def test_failure_claim_names_the_activations_without_a_learning_cell(metrics, learned, key):
    data = altered(
        metrics, lambda c: 0.95 if c["activation"] in learned and c["learning_rate"] == 0.1 else 0.6
    )
    assert section.failure_claim(data) == key


def test_failure_claim_on_the_real_results(metrics):
    sgd = real_cells(metrics, "sgd")
    failing = {a for a in ("sigmoid", "tanh", "relu")
               if top([c for c in sgd if c["activation"] == a]) < section.LEARNED}  # fmt: skip
    versions = {
        frozenset({"sigmoid", "tanh"}): "sweep_fail_smooth",
        frozenset({"sigmoid"}): "sweep_fail_sigmoid",
        frozenset({"tanh"}): "sweep_fail_tanh",
        frozenset({"sigmoid", "tanh", "relu"}): "sweep_fail_all",
        frozenset(): "sweep_fail_none",
    }
    expected = versions.get(frozenset(failing), "sweep_fail_other")
    assert section.failure_claim(metrics) == expected
    facts = section.facts(metrics, "en")
    for activation in ("sigmoid", "tanh", "relu"):
        best = top([c for c in sgd if c["activation"] == activation])
        assert facts[f"sweep_{activation}_best"] == f"{100 * best:.1f}\u202f%"


# ------------------------------------------------------------------ the initial weight scale
@pytest.mark.parametrize(
    ("gains", "key"),
    [
        ({"tanh": 0.3, "sigmoid": 0.0}, "sweep_he_tanh"),
        ({"tanh": 0.3, "sigmoid": 0.3}, "sweep_he_both"),
        ({"tanh": 0.0, "sigmoid": 0.3}, "sweep_he_sigmoid"),
        ({"tanh": 0.01, "sigmoid": -0.2}, "sweep_he_neither"),
    ],
)
def test_he_claim_follows_the_repeat_with_he_scaled_weights(metrics, gains, key):
    def accuracy(c):
        if c["init"] == "default":
            return 0.55
        return 0.55 + gains[c["activation"]]

    assert section.he_claim(altered(metrics, accuracy)) == key


def test_he_claim_on_the_real_results(metrics):
    gains = {}
    for activation in ("tanh", "sigmoid"):
        found = section.he_pairs(metrics, activation)
        assert len(found) == 3  # one per architecture, at α = 0.1 with SGD
        for default, he in found:
            assert (default["learning_rate"], default["optimizer"], he["init"]) == (0.1, "sgd", "he_uniform")
            assert default["hidden_layers"] == he["hidden_layers"]
        gains[activation] = verdict(sum(b["test_accuracy_mean"] for _, b in found) / 3,
                                    sum(a["test_accuracy_mean"] for a, _ in found) / 3) > 0  # fmt: skip
    versions = {
        (True, True): "sweep_he_both",
        (True, False): "sweep_he_tanh",
        (False, True): "sweep_he_sigmoid",
        (False, False): "sweep_he_neither",
    }
    expected = versions[(gains["tanh"], gains["sigmoid"])]
    assert section.he_claim(metrics) == expected
    data = copy.deepcopy(metrics)
    data["results"]["cells"] = [c for c in data["results"]["cells"] if c["init"] == "default"]
    assert section.he_claim(data) == "sweep_he_none"


# ------------------------------------------------------------------ the smallest rate
def test_slow_claim_says_whether_the_smallest_rate_leaves_the_plateau(metrics):
    losses = [c["final_train_loss_mean"] for c in real_cells(metrics, "sgd", rate=0.001)]
    expected = "sweep_slow_plateau" if min(losses) > math.log(2) - 0.05 else "sweep_slow_moved"
    assert section.slow_claim(metrics) == expected
    keep = lambda c: c["test_accuracy_mean"]  # noqa: E731
    assert section.slow_claim(altered(metrics, keep, lambda c: 0.69)) == "sweep_slow_plateau"
    assert section.slow_claim(altered(metrics, keep, lambda c: 0.2)) == "sweep_slow_moved"


# ------------------------------------------------------------------ the text the claims yield
CLAIMS = [b for b in section.SECTION.blocks if isinstance(b, Claim)]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_version_of_every_claim_has_its_facts(metrics, lang):
    text, facts = prose(lang), section.facts(metrics, lang)
    for claim in CLAIMS:
        for key in claim.keys:
            missing = {p for p in placeholders(text[key]) if not p.startswith("m:")} - set(facts)
            assert not missing, (key, missing)
    for key, value in facts.items():
        assert "(n)" not in value, (key, value)  # plurals by rule, never "Zelle(n)"
        assert "(s)" not in value, (key, value)
        if lang == "de":
            assert not re.search(r"\d\.\d", value), (key, value)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_tables_are_one_per_architecture_and_narrow(metrics, lang):
    text = prose(lang)
    for i, table in enumerate(section.TABLES):
        data = table.producer(metrics, text, lang)
        assert len(data.header) == 6
        assert len(data.rows) == 9 + 2  # activation × rate, and the He-scaled sigmoid and tanh
        assert all(len(row) == len(data.header) for row in data.rows)
        for column in range(len(data.header)):  # the widest cell of each column, in characters
            width = max(len(row[column].text) for row in [data.header, *data.rows])
            assert width <= 14, (i, column, width)
        if lang == "de":
            assert not any(re.search(r"\d\.\d", cell.text) for row in data.rows for cell in row)
