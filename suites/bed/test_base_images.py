"""Base images behave under emulation: the shell runs the command it is given, not a re-exec of
itself (Debian's busybox-static shell does that under qemu-user and makes every test lie)."""
from __future__ import annotations

from collections.abc import Iterator

import docker
import pytest

from fixtures.bed import ProbeResult, run_probe
from fixtures.binfmt import BinfmtRegistrar, Registration
from model.arches import ALL_ARCHES, NATIVE_ARCH, Arch

pytestmark = pytest.mark.bed

# (id, script, expected output); {machine} is the arch's `uname -m`
PROBES = (
    ("uname-reports-the-arch", "uname -m", "{machine}"),
    ("cat-reads-a-file", "echo kqgate > /tmp/probe && cat /tmp/probe", "kqgate"),
    ("applet-by-name-after-redirect", "printf 'a\\nb\\n' > /tmp/lines && wc -l < /tmp/lines", "2"),
    ("sha256sum-digests", "printf abc | sha256sum | cut -c1-16", "ba7816bf8f01cfea"),
    ("builder-user-exists", "id -u builder", "1000"),
    ("pipes-and-subshells", "echo $(echo nested) | tr a-z A-Z", "NESTED"),
)


@pytest.fixture(params=list(ALL_ARCHES.values()), ids=lambda a: a.name)
def arch_under_test(request: pytest.FixtureRequest, binfmt: BinfmtRegistrar,
                    register_images: dict[str, str]) -> Iterator[Arch]:
    arch: Arch = request.param
    if arch == NATIVE_ARCH:
        yield arch
        return
    # F: the kernel holds the host's interpreter open, so a plain `docker run` of the image works
    with binfmt.registered(Registration("1.0.0", persistent=True), register_images["1.0.0"], arch):
        yield arch


@pytest.mark.parametrize(("script", "expected"), [pytest.param(s, e, id=i) for i, s, e in PROBES])
def test_base_image_shell_under_emulation(arch_under_test: Arch, script: str, expected: str,
                                          docker_client: docker.DockerClient,
                                          local_base_images: dict[Arch, str]) -> None:
    result: ProbeResult = run_probe(docker_client, local_base_images[arch_under_test], arch_under_test.platform,
                                    script)
    want = expected.format(machine=arch_under_test.machine)
    assert (result.exit_code, result.output) == (0, want), result.describe()
