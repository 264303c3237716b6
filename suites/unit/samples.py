"""Dockerfiles and base-arch resolvers the unit tests share."""
from __future__ import annotations

from pathlib import Path

from model.arches import AMD64, ARM64, MIPS64EL, Arch

BUILTIN_SCENARIOS = Path(__file__).resolve().parents[2] / "dockerfiles" / "scenarios"

# The product changelog's reproduction, with the seed's single-arch tag.
SEED = """\
FROM busybox-arm64
RUN touch /hello
FROM busybox-arm64
COPY --from=0 /hello /hello
RUN ls /hello
"""

SEED_ERROR = ("error building image: error building stage: failed to execute command: "
              "starting command: fork/exec /bin/sh: no such file or directory")

SINGLE_STAGE = """\
FROM busybox-arm64
RUN uname -m
RUN echo done > /done
"""

EXEC_FORM = """\
FROM busybox-arm64 AS first
RUN ["/bin/sh", "-c", "uname -m | tee /first.machine"]
FROM busybox-arm64
COPY --from=first /first.machine /
RUN ["uname", "-m"]
"""

# three named stages, each FROM the one before (the built-in --target scenario's Dockerfile)
NAMED_CHAIN = (BUILTIN_SCENARIOS / "target-intermediate" / "Dockerfile").read_text()

UNUSED_FIRST_STAGE = """\
FROM busybox-arm64 AS unused
RUN echo nobody copies this
FROM busybox-arm64
RUN uname -m
"""

NATIVE_THEN_FOREIGN = """\
FROM busybox-amd64 AS native
RUN uname -m | tee /native.machine
FROM busybox-arm64
COPY --from=native /native.machine /
RUN cat /native.machine
"""

SINGLE_ARCH_BASES: dict[str, Arch] = {
    f"busybox-{arch.docker_arch}": arch for arch in (ARM64, MIPS64EL, AMD64)
}


def single_arch_base(reference: str) -> Arch | None:
    """The gate's resolver: `busybox-<arch>` tags are single-arch, anything else is an index."""
    return SINGLE_ARCH_BASES.get(reference)
