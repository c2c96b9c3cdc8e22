"""The contract of an experiment module, and of the option helpers it is built with."""

import argparse
import ast
import dataclasses
import inspect
import json
from pathlib import Path

import pytest

from mlplab import lab
from mlplab.lab import _options
from mlplab.lab._options import (
    OptionError,
    add_options,
    config_from_args,
    flag,
    float_range,
    int_range,
    layer_widths,
    option,
    options_of,
)

LAB = Path(lab.__file__).parent
EXPERIMENTS = lab.available()


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_an_experiment_has_name_help_config_and_run(name):
    module = lab.load(name)
    assert name == module.NAME
    assert isinstance(module.HELP, str)
    assert module.HELP
    config_class = module.Config
    assert dataclasses.is_dataclass(config_class)
    assert config_class.__dataclass_params__.frozen
    fields = dataclasses.fields(config_class)
    assert [f for f, _ in options_of(config_class)] == list(fields), "every field is a command-line option"
    assert list(inspect.signature(module.run).parameters) == ["ctx", "config"]
    for old in ("add_arguments", "DEFAULTS", "QUICK", "resolve"):
        assert not hasattr(module, old), old
    hash(config_class())  # immutable all the way down


@pytest.mark.parametrize("name", EXPERIMENTS)
def test_the_defaults_pass_their_own_validators(name):
    for field, spec in options_of(lab.load(name).Config):
        for value in (field.default, spec.quick) if spec.has_quick else (field.default,):
            if value is None:
                continue
            values = value if spec.nargs else (value,)
            for one in values:
                text = ",".join(map(str, one)) if isinstance(one, tuple) else repr(one).strip("'")
                assert spec.parse(text) == one, (name, field.name, one)
                assert spec.choices is None or one in spec.choices


def _imports(path: Path) -> set[str]:
    """The modules ``path`` imports relative to its package, as ``.name``."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(alias.name for alias in node.names)
    return names


def test_no_experiment_imports_another():
    modules = set(lab.EXPERIMENTS.values())
    for module in modules:
        siblings = _imports(LAB / f"{module}.py") & (modules - {module})
        assert not siblings, f"{module} imports {siblings}"


def test_blas_threads_are_limited_in_one_place():
    root = LAB.parents[0]
    users = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "threadpool_limits" in path.read_text(encoding="utf-8")
    )
    assert users == ["lab/_parallel.py"]


# ------------------------------------------------------------------ helpers
@dataclasses.dataclass(frozen=True)
class Toy:
    epochs: int = option(100, quick=5, parse=int_range(1), help="epochs, 100 % sure")
    widths: tuple[int, ...] = option((4, 2), parse=layer_widths, metavar="N,N", help="widths")
    rates: tuple[float, ...] = option((0.1, 0.2), parse=float_range(0.0), nargs="+", help="rates")
    name: str = option("a", choices=("a", "b"), quick="b", help="a name")

    def check(self):
        if self.name == "b" and self.epochs > 50:
            raise OptionError("epochs", "at most 50 with --name b")


def _parser():
    parser = argparse.ArgumentParser(prog="toy")
    add_options(parser, Toy)
    return parser


def test_flags_are_kebab_case_and_store_none_unless_given():
    assert flag("learning_rate") == "--learning-rate"
    args = _parser().parse_args([])
    assert vars(args) == {"epochs": None, "widths": None, "rates": None, "name": None}


def test_config_from_args_given_then_quick_then_default():
    parser = _parser()
    assert config_from_args(Toy, parser.parse_args([])) == Toy()
    assert config_from_args(Toy, parser.parse_args([]), quick=True) == Toy(epochs=5, name="b")
    given = parser.parse_args(["--epochs", "7", "--rates", "1", "2", "--widths", "3,3"])
    assert config_from_args(Toy, given, quick=True) == Toy(
        epochs=7, widths=(3, 3), rates=(1.0, 2.0), name="b"
    )
    with pytest.raises(OptionError, match="--epochs: at most 50 with --name b"):
        config_from_args(Toy, parser.parse_args(["--epochs", "60"]), quick=True)


def test_help_texts_show_default_and_quick_value_and_survive_percent_signs():
    text = " ".join(_parser().format_help().split())
    assert "epochs, 100 % sure (default: 100; --quick: 5)" in text
    assert "widths (default: 4,2)" in text
    assert "rates (default: 0.1 0.2)" in text
    assert "a name (default: a; --quick: b)" in text


def test_option_needs_a_validator():
    with pytest.raises(TypeError, match="parse= or choices="):
        option(1, help="no validator")


@pytest.mark.parametrize(
    ("parse", "text", "message"),
    [
        (_options.positive_int, "0", "must be an integer from 1 to 1000000000, got '0'"),
        (_options.positive_int, "2.5", "must be an integer from 1 to 1000000000, got '2.5'"),
        (int_range(1, 17), "18", "must be an integer from 1 to 17, got '18'"),
        (_options.positive_float, "0", "must be a number > 0, got '0'"),
        (_options.positive_float, "inf", "must be a number > 0, got 'inf'"),
        (float_range(0.0, 1.0, low_open=True, high_open=True), "1", "must be a number in (0, 1), got '1'"),
        (float_range(), "nan", "must be a finite number, got 'nan'"),
        (layer_widths, "8,,4", "must be comma-separated positive integers, got '8,,4'"),
        (layer_widths, "8,0", "must be comma-separated positive integers, got '8,0'"),
        (_options.nonzero_int, "0", "must be -1 (all cores)"),
        (_options.address, "localhost", "must be an address like tcp://HOST:PORT"),
    ],
)
def test_validators_reject_with_a_sentence(parse, text, message):
    with pytest.raises(
        argparse.ArgumentTypeError, match="^" + message.replace("(", r"\(").replace(")", r"\)")
    ):
        parse(text)


def test_validators_accept():
    assert _options.positive_int("3") == 3
    assert float_range(0.0)("0") == 0.0
    assert layer_widths("32,16,8") == (32, 16, 8)
    assert _options.nonzero_int("-1") == -1
    assert _options.address("tcp://127.0.0.1:8786") == "tcp://127.0.0.1:8786"


@pytest.mark.slow
def test_lab_run_is_the_command_without_the_command_line(tmp_path):
    from mlplab.cli import main

    results = lab.run("xor", tmp_path / "api", seed=3, quick=True)
    assert main(["xor", "--quick", "--seed", "3", "--no-progress", "--out", str(tmp_path / "cli")]) == 0
    api = json.loads((tmp_path / "api" / "xor" / "metrics.json").read_text())
    cli = json.loads((tmp_path / "cli" / "xor" / "metrics.json").read_text())
    assert api["results"] == cli["results"] == json.loads(json.dumps(results))
    assert api["settings"] == cli["settings"]
    assert not [p for p in (tmp_path / "api").iterdir() if p.name != "xor"]  # no staging folder left
