"""kaniko from an existing image (as users pass the official -debug image) or from a binary
runs the same matrix, with the same expectations, as kaniko built from its Go module."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from fixtures.bed import run_gate
from fixtures.errors import BedError, exit_on_bed_error
from fixtures.kaniko import build_executor
from fixtures.product_images import KanikoChoice, ProductImages
from model.kaniko_spec import DEFAULT_KANIKO

pytestmark = pytest.mark.bed

TWO_CELLS = ["--arch", "arm64", "--strategy", "usr-bin", "--strategy", "kaniko-dir", "-k", "seed-index"]


@pytest.fixture(scope="module")
def executor() -> Path:
    try:
        return build_executor(DEFAULT_KANIKO)  # cached: the matrix built it already
    except BedError as error:
        exit_on_bed_error(error)


@pytest.fixture(scope="module")
def kaniko_debug_like_image(product_images: Callable[[KanikoChoice], ProductImages]) -> str:
    """An image laid out like kaniko's -debug image (/kaniko/executor, /busybox): the 1.1.0 builder."""
    return product_images(KanikoChoice(label=DEFAULT_KANIKO.label, spec=DEFAULT_KANIKO)).builders["1.1.0"]


@pytest.mark.parametrize("source", ["--kaniko-executor", "--kaniko-image"])
def test_other_kaniko_sources_reproduce_the_regression(source: str, executor: Path, kaniko_debug_like_image: str,
                                                       tmp_path: Path) -> None:
    value = str(executor) if source == "--kaniko-executor" else kaniko_debug_like_image
    gate = run_gate([*TWO_CELLS, source, value], tmp_path / "reports")
    assert gate.exit_code == 0, gate.describe()
    assert "gate PASSED: 1 pass, 1 regression reproduced" in gate.output, gate.describe()
