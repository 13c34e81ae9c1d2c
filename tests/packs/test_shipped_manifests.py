"""A wheel ships the built-in manifests as JSON keyed by their text's digest (hatch_build.py, #19): an
installed iacgate takes a built-in manifest from there only when its text has exactly that digest, and
never takes a custom pack's manifest from it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from iacgate.errors import PackError
from iacgate.packs import load
from iacgate.packs.load import _read_manifest, load_pack, shipped_manifests

REPO = Path(__file__).resolve().parents[2]
MANIFEST = REPO / "rulepacks" / "change-safety.yaml"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _shipped(path: Path, change: dict[str, Any] | None = None) -> dict[str, Any]:
    """The entry a build writes for ``path``, with ``change`` applied (to tell it from the YAML)."""
    text = path.read_text(encoding="utf-8")
    return {_digest(text): {**yaml.safe_load(text), **(change or {})}}


def test_a_builtin_manifest_whose_text_matches_is_taken_from_the_shipped_json() -> None:
    shipped = _shipped(MANIFEST, {"title": "from the shipped JSON"})
    document = _read_manifest(MANIFEST, trusted=True, shipped=shipped)
    assert document["title"] == "from the shipped JSON"


def test_a_manifest_edited_after_the_build_is_read_from_its_yaml(tmp_path: Path) -> None:
    shipped = _shipped(MANIFEST, {"title": "from the shipped JSON"})
    edited = tmp_path / "change-safety.yaml"
    edited.write_text(MANIFEST.read_text(encoding="utf-8").replace("title:", "title:  ", 1), encoding="utf-8")
    assert _read_manifest(edited, trusted=True, shipped=shipped)["title"] != "from the shipped JSON"


def test_a_shipped_entry_without_a_manifest_shape_is_ignored() -> None:
    broken = {key: {**value, "rules": "none"} for key, value in _shipped(MANIFEST).items()}
    assert _read_manifest(MANIFEST, trusted=True, shipped=broken)["rules"] != "none"


def test_a_custom_pack_is_never_taken_from_the_shipped_json(tmp_path: Path) -> None:
    """A custom manifest is always validated: a shipped entry for the same text changes nothing."""
    pack = tmp_path / "pack"
    pack.mkdir()
    manifest = pack / "pack.yaml"
    manifest.write_text("pack: custom\nversion: '1'\nrules: []\n", encoding="utf-8")
    valid = {"pack": "custom", "version": "1", "title": "t", "description": "d", "rules": []}
    shipped = {_digest(manifest.read_text(encoding="utf-8")): valid}
    with pytest.raises(PackError, match="invalid manifest"):
        load_pack(manifest, pack, shipped=shipped)


def test_a_checkout_ships_nothing_and_an_installation_reads_what_its_build_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shipped_manifests() == {}  # the checkout: manifests change as rules are written
    bundled = tmp_path / "_bundled"
    bundled.mkdir()
    monkeypatch.setattr(load, "data_root", lambda: bundled)
    entries = _shipped(MANIFEST)
    (bundled / load.SHIPPED_MANIFESTS).write_text(json.dumps({"format": 1, "manifests": entries}))
    assert shipped_manifests() == entries
    (bundled / load.SHIPPED_MANIFESTS).write_text(json.dumps({"format": 2, "manifests": entries}))
    assert shipped_manifests() == {}
    (bundled / load.SHIPPED_MANIFESTS).write_text("{not json")
    assert shipped_manifests() == {}
