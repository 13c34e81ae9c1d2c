"""The embedded engine and a real OPA server give the same answers on every fixture and the shared corpus.

Everything under ``fixtures/`` and every format folder of ``../shared/corpus`` is one scan, run through
both engines with ``iacgate.api.scan``, on a server that loaded ``policies/`` at its start; the upload
path (each module moved below its pack version's namespace) is compared on a smaller set of fixtures, and
the rewrite itself is held to every Rego unit test in ``test_opa_policies.py``. Findings and checks are
compared per unit (file, template or root module), so a difference names where it is.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.evaluate import EngineOptions
from iacgate.graph.model import path_text
from opa_server import RunningOpa, opa_server, require_opa, running_opa  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"
# Every pack runs, including those that need settings (residency), so every rule is compared.
SETTINGS = {
    "residency": {
        "allowed_regions": ["eu-west-1", "eu-central-1", "europe-*"],
        "classifications": {"pci": ["eu-west-1"]},
    }
}


def corpus_folders() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(folder for folder in CORPUS.iterdir() if folder.is_dir())


def findings(result: ScanResult) -> set[tuple[Any, ...]]:
    return {
        (
            f.unit,
            f.rule_id,
            f.resource_id,
            f.severity.value,
            path_text(f.path),
            f.status,
            f.fingerprint,
            f.message,
        )
        for f in result.findings
    }


def checks(result: ScanResult) -> set[tuple[str, str, str, str]]:
    return {(c.unit, c.rule_id, c.resource_id, c.outcome) for c in result.evaluation.checks}


def assert_engines_agree(
    trees: tuple[Path, ...], root: Path, server: RunningOpa, upload: bool = True
) -> None:
    base = ScanSettings(paths=trees, root=root, settings=SETTINGS, region="eu-west-1")
    embedded = scan(base)
    opa = scan(
        ScanSettings(
            paths=base.paths,
            root=base.root,
            settings=SETTINGS,
            region="eu-west-1",
            engine="opa",
            engine_options=EngineOptions(opa_url=server.url, opa_upload=upload),
        ),
        rules=embedded.rules,
    )
    assert opa.evaluation.engine == "opa"
    assert embedded.evaluation.checks, f"nothing was evaluated under {', '.join(map(str, trees))}"
    only_embedded = sorted(findings(embedded) - findings(opa))
    only_opa = sorted(findings(opa) - findings(embedded))
    assert (only_embedded, only_opa) == ([], []), "findings differ between the engines"
    assert sorted(checks(embedded) ^ checks(opa)) == []
    assert opa.decision == embedded.decision


# Uploading every module of ~300 rules costs OPA a recompile of everything on each upload (quadratic: past
# the scan's 600 s deadline on a loaded 2-core machine), so the comparison over every fixture and the
# corpus runs against the policies loaded at the server's start, as --opa-no-upload does, and the upload
# path is compared on the fixtures below; the namespace rewrite upload mode applies to every module is
# held to the Rego unit tests by test_opa_policies.py.
UPLOADED = ("residency", "secrets-and-state", "change-safety", "demo")


def test_fixtures_of_most_packs_agree_when_uploaded(opa_server: RunningOpa) -> None:  # noqa: F811
    trees = tuple(FIXTURES / name for name in UPLOADED if (FIXTURES / name).is_dir())
    assert_engines_agree(trees, REPO, opa_server)


def test_fixtures_and_corpus_agree() -> None:
    # Without ../shared only the fixtures are compared; the corpus tests elsewhere say it is absent.
    folders = corpus_folders()
    with running_opa(load=[REPO / "policies"]) as server:
        assert_engines_agree((FIXTURES, *folders), REPO.parent if folders else REPO, server, upload=False)


def test_a_bundle_built_by_opa_build_is_evaluated_as_loaded(tmp_path: Path) -> None:
    """README's no-upload recipe as written: ``opa build`` of policies/, served by ``opa run``, scanned with
    --opa-no-upload gives the embedded engine's answers."""
    bundle = tmp_path / "iacgate-packs.tar.gz"
    built = subprocess.run(
        [str(require_opa()), "build", "-o", str(bundle), str(REPO / "policies")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    trees = (FIXTURES / "demo", FIXTURES / "residency")
    with running_opa(load=[bundle]) as server:
        assert_engines_agree(trees, REPO, server, upload=False)
