"""Findings: rule violations joined with rule metadata and the file and line a person should look at."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from iacgate.evaluate.base import Evaluation
from iacgate.graph.model import AttributePath, Graph, RelatedLocation, Resource, Unknown, path_text
from iacgate.packs.model import RuleSet
from iacgate.redaction import QUOTE_LIMIT, Redactor
from iacgate.severity import Severity
from iacgate.vocabulary import Speaker, speaker

FINGERPRINT_KEY = "iacgate/v1"
Enforcement = Literal["advisory", "soft-mandatory", "hard-mandatory"]
BaselineState = Literal["new", "unchanged", "updated", "absent"]


@dataclass(frozen=True)
class Suppression:
    """Why a finding does not fail the gate although it stays in every report: a reviewed waiver
    (kind "external", from the waivers file) or a comment or Metadata entry in the source ("inSource")."""

    kind: Literal["external", "inSource"]
    reason: str
    source: str
    line: int = 0
    approver: str = ""
    ticket: str = ""
    expires: str = ""
    # The action an approval of a flagged change approves ("delete", "replace", "update"; approvals.py):
    # "" for waivers and inline suppressions.
    approved: str = ""

    @property
    def label(self) -> str:
        """What the suppression is, in the words every human-readable output uses."""
        if self.approved:
            return "approved"
        return "waived" if self.kind == "external" else "suppressed inline"

    @property
    def justification(self) -> str:
        reason = f"approved {self.approved}: {self.reason}" if self.approved else self.reason
        details = [f"approved by {self.approver}"] if self.approver else []
        details += [f"ticket {self.ticket}"] if self.ticket else []
        details += [f"expires {self.expires}"] if self.expires else []
        if self.kind == "inSource":
            details.append(
                f"inline in {self.source}:{self.line}" if self.line else f"inline in {self.source}"
            )
        return f"{reason} ({', '.join(details)})" if details else reason


@dataclass(frozen=True)
class Finding:
    rule_id: str
    pack: str
    title: str
    severity: Severity
    status: Literal["fail", "undetermined"]
    resource_id: str
    resource_type: str
    native_type: str
    format: str
    file: str
    line: int
    end_line: int
    path: AttributePath
    message: str
    fingerprint: str
    unit: str = ""
    suppression: Suppression | None = None
    waiver_expired: str = ""
    enforcement: Enforcement = "hard-mandatory"
    baseline_state: BaselineState | None = None
    # Other places that explain the resource (its Pulumi program line, the plan entry of a .tf location).
    related: tuple[RelatedLocation, ...] = ()
    # The rule's remediation in the finding's format (``vocabulary``): CloudFormation property names on a
    # template, Pulumi's on a stack. ``message`` is rendered the same way.
    remediation: str = ""

    @property
    def attribute(self) -> str:
        """The path in the rules' (Terraform) names: stable across formats, what fingerprints use."""
        return path_text(self.path)

    @property
    def native_attribute(self) -> str:
        """The path as the scanned format writes it (``BucketEncryption``, ``kmsKeyId``)."""
        return speaker(self.format, self.native_type).path(self.path)


def matches_pattern(value: str, pattern: str) -> bool:
    """Whether a waiver's or approval's resource, file or unit pattern names ``value``: the very id first
    (``aws_ebs_volume.v["legacy"]``, as reports print it), else ``*`` (any run of characters) and ``?``
    (one character) as wildcards, every other character literal. fnmatch would read ``[...]`` as a
    character class, so the printed id named nothing and ``v["legacy"]`` named ``ve``."""
    if value == pattern:
        return True
    if "*" not in pattern and "?" not in pattern:
        return False
    wildcards = {"*": ".*", "?": "."}
    regex = "".join(wildcards.get(char, re.escape(char)) for char in pattern)
    return re.fullmatch(regex, value, re.DOTALL) is not None


def fingerprint(unit: str, rule_id: str, resource_id: str, path: AttributePath) -> str:
    """Identity of a finding that survives unrelated edits: no line numbers, no message text. The unit
    (plan file, template, root module) keeps the same address in two environments' plans apart."""
    key = f"{unit}\x1f{rule_id}\x1f{resource_id}\x1f{path_text(path)}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


LongValues = dict[tuple[str, str], tuple[str, ...]]


# A JSON string literal (its escaped text), written as an unrolled loop: several times faster than a
# per-character alternation over a 10,000-resource plan.
_LITERAL = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')


def _as_json(value: object) -> object:
    """``json.dumps``'s fallback for values of no JSON type. An unknown value is written as null: its
    ``str``, ``Unknown(reason='...')``, is no text a message can hold (rules see an unknown value as
    ``{"__unknown__": reason}``), so it never matched, and its dataclass ``repr`` cost a fifth of building
    a 10,000-resource plan's findings."""
    return None if isinstance(value, Unknown) else str(value)


def _long(graph: Graph, resource: Resource, cache: LongValues) -> tuple[str, ...]:
    """The strings of ``resource`` a message would have to shorten (longer than ``QUOTE_LIMIT``), found
    once per resource and scan (a resource is the neighbour of many findings), through the C JSON
    encoder: walking every value in Python cost a tenth of a 10,000-resource scan."""
    key = (graph.name, resource.id)
    found = cache.get(key)
    if found is None:
        document = json.dumps(
            [resource.attributes, resource.tags, resource.region], default=_as_json, ensure_ascii=False
        )
        literals = (
            json.loads(f'"{literal}"') for literal in _LITERAL.findall(document) if len(literal) > QUOTE_LIMIT
        )
        found = cache[key] = tuple(text for text in literals if len(text) > QUOTE_LIMIT)
    return found


def _values(graph: Graph, resource: Resource, cache: LongValues) -> Iterator[str]:
    """The long strings a rule's message about ``resource`` can quote: its own and its neighbours'."""
    for subject in (resource, *(other for other, _, _ in graph.neighbours(resource.id))):
        yield from _long(graph, subject, cache)


Redactors = dict[frozenset[str], Redactor]

# A string value (not an object key) that looks like a snake_case or dotted name.
_NAME_LIKE = re.compile(r'"([a-z][a-z0-9]*(?:[_.][a-z0-9]+)+)"(?!\s*:)')


def _name_like_values(
    graph: Graph, resource: Resource, cache: dict[tuple[str, str], frozenset[str]]
) -> frozenset[str]:
    """The resource's string values that look like attribute names (a PostgreSQL parameter name such as
    ``log_connections``): a message quoting one is quoting a value, which no vocabulary renames."""
    key = (graph.name, resource.id)
    found = cache.get(key)
    if found is None:
        document = json.dumps([resource.attributes], default=_as_json, ensure_ascii=False)
        # Keys of maps the user or the service names (a parameter group's parameters) are values too.
        verbatim = speaker(resource.format, resource.native_type).verbatim
        keys = [
            str(name)
            for attribute, value in resource.attributes.items()
            if attribute in verbatim and isinstance(value, dict)
            for name in value
        ]
        found = cache[key] = frozenset((*_NAME_LIKE.findall(document), *keys))
    return found


def safe_message(
    graph: Graph, resource: Resource, message: str, redactors: Redactors, cache: LongValues | None = None
) -> str:
    """A rule's message as reports may show it: no word of a file read by a function, no value longer
    than a short prefix (``redaction``). ``redactors`` keeps one redactor per unit's withheld words."""
    redactor = redactors.get(resource.file_words)
    if redactor is None:
        redactor = redactors[resource.file_words] = Redactor(resource.file_words)
    return redactor.message(message, _values(graph, resource, cache if cache is not None else {}))


def _spoken(
    voice: Speaker,
    text: str,
    path: AttributePath,
    values: frozenset[str],
    cache: dict[tuple[Any, ...], str],
) -> str:
    """``voice.text(text, path, values)``, kept in ``cache``. Of ``values`` only those the text holds can
    change its rendering (a word of the text that is a value is left as written), so only they are part
    of the key: the message of one rule on one type is rendered once, whatever the resource."""
    key = (voice.format, voice.native_type, text, path, frozenset(value for value in values if value in text))
    found = cache.get(key)
    if found is None:
        found = cache[key] = voice.text(text, path, values)
    return found


def build_findings(graphs: Sequence[Graph], rules: RuleSet, evaluation: Evaluation) -> tuple[Finding, ...]:
    by_unit = {graph.name: graph for graph in graphs}
    findings: list[Finding] = []
    redactors: Redactors = {}
    long_values: LongValues = {}
    name_values: dict[tuple[str, str], frozenset[str]] = {}
    # Texts in a format's words, computed once: a rule's remediation is the same for every resource of
    # a type, and most messages repeat across resources too (see ``_spoken``).
    spoken: dict[tuple[Any, ...], str] = {}
    for violation in evaluation.violations:
        rule = rules.by_id[violation.rule_id]
        graph = by_unit[violation.unit]
        resource = graph.by_id[violation.resource_id]
        location = resource.location
        line = location.line_for(violation.path)
        voice = speaker(resource.format, resource.native_type)
        message = safe_message(graph, resource, violation.message, redactors, long_values)
        remediation = rule.remediation.text_for(resource.format)
        if voice.translates:
            values = _name_like_values(graph, resource, name_values)
            message = _spoken(voice, message, violation.path, values, spoken)
            remediation = _spoken(voice, remediation, (), frozenset(), spoken)
        file, related = location.file, resource.related
        origin = location.origin_for(violation.path)
        if origin is not None:
            # The resource does not write the value: say where it was decided, so nobody looks for it.
            message = f"{message}; the value comes from {origin.text}"
            if origin.decides and origin.file:
                # A module input decided it: the finding is the caller's argument; the module's line
                # stays beside it as a related location.
                label = f"{resource.id} in the module"
                related = (RelatedLocation(file, line, label), *related)
                file, line = origin.file, origin.line
            elif origin.file and origin.line:
                related = (*related, RelatedLocation(origin.file, origin.line, origin.text))
        findings.append(
            Finding(
                rule_id=rule.id,
                pack=rule.pack,
                title=rule.title,
                severity=rule.severity,
                status=violation.status,
                resource_id=resource.id,
                resource_type=resource.type,
                native_type=resource.native_type,
                format=resource.format,
                file=file,
                line=line,
                end_line=max(line, location.end_line)
                if line == location.start_line and file == location.file
                else line,
                path=violation.path,
                message=message,
                fingerprint=fingerprint(violation.unit, rule.id, resource.id, violation.path),
                unit=violation.unit,
                related=related,
                remediation=remediation,
            )
        )
    findings.sort(key=lambda f: (f.file, f.line, f.rule_id, f.resource_id, f.attribute))
    return tuple(findings)
