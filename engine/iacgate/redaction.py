"""What a report may quote of a scanned value: a short prefix, and never what a function read from a file.

Rule messages are written by policy authors and interpolate attribute values; a scanned value can be
megabytes long or hold the contents of a file that a Terraform function read (``file("creds.json")``
of a credentials file an earlier CI step left in the workspace). So:

- A value longer than ``QUOTE_LIMIT`` that a message quotes (as is, or JSON-escaped inside an object) is
  cut to that many characters and an ellipsis; a whole message is at most ``MESSAGE_LIMIT``.
- The words of every file read by a function (and of its base64, as ``filebase64`` returns it) that look
  like a secret (``secret_shaped``) and that the scanned sources do not themselves contain are
  collected once per unit (``file_words``); any such word in a message is replaced by ``WITHHELD``,
  wherever it came from (a value, an unknown's reason, a value the rule transformed around it).
  Words the sources contain (a bucket name written in ``main.tf`` and repeated in a policy file) stay:
  the change under review shows them already.

Every output (text, JSON, SARIF, JUnit, HTML) takes the message from the finding, so the finding is where
this applies; the Terraform parser applies it to its own notes too.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

QUOTE_LIMIT = 40
MESSAGE_LIMIT = 1000
WITHHELD = "[file contents withheld]"
# Words are runs of letters, digits and underscores: a token inside "basic <token>", "key/<id>" or
# "prefix-<token>" is a word of its own, in the file and in the message alike.
_WORD = re.compile(r"\w+")
_SECRET_MIN = 8


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` itself, or its first ``limit`` characters and an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


def secret_shaped(word: str) -> bool:
    """A word that may be a credential: at least 8 characters with letters and digits, 16 with both
    cases, or 32 of anything. Prose words ("SecureTransport"), plain numbers and short names are not."""
    if len(word) < _SECRET_MIN:
        return False
    if len(word) >= 32:
        return True
    letters = any(char.isalpha() for char in word)
    if letters and any(char.isdigit() for char in word):
        return True
    return len(word) >= 16 and any(char.isupper() for char in word) and any(char.islower() for char in word)


def file_words(read: Iterable[str], sources: Iterable[str]) -> frozenset[str]:
    """The secret-shaped words of the texts functions ``read`` (and of their base64) that no text of the
    scanned ``sources`` contains."""
    found: set[str] = set()
    for text in read:
        encoded = base64.b64encode(text.encode("utf-8", "surrogatepass")).decode()
        found.update(word for form in (text, encoded) for word in _WORD.findall(form) if secret_shaped(word))
    if found:
        for text in sources:
            found.difference_update(_WORD.findall(text))
            if not found:
                break
    return frozenset(found)


def strings(value: Any) -> Iterator[str]:
    """Every string inside a value (mapping keys included), depth-first, without recursion limits."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, Mapping):
            pending.extend(str(key) for key in item)
            pending.extend(item.values())
        elif isinstance(item, list | tuple):
            pending.extend(item)


def _forms(value: str) -> tuple[str, ...]:
    """A value as a message may show it: as is, and JSON-escaped (inside an object printed with %v)."""
    escaped = json.dumps(value, ensure_ascii=False)[1:-1]
    return (value,) if escaped == value else (value, escaped)


@dataclass(frozen=True)
class Redactor:
    """Rewrites messages; ``words`` are a unit's ``file_words`` (none: only long values are shortened)."""

    words: frozenset[str] = frozenset()

    def scrub(self, text: str) -> str:
        """``text`` with every withheld word replaced."""
        if not self.words:
            return text
        return _WORD.sub(lambda found: WITHHELD if found.group() in self.words else found.group(), text)

    def message(self, text: str, values: Iterable[str] = ()) -> str:
        """``text`` with the long ``values`` it quotes cut to a prefix (after their withheld words are
        replaced, so that a prefix never shows part of one), withheld words replaced, and at most
        ``MESSAGE_LIMIT`` characters. A value is searched for only when it is long and fits the message."""
        long_values = {value for value in values if QUOTE_LIMIT < len(value) <= len(text)}
        for value in sorted(long_values, key=len, reverse=True):
            for form in _forms(value):
                if form in text:
                    text = text.replace(form, shorten(self.scrub(form)))
        return shorten(self.scrub(text), MESSAGE_LIMIT)
