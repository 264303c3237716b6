"""Scenario directories: loading, discovery, and the built-in ones parsing into plans."""
from __future__ import annotations

from pathlib import Path

import pytest

from model.arches import ARM64
from model.cells import Cell
from model.plan import parse_plan
from model.scenarios import Scenario, ScenarioError, discover, load_scenario
from model.strategies import STRATEGIES
from suites.unit.samples import BUILTIN_SCENARIOS, SEED

pytestmark = pytest.mark.unit


def make_scenario(root: Path, name: str, toml: str | None = None, dockerfile: str = SEED) -> Path:
    directory = root / name
    directory.mkdir()
    (directory / "Dockerfile").write_text(dockerfile)
    if toml is not None:
        (directory / "scenario.toml").write_text(toml)
    return directory / "Dockerfile"


def test_without_scenario_toml_only_the_name_and_context_are_known(tmp_path: Path) -> None:
    scenario = load_scenario(make_scenario(tmp_path, "plain"), origin="user")
    # a user scenario is in the benchmark selection by default: the user named it
    assert scenario == Scenario(name="plain", dockerfile=tmp_path / "plain" / "Dockerfile", origin="user",
                                benchmark=True)
    assert scenario.context == tmp_path / "plain"
    assert scenario.dockerfile_text() == SEED


def test_scenario_toml_sets_description_target_and_sorted_build_args(tmp_path: Path) -> None:
    toml = 'description = "two stages"\ntarget = "middle"\n[build_args]\nZ = "last"\nA = 1\n'
    scenario = load_scenario(make_scenario(tmp_path, "configured", toml))
    assert (scenario.description, scenario.target, scenario.build_args) == (
        "two stages", "middle", (("A", "1"), ("Z", "last")))


def test_unknown_scenario_toml_keys_are_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="unknown keys descripton, platform"):
        load_scenario(make_scenario(tmp_path, "bad", 'descripton = "typo"\nplatform = "x"\n'))


def test_missing_dockerfile_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no Dockerfile there"):
        load_scenario(tmp_path / "Dockerfile")


def test_discover_sorts_and_skips_directories_without_a_dockerfile(tmp_path: Path) -> None:
    make_scenario(tmp_path, "zeta")
    make_scenario(tmp_path, "alpha")
    (tmp_path / "notes").mkdir()
    (tmp_path / "README.md").write_text("not a scenario")
    assert [s.name for s in discover(tmp_path, origin="user")] == ["alpha", "zeta"]


def test_discover_of_a_missing_directory_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such scenarios directory"):
        discover(tmp_path / "absent")


@pytest.mark.parametrize("scenario", [pytest.param(s, id=s.name) for s in discover(BUILTIN_SCENARIOS)])
def test_builtin_scenario_parses_into_a_plan_with_a_run(scenario: Scenario) -> None:
    cell = Cell(ARM64, STRATEGIES["usr-bin"], scenario, kaniko_label="v1.24.0")
    plan = parse_plan(scenario.dockerfile_text(), cell.build_args())
    built = plan.built_stages(scenario.target, skip_unused_stages=False)
    assert any(plan.stages[i].runs for i in built), f"{scenario.name} builds no RUN"
    assert scenario.description, f"{scenario.name} has no description in scenario.toml"
    assert all("${" not in s.base and not s.base.endswith("-") for s in plan.stages)
