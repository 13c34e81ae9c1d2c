"""The library API: one ``scan()`` that runs discover -> parse -> graph -> evaluate -> findings -> gate.

It never prints and never exits; the CLI and tests call it and decide what to show.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from iacgate import __version__
from iacgate.discover import Candidate, discover, scan_root
from iacgate.errors import ParseError
from iacgate.evaluate import EVALUATORS, EngineOptions, Evaluation
from iacgate.findings import Finding, build_findings
from iacgate.gate import GateDecision, GatePolicy, decide
from iacgate.graph.model import Graph
from iacgate.notifications import Notification
from iacgate.packs import RuleSet, load_packs
from iacgate.parsers import PARSERS, SUFFIXES, ParseOptions
from iacgate.severity import Severity
from iacgate.textio import SourceFile, read_source

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ScanSettings:
    paths: tuple[Path, ...] = (Path("."),)
    packs: tuple[str, ...] = ()
    pack_dirs: tuple[Path, ...] = ()
    fail_on: Severity = Severity.HIGH
    engine: str = "embedded"
    exclude: tuple[str, ...] = ()
    settings: Mapping[str, Any] = field(default_factory=dict)
    root: Path | None = None
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    variables: Mapping[str, str] = field(default_factory=dict)
    var_files: tuple[Path, ...] = ()
    environment: Mapping[str, str] = field(default_factory=dict)
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    region: str | None = None

    def parse_options(self, root: Path) -> ParseOptions:
        return ParseOptions(
            scan_root=root,
            variables=self.variables,
            var_files=self.var_files,
            environment=self.environment,
            source_dirs=self.source_dirs,
            parameters=self.parameters,
            parameter_files=self.parameter_files,
            region=self.region,
        )


@dataclass(frozen=True)
class ScannedFile:
    path: str
    format: str
    resources: int


@dataclass(frozen=True)
class ScanResult:
    root: Path
    files: tuple[ScannedFile, ...]
    graphs: tuple[Graph, ...]
    rules: RuleSet
    evaluation: Evaluation
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    decision: GateDecision
    started: datetime
    duration_seconds: float
    tool_version: str = __version__

    @property
    def resource_count(self) -> int:
        return sum(len(graph.resources) for graph in self.graphs)


@dataclass(frozen=True)
class ParsedInputs:
    graphs: tuple[Graph, ...]
    files: tuple[ScannedFile, ...]
    notifications: tuple[Notification, ...]


def _excluded(relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def _claim(
    candidates: Sequence[Candidate], progress: Progress | None
) -> tuple[dict[str, list[SourceFile]], list[Notification]]:
    """Read every candidate and give it to the first parser that claims its content."""
    claimed: dict[str, list[SourceFile]] = {name: [] for name in PARSERS}
    notifications: list[Notification] = []
    for number, candidate in enumerate(candidates, start=1):
        if progress is not None:
            progress(number, len(candidates), candidate.relative)
        try:
            source = read_source(candidate.path, candidate.relative)
        except ParseError as error:
            notifications.append(Notification.from_parse_error(error))
            continue
        name = next((name for name, parser in PARSERS.items() if parser.claims(source)), None)
        if name is not None:
            claimed[name].append(source)
        elif candidate.explicit:
            notifications.append(
                Notification("error", "not a recognised IaC file (no parser claims it)", candidate.relative)
            )
    return claimed, notifications


def parse_inputs(
    candidates: Sequence[Candidate], options: ParseOptions, progress: Progress | None = None
) -> ParsedInputs:
    claimed, notifications = _claim(candidates, progress)
    graphs: list[Graph] = []
    files: list[ScannedFile] = []
    for name, sources in claimed.items():
        if not sources:
            continue
        units = PARSERS[name].parse(sources, options)
        failed = {n.file for unit in units for n in unit.notifications if n.level == "error"}
        counts: dict[str, int] = {}
        for unit in units:
            notifications.extend(unit.notifications)
            for resource in unit.resources:
                counts[resource.location.file] = counts.get(resource.location.file, 0) + 1
            if unit.resources:
                graphs.append(Graph(unit.resources, unit.edges, unit.unit))
        files.extend(
            ScannedFile(source.relative, name, counts.get(source.relative, 0))
            for source in sources
            if source.relative not in failed
        )
    if not files and not any(n.level == "error" for n in notifications):
        notifications.append(Notification("error", "nothing to scan: no IaC files found in the given paths"))
    return ParsedInputs(tuple(graphs), tuple(files), tuple(notifications))


def applicable_rules(rules: RuleSet, settings: Mapping[str, Any]) -> tuple[RuleSet, tuple[Notification, ...]]:
    """Leave out packs whose required settings are absent: one note per pack says it was not evaluated."""
    notes: list[Notification] = []
    kept = []
    for pack in rules.packs:
        missing = [key for key in pack.requires_settings if key not in settings]
        if missing:
            sections = " and ".join(missing) + (" section" if len(missing) == 1 else " sections")
            notes.append(Notification("note", f"pack {pack.id} not evaluated: no {sections} in iacgate.yaml"))
        else:
            kept.append(pack)
    if not notes:
        return rules, ()
    return RuleSet(packs=tuple(kept), policy_files=rules.policy_files), tuple(notes)


def scan(
    settings: ScanSettings, rules: RuleSet | None = None, progress: Progress | None = None
) -> ScanResult:
    started = datetime.now(UTC)
    clock = time.perf_counter()
    root = (settings.root or scan_root(settings.paths, Path.cwd())).resolve()
    rules = rules if rules is not None else load_packs(settings.packs, settings.pack_dirs)
    rules, notes = applicable_rules(rules, settings.settings)
    evaluator = EVALUATORS[settings.engine](rules, settings.engine_options)
    candidates = [
        candidate
        for candidate in discover(settings.paths, root, SUFFIXES)
        if candidate.explicit or not _excluded(candidate.relative, settings.exclude)
    ]
    parsed = parse_inputs(candidates, settings.parse_options(root), progress)
    with evaluator:
        evaluation = Evaluation.combine(
            [evaluator.evaluate(graph, rules, settings.settings) for graph in parsed.graphs], evaluator.name
        )
    findings = build_findings(parsed.graphs, rules, evaluation)
    decision = decide(findings, parsed.notifications, GatePolicy(fail_on=settings.fail_on))
    return ScanResult(
        root=root,
        files=parsed.files,
        graphs=parsed.graphs,
        rules=rules,
        evaluation=evaluation,
        findings=findings,
        notifications=(*parsed.notifications, *notes),
        decision=decision,
        started=started,
        duration_seconds=time.perf_counter() - clock,
    )
