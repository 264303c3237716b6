"""Parse a kaniko executor log into stage, command and RUN events."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# kaniko's default `color` format: `INFO[0012] message`; `text` format: level=info msg="message"
COLOR_LINE = re.compile(r"^(?P<level>INFO|WARN|ERRO|FATA|DEBU|TRAC)\[\d+\]\s?(?P<msg>.*?)\s*$")
TEXT_LINE = re.compile(r'^time="[^"]*" level=(?P<level>\w+) msg="(?P<msg>(?:[^"\\]|\\.)*)"')
STAGE_START = re.compile(r"^Building stage '(?P<base>[^']*)' \[idx: '(?P<index>\d+)'")
INSTRUCTION = re.compile(r"^(?P<instruction>RUN|COPY|ADD|ENV|ARG|USER|WORKDIR|LABEL|EXPOSE|VOLUME|"
                         r"ENTRYPOINT|CMD|SHELL|ONBUILD|STOPSIGNAL|HEALTHCHECK|MAINTAINER)\s(?P<rest>.*)$")
FINAL_ERROR = re.compile(r"^error building image: .*$")


@dataclass
class CommandRecord:
    """One Dockerfile command kaniko executed (or began to)."""

    stage: int | None
    instruction: str
    text: str  # as kaniko logged it: `RUN touch /x`
    program: str | None = None  # `Cmd:` of a RUN
    running: str | None = None  # `Running: [...]` of a RUN: the exec was attempted
    output: list[str] = field(default_factory=list)  # lines the RUN printed

    @property
    def is_run(self) -> bool:
        return self.instruction == "RUN"


@dataclass
class KanikoLog:
    lines: list[str]
    stages_started: list[int] = field(default_factory=list)
    stages_after_deletion: list[int] = field(default_factory=list)
    deletions: int = 0
    commands: list[CommandRecord] = field(default_factory=list)
    error: str | None = None
    error_line: int | None = None  # index into `lines`
    pushed: bool = False

    @property
    def runs(self) -> list[CommandRecord]:
        return [c for c in self.commands if c.is_run]

    @property
    def first_failing_step(self) -> CommandRecord | None:
        """The command kaniko was executing when it failed, if it failed."""
        if self.error is None or not self.commands:
            return None
        return self.commands[-1]

    @property
    def completed_runs(self) -> list[CommandRecord]:
        """RUNs that were executed and did not fail the build."""
        failing = self.first_failing_step
        return [r for r in self.runs if r.running is not None and r is not failing]

    def lines_around(self, index: int | None, before: int = 12, after: int = 3) -> list[str]:
        if index is None:
            return self.lines[-before:]
        return self.lines[max(0, index - before): index + after + 1]


def _message(line: str) -> tuple[str | None, str]:
    """(level, message) of a logrus line, or (None, line) for a line the RUN itself printed."""
    for pattern in (COLOR_LINE, TEXT_LINE):
        match = pattern.match(line)
        if match:
            # `color` prints ERRO/FATA, `text` prints error/fatal: compare the first four letters
            return match["level"].lower()[:4], match["msg"]
    return None, line


def parse_kaniko_log(text: str) -> KanikoLog:
    lines = [ANSI.sub("", raw).rstrip("\r") for raw in text.splitlines()]
    log = KanikoLog(lines=lines)
    stage: int | None = None
    pending_deletion = False
    current: CommandRecord | None = None
    for number, line in enumerate(lines):
        level, msg = _message(line)
        if level is None:
            if FINAL_ERROR.match(msg):
                log.error, log.error_line = msg, number
            elif current is not None and current.running is not None:
                current.output.append(msg)
            continue
        if level in ("erro", "fata") and log.error is None:
            log.error, log.error_line = msg, number
        if started := STAGE_START.match(msg):
            stage = int(started["index"])
            log.stages_started.append(stage)
            if pending_deletion:
                log.stages_after_deletion.append(stage)
                pending_deletion = False
        elif msg.startswith("Deleting filesystem"):
            log.deletions += 1
            pending_deletion = True
        elif msg.startswith("Cmd: ") and current is not None:
            current.program = msg[len("Cmd: "):]
        elif msg.startswith("Running: ") and current is not None:
            current.running = msg[len("Running: "):]
        elif msg.startswith("Pushed "):
            log.pushed = True
        elif command := INSTRUCTION.match(msg):
            current = CommandRecord(stage=stage, instruction=command["instruction"], text=msg)
            log.commands.append(current)
    return log
