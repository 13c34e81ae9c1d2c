"""iacgate.cache: entries are plain data behind a header that is checked field by field, in private
directories; anything else is recomputed, with a note only under ``IACGATE_DEBUG=1``."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import pytest

from iacgate import __version__, cache
from iacgate.cache import Entry, read_bytes, read_json, write_bytes, write_json
from iacgate.evaluate.bundle_cache import compiled_before, remember_compiled, save_bundle, verified_bundle
from iacgate.packs.load import builtin_pack_dirs, load_packs
from iacgate.packs.manifest_cache import manifest_entry, read_manifest

IS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(directory))
    monkeypatch.delenv("IACGATE_DEBUG", raising=False)
    return directory


def _entry() -> Entry:
    found = cache.entry("things", "some", "content")
    assert found is not None
    return found


def test_an_entry_is_a_header_line_and_plain_json_in_private_directories(base: Path) -> None:
    entry = _entry()
    write_json(entry, {"a": [1, 2.5, None, True, "ü"]})
    header, payload = entry.path.read_bytes().split(b"\n", 1)
    assert json.loads(header) == {
        "format": cache.FORMAT,
        "iacgate": __version__,
        "kind": "things",
        "key": entry.key,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    assert entry.key == entry.path.name == cache.digest("some", "content")
    assert read_json(entry) == {"a": [1, 2.5, None, True, "ü"]}
    assert entry.path.stat().st_mode & 0o777 == 0o600
    assert {oct(path.stat().st_mode & 0o777) for path in (base, base / "things")} == {oct(0o700)}


def test_parts_are_length_prefixed() -> None:
    assert cache.digest("ab", "c") != cache.digest("a", "bc")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("format", cache.FORMAT + 1),
        ("format", True),
        ("iacgate", "0.0.1"),
        ("kind", "other"),
        ("key", "0" * 64),
        ("sha256", "0" * 64),
    ],
)
def test_every_header_field_is_checked(
    base: Path, field: str, value: object, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = _entry()
    write_json(entry, [1])
    header, payload = entry.path.read_bytes().split(b"\n", 1)
    fields = {**json.loads(header), field: value}
    entry.path.write_bytes(json.dumps(fields).encode() + b"\n" + payload)
    assert read_json(entry) is None
    assert capsys.readouterr().err == ""  # the library prints nothing unless asked
    monkeypatch.setenv("IACGATE_DEBUG", "1")
    assert read_json(entry) is None
    note = capsys.readouterr().err
    assert f"cache entry {entry.path} ignored: " in note and "recomputed" in note
    assert (field if field != "sha256" else "sha256") in note


@pytest.mark.parametrize("content", [b"", b"\n", b"[1]\n[1]", b"\x80\x04\x95pickle", b"{}\n{}"])
def test_what_has_no_header_is_not_read(base: Path, content: bytes) -> None:
    entry = _entry()
    write_json(entry, [1])
    entry.path.write_bytes(content)
    assert read_json(entry) is None


def test_a_payload_that_is_not_json_is_not_read(base: Path) -> None:
    entry = _entry()
    write_bytes(entry, b"\x80\x04not json")
    assert read_bytes(entry) == b"\x80\x04not json"
    assert read_json(entry) is None


def test_values_json_cannot_hold_are_not_written(base: Path) -> None:
    entry = _entry()
    write_json(entry, {"a": {1, 2}})
    assert not entry.path.exists()


def test_an_entry_file_others_can_write_is_not_read(base: Path) -> None:
    entry = _entry()
    write_json(entry, [1])
    entry.path.chmod(0o666)
    assert read_json(entry) is None
    entry.path.chmod(0o644)  # readable by others, but nobody else can have written it
    assert read_json(entry) == [1]


@pytest.mark.skipif(not IS_ROOT, reason="changing a file's owner needs root")
def test_an_entry_file_of_another_user_is_not_read(base: Path) -> None:
    entry = _entry()
    write_json(entry, [1])
    os.chown(entry.path, 65534, 65534)
    assert read_json(entry) is None


@pytest.mark.parametrize("mode", [0o770, 0o707, 0o777])
def test_a_directory_others_can_write_is_not_used(
    base: Path, mode: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_json(_entry(), [1])
    base.chmod(mode)
    monkeypatch.setenv("IACGATE_DEBUG", "1")
    assert cache.directory("things") is None and cache.entry("things", "x") is None
    assert f"cache directory {base} not used" in capsys.readouterr().err
    base.chmod(0o700)
    (base / "things").chmod(mode)
    assert cache.directory("things") is None


def test_a_directory_readable_by_others_is_tightened(base: Path) -> None:
    base.mkdir(mode=0o755)
    base.chmod(0o755)
    assert cache.directory("things") == base / "things"
    assert base.stat().st_mode & 0o777 == 0o700


def test_a_cache_inside_a_git_work_tree_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checkout = tmp_path / "checkout"
    (checkout / ".git").mkdir(parents=True)
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(checkout / "sub" / ".cache"))
    assert cache.directory("things") is None
    assert not (checkout / "sub").exists()
    (checkout / ".git").rmdir()
    (checkout / ".git").write_text("gitdir: elsewhere\n")  # a linked work tree or a submodule
    assert cache.directory("things") is None


def test_without_a_cache_only_iacgate_data_goes_to_a_private_temporary_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IACGATE_CACHE_DIR", "")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert cache.directory("things") is None
    found = cache.directory("grammar", temporary=True)
    assert found is not None and found.parent.parent == tmp_path
    assert found.parent.stat().st_mode & 0o777 == 0o700
    # Another user's directory of that name (made first, on a shared machine) is not used.
    found.parent.chmod(0o777)
    assert cache.directory("grammar", temporary=True) is None


def test_bundles_load_only_as_their_sidecar_vouches(base: Path, tmp_path: Path) -> None:
    directory = cache.directory("rego-test")
    assert directory is not None
    path = directory / f"{'a' * 64}.rbb"
    assert not verified_bundle(path)
    save_bundle(path, lambda target: Path(target).write_bytes(b"bundle bytes"))
    assert verified_bundle(path)
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    path.write_bytes(b"other bytes")
    assert not verified_bundle(path)
    # The bundle and sidecar of another key, moved here together.
    other = directory / f"{'b' * 64}.rbb"
    save_bundle(other, lambda target: Path(target).write_bytes(b"other bytes"))
    Path(f"{other}.json").replace(f"{path}.json")
    assert not verified_bundle(path)


def test_the_compiled_marker_is_an_entry_not_a_file_name(base: Path) -> None:
    directory = cache.directory("rego-test")
    assert directory is not None
    marker = directory / f"{'c' * 64}.ok"
    assert not compiled_before(marker)
    marker.touch()  # what the marker was before: any empty file
    assert not compiled_before(marker)
    remember_compiled(marker)
    assert compiled_before(marker)


def test_manifests_read_back_only_with_the_shape_the_loader_uses(base: Path) -> None:
    rules = load_packs(("encryption",))
    again = load_packs(("encryption",))
    assert again == rules
    manifest = builtin_pack_dirs()["encryption"]
    entry = manifest_entry(manifest.read_text(encoding="utf-8"), "rulepack.schema.json")
    document = read_manifest(entry, fragment=False)
    assert document is not None and document["pack"] == "encryption"
    assert entry is not None
    broken = {**document, "rules": [{**document["rules"][0], "severity": "none"}]}
    write_json(entry, broken)
    assert read_manifest(entry, fragment=False) is None
    write_json(entry, {**document, "rules": [{**document["rules"][0], "controls": {"soc2": "CC6.1"}}]})
    assert read_manifest(entry, fragment=False) is None
    assert load_packs(("encryption",)) == rules  # read from the manifest again, and cached again
    assert read_manifest(entry, fragment=False) == document
