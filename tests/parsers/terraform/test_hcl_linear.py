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
from iacgate.parsers.terraform.grammar import REWRITES, definition, linear_grammar
from parsers.terraform.support import scan


def _grammar() -> str:
    return Path(hcl2.parser.__file__).with_name("hcl2.lark").read_text(encoding="utf-8")


def _pair(terminal: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The terminal's pattern as python-hcl2 writes it, and as iacgate's grammar has it."""
    return re.compile(definition(_grammar(), terminal)), re.compile(REWRITES[terminal][1])


def _same(terminal: str, text: str) -> None:
    original, faster = _pair(terminal)
    expected, found = original.match(text), faster.match(text)
    assert (expected and expected.group(0)) == (found and found.group(0)), repr(text)


# Markers, near-markers and every kind of blank Python's \s or Go's unicode.IsSpace knows, in any order.
BLANKS = [" ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\u2028", "\xa0", "\x85", "\x1c", "\x1f", "\u3000"]
HEREDOC_PIECES = ["E", "EO", "EOT", "EOTX", "x", "<<", *BLANKS]
STRING_PIECES = ["a", "$", "%", "{", "}", "$${", "%%{", "${", "%{", "\\", '\\"', '"', "\n", "\\\n", "$$"]
# What Go's bytes.TrimSpace removes (unicode.IsSpace): the Latin-1 six, NEL, NBSP and the rest of
# Unicode's White_Space property. Not Python's \x1c-\x1f.
GO_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)


def _terraform_heredoc(text: str) -> str | None:
    """The heredoc token HashiCorp's scanner reads at the start of ``text`` (``scan_tokens.rl``,
    ``heredocLiteralEOL``): after the opening line, the first line whose content trimmed by
    ``bytes.TrimSpace`` is the marker closes it, its line end included."""
    opening = re.match(r"<<-?([a-zA-Z][a-zA-Z0-9._-]*)\r?\n", text)
    assert opening is not None
    position = opening.end()
    while (end := text.find("\n", position)) >= 0:
        if text[position : end + 1].strip(GO_SPACE) == opening.group(1):
            return text[: end + 1]
        position = end + 1
    return None


@settings(max_examples=3000, deadline=None)
@given(
    opening=st.sampled_from(["<<E\n", "<<EOT\n", "<<EOT\r\n", "<<E.1-x\n", "<<-E\n"]),
    body=st.lists(st.sampled_from(HEREDOC_PIECES), max_size=16).map("".join),
)
def test_heredoc_terminals_close_where_terraform_closes(opening: str, body: str) -> None:
    terminal = "HEREDOC_TEMPLATE_TRIM" if opening.startswith("<<-") else "HEREDOC_TEMPLATE"
    found = re.compile(REWRITES[terminal][1]).match(opening + body)
    assert (found and found.group(0)) == _terraform_heredoc(opening + body), repr(opening + body)


@pytest.mark.parametrize("blank", [" ", "\t", "  \t ", "\r", "\xa0", "\u3000"])
def test_a_closing_marker_with_trailing_blanks_closes_the_heredoc(tmp_path: Path, blank: str) -> None:
    # python-hcl2 wanted the line end right after the marker: the heredoc ran on, the volume vanished.
    (tmp_path / "main.tf").write_text(
        f"locals {{\n  note = <<EOT\nsee below\nEOT{blank}\n}}\n\n"
        'resource "aws_ebs_volume" "hidden" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert not scanned.notifications
    assert scanned.resources["aws_ebs_volume.hidden"].location.start_line == 7


def test_a_marker_after_a_blank_go_does_not_trim_closes_nothing(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text("locals {\n  note = <<EOT\nEOT\x1c\n}\n", encoding="utf-8")
    [note] = scan(tmp_path).notifications
    assert (note.level, note.file, note.line) == ("error", "main.tf", 2)
    assert "unterminated heredoc" in note.message


@settings(max_examples=3000, deadline=None)
@given(text=st.lists(st.sampled_from(STRING_PIECES), max_size=14).map("".join))
def test_string_characters_match_exactly_what_python_hcl2s_matched(text: str) -> None:
    _same("STRING_CHARS.1", text)


def test_the_grammar_swap_replaces_exactly_the_rewritten_terminals() -> None:
    before, after = _grammar().splitlines(), linear_grammar(_grammar()).splitlines()
    changed = [old.split(":")[0].strip() for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [
        "ESCAPED_INTERPOLATION.2",
        "ESCAPED_DIRECTIVE.2",
        "STRING_CHARS.1",
        "HEREDOC_TEMPLATE",
        "HEREDOC_TEMPLATE_TRIM",
        "interpolation",
    ]
    with pytest.raises(RuntimeError, match="HEREDOC_TEMPLATE as one pattern"):
        linear_grammar(_grammar().replace("HEREDOC_TEMPLATE :", "HEREDOC_RENAMED :"))
    with pytest.raises(RuntimeError, match="changed STRING_CHARS"):
        linear_grammar(_grammar().replace('[^"\\\\]|', '[^"]|'))
    with pytest.raises(RuntimeError, match="changed rule interpolation"):
        linear_grammar(_grammar().replace("interpolation: INTERP_START", "interpolation: INTERP_START NL?"))


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
