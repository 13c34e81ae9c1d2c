"""The parser layer's last line of defence: no scanned file can abort a scan or make a report crash.

Each parser checks the shapes it relies on and raises ``ParseError`` naming the file. ``Guarded`` holds
every parser to the promise of the interface whatever still slips through:

- An unexpected exception while parsing becomes an error notification naming the file ("internal error
  while parsing: KeyError") instead of the CLI's "internal error" that aborts the whole scan: the batch is
  parsed again one file at a time, so only the file that fails is named and every other file is reported.
- A resource holding a value no report or engine can take (a lone surrogate, which no encoder can
  write; a NaN, an infinity or a number beyond a float's range, which JSON cannot hold) is not evaluated,
  with an error naming its file and line.
- Notification messages and file names are made printable (lone surrogates written as escapes).

Errors the parser raises on purpose for the command line (usage, configuration) pass through unchanged.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from iacgate.errors import IacgateError, ParseError
from iacgate.graph.model import Edge, Resource, Unknown, path_text
from iacgate.notifications import Notification
from iacgate.parsers.base import ParseOptions, Parser, ParseResult
from iacgate.textio import SourceFile, printable

# Beyond this an integer no longer fits a float (1.8e308), the widest number a policy engine takes.
_FLOAT_MAX = int(sys.float_info.max)


class Guarded:
    """``parser`` behind the guard described above; it implements the same ``Parser`` interface."""

    def __init__(self, parser: Parser) -> None:
        self.parser = parser
        self.format: str = parser.format
        self.suffixes: tuple[str, ...] = parser.suffixes

    def claims(self, source: SourceFile) -> bool:
        try:
            return self.parser.claims(source)
        except Exception:
            return True  # claimed, so that parsing names the file and the gate fails closed

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        try:
            units = self.parser.parse(sources, options)
        except IacgateError as error:
            if not isinstance(error, ParseError):
                raise
            units = self._one_by_one(sources, options, error)
        except Exception as error:
            units = self._one_by_one(sources, options, error)
        return tuple(checked(unit) for unit in units)

    def _one_by_one(
        self, sources: Sequence[SourceFile], options: ParseOptions, batch_error: Exception
    ) -> tuple[ParseResult, ...]:
        units: list[ParseResult] = []
        for source in sources:
            try:
                units.extend(self.parser.parse([source], options))
            except IacgateError as error:
                if not isinstance(error, ParseError):
                    raise
                units.append(_failed(source, internal_error(source.relative, error)))
            except Exception as error:
                units.append(_failed(source, internal_error(source.relative, error)))
        if any(note.level == "error" for unit in units for note in unit.notifications):
            return tuple(units)
        # Only the files together fail: nothing of the batch can be trusted, so each is an error.
        return tuple(_failed(source, internal_error(source.relative, batch_error)) for source in sources)


def internal_error(file: str, error: BaseException) -> Notification:
    """The error that stands for ``file`` when parsing it raised ``error``."""
    if isinstance(error, ParseError):
        if error.position.file == file:
            return Notification.from_parse_error(error)
        return Notification("error", f"cannot be parsed: {error}", file)  # the cause is in another file
    return Notification("error", f"internal error while parsing: {type(error).__name__}", file)


def _failed(source: SourceFile, note: Notification) -> ParseResult:
    return ParseResult(notifications=(note,), unit=source.relative)


# -- what leaves the parser layer ----------------------------------------------------------------------


def checked(unit: ParseResult) -> ParseResult:
    """``unit`` without resources no report or engine can take (each replaced by an error naming its file
    and line), without edges that could not be written, and with printable notifications."""
    notes = [_printable_note(note) for note in unit.notifications]
    # The common case, decided in one C-level pass over the whole unit and a walk of its containers.
    if _writable(_texts(unit)) and not any(_too_deep(resource) for resource in unit.resources):
        if notes == list(unit.notifications):
            return unit
        return dataclasses.replace(unit, notifications=tuple(notes))
    resources: list[Resource] = []
    for resource in unit.resources:
        problem = _problem(resource)
        if problem is None:
            resources.append(resource)
        else:
            notes.append(problem)
    return dataclasses.replace(
        unit,
        resources=tuple(resources),
        edges=tuple(edge for edge in unit.edges if _edge_ok(edge)),
        notifications=tuple(notes),
        unit=printable(unit.unit),
    )


def _texts(unit: ParseResult) -> list[Any]:
    return [
        *(_resource_texts(resource) for resource in unit.resources),
        *((edge.source, edge.target, edge.kind, edge.attribute) for edge in unit.edges),
        unit.unit,
    ]


def _resource_texts(resource: Resource) -> tuple[Any, ...]:
    return (
        resource.id,
        resource.format,
        resource.native_type,
        resource.type,
        resource.provider,
        resource.region,
        resource.region_source,
        resource.mode,
        resource.location.file,
        [(related.file, related.label) for related in resource.related],
        resource.attributes,
        resource.tags,
        resource.metadata,
    )


# Digits become "0" and every other byte stays: a run of 309 "0"s is a run of 309 digits.
_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGITS = b"0" * 309


def _writable(values: Any) -> bool:
    """Whether every string in ``values`` encodes, every float is finite and no integer has 309 digits
    (one encoding of the whole unit: about 10 ms per 1,000 plan resources)."""
    try:
        encoded = _ENCODE(values).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        return False
    return _LONG_DIGITS not in encoded.translate(_DIGITS)


def _printable_note(note: Notification) -> Notification:
    file = printable(note.file) if note.file is not None else None
    message = printable(note.message)
    if file == note.file and message == note.message:
        return note
    return dataclasses.replace(note, file=file, message=message)


def _edge_ok(edge: Edge) -> bool:
    return all(_encodable(text) for text in (edge.source, edge.target, edge.kind, edge.attribute or ""))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _plain(value: Any) -> Any:
    """How the quick check below sees values JSON has no type for."""
    if isinstance(value, Unknown):
        return value.reason
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    if isinstance(value, set | frozenset):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    return str(value)


_ENCODE = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, check_circular=False, skipkeys=True, default=_plain
).encode


# How deep a value may nest (lists and objects within each other). Real IaC stays far below (a policy
# document nests about 6 levels, a state machine definition about 20); every stage after the parser,
# the copy sent to the engine's child, the engine's input and the reports, may then walk a value
# recursively. One nested thousands of levels deep is refused here, with its file and line.
MAX_NESTING = 64
_CONTAINERS = (dict, list, tuple, set, frozenset)


def _too_deep(resource: Resource) -> bool:
    return any(
        isinstance(value, _CONTAINERS) and _deeper(value, MAX_NESTING - 1)
        for value in (resource.attributes, resource.tags, resource.metadata)
    )


def _deeper(value: Any, budget: int) -> bool:
    """Whether a container within ``value`` (itself one) nests more than ``budget`` levels further; the
    walk goes no deeper than that, so it cannot overflow the stack."""
    for item in value.values() if isinstance(value, dict) else value:
        if isinstance(item, _CONTAINERS) and (budget == 0 or _deeper(item, budget - 1)):
            return True
    return False


def _problem(resource: Resource) -> Notification | None:
    """An error naming the resource's file and line when one of its values cannot be written, else None."""
    texts = _resource_texts(resource)
    if _writable(texts) and not _too_deep(resource):
        return None
    fault = _locate(resource)
    if fault is None:
        return None
    where, what = fault
    line = resource.location.line_for(where) if where else resource.location.start_line
    return Notification(
        "error",
        f"resource {printable(resource.id)} not evaluated: {what}",
        printable(resource.location.file),
        line,
    )


def _locate(resource: Resource) -> tuple[tuple[str | int, ...], str] | None:
    """The attribute path at fault and what is wrong with it (the path is empty outside attributes)."""
    for name, value in (("attributes", resource.attributes), ("tags", resource.tags)):
        for path, fault in _faults(value, ()):
            prefix = ("tags", *path) if name == "tags" else path
            return prefix, f"{printable(path_text(prefix)) or name} {fault}"
    for path, fault in _faults(resource.metadata, ()):
        return (), f"metadata {printable(path_text(path))} {fault}"
    if list(_faults(_resource_texts(resource)[:10], ())):
        return (), "its address, type or location holds a lone surrogate, which is not Unicode text"
    return None


def _faults(
    value: Any, path: tuple[str | int, ...], depth: int = 0
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if depth > MAX_NESTING:
        # Named by the attribute it is written under, not by a path as long as the nesting.
        yield path[: depth - MAX_NESTING], f"nests more than {MAX_NESTING} levels deep"
    elif isinstance(value, str):
        if not _encodable(value):
            yield path, "holds a lone surrogate, which is not Unicode text"
    elif isinstance(value, bool):
        return
    elif isinstance(value, float):
        if not math.isfinite(value):
            yield path, f"is {value}, which is not a JSON number"
    elif isinstance(value, int):
        if abs(value) > _FLOAT_MAX:
            yield path, "is a number too large for any policy engine"
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and not _encodable(key):
                yield (*path, printable(key)), "is a key holding a lone surrogate, which is not Unicode text"
            yield from _faults(item, (*path, key if isinstance(key, str | int) else str(key)), depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _faults(item, (*path, index), depth + 1)
    elif isinstance(value, Unknown):
        yield from _faults(value.reason, path, depth)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        yield from _faults(_plain(value), path, depth)
    elif not _encodable(str(value)):
        yield path, "holds a lone surrogate, which is not Unicode text"
