"""Filesystem diffs between kaniko's image and the reference builder's."""
from __future__ import annotations

import pytest

from model.filesystems import FileFacts, diff_filesystems, is_volatile

pytestmark = pytest.mark.unit

HELLO = FileFacts(kind="file", mode=0o644, uid=0, gid=0, content="e3b0c44298fc1c149afbf4c8996fb924")
ROOT = FileFacts(kind="dir", mode=0o755, uid=0, gid=0, content="")


def test_same_filesystems_have_no_differences() -> None:
    assert diff_filesystems({"hello": HELLO, "root": ROOT}, {"hello": HELLO, "root": ROOT}) == []


def test_differences_are_marked_and_sorted_by_path() -> None:
    ours = {"a-only-ours": HELLO, "changed": HELLO, "same": ROOT}
    reference = {"b-only-reference": ROOT, "changed": FileFacts("file", 0o600, 1000, 1000, HELLO.content),
                 "same": ROOT}
    assert diff_filesystems(ours, reference) == [
        "- /a-only-ours  (file 0644 0:0 e3b0c44298fc1c14) only in kaniko's image",
        "+ /b-only-reference  (dir 0755 0:0) only in the reference image",
        "~ /changed  kaniko: file 0644 0:0 e3b0c44298fc1c14  reference: file 0600 1000:1000 e3b0c44298fc1c14",
    ]


@pytest.mark.parametrize(
    ("path", "volatile"),
    [
        pytest.param("etc/hostname", True, id="engine-written-file"),
        pytest.param("proc/self/status", True, id="under-proc"),
        pytest.param("etc/hostname.bak", False, id="similar-name"),
    ],
)
def test_is_volatile(path: str, volatile: bool) -> None:
    assert is_volatile(path) is volatile


def test_volatile_paths_are_ignored_in_diffs() -> None:
    assert diff_filesystems({"etc/hosts": HELLO, "dev/null": HELLO}, {"etc/resolv.conf": HELLO}) == []


def test_limit_cuts_the_list_and_counts_the_rest() -> None:
    ours = {f"file{i:02}": HELLO for i in range(5)}
    lines = diff_filesystems(ours, {}, limit=2)
    assert [line.split()[1] for line in lines[:2]] == ["/file00", "/file01"]
    assert lines[2:] == ["... and 3 more"]
