"""What the Terraform corpus leaves unknown, and why: a tally for people (issue 3 asks to record it).

    .venv/bin/python benchmarks/corpus_unknowns.py [DIR]   # default ../shared/corpus/terraform

Scans DIR through the library (every root module, its local modules), then prints how many resources
hold at least one unknown attribute and the unknowns grouped by the kind of reason, most frequent first.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.graph.model import Unknown

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "terraform"
# Reasons name addresses and values; the kind of reason is what is left when those are blanked out.
_SPECIFIC = re.compile(r"'[^']*'|\"[^\"]*\"|\b(?:var|local|module|data|aws_\w+)\.[\w.\[\]\"-]+")


def unknowns(value: object) -> Iterator[Unknown]:
    if isinstance(value, Unknown):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from unknowns(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from unknowns(item)


def kind_of(reason: str) -> str:
    return _SPECIFIC.sub("…", reason)


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else CORPUS
    if not root.is_dir():
        print(f"{root}: no such directory (the corpus lives in ../shared/corpus/terraform)")
        return 2
    result = scan(ScanSettings(paths=(root,), root=root))
    resources = [resource for graph in result.graphs for resource in graph.resources]
    with_unknowns = [resource for resource in resources if any(unknowns(resource.attributes))]
    kinds = Counter(kind_of(item.reason) for resource in resources for item in unknowns(resource.attributes))
    print(
        f"{len(resources)} resources in {len(result.graphs)} root modules; {len(with_unknowns)} hold unknowns"
    )
    for kind, count in kinds.most_common():
        print(f"{count:>6}  {kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
