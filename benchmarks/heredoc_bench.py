"""The hostile-input scenario of ``run.py`` (issue #13 §3): one ``.tf`` file whose heredoc is 1, 2, 4, 8 and
30 MB, and one whose quoted string is 30 MB, parsed cold in a fresh process each (interpreter, imports
and the HCL parse with every template, the parse cache off). Floor: 30 MB under 10 s on a 2-core
machine, peak memory reported.

The figures should grow in proportion to the size (seconds per MB about constant): python-hcl2's heredoc
terminal used to rescan blank lines quadratically and the template scan grew a string a character at a
time (1 MB took 15 s, 2 MB a minute). Evaluating the scanned policy against the rules is not part of
this figure: ``run.py``'s other rows measure scans.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES_MB = (1, 2, 4, 8, 30)
FLOOR_SECONDS = 10.0
_LINE = '    {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}\n'
# A quarter of the lines blank: the case that was quadratic in python-hcl2's terminal.
_CHUNK = _LINE * 3 + "\n"

PARSE = """
import sys
from pathlib import Path
from iacgate.parsers.terraform.load import parse_files
from iacgate.textio import read_source
path = Path(sys.argv[1])
parsed, errors = parse_files([read_source(path, path.name)], None)
if errors or not parsed[0].blocks:
    print(f"not parsed: {errors}", file=sys.stderr)
    sys.exit(2)
"""

Measure = Callable[..., Any]  # run.measure(tool, command, path, resources, repeat, timeout, env)


def write_heredoc(path: Path, megabytes: int) -> Path:
    body = _CHUNK * (megabytes * 1_000_000 // len(_CHUNK))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'resource "aws_s3_bucket_policy" "big" {{\n  bucket = "b"\n  policy = <<-EOT\n{body}EOT\n}}\n',
        encoding="utf-8",
    )
    return path


def write_quoted(path: Path, megabytes: int) -> Path:
    """One quoted string of ``megabytes`` (python-hcl2 tried four look-aheads before each character)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    value = "arn:aws:s3:::bucket/$path/%name/" * (megabytes * 1_000_000 // 32)
    path.write_text(f'resource "aws_s3_bucket" "big" {{\n  bucket = "{value}"\n}}\n', encoding="utf-8")
    return path


def heredoc_rows(generated: Path, repeat: int, timeout: float, measure: Measure) -> list[tuple[str, bool]]:
    env = {**os.environ, "IACGATE_CACHE_DIR": ""}

    def parse(path: Path) -> list[str]:
        return [sys.executable, "-c", PARSE, str(path)]

    print()
    print("HCL heredoc, parsed cold in a fresh process")
    rows = []
    for megabytes in SIZES_MB:
        path = write_heredoc(generated / f"heredoc-{megabytes}mb" / "main.tf", megabytes)
        m = measure(f"heredoc-{megabytes}mb", parse, path, 1, repeat, timeout, env)
        rows.append((megabytes, m))
        first_mb, first = rows[0]
        # Seconds per MB beyond the smallest run: start-up and imports cancel out, what is left is parsing.
        growth = (
            f"{(m.seconds - first.seconds) / (megabytes - first_mb):.3f} s per further MB"
            if megabytes > first_mb and not (m.error or first.error)
            else ""
        )
        print(f"{m.tool:<14} {m.seconds:>8.2f} s {m.peak_mb:>8.1f} MB  {m.error or growth}")
    largest = rows[-1][1]
    quoted_path = write_quoted(generated / f"quoted-{SIZES_MB[-1]}mb" / "main.tf", SIZES_MB[-1])
    quoted = measure(f"quoted-{SIZES_MB[-1]}mb", parse, quoted_path, 1, repeat, timeout, env)
    print(f"{quoted.tool:<14} {quoted.seconds:>8.2f} s {quoted.peak_mb:>8.1f} MB  {quoted.error or ''}")
    ok = (
        all(not m.error for _, m in [*rows, (0, quoted)])
        and max(largest.seconds, quoted.seconds) < FLOOR_SECONDS
    )
    verdict = (
        f"{'PASS' if ok else 'FAIL'} (heredoc and quoted string of {SIZES_MB[-1]} MB < {FLOOR_SECONDS:g} s)"
    )
    print(verdict)
    return [(verdict, ok)]
