"""SARIF 2.1.0 evidence: every rule evaluated, every finding, every problem, and the gate decision.

Built as plain dicts by ``sarif_node``, whose builders follow sarif-om's classes. Failing findings are
``kind`` "fail" with the severity's level; undetermined ones are ``kind`` "review" with level "none", as
the SARIF specification requires for any kind other than "fail" (3.27.9/3.27.10).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from iacgate.api import ScanResult
from iacgate.baseline import BaselineResult
from iacgate.findings import FINGERPRINT_KEY, Finding, Suppression
from iacgate.notifications import Notification
from iacgate.report import sarif_node as sarif
from iacgate.report.approvals_data import approvals_data, partial_data
from iacgate.report.json_layout import layout_json
from iacgate.report.sarif_node import Node
from iacgate.report.sarif_rules import (
    rule_descriptor,
    supported_taxonomies,
    taxonomies_for,
    taxonomy_components,
)
from iacgate.report.summary import (
    TOOL_NAME,
    Summary,
    baseline_counts,
    default_category,
    finished,
    root_uri,
    summarize,
    unresolved_record,
    utc_text,
)
from iacgate.trust import TrustedRef
from iacgate.waivers import Waiver

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
# Files read from the trusted ref (--trusted-ref): paths in the repository at the ref's commit.
TRUSTEDREF = "TRUSTEDREF"


# Every result names its file; parsing it as two kinds of path each time was a fifth of the SARIF writing.
@functools.lru_cache(maxsize=1024)
def _is_absolute(file: str) -> bool:
    return PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute()


def artifact_location(file: str, indexes: Mapping[str, int]) -> Node:
    """Files inside the scan root are relative to ``%SRCROOT%``; anything else keeps its absolute URI."""
    if _is_absolute(file):
        return sarif.ArtifactLocation(uri=Path(file).as_uri(), index=indexes.get(file, -1))
    return sarif.ArtifactLocation(uri=quote(file, safe="/"), uri_base_id=SRCROOT, index=indexes.get(file, -1))


def _region(line: int, end_line: int = 0, column: int = 0) -> Node | None:
    if line < 1:
        return None
    return sarif.Region(
        start_line=line,
        end_line=end_line if end_line > line else None,
        start_column=column if column > 0 else None,
    )


def _artifacts(result: ScanResult) -> tuple[list[Node], dict[str, int]]:
    """Scanned files first, then files that could not be read or parsed, so auditors see both."""
    artifacts: list[Node] = []
    indexes: dict[str, int] = {}
    for scanned in result.files:
        indexes[scanned.path] = len(artifacts)
        artifacts.append(
            sarif.Artifact(
                location=artifact_location(scanned.path, {}),
                roles=["analysisTarget"],
                properties={"format": scanned.format, "resources": scanned.resources, "parsed": True},
            )
        )
    for note in result.notifications:
        if note.level == "error" and note.file and note.file not in indexes:
            indexes[note.file] = len(artifacts)
            artifacts.append(
                sarif.Artifact(
                    location=artifact_location(note.file, {}),
                    roles=["analysisTarget"],
                    properties={"parsed": False},
                )
            )
    # Files a result points at without being scanned: a plan's .tf source, a Pulumi program.
    for finding in result.findings:
        for file in (finding.file, *(related.file for related in finding.related)):
            if file not in indexes:
                indexes[file] = len(artifacts)
                artifacts.append(sarif.Artifact(location=artifact_location(file, {}), roles=["resultFile"]))
    return artifacts, indexes


def _logical_name(resource_id: str) -> str:
    """The resource's own name inside its parent: the part after a Pulumi URN's last ``::`` or after a
    Terraform module path; the fully qualified name keeps the whole id."""
    if resource_id.startswith("urn:") and "::" in resource_id:
        return resource_id.rsplit("::", 1)[1]
    parts = resource_id.split(".")
    while len(parts) > 2 and parts[0] == "module":
        parts = parts[2:]
    return ".".join(parts)


def message_text(finding: Finding) -> str:
    """The message names the resource even when the rule's own text does not."""
    if finding.resource_id in finding.message:
        return finding.message
    return f"{finding.resource_id}: {finding.message}"


def suppression_record(
    suppression: Suppression, indexes: Mapping[str, int], reference: TrustedRef | None = None
) -> dict[str, Any]:
    """SARIF 2.1.0 ``suppression`` (written as a plain dict: sarif-om names the status field ``state``,
    from a draft). Its location is the waiver's entry in the waivers file or the comment in the source;
    a waivers or approvals file read from the trusted ref is located in the repository at the ref's
    commit (``TRUSTEDREF``, with its ``versionControlProvenance`` entry), not in the work tree."""
    details = {
        "reason": suppression.reason,
        "approver": suppression.approver,
        "ticket": suppression.ticket,
        "expires": suppression.expires,
        "source": suppression.source,
        "line": suppression.line,
        "approved": suppression.approved,
    }
    from_ref = reference.path_of(suppression.source) if reference is not None else None
    where = (
        sarif.ArtifactLocation(uri=quote(from_ref, safe="/"), uri_base_id=TRUSTEDREF)
        if from_ref is not None
        else artifact_location(suppression.source, indexes)
    )
    location = sarif.Location(
        physical_location=sarif.PhysicalLocation(artifact_location=where, region=_region(suppression.line))
    )
    return {
        "kind": suppression.kind,
        "status": "accepted",
        "justification": suppression.justification,
        "location": location,
        "properties": {key: value for key, value in details.items() if value not in ("", 0)},
    }


def _result(
    finding: Finding,
    rule_index: int,
    indexes: Mapping[str, int],
    blocking: frozenset[Finding],
    reference: TrustedRef | None = None,
) -> Node:
    failing = finding.status == "fail"
    properties: dict[str, Any] = {
        "resourceType": finding.resource_type,
        "nativeType": finding.native_type,
        "format": finding.format,
        "attributePath": finding.attribute,
        "nativeAttributePath": finding.native_attribute,
        "remediation": finding.remediation,
        "severity": finding.severity.value,
        "status": finding.status,
        "pack": finding.pack,
        "blocking": finding in blocking,
        "enforcement": finding.enforcement,
    }
    if finding.unit:
        properties["unit"] = finding.unit
    if finding.waiver_expired:
        properties["waiverExpired"] = finding.waiver_expired
    return sarif.Result(
        message=sarif.Message(text=message_text(finding)),
        rule_id=finding.rule_id,
        rule_index=rule_index,
        kind="fail" if failing else "review",
        level=finding.severity.sarif_level if failing else "none",
        locations=[
            sarif.Location(
                physical_location=sarif.PhysicalLocation(
                    artifact_location=artifact_location(finding.file, indexes),
                    region=_region(finding.line, finding.end_line),
                ),
                logical_locations=[
                    sarif.LogicalLocation(
                        fully_qualified_name=finding.resource_id,
                        name=_logical_name(finding.resource_id),
                        kind="resource",
                    )
                ],
            )
        ],
        related_locations=[
            sarif.Location(
                id=number,
                physical_location=sarif.PhysicalLocation(
                    artifact_location=artifact_location(related.file, indexes), region=_region(related.line)
                ),
                message=sarif.Message(text=related.label),
            )
            for number, related in enumerate(finding.related)
        ]
        or None,
        partial_fingerprints={FINGERPRINT_KEY: finding.fingerprint},
        suppressions=[suppression_record(finding.suppression, indexes, reference)]
        if finding.suppression
        else None,
        baseline_state=finding.baseline_state,
        properties=properties,
    )


def _absent_result(before: BaselineResult, rule_indexes: Mapping[str, int]) -> Node:
    """A baseline result not found by this scan, as the baseline had it, with ``baselineState`` absent."""
    location = sarif.Location(
        physical_location=sarif.PhysicalLocation(
            artifact_location=sarif.ArtifactLocation(uri=before.uri, uri_base_id=before.uri_base_id),
            region=_region(before.start_line, before.end_line),
        )
        if before.uri
        else None,
        logical_locations=[
            sarif.LogicalLocation(
                fully_qualified_name=before.resource_id,
                name=_logical_name(before.resource_id),
                kind="resource",
            )
        ]
        if before.resource_id
        else None,
    )
    return sarif.Result(
        message=sarif.Message(text=before.message),
        rule_id=before.rule_id,
        rule_index=rule_indexes.get(before.rule_id, -1),
        kind=before.kind,
        level=before.level,
        locations=[location] if before.uri or before.resource_id else None,
        partial_fingerprints={FINGERPRINT_KEY: before.fingerprint},
        baseline_state="absent",
        properties={"blocking": False},
    )


def _notification(note: Notification, indexes: Mapping[str, int]) -> Node:
    locations = None
    if note.file:
        locations = [
            sarif.Location(
                physical_location=sarif.PhysicalLocation(
                    artifact_location=artifact_location(note.file, indexes),
                    region=_region(note.line, column=note.column),
                )
            )
        ]
    return sarif.Notification(message=sarif.Message(text=note.message), level=note.level, locations=locations)


def _invocation(result: ScanResult, indexes: Mapping[str, int]) -> Node:
    # Errors sort first so a reader stops at the first thing that made the gate fail closed.
    notes = sorted(result.notifications, key=lambda note: note.level != "error")
    return sarif.Invocation(
        execution_successful=not any(note.level == "error" for note in result.notifications),
        start_time_utc=utc_text(result.started),
        end_time_utc=utc_text(finished(result)),
        exit_code=result.decision.exit_code,
        tool_execution_notifications=[_notification(note, indexes) for note in notes],
        properties={
            "gate": _gate(result),
            **({"skippedRules": list(result.skipped_rules)} if result.skipped_rules else {}),
        },
    )


def _run_properties(result: ScanResult, summary: Summary) -> dict[str, Any]:
    return {
        "engine": result.evaluation.engine,
        # Answers of the embedded engine reused from earlier scans of the same input (answer_cache.py).
        "reusedAnswers": result.evaluation.reused_answers,
        "packs": [{"id": pack.id, "version": pack.version} for pack in result.rules.packs],
        "resources": summary.resources,
        "rules": summary.rules,
        "checks": {**summary.checks, "total": summary.check_total, "blocking": summary.blocking_checks},
        "unjudged": {
            "total": summary.unjudged_total,
            "byType": dict(summary.unjudged),
            "unresolvedModules": [unresolved_record(item) for item in summary.unresolved],
        },
        "findings": {
            **summary.by_status,
            "total": summary.findings,
            "blocking": summary.blocking,
            "waived": summary.waived,
            "approved": summary.approved,
        },
        "durationSeconds": round(result.duration_seconds, 3),
        "waivers": _waivers(result),
        "approvals": approvals_data(result),
        "partial": partial_data(result),
        **({"baseline": _baseline(result)} if result.baseline is not None else {}),
        **({"trustedRef": _trusted_ref(result.trusted_ref)} if result.trusted_ref is not None else {}),
    }


def _trusted_ref(reference: TrustedRef) -> dict[str, str]:
    return {"name": reference.name, "commit": reference.commit}


def _gate(result: ScanResult) -> dict[str, Any]:
    decision = result.decision
    return {
        "passed": decision.passed,
        "exitCode": decision.exit_code,
        "reasons": list(decision.reasons),
        "blocking": len(decision.blocking),
        "failOn": decision.fail_on.value,
        "overrideSoft": result.override_soft,
        "failOnNewOnly": result.fail_on_new_only,
        "failOnUndetermined": result.fail_on_undetermined,
        "enforcement": {
            level: sum(1 for finding in result.findings if finding.enforcement == level)
            for level in ("advisory", "soft-mandatory", "hard-mandatory")
        },
    }


def _waiver_entry(waiver: Waiver) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "rule": waiver.rule,
        "resource": waiver.resource,
        "reason": waiver.reason,
        "approver": waiver.approved_by,
        "expires": waiver.expires.isoformat(),
        "source": waiver.source,
        "line": waiver.line,
    }
    if waiver.ticket:
        entry["ticket"] = waiver.ticket
    if waiver.file:
        entry["file"] = waiver.file
    return entry


def _waivers(result: ScanResult) -> dict[str, Any]:
    suppressed = [finding.suppression for finding in result.findings if finding.suppression is not None]
    return {
        "file": result.waivers_file,
        "inlineAllowed": result.inline_waivers,
        "waived": sum(1 for item in suppressed if item.kind == "external"),
        "waivedInSource": sum(1 for item in suppressed if item.kind == "inSource"),
        "expired": sum(1 for finding in result.findings if finding.waiver_expired),
        "expiringSoon": [_waiver_entry(waiver) for waiver in result.expiring_waivers],
        "stale": [_waiver_entry(waiver) for waiver in result.stale_waivers],
    }


def _baseline(result: ScanResult) -> dict[str, Any]:
    return {"file": result.baseline, **baseline_counts(result)}


def _provenance(result: ScanResult) -> list[Node] | None:
    found = result.provenance
    details: list[Node] = []
    if found is not None and found.repository_uri:
        details.append(
            sarif.VersionControlDetails(
                repository_uri=found.repository_uri,
                revision_id=found.revision_id,
                branch=found.branch,
            )
        )
    reference = result.trusted_ref
    if reference is not None:
        # The commit the trusted ref named: the configuration, waivers, approvals, baseline and custom
        # packs were read from it (git objects, not the work tree), located under TRUSTEDREF.
        repository = found.repository_uri if found is not None and found.repository_uri else None
        details.append(
            sarif.VersionControlDetails(
                repository_uri=repository or root_uri(reference.toplevel),
                revision_id=reference.commit,
                branch=reference.name,
                mapped_to=sarif.ArtifactLocation(uri_base_id=TRUSTEDREF),
                properties={"trustedRef": True},
            )
        )
    return details or None


def _uri_bases(result: ScanResult) -> dict[str, Node]:
    bases: dict[str, Node] = {SRCROOT: sarif.ArtifactLocation(uri=root_uri(result.root))}
    reference = result.trusted_ref
    if reference is not None:
        bases[TRUSTEDREF] = sarif.ArtifactLocation(
            uri=root_uri(reference.toplevel),
            description=sarif.Message(
                text=f"the repository at {reference.name} ({reference.commit}): files read from the trusted "
                "ref, not from the work tree"
            ),
        )
    return bases


def build_run(result: ScanResult, category: str | None = None) -> Node:
    rules = result.rules.rules
    rule_indexes = {rule.id: index for index, rule in enumerate(rules)}
    taxonomies = taxonomies_for(rules)
    artifacts, indexes = _artifacts(result)
    blocking = frozenset(result.decision.blocking)
    counts: dict[str, dict[str, int]] = {}
    for check in result.evaluation.checks:
        outcomes = counts.setdefault(check.rule_id, {})
        outcomes[check.outcome] = outcomes.get(check.outcome, 0) + 1
    driver = sarif.ToolComponent(
        name=TOOL_NAME,
        version=result.tool_version,
        semantic_version=result.tool_version,
        rules=[rule_descriptor(rule, taxonomies, counts.get(rule.id, {})) for rule in rules],
        supported_taxonomies=supported_taxonomies(taxonomies) or None,
    )
    label = (category or default_category(result)).rstrip("/")
    return sarif.Run(
        tool=sarif.Tool(driver=driver),
        automation_details=sarif.RunAutomationDetails(id=f"{label}/"),
        original_uri_base_ids=_uri_bases(result),
        artifacts=artifacts,
        invocations=[_invocation(result, indexes)],
        results=[
            *(
                _result(finding, rule_indexes[finding.rule_id], indexes, blocking, result.trusted_ref)
                for finding in result.findings
            ),
            *(_absent_result(before, rule_indexes) for before in result.absent),
        ],
        version_control_provenance=_provenance(result),
        taxonomies=taxonomy_components(taxonomies) or None,
        column_kind="unicodeCodePoints",
        properties=_run_properties(result, summarize(result)),
    )


def sarif_log(results: Sequence[Node]) -> dict[str, Any]:
    return sarif.SarifLog(runs=list(results), version=SARIF_VERSION, schema_uri=SARIF_SCHEMA)


def render_sarif(result: ScanResult, category: str | None = None) -> str:
    """The SARIF log of one scan as JSON text.

    ``category`` becomes ``automationDetails.id`` ("<category>/"), which keeps several uploads for one
    commit apart; the default names the packs and a hash of the scanned directories.
    """
    return layout_json(sarif_log([build_run(result, category)]))
