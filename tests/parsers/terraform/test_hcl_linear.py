"""HCL heredocs, templates and long strings parse in linear time, to the same values (issue #13 §3).

Sizes here are chosen so the old code could not pass: a heredoc of a million blank lines took hours in
python-hcl2's terminal, a 2 MB heredoc a minute in the template scan. Linearity itself is measured by
``benchmarks/heredoc_bench.py`` (1, 2, 4, 8 and 30 MB), not asserted on a clock here.
"""

from __future__ import annotations

import re
from pathlib import Path

import hcl2.parser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iacgate.parsers.terraform import template
from iacgate.parsers.terraform.grammar import HEREDOC_PATTERN, linear_grammar
from parsers.terraform.support import scan


def _grammar() -> str:
    return Path(hcl2.parser.__file__).with_name("hcl2.lark").read_text(encoding="utf-8")


def _terminal(grammar: str, name: str) -> re.Pattern[str]:
    line = next(line for line in grammar.splitlines() if re.match(rf"{name}\s*:", line))
    return re.compile(line.split(":", 1)[1].strip().strip("/"))


ORIGINAL = _terminal(_grammar(), "HEREDOC_TEMPLATE")
LINEAR = re.compile(HEREDOC_PATTERN.format(dash="", group="heredoc"))
# Markers, near-markers and every kind of blank Python's \s knows, in any order.
BLANKS = [" ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\u2028", "\xa0"]
PIECES = ["E", "EO", "EOT", "EOTX", "x", "<<", *BLANKS]


@settings(max_examples=3000, deadline=None)
@given(
    opening=st.sampled_from(["<<E\n", "<<EOT\n", "<<EOT\r\n", "<<E.1-x\n"]),
    body=st.lists(st.sampled_from(PIECES), max_size=16).map("".join),
)
def test_linear_heredoc_terminal_matches_exactly_what_python_hcl2s_matched(opening: str, body: str) -> None:
    text = opening + body
    original, linear = ORIGINAL.match(text), LINEAR.match(text)
    assert (original and original.group(0)) == (linear and linear.group(0))


def test_the_grammar_swap_replaces_both_heredoc_terminals_and_nothing_else() -> None:
    before, after = _grammar().splitlines(), linear_grammar(_grammar()).splitlines()
    changed = [old.split(":")[0].strip() for old, new in zip(before, after, strict=True) if old != new]
    assert changed == ["HEREDOC_TEMPLATE", "HEREDOC_TEMPLATE_TRIM"]
    with pytest.raises(RuntimeError, match="HEREDOC_TEMPLATE"):
        linear_grammar(_grammar().replace("HEREDOC_TEMPLATE :", "HEREDOC_RENAMED :"))


def _module(tmp_path: Path, heredoc_body: str, trim: bool = False) -> Path:
    opening = "<<-EOT" if trim else "<<EOT"
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket" "big" {\n'
        f"  policy = {opening}\n{heredoc_body}EOT\n"
        '  bucket = "after-the-heredoc"\n'
        "}\n",
        encoding="utf-8",
    )
    return tmp_path


def test_a_million_blank_lines_in_a_heredoc(tmp_path: Path) -> None:
    # python-hcl2's \s* ran across these lines again from each of them: hours, for 2 MB.
    body = "first\n" + " \n" * 1_000_000 + "last\n"
    scanned = scan(_module(tmp_path, body))
    bucket = scanned.resources["aws_s3_bucket.big"]
    assert bucket.attributes["policy"] == body
    assert bucket.location.line_for(("bucket",)) == 1 + 1 + body.count("\n") + 1 + 1
    assert (bucket.location.start_line, bucket.location.end_line) == (1, body.count("\n") + 5)


def test_a_4_mb_heredoc_with_interpolations_and_indentation(tmp_path: Path) -> None:
    line = '    {"Effect": "Deny", "Resource": "${var.arn}/*", "Sid": "$${literal}"}\n'
    body = line * (4_000_000 // len(line))
    (tmp_path / "variables.tf").write_text('variable "arn" {\n  default = "arn:x"\n}\n', encoding="utf-8")
    scanned = scan(_module(tmp_path, body, trim=True))
    bucket = scanned.resources["aws_s3_bucket.big"]
    expected = line.replace("${var.arn}", "arn:x").replace("$${", "${").removeprefix("    ")
    assert bucket.attributes["policy"] == expected * (4_000_000 // len(line))
    assert bucket.location.line_for(("bucket",)) == body.count("\n") + 4


def test_a_repeated_interpolation_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    parse = template.parse_expression

    def counted(text: str) -> object:
        calls.append(text)
        return parse(text)

    monkeypatch.setattr(template, "parse_expression", counted)
    parsed = template.parse_template("${var.a}-%{ if var.b }x%{ endif }" * 20_000)
    assert sorted(calls) == ["var.a", "var.b"]
    assert parsed[0] == "T" and len(parsed[1]) == 60_000


def test_a_long_quoted_string_of_escapes(tmp_path: Path) -> None:
    # Each $${ is a token of its own; the pieces used to be appended one by one to a growing string.
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket" "b" {\n  bucket = "' + "a$${b}" * 50_000 + '"\n}\n', encoding="utf-8"
    )
    bucket = scan(tmp_path).resources["aws_s3_bucket.b"]
    assert bucket.attributes["bucket"] == "a${b}" * 50_000


@pytest.mark.parametrize(
    ("text", "message"),
    [("x ${var.a", "unclosed template sequence"), ('x ${"}" ', "unclosed template sequence")],
)
def test_unclosed_sequences_are_still_errors(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        template.parse_template(text)
