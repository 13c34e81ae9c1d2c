"""Terraform's file functions and local module sources read only inside the scanned paths, never inside
``.git`` (issue #13 §2.6). Outside, the value is unknown (never an error ``try()`` could default away)
with one warning naming the calling file and line and the path as written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iacgate.api import parse_inputs
from iacgate.discover import discover
from iacgate.graph.model import Resource, Unknown
from iacgate.notifications import Notification
from iacgate.parsers import SUFFIXES, ParseOptions
from iacgate.parsers.base import confinement_roots

TOKEN = "ghp_CheckoutToken0123456789abcdefghijklmn"


def _scan(
    root: Path, scanned: str, confine: tuple[str, ...] | None = None
) -> tuple[dict[str, Resource], list[Notification]]:
    """Scan ``root/scanned`` from ``root`` as the CLI would, confined to ``confine`` (default: the path)."""
    paths = (root / scanned,)
    roots = confinement_roots(paths) if confine is None else tuple(root / name for name in confine)
    options = ParseOptions(scan_root=root.resolve(), confine_to=roots)
    parsed = parse_inputs(discover(paths, root.resolve(), SUFFIXES), options)
    resources = {resource.id: resource for graph in parsed.graphs for resource in graph.resources}
    return resources, list(parsed.notifications)


def _repo(tmp_path: Path, main_tf: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text(f"[http]\n\textraheader = basic {TOKEN}\n", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("sibling-secret-0123456789\n", encoding="utf-8")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "inside.txt").write_text("inside the tree\n", encoding="utf-8")
    (tmp_path / "infra" / "main.tf").write_text(main_tf, encoding="utf-8")
    return tmp_path


def _bucket(attributes: str) -> str:
    return f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n{attributes}}}\n'


def _warnings(notes: list[Notification]) -> list[tuple[str | None, int, str]]:
    return [(note.file, note.line, note.message) for note in notes if note.level == "warning"]


@pytest.mark.parametrize(
    ("expression", "why"),
    [
        ('file("../.git/config")', "is outside the scanned paths"),
        ('file("../secret.txt")', "is outside the scanned paths"),
        ('file("/etc/hostname")', "is outside the scanned paths"),
        ('filebase64("../secret.txt")', "is outside the scanned paths"),
        ('templatefile("../secret.txt", {})', "is outside the scanned paths"),
        ('fileexists("../secret.txt")', "is outside the scanned paths"),
        ('try(file("../secret.txt"), "a default")', "is outside the scanned paths"),
        ('can(file("../secret.txt"))', "is outside the scanned paths"),
    ],
)
def test_reads_outside_the_scanned_path_are_unknown_with_one_warning(
    tmp_path: Path, expression: str, why: str
) -> None:
    root = _repo(tmp_path, _bucket(f"  policy = {expression}\n"))
    resources, notes = _scan(root, "infra")
    policy = resources["aws_s3_bucket.b"].attributes["policy"]
    assert isinstance(policy, Unknown)
    path = expression.split('"')[1]
    message = f"file {path!r} {why}; not read, its value is unknown"
    assert _warnings(notes) == [("infra/main.tf", 3, message)]
    assert resources["aws_s3_bucket.b"].file_words == frozenset()


def test_dot_git_is_refused_even_inside_the_scanned_path(tmp_path: Path) -> None:
    root = _repo(tmp_path, _bucket('  policy = file(".git/config")\n'))
    (root / "infra" / "main.tf").rename(root / "main.tf")
    resources, notes = _scan(root, ".")
    assert isinstance(resources["aws_s3_bucket.b"].attributes["policy"], Unknown)
    assert _warnings(notes) == [
        ("main.tf", 3, "file '.git/config' is inside a .git directory; not read, its value is unknown")
    ]


def test_a_link_out_of_the_tree_is_outside(tmp_path: Path) -> None:
    root = _repo(tmp_path, _bucket('  policy = file("innocent.json")\n'))
    os.symlink(root / ".git" / "config", root / "infra" / "innocent.json")
    resources, notes = _scan(root, "infra")
    assert isinstance(resources["aws_s3_bucket.b"].attributes["policy"], Unknown)
    assert [message for _, _, message in _warnings(notes)] == [
        "file 'innocent.json' is outside the scanned paths; not read, its value is unknown"
    ]


def test_computed_paths_name_the_calling_line(tmp_path: Path) -> None:
    text = 'locals {\n  name = "secret"\n}\n\n' + _bucket('  policy = file("../${local.name}.txt")\n')
    resources, notes = _scan(_repo(tmp_path, text), "infra")
    assert isinstance(resources["aws_s3_bucket.b"].attributes["policy"], Unknown)
    assert [(file, line) for file, line, _ in _warnings(notes)] == [("infra/main.tf", 7)]


def test_reads_inside_are_read_and_recorded(tmp_path: Path) -> None:
    text = _bucket('  policy = file("inside.txt")\n  exists = fileexists("missing.txt")\n')
    resources, notes = _scan(_repo(tmp_path, text), "infra")
    bucket = resources["aws_s3_bucket.b"]
    assert bucket.attributes["policy"] == "inside the tree\n"
    assert bucket.attributes["exists"] is False
    assert not {"inside", "the", "tree"} & bucket.file_words  # prose, no secret
    assert not _warnings(notes)


def test_a_trusted_extra_root_allows_a_sibling(tmp_path: Path) -> None:
    root = _repo(tmp_path, _bucket('  policy = file("../secret.txt")\n'))
    resources, notes = _scan(root, "infra", confine=("infra", "."))
    assert resources["aws_s3_bucket.b"].attributes["policy"] == "sibling-secret-0123456789\n"
    assert not _warnings(notes)


MODULE = 'variable "name" {}\nresource "aws_s3_bucket" "m" {\n  bucket = var.name\n}\n'


def _layout(tmp_path: Path) -> Path:
    (tmp_path / "envs" / "prod").mkdir(parents=True)
    (tmp_path / "modules" / "bucket").mkdir(parents=True)
    (tmp_path / "modules" / "bucket" / "main.tf").write_text(MODULE, encoding="utf-8")
    (tmp_path / "envs" / "prod" / "main.tf").write_text(
        'module "data" {\n  source = "../../modules/bucket"\n  name   = "prod-data"\n}\n', encoding="utf-8"
    )
    return tmp_path


def test_modules_beside_the_scanned_path_are_not_read(tmp_path: Path) -> None:
    resources, notes = _scan(_layout(tmp_path), "envs/prod")
    assert resources == {}
    assert _warnings(notes) == [
        (
            "envs/prod/main.tf",
            1,
            "module 'data' source '../../modules/bucket' is outside the scanned paths; not read, its "
            "resources are not evaluated",
        )
    ]


@pytest.mark.parametrize(("scanned", "confine"), [(".", None), ("envs/prod", (".",))])
def test_modules_resolve_when_the_repository_is_scanned_or_trusted(
    tmp_path: Path, scanned: str, confine: tuple[str, ...] | None
) -> None:
    resources, notes = _scan(_layout(tmp_path), scanned, confine)
    assert resources["module.data.aws_s3_bucket.m"].attributes["bucket"] == "prod-data"
    assert not _warnings(notes)


def test_installed_modules_outside_are_not_read(tmp_path: Path) -> None:
    root = _layout(tmp_path)
    (root / "envs" / "prod" / "main.tf").write_text(
        'module "data" {\n  source = "example/bucket/aws"\n  name   = "prod-data"\n}\n', encoding="utf-8"
    )
    installed = root / "envs" / "prod" / ".terraform" / "modules"
    installed.mkdir(parents=True)
    (installed / "modules.json").write_text(
        '{"Modules": [{"Key": "data", "Source": "example/bucket/aws", "Dir": "../../modules/bucket"}]}',
        encoding="utf-8",
    )
    resources, notes = _scan(root, "envs/prod")
    assert resources == {}
    assert [message for _, _, message in _warnings(notes)] == [
        "module 'data' (example/bucket/aws) is installed in a directory that is outside the scanned "
        "paths; not read, its resources are not evaluated"
    ]


def test_automatic_tfvars_linked_out_of_the_tree_are_not_read(tmp_path: Path) -> None:
    root = _repo(tmp_path, 'variable "x" {\n  default = "d"\n}\n' + _bucket("  policy = var.x\n"))
    os.symlink(root / ".git" / "config", root / "infra" / "terraform.tfvars")
    resources, notes = _scan(root, "infra")
    assert resources["aws_s3_bucket.b"].attributes["policy"] == "d"
    assert [message for _, _, message in _warnings(notes)] == [
        "variable file terraform.tfvars is outside the scanned paths; not read"
    ]
    assert not any(TOKEN in note.message for note in notes)


@pytest.mark.parametrize("installed", [False, True])
def test_module_files_linked_out_of_the_tree_or_into_git_are_not_read(
    tmp_path: Path, installed: bool
) -> None:
    # The module directory is inside the tree; its files are links to .git/config and to a sibling.
    root = _repo(tmp_path, 'module "m" {\n  source = "./.mod"\n}\n')
    module = root / "infra" / ".mod"
    if installed:
        (root / "infra" / "main.tf").write_text(
            'module "m" {\n  source = "example/m/aws"\n}\n', encoding="utf-8"
        )
        module = root / "infra" / ".terraform" / "modules" / "m"
        module.mkdir(parents=True)
        (module.parent / "modules.json").write_text(
            '{"Modules": [{"Key": "m", "Dir": ".terraform/modules/m"}]}', encoding="utf-8"
        )
    else:
        module.mkdir()
    (root / "infra" / ".git").mkdir()
    (root / "infra" / ".git" / "config").write_text(
        f"[http]\n\textraheader = basic {TOKEN}\n", encoding="utf-8"
    )
    os.symlink(root / "infra" / ".git" / "config", module / "a.tf")
    os.symlink(root / "secret.txt", module / "c.tf")
    (module / "ok.tf").write_text('resource "aws_s3_bucket" "m" {\n  bucket = "m"\n}\n', encoding="utf-8")
    resources, notes = _scan(root, "infra")
    assert set(resources) == {"module.m.aws_s3_bucket.m"}
    where = module.relative_to(root).as_posix()
    assert [(note.level, note.file, note.message) for note in notes] == [
        (
            "error",
            f"{where}/a.tf",
            "module file not read: once links are resolved it is inside a .git directory",
        ),
        (
            "error",
            f"{where}/c.tf",
            "module file not read: once links are resolved it is outside the scanned paths",
        ),
    ]
    assert not any(TOKEN in note.message or "sibling-secret" in note.message for note in notes)


def test_notes_never_quote_what_a_function_read(tmp_path: Path) -> None:
    # tonumber() of the file's text fails and the error names the value; the count's warning would
    # carry it into every report.
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "token.txt").write_text(TOKEN, encoding="utf-8")
    (tmp_path / "infra" / "main.tf").write_text(
        _bucket('  count = tonumber(file("token.txt"))\n'), encoding="utf-8"
    )
    resources, notes = _scan(tmp_path, "infra")
    [warning] = _warnings(notes)
    assert warning[:2] == ("infra/main.tf", 1)
    assert "tonumber()" in warning[2] and "[file contents withheld]" in warning[2]
    assert TOKEN not in warning[2]
    assert TOKEN in resources["aws_s3_bucket.b"].file_words


def test_the_pre_commit_hook_needs_its_repository_as_a_read_root(tmp_path: Path) -> None:
    # The hook scans the changed module and its caller's files explicitly; their directories alone would
    # not hold the caller's other modules (../../modules/queue, unchanged).
    from iacgate.hook import scan_targets

    root = _layout(tmp_path)
    (root / "modules" / "queue").mkdir()
    (root / "modules" / "queue" / "main.tf").write_text(
        'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', encoding="utf-8"
    )
    with (root / "envs" / "prod" / "main.tf").open("a", encoding="utf-8") as caller:
        caller.write('module "queue" {\n  source = "../../modules/queue"\n}\n')
    targets = scan_targets([Path("modules/bucket/main.tf")], root)
    assert targets.paths == (Path("envs/prod/main.tf"), Path("modules/bucket/main.tf"))
    paths = tuple(root / path for path in targets.paths)

    def resources(roots: tuple[Path, ...]) -> set[str]:
        options = ParseOptions(scan_root=root.resolve(), confine_to=roots)
        parsed = parse_inputs(discover(paths, root.resolve(), SUFFIXES), options)
        return {resource.id for graph in parsed.graphs for resource in graph.resources}

    # The changed module is judged once, under its caller (which instantiates it), never also as a root.
    assert resources(confinement_roots(paths)) == {"module.data.aws_s3_bucket.m"}
    assert resources(confinement_roots(paths, (root,))) == {
        "module.data.aws_s3_bucket.m",
        "module.queue.aws_sqs_queue.q",
    }


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    # A template the scanned tree does not hold was "not a regular file", as if it were a device.
    (tmp_path / "main.tf").write_text(
        'resource "aws_instance" "i" {\n  user_data = file("${path.module}/templates/missing.tpl")\n}\n',
        encoding="utf-8",
    )
    (tmp_path / "dir.tpl").mkdir()
    (tmp_path / "other.tf").write_text(
        'resource "aws_instance" "j" {\n  user_data = file("dir.tpl")\n}\n', encoding="utf-8"
    )
    resources, _ = _scan(tmp_path, ".")
    missing = resources["aws_instance.i"].attributes["user_data"]
    assert isinstance(missing, Unknown)
    assert "cannot read file './templates/missing.tpl': no file exists there" in missing.reason
    directory = resources["aws_instance.j"].attributes["user_data"]
    assert isinstance(directory, Unknown) and "not a regular file" in directory.reason
