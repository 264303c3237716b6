"""Image references, split the way Docker does: [registry/]repository[:tag][@digest]."""
from __future__ import annotations

from dataclasses import dataclass

DOCKER_HUB = ("docker.io", "index.docker.io", "registry-1.docker.io")


@dataclass(frozen=True)
class Reference:
    registry: str | None  # None: Docker Hub, which kaniko's --registry-mirror remaps
    repository: str  # with `library/` for official Hub images
    tag: str
    digest: str | None = None

    @property
    def on_docker_hub(self) -> bool:
        return self.registry is None

    @property
    def short_name(self) -> str:
        """`busybox-arm64` for docker.io/library/busybox-arm64:latest."""
        return self.repository.removeprefix("library/") if self.on_docker_hub else self.repository

    def on(self, registry: str) -> str:
        """The same repository and tag on another registry (what a mirror serves)."""
        suffix = f"@{self.digest}" if self.digest else f":{self.tag}"
        return f"{registry}/{self.repository}{suffix}"


def parse_reference(text: str) -> Reference:
    name, _, digest = text.partition("@")
    first, _, rest = name.partition("/")
    registry = None
    if rest and ("." in first or ":" in first or first == "localhost"):
        registry, name = first, rest
    if registry in DOCKER_HUB:
        registry = None
    repository, _, tag = name.rpartition(":") if ":" in name.rsplit("/", 1)[-1] else (name, "", "")
    repository = repository or name
    if registry is None and "/" not in repository:
        repository = f"library/{repository}"
    return Reference(registry, repository, tag or "latest", digest or None)
