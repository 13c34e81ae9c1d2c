"""``iacgate report results.sarif --html``: the audit page from real scans' SARIF, parsed as HTML.

The fixture scan runs the real CLI on Terraform with one waived, one blocking and one passing volume; the
browser test (test_audit_html_browser.py) reuses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from iacgate.cli import main

TODAY = "2026-03-02"
VOLUMES = """\
resource "aws_ebs_volume" "ledger" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
resource "aws_ebs_volume" "other" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
resource "aws_ebs_volume" "ok" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}
"""
HOSTILE = '<script>alert("x")</script><img src=https://evil.example/p.png>'
WAIVERS = f"""\
waivers:
  - rule: ENC-EBS-001
    resource: aws_ebs_volume.ledger
    reason: 'restored from snapshot {HOSTILE}'
    ticket: SEC-42
    approved_by: Alice Auditor <alice@example.com>
    expires: 2026-03-10
"""
REPO_URI = "https://git.example/org/repo'\"><a href=https://evil.example>"
# Elements the renderer writes; anything else in the page came from the SARIF unescaped.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "div", "ul", "li", "dl", "dt",
    "dd", "table", "thead", "tbody", "tr", "th", "td", "code", "span", "b", "br", "section", "details",
    "summary",
}  # fmt: skip


@dataclass(frozen=True)
class AuditedScan:
    sarif: Path
    html: Path
    scan: Result
    report: Result


def iacgate(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"IACGATE_TODAY": TODAY}, catch_exceptions=False)


def audited_scan(tmp_path: Path) -> AuditedScan:
    """Scan a repository with a waiver, then render the audit report of its SARIF through the CLI."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(VOLUMES, encoding="utf-8")
    (root / "iacgate-waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    sarif, html = tmp_path / "results.sarif", tmp_path / "report.html"
    scan = iacgate(
        "scan",
        "--pack",
        "encryption",
        # The volumes differ in what ENC-EBS-001 judges; their customer-managed-key rule is not the subject.
        "--rule",
        "ENC-EBS-001",
        "-q",
        "--sarif-output",
        str(sarif),
        str(root),
        "--waivers",
        str(root / "iacgate-waivers.yaml"),
    )
    assert sarif.is_file(), scan.output
    report = iacgate("report", str(sarif), "--html", str(html))
    return AuditedScan(sarif, html, scan, report)


class Page(HTMLParser):
    """Tags, attributes and visible text of a page, as a browser's parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def test_report_of_a_scan_shows_gate_scope_findings_controls_and_waiver(tmp_path: Path) -> None:
    audited = audited_scan(tmp_path)
    assert audited.scan.exit_code == 1
    assert audited.report.exit_code == 0, audited.report.output
    raw = audited.html.read_text(encoding="utf-8")
    text = Page(raw).text
    assert "Gate FAILED" in text
    assert "exit code 1; fails on high and above; 1 blocking finding in 1 check" in text
    assert "1 finding at or above severity high" in text and "1 finding waived" in text
    assert "3 checks (rule x resource): 1 passed, 2 failed, 0 undetermined" in text
    assert "encryption 0.1.0" in text
    assert "main.tf:9" in text and "aws_ebs_volume.other" in text
    assert "ENC-EBS-001" in text and "EBS volumes are encrypted at rest" in text
    # The waiver with every field an auditor asks for.
    assert "Alice Auditor <alice@example.com>" in text
    assert "SEC-42" in text and "2026-03-10" in text and "iacgate-waivers.yaml:2" in text
    assert f"restored from snapshot {HOSTILE}" in text  # shown as text, not markup
    assert "Expiring soon (1)" in text
    # Control coverage: PCI DSS 3.5.1 maps ENC-EBS-001, which failed (one finding is not waived).
    rows = control_rows(raw)
    assert rows["pci-dss-4.0:3.5.1"]["Outcome"] == "failed"
    assert rows["pci-dss-4.0:3.5.1"]["Failed"] == "1"
    assert "ENC-EBS-001" in rows["pci-dss-4.0:3.5.1"]["Rules"]
    pci = rows["pci-dss-4.0:3.5.1"]
    # The scan holds EBS volumes only: every other rule mapped to 3.5.1 matched nothing, and is shown
    # as not applicable rather than as passed.
    assert (pci["Passed"], int(pci["Not applicable"])) == ("0", int(pci["Rules checked"]) - 1)
    assert "PCI DSS 4.0" in text and "No version-control provenance recorded" in text


class Tables(HTMLParser):
    """Every table as rows of cell texts, each with the text of the heading above it."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, list[list[str]]]] = []
        self.heading = ""
        self.cell: list[str] | None = None
        self.in_heading = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h3":
            self.heading, self.in_heading = "", True
        elif tag == "table":
            self.tables.append((self.heading, []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append([])
        elif tag in ("td", "th"):
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "h3":
            self.in_heading = False
        elif tag in ("td", "th") and self.cell is not None and self.tables:
            self.tables[-1][1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.in_heading:
            self.heading += data
        if self.cell is not None:
            self.cell.append(data)


def control_rows(html: str) -> dict[str, dict[str, str]]:
    """Control-matrix rows keyed "framework:control", read back from the rendered page's tables."""
    rows: dict[str, dict[str, str]] = {}
    for heading, table in Tables(html).tables:
        if not table or "Rules checked" not in table[0]:
            continue
        framework = heading.split()[-1]
        for row in table[1:]:
            values = dict(zip(table[0], row, strict=True))
            rows[f"{framework}:{values['Control']}"] = values
    return rows


def hostile_sarif(source: Path) -> dict[str, Any]:
    """The fixture SARIF with markup in every kind of field a user or repository controls."""
    log: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    run = log["runs"][0]
    run["results"][0]["message"]["text"] = f"message {HOSTILE}"
    run["results"][0]["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] = f"res {HOSTILE}"
    run["invocations"][0]["properties"]["gate"]["reasons"].append(f"reason {HOSTILE}")
    run["versionControlProvenance"] = [
        {"repositoryUri": REPO_URI, "revisionId": "abc123", "branch": f"main{HOSTILE}"}
    ]
    run["tool"]["driver"]["rules"][0]["shortDescription"]["text"] = f"title {HOSTILE}"
    return log


def test_everything_from_the_sarif_is_escaped_and_nothing_is_loaded(tmp_path: Path) -> None:
    audited = audited_scan(tmp_path)
    hostile = tmp_path / "hostile.sarif"
    hostile.write_text(json.dumps(hostile_sarif(audited.sarif)), encoding="utf-8")
    html = tmp_path / "hostile.html"
    assert iacgate("report", str(hostile), "--html", str(html)).exit_code == 0
    raw = html.read_text(encoding="utf-8")
    page = Page(raw)
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    for tag, attributes in page.tags:
        assert "src" not in attributes and "href" not in attributes, (tag, attributes)
    text = page.text
    for shown in (f"message {HOSTILE}", f"res {HOSTILE}", f"reason {HOSTILE}", f"main{HOSTILE}", "abc123"):
        assert shown in text
    assert REPO_URI in text
    assert "evil.example" not in raw.replace("&lt;", "").split("<style>")[0]  # not even in <head>
    assert "<script" not in raw
    csp = next(attrs for tag, attrs in page.tags if tag == "meta" and attrs.get("http-equiv"))
    assert csp["content"] is not None and csp["content"].startswith("default-src 'none'")


def test_report_of_sarif_without_iacgate_extensions_still_renders(tmp_path: Path) -> None:
    sarif = tmp_path / "other.sarif"
    sarif.write_text(
        json.dumps(
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": {"name": "other", "rules": [{"id": "X-1"}]}},
                        "results": [{"ruleId": "X-1", "level": "error", "message": {"text": "bad thing"}}],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    html = tmp_path / "other.html"
    result = iacgate("report", str(sarif), "--html", str(html))
    assert result.exit_code == 0, result.output
    text = Page(html.read_text(encoding="utf-8")).text
    assert "Gate decision not recorded" in text
    assert "X-1" in text and "bad thing" in text and "No rule of this run maps to a control." in text


def test_bad_sarif_exits_2_with_one_line_naming_the_file(tmp_path: Path) -> None:
    cases = {
        "broken.sarif": '{"version": "2.1.0",\n "runs": [',
        "list.sarif": "[1, 2]",
        "empty.sarif": '{"version": "2.1.0", "runs": []}',
    }
    for name, content in cases.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "binary.sarif").write_bytes(b"\xff\xfe\x00garbage")
    for name in (*cases, "binary.sarif", "missing.sarif"):
        path = tmp_path / name
        result = CliRunner().invoke(main, ["report", str(path), "--html", str(tmp_path / "out.html")])
        assert result.exit_code == 2, (name, result.output)
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"iacgate: error: {path}"), (name, result.output)
        assert "Traceback" not in result.output
    assert not (tmp_path / "out.html").exists()
