"""Parsing kaniko's log into stages, deletions, commands and the final error."""
from __future__ import annotations

import pytest

from model.kaniko_log import parse_kaniko_log
from suites.unit.samples import SEED_ERROR

pytestmark = pytest.mark.unit

# The seed under the 1.0.0 builder, in kaniko's default `color` format (trailing padding as logrus prints it).
SEED_FAILURE_LOG = f"""\
INFO[0000] Resolved base name busybox-arm64 to busybox-arm64
INFO[0000] Retrieving image manifest busybox-arm64      
INFO[0000] Built cross stage deps: map[0:[/hello]]      
INFO[0000] Executing 0 build triggers                   
INFO[0000] Building stage 'busybox-arm64' [idx: '0', base-idx: '-1'] 
INFO[0000] Unpacking rootfs as cmd RUN touch /hello requires it. 
INFO[0001] RUN touch /hello                             
INFO[0001] Initializing snapshotter ...                 
INFO[0001] Taking snapshot of full filesystem...        
INFO[0001] Cmd: /bin/sh                                 
INFO[0001] Args: [-c touch /hello]                      
INFO[0001] Running: [/bin/sh -c touch /hello]           
INFO[0001] Taking snapshot of full filesystem...        
INFO[0001] Saving file hello for later use              
INFO[0002] Deleting filesystem...                       
INFO[0002] Retrieving image manifest busybox-arm64      
INFO[0002] Building stage 'busybox-arm64' [idx: '1', base-idx: '-1'] 
INFO[0002] Unpacking rootfs as cmd COPY --from=0 /hello /hello requires it. 
INFO[0002] COPY --from=0 /hello /hello                  
INFO[0002] Taking snapshot of files...                  
INFO[0002] RUN ls /hello                                
INFO[0002] Cmd: /bin/sh                                 
INFO[0002] Args: [-c ls /hello]                         
INFO[0002] Running: [/bin/sh -c ls /hello]              
{SEED_ERROR}
"""

SEED_SUCCESS_LOG = """\
INFO[0000] Building stage 'busybox-arm64' [idx: '0', base-idx: '-1']
INFO[0001] RUN uname -m | tee /stage0.machine
INFO[0001] Cmd: /bin/sh
INFO[0001] Running: [/bin/sh -c uname -m | tee /stage0.machine]
aarch64
INFO[0001] Taking snapshot of full filesystem...
INFO[0002] Deleting filesystem...
INFO[0002] Building stage 'busybox-arm64' [idx: '1', base-idx: '-1']
INFO[0002] RUN uname -m
INFO[0002] Cmd: /bin/sh
INFO[0002] Running: [/bin/sh -c uname -m]
aarch64
INFO[0003] Pushing image to 127.0.0.1:5000/kqgate/out:arm64-kaniko-dir-seed
INFO[0003] Pushed 127.0.0.1:5000/kqgate/out@sha256:0123456789abcdef
"""


def test_failure_log_stages_and_deletions() -> None:
    log = parse_kaniko_log(SEED_FAILURE_LOG)
    assert (log.stages_started, log.stages_after_deletion, log.deletions) == ([0, 1], [1], 1)


def test_failure_log_commands_carry_their_stage() -> None:
    log = parse_kaniko_log(SEED_FAILURE_LOG)
    assert [(c.stage, c.instruction, c.text) for c in log.commands] == [
        (0, "RUN", "RUN touch /hello"),
        (1, "COPY", "COPY --from=0 /hello /hello"),
        (1, "RUN", "RUN ls /hello"),
    ]


def test_failure_log_first_failing_step_is_the_run_after_deletion() -> None:
    log = parse_kaniko_log(SEED_FAILURE_LOG)
    failing = log.first_failing_step
    assert failing is not None
    assert (failing.stage, failing.text, failing.program, failing.running) == (
        1, "RUN ls /hello", "/bin/sh", "[/bin/sh -c ls /hello]")
    assert [r.text for r in log.completed_runs] == ["RUN touch /hello"]


def test_failure_log_error_is_the_final_line() -> None:
    log = parse_kaniko_log(SEED_FAILURE_LOG)
    assert log.error == SEED_ERROR
    assert log.error_line == len(log.lines) - 1
    assert [line.rstrip() for line in log.lines_around(log.error_line, before=1, after=0)] == [
        "INFO[0002] Running: [/bin/sh -c ls /hello]", SEED_ERROR]
    assert not log.pushed


def test_success_log_has_no_error_and_keeps_run_output() -> None:
    log = parse_kaniko_log(SEED_SUCCESS_LOG)
    assert (log.error, log.first_failing_step, log.pushed) == (None, None, True)
    assert [(r.stage, r.text, r.output) for r in log.completed_runs] == [
        (0, "RUN uname -m | tee /stage0.machine", ["aarch64"]),
        (1, "RUN uname -m", ["aarch64"]),
    ]


def test_run_that_never_started_is_not_completed() -> None:
    log = parse_kaniko_log("INFO[0000] Building stage 'busybox' [idx: '0', base-idx: '-1']\n"
                           "INFO[0000] RUN true\nINFO[0000] Cmd: /bin/sh\n")
    assert ([r.text for r in log.runs], log.completed_runs) == (["RUN true"], [])


def test_ansi_colour_codes_are_stripped() -> None:
    coloured = ("\x1b[36mINFO\x1b[0m[0000] Building stage 'busybox-arm64' [idx: '0', base-idx: '-1']\r\n"
                "\x1b[36mINFO\x1b[0m[0001] RUN touch /hello\n"
                "\x1b[36mINFO\x1b[0m[0001] Running: [/bin/sh -c touch /hello]\n")
    log = parse_kaniko_log(coloured)
    assert log.lines[0] == "INFO[0000] Building stage 'busybox-arm64' [idx: '0', base-idx: '-1']"
    assert log.stages_started == [0]
    assert [r.text for r in log.completed_runs] == ["RUN touch /hello"]


def test_text_format_lines_parse_like_color_ones() -> None:
    text = """\
time="2026-12-04T15:35:00Z" level=info msg="Building stage 'busybox-arm64' [idx: '0', base-idx: '-1']"
time="2026-12-04T15:35:01Z" level=info msg="RUN touch /hello"
time="2026-12-04T15:35:01Z" level=info msg="Cmd: /bin/sh"
time="2026-12-04T15:35:01Z" level=info msg="Running: [/bin/sh -c touch /hello]"
time="2026-12-04T15:35:02Z" level=info msg="Deleting filesystem..."
time="2026-12-04T15:35:02Z" level=info msg="Building stage 'busybox-arm64' [idx: '1', base-idx: '-1']"
time="2026-12-04T15:35:02Z" level=info msg="RUN ls /hello"
time="2026-12-04T15:35:02Z" level=info msg="Running: [/bin/sh -c ls /hello]"
"""
    log = parse_kaniko_log(text + SEED_ERROR + "\n")
    assert (log.stages_started, log.stages_after_deletion, log.deletions) == ([0, 1], [1], 1)
    assert [(r.stage, r.text, r.program) for r in log.runs] == [
        (0, "RUN touch /hello", "/bin/sh"), (1, "RUN ls /hello", None)]
    assert log.first_failing_step is log.runs[1]
    assert log.error == SEED_ERROR


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("ERRO[0003] pushing image: connection refused", id="color-erro"),
        pytest.param('time="2026-12-04T15:35:00Z" level=error msg="pushing image: connection refused"',
                     id="text-error"),
        pytest.param('time="2026-12-04T15:35:00Z" level=fatal msg="Invalid platform"', id="text-fatal"),
    ],
)
def test_error_level_lines_are_the_error(line: str) -> None:
    log = parse_kaniko_log(f"INFO[0000] Building stage 'busybox' [idx: '0', base-idx: '-1']\n{line}\n")
    assert log.error is not None and log.error_line == 1
    assert log.error.startswith(("pushing image", "Invalid platform"))


def test_warnings_are_not_errors() -> None:
    log = parse_kaniko_log('WARN[0000] Kaniko is being run outside of a container.\n'
                           'time="2026-12-04T15:35:00Z" level=warning msg="Error while retrieving image from cache"\n')
    assert log.error is None
