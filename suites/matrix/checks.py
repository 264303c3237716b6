"""Assertion helpers for a cell: each failure names the command, the exit code and the log lines that matter."""
from __future__ import annotations

import re

import pytest

from fixtures.cells import CellOutcome
from model.kaniko_log import CommandRecord
from model.plan import copy_destinations
from model.predict import ExpectedRun


def _normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def evidence(outcome: CellOutcome, around: int | None = None) -> str:
    log = outcome.kaniko.log
    index = log.error_line if around is None else around
    lines = "\n    ".join(log.lines_around(index))
    return (f"\n  reproduce: {outcome.command_line}\n  exit code: {outcome.kaniko.exit_code}"
            f"\n  binfmt: {outcome.binfmt_entry.name} -> {outcome.binfmt_entry.interpreter} "
            f"flags={outcome.binfmt_entry.flags or 'none'}\n  kaniko log:\n    {lines}")


def fail(outcome: CellOutcome, what: str, around: int | None = None) -> None:
    __tracebackhide__ = True
    pytest.fail(f"{outcome.cell.id}: {what}{evidence(outcome, around)}", pytrace=False)


def assert_plan_parsed(outcome: CellOutcome) -> None:
    __tracebackhide__ = True
    if outcome.prediction is None:
        log = outcome.kaniko.log
        fail(outcome, f"the Dockerfile has no stage plan ({outcome.plan_error}); kaniko said: "
                      f"{log.error or 'nothing'}")


def assert_kaniko_started(outcome: CellOutcome) -> None:
    """kaniko got as far as a stage; if not (e.g. it could not parse the Dockerfile), say what it said."""
    __tracebackhide__ = True
    log = outcome.kaniko.log
    if outcome.kaniko.exit_code != 0 and not log.stages_started:
        fail(outcome, f"kaniko stopped before building any stage: {log.error or 'no error message'}")


def assert_register_script_entry(outcome: CellOutcome) -> None:
    """The entry the register image wrote is the strategy's: interpreter path and F flag."""
    __tracebackhide__ = True
    entry, strategy, arch = outcome.binfmt_entry, outcome.cell.strategy, outcome.cell.arch
    wanted_path = strategy.interpreter_path(arch)
    if entry.interpreter != wanted_path or entry.fix_binary != strategy.persistent or not entry.enabled:
        fail(outcome, f"register script wrote {entry.interpreter} flags={entry.flags or 'none'} "
                      f"enabled={entry.enabled}; strategy {strategy.id} wants {wanted_path} "
                      f"flags={strategy.binfmt_flags() or 'none'}")


def _same_step(record: CommandRecord, expected: ExpectedRun) -> bool:
    return record.stage == expected.stage and _normalize(record.text) == _normalize(str(expected.step))


def assert_stage_flow(outcome: CellOutcome) -> None:
    """`Deleting filesystem...` precedes exactly the stages the plan says, and only those ran."""
    __tracebackhide__ = True
    log, prediction = outcome.kaniko.log, outcome.prediction
    assert prediction is not None
    last_stage = prediction.failing_run.stage if prediction.failing_run else None
    built = [s for s in prediction.built_stages if last_stage is None or s <= last_stage]
    if log.stages_started != built:
        fail(outcome, f"kaniko built stages {log.stages_started}; the plan says {built}")
    deleted = [s for s in prediction.stages_after_deletion if s in built]
    if log.stages_after_deletion != deleted:
        fail(outcome, f"`Deleting filesystem...` came before stages {log.stages_after_deletion}; "
                      f"the plan says {deleted}")


def assert_predicted_runs_completed(outcome: CellOutcome) -> None:
    __tracebackhide__ = True
    prediction = outcome.prediction
    assert prediction is not None
    completed = outcome.kaniko.log.completed_runs
    expected = list(prediction.succeeding_runs)
    got = [f"stage {r.stage}: {r.text}" for r in completed]
    want = [f"stage {r.stage}: RUN {r.step.value}" for r in expected]
    if len(completed) != len(expected) or not all(_same_step(r, e) for r, e in zip(completed, expected)):
        fail(outcome, f"RUN steps that completed differ from the plan\n  ran:      {got}\n  expected: {want}")


PRINTS_MACHINE = re.compile(r"uname\s+-m\b(?!\s*>)")  # `uname -m > file` prints nothing


def _records_machine(text: str) -> bool:
    return PRINTS_MACHINE.search(text) is not None


def assert_runs_were_emulated(outcome: CellOutcome) -> None:
    """Every RUN that prints `uname -m` printed the machine of its stage's arch (so it was emulated)."""
    __tracebackhide__ = True
    prediction = outcome.prediction
    assert prediction is not None
    for record, expected in zip(outcome.kaniko.log.completed_runs, prediction.succeeding_runs):
        if _records_machine(record.text) and expected.arch.machine not in record.output:
            fail(outcome, f"{record.text!r} printed {record.output} but stage {record.stage} is "
                          f"{expected.arch.name}: `uname -m` must print {expected.arch.machine}")


def assert_build_succeeded(outcome: CellOutcome) -> None:
    __tracebackhide__ = True
    if outcome.kaniko.exit_code != 0:
        fail(outcome, f"the model predicts success for {outcome.cell.strategy.id}, kaniko failed: "
                      f"{outcome.kaniko.log.error}")


def assert_output_image(outcome: CellOutcome) -> None:
    """The pushed image is for the target arch, runs there, and holds what COPY --from brought."""
    __tracebackhide__ = True
    image, arch = outcome.image, outcome.cell.arch
    assert image is not None and outcome.plan is not None and outcome.prediction is not None
    if image.architecture != arch.docker_arch:
        fail(outcome, f"output image {image.ref} says architecture {image.architecture!r}, "
                      f"want {arch.docker_arch!r} ({image.run_output})")
    if image.run_exit != 0 or image.run_output != arch.machine:
        fail(outcome, f"`docker run --platform {arch.platform} {image.ref} uname -m` exited {image.run_exit} "
                      f"with {image.run_output!r}, want {arch.machine!r}")
    final = outcome.plan.stages[outcome.prediction.built_stages[-1]]
    for step in final.steps:
        if step.instruction == "COPY" and "--from=" in step.value:
            for path in copy_destinations(step):
                if path.lstrip("/") not in image.filesystem:
                    fail(outcome, f"{step} did not leave {path} in the output image")


def assert_matches_reference(outcome: CellOutcome) -> None:
    """The same Dockerfile built by Docker's classic builder gives the same filesystem."""
    __tracebackhide__ = True
    from model.filesystems import diff_filesystems

    reference, image = outcome.reference, outcome.image
    assert image is not None
    if reference is None or not reference.succeeded:
        fail(outcome, f"the reference builder failed: {reference.error if reference else 'not run'}\n"
                      f"  reference Dockerfile:\n{reference.dockerfile if reference else ''}")
        return
    differences = diff_filesystems(image.filesystem, reference.filesystem)
    if differences:
        fail(outcome, "kaniko's image and the reference builder's differ:\n    " + "\n    ".join(differences)
             + f"\n  reference Dockerfile:\n{reference.dockerfile}")


def assert_fails_at_predicted_run(outcome: CellOutcome) -> None:
    """The build stops at the first RUN without an interpreter, with kaniko's exact message."""
    __tracebackhide__ = True
    prediction, log = outcome.prediction, outcome.kaniko.log
    assert prediction is not None and prediction.failing_run is not None
    expected = prediction.failing_run
    if outcome.kaniko.exit_code == 0:
        fail(outcome, f"the model predicts a failure at stage {expected.stage} `{expected.step}` "
                      f"(strategy {outcome.cell.strategy.id}) but the build passed: the reproduction is broken",
             around=len(log.lines))
    failing = log.first_failing_step
    if failing is None or not _same_step(failing, expected):
        fail(outcome, f"the build failed at {failing.text if failing else 'no step'!r} "
                      f"(stage {failing.stage if failing else '?'}); the model predicts stage "
                      f"{expected.stage} `{expected.step}`")
    pattern = prediction.failure_pattern()
    if pattern is None or log.error is None or not pattern.search(log.error):
        fail(outcome, f"kaniko's error is {log.error!r}; want /{pattern.pattern if pattern else ''}/")
