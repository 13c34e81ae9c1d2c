"""HCL escapes that make no character are refused where they are, and only where HCL reads escapes."""

from __future__ import annotations

import pytest

from iacgate.errors import ParseError
from iacgate.parsers.terraform.escapes import check_escapes


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ('a = "\\ud800"\n', 6),
        ('a = "\\ud83d\\ude00"\n', 6),  # HCL has no surrogate pairs: each half is refused
        ('a = "\\U0000D800"\n', 6),
        ('a = "\\U00110000"\n', 6),
        ('a = "${"\\ud800"}"\n', 9),  # a string inside an interpolation
        ('a = "${ {a = 1}["a"] } \\ud800"\n', 24),  # after the interpolation, back in the string
        ('a = "https://x/\\ud800"\n', 16),  # "//" in a string is not a comment
        ('a = "#\\ud800"\n', 7),  # nor is "#"
        ('a = "$${\\udc00}"\n', 9),  # a literal "${" does not open an interpolation
    ],
)
def test_refused_at_the_escape(text: str, column: int) -> None:
    with pytest.raises(ParseError) as caught:
        check_escapes(text, "main.tf")
    assert (caught.value.position.line, caught.value.position.column) == (1, column)


@pytest.mark.parametrize(
    "text",
    [
        'a = "\\u00e9 \\U0001F600 \\U0010FFFF"\n',
        'a = "C:\\\\ud800"\n',  # an escaped backslash, then text
        'a = "ok"\n# "\\ud800"\n',
        'a = "x" // \\ud800\n',
        '/* "\\ud800" */ a = 1\n',
        "a = <<EOF\n\\ud800\nEOF\n",  # heredoc bodies read a backslash as text
        "a = <<-EOT\n  \\U00110000\n  EOT\n",
    ],
)
def test_allowed_where_hcl_reads_no_escape_or_the_escape_is_a_character(text: str) -> None:
    check_escapes(text, "main.tf")


def test_the_line_after_a_heredoc() -> None:
    with pytest.raises(ParseError, match=r"main.tf:4:6: HCL string escape \\udc00 is a surrogate"):
        check_escapes('a = <<EOF\n\\ud800\nEOF\nb = "\\udc00"\n', "main.tf")
