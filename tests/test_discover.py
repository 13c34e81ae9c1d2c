"""Discovery walks directories without leaving them and names files relative to the scan root."""

from __future__ import annotations

import os
from pathlib import Path

from iacgate.discover import discover, scan_root


def test_walk_skips_tool_directories_and_links_out_of_the_tree(tmp_path: Path) -> None:
    tree = tmp_path / "infra"
    (tree / "prod").mkdir(parents=True)
    (tree / ".terraform").mkdir()
    (tree / "node_modules").mkdir()
    (tree / "prod" / "plan.json").write_text("{}")
    (tree / ".terraform" / "plan.json").write_text("{}")
    (tree / "node_modules" / "x.json").write_text("{}")
    (tree / "notes.txt").write_text("x")
    outside = tmp_path / "secret.json"
    outside.write_text("{}")
    os.symlink(outside, tree / "link.json")
    found = discover([tree], tmp_path, frozenset({".json"}))
    assert [candidate.relative for candidate in found] == ["infra/prod/plan.json"]
    assert not found[0].explicit


def test_explicit_files_are_kept_whatever_their_name(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    found = discover([tmp_path / "a.txt"], tmp_path, frozenset({".json"}))
    assert [(c.relative, c.explicit) for c in found] == [("a.txt", True)]


def test_scan_root_is_the_working_directory_when_paths_are_inside(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    assert scan_root([tmp_path / "a"], tmp_path) == tmp_path
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert scan_root([other], tmp_path / "a") == other.resolve()
