"""Write the fixtures of the issue 15 Azure and GCP encryption rules:

.venv/bin/python tests/rules/azgcp/generate_fixtures.py [RULE-ID ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from azure_cases import RULES as AZURE_RULES
from writer import write

try:
    from gcp_cases import RULES as GCP_RULES
except ImportError:  # pragma: no cover - written rule family by rule family
    GCP_RULES = []


def main(selected: list[str]) -> None:
    for rule in [*AZURE_RULES, *GCP_RULES]:
        if not selected or rule.id in selected:
            write(rule)


if __name__ == "__main__":
    main(sys.argv[1:])
