"""Scenarios are directories: a Dockerfile (its directory is the build context) and an optional scenario.toml."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

SCENARIO_FILE = "scenario.toml"


class ScenarioError(ValueError):
    """A scenario directory or Dockerfile the user named cannot be used."""


@dataclass(frozen=True)
class Scenario:
    name: str
    dockerfile: Path
    description: str = ""
    target: str | None = None  # kaniko --target / docker build --target
    build_args: tuple[tuple[str, str], ...] = field(default=())
    origin: str = "builtin"
    benchmark: bool = False  # in the default benchmark selection (user scenarios always are)

    @property
    def context(self) -> Path:
        return self.dockerfile.parent

    def dockerfile_text(self) -> str:
        return self.dockerfile.read_text()


def load_scenario(dockerfile: Path, *, name: str | None = None, origin: str = "builtin") -> Scenario:
    if not dockerfile.is_file():
        raise ScenarioError(f"{dockerfile}: no Dockerfile there")
    settings: dict = {}
    config = dockerfile.parent / SCENARIO_FILE
    if config.is_file():
        try:
            settings = tomllib.loads(config.read_text())
        except tomllib.TOMLDecodeError as error:
            raise ScenarioError(f"{config}: {error}") from None
    unknown = set(settings) - {"description", "target", "build_args", "benchmark"}
    if unknown:
        raise ScenarioError(f"{config}: unknown keys {', '.join(sorted(unknown))}")
    return Scenario(
        name=name or dockerfile.parent.name,
        dockerfile=dockerfile.resolve(),
        description=settings.get("description", ""),
        target=settings.get("target"),
        build_args=tuple(sorted((str(k), str(v)) for k, v in settings.get("build_args", {}).items())),
        origin=origin,
        benchmark=bool(settings.get("benchmark", origin == "user")),
    )


def discover(directory: Path, origin: str = "builtin") -> list[Scenario]:
    """Every sub-directory of `directory` that holds a Dockerfile, sorted by name."""
    if not directory.is_dir():
        raise ScenarioError(f"{directory}: no such scenarios directory")
    return [load_scenario(d / "Dockerfile", origin=origin)
            for d in sorted(directory.iterdir()) if (d / "Dockerfile").is_file()]
