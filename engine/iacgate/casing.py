"""CloudFormation's PascalCase names in the snake_case every format's attributes are held in: a module of
its own, so the vocabulary of findings reads it without loading the CloudFormation parser."""

from __future__ import annotations

import re
from functools import cache

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z0-9])([A-Z])")


@cache
def snake(name: str) -> str:
    """``KMSKeyId`` -> ``kms_key_id``, ``IsMultiRegionTrail`` -> ``is_multi_region_trail``; names that are
    not identifiers (user keys such as ``aws:kms`` or ``/path``) stay as written."""
    if not _IDENTIFIER.match(name):
        return name
    return _WORD.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", name)).lower()
