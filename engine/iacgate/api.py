"""The library API: one ``scan()`` that runs discover -> parse -> graph -> evaluate -> findings -> gate.

It never prints and never exits; the CLI and tests call it and decide what to show.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from iacgate import __version__
from iacgate.approvals import Approval, Approved, apply_approvals, load_approvals
from iacgate.baseline import BaselineResult, compare, load_baseline
from iacgate.config import DEFAULT_MAX_WAIVER_DAYS
from iacgate.discover import Candidate, discover, scan_root, shown_path
from iacgate.enforcement import assign_enforcement, unknown_names
from iacgate.errors import ParseError, UsageError
from iacgate.evaluate import EVALUATORS, EngineOptions, Evaluation
from iacgate.findings import Finding, build_findings
from iacgate.gate import GateDecision, GatePolicy, decide
from iacgate.graph.model import Graph, counted
from iacgate.graph.names import name_edges
from iacgate.notifications import Notification
from iacgate.packs import RuleSet, load_packs
from iacgate.packs.select import select_rules
from iacgate.parsers import PARSERS, SUFFIXES, ParseOptions
from iacgate.parsers.base import BackendSetting, UnresolvedModule, confinement_roots
from iacgate.parsers.node_types import CLOUDFORMATION_PARAMETER as PARAMETER_TYPE
from iacgate.parsers.node_types import PLAN_VALUE as PLAN_VALUE_TYPE
from iacgate.parsers.node_types import PULUMI_SECRETS_PROVIDER as SECRETS_PROVIDER_TYPE
from iacgate.parsers.node_types import TERRAFORM_CONFIG_NODES as CONFIG_NODE_TYPES
from iacgate.provenance import Provenance
from iacgate.secrets import NODE_TYPE as SECRET_NODE
from iacgate.secrets import secret_graphs
from iacgate.severity import Severity
from iacgate.textio import SourceFile, read_source
from iacgate.trust import TrustedRef
from iacgate.waivers import Waiver, apply_waivers, load_waivers

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
    # terraform init -backend-config arguments, in order (--backend-config, terraform.backend_config).
    backend_config: tuple[BackendSetting, ...] = ()
    environment: Mapping[str, str] = field(default_factory=dict)
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    region: str | None = None
    # Exceptions and enforcement (waivers.py, enforcement.py, baseline.py). ``today`` decides whether a
    # waiver has expired; None means the scan's start date (UTC). The CLI always passes it. Only the
    # waivers file named here applies (gate_inputs.py decides which file is trusted); ``waivers_shown``
    # is its name in reports. ``max_waiver_days`` None means DEFAULT_MAX_WAIVER_DAYS.
    waivers_file: Path | None = None
    waivers_shown: str | None = None
    # Approvals of changes the packs judging changes flag (approvals.py), trusted as waivers are.
    approvals_file: Path | None = None
    approvals_shown: str | None = None
    today: date | None = None
    max_waiver_days: int | None = None
    inline_waivers: bool = True
    enforcement: Mapping[str, str] = field(default_factory=dict)
    baseline: Path | None = None
    fail_on_new_only: bool = False
    override_soft: bool = False
    fail_on_undetermined: bool = False
    allow_empty: bool = False
    # --rule / --skip-rule: rule ids or globs; what is left out is reported (packs/select.py).
    only_rules: tuple[str, ...] = ()
    skip_rules: tuple[str, ...] = ()
    # Trusted directories that scanned content may make a parser read besides the scanned paths
    # (--read-root): Terraform's file() family and local module sources. Never inside .git.
    read_roots: tuple[Path, ...] = ()
    provenance: Provenance | None = None
    # The trusted ref (--trusted-ref): inline suppressions that the change adds are not honoured.
    reference: TrustedRef | None = None
    # Notes on the scan's own inputs (configuration ignored, gate-relevant files edited by the change).
    notes: tuple[Notification, ...] = ()

    def parse_options(self, root: Path) -> ParseOptions:
        return ParseOptions(
            scan_root=root,
            variables=self.variables,
            var_files=self.var_files,
            backend_config=self.backend_config,
            environment=self.environment,
            source_dirs=self.source_dirs,
            parameters=self.parameters,
            parameter_files=self.parameter_files,
            region=self.region,
            # --source directories are named on the command line (or by a trusted config): readable too.
            confine_to=confinement_roots(self.paths, (*self.read_roots, *self.source_dirs)),
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
    expiring_waivers: tuple[Waiver, ...] = ()
    stale_waivers: tuple[Waiver, ...] = ()
    waivers_file: str | None = None
    absent: tuple[BaselineResult, ...] = ()
    baseline: str | None = None
    override_soft: bool = False
    provenance: Provenance | None = None
    fail_on_new_only: bool = False
    inline_waivers: bool = True
    fail_on_undetermined: bool = False
    skipped_rules: tuple[str, ...] = ()
    # Module calls whose resources were never judged (not installed, outside the readable paths).
    unresolved_modules: tuple[UnresolvedModule, ...] = ()
    # Approved changes (the evidence: who approved which finding) and approvals that matched nothing.
    approved: tuple[Approved, ...] = ()
    stale_approvals: tuple[Approval, ...] = ()
    approvals_file: str | None = None
    # Inputs holding only part of the change (a plan made with -target, errored checks).
    partial: tuple[PartialInput, ...] = ()
    # --trusted-ref: the ref and the commit it named when the configuration, waivers, approvals, baseline
    # and custom packs were read from it.
    trusted_ref: TrustedRef | None = None

    @property
    def resource_count(self) -> int:
        return sum(1 for graph in self.graphs for resource in graph.resources if counted(resource))

    @cached_property
    def unjudged_by_type(self) -> dict[str, int]:
        """Resources no rule applied to, by their type in the scanned format (``azapi_resource``,
        ``AWS::EC2::VPC``), most first: what the gate did not judge, for an auditor to see. A resource
        that only configures a judged one (an ``aws_s3_bucket_logging`` of a checked bucket, joined to it
        by a reference) was judged through it."""
        judged = {(check.unit, check.resource_id) for check in self.evaluation.checks}
        counts: dict[str, int] = {}
        for graph in self.graphs:
            for resource in graph.resources:
                # Data sources read what exists, and a destroyed resource will not exist: neither creates
                # anything for the gate to judge.
                if resource.mode in ("data", "deleted") or not counted(resource):
                    continue
                if (graph.name, resource.id) in judged or any(
                    (graph.name, other.id) in judged for other, _, _ in graph.neighbours(resource.id)
                ):
                    continue
                counts[resource.native_type] = counts.get(resource.native_type, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


@dataclass(frozen=True)
class PartialInput:
    """An input that describes only part of the change (a plan made with -target), and why."""

    file: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ParsedInputs:
    graphs: tuple[Graph, ...]
    files: tuple[ScannedFile, ...]
    notifications: tuple[Notification, ...]
    unresolved: tuple[UnresolvedModule, ...] = ()
    partial: tuple[PartialInput, ...] = ()


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
        if candidate.problem:
            notifications.append(Notification("error", candidate.problem, candidate.relative))
            continue
        try:
            source = read_source(candidate.path, candidate.relative, stream=candidate.explicit)
        except ParseError as error:
            notifications.append(Notification.from_parse_error(error))
            continue
        name = next((name for name, parser in PARSERS.items() if parser.claims(source)), None)
        if name is not None:
            claimed[name].append(source)
        elif candidate.explicit:
            problem = "file is empty" if not source.text.strip() else "not a recognised IaC file"
            notifications.append(Notification("error", problem, candidate.relative))
    return claimed, notifications


def parse_inputs(
    candidates: Sequence[Candidate],
    options: ParseOptions,
    progress: Progress | None = None,
    allow_empty: bool = False,
    content_secrets: bool = False,
) -> ParsedInputs:
    claimed, notifications = _claim(candidates, progress)
    graphs: list[Graph] = []
    files: list[ScannedFile] = []
    unresolved: list[UnresolvedModule] = []
    partial: list[PartialInput] = []
    # Each plan's configuration literals, as its parser decoded them: the secrets search reads them.
    plan_literals: dict[str, tuple[tuple[str | None, str], ...]] = {}
    for name, sources in claimed.items():
        if not sources:
            continue
        units = PARSERS[name].parse(sources, options)
        failed = {n.file for unit in units for n in unit.notifications if n.level == "error"}
        counts: dict[str, int] = {}
        for unit in units:
            if unit.literals is not None:
                plan_literals[unit.unit] = unit.literals
            notifications.extend(unit.notifications)
            unresolved.extend(unit.unresolved)
            if unit.partial:
                partial.append(PartialInput(unit.unit, unit.partial))
                reasons = "; ".join(unit.partial)
                notifications.append(
                    Notification(
                        "warning", f"partial input: {reasons}; the gate judged only what it holds", unit.unit
                    )
                )
            for resource in unit.resources:
                if counted(resource):
                    counts[resource.location.file] = counts.get(resource.location.file, 0) + 1
            if unit.resources:
                # Resources named by literal name or ARN are joined here, once for every format.
                joined = unit.edges + name_edges(unit.resources, unit.edges)
                graphs.append(Graph(unit.resources, joined, unit.unit))
        files.extend(
            ScannedFile(source.relative, name, counts.get(source.relative, 0))
            for source in sources
            if source.relative not in failed
        )
    if content_secrets:
        # Secrets written in the texts themselves, searched where the parsers read them (#17). A unit is
        # one graph: a template's or stack's secrets join the graph of the same name (a CloudFormation
        # unit is its file), or the unit's findings would be looked up among the secret nodes alone.
        found, search_notes = secret_graphs(claimed, plan_literals)
        graphs = _merged_by_name([*graphs, *found])
        notifications.extend(search_notes)
    if not files and not any(n.level == "error" for n in notifications):
        # Failing closed by default: a typo in a path must not pass. Pipelines scanning optional
        # paths say --allow-empty, and the scan then passes with a warning.
        if allow_empty:
            message = "nothing to scan: no IaC files found in the given paths (--allow-empty)"
            notifications.append(Notification("warning", message))
        else:
            message = "nothing to scan: no IaC files found in the given paths (--allow-empty to pass)"
            notifications.append(Notification("error", message))
    return ParsedInputs(tuple(graphs), tuple(files), tuple(notifications), tuple(unresolved), tuple(partial))


def applicable_rules(
    rules: RuleSet, settings: Mapping[str, Any], selected: Sequence[str] = ()
) -> tuple[RuleSet, tuple[Notification, ...]]:
    """Leave out packs whose required settings are absent: one note per pack says it was not evaluated.
    A pack asked for by name (``selected``) that cannot run is a usage error, never a silent pass."""
    notes: list[Notification] = []
    kept = []
    for pack in rules.packs:
        missing = [key for key in pack.requires_settings if key not in settings]
        if missing:
            sections = " and ".join(missing) + (" section" if len(missing) == 1 else " sections")
            if pack.id in selected:
                raise UsageError(
                    f"pack {pack.id} cannot run: it needs a {sections} in iacgate.yaml (see the README)"
                )
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
    selection = select_rules(rules, settings.only_rules, settings.skip_rules)
    rules, notes = applicable_rules(selection.rules, settings.settings, settings.packs)
    notes = (*settings.notes, *notes)
    evaluator = EVALUATORS[settings.engine](rules, settings.engine_options)
    candidates = [
        candidate
        for candidate in discover(settings.paths, root, SUFFIXES)
        if candidate.explicit or not _excluded(candidate.relative, settings.exclude)
    ]
    # Terraform state backends, variables and outputs become nodes only when a rule judges them; so do
    # secrets written in the texts (a plan's parser then hands its configuration's literals on).
    options = settings.parse_options(root).with_config_nodes(
        frozenset(
            name
            for rule in rules.rules
            for name in rule.resource_types
            if name in CONFIG_NODE_TYPES
            or name in (PARAMETER_TYPE, SECRETS_PROVIDER_TYPE, PLAN_VALUE_TYPE, SECRET_NODE)
        )
    )
    secrets_judged = SECRET_NODE in options.config_nodes
    parsed = parse_inputs(candidates, options, progress, settings.allow_empty, content_secrets=secrets_judged)
    with evaluator:
        evaluation = Evaluation.combine(
            evaluator.evaluate_all(parsed.graphs, rules, settings.settings), evaluator.name
        )
    findings = build_findings(parsed.graphs, rules, evaluation)
    exceptions = apply_exceptions(settings, root, parsed.graphs, findings, started.date(), rules)
    notes = (*notes, *_enforcement_notes(settings.enforcement, rules), *_change_notes(rules, parsed.graphs))
    findings = exceptions.findings
    policy = GatePolicy(
        settings.fail_on, settings.override_soft, settings.fail_on_new_only, settings.fail_on_undetermined
    )
    decision = decide(
        findings, (*parsed.notifications, *exceptions.notifications), policy, len(parsed.unresolved)
    )
    return ScanResult(
        root=root,
        files=parsed.files,
        graphs=parsed.graphs,
        rules=rules,
        evaluation=evaluation,
        findings=findings,
        notifications=(*parsed.notifications, *exceptions.notifications, *notes),
        decision=decision,
        started=started,
        duration_seconds=time.perf_counter() - clock,
        expiring_waivers=exceptions.expiring,
        stale_waivers=exceptions.stale,
        waivers_file=exceptions.waivers_file,
        absent=exceptions.absent,
        baseline=str(settings.baseline) if settings.baseline is not None else None,
        override_soft=settings.override_soft,
        provenance=settings.provenance,
        fail_on_new_only=settings.fail_on_new_only,
        inline_waivers=settings.inline_waivers,
        fail_on_undetermined=settings.fail_on_undetermined,
        skipped_rules=selection.skipped,
        unresolved_modules=parsed.unresolved,
        approved=exceptions.approved,
        stale_approvals=exceptions.stale_approvals,
        approvals_file=exceptions.approvals_file,
        partial=parsed.partial,
        trusted_ref=settings.reference,
    )


@dataclass(frozen=True)
class Exceptions:
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    expiring: tuple[Waiver, ...]
    absent: tuple[BaselineResult, ...]
    stale: tuple[Waiver, ...] = ()
    waivers_file: str | None = None
    approved: tuple[Approved, ...] = ()
    stale_approvals: tuple[Approval, ...] = ()
    approvals_file: str | None = None


def _merged_by_name(graphs: Sequence[Graph]) -> list[Graph]:
    merged: dict[str, Graph] = {}
    for graph in graphs:
        known = merged.get(graph.name)
        merged[graph.name] = (
            graph
            if known is None
            else Graph((*known.resources, *graph.resources), (*known.edges, *graph.edges), graph.name)
        )
    return list(merged.values())


def apply_exceptions(
    settings: ScanSettings,
    root: Path,
    graphs: Sequence[Graph],
    findings: Sequence[Finding],
    started: date,
    rules: RuleSet | None = None,
) -> Exceptions:
    """The step between findings and the gate: waivers, inline suppressions, approvals, enforcement,
    baseline.
    Findings keep every field they had; this only adds suppression, enforcement and baseline state."""
    today = settings.today or started
    path = settings.waivers_file
    shown = (settings.waivers_shown or shown_path(path, root)) if path is not None else None
    max_days = settings.max_waiver_days if settings.max_waiver_days is not None else DEFAULT_MAX_WAIVER_DAYS
    waivers = load_waivers(path, today, max_days, shown) if path is not None else ()
    outcome = apply_waivers(
        findings, graphs, root, waivers, today, settings.inline_waivers, settings.reference
    )
    approvals_path = settings.approvals_file
    approvals_shown = (
        (settings.approvals_shown or shown_path(approvals_path, root)) if approvals_path is not None else None
    )
    approvals = (
        load_approvals(approvals_path, today, max_days, approvals_shown) if approvals_path is not None else ()
    )
    approved = apply_approvals(
        outcome.findings, graphs, rules or RuleSet(()), approvals, today, settings.settings
    )
    marked = assign_enforcement(approved.findings, settings.enforcement)
    absent: tuple[BaselineResult, ...] = ()
    if settings.baseline is not None:
        marked, absent = compare(marked, load_baseline(settings.baseline))
    return Exceptions(
        marked,
        (*outcome.notifications, *approved.notifications),
        outcome.expiring,
        absent,
        outcome.stale,
        shown,
        approved.approved,
        approved.stale,
        approvals_shown,
    )


def _change_notes(rules: RuleSet, graphs: Sequence[Graph]) -> tuple[Notification, ...]:
    """Packs that judge changes have nothing to judge without a before-state: said once per pack."""
    if any(resource.change is not None for graph in graphs for resource in graph.resources):
        return ()
    return tuple(
        Notification(
            "note",
            f"pack {pack.id} not applicable: no scanned input has a before-state (a Terraform plan, a "
            "Pulumi preview or a CloudFormation change set)",
        )
        for pack in rules.packs
        if pack.judges == "changes"
    )


def _enforcement_notes(levels: Mapping[str, str], rules: RuleSet) -> tuple[Notification, ...]:
    return tuple(
        Notification("warning", f"enforcement: {name} names no pack or rule of this scan; ignored")
        for name in unknown_names(levels, rules)
    )
