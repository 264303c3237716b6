"""Predictions: which RUN each strategy lets kaniko execute, and the error line it must end with."""
from __future__ import annotations

import pytest

from model.arches import AMD64, ARM64
from model.plan import parse_plan
from model.predict import KanikoBehaviour, Prediction, predict
from model.strategies import STRATEGIES
from suites.unit.samples import (
    EXEC_FORM, NAMED_CHAIN, NATIVE_THEN_FOREIGN, SEED, SEED_ERROR, SINGLE_STAGE, UNUSED_FIRST_STAGE,
    single_arch_base,
)

pytestmark = pytest.mark.unit

# strategy id -> (RUNs that succeed, the RUN that fails or None), as "stage: RUN ..." for the seed on arm64
SEED_OUTCOMES: dict[str, tuple[list[str], str | None]] = {
    "usr-bin": (["0: RUN touch /hello"], "1: RUN ls /hello"),
    "kaniko-dir": (["0: RUN touch /hello", "1: RUN ls /hello"], None),
    "fix-binary": (["0: RUN touch /hello", "1: RUN ls /hello"], None),
    "bind-mount": (["0: RUN touch /hello", "1: RUN ls /hello"], None),
    "ignore-path": (["0: RUN touch /hello", "1: RUN ls /hello"], None),
    "host-only": ([], "0: RUN touch /hello"),
}


def seed_prediction(strategy_id: str, dockerfile: str = SEED, *, build_target: str | None = None,
                    kaniko: KanikoBehaviour = KanikoBehaviour()) -> Prediction:
    """What the model predicts for `dockerfile` built for arm64 (the seed unless given)."""
    return predict(parse_plan(dockerfile), STRATEGIES[strategy_id], ARM64, single_arch_base,
                   build_target=build_target, kaniko=kaniko)


def described(prediction: Prediction) -> tuple[list[str], str | None]:
    runs = [f"{r.stage}: {r.step}" for r in prediction.succeeding_runs]
    failing = prediction.failing_run
    return runs, (f"{failing.stage}: {failing.step}" if failing else None)


def test_every_strategy_has_a_seed_outcome() -> None:
    assert set(SEED_OUTCOMES) == set(STRATEGIES)


@pytest.mark.parametrize("strategy_id", [pytest.param(s, id=f"arm64-{s}-seed") for s in STRATEGIES])
def test_seed_outcome_per_strategy(strategy_id: str) -> None:
    prediction = seed_prediction(strategy_id)
    assert described(prediction) == SEED_OUTCOMES[strategy_id]
    assert prediction.built_stages == (0, 1)
    assert all(run.emulated and run.arch is ARM64 for run in prediction.succeeding_runs)
    pattern = prediction.failure_pattern()
    if prediction.succeeds:
        assert pattern is None
    else:
        assert pattern is not None and pattern.fullmatch(SEED_ERROR)
        assert not pattern.search(SEED_ERROR.replace("/bin/sh", "/bin/uname"))
        assert not pattern.search(SEED_ERROR.replace("starting command", "running command"))


@pytest.mark.parametrize(
    ("strategy_id", "after_deletion"),
    [
        pytest.param("usr-bin", (1,), id="usr-bin-fails-after-the-deletion"),
        pytest.param("host-only", (), id="host-only-stops-before-the-deletion"),
    ],
)
def test_stages_after_deletion_end_where_the_build_stops(strategy_id: str, after_deletion: tuple[int, ...]) -> None:
    prediction = seed_prediction(strategy_id)
    assert (prediction.stages_after_deletion, prediction.deletions) == (after_deletion, len(after_deletion))


def test_native_base_runs_without_an_interpreter_even_under_host_only() -> None:
    prediction = seed_prediction("host-only", "FROM busybox-amd64\nRUN uname -m\n")
    assert described(prediction) == (["0: RUN uname -m"], None)
    assert prediction.stage_arches == {0: AMD64}
    assert not prediction.succeeding_runs[0].emulated


def test_native_stage_then_foreign_stage_fails_at_the_foreign_run_under_host_only() -> None:
    prediction = seed_prediction("host-only", NATIVE_THEN_FOREIGN)
    assert described(prediction) == (["0: RUN uname -m | tee /native.machine"], "1: RUN cat /native.machine")
    assert prediction.stage_arches == {0: AMD64, 1: ARM64}


def test_exec_form_failure_names_the_resolved_program() -> None:
    prediction = seed_prediction("usr-bin", EXEC_FORM)
    assert described(prediction)[1] == '1: RUN ["uname", "-m"]'
    pattern = prediction.failure_pattern()
    assert pattern is not None
    uname_error = SEED_ERROR.replace("/bin/sh", "/bin/uname")
    assert pattern.fullmatch(uname_error)
    assert not pattern.search(SEED_ERROR)


def test_single_stage_build_deletes_nothing_and_succeeds_under_usr_bin() -> None:
    prediction = seed_prediction("usr-bin", SINGLE_STAGE)
    assert (prediction.succeeds, prediction.deletions, len(prediction.succeeding_runs)) == (True, 0, 2)


def test_from_platform_does_not_make_a_stage_native() -> None:
    prediction = seed_prediction("host-only", "FROM --platform=linux/amd64 busybox\nRUN uname -m\n")
    assert prediction.stage_arches == {0: ARM64}
    assert described(prediction) == ([], "0: RUN uname -m")


def test_stage_from_an_earlier_stage_inherits_its_arch() -> None:
    dockerfile = "FROM busybox-amd64 AS native\nFROM native\nRUN uname -m\n"
    prediction = seed_prediction("host-only", dockerfile)
    assert prediction.stage_arches == {0: AMD64, 1: AMD64}
    assert prediction.succeeds


@pytest.mark.parametrize(
    ("strategy_id", "outcome"),
    [
        pytest.param("usr-bin", (["0: RUN uname -m | tee /first.machine"], "1: RUN uname -m | tee /middle.machine"),
                     id="usr-bin-fails-in-middle"),
        pytest.param("kaniko-dir", (["0: RUN uname -m | tee /first.machine", "1: RUN uname -m | tee /middle.machine"],
                                    None), id="kaniko-dir-never-reaches-last-stage"),
    ],
)
def test_target_of_an_intermediate_stage_shortens_the_plan(strategy_id: str, outcome: tuple) -> None:
    prediction = seed_prediction(strategy_id, NAMED_CHAIN, build_target="middle")
    assert prediction.built_stages == (0, 1)
    assert described(prediction) == outcome


@pytest.mark.parametrize(
    ("skip_unused", "built", "fails"),
    [
        pytest.param(False, (0, 1), "1: RUN uname -m", id="upstream-builds-and-deletes"),
        pytest.param(True, (1,), None, id="fork-skips-unused-stage-so-nothing-is-deleted"),
    ],
)
def test_skip_unused_stages_changes_the_outcome(skip_unused: bool, built: tuple[int, ...], fails: str | None) -> None:
    prediction = seed_prediction("usr-bin", UNUSED_FIRST_STAGE,
                                 kaniko=KanikoBehaviour(skip_unused_stages=skip_unused))
    assert (prediction.built_stages, described(prediction)[1]) == (built, fails)


@pytest.mark.parametrize(("ignore_paths", "fails"), [
    pytest.param(("/usr/bin",), None, id="ignoring-its-directory-keeps-the-interpreter"),
    pytest.param(("/usr/bin/qemu-aarch64-static",), None, id="ignoring-the-file-keeps-it"),
    pytest.param(("/usr/bin/qemu",), "1: RUN ls /hello", id="a-name-prefix-is-not-a-directory"),
    pytest.param(("/opt",), "1: RUN ls /hello", id="another-path-changes-nothing"),
])
def test_users_ignore_path_flags_reach_the_model(ignore_paths: tuple[str, ...], fails: str | None) -> None:
    prediction = seed_prediction("usr-bin", kaniko=KanikoBehaviour(ignore_paths=ignore_paths))
    assert described(prediction)[1] == fails
