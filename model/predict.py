"""What a strategy predicts for a stage plan: which RUNs execute, which one fails, and how."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from model.arches import NATIVE_ARCH, Arch
from model.plan import StagePlan, Step
from model.strategies import Strategy

# kaniko wraps the exec error in these layers (pkg/executor/build.go, pkg/commands/run.go).
FAILURE_PREFIX = "error building image: error building stage: failed to execute command: starting command: "


@dataclass(frozen=True)
class KanikoBehaviour:
    """The kaniko defaults that change the plan (the maintained fork skips unused stages)."""

    skip_unused_stages: bool = False
    ignore_paths: tuple[str, ...] = ()  # --ignore-path flags: kept through `Deleting filesystem...`


@dataclass(frozen=True)
class ExpectedRun:
    stage: int
    step: Step
    arch: Arch  # the arch its binaries are built for, so what `uname -m` must print

    @property
    def emulated(self) -> bool:
        return self.arch != NATIVE_ARCH


@dataclass(frozen=True)
class Prediction:
    built_stages: tuple[int, ...]
    stages_after_deletion: tuple[int, ...]  # each is preceded by `Deleting filesystem...`
    succeeding_runs: tuple[ExpectedRun, ...]
    failing_run: ExpectedRun | None
    stage_arches: dict[int, Arch]

    @property
    def succeeds(self) -> bool:
        return self.failing_run is None

    @property
    def deletions(self) -> int:
        return len(self.stages_after_deletion)

    def failure_pattern(self) -> re.Pattern[str] | None:
        """The exact error line kaniko must end with when the interpreter is missing."""
        if self.failing_run is None:
            return None
        program = self.failing_run.step.program or "/bin/sh"
        # exec form with a bare name: kaniko resolves it on the image's PATH first
        program_re = re.escape(program) if program.startswith("/") else r"\S*/" + re.escape(program)
        return re.compile(re.escape(FAILURE_PREFIX) + f"fork/exec {program_re}: no such file or directory$")


BaseArchResolver = Callable[[str], "Arch | None"]


def stage_arches(plan: StagePlan, target: Arch, base_arch: BaseArchResolver) -> dict[int, Arch]:
    """The arch each stage's binaries are for.

    kaniko applies --custom-platform to every FROM and ignores FROM --platform, but a
    single-arch base is taken as it is: `base_arch` says which references are single-arch.
    """
    arches: dict[int, Arch] = {}
    for stage in plan.stages:
        if stage.base_stage is not None:
            arches[stage.index] = arches[stage.base_stage]
        else:
            arches[stage.index] = base_arch(stage.base) or target
    return arches


def predict(
    plan: StagePlan,
    strategy: Strategy,
    target: Arch,
    base_arch: BaseArchResolver,
    *,
    build_target: str | None = None,
    kaniko: KanikoBehaviour = KanikoBehaviour(),
) -> Prediction:
    """Walk the stages kaniko builds and stop at the first RUN that finds no interpreter."""
    built = plan.built_stages(build_target, skip_unused_stages=kaniko.skip_unused_stages)
    arches = stage_arches(plan, target, base_arch)
    succeeding: list[ExpectedRun] = []
    after_deletion: list[int] = []
    for position, index in enumerate(built):
        deleted = position > 0
        if deleted:
            after_deletion.append(index)
        for step in plan.stages[index].runs:
            run = ExpectedRun(stage=index, step=step, arch=arches[index])
            if run.emulated and not strategy.interpreter_reachable(target, after_deletion=deleted,
                                                                          ignore_paths=kaniko.ignore_paths):
                return Prediction(built, tuple(after_deletion), tuple(succeeding), run, arches)
            succeeding.append(run)
    return Prediction(built, tuple(after_deletion), tuple(succeeding), None, arches)
