"""Architectures the gate builds for, and the host's own."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Arch:
    """One CPU architecture as each tool spells it."""

    name: str  # the id used in test ids and options (Debian's spelling)
    platform: str  # Docker/OCI platform, as kaniko's --custom-platform wants it
    qemu: str  # QEMU's name: qemu-<qemu>-static, binfmt entry qemu-<qemu>
    machine: str  # what `uname -m` prints on (or emulating) this arch

    @property
    def docker_arch(self) -> str:
        """The `architecture` field of an image config."""
        return self.platform.split("/")[1]

    @property
    def interpreter_name(self) -> str:
        return f"qemu-{self.qemu}-static"

    @property
    def binfmt_entry(self) -> str:
        return f"qemu-{self.qemu}"


ARM64 = Arch(name="arm64", platform="linux/arm64", qemu="aarch64", machine="aarch64")
# Docker calls mips64el "mips64le"; uname reports the ISA family, not the endianness.
MIPS64EL = Arch(name="mips64el", platform="linux/mips64le", qemu="mips64el", machine="mips64")
AMD64 = Arch(name="amd64", platform="linux/amd64", qemu="x86_64", machine="x86_64")

FOREIGN_ARCHES: dict[str, Arch] = {a.name: a for a in (ARM64, MIPS64EL)}
NATIVE_ARCH = AMD64
ALL_ARCHES: dict[str, Arch] = {**FOREIGN_ARCHES, AMD64.name: AMD64}


def arch_by_docker_name(docker_arch: str) -> Arch:
    """Find an arch from an image config's `architecture` field."""
    for arch in ALL_ARCHES.values():
        if arch.docker_arch == docker_arch:
            return arch
    raise KeyError(f"unknown image architecture {docker_arch!r}")
