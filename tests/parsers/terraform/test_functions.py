"""Terraform's functions give Terraform's value, its error (which ``try()``/``can()`` see), or
``Unknown``: never a value Terraform would not give, and never a Python exception that costs the module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.graph.model import Unknown
from iacgate.notifications import Notification
from parsers.terraform.support import scan


def _evaluate(tmp_path: Path, expression: str) -> tuple[Any, tuple[Notification, ...]]:
    """The value of ``expression`` as one argument of a resource, and the scan's notifications."""
    (tmp_path / "main.tf").write_text(
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n  policy = {expression}\n}}\n', encoding="utf-8"
    )
    scanned = scan(tmp_path)
    return scanned.resources["aws_s3_bucket.b"].attributes.get("policy"), scanned.notifications


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('try(index(["a"], "b"), "missing")', "missing"),
        ('can(index(["a"], "b"))', False),
        ('index(["a", "b"], "b")', 1),
        ('try(lookup({}, "k"), "none")', "none"),
    ],
)
def test_functions_terraform_refuses_are_errors_try_sees(
    tmp_path: Path, expression: str, expected: Any
) -> None:
    # index() of a missing item raised StopIteration: "internal error", every resource of the module gone.
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


def test_a_missing_item_without_try_is_an_error_at_its_line_and_the_module_is_still_judged(
    tmp_path: Path,
) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "ok" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n'
        'resource "aws_ebs_volume" "x" {\n  availability_zone = "us-east-1a"\n'
        '  encrypted = index(["a"], "b") >= 0\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert set(scanned.resources) == {"aws_ebs_volume.ok", "aws_ebs_volume.x"}
    encrypted = scanned.resources["aws_ebs_volume.x"].attributes["encrypted"]
    assert isinstance(encrypted, Unknown) and "index(): item not found" in encrypted.reason
    assert not any("internal error" in note.message for note in scanned.notifications)


def test_a_pattern_python_cannot_read_is_unknown_not_an_error(tmp_path: Path) -> None:
    # \z is RE2's end of text; Python's re refuses it. try() must not turn that into its default.
    value, _ = _evaluate(tmp_path, 'try(regex("a\\\\z", "a"), "default")')
    assert isinstance(value, Unknown) and "regex()" in value.reason


@pytest.mark.parametrize(
    "expression",
    [
        'yamldecode("a: 1")',
        'can(yamldecode("a: 1"))',
        'try(yamldecode("a: 1"), "default")',
        '!can(csvdecode("a\\n1"))',
        'try(setproduct(["a"], ["b"]), [])',
    ],
)
def test_a_real_function_iacgate_does_not_run_is_unknown_even_under_try(
    tmp_path: Path, expression: str
) -> None:
    # It counted as an error: can() was false and try() gave its default, known values Terraform never gives.
    value, notes = _evaluate(tmp_path, expression)
    assert isinstance(value, Unknown) and "is not evaluated statically" in value.reason
    assert not notes


def test_a_count_from_can_of_such_a_function_is_unknown_not_zero(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  count = can(yamldecode("a: 1")) ? 1 : 0\n'
        '  availability_zone = "us-east-1a"\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert list(scanned.resources) == ["aws_ebs_volume.v"]
    assert [(note.level, note.line) for note in scanned.notifications] == [("warning", 1)]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [('strcontains("abc", "b")', True), ('!can(strcontains("abc", "b"))', False)],
)
def test_strcontains_runs(tmp_path: Path, expression: str, expected: bool) -> None:
    assert _evaluate(tmp_path, expression)[0] == expected


def test_a_function_terraform_does_not_have_is_still_an_error(tmp_path: Path) -> None:
    # Terraform's try() falls back on "Call to unknown function" too.
    assert _evaluate(tmp_path, 'try(nosuchfunction("a"), "default")')[0] == "default"
    value, _ = _evaluate(tmp_path, 'nosuchfunction("a")')
    assert isinstance(value, Unknown) and "call to unknown function nosuchfunction()" in value.reason
