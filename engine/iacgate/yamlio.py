"""YAML documents without positions (rule-pack manifests, configuration) read with libyaml when PyYAML
has it: the pure-Python loader spent a quarter of a second of every scan on the rule-pack manifests."""

from __future__ import annotations

from typing import Any

import yaml

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` semantics (same resolver and tags), raising ``yaml.YAMLError`` as it does."""
    return yaml.load(text, Loader=_SafeLoader)  # a safe loader, C or pure Python
