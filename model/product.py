"""The product under test: the released forms of the builder and register images."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Release:
    """One product release; QEMU_BIN_DIR is where its images carry the QEMU interpreters."""

    version: str
    qemu_bin_dir: str


RELEASES: dict[str, Release] = {
    r.version: r
    for r in (
        Release("1.0.0", "/usr/bin"),
        # 1.1.0 moved the interpreters under /kaniko, which kaniko never deletes (CHANGELOG).
        Release("1.1.0", "/kaniko"),
    )
}

# kaniko's own directory: on its default ignore list, so it survives `Deleting filesystem...`.
KANIKO_DIR = "/kaniko"
