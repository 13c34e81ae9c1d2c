"""``--baseline previous.sarif``: compare this scan's findings with an earlier SARIF log by fingerprint.

A finding whose ``iacgate/v1`` fingerprint is not in the baseline is new; one that is there is unchanged,
or updated when its message or level differ. A failure whose baseline result was undetermined (``kind``
review) is new too: the baseline never held it as a failure, so ``--fail-on-new-only`` must not excuse it.
So is a finding without a suppression whose baseline result had one (a waiver or approval since expired,
removed or no longer matching): the baseline held it as an exception until a date, never as accepted debt,
and ``--fail-on-new-only`` must not outlive the waiver. Baseline results not found now are kept as absent.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iacgate.errors import UsageError
from iacgate.findings import FINGERPRINT_KEY, BaselineState, Finding


@dataclass(frozen=True)
class BaselineResult:
    """One result of the baseline log, reduced to what matching and an ``absent`` result need."""

    fingerprint: str
    rule_id: str
    message: str
    level: str
    kind: str
    # Waived or approved when the baseline was taken (SARIF ``suppressions``).
    suppressed: bool = False
    uri: str = ""
    uri_base_id: str | None = None
    start_line: int = 0
    end_line: int = 0
    resource_id: str = ""


@dataclass(frozen=True)
class Baseline:
    source: str
    results: Mapping[str, BaselineResult]


def _location(result: Mapping[str, Any]) -> tuple[str, str | None, int, int, str]:
    locations = result.get("locations") or [{}]
    physical = locations[0].get("physicalLocation", {})
    artifact = physical.get("artifactLocation", {})
    region = physical.get("region", {})
    logical = (locations[0].get("logicalLocations") or [{}])[0]
    return (
        str(artifact.get("uri", "")),
        artifact.get("uriBaseId"),
        int(region.get("startLine", 0)),
        int(region.get("endLine", 0)),
        str(logical.get("fullyQualifiedName", "")),
    )


def load_baseline(path: Path) -> Baseline:
    try:
        log = json.loads(path.read_text(encoding="utf-8"))
        runs = log["runs"]
    except OSError as exc:
        raise UsageError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError):
        raise UsageError(f"{path}: not a SARIF log (--baseline takes a SARIF file iacgate wrote)") from None
    results: dict[str, BaselineResult] = {}
    for run in runs:
        for result in run.get("results", []):
            fingerprint = (result.get("partialFingerprints") or {}).get(FINGERPRINT_KEY)
            if not fingerprint or result.get("baselineState") == "absent":
                continue
            uri, base, start, end, resource = _location(result)
            results[fingerprint] = BaselineResult(
                fingerprint=fingerprint,
                rule_id=str(result.get("ruleId", "")),
                message=str(result.get("message", {}).get("text", "")),
                level=str(result.get("level", "warning")),
                kind=str(result.get("kind", "fail")),
                suppressed=_suppressed(result),
                uri=uri,
                uri_base_id=base,
                start_line=start,
                end_line=end,
                resource_id=resource,
            )
    return Baseline(str(path), results)


def _suppressed(result: Mapping[str, Any]) -> bool:
    suppressions = result.get("suppressions")
    return isinstance(suppressions, list) and any(
        isinstance(item, Mapping) and item.get("status", "accepted") != "rejected" for item in suppressions
    )


def sarif_level(finding: Finding) -> str:
    return finding.severity.sarif_level if finding.status == "fail" else "none"


def _changed(finding: Finding, before: BaselineResult) -> bool:
    # SARIF messages name the resource in front when the rule's text does not (report.sarif.message_text).
    texts = (finding.message, f"{finding.resource_id}: {finding.message}")
    return before.message not in texts or before.level != sarif_level(finding)


def compare(
    findings: Sequence[Finding], baseline: Baseline
) -> tuple[tuple[Finding, ...], tuple[BaselineResult, ...]]:
    current = {finding.fingerprint for finding in findings}
    marked = []
    for finding in findings:
        before = baseline.results.get(finding.fingerprint)
        if before is not None and finding.status == "fail" and before.kind != "fail":
            # Undetermined then, failing now: a violation the baseline never accepted.
            before = None
        if before is not None and before.suppressed and finding.suppression is None:
            # Waived or approved then, not now: an exception that ended, not debt the baseline accepted.
            before = None
        state: BaselineState = (
            "new" if before is None else "updated" if _changed(finding, before) else "unchanged"
        )
        marked.append(dataclasses.replace(finding, baseline_state=state))
    absent = tuple(result for key, result in baseline.results.items() if key not in current)
    return tuple(marked), absent
