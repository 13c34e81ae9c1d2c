from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_parse_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Parser tests parse into the session's own cache: never the user's, whose entries may come from
    another version of the parsers."""
    directory = tmp_path_factory.getbasetemp() / "parse-cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(directory))
    return directory
