"""The gate's verdict grid and reports, from cell records."""
from __future__ import annotations

import pytest

from model.cells import EXPECTED_FAILURE, PASS, REPRODUCED, UNEXPECTED
from model.matrix_report import CellRecord, gate_passed, grid, html_report, markdown, terminal_lines

pytestmark = pytest.mark.unit


def record(arch: str, strategy: str, scenario: str, verdict: str, **extra: object) -> CellRecord:
    return CellRecord(id=f"{arch}-{strategy}-{scenario}", arch=arch, strategy=strategy, scenario=scenario,
                      kaniko="v1.24.0", verdict=verdict, predicted="success", seconds=1.5, **extra)  # type: ignore[arg-type]


RECORDS = [
    record("arm64", "usr-bin", "seed", REPRODUCED),
    record("arm64", "usr-bin", "single-stage", PASS),
    record("mips64el", "usr-bin", "seed", UNEXPECTED, message="mips64el-usr-bin-seed: the build passed\n  more",
           log_excerpt=("INFO[0001] Deleting filesystem...", "error building image: <boom>"),
           evidence_dir="reports/mips64el-usr-bin-seed"),
    record("arm64", "host-only", "seed", EXPECTED_FAILURE),
]


def test_grid_counts_verdicts_per_strategy_and_arch() -> None:
    strategies, arches, squares = grid(RECORDS)
    assert (strategies, arches) == (["usr-bin", "host-only"], ["arm64", "mips64el"])
    assert squares[("usr-bin", "arm64")].text == "1 pass, 1 regression reproduced"
    assert squares[("usr-bin", "mips64el")].text == "1 UNEXPECTED"
    assert squares[("host-only", "mips64el")].text == "-"


@pytest.mark.parametrize(("records", "passed"), [
    pytest.param(RECORDS, False, id="one-unexpected-fails"),
    pytest.param([r for r in RECORDS if r.verdict != UNEXPECTED], True, id="all-expected-passes"),
    pytest.param([], False, id="no-cells-is-not-a-pass"),
])
def test_gate_passes_only_when_every_cell_matched(records: list[CellRecord], passed: bool) -> None:
    assert gate_passed(records) is passed


def test_terminal_lines_name_the_unexpected_cell_once_with_its_evidence() -> None:
    lines = terminal_lines(RECORDS)
    assert "gate FAILED: 1 pass, 1 regression reproduced, 1 failed as predicted, 1 UNEXPECTED" in lines
    assert ("  unexpected: mips64el-usr-bin-seed: the build passed (evidence: reports/mips64el-usr-bin-seed)"
            in lines)


def test_markdown_and_html_carry_the_log_lines_of_unexpected_cells_only() -> None:
    md = markdown(RECORDS, {"run": "abc"})
    page = html_report(RECORDS, {"run": "abc"})
    assert "### `mips64el-usr-bin-seed`" in md and "### `arm64-usr-bin-seed`" not in md
    assert "error building image: <boom>" in md
    assert "error building image: &lt;boom&gt;" in page  # escaped
    assert "**Gate FAILED**" in md


def test_record_survives_the_trip_from_a_worker() -> None:
    assert CellRecord.from_json(RECORDS[2].to_json()) == RECORDS[2]
