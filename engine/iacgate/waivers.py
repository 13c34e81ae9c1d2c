"""Waivers: reviewed exceptions from ``iacgate-waivers.yaml`` and inline suppressions in the source.

A waived finding stays in every report with its suppression; it only stops failing the gate. "Today"
is always passed in, so whether a waiver has expired never depends on a clock hidden in here.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import difflib
import functools
import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from iacgate.comments import YAML, comments, source_lines, syntax_of
from iacgate.errors import ConfigError, ParseError
from iacgate.findings import Finding, Suppression, matches_pattern
from iacgate.graph.model import Graph, Resource
from iacgate.notifications import Notification
from iacgate.schemas import load_schema
from iacgate.textio import read_source
from iacgate.trust import TrustedRef

WAIVERS_NAME = "iacgate-waivers.yaml"
EXPIRING_DAYS = 14
# Looked for in real comments only (``iacgate.comments``), never in strings, heredocs or JSON.
INLINE = re.compile(r"(?:#|//)\s*iacgate:ignore\s+([A-Za-z0-9_.-]+)[ \t]*([^\r\n]*)")
# A reason is quoted in every report: one line, and no longer than this.
MAX_REASON = 200


@dataclass(frozen=True)
class Waiver:
    rule: str
    resource: str
    reason: str
    approved_by: str
    expires: date
    source: str
    line: int
    ticket: str = ""
    file: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            self.rule in (finding.rule_id, finding.pack)
            and matches_pattern(finding.resource_id, self.resource)
            and (self.file is None or matches_pattern(finding.file, self.file))
        )

    def suppression(self) -> Suppression:
        return Suppression(
            "external",
            self.reason.strip(),
            self.source,
            self.line,
            approver=self.approved_by.strip(),
            ticket=self.ticket,
            expires=self.expires.isoformat(),
        )

    def __str__(self) -> str:
        return f"{self.rule} on {self.resource}"


@dataclass(frozen=True)
class WaiverOutcome:
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    expiring: tuple[Waiver, ...]
    stale: tuple[Waiver, ...] = ()


def _dates_as_text(value: Any) -> Any:
    # YAML reads 2026-05-01 as a date; the schema checks the written form.
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value


def load_waivers(
    path: Path, today: date, max_days: int | None = None, name: str | None = None
) -> tuple[Waiver, ...]:
    """Read and validate a waivers file; every problem is a ``ConfigError`` naming file:line."""
    import yaml  # on use: PyYAML costs 15 ms of every run that reads no YAML

    from iacgate.yamlio import line_of, safe_load

    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = _dates_as_text(safe_load(text) or {"waivers": []})
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read waivers file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{shown}{where}: {getattr(exc, 'problem', None) or 'invalid YAML'}") from None
    import jsonschema  # here, not at the top: 0.2 s of import every pre-commit run without this file

    validator = jsonschema.Draft202012Validator(load_schema("waivers.schema.json"))
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    tree = yaml.compose(text)
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or "top level"
        raise ConfigError(f"{shown}:{line_of(tree, list(first.absolute_path))}: {where}: {first.message}")
    waivers = []
    for index, entry in enumerate(document["waivers"]):
        line = line_of(tree, ["waivers", index])
        try:
            expires = date.fromisoformat(entry["expires"])
        except ValueError:
            raise ConfigError(f"{shown}:{line}: expires: {entry['expires']!r} is not a date") from None
        if max_days is not None and expires - today > timedelta(days=max_days):
            raise ConfigError(
                f"{shown}:{line}: waiver for {entry['rule']} expires {expires.isoformat()}, more than "
                f"{max_days} days from {today.isoformat()} (max_waiver_days)"
            )
        waivers.append(
            Waiver(
                rule=entry["rule"],
                resource=entry["resource"],
                reason=entry["reason"],
                approved_by=entry["approved_by"],
                expires=expires,
                source=shown,
                line=line,
                ticket=entry.get("ticket", ""),
                file=entry.get("file"),
            )
        )
    return tuple(waivers)


@dataclass(frozen=True)
class Inline:
    """A suppression in the source: a comment at ``line``, or a CloudFormation Metadata entry somewhere
    in the resource's lines ``line``..``end_line``. ``anchor`` is the first line of the resource."""

    rule: str
    reason: str
    file: str
    line: int
    end_line: int = 0
    format: str = ""
    anchor: int = 0


@dataclass(frozen=True)
class _Source:
    """A scanned file cut into the lines its parser numbers, with its real comments' suppressions as
    (line, rule, reason), sorted."""

    syntax: str
    lines: tuple[str, ...]
    suppressions: tuple[tuple[int, str, str], ...]

    def leads(self, line: int, start: int) -> bool:
        """Whether ``line``, the line before a resource's first line ``start``, stands at the resource's
        level: in YAML, not indented deeper than it (deeper, it reads as the end of the resource above)."""
        if self.syntax != YAML or not 0 < line < start <= len(self.lines):
            return True
        return _indent(self.lines[line - 1]) <= _indent(self.lines[start - 1])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _reason(text: str) -> str:
    text = text.strip()
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


class _Sources:
    """The files of resources with findings, read once per scan: a 1,000-resource plan has no comment at
    all, and must not cost a search per resource."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: dict[str, _Source] = {}

    def get(self, file: str, resource_format: str) -> _Source:
        if file not in self.files:
            path = (self.root / file).resolve()
            text = ""
            if path.is_relative_to(self.root) and path.is_file():
                with contextlib.suppress(ParseError):  # the scan reports it; no suppression from it
                    text = read_source(path, file).text
            syntax = syntax_of(resource_format, file, text)
            self.files[file] = _Source(syntax, tuple(source_lines(text, syntax)), _commented(text, syntax))
        return self.files[file]


def _commented(text: str, syntax: str) -> tuple[tuple[int, str, str], ...]:
    """The suppressions in the real comments of ``text``: (line, rule, reason), sorted."""
    found = []
    commented = comments(text, syntax) if "iacgate:ignore" in text else {}
    for line, comment in sorted(commented.items()):
        match = INLINE.search(comment)
        if match is not None:
            found.append((line, match.group(1), _reason(match.group(2))))
    return tuple(found)


def _anchored(line: int, start: int, end: int, inside: Container[int]) -> bool:
    """Whether a comment on ``line`` is one of the resource's at ``start``..``end``: inside it, or on the
    line before it when that line is no other resource's (``inside``: the lines of every resource of the
    file). A comment at the end of a resource's last line is that resource's, not the next one's too."""
    return start <= line <= end or (line == start - 1 and line not in inside)


def _inside(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The lines of a file inside one of the resources (first line, last line) given."""
    return {line for start, end in set(spans) for line in range(start, end + 1)}


def inline_suppressions(resource: Resource, sources: _Sources, inside: Container[int]) -> list[Inline]:
    """Comments on the line before the resource (when no other resource's, ``inside``) or inside its
    span, and CloudFormation Metadata entries."""
    location = resource.location
    found: list[Inline] = []
    ignore = resource.metadata.get("iacgate", {})
    entries = ignore.get("ignore", []) if isinstance(ignore, Mapping) else []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, Mapping) and isinstance(entry.get("rule"), str):
            reason = entry.get("reason")
            found.append(
                Inline(
                    entry["rule"],
                    _reason(reason) if isinstance(reason, str) else "",
                    location.file,
                    location.start_line,
                    max(location.end_line, location.start_line),
                    resource.format,
                    location.start_line,
                )
            )
    if location.start_line > 0:
        source = sources.get(location.file, resource.format)
        suppressions = source.suppressions
        first, last = location.start_line - 1, max(location.end_line, location.start_line)
        start = bisect.bisect_left(suppressions, (first, "", ""))
        for line, rule, reason in suppressions[start:]:
            if line > last:
                break
            if not _anchored(line, location.start_line, last, inside) or not source.leads(
                line, location.start_line
            ):
                continue
            found.append(
                Inline(rule, reason, location.file, line, format=resource.format, anchor=location.start_line)
            )
    return found


@dataclass(frozen=True)
class _Reviewed:
    """A scanned file as it is on the trusted ref, read as the scan reads it: ``moved`` maps each of
    today's lines that the change left as it was to its line on the ref; ``comments`` holds the (line,
    rule) of the ref's real suppression comments; ``resources`` maps the first line of each resource (or
    block) on the ref to its last line and the rules its Metadata suppresses."""

    moved: Mapping[int, int]
    comments: frozenset[tuple[int, str]]
    resources: Mapping[int, tuple[int, frozenset[str]]]

    @functools.cached_property
    def inside(self) -> set[int]:
        return _inside((start, end) for start, (end, _) in self.resources.items())


def _resources_on_ref(
    text: str, file: str, resource_format: str, root: Path
) -> dict[int, tuple[int, frozenset[str]]]:
    """First line -> (last line, rules its Metadata suppresses) of every resource the ref's text holds: a
    Terraform file's blocks, a template's Resources entries (at any depth, for Fn::ForEach). Text that does
    not parse holds none."""
    from iacgate.textio import SourceFile

    found: dict[int, tuple[int, frozenset[str]]] = {}
    source = SourceFile(root / file, file, text)
    if resource_format == "terraform":
        from iacgate.parsers.terraform.load import parse_files

        parsed, _ = parse_files([source], root)
        for parsed_file in parsed:
            for block in parsed_file.blocks:
                found[block.start] = (block.end, frozenset())
        return found
    if resource_format != "cloudformation":
        return found
    from iacgate.parsers.cloudformation import load_template
    from iacgate.parsers.cloudformation.template import resource_body, suppressed_rules

    try:
        loaded = load_template(source)
    except ParseError:
        return found
    for path, line in loaded.lines.items():
        body = resource_body(loaded.value, path) if path[:1] == ("Resources",) else None
        if body is None or path not in loaded.ends:
            continue
        end, rules = found.get(line, (line, frozenset()))
        found[line] = (max(end, loaded.ends[path]), rules | suppressed_rules(body))
    return found


class _Unchanged:
    """Which suppressions of the scanned files were on the trusted ref already, for the same resource:
    computed once per file, and only for files with suppressions that matter. Both texts are cut into
    lines as the file's parser numbers them, as the suppressions were found."""

    def __init__(self, reference: TrustedRef, sources: _Sources) -> None:
        self.reference = reference
        self.sources = sources
        self.files: dict[str, _Reviewed | None] = {}

    def _file(self, file: str, resource_format: str) -> _Reviewed | None:
        if file not in self.files:
            source = self.sources.get(file, resource_format)
            path = (self.sources.root / file).resolve()
            before = None
            if self.reference.relative(path) is not None:
                before = self.reference.read_text(path)
            reviewed = None
            if before is not None:
                old = source_lines(before, source.syntax)
                matcher = difflib.SequenceMatcher(None, old, source.lines, autojunk=False)
                moved = {
                    block.b + offset + 1: block.a + offset + 1
                    for block in matcher.get_matching_blocks()
                    for offset in range(block.size)
                }
                reviewed = _Reviewed(
                    moved,
                    frozenset((line, rule) for line, rule, _ in _commented(before, source.syntax)),
                    _resources_on_ref(before, file, resource_format, self.sources.root),
                )
            self.files[file] = reviewed
        return self.files[file]

    def existed(self, item: Inline) -> bool:
        """Whether the ref holds the same suppression, unchanged, for the resource that starts on the same
        (unchanged) line: text that was data there (a heredoc line, a block scalar) is no suppression,
        and one reviewed for a resource does not pass to another put beside it."""
        reviewed = self._file(item.file, item.format)
        start = reviewed.moved.get(item.anchor) if reviewed is not None else None
        if reviewed is None or start is None or start not in reviewed.resources:
            return False
        end, metadata = reviewed.resources[start]
        if not item.end_line:
            line = reviewed.moved.get(item.line)
            return (
                line is not None
                and (line, item.rule) in reviewed.comments
                and _anchored(line, start, end, reviewed.inside)
            )
        # A Metadata entry: the lines of the resource that name the rule must be as they were.
        current = self.sources.get(item.file, item.format).lines
        naming = [
            number
            for number in range(item.line, min(item.end_line, len(current)) + 1)
            if re.search(rf"(?<![\w.-]){re.escape(item.rule)}(?![\w.-])", current[number - 1])
        ]
        return item.rule in metadata and bool(naming) and all(number in reviewed.moved for number in naming)


def _inline_map(
    graphs: Iterable[Graph],
    root: Path,
    allow: bool,
    wanted: set[tuple[str, str]],
    reference: TrustedRef | None = None,
) -> tuple[dict[tuple[str, str], list[Inline]], list[Notification]]:
    """Inline suppressions of the resources with findings (``wanted``: unit, resource id); files of
    resources without findings are never read again. With a trusted ref, a suppression that the change
    adds or edits is not honoured (a note says so)."""
    sources = _Sources(root)
    unchanged = _Unchanged(reference, sources) if reference is not None else None
    spans: dict[str, list[tuple[int, int]]] = {}
    for graph in graphs:
        for resource in graph.resources:
            location = resource.location
            if location.start_line > 0:
                spans.setdefault(location.file, []).append(
                    (location.start_line, max(location.end_line, location.start_line))
                )
    inside: dict[str, set[int]] = {}
    by_resource: dict[tuple[str, str], list[Inline]] = {}
    notes: list[Notification] = []
    seen: set[tuple[str, int, str]] = set()
    for graph in graphs:
        for resource in graph.resources:
            if (graph.name, resource.id) not in wanted:
                continue
            file = resource.location.file
            if file not in inside:
                # Only a file with suppression comments needs its resources' lines (a plan has none).
                has_comments = bool(sources.get(file, resource.format).suppressions)
                inside[file] = _inside(spans.get(file, ())) if has_comments else set()
            for item in inline_suppressions(resource, sources, inside[file]):
                key = (item.file, item.line, item.rule)
                first_time = key not in seen
                seen.add(key)
                if not allow:
                    if first_time:
                        message = (
                            f"inline suppression of {item.rule} not honoured: inline waivers are "
                            "disallowed (--no-inline-waivers or inline_waivers: false)"
                        )
                        notes.append(Notification("note", message, item.file, item.line))
                elif unchanged is not None and not unchanged.existed(item):
                    if first_time:
                        message = (
                            f"inline suppression of {item.rule} not honoured: this change adds or edits it, "
                            "or renames or rewrites the first line of its resource (it is not on "
                            f"{unchanged.reference.name} for this resource); it applies once reviewed and "
                            "merged"
                        )
                        notes.append(Notification("warning", message, item.file, item.line))
                elif not item.reason:
                    # Same rule as the waivers file: an exception nobody explained is a configuration error.
                    raise ConfigError(
                        f"{item.file}:{item.line}: inline suppression of {item.rule} has no reason "
                        f"(write '# iacgate:ignore {item.rule} <reason>', or a reason in Metadata)"
                    )
                else:
                    by_resource.setdefault((graph.name, resource.id), []).append(item)
    return by_resource, notes


def apply_waivers(
    findings: Sequence[Finding],
    graphs: Sequence[Graph],
    root: Path,
    waivers: Sequence[Waiver],
    today: date,
    allow_inline: bool = True,
    reference: TrustedRef | None = None,
) -> WaiverOutcome:
    wanted = {(finding.unit, finding.resource_id) for finding in findings}
    inline, notes = _inline_map(graphs, root, allow_inline, wanted, reference)
    used: set[Waiver] = set()
    result: list[Finding] = []
    for finding in findings:
        matching = [waiver for waiver in waivers if waiver.matches(finding)]
        used.update(matching)
        active = [waiver for waiver in matching if waiver.expires >= today]
        if active:
            chosen = max(active, key=lambda waiver: waiver.expires)
            result.append(dataclasses.replace(finding, suppression=chosen.suppression()))
            continue
        comment = next(
            (
                item
                for item in inline.get((finding.unit, finding.resource_id), [])
                if item.rule in (finding.rule_id, finding.pack)
            ),
            None,
        )
        if comment is not None:
            suppression = Suppression("inSource", comment.reason, comment.file, comment.line)
            result.append(dataclasses.replace(finding, suppression=suppression))
        elif matching:
            expired = max(waiver.expires for waiver in matching).isoformat()
            result.append(dataclasses.replace(
                finding, waiver_expired=expired, message=f"{finding.message} (waiver expired on {expired})"
            ))  # fmt: skip
        else:
            result.append(finding)
    stale = tuple(waiver for waiver in waivers if waiver not in used)
    for waiver in stale:
        notes.append(Notification(
            "warning", f"stale waiver: {waiver} matched no finding; remove it", waiver.source, waiver.line
        ))  # fmt: skip
    expiring = tuple(
        sorted(
            (w for w in waivers if today <= w.expires <= today + timedelta(days=EXPIRING_DAYS)),
            key=lambda waiver: (waiver.expires, waiver.line),
        )
    )
    return WaiverOutcome(tuple(result), tuple(notes), expiring, stale)
