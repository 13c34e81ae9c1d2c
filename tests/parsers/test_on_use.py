"""Parsers are loaded on use: the table answers a file's format without importing any parser, and a scan
loads only the parsers of the formats it finds (a pre-commit run over Terraform files is mostly start-up).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from iacgate.errors import ParseError
from iacgate.parsers import PARSERS, Guarded, OnUse
from iacgate.textio import read_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
PARSER_MODULES = {
    "terraform-plan": "iacgate.parsers.tfplan",
    "terraform": "iacgate.parsers.terraform",
    "pulumi": "iacgate.parsers.pulumi",
    "cloudformation-changeset": "iacgate.parsers.changeset",
    "cloudformation": "iacgate.parsers.cloudformation",
    "pulumi-config": "iacgate.parsers.pulumi_config",
}


def _on_use(name: str) -> OnUse:
    guarded = PARSERS[name]
    assert isinstance(guarded, Guarded) and isinstance(guarded.parser, OnUse)
    return guarded.parser


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_the_table_says_what_the_parser_class_says(name: str) -> None:
    on_use = _on_use(name)
    loaded = on_use.parser
    assert type(loaded).__module__ == PARSER_MODULES[name]
    assert (on_use.format, on_use.suffixes) == (loaded.format, loaded.suffixes) == (name, loaded.suffixes)


def test_the_table_claims_every_fixture_as_the_parser_classes_do() -> None:
    files = [path for path in sorted(FIXTURES.rglob("*")) if path.is_file() and path.suffix != ".md"]
    assert len(files) > 500
    mismatched = []
    for path in files:
        try:
            source = read_source(path, path.relative_to(FIXTURES).as_posix())
        except ParseError:
            continue  # not text iacgate reads (binary, too large): no parser is asked
        for name in PARSERS:
            on_use = _on_use(name)
            if on_use.claims(source) != on_use.parser.claims(source):
                mismatched.append((source.relative, name))
    assert mismatched == []


def _modules_loaded_by_scan(
    target: Path, modules: tuple[str, ...] = tuple(PARSER_MODULES.values())
) -> set[str]:
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from iacgate.api import ScanSettings, scan\n"
        f"result = scan(ScanSettings(paths=(Path({str(target)!r}),)))\n"
        "assert result.findings, 'the scan found nothing: wrong target?'\n"
        f"print(json.dumps(sorted(m for m in {sorted(modules)!r} if m in sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO, timeout=300
    )
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_a_terraform_scan_loads_no_other_parser() -> None:
    loaded = _modules_loaded_by_scan(FIXTURES / "parsers" / "tfplan-source" / "infra")
    assert loaded == {"iacgate.parsers.terraform"}


def test_a_cloudformation_scan_loads_its_parser() -> None:
    loaded = _modules_loaded_by_scan(FIXTURES / "parsers" / "cloudformation" / "rain.yaml")
    assert "iacgate.parsers.cloudformation" in loaded
    assert "iacgate.parsers.terraform" not in loaded


def test_a_scan_that_reads_no_yaml_never_imports_pyyaml() -> None:
    # Once the rule-pack manifests are cached (the first run reads their YAML; a wheel ships them as
    # JSON), a scan without a config, waivers or template in YAML has no use for PyYAML.
    for target in (
        FIXTURES / "parsers" / "tfplan-source" / "infra",
        FIXTURES / "demo" / "payments-platform.tfplan.json",
    ):
        _modules_loaded_by_scan(target)
        assert _modules_loaded_by_scan(target, ("yaml", "iacgate.yamlio")) == set()
