"""Input decoding: byte-order marks, binary and non-UTF-8 files named with their position."""

from __future__ import annotations

import codecs

import pytest

from iacgate.errors import ParseError
from iacgate.textio import decode


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + '{"a": "é"}'.encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + '{"a": "é"}\r\n'.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + '{"a": "é"}'.encode("utf-16-be"), "utf-16-be"),
        ('{"a": "é"}'.encode(), "utf-8"),
    ],
)
def test_boms_are_honoured(data: bytes, encoding: str) -> None:
    assert decode(data, "plan.json").strip() == '{"a": "é"}'


def test_invalid_utf8_names_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        decode(b'{\n  "a": "\xff"\n}', "plan.json")
    assert str(caught.value) == "plan.json:2:9: not valid UTF-8 (byte 0xff)"


def test_binary_files_are_refused_and_empty_ones_left_to_their_format() -> None:
    with pytest.raises(ParseError, match="binary file"):
        decode(b"\x7fELF\x00\x01\x02", "tool")
    assert decode(b"  \n", "versions.tf") == "  \n"
