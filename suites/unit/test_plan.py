"""Stage plans: what parse_plan reads out of a Dockerfile, and which stages kaniko builds."""
from __future__ import annotations

import pytest

from model.plan import PlanError, Step, copy_destinations, parse_plan
from suites.unit.samples import EXEC_FORM, NAMED_CHAIN, SEED, UNUSED_FIRST_STAGE

pytestmark = pytest.mark.unit


def test_seed_has_two_unnamed_stages_on_the_same_base() -> None:
    plan = parse_plan(SEED)
    assert [(s.index, s.name, s.base, s.base_stage) for s in plan.stages] == [
        (0, None, "busybox-arm64", None),
        (1, None, "busybox-arm64", None),
    ]
    assert [s.label for s in plan.stages] == ["0", "1"]


def test_seed_steps_keep_instruction_value_and_line() -> None:
    plan = parse_plan(SEED)
    assert [(str(step), step.line) for step in plan.stages[1].steps] == [
        ("COPY --from=0 /hello /hello", 4),
        ("RUN ls /hello", 5),
    ]
    assert plan.stages[1].copy_from == ("0",)
    assert [str(run) for run in plan.stages[0].runs] == ["RUN touch /hello"]


def test_from_an_earlier_stage_names_it_as_base_stage() -> None:
    plan = parse_plan(NAMED_CHAIN)
    assert [(s.name, s.base, s.base_stage) for s in plan.stages] == [
        ("first", "busybox", None),
        ("middle", "first", 0),
        ("never", "middle", 1),
    ]


def test_stage_names_match_case_insensitively() -> None:
    plan = parse_plan("FROM busybox AS Build\nRUN true\nFROM build\nRUN true\n")
    assert plan.stages[1].base_stage == 0
    assert plan.resolve_stage("BUILD") == 0


def test_copy_from_records_every_source_as_written() -> None:
    plan = parse_plan(
        "FROM busybox AS a\nFROM busybox AS b\nFROM busybox\n"
        "COPY --from=a --chown=1000:1000 /x /x\nCOPY /local /local\nCOPY --from=1 /y /y\n"
    )
    assert plan.stages[2].copy_from == ("a", "1")


@pytest.mark.parametrize(
    ("dockerfile", "stage", "program", "exec_form"),
    [
        pytest.param(EXEC_FORM, 1, "uname", True, id="exec-form-bare-name"),
        pytest.param('FROM busybox\nSHELL ["/bin/bash", "-c"]\nRUN uname -m\n', 0, "/bin/bash", False,
                     id="shell-instruction-changes-program"),
        pytest.param('FROM busybox\nSHELL ["/bin/bash", "-c"]\nFROM busybox\nRUN uname -m\n', 1, "/bin/sh",
                     False, id="new-external-base-resets-shell"),
        pytest.param('FROM busybox AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN uname -m\n', 1,
                     "/bin/bash", False, id="from-earlier-stage-inherits-its-shell"),
    ],
)
def test_run_program_is_what_kaniko_execs(dockerfile: str, stage: int, program: str, exec_form: bool) -> None:
    run = parse_plan(dockerfile).stages[stage].runs[-1]
    assert (run.program, run.exec_form) == (program, exec_form)


@pytest.mark.parametrize(
    ("dockerfile", "build_args", "base"),
    [
        pytest.param("ARG TARGETARCH\nFROM busybox-${TARGETARCH}\n", {"TARGETARCH": "arm64"}, "busybox-arm64",
                     id="build-arg-given"),
        pytest.param("ARG ARCH=mips64le\nFROM busybox-$ARCH\n", None, "busybox-mips64le", id="arg-default"),
    ],
)
def test_from_substitutes_args(dockerfile: str, build_args: dict[str, str] | None, base: str) -> None:
    assert parse_plan(dockerfile, build_args).stages[0].base == base


def test_from_platform_is_recorded_and_not_part_of_the_base() -> None:
    stage = parse_plan("FROM --platform=linux/amd64 busybox AS tools\nRUN uname -m\n").stages[0]
    assert (stage.from_platform, stage.base, stage.name) == ("linux/amd64", "busybox", "tools")


@pytest.mark.parametrize(
    ("dockerfile", "target", "skip_unused", "built"),
    [
        pytest.param(SEED, None, False, (0, 1), id="seed-all-stages"),
        pytest.param(SEED, None, True, (0, 1), id="seed-skip-unused-keeps-copy-from-source"),
        pytest.param(NAMED_CHAIN, "middle", False, (0, 1), id="target-stops-at-intermediate"),
        pytest.param(NAMED_CHAIN, "0", False, (0,), id="target-by-index"),
        pytest.param(UNUSED_FIRST_STAGE, None, False, (0, 1), id="upstream-builds-unused-stage"),
        pytest.param(UNUSED_FIRST_STAGE, None, True, (1,), id="skip-unused-drops-unused-stage"),
    ],
)
def test_built_stages(dockerfile: str, target: str | None, skip_unused: bool, built: tuple[int, ...]) -> None:
    assert parse_plan(dockerfile).built_stages(target, skip_unused_stages=skip_unused) == built


def test_dependencies_are_transitive_through_copy_and_from() -> None:
    plan = parse_plan(
        "FROM busybox AS a\nFROM a AS b\nFROM busybox AS lone\nFROM busybox\nCOPY --from=b /x /x\n"
    )
    assert plan.dependencies(3) == {0, 1}


def test_unknown_target_is_a_plan_error_naming_the_stages() -> None:
    with pytest.raises(PlanError, match=r"'nope' names no stage \(stages: first, middle, never\)"):
        parse_plan(NAMED_CHAIN).built_stages("nope", skip_unused_stages=False)


def test_no_from_is_a_plan_error() -> None:
    with pytest.raises(PlanError, match="no FROM"):
        parse_plan("# only a comment\nARG X=1\n")


@pytest.mark.parametrize(
    ("value", "workdir", "destinations"),
    [
        pytest.param("--from=0 /hello /hello", "/", ["/hello"], id="file-to-path"),
        pytest.param("--from=0 /root/wangshibin /root/", "/", ["/root/wangshibin"], id="file-into-dir"),
        pytest.param("--from=produce /data/numbers.gz /data/numbers.sha256 /data/", "/",
                     ["/data/numbers.gz", "/data/numbers.sha256"], id="several-sources-into-dir"),
        pytest.param("--from=b --chown=1000:1000 /x out/", "/app", ["/app/out/x"], id="relative-dest-uses-workdir"),
    ],
)
def test_copy_destinations(value: str, workdir: str, destinations: list[str]) -> None:
    step = Step(instruction="COPY", value=value, line=1)
    assert copy_destinations(step, workdir) == destinations
