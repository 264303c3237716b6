"""The run's registry serves every base single-arch and as one multi-arch index (`FROM busybox`)."""
from __future__ import annotations

import pytest

from fixtures.base_images import INDEX_REPOSITORY, BaseImages
from fixtures.registry_api import MANIFEST_LIST, OCI_INDEX, get_blob_json, get_manifest
from model.arches import ALL_ARCHES, Arch

pytestmark = pytest.mark.bed


def test_index_lists_every_arch(base_images: BaseImages) -> None:
    descriptor, index = get_manifest(base_images.registry.ref(INDEX_REPOSITORY))
    assert descriptor.media_type in (MANIFEST_LIST, OCI_INDEX), descriptor
    platforms = sorted(f"{m['platform']['os']}/{m['platform']['architecture']}" for m in index["manifests"])
    assert platforms == sorted(a.platform for a in ALL_ARCHES.values())


@pytest.mark.parametrize("arch", list(ALL_ARCHES.values()), ids=lambda a: a.name)
def test_single_arch_tag_config_says_its_arch(arch: Arch, base_images: BaseImages) -> None:
    repository = f"library/{base_images.single_arch_name(arch)}"
    _, manifest = get_manifest(base_images.registry.ref(repository))
    config = get_blob_json(base_images.registry.address, repository, manifest["config"]["digest"])
    assert (config["os"], config["architecture"]) == ("linux", arch.docker_arch), config


@pytest.mark.parametrize("arch", list(ALL_ARCHES.values()), ids=lambda a: a.name)
def test_pinned_index_member_is_the_single_arch_image(arch: Arch, base_images: BaseImages) -> None:
    """What the reference builder gets for `busybox` is what kaniko resolves with --custom-platform."""
    pinned = base_images.pinned("busybox", arch)
    _, member = get_manifest(pinned)
    repository = INDEX_REPOSITORY
    config = get_blob_json(base_images.registry.address, repository, member["config"]["digest"])
    assert config["architecture"] == arch.docker_arch, pinned
