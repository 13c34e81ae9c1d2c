"""What a report may quote of a scanned value: a short prefix, and never what a function read from a file.

Rule messages are written by policy authors and interpolate attribute values; a scanned value can be
megabytes long or hold the contents of a file that a Terraform function read (``file("token")``).
``Redactor`` rewrites one message: values of the resource it is about (and its neighbours) that came from
such a file are withheld, any other value longer than ``QUOTE_LIMIT`` is cut to a prefix and an
ellipsis, and a message word that appears in a file read by a function is withheld even when the rule
transformed the value around it. Every output (text, JSON, SARIF, JUnit, HTML) takes the message from the
finding, so the finding is where this applies.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

QUOTE_LIMIT = 40
MESSAGE_LIMIT = 1000
WITHHELD = "[file contents withheld]"
# A message word this long that occurs in a file read by a function is taken to be that file's content.
_WORD = re.compile(r"[^\s\"'`,;:()\[\]{}<>=/\\|]{12,}")
# Values shorter than this are words like "true" or "aws:kms" that a file may well contain by chance.
_FILE_VALUE_MIN = 8


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` itself, or its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


def strings(value: Any, reasons: bool = False) -> Iterator[str]:
    """Every string inside a value (mapping keys included), depth-first, without recursion limits; with
    ``reasons``, the reasons of the unknowns inside it instead (``graph.model.Unknown``)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not reasons:
                yield item
        elif isinstance(item, Mapping):
            pending.extend(str(key) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
        elif reasons and isinstance(getattr(item, "reason", None), str):
            yield item.reason


def _forms(value: str) -> tuple[str, ...]:
    """A value as a message may show it: as is, and JSON-escaped (inside an object printed with %v)."""
    escaped = json.dumps(value, ensure_ascii=False)[1:-1]
    return (value,) if escaped == value else (value, escaped)


@dataclass(frozen=True)
class Redactor:
    """Rewrites messages. ``file_texts``: what functions read from files, and the base64 of each (as
    ``filebase64`` returns it). Without file texts only long values are shortened."""

    file_texts: tuple[str, ...] = ()

    @classmethod
    def of(cls, file_texts: Collection[str]) -> Redactor:
        texts = sorted(text for text in file_texts if text)
        encoded = [base64.b64encode(text.encode("utf-8", "surrogatepass")).decode() for text in texts]
        return cls((*texts, *encoded))

    def from_file(self, value: str) -> bool:
        return len(value) >= _FILE_VALUE_MIN and any(value in text for text in self.file_texts)

    def message(self, text: str, values: Iterable[str] = (), notes: Iterable[str] = ()) -> str:
        """``text`` with the ``values`` it quotes withheld (from a file) or shortened (long), file words
        withheld, and at most ``MESSAGE_LIMIT`` characters. ``notes`` (why a value is unknown, written
        by iacgate) are withheld when they hold a file's text but never shortened. Costs grow with the
        values the message actually contains, not with the size of the files read."""
        shortest = _FILE_VALUE_MIN if self.file_texts else QUOTE_LIMIT + 1
        quoted: dict[str, tuple[str, ...]] = {}
        shortened: set[str] = set()
        for value, may_shorten in _tagged(values, notes):
            if shortest <= len(value) <= len(text) and value not in quoted:
                forms = tuple(form for form in _forms(value) if form in text)
                if forms:
                    quoted[value] = forms
                    if may_shorten:
                        shortened.add(value)
        for value in sorted(quoted, key=len, reverse=True):
            if self.from_file(value):
                replacement = WITHHELD
            elif len(value) > QUOTE_LIMIT and value in shortened:
                replacement = shorten(value)
            else:
                continue
            for form in quoted[value]:
                text = text.replace(form, replacement)
        text = shorten(text, MESSAGE_LIMIT)
        if self.file_texts:
            text = _WORD.sub(lambda found: WITHHELD if self.from_file(found.group()) else found.group(), text)
        return shorten(text, MESSAGE_LIMIT)


def _tagged(values: Iterable[str], notes: Iterable[str]) -> Iterator[tuple[str, bool]]:
    yield from ((value, True) for value in values)
    yield from ((note, False) for note in notes)
