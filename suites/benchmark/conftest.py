"""The benchmark's builds, generated like the matrix: kaniko emulated per arch x building strategy
x scenario, plus the same scenarios built natively and by the reference builder. Opt-in: --bench."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from fixtures.options import gate_options
from fixtures.product_images import KanikoChoice, kaniko_choices
from model.arches import FOREIGN_ARCHES, NATIVE_ARCH
from model.benchmark import NATIVE, REFERENCE
from model.cells import Cell
from model.strategies import STRATEGIES
from suites.matrix.conftest import selected_scenarios

HERE = Path(__file__).resolve().parent
# native and reference builds need no interpreter trick: they use the plain 1.1.0 set-up
PLAIN = STRATEGIES["kaniko-dir"]


@dataclass(frozen=True)
class BenchTarget:
    kind: str  # "kaniko" (emulated), NATIVE or REFERENCE
    cell: Cell
    kaniko: KanikoChoice

    @property
    def id(self) -> str:
        if self.kind == "kaniko":
            return self.cell.id
        suffix = f"-{self.kaniko.label}" if self.cell.show_kaniko else ""
        return f"{self.cell.arch.name}-{self.kind}-{self.cell.scenario.name}{suffix}"

    @property
    def strategy(self) -> str:
        return self.cell.strategy.id if self.kind == "kaniko" else self.kind


def builds_to_the_end(strategy_id: str) -> bool:
    """Strategies whose builds succeed: the interpreter is reachable after every deletion."""
    return all(STRATEGIES[strategy_id].interpreter_reachable(a, after_deletion=True) for a in FOREIGN_ARCHES.values())


def bench_targets(config: pytest.Config) -> list[BenchTarget]:
    options = gate_options(config)
    choices = kaniko_choices(config)
    scenarios = [s for s in selected_scenarios(config) if s.benchmark]
    many = len(choices) > 1
    targets: list[BenchTarget] = []
    for choice in choices:
        for scenario in scenarios:
            targets.append(BenchTarget(NATIVE, Cell(NATIVE_ARCH, PLAIN, scenario, choice.label, many), choice))
            for arch in options.arches:
                targets += [BenchTarget("kaniko", Cell(FOREIGN_ARCHES[arch], STRATEGIES[s], scenario, choice.label, many),
                                        choice)
                            for s in options.strategies if builds_to_the_end(s)]
                if choice == choices[0]:
                    targets.append(BenchTarget(REFERENCE, Cell(FOREIGN_ARCHES[arch], PLAIN, scenario, choice.label,
                                                               many), choice))
    return targets


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "bench_target" in metafunc.fixturenames:
        kinds = {"test_kaniko_build_time": ("kaniko", NATIVE), "test_reference_build_time": (REFERENCE,)}
        wanted = kinds[metafunc.function.__name__]
        metafunc.parametrize("bench_target", [pytest.param(t, id=t.id) for t in bench_targets(metafunc.config)
                                              if t.kind in wanted])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Benchmarks are opt-in: without --bench they are deselected (not skipped: nothing is missing)."""
    ours = [item for item in items if HERE in item.path.parents]
    if not ours:
        return
    if not gate_options(config).bench:
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if item not in ours]
    elif config.getoption("dist", "no") != "no":
        raise pytest.UsageError("benchmarks time builds one at a time: run them with -n 0 (bin/benchmark does)")
