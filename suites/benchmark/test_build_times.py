"""Build time under emulation, natively and with the reference builder, timed by pytest-benchmark.

No time is asserted here: the numbers go to reports/benchmark.*; only a --benchmark-baseline
comparison fails the run. Each round must still be a correct build, or its time means nothing."""
from __future__ import annotations

import pytest

from fixtures.benchmark_report import BenchReporter
from fixtures.benchmarks import BenchRunner
from fixtures.kaniko_runs import KanikoRun
from fixtures.options import gate_options
from fixtures.reference import ReferenceBuild
from model.benchmark import BenchResult, command_phases
from suites.benchmark.conftest import BenchTarget

pytestmark = pytest.mark.benchmark

WARMUP_ROUNDS = 1


def timed_rounds(benchmark, rounds: int, one_round) -> tuple[list, list[float]]:  # type: ignore[no-untyped-def]
    """Run warm-up plus `rounds` rounds; returns the timed rounds' results and their wall times."""
    results: list = []
    benchmark.pedantic(lambda: results.append(one_round()), rounds=rounds, warmup_rounds=WARMUP_ROUNDS, iterations=1)
    return results[WARMUP_ROUNDS:], list(benchmark.stats.stats.data)


def assert_correct_build(target: BenchTarget, run: KanikoRun) -> None:
    __tracebackhide__ = True
    log = run.log
    if not run.succeeded:
        pytest.fail(f"{target.id}: kaniko failed ({log.error}); a failed build has no build time\n"
                    f"  reproduce: {run.invocation.command_line()}", pytrace=False)
    machines = {line.strip() for record in log.completed_runs for line in record.output}
    if target.cell.arch.machine not in machines:
        pytest.fail(f"{target.id}: no RUN printed {target.cell.arch.machine!r} (printed {sorted(machines)}): "
                    f"the build did not run on the arch it claims", pytrace=False)


def test_kaniko_build_time(bench_target: BenchTarget, benchmark, bench_runner: BenchRunner,  # type: ignore[no-untyped-def]
                           bench_reporter: BenchReporter, pytestconfig: pytest.Config) -> None:
    rounds = gate_options(pytestconfig).bench_rounds
    runs, wall = timed_rounds(benchmark, rounds, lambda: bench_runner.kaniko_round(bench_target.cell,
                                                                                   bench_target.kaniko))
    for run in runs:
        assert_correct_build(bench_target, run)
    assert all(run.timings for run in runs), f"{bench_target.id}: kaniko wrote no BENCHMARK_FILE phase timings"
    phases = command_phases(run.timings for run in runs)
    benchmark.extra_info.update({"phases_seconds": phases, "container_seconds": [r.seconds for r in runs]})
    bench_reporter.add(BenchResult(
        id=bench_target.id, arch=bench_target.cell.arch.name, strategy=bench_target.strategy,
        scenario=bench_target.cell.scenario.name, builder=f"kaniko {bench_target.kaniko.label}",
        wall_seconds=tuple(wall), container_seconds=tuple(r.seconds for r in runs), phases=phases))


def test_reference_build_time(bench_target: BenchTarget, benchmark, bench_runner: BenchRunner,  # type: ignore[no-untyped-def]
                              bench_reporter: BenchReporter, pytestconfig: pytest.Config) -> None:
    rounds = gate_options(pytestconfig).bench_rounds
    builds, wall = timed_rounds(benchmark, rounds, lambda: bench_runner.reference_round(bench_target.cell,
                                                                                        bench_target.kaniko))
    failed: list[ReferenceBuild] = [b for b in builds if not b.succeeded]
    assert not failed, f"{bench_target.id}: the reference builder failed: {failed[0].error}"
    bench_reporter.add(BenchResult(
        id=bench_target.id, arch=bench_target.cell.arch.name, strategy=bench_target.strategy,
        scenario=bench_target.cell.scenario.name, builder="docker classic builder", wall_seconds=tuple(wall)))
