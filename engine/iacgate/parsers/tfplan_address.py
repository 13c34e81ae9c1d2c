"""Terraform addresses and references as token lists: ``module.a["x"].aws_s3_bucket.b[0].arn``.

Instance keys are quoted strings (``for_each``) or integers (``count``); a key may hold dots, brackets and
escaped quotes, so addresses are tokenised rather than split on ".".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

Key = int | str | None

_TOKEN = re.compile(r'\.?([A-Za-z_][\w-]*)|\[\s*("(?:[^"\\]|\\.)*"|-?\d+|\*)\s*\]')


@dataclass(frozen=True)
class Index:
    """``[key]`` in a traversal; ``key`` is ``None`` for a splat ``[*]``."""

    key: Key


Token = str | Index


def tokens(text: str) -> tuple[Token, ...] | None:
    """The names and indexes of a traversal, or ``None`` when it is not a plain traversal."""
    out: list[Token] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() != position:
            return None
        position = match.end()
        name, index = match.group(1), match.group(2)
        if name is not None:
            out.append(name)
        elif index == "*":
            out.append(Index(None))
        elif index.startswith('"'):
            try:
                out.append(Index(json.loads(index)))
            except ValueError:  # Go-only escapes such as \x00: not a key any lookup could match
                return None
        else:
            out.append(Index(int(index)))
    return tuple(out) if position == len(text) and out else None


def module_step(name: str, key: Key) -> str:
    """One canonical ``module.<name>[key]`` step (used only as an internal lookup key)."""
    if key is None:
        return f"module.{name}"
    return f"module.{name}[{json.dumps(key) if isinstance(key, str) else key}]"


def join_module(parent: str, name: str, key: Key) -> str:
    step = module_step(name, key)
    return f"{parent}.{step}" if parent else step


@dataclass(frozen=True)
class ModuleStep:
    name: str
    key: Key


def _leading_modules(parts: tuple[Token, ...]) -> tuple[tuple[ModuleStep, ...], int]:
    steps: list[ModuleStep] = []
    position = 0
    while position + 1 < len(parts) and parts[position] == "module" and isinstance(parts[position + 1], str):
        name = str(parts[position + 1])
        position += 2
        key: Key = None
        following = parts[position] if position < len(parts) else None
        if isinstance(following, Index):
            key = following.key
            position += 1
        steps.append(ModuleStep(name, key))
    return tuple(steps), position


def split_module_address(address: str) -> tuple[ModuleStep, ...] | None:
    """``module.a["x"].module.b`` -> its steps; ``""`` is the root module."""
    if not address:
        return ()
    parts = tokens(address)
    if parts is None:
        return None
    steps, position = _leading_modules(parts)
    return steps if position == len(parts) else None


def resource_module(address: str) -> tuple[ModuleStep, ...] | None:
    """The module steps in front of a resource instance address (``None`` when it does not parse)."""
    parts = tokens(address)
    return None if parts is None else _leading_modules(parts)[0]


def canonical_module(steps: tuple[ModuleStep, ...]) -> str:
    out = ""
    for step in steps:
        out = join_module(out, step.name, step.key)
    return out


def short_provider(provider_name: str) -> str:
    """``registry.terraform.io/hashicorp/aws`` (or bare ``aws`` in 0.12 plans) -> ``aws``."""
    name = provider_name.rstrip("/").rsplit("/", 1)[-1].lower()
    return "google" if name == "google-beta" else name
