"""The wheel is complete: in a fresh venv, iacgate finds its rule packs and scans with no checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "fixtures" / "demo" / "payments-platform.tfplan.json"
SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
BUNDLED = (
    "iacgate/_bundled/policies/lib/iacgate.rego",
    "iacgate/_bundled/rulepacks/encryption.yaml",
    # The compiled HCL grammar: a fresh install reads it instead of building it (#19).
    "iacgate/parsers/terraform/data/hcl-grammar.json.xz",
    # The built-in manifests as JSON (hatch_build.py): a fresh install parses no YAML (#19).
    "iacgate/_bundled/manifests.json",
)


def run(
    argv: list[str], cwd: Path, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    # Nothing may leak the checkout into the installed interpreter.
    kept = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    return subprocess.run(
        argv,
        cwd=cwd,
        env={**kept, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def build_wheel(dist: Path) -> Path:
    if importlib.util.find_spec("build") is not None:
        command = [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)]
    else:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(dist), str(REPO)]
    result = run(command, cwd=dist.parent)
    assert result.returncode == 0, f"wheel build failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    wheels = sorted(dist.glob("iacgate-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def repo_rule_ids(unconditional_only: bool = False) -> set[str]:
    """Rule ids of the checkout's packs (and their <pack>.d fragments); optionally only the packs that
    run without settings (a pack with requires_settings is skipped, with a note, when they are absent)."""
    ids: set[str] = set()
    for manifest in (REPO / "rulepacks").glob("*.yaml"):
        document: dict[str, Any] = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        if unconditional_only and document.get("requires_settings"):
            continue
        fragments = sorted(manifest.with_name(f"{manifest.stem}.d").glob("*.yaml"))
        ids.update(rule["id"] for rule in document["rules"])
        for fragment in fragments:
            ids.update(rule["id"] for rule in yaml.safe_load(fragment.read_text(encoding="utf-8"))["rules"])
    return ids


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_scans_outside_the_checkout(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for bundled in BUNDLED:
        assert bundled in names, f"{bundled} missing from {wheel.name}"
    assert not any(name.startswith(("engine/", "tests/", "fixtures/")) for name in names)
    licences = [name for name in names if name.endswith(".dist-info/licenses/LICENSE")]
    assert licences, f"LICENSE missing from {wheel.name}"
    with zipfile.ZipFile(wheel) as archive:
        assert "Apache License" in archive.read(licences[0]).decode("utf-8")

    venv = tmp_path / "venv"
    python_for_venv = shutil.which("python3.11") or sys.executable
    created = run([python_for_venv, "-m", "venv", str(venv)], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    python, iacgate = venv / "bin" / "python", venv / "bin" / "iacgate"
    installed = run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        cwd=tmp_path,
    )
    assert installed.returncode == 0, f"pip install failed:\n{installed.stderr[-3000:]}"

    # A working directory with no checkout in sight: only what the wheel installed can be found.
    work = tmp_path / "work"
    work.mkdir()
    probe = run(
        [
            str(python),
            "-c",
            "import iacgate.packs.load as load; from iacgate.packs import load_packs; "
            "print(load.data_root()); print(len(load_packs().rules))",
        ],
        cwd=work,
    )
    assert probe.returncode == 0, probe.stderr
    data_root, count = probe.stdout.split()
    assert Path(data_root).is_relative_to(venv), f"packs came from {data_root}, not the installed wheel"
    assert Path(data_root).name == "_bundled"
    assert int(count) == len(repo_rule_ids()) > 0

    # The fresh install reads the compiled HCL grammar it ships instead of building it.
    grammar = run(
        [
            str(python),
            "-c",
            "from lark import __version__; from iacgate.cache import digest; "
            "from iacgate.parsers.terraform import grammar_cache, load; "
            "print(grammar_cache._shipped(digest(load.hcl_grammar(), __version__, 'lalr')) is not None)",
        ],
        cwd=work,
    )
    assert grammar.stdout.strip() == "True", grammar.stderr

    # ... and the manifests it ships: on an empty cache, no manifest is read from YAML (and cached).
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    listed = run([str(iacgate), "rules", "--format", "json"], cwd=work, env={"IACGATE_CACHE_DIR": str(cache)})
    assert listed.returncode == 0, f"iacgate rules failed:\n{listed.stderr}"
    assert not list(cache.glob("manifests/*")), (
        "a manifest was parsed from YAML, not read from manifests.json"
    )
    for rule_id in repo_rule_ids():
        assert rule_id in listed.stdout, f"{rule_id} not listed by the installed iacgate"

    plan = work / DEMO.name
    shutil.copyfile(DEMO, plan)
    sarif_path = work / "out" / "demo.sarif"
    scanned = run(
        [str(iacgate), "scan", plan.name, "--format", "sarif", "--output", str(sarif_path)], cwd=work
    )
    assert scanned.returncode == 1, f"expected the gate to fail on the demo (exit 1):\n{scanned.stderr}"
    sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    flagged = {
        (result["ruleId"], result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
        for result in results
    }
    assert ("ENC-EBS-001", "aws_ebs_volume.reconciliation_scratch") in flagged
    assert ("ENC-EBS-001", "aws_ebs_volume.ledger_batch") not in flagged
    evaluated = {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert repo_rule_ids(unconditional_only=True) <= evaluated
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF written but not schema-checked: {SARIF_SCHEMA} is absent (../shared not present)")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    # The schema declares draft-04; letting jsonschema pick the validator from "$schema" honours that.
    jsonschema.validate(sarif, schema)
