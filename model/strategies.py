"""binfmt registration strategies, as data, and when each one leaves the interpreter reachable."""
from __future__ import annotations

from dataclasses import dataclass

from model.arches import Arch
from model.product import KANIKO_DIR, RELEASES


@dataclass(frozen=True)
class Strategy:
    """How the interpreter is registered and where the kaniko container finds it."""

    id: str
    summary: str
    builder: str  # product release of the builder image the build runs in
    register: str  # product release of the register image; its QEMU_BIN_DIR is the registered path
    persistent: bool = False  # register with the F flag (kernel opens the interpreter once)
    bind_mount_interpreter: bool = False  # host interpreter bind-mounted at the registered path
    ignore_interpreter_path: bool = False  # kaniko --ignore-path=<registered path>

    def interpreter_path(self, arch: Arch) -> str:
        """Where binfmt_misc looks for the interpreter (unless the F flag holds it open)."""
        return f"{RELEASES[self.register].qemu_bin_dir}/{arch.interpreter_name}"

    def binfmt_flags(self) -> str:
        return "F" if self.persistent else ""

    def kaniko_flags(self, arch: Arch) -> tuple[str, ...]:
        if self.ignore_interpreter_path:
            return (f"--ignore-path={self.interpreter_path(arch)}",)
        return ()

    def interpreter_in_builder(self, arch: Arch) -> bool:
        """Whether the kaniko container has a file at the registered path when it starts."""
        in_image = RELEASES[self.builder].qemu_bin_dir == RELEASES[self.register].qemu_bin_dir
        return in_image or self.bind_mount_interpreter

    def interpreter_survives_deletion(self, arch: Arch, ignore_paths: tuple[str, ...] = ()) -> bool:
        """Whether kaniko's `Deleting filesystem...` spares the interpreter.

        kaniko keeps its own dir, mount points and --ignore-path entries (a path and everything
        under it); everything else goes. `ignore_paths`: --ignore-path flags the user added.
        """
        path = self.interpreter_path(arch)
        kept = (KANIKO_DIR, *ignore_paths, *((path,) if self.ignore_interpreter_path else ()))
        under_kept = any(path == k.rstrip("/") or path.startswith(k.rstrip("/") + "/") for k in kept)
        return under_kept or self.bind_mount_interpreter

    def interpreter_reachable(self, arch: Arch, *, after_deletion: bool, ignore_paths: tuple[str, ...] = ()) -> bool:
        """Whether an exec of a foreign binary finds its interpreter at this point of the build."""
        if self.persistent:
            return True
        if not self.interpreter_in_builder(arch):
            return False
        return not after_deletion or self.interpreter_survives_deletion(arch, ignore_paths)


STRATEGIES: dict[str, Strategy] = {
    s.id: s
    for s in (
        Strategy(
            "usr-bin",
            "1.0.0 builder, registered without F at /usr/bin (the 1.1.0 regression)",
            builder="1.0.0",
            register="1.0.0",
        ),
        Strategy(
            "kaniko-dir",
            "1.1.0 builder, registered without F at /kaniko",
            builder="1.1.0",
            register="1.1.0",
        ),
        Strategy(
            "fix-binary",
            "1.0.0 builder, registered with F through the register script's persistent switch",
            builder="1.0.0",
            register="1.0.0",
            persistent=True,
        ),
        Strategy(
            "bind-mount",
            "1.0.0 registration, host interpreter bind-mounted into the kaniko container",
            builder="1.0.0",
            register="1.0.0",
            bind_mount_interpreter=True,
        ),
        Strategy(
            "ignore-path",
            "1.0.0 builder plus kaniko --ignore-path=<interpreter>",
            builder="1.0.0",
            register="1.0.0",
            ignore_interpreter_path=True,
        ),
        Strategy(
            "host-only",
            "registered without F at /usr/bin, interpreter absent from the builder (negative control)",
            builder="1.1.0",
            register="1.0.0",
        ),
    )
}
