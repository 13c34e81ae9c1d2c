"""The audit report as a person sees it: loaded by real headless Chromium (Debian's ``chromium``), its
rendered DOM read back and a screenshot taken and kept under pytest's tmp dir, its path printed.

Skipped when Chromium is absent, except in CI (``CI=true``), where ``.ci/run`` installs it and a skip
would hide a broken report.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from report.test_audit_html import Page, audited_scan, control_rows

CHROMIUM_TIMEOUT_SECONDS = 120


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)
    if found is None:
        reason = "chromium is not installed (apt-get install -y chromium); the audit report was not rendered"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    return found


def headless(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Own profile per call: parallel test workers must not share Chromium's profile lock.
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-sandbox",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=CHROMIUM_TIMEOUT_SECONDS, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stderr[-2000:]}"
    return done


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk always comes first
    return width, height


def test_chromium_renders_the_verdict_waiver_and_control_matrix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    browser = chromium()
    audited = audited_scan(tmp_path)
    assert audited.report.exit_code == 0, audited.report.output
    url = audited.html.resolve().as_uri()

    dom = headless(browser, tmp_path / "profile-dom", "--dump-dom", url).stdout
    text = Page(dom).text
    assert "Gate FAILED" in text
    assert "1 finding at or above severity high" in text
    assert "Alice Auditor <alice@example.com>" in text  # the waiver's approver
    assert '<script>alert("x")</script>' in text  # hostile reason rendered as text, never run
    rows = control_rows(dom)
    assert rows["pci-dss-4.0:3.5.1"]["Outcome"] == "failed"
    assert "ENC-EBS-001" in rows["pci-dss-4.0:3.5.1"]["Rules"]
    assert rows["nist-800-53-r5:SC-28"]["Failed"] == "1"

    screenshot = tmp_path / "report.png"
    headless(browser, tmp_path / "profile-shot", f"--screenshot={screenshot}", "--window-size=1280,2000", url)
    with capsys.disabled():
        print(f"\naudit report screenshot: {screenshot}\naudit report page: {audited.html}")
    assert png_size(screenshot) == (1280, 2000)
    # A blank or error page compresses to a few KB; tables, badges and text do not.
    assert screenshot.stat().st_size > 50_000, screenshot.stat().st_size
