"""``--backend-config`` and ``terraform.backend_config``: a partial backend block completed as ``terraform
init -backend-config`` completes it, from the user's inputs only (a configuration file in the scanned tree
cannot assume them)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PARTIAL = 'terraform {\n  backend "s3" {}\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n'
KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
BACKEND_FILE = (
    f'bucket = "state"\nkey = "a.tfstate"\nencrypt = true\nuse_lockfile = true\nkms_key_id = "{KEY}"\n'
)


def _run(cwd: Path, *args: str) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "iacgate",
            "scan",
            "infra",
            "--pack",
            "secrets-and-state",
            "--format",
            "json",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def _tree(tmp_path: Path) -> Path:
    infra = tmp_path / "infra"
    infra.mkdir()
    (infra / "main.tf").write_text(PARTIAL, encoding="utf-8")
    (infra / "prod.s3.tfbackend").write_text(BACKEND_FILE, encoding="utf-8")
    return infra


def test_the_command_line_completes_a_partial_backend(tmp_path: Path) -> None:
    _tree(tmp_path)
    assert _run(tmp_path)[0] == 1
    assert _run(tmp_path, "--backend-config", "infra/prod.s3.tfbackend")[0] == 0


def test_a_trusted_configuration_names_the_file_relative_to_itself(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "ci").mkdir()
    (tmp_path / "ci" / "iacgate.yaml").write_text(
        "terraform:\n  backend_config:\n    - ../infra/prod.s3.tfbackend\n    - encrypt=true\n",
        encoding="utf-8",
    )
    assert _run(tmp_path, "--config", "ci/iacgate.yaml")[0] == 0


def test_a_configuration_in_the_scanned_tree_cannot_assume_backend_arguments(tmp_path: Path) -> None:
    infra = _tree(tmp_path)
    (infra / "iacgate.yaml").write_text(
        "terraform:\n  backend_config:\n    - prod.s3.tfbackend\n", encoding="utf-8"
    )
    code, report = _run(tmp_path)
    assert code == 1
    warnings = [n["message"] for n in report["notifications"] if n["level"] == "warning"]  # type: ignore[index,union-attr]
    assert any("ignored terraform (values the scan assumes)" in message for message in warnings), warnings
