"""Writing a mutant beside a valid control file, and the properties every scan of them must have."""

from __future__ import annotations

import traceback
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory

from iacgate.api import ParsedInputs, parse_inputs
from iacgate.discover import Candidate, discover
from iacgate.errors import ParseError
from iacgate.notifications import Notification
from iacgate.parsers import PARSERS, SUFFIXES, Guarded, ParseOptions
from iacgate.textio import read_source

from .seeds import CONTROLS, FAMILY, Seed


@dataclass(frozen=True)
class Layout:
    root: Path
    mutant: str  # relative to root
    control: str
    explicit: bool

    def paths(self) -> tuple[Path, ...]:
        """What the scan is given: the mutant by name or the whole tree (then found by walking)."""
        if self.explicit:
            return (self.root / self.mutant, self.root / "control")
        return (self.root,)


@contextmanager
def laid_out(seed: Seed, data: bytes, explicit: bool) -> Iterator[Layout]:
    """``mutant/<seed name>`` holding ``data`` and ``control/<name>`` holding the format's valid control."""
    control = CONTROLS[FAMILY[seed.format]]
    with TemporaryDirectory(prefix="iacgate-fuzz-") as directory:
        root = Path(directory).resolve()
        (root / "mutant").mkdir()
        (root / "control").mkdir()
        (root / "mutant" / seed.name).write_bytes(data)
        (root / "control" / control.name).write_text(control.text, encoding="utf-8")
        yield Layout(root, f"mutant/{seed.name}", f"control/{control.name}", explicit)


def candidates(layout: Layout) -> Sequence[Candidate]:
    return discover(layout.paths(), layout.root, SUFFIXES)


def parse_layout(layout: Layout) -> ParsedInputs:
    return parse_inputs(candidates(layout), ParseOptions(scan_root=layout.root))


@cache
def control_resources(family: str) -> int:
    """How many resources the control file has when it is scanned alone."""
    control = CONTROLS[family]
    with TemporaryDirectory(prefix="iacgate-control-") as directory:
        root = Path(directory).resolve()
        (root / "control").mkdir()
        (root / "control" / control.name).write_text(control.text, encoding="utf-8")
        parsed = parse_inputs(discover((root,), root, SUFFIXES), ParseOptions(scan_root=root))
    assert not [note for note in parsed.notifications if note.level == "error"], parsed.notifications
    (scanned,) = parsed.files
    assert scanned.resources > 0
    return scanned.resources


def _printable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def unguarded_traceback(root: Path, relative: str) -> str:
    """The traceback behind an "internal error" notification: the file parsed again without the guard."""
    path = root / relative
    try:
        source = read_source(path, relative)
    except ParseError as error:
        return str(error)
    for parser in PARSERS.values():
        inner = parser.parser if isinstance(parser, Guarded) else parser
        try:
            if inner.claims(source):
                inner.parse([source], ParseOptions(scan_root=root))
        except Exception:
            return traceback.format_exc()
    return "(no exception when parsed alone)"


def check_notifications(notifications: Sequence[Notification], root: Path | None = None) -> None:
    """Every problem names a file, nothing is an internal error, and everything can be written out."""
    for note in notifications:
        if "internal error" in note.message:
            detail = unguarded_traceback(root, note.file) if root is not None and note.file else ""
            raise AssertionError(f"{note}\n{detail}")
        assert _printable(note.message) and _printable(note.file or ""), repr(note)
        if note.level == "error":
            assert note.file, f"an error that names no file: {note}"


def check_parsed(layout: Layout, family: str, parsed: ParsedInputs) -> None:
    """The properties of the parse: see ``check_notifications``; the control file is reported whole; the
    mutant, when given by name, is either scanned or named by an error."""
    check_notifications(parsed.notifications, layout.root)
    scanned = {item.path: item for item in parsed.files}
    assert layout.control in scanned, f"the valid control file was not reported: {parsed.notifications}"
    assert scanned[layout.control].resources == control_resources(family)
    if layout.explicit:
        named = {note.file for note in parsed.notifications if note.level == "error"}
        assert layout.mutant in scanned or layout.mutant in named, parsed.notifications
    files = {layout.mutant, layout.control}
    for graph in parsed.graphs:
        for resource in graph.resources:
            # A resource without an id or a type is one no rule ever judges: it must be an error instead.
            assert resource.id and resource.type and resource.native_type, resource
            assert _printable(resource.id) and resource.location.file in files, resource
