"""Build-time benchmark results: per-cell statistics, the ratios users ask for, baseline comparison,
and the CSV / Markdown renderings. Pure: the measuring is done by pytest-benchmark in suites/."""
from __future__ import annotations

import csv
import io
import statistics
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

NATIVE = "native"  # the `strategy` of a native (linux/amd64, no emulation) build
REFERENCE = "reference"  # the `strategy` of a Docker classic builder build
DEFAULT_THRESHOLD = 0.25


@dataclass(frozen=True)
class Spread:
    minimum: float
    median: float
    maximum: float

    @classmethod
    def of(cls, values: Iterable[float]) -> Spread:
        values = list(values)
        if not values:
            raise ValueError("no values")
        return cls(min(values), statistics.median(values), max(values))

    @property
    def noise(self) -> float:
        """Half the spread: how far a round strays from the median in this run."""
        return (self.maximum - self.minimum) / 2


@dataclass(frozen=True)
class BenchResult:
    """One benchmarked build (kaniko emulated, kaniko native or the reference builder) over N rounds."""

    id: str
    arch: str
    strategy: str  # a strategy id, NATIVE or REFERENCE
    scenario: str
    builder: str  # `kaniko v1.24.0` or `docker classic builder`
    wall_seconds: tuple[float, ...]  # per round, as pytest-benchmark timed it
    container_seconds: tuple[float, ...] = ()  # per round, the kaniko container's run time (engine clock)
    phases: dict[str, float] = field(default_factory=dict)  # kaniko BENCHMARK_FILE, median seconds per phase

    @property
    def wall(self) -> Spread:
        return Spread.of(self.wall_seconds)

    @property
    def harness_overhead(self) -> float | None:
        """Test wall time / kaniko container time (1.0: the harness costs nothing)."""
        if not self.container_seconds:
            return None
        return statistics.median(self.wall_seconds) / max(statistics.median(self.container_seconds), 1e-9)

    def to_json(self) -> dict:
        data = asdict(self)
        data["wall"] = asdict(self.wall)
        data["harness_overhead"] = self.harness_overhead
        return data

    @classmethod
    def from_json(cls, data: dict) -> BenchResult:
        return cls(id=data["id"], arch=data["arch"], strategy=data["strategy"], scenario=data["scenario"],
                   builder=data["builder"], wall_seconds=tuple(data["wall_seconds"]),
                   container_seconds=tuple(data.get("container_seconds", ())), phases=data.get("phases", {}))


@dataclass(frozen=True)
class Ratios:
    emulation_overhead: float | None  # emulated kaniko / native kaniko, same scenario
    kaniko_vs_reference: float | None  # kaniko / Docker's classic builder, same arch and scenario


def ratios(result: BenchResult, results: list[BenchResult]) -> Ratios:
    def median_of(strategy: str, arch: str | None) -> float | None:
        match = next((r for r in results if r.strategy == strategy and r.scenario == result.scenario
                      and (arch is None or r.arch == arch)), None)
        return match.wall.median if match else None

    if result.strategy in (NATIVE, REFERENCE):
        return Ratios(None, None)
    native = median_of(NATIVE, None)
    reference = median_of(REFERENCE, result.arch)
    return Ratios(result.wall.median / native if native else None,
                  result.wall.median / reference if reference else None)


@dataclass(frozen=True)
class Slowdown:
    id: str
    baseline: Spread
    current: Spread
    allowed: float  # the largest median that still passes

    def describe(self) -> str:
        return (f"{self.id}: median {self.current.median:.2f}s vs baseline {self.baseline.median:.2f}s "
                f"(+{(self.current.median / self.baseline.median - 1) * 100:.0f}%; allowed up to {self.allowed:.2f}s)")


def allowed_median(baseline: Spread, current: Spread, threshold: float) -> float:
    """Slower than this is a regression: the threshold, beyond both runs' measured noise."""
    return baseline.median * (1 + threshold) + baseline.noise + current.noise


def compare(baseline: list[BenchResult], current: list[BenchResult],
            threshold: float = DEFAULT_THRESHOLD) -> tuple[list[Slowdown], list[str]]:
    """Cells slower than the baseline allows, and the ids the baseline has no numbers for."""
    previous = {r.id: r for r in baseline}
    slower, unmatched = [], []
    for result in current:
        before = previous.get(result.id)
        if before is None:
            unmatched.append(result.id)
            continue
        limit = allowed_median(before.wall, result.wall, threshold)
        if result.wall.median > limit:
            slower.append(Slowdown(result.id, before.wall, result.wall, limit))
    return slower, unmatched


def _fmt(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


COLUMNS = ("id", "arch", "strategy", "scenario", "builder", "rounds", "min_s", "median_s", "max_s",
           "emulation_overhead", "kaniko_vs_reference", "harness_overhead", "fs_unpacking_s", "snapshotting_s",
           "kaniko_total_s")


def rows(results: list[BenchResult]) -> list[dict[str, str]]:
    table = []
    for result in results:
        wall, ratio = result.wall, ratios(result, results)
        table.append({
            "id": result.id, "arch": result.arch, "strategy": result.strategy, "scenario": result.scenario,
            "builder": result.builder, "rounds": str(len(result.wall_seconds)),
            "min_s": _fmt(wall.minimum), "median_s": _fmt(wall.median), "max_s": _fmt(wall.maximum),
            "emulation_overhead": _fmt(ratio.emulation_overhead),
            "kaniko_vs_reference": _fmt(ratio.kaniko_vs_reference),
            "harness_overhead": _fmt(result.harness_overhead),
            "fs_unpacking_s": _fmt(result.phases.get("FS Unpacking")),
            "snapshotting_s": _fmt(result.phases.get("Snapshotting FS")),
            "kaniko_total_s": _fmt(result.phases.get("Total Build Time")),
        })
    return table


def to_csv(results: list[BenchResult]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(results))
    return out.getvalue()


def to_markdown(results: list[BenchResult], environment: dict[str, str], slower: list[Slowdown],
                baseline_name: str | None) -> str:
    out = ["# kaniko-qemu-gate build-time benchmark", ""]
    out += [f"- {k}: {v}" for k, v in environment.items()] + [""]
    out += ["Wall time per build over the rounds (seconds). Emulation overhead: emulated kaniko / native "
            "kaniko (linux/amd64) for the same scenario. kaniko vs reference: kaniko / Docker's classic "
            "builder for the same arch. Harness overhead: test wall time / kaniko container time.", ""]
    headers = ["cell", "builder", "min", "median", "max", "emulation overhead", "kaniko / reference",
               "harness overhead", "FS unpacking", "snapshotting", "kaniko total"]
    out += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows(results):
        out.append("| " + " | ".join([f"`{row['id']}`", row["builder"], row["min_s"], row["median_s"], row["max_s"],
                                      row["emulation_overhead"], row["kaniko_vs_reference"], row["harness_overhead"],
                                      row["fs_unpacking_s"], row["snapshotting_s"], row["kaniko_total_s"]]) + " |")
    if baseline_name is not None:
        out += ["", f"## Against baseline `{baseline_name}`", ""]
        out += [f"- SLOWER: {s.describe()}" for s in slower] or ["No cell is slower than the baseline allows."]
    return "\n".join(out) + "\n"


def command_phases(timings_ns: Iterable[dict[str, int]]) -> dict[str, float]:
    """Median seconds of each phase over rounds (kaniko writes nanoseconds)."""
    timings = list(timings_ns)
    names = sorted({name for t in timings for name in t})
    return {name: statistics.median(t[name] for t in timings if name in t) / 1e9 for name in names}
