"""iacgate.yaml: discovery, validation with the file and line of the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.config import find_config
from iacgate.errors import ConfigError
from iacgate.severity import Severity


def test_config_at_the_root_is_found(tmp_path: Path) -> None:
    (tmp_path / "iacgate.yaml").write_text("fail_on: medium\npacks: [encryption]\n")
    config = find_config(None, tmp_path)
    assert (config.fail_on, config.packs) == (Severity.MEDIUM, ("encryption",))


def test_no_config_means_defaults(tmp_path: Path) -> None:
    assert find_config(None, tmp_path).fail_on is None


def test_invalid_values_name_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "iacgate.yaml"
    path.write_text("packs: [encryption]\nfail_on: severe\n")
    with pytest.raises(ConfigError, match=r"iacgate.yaml:2: fail_on: 'severe' is not one of"):
        find_config(None, tmp_path)


def test_unknown_keys_and_bad_yaml_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("fail-on: high\n")
    with pytest.raises(ConfigError, match="Additional properties"):
        find_config(path, tmp_path)
    path.write_text("packs: [a\n")
    with pytest.raises(ConfigError, match=r"c.yaml:2"):
        find_config(path, tmp_path)
