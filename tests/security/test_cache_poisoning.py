"""Issue #13 §7: the caches cannot run code or lie.

Every test scans, through the real command line, a small Terraform directory with one high-severity
violation (``aws_ebs_volume.scratch``, ENC-EBS-001, main.tf line 4) and a compliant neighbour of two
more resource types, with ``IACGATE_CACHE_DIR`` in ``tmp_path``. The cache is first filled by a clean
scan (once per module, then copied), then attacked the way someone able to drop files there would:
pickles that run a command, another file's or another bundle's entry, an entry with the violation
removed, malformed entries. The scan must come out exactly as the clean one (exit 1, the finding
reported), and no planted command may run. Entries are edited as files (copied, rotated, overwritten);
only the header-level forgeries use ``iacgate.cache`` to write a well-formed entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}
"""
FINDING = "ENC-EBS-001"


class Planted:
    """Unpickling this runs ``touch marker``: what a poisoned pickle cache entry can do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {shlex.quote(str(self.marker))}",))


def write_repository(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "main.tf").write_text(MAIN, encoding="utf-8")
    (root / "other.tf").write_text(OTHER, encoding="utf-8")
    return root


# The package's own compiled grammar would be read first and the grammar cache never written: these scans
# run without it, as an installation whose python-hcl2 or Lark differs from the package's does.
WITHOUT_SHIPPED_GRAMMAR = (
    "import pathlib, sys; from iacgate.parsers.terraform import grammar_cache; "
    "grammar_cache.SHIPPED = pathlib.Path('/nonexistent/hcl-grammar.json.xz'); "
    "from iacgate.cli import main; sys.argv = ['iacgate', 'scan', '.']; main()"
)


def scan(
    repository: Path, cache: Path | str, debug: bool = False, **extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IACGATE_CACHE_DIR": str(cache), "NO_COLOR": "1", **extra}
    env.pop("IACGATE_DEBUG", None)
    if debug:
        env["IACGATE_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_SHIPPED_GRAMMAR],
        cwd=repository,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A cache filled by one clean scan, and that scan's report."""
    base = tmp_path_factory.mktemp("clean")
    repository = write_repository(base / "repo")
    cache = base / "cache"
    run = scan(repository, cache)
    assert run.returncode == 1, run.stderr
    assert FINDING in run.stdout and "aws_ebs_volume.scratch" in run.stdout and "main.tf:4" in run.stdout
    return cache, run.stdout


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return write_repository(tmp_path / "repo")


@pytest.fixture
def cache(clean: tuple[Path, str], tmp_path: Path) -> Path:
    """A copy of the clean cache, modes included, for this test to attack."""
    copy = tmp_path / "cache"
    shutil.copytree(clean[0], copy)
    return copy


def assert_clean(run: subprocess.CompletedProcess[str], clean: tuple[Path, str]) -> None:
    """The report of the clean scan, word for word: exit 1, the high finding at main.tf:4."""
    assert run.returncode == 1, run.stderr
    assert run.stdout == clean[1]


def files_under(cache: Path, pattern: str) -> list[Path]:
    return sorted(path for top in cache.glob(pattern) for path in [top, *top.rglob("*")] if path.is_file())


def hcl_entry(cache: Path, text: str) -> Path:
    key = hashlib.sha256(text.encode()).hexdigest()
    (found,) = cache.glob(f"hcl-*/{key[:2]}/{key}")
    return found


# Where each cache keeps its entries: parsed HCL, validated manifests, the compiled HCL grammar (Lark's
# own format starts with a line holding a hash, then pickles), compiled Rego bundles, the engine's answers.
LOCATIONS = {
    "hcl": ("hcl-[0-9]*", b""),
    "manifests": ("manifests", b""),
    "grammar": ("*grammar*", b"0\n"),
    "rego": ("rego-*", b""),
    "answers": ("answers-*", b""),
}


@pytest.mark.parametrize("location", sorted(LOCATIONS))
def test_a_planted_pickle_in_any_cache_runs_nothing(
    location: str, repository: Path, cache: Path, clean: tuple[Path, str], tmp_path: Path
) -> None:
    pattern, prefix = LOCATIONS[location]
    marker = tmp_path / "pwned"
    planted = files_under(cache, pattern)
    assert planted, f"the clean scan wrote no {location} cache"
    for path in planted:
        path.write_bytes(prefix + pickle.dumps(Planted(marker)))
    # A file the cache has never seen, so the HCL parser (and its cached grammar) is needed.
    (repository / "new.tf").write_text('locals {\n  unused = "x"\n}\n', encoding="utf-8")
    run = scan(repository, cache)
    assert not marker.exists(), f"a planted {location} cache entry ran a command"
    assert run.returncode == 1, run.stderr
    assert f"{FINDING}  main.tf:4" in run.stdout and "aws_ebs_volume.scratch" in run.stdout
    assert run.stderr == ""  # recomputing is silent without IACGATE_DEBUG


def test_the_grammar_cache_without_a_cache_directory_runs_nothing(repository: Path, tmp_path: Path) -> None:
    """With ``IACGATE_CACHE_DIR=""`` the compiled grammar was Lark's pickle in the shared temporary
    directory, where any local user could put one first."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    first = scan(repository, "", TMPDIR=str(temporary))
    assert first.returncode == 1, first.stderr
    marker = tmp_path / "pwned"
    planted = [path for path in temporary.rglob("*") if path.is_file()]
    assert planted
    for path in planted:
        path.write_bytes(b"0\n" + pickle.dumps(Planted(marker)))
    run = scan(repository, "", TMPDIR=str(temporary))
    assert not marker.exists()
    assert run.returncode == 1, run.stderr
    assert f"{FINDING}  main.tf:4" in run.stdout


def test_another_files_parse_entry_does_not_stand_for_this_one(
    repository: Path, cache: Path, clean: tuple[Path, str]
) -> None:
    """The entry of other.tf (no violation) copied over main.tf's: without a key check main.tf would
    scan as compliant."""
    shutil.copyfile(hcl_entry(cache, OTHER), hcl_entry(cache, MAIN))
    run = scan(repository, cache, debug=True)
    assert_clean(run, clean)
    assert f"cache entry {hcl_entry(cache, MAIN)} ignored: key is" in run.stderr


def _without_violation(payload: bytes) -> bytes:
    data = json.loads(payload)
    blocks = [block for block in data["blocks"] if block[1] != ["aws_ebs_volume", "scratch"]]
    assert len(blocks) == len(data["blocks"]) - 1
    return json.dumps({"blocks": blocks}).encode()


def _forge(path: Path, payload: bytes, **header: object) -> None:
    """An entry with ``payload`` and a header that differs from the true one only in ``header``."""
    true_header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    fields = {**true_header, "sha256": hashlib.sha256(payload).hexdigest(), **header}
    path.write_bytes(json.dumps(fields).encode() + b"\n" + payload)


@pytest.mark.parametrize(
    "forgery",
    ["stale digest", "other iacgate version", "other key", "other parser version", "other format"],
)
def test_a_parse_entry_with_the_violation_removed_is_not_believed(
    forgery: str, repository: Path, cache: Path, clean: tuple[Path, str]
) -> None:
    entry = hcl_entry(cache, MAIN)
    whole = entry.read_bytes()
    header, payload = whole.split(b"\n", 1)
    edited = _without_violation(payload)
    if forgery == "stale digest":
        entry.write_bytes(header + b"\n" + edited)
    elif forgery == "other iacgate version":
        _forge(entry, edited, iacgate="0.0.1")
    elif forgery == "other key":
        _forge(entry, edited, key=hashlib.sha256(OTHER.encode()).hexdigest())
    elif forgery == "other parser version":
        _forge(entry, edited, kind="hcl-5-8.1.4")
    else:
        _forge(entry, edited, format=0)
    run = scan(repository, cache, debug=True)
    assert_clean(run, clean)
    assert f"cache entry {entry} ignored" in run.stderr
    assert entry.read_bytes() == whole  # parsed again and written back as the clean scan wrote it


@pytest.mark.parametrize("damage", ["truncated", "not json", "wrong shape", "empty"])
def test_a_malformed_parse_entry_is_parsed_again_with_a_debug_note(
    damage: str, repository: Path, cache: Path, clean: tuple[Path, str]
) -> None:
    entry = hcl_entry(cache, MAIN)
    whole = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(whole[: len(whole) // 2])
    elif damage == "not json":
        _forge(entry, b"\x80\x04not json")
    elif damage == "wrong shape":
        # Valid JSON under a consistent header, but with an expression of a kind this parser does not
        # write: what another parser version could have left.
        block = ["resource", ["aws_ebs_volume", "scratch"], [["encrypted", ["Z", 1], 4]], [], 1, 5]
        _forge(entry, json.dumps({"blocks": [block]}).encode())
    else:
        entry.write_bytes(b"")
    run = scan(repository, cache, debug=True)
    assert_clean(run, clean)
    assert f"cache entry {entry} ignored" in run.stderr and "recomputed" in run.stderr
    assert entry.read_bytes() == whole  # written again, as the clean scan wrote it


@pytest.mark.parametrize("moved", ["bundles only", "bundles with their sidecars"])
def test_another_keys_rego_bundle_is_compiled_again(
    moved: str, repository: Path, cache: Path, clean: tuple[Path, str]
) -> None:
    """Each compiled bundle replaced by the bundle of another resource type: loaded as they are, the
    rules of one type would be evaluated against another's router (or none at all)."""
    # Without the answers the clean scan kept, every query is asked of its bundle.
    for answers in cache.glob("answers-*"):
        shutil.rmtree(answers)
    patterns = ["rego-*/*.rbb"] if moved == "bundles only" else ["rego-*/*.rbb", "rego-*/*.rbb.json"]
    for pattern in patterns:
        files = sorted(cache.glob(pattern))
        assert len(files) >= 2, "the scan should have compiled one bundle per resource type"
        contents = [path.read_bytes() for path in files]
        for path, content in zip(files, contents[1:] + contents[:1], strict=True):
            path.write_bytes(content)
    run = scan(repository, cache)
    assert_clean(run, clean)
    # Compiled again (in the evaluating child, whose stderr is its own) and stored as the clean scan did.
    for path in cache.glob("rego-*/*.rbb*"):
        assert path.read_bytes() == (clean[0] / path.relative_to(cache)).read_bytes()


def test_cache_directories_are_private(clean: tuple[Path, str]) -> None:
    cache = clean[0]
    directories = [cache, *(path for path in cache.rglob("*") if path.is_dir())]
    files = [path for path in cache.rglob("*") if path.is_file()]
    assert len(directories) > 4 and len(files) > 4
    assert {oct(path.stat().st_mode & 0o777) for path in directories} == {oct(0o700)}
    assert {oct(path.stat().st_mode & 0o777) for path in files} == {oct(0o600)}


@pytest.mark.parametrize("opened", ["group-writable", "world-writable"])
def test_a_cache_directory_others_can_write_is_not_used(
    opened: str, repository: Path, cache: Path, clean: tuple[Path, str], tmp_path: Path
) -> None:
    """A forged entry (right key, version and digest) can only be kept out by the directory: one that
    others can write is not read at all, whatever it holds."""
    marker = tmp_path / "pwned"
    for path in files_under(cache, "*"):
        path.write_bytes(pickle.dumps(Planted(marker)))
    cache.chmod(0o770 if opened == "group-writable" else 0o707)
    run = scan(repository, cache, debug=True)
    assert not marker.exists()
    assert_clean(run, clean)
    assert f"cache directory {cache} not used" in run.stderr


@pytest.mark.skipif(getattr(os, "geteuid", lambda: -1)() != 0, reason="changing a file's owner needs root")
def test_a_cache_directory_of_another_user_is_not_used(
    repository: Path, cache: Path, clean: tuple[Path, str], tmp_path: Path
) -> None:
    marker = tmp_path / "pwned"
    for path in files_under(cache, "*"):
        path.write_bytes(pickle.dumps(Planted(marker)))
    for path in [cache, *cache.rglob("*")]:
        os.chown(path, 65534, 65534)
    run = scan(repository, cache, debug=True)
    assert not marker.exists()
    assert_clean(run, clean)
    assert f"cache directory {cache} not used" in run.stderr


def test_a_cache_inside_the_checkout_is_not_used(
    repository: Path, clean: tuple[Path, str], tmp_path: Path
) -> None:
    """CI pointing the cache into the workspace: the pull request can commit a cache directory of its
    own there (forged entries, consistent headers), so a cache inside a git work tree is never read."""
    marker = tmp_path / "pwned"
    (repository / ".git").mkdir()
    infra = repository / "infra"
    infra.mkdir()
    for name in ("main.tf", "other.tf"):
        (repository / name).rename(infra / name)
    planted = repository / ".iacgate-cache"
    shutil.copytree(clean[0], planted)
    for path in files_under(planted, "*"):
        path.write_bytes(pickle.dumps(Planted(marker)))
    run = scan(infra, planted, debug=True)
    assert not marker.exists()
    assert_clean(run, clean)
    assert f"lies inside the git work tree {repository}" in run.stderr
