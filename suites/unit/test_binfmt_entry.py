"""binfmt_misc entries: the kernel's text, the register line, and the JSON snapshot."""
from __future__ import annotations

import pytest

from model.binfmt_entry import BinfmtEntry, parse_entry

pytestmark = pytest.mark.unit

MAGIC = "7f454c460201010000000000000000000200b700"
MASK = "ffffffffffffff00fffffffffffffffffeffffff"
KERNEL_TEXT = f"""\
enabled
interpreter /usr/bin/qemu-aarch64-static
flags: F
offset 0
magic {MAGIC}
mask {MASK}
"""


def escaped(hexstring: str) -> str:
    return "".join(f"\\x{hexstring[i:i + 2]}" for i in range(0, len(hexstring), 2))


def test_parse_kernel_entry() -> None:
    entry = parse_entry("qemu-aarch64", KERNEL_TEXT)
    assert entry == BinfmtEntry(name="qemu-aarch64", enabled=True, interpreter="/usr/bin/qemu-aarch64-static",
                                flags="F", offset=0, magic=MAGIC, mask=MASK, extension=None)
    assert entry.fix_binary


@pytest.mark.parametrize(
    ("first_line", "flags_line", "enabled", "flags", "fix_binary"),
    [
        pytest.param("enabled", "flags: ", True, "", False, id="no-flags"),
        pytest.param("disabled", "flags: OC", False, "OC", False, id="disabled-without-F"),
    ],
)
def test_parse_flags_and_state(first_line: str, flags_line: str, enabled: bool, flags: str, fix_binary: bool) -> None:
    text = KERNEL_TEXT.replace("enabled", first_line).replace("flags: F", flags_line)
    entry = parse_entry("qemu-aarch64", text)
    assert (entry.enabled, entry.flags, entry.fix_binary) == (enabled, flags, fix_binary)


def test_register_line_escapes_magic_and_mask() -> None:
    line = parse_entry("qemu-aarch64", KERNEL_TEXT).register_line()
    assert line == f":qemu-aarch64:M:0:{escaped(MAGIC)}:{escaped(MASK)}:/usr/bin/qemu-aarch64-static:F"
    assert line.startswith(r":qemu-aarch64:M:0:\x7f\x45\x4c\x46\x02")


def test_register_line_round_trips_through_the_kernel_format() -> None:
    entry = parse_entry("qemu-aarch64", KERNEL_TEXT)
    name, kind, offset, magic, mask, interpreter, flags = entry.register_line().split(":")[1:]
    decoded = BinfmtEntry(name=name, enabled=True, interpreter=interpreter, flags=flags, offset=int(offset),
                          magic=magic.replace("\\x", ""), mask=mask.replace("\\x", ""))
    assert kind == "M" and decoded == entry


def test_json_round_trip() -> None:
    entry = parse_entry("qemu-aarch64", KERNEL_TEXT)
    data = entry.to_json()
    assert data["interpreter"] == "/usr/bin/qemu-aarch64-static" and data["flags"] == "F"
    assert BinfmtEntry.from_json(data) == entry


@pytest.mark.parametrize(
    ("change", "same"),
    [
        pytest.param({}, True, id="identical"),
        pytest.param({"flags": ""}, False, id="F-dropped"),
        pytest.param({"interpreter": "/kaniko/qemu-aarch64-static"}, False, id="moved-interpreter"),
    ],
)
def test_same_registration_compares_interpreter_F_and_state(change: dict, same: bool) -> None:
    entry = parse_entry("qemu-aarch64", KERNEL_TEXT)
    other = BinfmtEntry.from_json({**entry.to_json(), **change})
    assert entry.same_registration(other) is same
    assert not entry.same_registration(None)
