"""Pre-commit hook mode: the files a commit changes, turned into what one scan must read.

A changed ``.tf`` or ``.tfvars`` file means its module directory (every ``.tf`` sibling, with the tfvars
the parser picks up itself). When that directory is a local module called from elsewhere in the tree, its
callers up to the root modules are scanned with it, because only a caller gives the module its inputs.
Which directory calls which is found by a text match, which a heredoc or a string can fake
(``source = "../prod"`` in a documentation heredoc), so the changed directory and every directory on the
way up are always scanned: the parser, which sees the real calls, evaluates a called module through its
caller and one that nothing really calls as a root of its own.

CloudFormation and Pulumi files are scanned as they are (nested stacks follow
through the parser). Changed files that no parser claims (workflow YAML, ``package.json``) are skipped
silently: a hook sees every staged file its ``files`` pattern matches, and most JSON/YAML is not IaC.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iacgate.discover import SKIPPED_DIRECTORIES
from iacgate.errors import ParseError
from iacgate.parsers import PARSERS, claims
from iacgate.textio import read_bytes, read_source

TERRAFORM_CONFIG = claims.TERRAFORM_SUFFIXES
TERRAFORM_FILES = (*TERRAFORM_CONFIG, ".tfvars", ".tfvars.json")
# Local module sources in HCL (source = "./x") and in JSON syntax ("source": "../x"). A text match, not
# a parse: it only chooses which directory to scan, and the parser resolves the calls exactly.
_LOCAL_SOURCE = re.compile(r'(?m)^\s*"?source"?\s*[=:]\s*"(\.\.?/[^"]*)"')


@dataclass(frozen=True)
class HookTargets:
    """What to scan (explicit files, so a root module never drags in its whole subtree) and what was left
    out because no parser claims it."""

    paths: tuple[Path, ...]
    skipped: tuple[str, ...]


def _is_terraform(path: Path) -> bool:
    return path.name.lower().endswith(TERRAFORM_FILES)


def _config_files(directory: Path) -> list[Path]:
    return [
        path
        for path in sorted(directory.iterdir())
        if path.is_file() and path.name.lower().endswith(TERRAFORM_CONFIG) and not path.name.startswith(".")
    ]


def _walk_config(tree: Path) -> Iterable[Path]:
    for current, dirnames, filenames in os.walk(tree):
        dirnames[:] = [
            name for name in dirnames if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        ]
        for name in filenames:
            if name.lower().endswith(TERRAFORM_CONFIG) and not name.startswith("."):
                yield Path(current) / name


def module_callers(tree: Path) -> dict[Path, set[Path]]:
    """Module directory -> directories that call it through a local source, for the whole tree."""
    callers: dict[Path, set[Path]] = {}
    for path in _walk_config(tree):
        try:
            # Never a FIFO (the hook would wait forever) nor a huge file: those fail the scan itself.
            text = read_bytes(path, path.name).decode("utf-8", errors="replace")
        except ParseError:
            continue
        for source in _LOCAL_SOURCE.findall(text):
            target = (path.parent / source).resolve()
            if target != path.parent and target.is_relative_to(tree):
                callers.setdefault(target, set()).add(path.parent)
    return callers


def module_chain(directory: Path, callers: dict[Path, set[Path]]) -> set[Path]:
    """``directory`` and every directory that calls it, directly or through others, up to the roots (a
    call cycle included)."""
    seen: set[Path] = set()
    pending = [directory]
    while pending:
        current = pending.pop()
        if current not in seen:
            seen.add(current)
            pending.extend(callers.get(current, set()) - seen)
    return seen


def _claimed(path: Path, relative: str) -> bool:
    try:
        source = read_source(path, relative)
    except ParseError:
        return True  # unreadable: let the scan report it, the gate fails closed
    return any(parser.claims(source) for parser in PARSERS.values())


def _shown(path: Path, tree: Path) -> Path:
    return path.relative_to(tree) if path.is_relative_to(tree) else path


def scan_targets(changed: Sequence[Path], tree: Path) -> HookTargets:
    """Changed files (as pre-commit passes them, relative to ``tree``, the repository root) -> targets."""
    tree = tree.resolve()
    files: dict[Path, None] = {}
    modules: dict[Path, None] = {}
    skipped: list[str] = []
    for given in changed:
        path = given if given.is_absolute() else tree / given
        if not path.is_file():
            continue  # deleted or renamed away: nothing left to scan there
        if _is_terraform(path):
            modules[path.parent.resolve()] = None
        elif _claimed(path, given.as_posix()):
            files[path.resolve()] = None
        else:
            skipped.append(given.as_posix())
    if modules:
        callers = module_callers(tree)
        chain = sorted({found for module in modules for found in module_chain(module, callers)})
        for directory in chain:
            files.update(dict.fromkeys(path.resolve() for path in _config_files(directory)))
    return HookTargets(tuple(_shown(path, tree) for path in sorted(files)), tuple(skipped))
