"""The product's register image writes the binfmt entry each release and switch ask for."""
from __future__ import annotations

import pytest

from fixtures.binfmt import BinfmtRegistrar, Registration
from model.arches import FOREIGN_ARCHES, Arch
from model.product import RELEASES

pytestmark = pytest.mark.bed

REGISTRATIONS = [pytest.param(Registration(release, persistent), id=f"{release}-{'F' if persistent else 'no-F'}")
                 for release in RELEASES for persistent in (False, True)]


@pytest.mark.parametrize("arch", list(FOREIGN_ARCHES.values()), ids=lambda a: a.name)
@pytest.mark.parametrize("registration", REGISTRATIONS)
def test_register_image_writes_entry(arch: Arch, registration: Registration, binfmt: BinfmtRegistrar,
                                     register_images: dict[str, str]) -> None:
    with binfmt.registered(registration, register_images[registration.release], arch) as entry:
        described = f"{entry.name}: interpreter {entry.interpreter} flags={entry.flags!r} enabled={entry.enabled}"
        assert entry.name == arch.binfmt_entry, described
        assert entry.enabled, described
        assert entry.interpreter == f"{RELEASES[registration.release].qemu_bin_dir}/{arch.interpreter_name}", described
        assert entry.fix_binary == registration.persistent, described
        assert entry.magic.startswith("7f454c4602010100"), described  # 64-bit little-endian ELF
