"""Wheel build hook: the built-in rule-pack manifests, read from YAML once here, ship as JSON (#19).

A fresh install (a CI runner with an empty cache) otherwise parses 25 manifests of YAML, 630 kB, at its
first scan: 0.13 s of a run that should take under a second. ``iacgate._bundled/manifests.json`` maps
the sha256 of each manifest's text to its document; ``iacgate.packs.load`` uses an entry only for a
built-in manifest whose text has exactly that digest, so a file that does not match (an edited
installation) is read from its YAML as before. Only the standard wheel gets it: an editable install
reads the checkout, whose manifests change as rules are written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SHIPPED = "iacgate/_bundled/manifests.json"
FORMAT = 1


def manifests(rulepacks: Path) -> dict[str, Any]:
    """The shipped document: every manifest and fragment under ``rulepacks`` that JSON carries unchanged,
    keyed by the sha256 of its UTF-8 text."""
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: dict[str, Any] = {}
    for path in sorted(rulepacks.glob("*.yaml")) + sorted(rulepacks.glob("*.d/*.yaml")):
        text = path.read_text(encoding="utf-8")
        document = yaml.load(text, Loader=loader)  # the safe loader, C or Python
        if json.loads(json.dumps(document)) == document:
            found[hashlib.sha256(text.encode("utf-8")).hexdigest()] = document
    return {"format": FORMAT, "manifests": found}


class ManifestsHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version != "standard":
            return
        self._directory = Path(tempfile.mkdtemp(prefix="iacgate-manifests-"))
        target = self._directory / "manifests.json"
        document = manifests(Path(self.root) / "rulepacks")
        target.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
        build_data["force_include"][str(target)] = SHIPPED

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        directory = getattr(self, "_directory", None)
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)
