"""Which kaniko executor a build uses: a Go module at a version, an image, or a binary."""
from __future__ import annotations

import re
from dataclasses import dataclass

from model.predict import KanikoBehaviour

UPSTREAM_MODULE = "github.com/GoogleContainerTools/kaniko"
FORK_MODULE = "github.com/osscontainertools/kaniko"
MODULE_ALIASES = {"upstream": UPSTREAM_MODULE, "fork": FORK_MODULE}
VERSION = re.compile(r"^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")


@dataclass(frozen=True)
class KanikoSpec:
    module: str
    version: str

    @property
    def is_fork(self) -> bool:
        return self.module == FORK_MODULE

    @property
    def label(self) -> str:
        """Short, id-safe name: `v1.24.0`, `fork-v1.28.5`."""
        if self.module == UPSTREAM_MODULE:
            return self.version
        prefix = next((a for a, m in MODULE_ALIASES.items() if m == self.module), self.module.split("/")[-2])
        return f"{prefix}-{self.version}"

    def behaviour(self, extra_flags: tuple[str, ...] = ()) -> KanikoBehaviour:
        """kaniko defaults that shape the plan; an explicit flag wins over the default."""
        # the fork made --skip-unused-stages default to true
        return kaniko_behaviour(extra_flags, skip_unused_default=self.is_fork)


def kaniko_behaviour(flags: tuple[str, ...], *, skip_unused_default: bool = False) -> KanikoBehaviour:
    """What the build's kaniko flags change in the plan and in what survives a deletion."""
    skip = skip_unused_default
    ignore_paths: list[str] = []
    for flag in flags:
        if flag in ("--skip-unused-stages", "--skip-unused-stages=true"):
            skip = True
        elif flag == "--skip-unused-stages=false":
            skip = False
        elif flag.startswith("--ignore-path="):
            ignore_paths.append(flag.split("=", 1)[1])
    return KanikoBehaviour(skip_unused_stages=skip, ignore_paths=tuple(ignore_paths))


DEFAULT_KANIKO = KanikoSpec(UPSTREAM_MODULE, "v1.24.0")


def parse_kaniko_spec(text: str) -> KanikoSpec:
    """`v1.24.0`, `fork@v1.28.5` or `github.com/x/kaniko@v1.2.3`."""
    module, _, version = text.rpartition("@")
    module = MODULE_ALIASES.get(module or "upstream", module)
    if not VERSION.match(version):
        raise ValueError(f"kaniko version {text!r} is not of the form [MODULE@]vX.Y.Z")
    return KanikoSpec(module, version)
