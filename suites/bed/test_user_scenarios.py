"""A user's scenarios directory joins the matrix; broken cells fail with kaniko's own message,
the run goes on, the gate exits non-zero, and evidence is kept only for the failed cells."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.bed import GateProcess, run_gate

pytestmark = pytest.mark.bed

USER_SCENARIOS = Path(__file__).parent / "data" / "user-scenarios"
BROKEN = {
    "arm64-kaniko-dir-unparseable": "unknown instruction: RUNN",
    "arm64-kaniko-dir-unreachable-registry": "127.0.0.1:9",
    "arm64-kaniko-dir-missing-base": "busybox-s390x",
    "arm64-kaniko-dir-nondeterministic": "~ /random  kaniko: file 0644",
}
WITH_IMAGE = "arm64-kaniko-dir-nondeterministic"  # kaniko built it: its image is evidence too
GOOD = "arm64-kaniko-dir-good-two-stage"
EVIDENCE_FILES = {"kaniko.log", "Dockerfile", "binfmt-entry.txt", "reproduce.sh"}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user-scenarios-reports")


@pytest.fixture(scope="module")
def gate(reports: Path) -> GateProcess:
    return run_gate(["--scenarios-dir", str(USER_SCENARIOS), "--arch", "arm64", "--strategy", "kaniko-dir",
                     "-k", "good-two-stage or unparseable or unreachable-registry or missing-base or nondeterministic",
                     f"--junitxml={reports / 'junit.xml'}"], reports)


def test_gate_fails_because_of_the_broken_cells(gate: GateProcess) -> None:
    assert gate.exit_code == 1, gate.describe()
    assert "gate FAILED: 1 pass, 4 UNEXPECTED" in gate.output, gate.describe()
    assert "Traceback" not in gate.output, gate.describe()


def test_user_cells_have_readable_ids_in_every_report(gate: GateProcess, reports: Path) -> None:
    junit = (reports / "junit.xml").read_text()
    matrix = (reports / "matrix.md").read_text()
    html = (reports / "matrix.html").read_text()
    for cell in [GOOD, *BROKEN]:
        assert f"[{cell}]" in junit, cell
        assert f"`{cell}`" in matrix, cell
        assert cell in html, cell


@pytest.mark.parametrize(("cell", "kaniko_says"), list(BROKEN.items()))
def test_broken_cell_reports_kanikos_message_and_keeps_evidence(gate: GateProcess, reports: Path, cell: str,
                                                                kaniko_says: str) -> None:
    matrix = (reports / "matrix.md").read_text()
    section = matrix.split(f"### `{cell}`", 1)[-1].split("### ", 1)[0]
    assert kaniko_says in section, section or matrix
    kept = reports / cell
    assert {p.name for p in kept.iterdir()} >= EVIDENCE_FILES, sorted(p.name for p in kept.iterdir())
    if cell == WITH_IMAGE:
        assert (kept / "image.tar").stat().st_size > 0
    else:
        assert kaniko_says in (kept / "kaniko.log").read_text()
    assert (kept / "Dockerfile").read_text() == (USER_SCENARIOS / cell.split("kaniko-dir-")[1] / "Dockerfile").read_text()
    assert "interpreter /kaniko/qemu-aarch64-static" in (kept / "binfmt-entry.txt").read_text()


def test_nothing_kept_for_the_passing_cell(gate: GateProcess, reports: Path) -> None:
    assert not (reports / GOOD).exists()
