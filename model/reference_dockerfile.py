"""The Dockerfile the reference builder gets: each external FROM pinned to the base kaniko resolves."""
from __future__ import annotations

import io
from collections.abc import Callable

from dockerfile_parse import DockerfileParser

from model.arches import Arch
from model.plan import StagePlan


def pin_bases(dockerfile: str, plan: StagePlan, arches: dict[int, Arch], pin: Callable[[str, Arch], str],
              build_args: dict[str, str] | None = None) -> str:
    """Rewrite `FROM base [AS name]` as `FROM --platform=<arch> <pinned base> [AS name]`.

    kaniko ignores FROM --platform and resolves every base with --custom-platform unless the
    base is single-arch; writing the arch it resolved makes Docker's builder use the same base.
    """
    parser = DockerfileParser(fileobj=io.BytesIO(dockerfile.encode()), build_args=build_args or {})
    lines = dockerfile.splitlines()
    froms = [item for item in parser.structure if item["instruction"].upper() == "FROM"]
    for stage, item in zip(plan.stages, froms, strict=True):
        if stage.base_stage is not None:
            continue
        alias = f" AS {stage.name}" if stage.name else ""
        new = f"FROM --platform={arches[stage.index].platform} {pin(stage.base, arches[stage.index])}{alias}"
        start, end = item["startline"], item["endline"]
        lines[start:end + 1] = [new] + [""] * (end - start)
    return "\n".join(lines) + "\n"
