"""The reference builder's Dockerfile: external FROMs pinned to the base kaniko resolved."""
from __future__ import annotations

import pytest

from model.arches import AMD64, ARM64, Arch
from model.plan import parse_plan
from model.reference_dockerfile import pin_bases

pytestmark = pytest.mark.unit


def pinned(base: str, arch: Arch) -> str:
    return f"127.0.0.1:5000/library/{base}@sha256:{arch.docker_arch}"


def pin(dockerfile: str, arches: dict[int, Arch], build_args: dict[str, str] | None = None) -> str:
    return pin_bases(dockerfile, parse_plan(dockerfile, build_args), arches, pinned, build_args)


def test_seed_froms_get_platform_and_pinned_base() -> None:
    dockerfile = "ARG TARGETARCH\nFROM busybox-${TARGETARCH}\nRUN touch /hello\nFROM busybox-${TARGETARCH}\n" \
                 "COPY --from=0 /hello /hello\n"
    assert pin(dockerfile, {0: ARM64, 1: ARM64}, {"TARGETARCH": "arm64"}) == (
        "ARG TARGETARCH\n"
        "FROM --platform=linux/arm64 127.0.0.1:5000/library/busybox-arm64@sha256:arm64\n"
        "RUN touch /hello\n"
        "FROM --platform=linux/arm64 127.0.0.1:5000/library/busybox-arm64@sha256:arm64\n"
        "COPY --from=0 /hello /hello\n"
    )


def test_stage_names_are_kept_and_from_stage_is_left_alone() -> None:
    dockerfile = "FROM --platform=linux/amd64 busybox AS tools\nRUN true\nFROM tools AS next\nRUN true\n"
    assert pin(dockerfile, {0: ARM64, 1: ARM64}).splitlines() == [
        "FROM --platform=linux/arm64 127.0.0.1:5000/library/busybox@sha256:arm64 AS tools",
        "RUN true",
        "FROM tools AS next",
        "RUN true",
    ]


def test_each_stage_gets_its_own_arch() -> None:
    dockerfile = "FROM busybox-amd64 AS native\nFROM busybox\nCOPY --from=native /a /a\n"
    assert pin(dockerfile, {0: AMD64, 1: ARM64}).splitlines()[:2] == [
        "FROM --platform=linux/amd64 127.0.0.1:5000/library/busybox-amd64@sha256:amd64 AS native",
        "FROM --platform=linux/arm64 127.0.0.1:5000/library/busybox@sha256:arm64",
    ]


def test_continued_from_keeps_later_line_numbers() -> None:
    dockerfile = "FROM \\\n  busybox\nRUN true\n"
    assert pin(dockerfile, {0: ARM64}).splitlines() == [
        "FROM --platform=linux/arm64 127.0.0.1:5000/library/busybox@sha256:arm64", "", "RUN true"]
