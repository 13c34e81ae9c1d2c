"""The parser layer's guard: whatever a parser does with a hostile file, the scan goes on and names it.

The real parsers no longer raise on any input the fuzzer found (tests/fuzz); these tests hold the guard
itself to its promise with a parser that misbehaves on purpose, and check what leaves the parser layer.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from iacgate.errors import ParseError, Position, UsageError
from iacgate.graph.model import UNKNOWN, Edge, Resource, SourceLocation, Unknown
from iacgate.notifications import Notification
from iacgate.parsers import PARSERS, ParseOptions, ParseResult
from iacgate.parsers.guard import Guarded, checked
from iacgate.textio import SourceFile

OPTIONS = ParseOptions(scan_root=Path("/nonexistent"))


def _source(name: str, text: str) -> SourceFile:
    return SourceFile(Path("/nonexistent") / name, name, text)


def _resource(name: str, file: str, **attributes: object) -> Resource:
    return Resource(
        id=f"aws_ebs_volume.{name}", format="terraform", native_type="aws_ebs_volume", type="aws_ebs_volume",
        provider="aws", region="eu-west-1", region_source="provider aws", attributes=attributes, tags={},
        location=SourceLocation(file, 10, 20, {"size": 12, "tags.team": 14}),
    )  # fmt: skip


class Misbehaving:
    """Parses each file to one resource; ``boom`` raises, ``usage`` refuses the command line, and the
    pair ``left``+``right`` only fails together."""

    format = "test"
    suffixes = (".t",)

    def claims(self, source: SourceFile) -> bool:
        if source.text == "claims-boom":
            raise KeyError("claims")
        return True

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        texts = {source.text for source in sources}
        if {"left", "right"} <= texts:
            raise IndexError("together")
        for source in sources:
            if source.text == "boom":
                raise TypeError("'float' object is not iterable")
            if source.text == "usage":
                raise UsageError("--var-file x: no such file")
            if source.text == "elsewhere":
                raise ParseError(Position("other/main.tf", 3, 7), "not valid UTF-8 (byte 0xe9)")
        return tuple(
            ParseResult(resources=(_resource(source.relative.split(".")[0], source.relative, size=1),))
            for source in sources
        )


def _errors(units: Sequence[ParseResult]) -> dict[str | None, str]:
    return {note.file: note.message for unit in units for note in unit.notifications if note.level == "error"}


def _ids(units: Sequence[ParseResult]) -> set[str]:
    return {resource.id for unit in units for resource in unit.resources}


def test_every_registered_parser_is_guarded() -> None:
    assert all(isinstance(parser, Guarded) for parser in PARSERS.values())


def test_an_exception_on_one_file_names_it_and_keeps_the_others() -> None:
    sources = [_source("a.t", "fine"), _source("b.t", "boom"), _source("c.t", "fine")]
    units = Guarded(Misbehaving()).parse(sources, OPTIONS)
    assert _errors(units) == {"b.t": "internal error while parsing: TypeError"}
    assert _ids(units) == {"aws_ebs_volume.a", "aws_ebs_volume.c"}


def test_files_that_only_fail_together_are_all_named() -> None:
    sources = [_source("a.t", "left"), _source("b.t", "right")]
    units = Guarded(Misbehaving()).parse(sources, OPTIONS)
    assert _errors(units) == {
        "a.t": "internal error while parsing: IndexError",
        "b.t": "internal error while parsing: IndexError",
    }
    assert _ids(units) == set()


def test_a_parse_error_about_another_file_still_names_the_file_parsed() -> None:
    units = Guarded(Misbehaving()).parse([_source("plan.t", "elsewhere"), _source("ok.t", "x")], OPTIONS)
    assert _errors(units) == {"plan.t": "cannot be parsed: other/main.tf:3:7: not valid UTF-8 (byte 0xe9)"}
    assert _ids(units) == {"aws_ebs_volume.ok"}


def test_usage_errors_are_not_swallowed() -> None:
    with pytest.raises(UsageError):
        Guarded(Misbehaving()).parse([_source("a.t", "usage")], OPTIONS)


def test_a_claim_that_raises_claims_the_file_so_it_is_reported() -> None:
    assert Guarded(Misbehaving()).claims(_source("a.t", "claims-boom")) is True


@pytest.mark.parametrize(
    ("attributes", "tags", "message", "line"),
    [
        ({"size": "\ud800"}, {}, "size holds a lone surrogate", 12),
        ({"size": math.nan}, {}, "size is nan, which is not a JSON number", 12),
        ({"size": [1, math.inf]}, {}, "size[1] is inf, which is not a JSON number", 12),
        ({"size": 10**400}, {}, "size is a number too large for any policy engine", 12),
        ({"size": Unknown("from \udc80")}, {}, "size holds a lone surrogate", 12),
        ({"nested": {"\ud800": 1}}, {}, "is a key holding a lone surrogate", 10),
        ({}, {"team": "\udfff"}, "tags.team holds a lone surrogate", 14),
    ],
)
def test_values_no_report_can_hold_make_the_resource_an_error_at_its_line(
    attributes: dict[str, object], tags: dict[str, object], message: str, line: int
) -> None:
    bad = Resource(**{**_resource("bad", "main.tf").__dict__, "attributes": attributes, "tags": tags})
    good = _resource("good", "main.tf", size=10**300, region=UNKNOWN, text="\U0001f600 ok")
    unit = checked(ParseResult(resources=(bad, good), edges=(Edge(good.id, bad.id),)))
    assert [resource.id for resource in unit.resources] == [good.id]
    (note,) = unit.notifications
    assert (note.level, note.file, note.line) == ("error", "main.tf", line)
    assert note.message.startswith("resource aws_ebs_volume.bad not evaluated: ")
    assert message in note.message
    str(note).encode("utf-8")


def test_surrogates_in_ids_edges_and_notifications_never_leave_the_parser_layer() -> None:
    bad = Resource(**{**_resource("x", "main.tf").__dict__, "id": "aws_ebs_volume.\ud800"})
    good = _resource("good", "m\udcffain.tf")
    unit = checked(
        ParseResult(
            resources=(bad, good),
            edges=(Edge(good.id, "aws_ebs_volume.\ud800"),),
            notifications=(Notification("warning", "module \ud800 not found", "x\udcff.tf", 3),),
        )
    )
    assert unit.resources == ()  # the second one's file name cannot be written either
    assert unit.edges == ()
    for note in unit.notifications:
        str(note).encode("utf-8")
    assert Notification("warning", "module \\ud800 not found", "x\\udcff.tf", 3) in unit.notifications
    assert any("aws_ebs_volume.\\ud800 not evaluated" in note.message for note in unit.notifications)


def test_a_clean_unit_is_passed_through_unchanged() -> None:
    unit = ParseResult(resources=(_resource("a", "main.tf", size=1),), unit="infra")
    assert checked(unit) is unit
