"""The parse cache's JSON form of parsed HCL: an exact round trip, and nothing else decodes.

Exact means ``repr``-equal: tuples stay tuples, ``True`` stays a bool and not ``1``, ``1.0`` a float,
attribute order is kept. Every ``.tf``/``.tf.json`` file of the fixtures (and of the real-module corpus
when it is there) is parsed, encoded, written as JSON text, read and decoded; the corpus and fixtures
between them must use every expression tag of ``syntax.py``. Arbitrary JSON, and real entries with one
node changed, either decode to a parse result that round-trips in turn or raise ``Invalid``: never
another exception the cache reader would not expect.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iacgate.parsers.terraform.load import is_json_source, parse_files
from iacgate.parsers.terraform.syntax import Attribute, Block
from iacgate.parsers.terraform.syntax_codec import Invalid, Parsed, decode, encode
from iacgate.textio import SourceFile

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpus" / "terraform"
TAGS = {"L", "T", "T1", "V", "A", "I", "S", "C", "TU", "O", "?", "B", "U", "FT", "FO"}


def _round_trip(value: Parsed) -> Parsed:
    return decode(json.loads(json.dumps(encode(value), separators=(",", ":"))))


def _sources(root: Path) -> list[SourceFile]:
    found = sorted(path for path in root.rglob("*") if path.name.endswith((".tf", ".tf.json")))
    return [
        SourceFile(path, path.relative_to(root).as_posix(), path.read_text(encoding="utf-8"))
        for path in found
    ]


def _tags(value: Any, seen: set[str]) -> None:
    if isinstance(value, tuple):
        if value and isinstance(value[0], str) and value[0] in TAGS and not isinstance(value, Attribute):
            seen.add(value[0])
        for item in value:
            _tags(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            _tags(item, seen)


@pytest.fixture(scope="module")
def parsed() -> list[Parsed]:
    roots = [REPO / "fixtures", *([CORPUS] if CORPUS.is_dir() else [])]
    values: list[Parsed] = []
    for root in roots:
        files, errors = parse_files(_sources(root), None)
        values.extend(file.blocks for file in files)
        values.extend((error.position.line, error.position.column, error.detail) for error in errors)
    return values


def test_every_parsed_file_round_trips_exactly(parsed: list[Parsed]) -> None:
    assert len(parsed) > 150
    for value in parsed:
        assert repr(_round_trip(value)) == repr(value)


def test_the_files_use_every_expression_tag(parsed: list[Parsed]) -> None:
    seen: set[str] = set()
    for value in parsed:
        _tags(value, seen)
    assert seen == TAGS


def test_literal_types_and_text_survive() -> None:
    literals = [True, False, None, 0, 1, -1, 10**300, 1.0, -0.0, 1e308, 0.1, "", "ü €", "a\u2028b", "${x}"]
    attributes = {
        f"a{number}": Attribute(f"a{number}", ("L", value), number) for number, value in enumerate(literals)
    }
    template = ("T", ("text ", ("L", "lit"), ("V", "x"), ("if", ("L", True), ("yes",), ()), ("L", 1)))
    attributes["t"] = Attribute("t", template, 99)
    attributes["f"] = Attribute("f", ("FT", None, "v", ("V", "xs"), ("V", "v"), None), 100)
    value = (Block("locals", (), attributes, (Block("inner", ("a", "b"), {}, (), 3, 4),), 1, 101),)
    assert repr(_round_trip(value)) == repr(value)
    assert repr(_round_trip((3, 7, "HCL syntax error: unexpected '}'"))) == repr(
        (3, 7, "HCL syntax error: unexpected '}'")
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {},
        {"blocks": [], "error": [1, 2, "x"]},
        {"blocks": [["resource", [], [], [], 1]]},
        {"blocks": [["resource", [1], [], [], 1, 2]]},
        {"blocks": [["resource", [], [], [], True, 2]]},
        {"blocks": [["resource", [], [["a", ["V"], 1]], [], 1, 2]]},
        {"blocks": [["resource", [], [["a", ["A", ["V", "x"], 3], 1]], [], 1, 2]]},
        {"blocks": [["resource", [], [["a", ["C", "f", [], 1], 1]], [], 1, 2]]},
        {"blocks": [["resource", [], [["a", ["T", [["if", 1, [], "x"]]], 1]], [], 1, 2]]},
        {"blocks": [["resource", [], [["a", {"L": 1}, 1]], [], 1, 2]]},
        {"blocks": [["resource", [], [["a", ["Z"], 1]], [], 1, 2]]},
        {"error": [1, 2]},
        {"error": [1, "2", "x"]},
    ],
)
def test_what_the_parser_could_not_have_written_is_invalid(data: Any) -> None:
    with pytest.raises(Invalid):
        decode(data)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.sampled_from(sorted(TAGS)),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.sampled_from(["blocks", "error"]), inner),
    max_leaves=40,
)


def _checked(data: Any) -> None:
    """``decode`` either refuses the data or returns a parse result that round-trips."""
    try:
        value = decode(data)
    except Invalid:
        return
    assert repr(_round_trip(value)) == repr(value)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_arbitrary_json_is_refused_or_a_parse_result(data: Any) -> None:
    _checked(data)
    _checked({"blocks": [["resource", ["t", "n"], [["a", data, 1]], [], 1, 2]]})


def _nodes(data: Any, path: tuple[int, ...] = ()) -> list[tuple[int, ...]]:
    found = [path]
    if isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(_nodes(item, (*path, index)))
    return found


def _replaced(data: Any, path: tuple[int, ...], new: Any) -> Any:
    if not path:
        return new
    copy = list(data)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], new)
    return copy


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_real_entry_with_one_node_changed_is_refused_or_a_parse_result(
    parsed: list[Parsed], data: st.DataObject
) -> None:
    value = data.draw(
        st.sampled_from([value for value in parsed if value and isinstance(value[0], Block)][:40])
    )
    blocks = encode(value)["blocks"]
    path = data.draw(st.sampled_from(_nodes(blocks)[1:]))
    _checked({"blocks": _replaced(blocks, path, data.draw(_JSON))})


def test_a_json_source_and_its_syntax_error_round_trip(tmp_path: Path) -> None:
    text = '{"resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}-x", "tags": {"a": 1}}}}}'
    broken = 'resource "x" "y" {\n  a = \n}\n'
    sources = [
        SourceFile(tmp_path / "a.tf.json", "a.tf.json", text),
        SourceFile(tmp_path / "b.tf", "b.tf", broken),
    ]
    assert is_json_source("a.tf.json")
    files, errors = parse_files(sources, None)
    assert len(files) == 1 and len(errors) == 1
    assert repr(_round_trip(files[0].blocks)) == repr(files[0].blocks)
