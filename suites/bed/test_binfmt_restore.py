"""Entries that existed before a run are put back exactly, also after a run that died.

Uses a private entry name (never a qemu one) so it cannot disturb builds running beside it."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from fixtures.binfmt import BinfmtRegistrar, SnapshotStore, put_back, read_entry, remove_entry
from model.binfmt_entry import BinfmtEntry

pytestmark = pytest.mark.bed

DEAD_PID = 2 ** 22 + 17  # above the kernel's default pid_max: never a live process


def selftest_entry(name: str, interpreter: str, flags: str) -> BinfmtEntry:
    # magic "KQGATE" at offset 64: matches no real executable. With F the kernel opens the
    # interpreter at registration, so those entries name one that exists (/bin/false)
    return BinfmtEntry(name=name, enabled=True, interpreter=interpreter, flags=flags, offset=64,
                       magic="4b5147415445", mask="ffffffffffff")


@pytest.fixture
def entry_name(binfmt: BinfmtRegistrar) -> Iterator[str]:
    """A private entry name; `binfmt` makes sure binfmt_misc is mounted (and unmounts what it mounted)."""
    name = f"kqgate-selftest-{os.getpid()}"
    yield name
    remove_entry(name)


@pytest.fixture
def store(tmp_path: Path) -> SnapshotStore:
    return SnapshotStore(tmp_path / "snapshots")


def describe(entry: BinfmtEntry | None) -> str:
    return "absent" if entry is None else f"{entry.interpreter} flags={entry.flags!r} enabled={entry.enabled}"


@pytest.mark.parametrize("before", [
    pytest.param(None, id="absent-before"),
    pytest.param(("/opt/other/qemu-selftest", "P"), id="foreign-entry-before"),
    pytest.param(("/opt/other/qemu-selftest", ""), id="disabled-entry-before"),
])
def test_last_owner_out_puts_entry_back(entry_name: str, store: SnapshotStore, before: tuple[str, str] | None) -> None:
    original = None
    if before is not None:
        original = selftest_entry(entry_name, *before)
        if before[1] == "":
            original = BinfmtEntry(**{**original.to_json(), "enabled": False})
        put_back(entry_name, original)
    recorded = read_entry(entry_name)
    store.join(entry_name)
    put_back(entry_name, selftest_entry(entry_name, "/bin/false", "F"))
    store.leave(entry_name)
    restored = read_entry(entry_name)
    assert restored == recorded, f"before: {describe(recorded)}; after: {describe(restored)}"


def test_entry_stays_while_another_owner_is_alive(entry_name: str, store: SnapshotStore) -> None:
    store.join(entry_name)
    ours = selftest_entry(entry_name, "/bin/false", "F")
    put_back(entry_name, ours)
    state = store.root / f"{entry_name}.json"
    state.write_text(state.read_text().replace("[", f"[{os.getppid()}, ", 1))  # a live co-owner
    store.leave(entry_name)
    assert read_entry(entry_name) == ours, "the entry was removed while a live process still used it"


def test_entries_of_a_dead_run_are_recovered(entry_name: str, store: SnapshotStore) -> None:
    store.join(entry_name)  # recorded: absent
    put_back(entry_name, selftest_entry(entry_name, "/bin/false", "F"))
    state = store.root / f"{entry_name}.json"
    state.write_text(state.read_text().replace(str(os.getpid()), str(DEAD_PID)))  # its owner "crashed"
    assert store.recover_abandoned() == [entry_name]
    assert read_entry(entry_name) is None, describe(read_entry(entry_name))
