"""A user's mistake or a bad machine gets one clear line and a non-zero exit, never a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from fixtures.bed import run_gate
from fixtures.errors import ENVIRONMENT_EXIT_CODE

pytestmark = pytest.mark.bed

USAGE_ERROR = 4  # pytest.ExitCode.USAGE_ERROR
ONE_CELL = ["--arch", "arm64", "--strategy", "kaniko-dir", "-k", "single-stage"]

CASES = [
    pytest.param(["--arch", "sparc"], {}, USAGE_ERROR, "unknown arch sparc; valid: arm64, mips64el", id="unknown-arch"),
    pytest.param(["--strategy", "chroot"], {}, USAGE_ERROR,
                 "unknown strategy chroot; valid: usr-bin, kaniko-dir, fix-binary, bind-mount, ignore-path, host-only",
                 id="unknown-strategy"),
    pytest.param(["--dockerfile", "/nonexistent/Dockerfile"], {}, USAGE_ERROR,
                 "--dockerfile /nonexistent/Dockerfile: no such file", id="missing-dockerfile"),
    pytest.param(["--scenarios-dir", "/nonexistent"], {}, USAGE_ERROR,
                 "--scenarios-dir /nonexistent: no such directory", id="missing-scenarios-dir"),
    pytest.param(["--kaniko-version", "latest"], {}, USAGE_ERROR, "is not of the form [MODULE@]vX.Y.Z",
                 id="malformed-kaniko-version"),
    pytest.param(["--kaniko-executor", "/nonexistent/executor"], {}, USAGE_ERROR,
                 "--kaniko-executor /nonexistent/executor: no such file", id="missing-executor"),
    pytest.param(ONE_CELL, {"DOCKER_HOST": "unix:///nonexistent/docker.sock"}, ENVIRONMENT_EXIT_CODE,
                 "DOCKER_HOST=unix:///nonexistent/docker.sock does not answer", id="engine-unreachable"),
    pytest.param([*ONE_CELL, "--kaniko-version", "v0.0.99"], {}, ENVIRONMENT_EXIT_CODE,
                 "v0.0.99", id="unknown-kaniko-version"),
]


@pytest.mark.parametrize(("args", "env", "exit_code", "message"), CASES)
def test_bad_input_is_one_clear_line(args: list[str], env: dict[str, str], exit_code: int, message: str,
                                     tmp_path: Path) -> None:
    gate = run_gate(args, tmp_path / "reports", env)
    assert gate.exit_code == exit_code, gate.describe()
    assert message in gate.output, gate.describe()
    assert "Traceback" not in gate.output, gate.describe()
