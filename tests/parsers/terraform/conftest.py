from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test session parses into its own cache, never the user's."""
    directory = tmp_path_factory.getbasetemp() / "hcl-cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(directory))
    return directory
