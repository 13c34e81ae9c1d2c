"""Templates read as HCL reads them: strip markers trim the text beside them, ``$${`` is only ``${``."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.graph.model import Unknown
from parsers.terraform.support import scan


def _value(tmp_path: Path, expression: str) -> object:
    (tmp_path / "main.tf").write_text(
        'locals {\n  a = "z"\n}\n'
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n  policy = {expression}\n}}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert not scanned.notifications
    return scanned.resources["aws_s3_bucket.b"].attributes["policy"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"x %{~ if true}y%{ endif}"', "xy"),
        ('"x %{ if true ~} y %{~ endif ~}  w"', "x yw"),
        ('"a %{~ for v in ["1", "2"] ~} ${v} %{~ endfor ~} b"', "a12b"),
        ('"x \\n %{~ if false}y%{ else ~}\\t n%{ endif}"', "xn"),
        # A strip marker trims only the text next to it.
        ('"x ${local.a} %{~ if true}y%{ endif}"', "x zy"),
        ('"$${ ${local.a} }"', "${ z }"),
        ('"%%{ ${local.a} }"', "%{ z }"),
        ('"$${local.a}"', "${local.a}"),
        # Strip markers in a quoted string's interpolation (a syntax error before: exit 3).
        ('"p ${~ local.a ~} q"', "pzq"),
        ('"p ${~local.a} q"', "pz q"),
        ('"p ${local.a~} q"', "p zq"),
        ("<<EOT\nx %{~ if true ~}\n  y\n%{~ endif ~}\nEOT", "xy"),
        ("<<EOT\n$${ ${local.a} } ${~ local.a ~} .\nEOT", "${ z }z.\n"),
    ],
)
def test_templates_read_as_terraform_reads_them(tmp_path: Path, expression: str, expected: str) -> None:
    # The markers were ignored ("x y"), and "$${ ... }" kept the interpolation inside it as text.
    assert _value(tmp_path, expression) == expected


def _unknown_value(tmp_path: Path, expression: str) -> object:
    (tmp_path / "main.tf").write_text(
        'variable "region" {\n  type = string\n}\n'
        'locals {\n  arn = "arn:aws:kms:${var.region}:1:alias/aws/s3"\n}\n'
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n  policy = {expression}\n}}\n',
        encoding="utf-8",
    )
    return scan(tmp_path).resources["aws_s3_bucket.b"].attributes["policy"]


@pytest.mark.parametrize(
    ("expression", "ends_with"),
    [
        # The literal text after the last interpolation is known whatever the interpolations hold.
        ('"arn:aws:kms:${var.region}:1:alias/aws/s3"', ":1:alias/aws/s3"),
        ('"${var.region}-%{ if true }x%{ endif }tail"', "tail"),
        ("local.arn", ":1:alias/aws/s3"),
        ('"${local.arn}"', ":1:alias/aws/s3"),
        ('true ? local.arn : "x"', ":1:alias/aws/s3"),
        # Nothing is known of the end: an interpolation last, an inner template's tail, an operation on it.
        ('"alias/aws/${var.region}"', ""),
        ('"${local.arn}-x"', "-x"),
        ('"${var.region == "a" ? "${var.region}/aws/s3" : "b"}"', ""),
        ('trimsuffix(local.arn, ":alias/aws/s3")', ""),
        ('upper("${var.region}:alias/aws/s3")', ""),
        ('split(":", local.arn)[5]', ""),
        ('"${local.arn}" == "x"', ""),
        ('{ a = "b" }[local.arn]', ""),
        ("local.arn.x", ""),
    ],
)
def test_an_unknown_text_keeps_its_literal_tail(tmp_path: Path, expression: str, ends_with: str) -> None:
    value = _unknown_value(tmp_path, expression)
    assert isinstance(value, Unknown)
    assert value.ends_with == ends_with
