"""Image references split the way Docker splits them."""
from __future__ import annotations

import pytest

from model.references import Reference, parse_reference

pytestmark = pytest.mark.unit

DIGEST = "sha256:" + "ab" * 32


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        pytest.param("busybox", Reference(None, "library/busybox", "latest"), id="short-name"),
        pytest.param("127.0.0.1:5000/kqgate/out:cell", Reference("127.0.0.1:5000", "kqgate/out", "cell"),
                     id="registry-with-port"),
        pytest.param("localhost/busybox", Reference("localhost", "busybox", "latest"), id="localhost-no-library"),
        pytest.param(f"busybox@{DIGEST}", Reference(None, "library/busybox", "latest", DIGEST), id="digest"),
        pytest.param(f"localhost:5000/busybox:1.36@{DIGEST}", Reference("localhost:5000", "busybox", "1.36", DIGEST),
                     id="registry-tag-and-digest"),
    ],
)
def test_parse_reference(text: str, reference: Reference) -> None:
    assert parse_reference(text) == reference


@pytest.mark.parametrize(
    ("text", "short_name", "mirrored"),
    [
        pytest.param("busybox-arm64", "busybox-arm64", "127.0.0.1:5000/library/busybox-arm64:latest", id="hub"),
        pytest.param(f"busybox@{DIGEST}", "busybox", f"127.0.0.1:5000/library/busybox@{DIGEST}", id="digest-wins"),
        pytest.param("localhost:5000/library/busybox:1", "library/busybox", "127.0.0.1:5000/library/busybox:1",
                     id="other-registry-keeps-library"),
    ],
)
def test_short_name_and_mirror(text: str, short_name: str, mirrored: str) -> None:
    reference = parse_reference(text)
    assert (reference.short_name, reference.on("127.0.0.1:5000")) == (short_name, mirrored)
