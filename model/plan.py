"""A Dockerfile's stage plan: its stages, their bases, and the steps kaniko will run in each."""
from __future__ import annotations

import io
import json
import shlex
from dataclasses import dataclass, field

from dockerfile_parse import DockerfileParser

DEFAULT_SHELL = ("/bin/sh", "-c")


class PlanError(ValueError):
    """The Dockerfile has no usable stage plan (no FROM, unknown --target, ...)."""


@dataclass(frozen=True)
class Step:
    """One instruction of a stage, as the Dockerfile wrote it."""

    instruction: str  # upper case: RUN, COPY, USER, ...
    value: str  # the instruction's arguments, continuation lines joined
    line: int  # 1-based line of the instruction in the Dockerfile
    program: str | None = None  # RUN only: what kaniko execs (the shell, or argv[0] in exec form)

    @property
    def is_run(self) -> bool:
        return self.instruction == "RUN"

    @property
    def exec_form(self) -> bool:
        return self.is_run and _exec_form_argv(self.value) is not None

    def __str__(self) -> str:
        return f"{self.instruction} {self.value}"


@dataclass(frozen=True)
class Stage:
    """One FROM and the steps under it."""

    index: int
    name: str | None
    base: str  # the FROM reference with build args substituted
    base_stage: int | None  # index of the earlier stage this one is FROM, if any
    from_platform: str | None  # FROM --platform=..., which kaniko ignores
    steps: tuple[Step, ...]
    copy_from: tuple[str, ...] = field(default=())  # every COPY --from=<ref>, as written

    @property
    def runs(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.is_run)

    @property
    def label(self) -> str:
        return self.name or str(self.index)


@dataclass(frozen=True)
class StagePlan:
    stages: tuple[Stage, ...]

    def resolve_stage(self, ref: str) -> int | None:
        """The index of the stage that `ref` (a stage name or index) names, if it names one."""
        for stage in self.stages:
            if stage.name is not None and stage.name.lower() == ref.lower():
                return stage.index
        if ref.isdigit() and int(ref) < len(self.stages):
            return int(ref)
        return None

    def target_index(self, target: str | None) -> int:
        if target is None:
            return len(self.stages) - 1
        index = self.resolve_stage(target)
        if index is None:
            names = ", ".join(s.label for s in self.stages)
            raise PlanError(f"--target {target!r} names no stage (stages: {names})")
        return index

    def dependencies(self, index: int) -> set[int]:
        """Stages that stage `index` needs, directly or not (FROM <stage>, COPY --from=<stage>)."""
        needed: set[int] = set()
        pending = [index]
        while pending:
            stage = self.stages[pending.pop()]
            refs = [stage.base_stage] + [self.resolve_stage(r) for r in stage.copy_from]
            for dep in refs:
                if dep is not None and dep < stage.index and dep not in needed:
                    needed.add(dep)
                    pending.append(dep)
        return needed

    def built_stages(self, target: str | None, *, skip_unused_stages: bool) -> tuple[int, ...]:
        """Stages kaniko builds, in order: all up to the target, or only those it needs."""
        last = self.target_index(target)
        if skip_unused_stages:
            keep = self.dependencies(last) | {last}
            return tuple(i for i in range(last + 1) if i in keep)
        return tuple(range(last + 1))


def _exec_form_argv(value: str) -> list[str] | None:
    text = value.strip()
    if not text.startswith("["):
        return None
    try:
        argv = json.loads(text)
    except ValueError:
        return None
    if isinstance(argv, list) and argv and all(isinstance(a, str) for a in argv):
        return argv
    return None


def _split_from(value: str) -> tuple[str | None, str, str | None]:
    """FROM [--platform=P] image [AS name] -> (platform, image, name)."""
    words = value.split()
    platform = None
    while words and words[0].startswith("--"):
        flag = words.pop(0)
        if flag.startswith("--platform="):
            platform = flag.split("=", 1)[1]
    if not words:
        raise PlanError(f"FROM without an image: {value!r}")
    name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
    return platform, words[0], name


def _copy_from(value: str) -> str | None:
    for word in shlex.split(value, posix=False):
        if word.startswith("--from="):
            return word.split("=", 1)[1]
    return None


def parse_plan(dockerfile: str, build_args: dict[str, str] | None = None) -> StagePlan:
    """Parse Dockerfile text into its stage plan, substituting build args in FROM lines."""
    parser = DockerfileParser(fileobj=io.BytesIO(dockerfile.encode()), build_args=build_args or {})
    bases = parser.parent_images  # FROM references with ARGs substituted, one per stage
    stages: list[Stage] = []
    current: dict | None = None
    shell = DEFAULT_SHELL
    final_shells: list[tuple[str, ...]] = []  # each closed stage's SHELL, inherited by FROM <stage>

    def close() -> None:
        if current is not None:
            stages.append(Stage(**current))
            final_shells.append(shell)

    for item in parser.structure:
        instruction, value = item["instruction"].upper(), item["value"]
        line = item["startline"] + 1
        if instruction == "FROM":
            close()
            platform, _, name = _split_from(value)
            base = bases[len(stages)]
            base_stage = next(
                (s.index for s in stages if s.name and s.name.lower() == base.lower()), None
            )
            current = dict(
                index=len(stages), name=name, base=base, base_stage=base_stage,
                from_platform=platform, steps=(), copy_from=(),
            )
            # SHELL lives in the image config, so a stage FROM an earlier stage keeps its shell
            shell = final_shells[base_stage] if base_stage is not None else DEFAULT_SHELL
            continue
        if current is None:
            continue  # ARGs and comments before the first FROM
        program = None
        if instruction == "SHELL":
            shell = tuple(_exec_form_argv(value) or DEFAULT_SHELL)
        elif instruction == "RUN":
            argv = _exec_form_argv(value)
            program = argv[0] if argv else shell[0]
        elif instruction == "COPY":
            source = _copy_from(value)
            if source is not None:
                current["copy_from"] = current["copy_from"] + (source,)
        step = Step(instruction=instruction, value=value, line=line, program=program)
        current["steps"] = current["steps"] + (step,)
    close()
    if not stages:
        raise PlanError("the Dockerfile has no FROM instruction")
    return StagePlan(stages=tuple(stages))


def copy_destinations(step: Step, workdir: str = "/") -> list[str]:
    """Paths a COPY step creates for its sources (dest/ + basename, or dest for one source)."""
    words = [w for w in shlex.split(step.value) if not w.startswith("--")]
    if len(words) < 2:
        return []
    *sources, dest = words
    if not dest.startswith("/"):
        dest = workdir.rstrip("/") + "/" + dest
    if dest.endswith("/") or len(sources) > 1:
        return [dest.rstrip("/") + "/" + s.rstrip("/").rsplit("/", 1)[-1] for s in sources]
    return [dest]
