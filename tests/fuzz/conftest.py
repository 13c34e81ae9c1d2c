from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Thousands of mutants must not fill the user's parse cache: the session gets its own, thrown away."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IACGATE_CACHE_DIR", str(tmp_path_factory.mktemp("fuzz-cache")))
        yield
