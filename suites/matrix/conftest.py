"""The matrix's cells, generated from the options: kaniko x arch x strategy x scenario."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.cells import CellBuilder, CellOutcome
from fixtures.options import gate_options
from fixtures.product_images import kaniko_choices
from model.arches import FOREIGN_ARCHES
from model.cells import Cell
from model.scenarios import Scenario, ScenarioError, discover, load_scenario
from model.strategies import STRATEGIES

BUILTIN_SCENARIOS = Path(__file__).resolve().parents[2] / "dockerfiles" / "scenarios"


def selected_scenarios(config: pytest.Config) -> list[Scenario]:
    options = gate_options(config)
    try:
        scenarios = discover(BUILTIN_SCENARIOS)
        for directory in options.scenario_dirs:
            found = discover(directory, origin="user")
            if not found:
                raise ScenarioError(f"--scenarios-dir {directory}: no sub-directory holds a Dockerfile")
            scenarios += found
        for dockerfile in options.dockerfiles:
            name = dockerfile.parent.name if dockerfile.name == "Dockerfile" else f"{dockerfile.parent.name}-{dockerfile.name}"
            scenarios.append(load_scenario(dockerfile, name=name, origin="user"))
    except ScenarioError as error:
        raise pytest.UsageError(str(error)) from None
    names = [s.name for s in scenarios]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise pytest.UsageError(f"two scenarios share the name {', '.join(duplicates)}; rename a directory")
    return scenarios


def matrix_cells(config: pytest.Config) -> list[Cell]:
    options = gate_options(config)
    choices = kaniko_choices(config)
    scenarios = selected_scenarios(config)
    return [
        Cell(FOREIGN_ARCHES[arch], STRATEGIES[strategy], scenario, choice.label, show_kaniko=len(choices) > 1)
        for choice in choices
        for arch in options.arches
        for strategy in options.strategies
        for scenario in scenarios
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "cell" in metafunc.fixturenames:
        cells = matrix_cells(metafunc.config)
        # one xdist group per arch: binfmt entries are per arch, so workers never contend for one
        metafunc.parametrize("cell", [pytest.param(c, id=c.id, marks=pytest.mark.xdist_group(c.arch.name))
                                      for c in cells])


@pytest.fixture
def cell_outcome(cell: Cell, cell_builder: CellBuilder, pytestconfig: pytest.Config) -> CellOutcome:
    choice = next(c for c in kaniko_choices(pytestconfig) if c.label == cell.kaniko_label)
    return cell_builder.build(cell, choice)
