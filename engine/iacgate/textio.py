"""Reading input files as text: byte-order marks, binary detection and precise decode errors.

Text that reaches a parser never holds a lone surrogate (U+D800-U+DFFF is not a character, and no
report can encode it): the decoders here refuse them, ``lone_surrogate_escape`` finds the JSON escapes
(``"\\ud800"``) that would make one, and ``printable`` writes any that slip into a message as an escape.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from iacgate.errors import ParseError, Position

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


NOT_TEXT = "not a text file"
# How much of a file is looked at for binary content, as git does (8,000 bytes there).
_SNIFF = 8192
# C0 control characters no text format here writes raw (tab, line ends, form feed and escape are allowed).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_ASCII_TEXT = re.compile(r"[!-~]")

# Go's unicode.IsSpace as characters, the line feed included: what bytes.TrimSpace and strings.TrimSpace
# remove. Python's str.strip() also removes \x1c-\x1f, which Go does not, so a Terraform heredoc line
# "EOT\x1c" closes nothing: whoever reads Terraform text strips with this set.
GO_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


@dataclass(frozen=True)
class SourceFile:
    """A decoded input file. ``relative`` is its POSIX path relative to the scan root, used in reports."""

    path: Path
    relative: str
    text: str


def decode(data: bytes, relative: str) -> str:
    """Decode UTF-8, or UTF-16/32 announced by a byte-order mark; raise ``ParseError`` naming the spot.

    A file that is not text (a NUL byte, bytes no encoding here decodes, control characters or no ASCII
    at all behind a byte-order mark) is refused as "not a text file", with its line and column when known.
    An empty file decodes to ``""``: whether that is valid is the format's call (an empty ``.tf`` file is
    a valid Terraform file, an empty plan is not).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(
                    Position(relative),
                    f"{NOT_TEXT}: not valid {encoding.upper()} after its byte-order mark ({exc.reason})",
                ) from None
            _refuse_binary_text(text, encoding.upper(), relative)
            return text
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0:
        raise ParseError(
            _byte_position(data, nul, relative), f"{NOT_TEXT}: it holds a NUL byte (binary data)"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(
            _byte_position(data, exc.start, relative),
            f"{NOT_TEXT}: byte 0x{data[exc.start]:02x} is not valid UTF-8 "
            "(text is read as UTF-8, or as UTF-16/32 after a byte-order mark)",
        ) from None


def _byte_position(data: bytes, offset: int, relative: str) -> Position:
    line = data.count(b"\n", 0, offset) + 1
    return Position(relative, line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1)


def _refuse_binary_text(text: str, encoding: str, relative: str) -> None:
    """Bytes behind a UTF-16/32 byte-order mark decode to almost anything: every IaC format writes its
    structure (``{``, ``=``, ``:``, ``#``) in ASCII and never a raw control character, so text without
    ASCII, or with such a character, is binary data (or text saved in another byte order)."""
    head = text[:_SNIFF]
    control = _CONTROL.search(head)
    if control is not None:
        offset = control.start()
        line = head.count("\n", 0, offset) + 1
        column = offset - (head.rfind("\n", 0, offset) + 1) + 1
        raise ParseError(
            Position(relative, line, column),
            f"{NOT_TEXT}: read as {encoding} after its byte-order mark, "
            f"it holds control character U+{ord(control.group()):04X}",
        )
    if head.strip() and _ASCII_TEXT.search(head) is None:
        raise ParseError(
            Position(relative, 1, 1),
            f"{NOT_TEXT}: read as {encoding} after its byte-order mark, it holds no ASCII character "
            "(binary data, or text saved in another byte order)",
        )


# The largest input file read (checked before reading): a 50,000-resource plan weighs 81 MB.
MAX_FILE_BYTES = 128 * 1024 * 1024


def read_source(path: Path, relative: str, stream: bool = False) -> SourceFile:
    """The decoded file, or a ``ParseError`` naming it. A directory (discovery offers one it could not
    list, named ``dir/``, so the gate fails closed on it) is refused with the reason it cannot be read.
    So is anything but a regular file (a FIFO named ``main.tf`` would block the scan forever; ``stream``
    lets one named on the command line through, ``<(terraform show -json plan)``), and a file larger than
    ``MAX_FILE_BYTES``."""
    return SourceFile(path=path, relative=relative, text=decode(read_bytes(path, relative, stream), relative))


def read_bytes(path: Path, relative: str, stream: bool = False) -> bytes:
    """The bytes of ``path`` under the rules of ``read_source``."""
    # Non-blocking: opening a FIFO for reading would wait for a writer (a regular file ignores the flag).
    flags = os.O_RDONLY if stream else os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        what = "directory" if relative.endswith("/") or _is_directory(path) else "file"
        raise ParseError(Position(relative), f"cannot read {what}: {exc.strerror or exc}") from None
    kind = os.fstat(descriptor)
    if stat.S_ISDIR(kind.st_mode):
        os.close(descriptor)
        raise ParseError(Position(relative), f"cannot read directory: {_listing_error(path)}")
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(kind.st_mode) and not stream:
            raise ParseError(
                Position(relative), "cannot read file: not a regular file (a FIFO, socket or device)"
            )
        if kind.st_size > MAX_FILE_BYTES:
            raise ParseError(Position(relative), _too_large(kind.st_size))
        try:
            data = _read_bounded(file, kind.st_size if stat.S_ISREG(kind.st_mode) else 0)
        except OSError as exc:
            raise ParseError(Position(relative), f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise ParseError(Position(relative), _too_large(len(data)))
    return data


def _read_bounded(file: BinaryIO, expected: int) -> bytes:
    """At most ``MAX_FILE_BYTES + 1`` bytes, read in pieces: ``read(n)`` allocates ``n`` bytes at once, and
    a buffer of the ceiling's size for every file read would cost 128 MiB each time. A regular file is
    read in one piece of its size (and whatever it grew by, after)."""
    limit = MAX_FILE_BYTES + 1
    piece = expected + 1 if expected else 1 << 16
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = file.read(min(piece, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        piece = 1 << 20
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _too_large(size: int) -> str:
    return (
        f"file too large: {size / 2**20:.0f} MiB, more than the {MAX_FILE_BYTES // 2**20} MiB an input file "
        "may hold: not read"
    )


def _is_directory(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long to look up, say: the read error already tells why
        return False


def _listing_error(path: Path) -> str:
    try:
        with os.scandir(path) as entries:
            for _ in entries:
                pass
    except OSError as exc:
        return str(exc.strerror or exc)
    return "it could not be listed while the tree was walked"


# Line breaks besides LF, as regular-expression text. A lone CR ends a line in every format iacgate reads
# (JSON and HCL allow it only between tokens; a CRLF line keeps its CR, with the LF ending it); NEL, LINE
# SEPARATOR and PARAGRAPH SEPARATOR end lines in YAML only.
LONE_CR = "\r(?!\n)"
YAML_ONLY_BREAKS = "[\x85\u2028\u2029]"


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# The lines the parsers number: PyYAML ends a line at LF, CRLF, a lone CR, NEL, LS and PS; the JSON and
# HCL parsers count LF only (a CR, a form feed or a vertical tab lies inside a line there). Whatever
# compares a file's lines with the lines a parser reports (inline suppressions, the trusted-ref
# comparison) cuts it here: ``str.splitlines`` also cuts at form feeds and more.
_YAML_LINE_END = re.compile(f"\r\n|\n|{LONE_CR}|{YAML_ONLY_BREAKS}")


def parser_lines(text: str, yaml: bool) -> list[str]:
    """``text`` cut into the lines its parser numbers (line N is ``parser_lines(...)[N - 1]``)."""
    return _YAML_LINE_END.split(text) if yaml else text.split("\n")


# A \\u escape in the surrogate range (cheap test first: real files almost never have one).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
# Any JSON escape, so ``\\\\ud800`` (an escaped backslash, then text) is not mistaken for one.
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|.)", re.DOTALL)


def lone_surrogate_escape(text: str) -> int | None:
    """Offset of the first JSON ``\\uXXXX`` escape that decodes to a lone surrogate, else ``None``.

    ``json.loads`` turns ``"\\ud800"`` into a string no encoder can write (a pair such as
    ``"\\ud83d\\ude00"`` is one character and fine), so JSON readers refuse such a file by this offset.
    """
    if _SURROGATE_ESCAPE.search(text) is None:
        return None
    high: int | None = None
    high_end = 0
    for match in _JSON_ESCAPE.finditer(text):
        code = int(match.group(1), 16) if match.group(1) else None
        if high is not None:
            if code is not None and 0xDC00 <= code <= 0xDFFF and match.start() == high_end:
                high = None
                continue
            return high
        if code is None or not 0xD800 <= code <= 0xDFFF:
            continue
        if code >= 0xDC00:
            return match.start()
        high, high_end = match.start(), match.end()
    return high


def printable(text: str) -> str:
    """``text`` with any lone surrogate written as its ``\\udXXX`` escape, so every report can encode it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


# C0 controls, DEL, C1 controls and the bidirectional overrides and isolates: a terminal obeys them
# (ESC [ moves the cursor and erases lines, ESC ] sets the title, U+202E reverses what follows).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every control character written as its escape (``\\x1b``, ``\\u202e``), for output a
    terminal shows: no scanned file name, resource id or value can move the cursor or hide a line."""
    if _INVISIBLE.search(text) is None:
        return printable(text)
    escaped = _INVISIBLE.sub(
        lambda match: (
            f"\\x{ord(match.group()):02x}" if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}"
        ),
        text,
    )
    return printable(escaped)
