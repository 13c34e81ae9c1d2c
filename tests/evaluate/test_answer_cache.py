"""The answer cache (#19): a re-scan reuses the embedded engine's answers to unchanged queries, with the
same findings, and never reuses what it must not (a changed resource, a changed policy, an error, a store
someone else could have written)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.evaluate import EngineOptions
from iacgate.evaluate.answer_cache import KIND, MAX_ROWS, Fresh, keep, reads_time_zones
from iacgate.packs import load_packs

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "docs" / "custom-pack-example"

MAIN = """\
resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""
OTHER = """\
resource "aws_ebs_volume" "safe" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}

resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}
"""


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(MAIN, encoding="utf-8")
    (root / "other.tf").write_text(OTHER, encoding="utf-8")
    return root


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(directory))
    monkeypatch.delenv("IACGATE_DEBUG", raising=False)
    return directory


def run(repository: Path, reuse: bool = True, **options: object) -> ScanResult:
    engine = EngineOptions(reuse_answers=reuse, **options)  # type: ignore[arg-type]
    return scan(ScanSettings(paths=(repository,), root=repository, engine_options=engine))


def outcome(result: ScanResult) -> tuple[list[tuple[str, str, int, str, str]], list[tuple[str, str, str]]]:
    """What a user reads: every finding (rule, resource, line, status, message) and every check."""
    findings = sorted((f.rule_id, f.resource_id, f.line, f.status, f.message) for f in result.findings)
    checks = sorted((c.rule_id, c.resource_id, c.outcome) for c in result.evaluation.checks)
    return findings, checks


def store(cache: Path) -> Path:
    return cache / KIND / "answers.sqlite3"


def test_a_rescan_reuses_every_answer_and_reports_the_same(repository: Path, cache: Path) -> None:
    first = run(repository)
    assert first.evaluation.reused_answers == 0
    assert ("ENC-EBS-001", "aws_ebs_volume.scratch", 4, "fail") in {item[:4] for item in outcome(first)[0]}
    second = run(repository)
    # Every query of the scan (one per judged resource) was answered from the first scan.
    assert second.evaluation.reused_answers >= 4
    assert outcome(second) == outcome(first)
    assert run(repository).evaluation.reused_answers == second.evaluation.reused_answers
    fresh = run(repository, reuse=False)
    assert fresh.evaluation.reused_answers == 0
    assert outcome(fresh) == outcome(first)


def test_a_changed_resource_is_evaluated_again_and_the_rest_reused(repository: Path, cache: Path) -> None:
    everything = run(repository)
    everything = run(repository)
    (repository / "main.tf").write_text(MAIN.replace("encrypted         = false", "encrypted = true"))
    changed = run(repository)
    # The volume's document changed, so its answer is the engine's own: ENC-EBS-001 passes now.
    assert 0 < changed.evaluation.reused_answers < everything.evaluation.reused_answers
    assert not [
        f for f in changed.findings if (f.rule_id, f.resource_id) == ("ENC-EBS-001", "aws_ebs_volume.scratch")
    ]
    assert ("ENC-EBS-001", "aws_ebs_volume.scratch", "pass") in outcome(changed)[1]
    assert outcome(changed) == outcome(run(repository, reuse=False))


def test_another_rule_selection_or_setting_reuses_nothing(repository: Path, cache: Path) -> None:
    run(repository)
    selected = scan(
        ScanSettings(
            paths=(repository,), root=repository, only_rules=("ENC-EBS-001",), engine_options=EngineOptions()
        )
    )
    # Another router, so another bundle: no answer of the full scan stands for it.
    assert selected.evaluation.reused_answers == 0
    with_settings = scan(ScanSettings(paths=(repository,), root=repository, settings={"owner_tag": "Team"}))
    # The settings are part of every document.
    assert with_settings.evaluation.reused_answers == 0


def cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def custom_pack(tmp_path: Path, policy: str) -> Path:
    """A copy of the documented example pack whose one policy is ``policy``."""
    pack = tmp_path / "pack"
    (pack / "policies").mkdir(parents=True)
    (pack / "pack.yaml").write_text((PACK / "pack.yaml").read_text())
    (pack / "policies" / "owner_tag.rego").write_text(policy)
    return pack


def test_a_changed_custom_policy_is_evaluated_again(tmp_path: Path, cache: Path) -> None:
    policy = (PACK / "policies" / "owner_tag.rego").read_text()
    pack = custom_pack(tmp_path, policy)
    target = PACK / "fixtures" / "ACME-TAG-001"
    args = ("scan", "--pack-dir", str(pack), "--pack", "acme-tagging", "--format", "json", ".")
    first = json.loads(cli(*args, cwd=target).stdout)
    again = json.loads(cli(*args, cwd=target).stdout)
    assert first["tool"]["reused_answers"] == 0 < again["tool"]["reused_answers"]
    assert {f["rule_id"] for f in again["findings"]} == {"ACME-TAG-001"}
    # The same rule, now asking for another tag: nothing of the old policy's answers may stand.
    (pack / "policies" / "owner_tag.rego").write_text(policy.replace('"owner"', '"team"'))
    changed = json.loads(cli(*args, cwd=target).stdout)
    assert changed["tool"]["reused_answers"] == 0
    assert changed["findings"] != again["findings"]


def test_an_evaluation_error_is_never_kept(tmp_path: Path, cache: Path) -> None:
    policy = (PACK / "policies" / "owner_tag.rego").read_text()
    pack = custom_pack(tmp_path, policy.replace("not lib.is_set(owner)", "to_number(lib.resource.id) > 0"))
    target = PACK / "fixtures" / "ACME-TAG-001"
    args = ("scan", "--pack-dir", str(pack), "--pack", "acme-tagging", ".")
    for _ in range(2):
        result = cli(*args, cwd=target)
        assert result.returncode == 3, result.stdout + result.stderr
        assert "ACME-TAG-001" in result.stderr and "builtin" in result.stderr


def test_reports_say_how_many_answers_were_reused(repository: Path, cache: Path) -> None:
    sarif = repository.parent / "out.sarif"
    env = {"IACGATE_CACHE_DIR": str(cache)}
    for expected_reused in (False, True):
        result = cli("scan", "--sarif-output", str(sarif), "--format", "json", ".", cwd=repository, env=env)
        assert result.returncode == 1, result.stderr
        reused = json.loads(result.stdout)["tool"]["reused_answers"]
        properties = json.loads(sarif.read_text())["runs"][0]["properties"]
        assert properties["reusedAnswers"] == reused
        assert (reused > 0) is expected_reused
    for switch in ("--no-answer-cache", "--debug"):
        result = cli("scan", switch, "--format", "json", ".", cwd=repository, env=env)
        assert result.returncode == 1, result.stderr
        assert json.loads(result.stdout)["tool"]["reused_answers"] == 0
    html = repository.parent / "audit.html"
    assert cli("report", str(sarif), "--html", str(html), cwd=repository).returncode == 0
    assert "answers reused from earlier scans of the same input" in html.read_text()


def test_without_a_cache_directory_nothing_is_reused(
    repository: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IACGATE_CACHE_DIR", "")
    run(repository)
    assert run(repository).evaluation.reused_answers == 0


def test_a_store_others_can_write_is_not_read(repository: Path, cache: Path) -> None:
    first = run(repository)
    run(repository)
    store(cache).chmod(0o664)
    again = run(repository)
    assert again.evaluation.reused_answers == 0
    assert outcome(again) == outcome(first)


@pytest.mark.parametrize(
    "attack",
    [
        "garbage",
        "trigger",
        "extra table",
        "answer not JSON",
        "answer of another shape",
    ],
)
def test_a_damaged_or_reshaped_store_is_not_believed(repository: Path, cache: Path, attack: str) -> None:
    first = run(repository)
    path = store(cache)
    if attack == "garbage":
        path.write_bytes(b"not a database\n" * 100)
    else:
        with sqlite3.connect(path) as connection:
            if attack == "trigger":
                connection.execute("CREATE TRIGGER t AFTER INSERT ON answers BEGIN DELETE FROM answers; END")
            elif attack == "extra table":
                connection.execute("CREATE TABLE other (x)")
            elif attack == "answer not JSON":
                connection.execute("UPDATE answers SET answer = '{not json'")
            else:
                connection.execute("UPDATE answers SET answer = '[]'")
        connection.close()
    damaged = run(repository)
    assert damaged.evaluation.reused_answers == 0
    assert outcome(damaged) == outcome(first)
    # The store holds this scan's answers again, and the next scan reuses them.
    assert run(repository).evaluation.reused_answers > 0


def test_the_store_keeps_the_most_recently_used_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("iacgate.evaluate.answer_cache.MAX_ROWS", 3)
    path = tmp_path / "answers.sqlite3"
    keys = [bytes([n]) * 32 for n in range(5)]
    monkeypatch.setattr("iacgate.evaluate.answer_cache.time.time", lambda: 1000.0)
    keep(path, [Fresh(key, "{}") for key in keys[:3]], [])
    monkeypatch.setattr("iacgate.evaluate.answer_cache.time.time", lambda: 1000.0 + 2 * 24 * 3600)
    keep(path, [Fresh(key, "{}") for key in keys[3:]], [keys[0]])
    with sqlite3.connect(path) as connection:
        kept = {row[0] for row in connection.execute("SELECT key FROM answers")}
    connection.close()
    assert kept == {keys[0], keys[3], keys[4]}
    assert MAX_ROWS >= 100_000


def test_a_store_another_scan_holds_locked_is_left_as_it_is(repository: Path, cache: Path) -> None:
    first = run(repository)
    holder = sqlite3.connect(store(cache), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO answers (key, answer, used) VALUES (?, '{}', 0)", (b"m" * 32,))
    try:
        # Neither read nor written while another scan writes it: every query evaluated, as before.
        locked = run(repository)
        assert locked.evaluation.reused_answers == 0
        assert outcome(locked) == outcome(first)
    finally:
        holder.execute("COMMIT")
        holder.close()
    # A busy store is not mistaken for a foreign one and replaced: what the other scan wrote is there.
    with sqlite3.connect(store(cache)) as connection:
        assert connection.execute("SELECT count(*) FROM answers WHERE key = ?", (b"m" * 32,)).fetchone() == (
            1,
        )
    connection.close()
    assert run(repository).evaluation.reused_answers > 0


def test_a_relative_cache_directory_is_used_like_any_other(
    repository: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # IACGATE_CACHE_DIR=.cache/iacgate, relative to where the scan runs (outside any git work tree).
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("IACGATE_CACHE_DIR", "relative-cache")
    monkeypatch.delenv("IACGATE_DEBUG", raising=False)
    first = run(repository)
    second = run(repository)
    assert second.evaluation.reused_answers > 0
    assert outcome(second) == outcome(first) == outcome(run(repository, reuse=False))


def test_a_store_that_cannot_be_replaced_is_no_error(repository: Path, cache: Path) -> None:
    first = run(repository)
    path = store(cache)
    path.unlink()
    # Neither a file nor removable as one: not read, not replaced, and the scan reports as without it.
    path.mkdir()
    path.chmod(0o777)
    again = run(repository)
    assert again.evaluation.reused_answers == 0
    assert outcome(again) == outcome(first)
    assert path.is_dir()


SETTINGS_POLICY = """\
package acme.rules.tagging.owner_tag

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["tags", "owner"], "the settings call this bucket's owner unapproved") if {
	input.settings.owners["true"] == "unapproved"
}
"""


def test_a_setting_keyed_by_a_yaml_boolean_is_read_as_json_reads_it(tmp_path: Path, cache: Path) -> None:
    # iacgate.yaml's settings are YAML: an unquoted `true:` key is a boolean, which JSON (the document's
    # text, and what an OPA server is sent) writes as "true".
    pack = custom_pack(tmp_path, SETTINGS_POLICY)
    target = tmp_path / "repo"
    target.mkdir()
    (target / "main.tf").write_text('resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n')

    def scanned(owners: dict[object, str], reuse: bool) -> ScanResult:
        return scan(
            ScanSettings(
                paths=(target,),
                root=target,
                packs=("acme-tagging",),
                pack_dirs=(pack,),
                settings={"owners": owners},
                engine_options=EngineOptions(reuse_answers=reuse),
            )
        )

    quoted = scanned({"true": "unapproved"}, reuse=True)
    assert [(f.rule_id, f.resource_id) for f in quoted.findings] == [("ACME-TAG-001", "aws_s3_bucket.logs")]
    boolean = scanned({True: "unapproved"}, reuse=True)
    evaluated = scanned({True: "unapproved"}, reuse=False)
    assert outcome(boolean) == outcome(evaluated) == outcome(quoted)


def test_the_builtin_policies_call_no_time_builtin() -> None:
    # With a zone, a time builtin reads the host's time-zone data, which no answer's key holds; the
    # built-in packs are kept free of them, so only custom policies are checked at scan time.
    rules = load_packs((), ())
    assert len(rules.policy_files) > 100
    assert [path for path in rules.policy_files if reads_time_zones(path.read_text())] == []


def test_a_custom_policy_calling_a_time_builtin_keeps_no_answers(tmp_path: Path, cache: Path) -> None:
    policy = (PACK / "policies" / "owner_tag.rego").read_text()
    weekday = 'not lib.is_set(owner)\n\ttime.weekday([0, "Europe/Paris"]) == "Thursday"'
    pack = custom_pack(tmp_path, policy.replace("not lib.is_set(owner)", weekday))
    target = PACK / "fixtures" / "ACME-TAG-001"
    args = ("scan", "--pack-dir", str(pack), "--pack", "acme-tagging", "--format", "json", ".")
    for _ in range(2):
        result = cli(*args, cwd=target)
        assert result.returncode == 0, result.stderr  # the example rule's findings are below --fail-on
        report = json.loads(result.stdout)
        assert {f["rule_id"] for f in report["findings"]} == {"ACME-TAG-001"}
        assert report["tool"]["reused_answers"] == 0
