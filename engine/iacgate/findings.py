"""Findings: rule violations joined with rule metadata and the file and line a person should look at."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

from iacgate.evaluate.base import Evaluation
from iacgate.graph.model import AttributePath, Graph, path_text
from iacgate.packs.model import RuleSet
from iacgate.severity import Severity

FINGERPRINT_KEY = "iacgate/v1"


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

    @property
    def attribute(self) -> str:
        return path_text(self.path)


def fingerprint(rule_id: str, resource_id: str, path: AttributePath) -> str:
    """Identity of a finding that survives unrelated edits: no line numbers, no message text."""
    digest = hashlib.sha256(f"{rule_id}\x1f{resource_id}\x1f{path_text(path)}".encode()).hexdigest()
    return digest[:32]


def build_findings(graph: Graph, rules: RuleSet, evaluation: Evaluation) -> tuple[Finding, ...]:
    findings: list[Finding] = []
    for violation in evaluation.violations:
        rule = rules.by_id[violation.rule_id]
        resource = graph.by_id[violation.resource_id]
        location = resource.location
        line = location.line_for(violation.path)
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
                file=location.file,
                line=line,
                end_line=max(line, location.end_line) if line == location.start_line else line,
                path=violation.path,
                message=violation.message,
                fingerprint=fingerprint(rule.id, resource.id, violation.path),
            )
        )
    findings.sort(key=lambda f: (f.file, f.line, f.rule_id, f.resource_id, f.attribute))
    return tuple(findings)
