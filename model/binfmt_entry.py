"""binfmt_misc entries: parsing the kernel's view of one, and writing the line that registers it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BinfmtEntry:
    name: str
    enabled: bool
    interpreter: str
    flags: str  # the kernel's letters, e.g. "F", "POCF", ""
    offset: int = 0
    magic: str = ""  # hex, as the kernel prints it
    mask: str = ""
    extension: str | None = None  # E-type entries match a file extension instead of magic

    @property
    def fix_binary(self) -> bool:
        return "F" in self.flags

    def register_line(self) -> str:
        """The line to write to binfmt_misc/register to re-create this entry."""
        def escape(hexstring: str) -> str:
            return "".join(f"\\x{hexstring[i:i + 2]}" for i in range(0, len(hexstring), 2))

        if self.extension is not None:
            return f":{self.name}:E::{self.extension}::{self.interpreter}:{self.flags}"
        return (f":{self.name}:M:{self.offset}:{escape(self.magic)}:{escape(self.mask)}:"
                f"{self.interpreter}:{self.flags}")

    def same_registration(self, other: "BinfmtEntry | None") -> bool:
        return other is not None and (self.interpreter, self.fix_binary, self.enabled) == (
            other.interpreter, other.fix_binary, other.enabled)

    def to_json(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict) -> BinfmtEntry:
        return cls(**data)


def parse_entry(name: str, text: str) -> BinfmtEntry:
    """Parse /proc/sys/fs/binfmt_misc/<name>."""
    fields: dict[str, str] = {}
    enabled = False
    for line in text.splitlines():
        if line in ("enabled", "disabled"):
            enabled = line == "enabled"
            continue
        key, _, value = line.partition(" ")
        fields[key.rstrip(":")] = value.strip()
    return BinfmtEntry(
        name=name,
        enabled=enabled,
        interpreter=fields.get("interpreter", ""),
        flags=fields.get("flags", ""),
        offset=int(fields.get("offset", "0") or 0),
        magic=fields.get("magic", ""),
        mask=fields.get("mask", ""),
        extension=fields.get("extension"),
    )
