"""Comparing two image filesystems: paths, kinds, modes, owners and content digests."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass

# Paths that differ between any two builders for reasons that are not the build's:
# the engine writes them into every container it creates (docker export shows them).
VOLATILE_PATHS: tuple[str, ...] = (
    ".dockerenv",
    "etc/hostname",
    "etc/hosts",
    "etc/resolv.conf",
    "etc/mtab",
    "proc", "proc/*",
    "sys", "sys/*",
    "dev", "dev/*",
)


@dataclass(frozen=True)
class FileFacts:
    kind: str  # file, dir, symlink, hardlink, other
    mode: int
    uid: int
    gid: int
    content: str  # sha256 of a file, target of a link, "" for a directory

    def describe(self) -> str:
        detail = f" {self.content[:16]}" if self.content else ""
        return f"{self.kind} {self.mode:04o} {self.uid}:{self.gid}{detail}"


Filesystem = dict[str, FileFacts]


def is_volatile(path: str, volatile: tuple[str, ...] = VOLATILE_PATHS) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in volatile)


def diff_filesystems(ours: Filesystem, reference: Filesystem, volatile: tuple[str, ...] = VOLATILE_PATHS,
                     limit: int = 40) -> list[str]:
    """Readable differences, `-` only in kaniko's image, `+` only in the reference, `~` changed."""
    lines: list[str] = []
    for path in sorted(set(ours) | set(reference)):
        if is_volatile(path, volatile):
            continue
        mine, theirs = ours.get(path), reference.get(path)
        if mine == theirs:
            continue
        if theirs is None:
            lines.append(f"- /{path}  ({mine.describe()}) only in kaniko's image")  # type: ignore[union-attr]
        elif mine is None:
            lines.append(f"+ /{path}  ({theirs.describe()}) only in the reference image")
        else:
            lines.append(f"~ /{path}  kaniko: {mine.describe()}  reference: {theirs.describe()}")
    if len(lines) > limit:
        lines = lines[:limit] + [f"... and {len(lines) - limit} more"]
    return lines
