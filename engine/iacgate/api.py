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
from iacgate.graph.model import Edge, Graph, Resource
from iacgate.notifications import Notification
from iacgate.packs import RuleSet, load_packs
from iacgate.parsers import PARSERS, SUFFIXES, ParseOptions
from iacgate.severity import Severity
from iacgate.textio import read_source

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
    graph: Graph
    rules: RuleSet
    evaluation: Evaluation
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    decision: GateDecision
    started: datetime
    duration_seconds: float
    tool_version: str = __version__


@dataclass(frozen=True)
class ParsedInputs:
    graph: Graph
    files: tuple[ScannedFile, ...]
    notifications: tuple[Notification, ...]


def _excluded(relative: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(relative, pattern) for pattern in patterns)


def parse_inputs(
    candidates: Sequence[Candidate], options: ParseOptions, progress: Progress | None = None
) -> ParsedInputs:
    resources: list[Resource] = []
    edges: list[Edge] = []
    notifications: list[Notification] = []
    files: list[ScannedFile] = []
    for number, candidate in enumerate(candidates, start=1):
        if progress is not None:
            progress(number, len(candidates), candidate.relative)
        try:
            source = read_source(candidate.path, candidate.relative)
            parser = next((p for p in PARSERS.values() if p.claims(source)), None)
            if parser is None:
                if candidate.explicit:
                    notifications.append(
                        Notification("error", "not a recognised IaC file (no parser claims it)", candidate.relative)
                    )
                continue
            parsed = parser.parse(source, options)
        except ParseError as error:
            notifications.append(Notification.from_parse_error(error))
            continue
        resources.extend(parsed.resources)
        edges.extend(parsed.edges)
        notifications.extend(parsed.notifications)
        files.append(ScannedFile(candidate.relative, parser.format, len(parsed.resources)))
    seen: set[str] = set()
    unique: list[Resource] = []
    for resource in resources:
        if resource.id in seen:
            # Two files describing the same address (two plans of one root) would make edges ambiguous.
            notifications.append(
                Notification("warning", f"resource {resource.id} appears twice; the first is kept",
                             resource.location.file, resource.location.start_line)
            )
            continue
        seen.add(resource.id)
        unique.append(resource)
    if not files and not any(n.level == "error" for n in notifications):
        notifications.append(Notification("error", "nothing to scan: no IaC files found in the given paths"))
    return ParsedInputs(Graph(tuple(unique), tuple(edges)), tuple(files), tuple(notifications))


def scan(settings: ScanSettings, rules: RuleSet | None = None, progress: Progress | None = None) -> ScanResult:
    started = datetime.now(UTC)
    clock = time.perf_counter()
    root = (settings.root or scan_root(settings.paths, Path.cwd())).resolve()
    rules = rules if rules is not None else load_packs(settings.packs, settings.pack_dirs)
    evaluator = EVALUATORS[settings.engine](rules, settings.engine_options)
    candidates = [
        candidate
        for candidate in discover(settings.paths, root, SUFFIXES)
        if candidate.explicit or not _excluded(candidate.relative, settings.exclude)
    ]
    parsed = parse_inputs(candidates, settings.parse_options(root), progress)
    evaluation = evaluator.evaluate(parsed.graph, rules, settings.settings)
    findings = build_findings(parsed.graph, rules, evaluation)
    decision = decide(findings, parsed.notifications, GatePolicy(fail_on=settings.fail_on))
    return ScanResult(
        root=root,
        files=parsed.files,
        graph=parsed.graph,
        rules=rules,
        evaluation=evaluation,
        findings=findings,
        notifications=parsed.notifications,
        decision=decision,
        started=started,
        duration_seconds=time.perf_counter() - clock,
    )
