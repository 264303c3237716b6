"""Benchmark statistics, ratios and the baseline comparison with its noise band."""
from __future__ import annotations

import pytest

from model.benchmark import NATIVE, REFERENCE, BenchResult, Spread, allowed_median, command_phases, compare, ratios, to_csv

pytestmark = pytest.mark.unit


def result(id: str, strategy: str, walls: tuple[float, ...], arch: str = "arm64",
           container: tuple[float, ...] = ()) -> BenchResult:
    return BenchResult(id=id, arch=arch, strategy=strategy, scenario="checksum-workload", builder="kaniko v1.24.0",
                       wall_seconds=walls, container_seconds=container)


EMULATED = result("arm64-kaniko-dir-checksum-workload", "kaniko-dir", (6.0, 6.2, 7.0), container=(5.0, 5.0, 5.0))
NATIVE_BUILD = result("amd64-native-checksum-workload", NATIVE, (1.9, 2.0, 2.2), arch="amd64")
REFERENCE_BUILD = result("arm64-reference-checksum-workload", REFERENCE, (3.0, 3.1, 3.3))


def test_spread_and_noise() -> None:
    assert Spread.of([3.0, 1.0, 2.0]) == Spread(1.0, 2.0, 3.0)
    assert Spread.of([3.0, 1.0, 2.0]).noise == 1.0


def test_ratios_pair_a_cell_with_native_and_reference_builds_of_its_scenario() -> None:
    found = ratios(EMULATED, [EMULATED, NATIVE_BUILD, REFERENCE_BUILD])
    assert found.emulation_overhead == pytest.approx(6.2 / 2.0)
    assert found.kaniko_vs_reference == pytest.approx(6.2 / 3.1)
    assert ratios(NATIVE_BUILD, [EMULATED, NATIVE_BUILD]).emulation_overhead is None


def test_harness_overhead_is_wall_over_container_time() -> None:
    assert EMULATED.harness_overhead == pytest.approx(6.2 / 5.0)
    assert REFERENCE_BUILD.harness_overhead is None


@pytest.mark.parametrize(("walls", "flagged"), [
    pytest.param((6.1, 6.3, 6.9), False, id="same-speed"),
    pytest.param((8.2, 8.4, 8.6), False, id="slower-but-within-threshold-and-noise"),
    pytest.param((12.0, 12.4, 13.0), True, id="twice-as-slow"),
])
def test_baseline_flags_only_slowdowns_beyond_threshold_and_noise(walls: tuple[float, ...], flagged: bool) -> None:
    current = result(EMULATED.id, "kaniko-dir", walls)
    slower, unmatched = compare([EMULATED], [current, NATIVE_BUILD], threshold=0.25)
    assert [s.id for s in slower] == ([EMULATED.id] if flagged else [])
    assert unmatched == [NATIVE_BUILD.id]


def test_allowed_median_adds_both_noise_bands_to_the_threshold() -> None:
    assert allowed_median(Spread(6.0, 6.2, 7.0), Spread(8.0, 8.0, 9.0), 0.25) == pytest.approx(6.2 * 1.25 + 0.5 + 0.5)


def test_round_trip_through_json() -> None:
    assert BenchResult.from_json(EMULATED.to_json()) == EMULATED


def test_command_phases_are_median_seconds() -> None:
    phases = command_phases([{"Total Build Time": 2_000_000_000}, {"Total Build Time": 4_000_000_000},
                             {"Total Build Time": 3_000_000_000, "FS Unpacking": 1_000_000_000}])
    assert phases == {"FS Unpacking": 1.0, "Total Build Time": 3.0}


def test_csv_has_a_row_per_build_with_ratios() -> None:
    lines = to_csv([EMULATED, NATIVE_BUILD, REFERENCE_BUILD]).splitlines()
    assert lines[0].startswith("id,arch,strategy,scenario,builder,rounds,min_s,median_s,max_s,emulation_overhead")
    assert lines[1].startswith("arm64-kaniko-dir-checksum-workload,arm64,kaniko-dir,checksum-workload,kaniko v1.24.0,3,6.00,6.20,7.00,3.10,2.00,1.24")
