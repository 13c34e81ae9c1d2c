"""Reading input files as text: byte-order marks, binary detection and precise decode errors."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from iacgate.errors import ParseError, Position

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class SourceFile:
    """A decoded input file. ``relative`` is its POSIX path relative to the scan root, used in reports."""

    path: Path
    relative: str
    text: str


def decode(data: bytes, relative: str) -> str:
    """Decode UTF-8, or UTF-16/32 announced by a byte-order mark; raise ``ParseError`` naming the spot.

    An empty file decodes to ``""``: whether that is valid is the format's call (an empty ``.tf`` file is
    a valid Terraform file, an empty plan is not).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(Position(relative), f"not valid {encoding.upper()}: {exc.reason}") from None
    if b"\x00" in data[:8192]:
        raise ParseError(Position(relative), "binary file (contains NUL bytes), not a text IaC file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ParseError(
            Position(relative, line, column), f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"
        ) from None


def read_source(path: Path, relative: str) -> SourceFile:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(Position(relative), f"cannot read file: {exc.strerror or exc}") from None
    return SourceFile(path=path, relative=relative, text=decode(data, relative))


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
