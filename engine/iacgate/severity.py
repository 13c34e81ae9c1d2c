"""Severities, their order, and the numeric score code-scanning services sort by."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def security_severity(self) -> str:
        """GitHub code scanning buckets by this: >= 9.0 critical, >= 7.0 high, >= 4.0 medium, else low."""
        return _SCORE[self]

    @property
    def sarif_level(self) -> str:
        return (
            "error" if self.rank >= Severity.HIGH.rank else "warning" if self is Severity.MEDIUM else "note"
        )


_RANK = {Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3, Severity.CRITICAL: 4}
_SCORE = {Severity.LOW: "3.0", Severity.MEDIUM: "5.5", Severity.HIGH: "7.5", Severity.CRITICAL: "9.5"}
