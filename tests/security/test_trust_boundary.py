"""Issue #13's attacks on the gate's own inputs, each made by a pull request that adds files to the tree.

Every test builds a real git repository: ``main`` holds ``infra/main.tf`` with one high-severity
violation (an unencrypted EBS volume, ENC-EBS-001), the ``pr`` branch adds the attack, and the scan runs
as docs/ci.md recommends, from the repository root: ``iacgate scan infra --trusted-ref main``. The gate
must still fail (exit 1), or stop with a clear message (2/3), with nothing sent anywhere. The attacks on
configuration are also run without a trusted ref, where configuration in the tree may only tighten.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from report.support import assert_valid_sarif
from security.gitrepo import commit, git, pr_repo

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

VOLUME = """\
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""
SECRET = "s3cr3t-ci-token-do-not-leak"


def iacgate(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    inherited = {key: value for key, value in os.environ.items() if key != "IACGATE_TRUSTED_REF"}
    environment = {**inherited, "IACGATE_TODAY": "2026-03-02", "IACGATE_OPA_TOKEN": SECRET, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", "infra", "--format", "json", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env=environment,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """``main`` with the violation, checked out on a new ``pr`` branch that the test then edits."""
    return pr_repo(tmp_path / "repo", VOLUME)


def blocking(result: subprocess.CompletedProcess[str]) -> list[str]:
    report = json.loads(result.stdout)
    return [f["rule_id"] for f in report["findings"] if f["blocking"]]


def notes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [n["message"] for n in json.loads(result.stdout)["notifications"]]


MODES = [pytest.param(("--trusted-ref", "main"), id="trusted-ref"), pytest.param((), id="no-ref")]

WEAKENING_CONFIGS = {
    "fail_on": "fail_on: critical\n",
    "packs": "packs: [residency]\nresidency:\n  allowed_regions: ['*']\n",
    "enforcement": "enforcement:\n  encryption: advisory\n  ENC-EBS-001: advisory\n",
    "exclude": 'exclude: ["*", "**", "infra/*"]\n',
    "max_waiver_days": "max_waiver_days: 100000\nwaivers: iacgate-waivers.yaml\n",
    "settings": "settings:\n  min_log_retention_days: 0\n",
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(WEAKENING_CONFIGS))
def test_config_in_the_change_cannot_weaken_the_gate(repo: Path, name: str, mode: tuple[str, ...]) -> None:
    (repo / "iacgate.yaml").write_text(WEAKENING_CONFIGS[name], encoding="utf-8")
    commit(repo, f"weaken the gate: {name}")
    result = iacgate(repo, *mode)
    assert result.returncode == 1, result.stderr
    assert "ENC-EBS-001" in blocking(result)
    said = "\n".join(notes(result))
    if mode:
        assert "this change edits iacgate.yaml, which can change the gate" in said
    else:
        assert "configuration found in the scanned tree may only tighten the gate" in said


def test_config_in_the_tree_may_tighten(repo: Path) -> None:
    # A medium finding with fail_on: medium from the tree blocks; the default (high) would not.
    (repo / "infra" / "main.tf").write_text(
        VOLUME.replace("false", "true")
        + 'resource "aws_cloudwatch_log_group" "app" {\n  name = "app"\n  retention_in_days = 7\n}\n',
        encoding="utf-8",
    )
    commit(repo, "medium finding only")
    assert iacgate(repo).returncode == 0
    (repo / "iacgate.yaml").write_text("fail_on: low\n", encoding="utf-8")
    result = iacgate(repo)
    assert result.returncode == 1, result.stdout
    assert not [note for note in notes(result) if "may only tighten" in note]


def test_trusted_ref_reads_the_reviewed_config(repo: Path) -> None:
    # Reviewed on main: this team gates on critical only. The change cannot turn that back, nor on.
    git(repo, "checkout", "-q", "main")
    (repo / "iacgate.yaml").write_text("fail_on: critical\n", encoding="utf-8")
    commit(repo, "gate on critical (reviewed)")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    assert iacgate(repo, "--trusted-ref", "main").returncode == 0
    (repo / "iacgate.yaml").write_text("fail_on: critical\nexclude: ['**']\n", encoding="utf-8")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 0
    assert any("this change edits iacgate.yaml" in note for note in notes(result))
    # The ref may come from the environment too.
    (repo / "iacgate.yaml").write_text("fail_on: low\n", encoding="utf-8")
    assert iacgate(repo, env={"IACGATE_TRUSTED_REF": "main"}).returncode == 0


class _Attacker(http.server.BaseHTTPRequestHandler):
    """A fake server at the attacker's URL that records every request (headers and body)."""

    seen: list[str] = []

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        type(self).seen.append(f"{self.command} {self.path}\n{self.headers}\n{body}")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"result": {}}')

    do_GET = do_PUT = do_POST = do_DELETE = _record

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def attacker() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type("Handler", (_Attacker,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("token_file", [True, False], ids=["token_file", "env-token"])
def test_config_in_the_change_cannot_direct_requests_or_credentials(
    repo: Path, attacker: tuple[str, list[str]], mode: tuple[str, ...], token_file: bool
) -> None:
    url, seen = attacker
    opa = f"  url: {url}\n" + ("  token_file: /proc/self/environ\n" if token_file else "")
    (repo / "iacgate.yaml").write_text(f"engine: opa\nopa:\n{opa}", encoding="utf-8")
    commit(repo, "send the environment away")
    result = iacgate(repo, *mode)
    assert result.returncode == 1, result.stderr
    assert seen == []
    assert SECRET not in result.stdout + result.stderr


def test_waivers_in_the_change_are_not_applied_even_beside_a_trusted_config(
    repo: Path, tmp_path: Path
) -> None:
    waiver = (
        "waivers:\n  - rule: encryption\n    resource: '*'\n    reason: trust me\n"
        "    approved_by: attacker\n    expires: 2999-12-31\n"
    )
    (repo / "iacgate-waivers.yaml").write_text(waiver, encoding="utf-8")
    commit(repo, "waive everything")
    trusted = tmp_path / "trusted.yaml"  # kept on the runner, outside the repository
    trusted.write_text("fail_on: high\n", encoding="utf-8")
    result = iacgate(repo, "--config", str(trusted), "--no-inline-waivers")
    assert result.returncode == 1, result.stderr
    assert any("iacgate-waivers.yaml found in the scanned tree is not applied" in n for n in notes(result))
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1
    assert any("this change edits iacgate-waivers.yaml" in note for note in notes(result))


def test_waivers_have_a_default_maximum_lifetime(repo: Path, tmp_path: Path) -> None:
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n  - rule: ENC-EBS-001\n    resource: '*'\n    reason: legacy\n"
        "    approved_by: alice\n    expires: 2999-12-31\n",
        encoding="utf-8",
    )
    result = iacgate(repo, "--waivers", str(waivers))
    assert result.returncode == 2
    assert "expires 2999-12-31, more than 365 days from 2026-03-02" in result.stderr
    assert str(waivers) in result.stderr


def reviewed_waiver(repo: Path) -> str:
    """A waiver of the volume's finding committed on main and merged into the change: main's commit."""
    git(repo, "checkout", "-q", "main")
    (repo / "iacgate-waivers.yaml").write_text(
        "waivers:\n  - rule: ENC-EBS-001\n    resource: aws_ebs_volume.data\n    reason: legacy\n"
        "    approved_by: alice\n    expires: 2026-06-01\n",
        encoding="utf-8",
    )
    commit(repo, "reviewed waiver")
    reviewed = git(repo, "rev-parse", "main").strip()
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    return reviewed


def test_reviewed_waivers_on_the_trusted_ref_apply(repo: Path) -> None:
    reviewed_waiver(repo)
    assert iacgate(repo, "--trusted-ref", "main").returncode == 0
    # The change extends it by a thousand years: the ref's version still rules, and expires.
    path = repo / "iacgate-waivers.yaml"
    path.write_text(path.read_text().replace("2026-06-01", "3026-06-01"), encoding="utf-8")
    commit(repo, "extend the waiver")
    assert iacgate(repo, "--trusted-ref", "main", env={"IACGATE_TODAY": "2026-07-01"}).returncode == 1


def test_evidence_names_the_ref_commit_and_locates_its_waiver_there(repo: Path, tmp_path: Path) -> None:
    # An auditor must find the waiver that excused the finding: in the repository at the commit the ref
    # named during the scan (the ref moves on, the work tree may differ), not at a path under the scan root.
    reviewed = reviewed_waiver(repo)
    sarif_path = tmp_path / "out.sarif"
    result = iacgate(repo, "--trusted-ref", "main", "--sarif-output", str(sarif_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["trusted_ref"] == {"name": "main", "commit": reviewed}
    log = json.loads(sarif_path.read_text())
    assert_valid_sarif(log)
    run = log["runs"][0]
    assert run["properties"]["trustedRef"] == {"name": "main", "commit": reviewed}
    ref_entries = [entry for entry in run["versionControlProvenance"] if entry["revisionId"] == reviewed]
    assert [(entry["branch"], entry["mappedTo"]) for entry in ref_entries] == [
        ("main", {"uriBaseId": "TRUSTEDREF"})
    ]
    assert run["originalUriBaseIds"]["TRUSTEDREF"]["uri"] == repo.resolve().as_uri() + "/"
    (suppressed,) = [r for r in run["results"] if r.get("suppressions")]
    (suppression,) = suppressed["suppressions"]
    location = suppression["location"]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "iacgate-waivers.yaml", "uriBaseId": "TRUSTEDREF"}
    assert location["region"]["startLine"] == 2
    assert suppression["properties"]["source"] == "iacgate-waivers.yaml (at main)"
    html = tmp_path / "audit.html"
    report = subprocess.run(
        [sys.executable, "-m", "iacgate", "report", str(sarif_path), "--html", str(html)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert report.returncode == 0, report.stderr
    assert reviewed in html.read_text() and "--trusted-ref: configuration, waivers" in html.read_text()


def test_inline_comment_added_by_the_change_is_not_honoured(repo: Path) -> None:
    path = repo / "infra" / "main.tf"
    path.write_text("# iacgate:ignore ENC-EBS-001 it is fine\n" + VOLUME, encoding="utf-8")
    commit(repo, "suppress it")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stderr
    assert any(
        "inline suppression of ENC-EBS-001 not honoured: this change adds or edits it" in note
        for note in notes(result)
    )


def test_inline_comment_reviewed_on_the_ref_still_applies(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    path = repo / "infra" / "main.tf"
    path.write_text("# iacgate:ignore ENC-EBS-001 scratch data, wiped nightly\n" + VOLUME, encoding="utf-8")
    commit(repo, "reviewed suppression")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    # The change edits the volume (size) but not the suppression: still honoured.
    path.write_text(path.read_text().replace("size              = 10", "size = 20"), encoding="utf-8")
    commit(repo, "bigger volume")
    assert iacgate(repo, "--trusted-ref", "main").returncode == 0


def test_a_reviewed_suppression_does_not_pass_to_a_resource_put_beside_it(repo: Path) -> None:
    """The change fixes the reviewed volume and puts a new one between it and its suppression: the
    comment line is unchanged, but it was reviewed for another resource."""
    path = repo / "infra" / "main.tf"
    path.write_text("# iacgate:ignore ENC-EBS-001 scratch data, wiped nightly\n" + VOLUME, encoding="utf-8")
    commit(repo, "reviewed suppression")
    git(repo, "branch", "-f", "main", "HEAD")
    path.write_text(
        "# iacgate:ignore ENC-EBS-001 scratch data, wiped nightly\n"
        + VOLUME.replace('"data"', '"ledger"')
        + VOLUME.replace("false", "true"),
        encoding="utf-8",
    )
    commit(repo, "a new volume")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr
    report = json.loads(result.stdout)
    assert [f["resource_id"] for f in report["findings"] if f["blocking"]] == ["aws_ebs_volume.ledger"]
    # The comment is unchanged: the warning says what else the change may have done.
    assert any(
        "not honoured: this change adds or edits it, or renames or rewrites the first line of its resource "
        "(it is not on main for this resource)" in n
        for n in notes(result)
    )


REVIEWED_AS_DATA = {
    "heredoc line": (
        'resource "aws_s3_object" "readme" {\n  bucket  = "docs"\n  key     = "README"\n'
        "  content = <<EOT\n# iacgate:ignore ENC-EBS-001 approved by security\nEOT\n}\n",
        VOLUME.replace("}\n", "# iacgate:ignore ENC-EBS-001 approved by security\n}\n"),
        "main.tf",
    ),
    "block scalar lines": (
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::SNS::Topic\n'
        "    Metadata:\n      Example: |\n          iacgate:\n            ignore:\n"
        "              - rule: ENC-EBS-001\n                reason: approved by security\n"
        "    Properties:\n      TopicName: docs\n",
        'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::EC2::Volume\n'
        "    Metadata:\n          iacgate:\n            ignore:\n"
        "              - rule: ENC-EBS-001\n                reason: approved by security\n"
        "    Properties:\n      AvailabilityZone: eu-west-1a\n      Encrypted: false\n",
        "ledger.yaml",
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEWED_AS_DATA))
def test_text_that_was_data_on_the_ref_is_no_reviewed_suppression(repo: Path, name: str) -> None:
    """A line of a heredoc or block scalar on the ref, left as it is while the change makes it a comment
    or Metadata: that suppression was never reviewed."""
    before, after, file = REVIEWED_AS_DATA[name]
    (repo / "infra" / "main.tf").write_text(VOLUME.replace("false", "true"), encoding="utf-8")
    (repo / "infra" / file).write_text(before, encoding="utf-8")
    commit(repo, "a document with an example")
    git(repo, "branch", "-f", "main", "HEAD")
    (repo / "infra" / file).write_text(after, encoding="utf-8")
    commit(repo, "the example becomes a suppression")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr
    assert blocking(result) == ["ENC-EBS-001"]
    assert any("inline suppression of ENC-EBS-001 not honoured: this change" in n for n in notes(result))


@pytest.mark.parametrize("extra_break", ["\x0c", "\u2028", "\x85"], ids=["form-feed", "LS", "NEL"])
def test_a_new_comment_is_not_passed_off_as_unchanged_by_a_line_break_python_counts(
    repo: Path, extra_break: str
) -> None:
    """A character ``str.splitlines`` cuts at but the HCL parser does not must not shift the comparison
    with the ref: the suppression on line 2 is new, whatever line 1 ends with."""
    git(repo, "checkout", "-q", "main")
    path = repo / "infra" / "main.tf"
    path.write_text("# Data volume\n\n" + VOLUME, encoding="utf-8")
    commit(repo, "a heading")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    path.write_text(
        f"# Data volume{extra_break}\n# iacgate:ignore ENC-EBS-001 approved long ago\n" + VOLUME,
        encoding="utf-8",
    )
    commit(repo, "suppress it")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr
    assert "ENC-EBS-001" in blocking(result)
    assert any("inline suppression of ENC-EBS-001 not honoured: this change" in n for n in notes(result))


def test_new_json_metadata_is_not_passed_off_as_unchanged_by_line_separators(repo: Path) -> None:
    """In a JSON template, LINE SEPARATORs inside a string are not line ends to the parser; counted as
    such, they would move the resource's lines onto a reviewed suppression of another resource."""
    volume = '"Type": "AWS::EC2::Volume", "Properties": {"AvailabilityZone": "eu-west-1a", "Size": 10, '
    reviewed = '    "Metadata": {"iacgate": {"ignore": [{"rule": "ENC-EBS-001", "reason": "reviewed"}]}},\n'
    before = (
        '{\n  "Description": "volumes",\n  "Resources": {\n'
        '    "Scratch": {\n' + reviewed + "    " + volume + '"Encrypted": false}},\n'
        '    "Victim": {\n    ' + volume + '"Encrypted": false}}\n  }\n}\n'
    )
    (repo / "infra" / "main.tf").write_text(VOLUME.replace("false", "true"), encoding="utf-8")
    template = repo / "infra" / "ledger.json"
    template.write_text(before, encoding="utf-8")
    commit(repo, "two volumes, one reviewed exception")
    git(repo, "branch", "-f", "main", "HEAD")
    after = before.replace('"volumes"', '"volumes' + "\u2028" * 3 + '"').replace(
        '"Victim": {\n', '"Victim": {\n' + reviewed
    )
    template.write_text(after, encoding="utf-8")
    commit(repo, "suppress the other one too")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr
    report = json.loads(result.stdout)
    (victim,) = [
        f for f in report["findings"] if "Victim" in f["resource_id"] and f["rule_id"] == "ENC-EBS-001"
    ]
    assert victim["blocking"]


CFN_SUPPRESSED = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ledger:
    Type: AWS::EC2::Volume
    Metadata:
      iacgate:
        ignore:
          - rule: ENC-EBS-001
            reason: trust me
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
"""


def test_cloudformation_metadata_suppression_added_by_the_change(repo: Path) -> None:
    (repo / "infra" / "main.tf").write_text(VOLUME.replace("false", "true"), encoding="utf-8")
    template = repo / "infra" / "ledger.yaml"
    template.write_text(CFN_SUPPRESSED.replace(" " * 4 + "Metadata:\n", "    Metadata: {}\n", 1).replace(
        "      iacgate:\n        ignore:\n          - rule: ENC-EBS-001\n            reason: trust me\n", ""
    ), encoding="utf-8")  # fmt: skip
    commit(repo, "a template without suppression")
    git(repo, "branch", "-f", "main", "HEAD")
    template.write_text(CFN_SUPPRESSED, encoding="utf-8")
    commit(repo, "suppress it in Metadata")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stderr
    assert blocking(result) == ["ENC-EBS-001"]
    assert any("inline suppression of ENC-EBS-001 not honoured" in note for note in notes(result))
    # Once reviewed and on the ref, the same Metadata applies.
    git(repo, "branch", "-f", "main", "HEAD")
    assert iacgate(repo, "--trusted-ref", "main").returncode == 0


def test_baseline_added_by_the_change_is_not_read(repo: Path) -> None:
    baseline = subprocess.run(
        [sys.executable, "-m", "iacgate", "baseline", "create", "infra", "-o", "baseline.sarif"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    assert baseline.returncode == 0
    commit(repo, "everything is old now")
    assert iacgate(repo, "--baseline", "baseline.sarif", "--fail-on-new-only").returncode == 0
    result = iacgate(repo, "--baseline", "baseline.sarif", "--fail-on-new-only", "--trusted-ref", "main")
    assert result.returncode == 2
    assert "--baseline baseline.sarif (at main): no such file on the trusted ref" in result.stderr


def test_custom_pack_weakened_by_the_change_runs_as_reviewed(repo: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "docs" / "custom-pack-example"
    git(repo, "checkout", "-q", "main")
    shutil.copytree(example, repo / "packs" / "acme", ignore=shutil.ignore_patterns("fixtures"))
    (repo / "infra" / "main.tf").write_text(
        VOLUME.replace("false", "true") + 'resource "aws_s3_bucket" "exports" {\n  bucket = "x"\n}\n',
        encoding="utf-8",
    )
    commit(repo, "custom pack, a bucket without owner tag")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    # The change makes the rule never fire.
    rego = repo / "packs" / "acme" / "policies" / "owner_tag.rego"
    rego.write_text(rego.read_text().replace("deny", "_never_deny"), encoding="utf-8")
    commit(repo, "weaken the custom rule")
    args = ("--pack-dir", "packs/acme", "--fail-on", "low", "--trusted-ref", "main")
    result = iacgate(repo, *args)
    assert result.returncode == 1, result.stderr
    assert "ACME-TAG-001" in blocking(result)
    assert any("this change edits packs/acme/policies/owner_tag.rego" in note for note in notes(result))


def test_trusted_ref_that_does_not_exist_is_a_usage_error(repo: Path) -> None:
    result = iacgate(repo, "--trusted-ref", "origin/nope")
    assert result.returncode == 2
    assert "--trusted-ref origin/nope: no such commit" in result.stderr
    result = iacgate(repo, "--trusted-ref", "--upload-pack=touch /tmp/x")
    assert result.returncode == 2


def test_the_command_docs_ci_recommends_holds(tmp_path: Path) -> None:
    """The first shell block of docs/ci.md, run as written in a clone of a repository whose pull request
    adds a waiver, a weaker iacgate.yaml and an inline suppression: the gate still fails."""
    docs = (Path(__file__).resolve().parents[2] / "docs" / "ci.md").read_text(encoding="utf-8")
    block = docs.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in block.splitlines() if line.strip()]
    assert any("--trusted-ref origin/main" in line for line in commands)
    upstream = tmp_path / "upstream"
    (upstream / "infra").mkdir(parents=True)
    (upstream / "infra" / "main.tf").write_text(VOLUME, encoding="utf-8")
    git(upstream, "init", "-q", "-b", "main")
    commit(upstream, "base")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(upstream), str(clone)], check=True)
    git(clone, "checkout", "-q", "-b", "pr")
    (clone / "iacgate.yaml").write_text("fail_on: critical\nexclude: ['**']\n", encoding="utf-8")
    (clone / "iacgate-waivers.yaml").write_text(
        "waivers:\n  - rule: encryption\n    resource: '*'\n    reason: x\n    approved_by: x\n"
        "    expires: 2026-04-01\n",
        encoding="utf-8",
    )
    main_tf = clone / "infra" / "main.tf"
    main_tf.write_text("# iacgate:ignore ENC-EBS-001 fine\n" + VOLUME, encoding="utf-8")
    commit(clone, "the attack")
    environment = {key: value for key, value in os.environ.items() if key != "IACGATE_TRUSTED_REF"}
    environment["IACGATE_TODAY"] = "2026-03-02"
    for command in commands:
        words = command.split()
        if words[0] == "iacgate":
            words = [sys.executable, "-m", "iacgate", *words[1:]]
        done = subprocess.run(words, cwd=clone, capture_output=True, text=True, env=environment, timeout=300)
        if words[0] == "git":
            assert done.returncode == 0, done.stderr
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr
    sarif = json.loads((clone / "iacgate.sarif").read_text(encoding="utf-8"))
    # The volume's ENC-EBS-001 result (its key rule, ENC-EBS-004, fails beside it).
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "ENC-EBS-001"]
    assert "suppressions" not in result


def test_git_runs_no_program_the_work_tree_names(repo: Path, tmp_path: Path) -> None:
    """A work tree whose git configuration names programs (a scanned archive can carry its own .git):
    neither provenance nor the trusted-ref reads start them."""
    marker = tmp_path / "ran"
    script = tmp_path / "hook.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    script.chmod(0o755)
    git(repo, "remote", "add", "origin", "https://git.example.com/org/infra.git")
    git(repo, "config", "core.fsmonitor", str(script))
    git(repo, "config", "core.pager", str(script))
    (repo / "infra" / "main.tf").write_text(VOLUME + "\n", encoding="utf-8")  # a dirty work tree
    git(repo, "status", "--short")  # plain git does start it
    assert marker.exists()
    marker.unlink()
    result = iacgate(repo, "--trusted-ref", "main", "--sarif-output", "out.sarif")
    assert result.returncode == 1, result.stderr
    assert json.loads((repo / "out.sarif").read_text())["runs"][0]["versionControlProvenance"]
    assert not marker.exists()


def test_git_applies_no_filter_the_change_chooses(repo: Path, tmp_path: Path) -> None:
    """The runner's git configuration names a clean filter (as git-lfs installs one) and a textconv
    driver; the change's .gitattributes applies them to every file. Telling which gate-relevant files
    the change edits must not run them (``git diff`` against the work tree would)."""
    marker = tmp_path / "ran"
    git(repo, "checkout", "-q", "main")
    (repo / "iacgate.yaml").write_text("fail_on: high\n", encoding="utf-8")
    commit(repo, "reviewed configuration")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    git(repo, "config", "filter.evil.clean", f"sh -c 'echo ran >> {marker}; cat'")
    git(repo, "config", "diff.evil.textconv", f"sh -c 'echo ran >> {marker}; cat'")
    (repo / ".gitattributes").write_text("* filter=evil diff=evil\n", encoding="utf-8")
    commit(repo, "filters")
    marker.unlink(missing_ok=True)
    (repo / "iacgate.yaml").write_text("fail_on: critical\n", encoding="utf-8")  # edited, not committed
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1, result.stderr
    assert any("this change edits iacgate.yaml" in note for note in notes(result))
    assert not marker.exists()


def test_a_committed_bare_repository_does_not_become_the_trusted_one(repo: Path, tmp_path: Path) -> None:
    """The change commits the files of a bare git directory into infra/ (HEAD, objects/, refs/ with its
    own origin/main holding a lax iacgate.yaml, and a config naming a clean filter that a committed
    .gitattributes applies). Scanned from infra/, git's discovery would take infra/ for the repository:
    the gate would read the attacker's "trusted" configuration and git would run the filter."""
    marker = tmp_path / "PWNED"
    fake_tree, fake_git = tmp_path / "fake-tree", tmp_path / "fake-git"
    fake_tree.mkdir()
    (fake_tree / "main.tf").write_text(VOLUME, encoding="utf-8")
    (fake_tree / "iacgate.yaml").write_text("fail_on: critical\n", encoding="utf-8")
    (fake_tree / ".gitattributes").write_text("* filter=evil\n", encoding="utf-8")
    git(fake_tree, "init", "-q", "-b", "main", f"--separate-git-dir={fake_git}")
    commit(fake_tree, "the attacker's 'main'")
    git(fake_tree, "update-ref", "refs/remotes/origin/main", "refs/heads/main")
    (fake_tree / ".git").unlink()
    shutil.rmtree(fake_git / "hooks")
    for key, value in {
        "core.bare": "false",
        "core.worktree": ".",
        "filter.evil.clean": f"sh -c 'echo ran >> {marker}; cat'",
    }.items():
        git(repo, f"--git-dir={fake_git}", "config", key, value)
    shutil.copytree(fake_git, repo / "infra", dirs_exist_ok=True)
    shutil.copy(fake_tree / ".gitattributes", repo / "infra")
    shutil.copy(fake_tree / "iacgate.yaml", repo / "infra")
    git(repo, "update-ref", "refs/remotes/origin/main", "main")  # the real one, as CI fetches it
    commit(repo, "a bare repository look-alike in infra/")
    inherited = {key: value for key, value in os.environ.items() if key != "IACGATE_TRUSTED_REF"}
    for where, target in ((repo / "infra", "."), (repo, "infra")):
        result = subprocess.run(
            [sys.executable, "-m", "iacgate", "scan", target, "--trusted-ref", "origin/main"],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=300,
            env={**inherited, "IACGATE_TODAY": "2026-03-02"},
        )
        assert result.returncode == 1, result.stdout[-3000:] + result.stderr
        assert "this change edits infra/iacgate.yaml" in result.stdout or target == "infra"
        assert not marker.exists()


def test_a_macro_added_to_a_template_does_not_hide_it(repo: Path) -> None:
    """A Transform naming a macro makes the template unknowable here: the gate fails closed (exit 3)
    rather than skipping its resources."""
    template = repo / "infra" / "ledger.yaml"
    suppression = (
        "    Metadata:\n      iacgate:\n        ignore:\n          - rule: ENC-EBS-001\n"
        "            reason: trust me\n"
    )
    template.write_text(CFN_SUPPRESSED.replace(suppression, ""), encoding="utf-8")
    (repo / "infra" / "main.tf").write_text(VOLUME.replace("false", "true"), encoding="utf-8")
    commit(repo, "a template with an unencrypted volume")
    git(repo, "branch", "-f", "main", "HEAD")
    assert iacgate(repo, "--trusted-ref", "main").returncode == 1
    template.write_text(template.read_text().replace("Resources:", "Transform: Hide\nResources:"))
    commit(repo, "hide it behind a macro")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 3
    assert any("macro Hide must run first" in note for note in notes(result))


def _low_only(repo: Path) -> None:
    """infra/ with low findings only (a log group kept 7 days, not encrypted with a key)."""
    (repo / "infra" / "main.tf").write_text(
        'resource "aws_cloudwatch_log_group" "app" {\n  name = "app"\n  retention_in_days = 7\n}\n',
        encoding="utf-8",
    )


def test_configuration_is_found_from_the_scanned_path_up(repo: Path) -> None:
    # `iacgate scan infra` from the repository root reads infra/iacgate.yaml (it may tighten the gate).
    _low_only(repo)
    commit(repo, "low findings")
    assert iacgate(repo).returncode == 0
    (repo / "infra" / "iacgate.yaml").write_text("fail_on: low\n", encoding="utf-8")
    result = iacgate(repo)
    assert result.returncode == 1
    assert json.loads(result.stdout)["gate"]["fail_on"] == "low"


def test_a_nearer_config_added_by_the_change_does_not_shadow_the_reviewed_one(repo: Path) -> None:
    git(repo, "checkout", "-q", "main")
    _low_only(repo)
    (repo / "iacgate.yaml").write_text("fail_on: low\n", encoding="utf-8")
    commit(repo, "reviewed: gate on low")
    git(repo, "checkout", "-q", "pr")
    git(repo, "merge", "-q", "main")
    assert iacgate(repo, "--trusted-ref", "main").returncode == 1
    (repo / "infra" / "iacgate.yaml").write_text("fail_on: critical\n", encoding="utf-8")
    commit(repo, "a nearer, laxer configuration")
    result = iacgate(repo, "--trusted-ref", "main")
    assert result.returncode == 1
    assert json.loads(result.stdout)["gate"]["fail_on"] == "low"
