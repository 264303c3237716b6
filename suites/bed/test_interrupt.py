"""Ctrl-C in the middle of a kaniko build leaves no container, image, volume or binfmt entry of the run."""
from __future__ import annotations

import json
from pathlib import Path

import docker
import pytest

from fixtures.bed import interrupt_gate
from fixtures.binfmt import read_entry, snapshot_store
from fixtures.labels import RUN_LABEL
from model.arches import ARM64
from model.binfmt_entry import BinfmtEntry

pytestmark = pytest.mark.bed

INTERRUPTED = 2  # pytest.ExitCode.INTERRUPTED


def machine_original(name: str) -> tuple[BinfmtEntry | None, list[int]]:
    """The entry as it was before any live run changed it, and the processes that hold it now."""
    store = snapshot_store()
    with store.lock(name):
        state_file = store.root / f"{name}.json"
        if state_file.exists():
            state = json.loads(state_file.read_text())
            entry = BinfmtEntry.from_json(state["entry"]) if state["entry"] else None
            return entry, state["owners"]
        return read_entry(name), []


def test_ctrl_c_during_a_build_leaves_nothing(docker_client: docker.DockerClient, tmp_path: Path) -> None:
    name = ARM64.binfmt_entry
    original_before, _ = machine_original(name)

    def kaniko_is_running(containers: list[dict]) -> bool:
        return any(c["State"] == "running" and c["Image"].startswith("kqgate/builder") for c in containers)

    gate, child_run = interrupt_gate(docker_client, ["--arch", "arm64", "--strategy", "usr-bin",
                                                     "--strategy", "kaniko-dir"], tmp_path / "reports",
                                     kaniko_is_running)
    assert child_run is not None, f"the child never started a container\n{gate.describe()}"
    assert gate.exit_code == INTERRUPTED, gate.describe()
    assert "KeyboardInterrupt" in gate.output, gate.describe()
    label = {"label": f"{RUN_LABEL}={child_run}"}
    api = docker_client.api
    leftovers = ([f"container {c['Names']}" for c in api.containers(all=True, filters=label)]
                 + [f"image {i['RepoTags'] or i['Id']}" for i in api.images(filters=label)]
                 + [f"volume {v['Name']}" for v in api.volumes(filters=label).get("Volumes") or []])
    assert leftovers == [], gate.describe()
    original_after, owners = machine_original(name)
    assert gate.pid not in owners, f"the interrupted run still claims {name}: {owners}"
    if not owners:  # nobody else is using the entry: it must be exactly as before
        assert read_entry(name) == original_before == original_after, read_entry(name)
