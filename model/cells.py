"""A cell of the matrix (kaniko x arch x strategy x scenario) and how its result is classified."""
from __future__ import annotations

import re
from dataclasses import dataclass

from model.arches import Arch
from model.scenarios import Scenario
from model.strategies import Strategy

PASS = "pass"
REPRODUCED = "regression reproduced"
EXPECTED_FAILURE = "failed as predicted"
UNEXPECTED = "unexpected"


@dataclass(frozen=True)
class Cell:
    arch: Arch
    strategy: Strategy
    scenario: Scenario
    kaniko_label: str
    show_kaniko: bool = False  # only when the run compares several executors

    @property
    def id(self) -> str:
        parts = [self.arch.name, self.strategy.id, self.scenario.name]
        if self.show_kaniko:
            parts.append(self.kaniko_label)
        return re.sub(r"[^A-Za-z0-9_.-]+", "-", "-".join(parts))

    def target_build_args(self) -> dict[str, str]:
        """What BuildKit would predefine; upstream kaniko does not, so the gate passes them."""
        return {"TARGETARCH": self.arch.docker_arch, "TARGETPLATFORM": self.arch.platform,
                "TARGETOS": "linux"}

    def build_args(self) -> dict[str, str]:
        return {**self.target_build_args(), **dict(self.scenario.build_args)}


def classify(predicted_success: bool, matched: bool, strategy_id: str) -> str:
    """The matrix summary's word for a cell."""
    if not matched:
        return UNEXPECTED
    if predicted_success:
        return PASS
    return REPRODUCED if strategy_id == "usr-bin" else EXPECTED_FAILURE
