"""Every directory of the real-module corpus scans without an exception; unknowns always say why."""

from __future__ import annotations

import pytest

from iacgate.graph.model import Unknown
from parsers.terraform.support import CORPUS, scan


def _unknowns(value: object) -> list[Unknown]:
    if isinstance(value, Unknown):
        return [value]
    if isinstance(value, dict):
        return [found for item in value.values() for found in _unknowns(item)]
    if isinstance(value, list):
        return [found for item in value for found in _unknowns(item)]
    return []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
def test_corpus_scans_without_exception_and_every_unknown_has_a_reason() -> None:
    scanned = scan(CORPUS, unique=False)
    assert len(scanned.every) > 1000
    for resource in scanned.every:
        assert resource.format == "terraform"
        assert resource.location.start_line >= 1
        for unknown in _unknowns(resource.attributes):
            assert unknown.reason and unknown.reason != "known after apply"
    errors = [n for n in scanned.notifications if n.level == "error"]
    # The only errors are empty files, which iacgate.textio refuses before any parser sees them.
    assert {n.message for n in errors} <= {"file is empty"}
