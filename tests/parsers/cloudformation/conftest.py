from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from iacgate.parsers.base import ParseOptions, ParseResult, merged
from iacgate.parsers.cloudformation import CloudFormationParser
from iacgate.textio import read_source

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "fixtures" / "parsers" / "cloudformation"
SHARED = REPO.parent / "shared"

Parse = Callable[..., ParseResult]


def parse_files(root: Path, names: Sequence[str], **options: object) -> ParseResult:
    parser = CloudFormationParser()
    sources = [read_source(root / name, name) for name in names]
    claimed = [source for source in sources if parser.claims(source)]
    return merged(parser.parse(claimed, ParseOptions(scan_root=root, **options)))  # type: ignore[arg-type]


@pytest.fixture
def parse() -> Parse:
    def run(*names: str, **options: object) -> ParseResult:
        return parse_files(FIXTURES, names, **options)

    return run
