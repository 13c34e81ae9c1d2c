"""What a scan decides, as one digest: proof that a speed change changed no finding.

    .venv/bin/python benchmarks/findings_digest.py [--json out.json] [--compare before.json]
                                                   [--engine opa] [--corpus ../shared/corpus] [--sarif]

Scans every rule's fixture directory (with the settings its ``iacgate.yaml`` gives, the rule's pack only,
as ``check-packs`` judges them), ``fixtures/demo``, and each of the four folders of ``../shared/corpus``
(all packs; skipped with a note when ``../shared`` is absent). For each target it records every check
(rule, unit, resource, outcome) and every finding (rule, resource, status, file, line, attribute path,
message, fingerprint), sorts them and hashes the lines; the total digest hashes the targets' digests.
``--sarif`` adds the sha256 of each target's SARIF text (its clock readings blanked): proof that a change
to the SARIF writer changed no byte of the evidence.

Run it at two commits (``PYTHONPATH=<other checkout>/engine`` runs another engine on the same inputs)
and compare: ``--json`` writes every target's digest and counts, ``--compare`` names the targets that
differ and the first lines that do. Exit status: 0 same (or nothing compared), 1 different, 2 a scan
failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.findings import path_text
from iacgate.packs import load_packs
from iacgate.packs.check import fixture_settings
from iacgate.report import render_sarif

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CORPUS_FOLDERS = ("terraform", "tfplan", "cloudformation", "pulumi")


def result_lines(result: ScanResult) -> list[str]:
    """Every decision of a scan, one line each, in a stable order."""
    lines = [
        f"check\t{check.rule_id}\t{check.unit}\t{check.resource_id}\t{check.outcome}"
        for check in result.evaluation.checks
    ]
    lines += [
        "\t".join(
            (
                "finding",
                finding.rule_id,
                finding.unit,
                finding.resource_id,
                finding.status,
                finding.file,
                str(finding.line),
                path_text(finding.path),
                finding.message,
                finding.fingerprint,
            )
        )
        for finding in result.findings
    ]
    lines += [f"note\t{note.level}\t{note.message}" for note in result.notifications]
    return sorted(lines)


# The SARIF fields that read the clock: blanked before hashing.
_CLOCK = re.compile(r'"(startTimeUtc|endTimeUtc|durationSeconds)": ("[^"]*"|[0-9.e+-]+)')


def sarif_line(result: ScanResult) -> str:
    text = _CLOCK.sub(lambda match: f'"{match[1]}": 0', render_sarif(result))
    return f"sarif\t{hashlib.sha256(text.encode()).hexdigest()}"


def targets(engine: str, corpus: Path) -> Iterator[tuple[str, ScanSettings]]:
    for rule in load_packs().rules:
        directory = REPO / "fixtures" / rule.pack / rule.id
        if directory.is_dir():
            settings = replace(fixture_settings(directory), packs=(rule.pack,), engine=engine)
            yield f"fixtures/{rule.pack}/{rule.id}", settings
    demo = REPO / "fixtures" / "demo"
    yield "fixtures/demo", replace(fixture_settings(demo), engine=engine)
    for folder in CORPUS_FOLDERS:
        path = corpus / folder
        if path.is_dir():
            yield f"corpus/{folder}", ScanSettings(paths=(path,), root=path, engine=engine)
        else:
            print(f"corpus/{folder}: skipped, {path} is absent", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="A digest of every check and finding on the fixtures.")
    parser.add_argument("--json", type=Path, help="write every target's digest and lines here")
    parser.add_argument("--compare", type=Path, help="a --json file of another run to compare with")
    parser.add_argument("--engine", default="embedded", choices=["embedded", "opa"])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the shared corpus (default {CORPUS})")
    parser.add_argument("--sarif", action="store_true", help="also hash each target's SARIF text")
    args = parser.parse_args(argv)
    digests: dict[str, dict[str, object]] = {}
    failed = False
    for name, settings in targets(args.engine, args.corpus):
        try:
            result = scan(settings)
            lines = result_lines(result) + ([sarif_line(result)] if args.sarif else [])
        except Exception as exc:  # a failed scan is a difference worth naming, not a traceback
            print(f"{name}: scan failed: {exc}", file=sys.stderr)
            failed = True
            lines = [f"error\t{type(exc).__name__}\t{exc}"]
        digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
        digests[name] = {"digest": digest, "lines": lines}
    total = hashlib.sha256("".join(f"{k}\0{v['digest']}\n" for k, v in digests.items()).encode())
    checks = sum(1 for v in digests.values() for line in v["lines"] if str(line).startswith("check\t"))
    findings = sum(1 for v in digests.values() for line in v["lines"] if str(line).startswith("finding\t"))
    print(f"{len(digests)} targets, {checks:,} checks, {findings:,} findings: sha256 {total.hexdigest()}")
    if args.json:
        args.json.write_text(json.dumps({"total": total.hexdigest(), "targets": digests}, indent=1) + "\n")
    if failed:
        return 2
    if not args.compare:
        return 0
    before = json.loads(args.compare.read_text())["targets"]
    differ = sorted(set(before) ^ set(digests)) + [
        name for name in digests if name in before and before[name]["digest"] != digests[name]["digest"]
    ]
    for name in differ:
        old = set(before.get(name, {}).get("lines", []))
        new = set(digests.get(name, {}).get("lines", []))
        print(f"differs: {name}")
        for line in sorted(old - new)[:5]:
            print(f"  - {line}")
        for line in sorted(new - old)[:5]:
            print(f"  + {line}")
    print("same findings" if not differ else f"{len(differ)} targets differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
