"""The regression matrix: each cell's kaniko build must do exactly what the model predicts."""
from __future__ import annotations

import pytest

from fixtures.cells import CellOutcome
from suites.matrix import checks

pytestmark = pytest.mark.matrix


def test_cell_matches_model(cell_outcome: CellOutcome) -> None:
    checks.assert_plan_parsed(cell_outcome)
    checks.assert_register_script_entry(cell_outcome)
    checks.assert_kaniko_started(cell_outcome)
    checks.assert_stage_flow(cell_outcome)
    checks.assert_predicted_runs_completed(cell_outcome)
    checks.assert_runs_were_emulated(cell_outcome)
    assert cell_outcome.prediction is not None
    if cell_outcome.prediction.succeeds:
        checks.assert_build_succeeded(cell_outcome)
        checks.assert_output_image(cell_outcome)
        checks.assert_matches_reference(cell_outcome)
    else:
        checks.assert_fails_at_predicted_run(cell_outcome)
