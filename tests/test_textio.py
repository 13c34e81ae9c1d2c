"""Input decoding: byte-order marks, binary and non-UTF-8 files named with their position."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from iacgate.errors import ParseError
from iacgate.textio import decode, lone_surrogate_escape, printable, read_source


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
    assert str(caught.value) == (
        "plan.json:2:9: not a text file: byte 0xff is not valid UTF-8 (text is read as UTF-8, or as "
        "UTF-16/32 after a byte-order mark)"
    )


def test_binary_files_are_refused_and_empty_ones_left_to_their_format() -> None:
    with pytest.raises(ParseError) as caught:
        decode(b"\x7fELF\n\x00\x01\x02", "tool")
    assert str(caught.value) == "tool:2:1: not a text file: it holds a NUL byte (binary data)"
    assert decode(b"  \n", "versions.tf") == "  \n"


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ('{"a": "\\ud800"}', 7),
        ('{"a": "\\uDFFF"}', 7),
        ('{"a": "x\\ud83d"}', 8),  # a high surrogate at the end of a string
        ('{"a": "\\ud83d\\u0041"}', 7),  # followed by an escape that is not a low surrogate
        ('{"a": "\\ud83d\\ude00", "b": "\\udc00"}', 28),
        ('{"a": "\\ud83d\\ude00"}', None),  # a pair is one character
        ('{"a": "C:\\\\ud800"}', None),  # an escaped backslash, then the text "ud800"
        ('{"a": "\\\\\\ud800"}', 9),  # an escaped backslash, then an escape
        ('{"a": "plain"}', None),
    ],
)
def test_lone_surrogate_escapes_are_found_where_json_would_make_one(text: str, offset: int | None) -> None:
    assert lone_surrogate_escape(text) == offset
    decoded = json.loads(text)
    writable = all(_encodable(value) for value in decoded.values())
    assert writable == (offset is None)


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def test_printable_writes_lone_surrogates_as_escapes() -> None:
    assert printable("module \ud800 and caf\udce9") == "module \\ud800 and caf\\udce9"
    assert printable("caf\u00e9 \U0001f600") == "caf\u00e9 \U0001f600"


def test_utf16_and_utf32_with_lone_surrogates_are_refused() -> None:
    with pytest.raises(ParseError, match="not valid UTF-16-LE"):
        decode(codecs.BOM_UTF16_LE + b"{\x00\x00\xd8}\x00", "plan.json")
    with pytest.raises(ParseError, match="not valid UTF-32-LE"):
        decode(codecs.BOM_UTF32_LE + b"\x00\xd8\x00\x00", "plan.json")


def test_a_directory_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as caught:
        read_source(tmp_path, "infra/")
    assert (
        str(caught.value) == "infra/: cannot read directory: it could not be listed while the tree was walked"
    )


@pytest.mark.parametrize(
    ("data", "where", "detail"),
    [
        (  # big-endian text behind a little-endian mark: every character is a CJK ideograph
            codecs.BOM_UTF16_LE + 'resource "a" "b" {}'.encode("utf-16-be"),
            "1:1",
            "read as UTF-16-LE after its byte-order mark, it holds no ASCII character "
            "(binary data, or text saved in another byte order)",
        ),
        (
            codecs.BOM_UTF16_LE + "a = 1\n\x02\x03".encode("utf-16-le"),
            "2:1",
            "read as UTF-16-LE after its byte-order mark, it holds control character U+0002",
        ),
        (
            codecs.BOM_UTF16_BE + b"\x00a\x00",
            "",
            "not valid UTF-16-BE after its byte-order mark (truncated data)",
        ),
    ],
)
def test_binary_data_behind_a_byte_order_mark_is_not_a_text_file(
    data: bytes, where: str, detail: str
) -> None:
    with pytest.raises(ParseError) as caught:
        decode(data, "main.tf")
    prefix = f"main.tf:{where}" if where else "main.tf"
    assert str(caught.value) == f"{prefix}: not a text file: {detail}"


def test_utf16_text_with_tabs_form_feeds_and_non_ascii_is_still_text() -> None:
    text = 'resource "a" "b" {\n\tname = "caf\u00e9 \u6f22"\f\n}\n'
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "main.tf") == text
