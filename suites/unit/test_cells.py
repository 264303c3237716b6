"""Matrix cells: ids that read like sentences, build args, and the summary's word for a result."""
from __future__ import annotations

from pathlib import Path

import pytest

from model.arches import ARM64, MIPS64EL
from model.cells import EXPECTED_FAILURE, PASS, REPRODUCED, UNEXPECTED, Cell, classify
from model.scenarios import Scenario
from model.strategies import STRATEGIES

pytestmark = pytest.mark.unit


def cell(scenario_name: str = "seed", **options: object) -> Cell:
    scenario = Scenario(name=scenario_name, dockerfile=Path("/scenarios", scenario_name, "Dockerfile"),
                        build_args=(("TARGETARCH", "override"), ("EXTRA", "1")))
    defaults: dict = dict(arch=ARM64, strategy=STRATEGIES["usr-bin"], kaniko_label="fork-v1.28.5")
    return Cell(scenario=scenario, **{**defaults, **options})


@pytest.mark.parametrize(
    ("the_cell", "cell_id"),
    [
        pytest.param(cell(), "arm64-usr-bin-seed", id="plain"),
        pytest.param(cell(show_kaniko=True), "arm64-usr-bin-seed-fork-v1.28.5", id="with-kaniko-label"),
        pytest.param(cell("my scenario/2"), "arm64-usr-bin-my-scenario-2", id="unsafe-characters-replaced"),
    ],
)
def test_cell_id(the_cell: Cell, cell_id: str) -> None:
    assert the_cell.id == cell_id


def test_scenario_build_args_override_the_target_ones() -> None:
    assert cell(arch=MIPS64EL).build_args() == {
        "TARGETARCH": "override", "TARGETPLATFORM": "linux/mips64le", "TARGETOS": "linux", "EXTRA": "1"}


@pytest.mark.parametrize(
    ("predicted_success", "matched", "strategy_id", "word"),
    [
        pytest.param(True, True, "kaniko-dir", PASS, id="predicted-pass"),
        pytest.param(False, True, "usr-bin", REPRODUCED, id="usr-bin-failure-is-the-regression"),
        pytest.param(False, True, "host-only", EXPECTED_FAILURE, id="negative-control-failed"),
        pytest.param(True, False, "kaniko-dir", UNEXPECTED, id="predicted-pass-but-failed"),
    ],
)
def test_classify(predicted_success: bool, matched: bool, strategy_id: str, word: str) -> None:
    assert classify(predicted_success, matched, strategy_id) == word
