"""Where the files that can change the gate come from: configuration, waivers, baseline, custom packs.

The trust boundary (docs/security.md): command-line options, the environment and files named on the
command line are trusted; everything in the scanned tree is written by whoever wrote the change judged.

- With a trusted ref (``--trusted-ref REF``), every gate-relevant file inside the repository is read as
  it is on REF, named or found; a note lists the ones the change edits, so a reviewer sees them.
- Without one, an ``iacgate.yaml`` found in the scanned tree may only tighten the gate
  (``config.tighten_only``), and a waivers file found there is not applied; files named on the command
  line (and by a named ``--config``) are read as they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from iacgate.approvals import APPROVALS_NAME
from iacgate.config import CONFIG_NAME, Config, load_config, tighten_only
from iacgate.discover import shown_path
from iacgate.errors import ConfigError, UsageError
from iacgate.notifications import Notification
from iacgate.trust import TrustedRef
from iacgate.waivers import WAIVERS_NAME


@dataclass(frozen=True)
class GateInputs:
    """Gate-relevant files, resolved: paths to read (on disk, or copies of the ref's files in a private
    directory), the names to show for them, the trusted ref, and notes for the report."""

    root: Path
    config: Config
    waivers: Path | None = None
    waivers_shown: str | None = None
    baseline: Path | None = None
    pack_dirs: tuple[Path, ...] = ()
    reference: TrustedRef | None = None
    notes: tuple[Notification, ...] = ()
    approvals: Path | None = None
    approvals_shown: str | None = None


@dataclass(frozen=True)
class Requested:
    """What the command line named (None: not named) and where found files are looked for: from the
    scanned ``paths`` up to the scan ``root`` (``home_candidates``)."""

    root: Path
    config: Path | None = None
    waivers: Path | None = None
    baseline: Path | None = None
    pack_dirs: tuple[Path, ...] = ()
    trusted_ref: str | None = None
    paths: tuple[Path, ...] = ()
    approvals: Path | None = None


def home_candidates(root: Path, paths: Sequence[Path]) -> tuple[Path, ...]:
    """Where ``iacgate.yaml`` (and ``iacgate-waivers.yaml`` beside it) is looked for, nearest first: the
    scanned paths' common directory, then each parent up to the scan root. ``iacgate scan infra/`` from
    the repository root finds ``infra/iacgate.yaml``, else ``./iacgate.yaml``."""
    directories = [Path(os.path.abspath(path if path.is_dir() else path.parent)) for path in paths]
    if not directories:
        return (root,)
    try:
        common = Path(os.path.commonpath([str(directory) for directory in directories]))
    except ValueError:
        return (root,)
    if not common.is_relative_to(root):
        common = common.resolve()
    if not common.is_relative_to(root):
        return (root,)
    found = [common, *(parent for parent in common.parents if parent.is_relative_to(root))]
    return tuple(dict.fromkeys(found))


class _FromRef:
    """Reads gate-relevant files as they are on the trusted ref; files outside the repository (a
    configuration kept on the runner, say) are read from disk, as no change to the repository reaches
    them."""

    def __init__(self, reference: TrustedRef, root: Path, private: Path) -> None:
        self.reference = reference
        self.root = root
        self.private = private

    def exists(self, path: Path) -> bool:
        if self.reference.relative(path) is None:
            return path.is_file()
        return self.reference.exists(path)

    def label(self, path: Path) -> str:
        relative = self.reference.relative(path)
        return self.reference.label(relative) if relative is not None else str(path)

    def config(self, path: Path, named: bool) -> Config:
        if self.reference.relative(path) is None:
            return load_config(path) if named or path.is_file() else Config()
        text = self.reference.read_text(path)
        if text is None:
            if named:
                raise ConfigError(f"{self.label(path)}: no such configuration file on the trusted ref")
            return Config()
        return load_config(path, text, self.label(path))

    def file(self, path: Path) -> Path | None:
        """A copy of ``path`` as it is on the ref, or None when the ref has no such file."""
        relative = self.reference.relative(path)
        if relative is None:
            return path
        data = self.reference.read(path)
        if data is None:
            return None
        copy = self.private / "files" / relative
        copy.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        copy.write_bytes(data)
        return copy

    def directory(self, path: Path) -> Path:
        if self.reference.relative(path) is None:
            return path
        copy = self.reference.materialize(path, self.private / "packs")
        if copy is None:
            raise UsageError(f"{self.label(path)}: no such custom pack directory on the trusted ref")
        return copy


def resolve(requested: Requested, private: Path) -> GateInputs:
    """The gate's inputs for this run. ``private`` is an empty 0700 directory that lives as long as the
    scan; copies of files read from the trusted ref are laid out below it."""
    root = requested.root
    if requested.trusted_ref:
        reference = TrustedRef.open(requested.trusted_ref, root)
        return _resolve_from_ref(requested, reference, _FromRef(reference, root, private))
    notes: list[Notification] = []
    home = _home(requested, lambda path: path.is_file())
    if requested.config is not None:
        config = load_config(requested.config)
    elif (home / CONFIG_NAME).is_file():
        found = load_config(home / CONFIG_NAME, shown=shown_path(home / CONFIG_NAME, root))
        config, tightened = tighten_only(found)
        notes.extend(tightened)
    else:
        config = Config()
    waivers = requested.waivers or config.waivers
    found_waivers = home / WAIVERS_NAME
    if waivers is None and found_waivers.is_file():
        notes.append(
            Notification(
                "warning",
                f"{WAIVERS_NAME} found in the scanned tree is not applied: waivers apply only from a trusted "
                "source (--waivers FILE, 'waivers' in a --config file, or --trusted-ref REF)",
                shown_path(found_waivers, root),
            )
        )
    approvals = requested.approvals or config.approvals
    found_approvals = home / APPROVALS_NAME
    if approvals is None and found_approvals.is_file():
        notes.append(
            Notification(
                "warning",
                f"{APPROVALS_NAME} found in the scanned tree is not applied: approvals apply only from a "
                "trusted source (--approvals FILE, 'approvals' in a --config file, or --trusted-ref REF)",
                shown_path(found_approvals, root),
            )
        )
    return GateInputs(
        root=root,
        config=config,
        waivers=waivers,
        waivers_shown=shown_path(waivers, root) if waivers is not None else None,
        baseline=requested.baseline,
        pack_dirs=(*config.pack_dirs, *requested.pack_dirs),
        notes=tuple(notes),
        approvals=approvals,
        approvals_shown=shown_path(approvals, root) if approvals is not None else None,
    )


def _home(requested: Requested, exists: Callable[[Path], bool]) -> Path:
    """The directory whose iacgate.yaml applies: the nearest holding one, else the scan root."""
    for directory in home_candidates(requested.root, requested.paths):
        if exists(directory / CONFIG_NAME) or exists(directory / WAIVERS_NAME):
            return directory
    return requested.root


def _resolve_from_ref(requested: Requested, reference: TrustedRef, ref: _FromRef) -> GateInputs:
    # Found files are looked for on the ref, not in the change: a change that adds a nearer
    # iacgate.yaml must not shadow the reviewed one.
    home = _home(requested, lambda path: ref.exists(path))
    config_path = requested.config or home / CONFIG_NAME
    config = ref.config(config_path, named=requested.config is not None)
    waivers_path = requested.waivers or config.waivers or home / WAIVERS_NAME
    waivers = ref.file(waivers_path)
    if waivers is None and (requested.waivers or config.waivers):
        raise ConfigError(f"{ref.label(waivers_path)}: no such waivers file on the trusted ref")
    approvals_path = requested.approvals or config.approvals or home / APPROVALS_NAME
    approvals = ref.file(approvals_path)
    if approvals is None and (requested.approvals or config.approvals):
        raise ConfigError(f"{ref.label(approvals_path)}: no such approvals file on the trusted ref")
    baseline = None
    if requested.baseline is not None:
        baseline = ref.file(requested.baseline)
        if baseline is None:
            raise UsageError(f"--baseline {ref.label(requested.baseline)}: no such file on the trusted ref")
    named_dirs = (*config.pack_dirs, *requested.pack_dirs)
    pack_dirs = tuple(ref.directory(directory) for directory in named_dirs)
    relevant: list[Path] = [config_path, waivers_path, approvals_path, *named_dirs]
    if requested.baseline is not None:
        relevant.append(requested.baseline)
    notes = [
        Notification(
            "warning",
            f"this change edits {name}, which can change the gate: iacgate read it as it is on "
            f"{reference.name}; have the edit reviewed and merged on its own",
            name,
        )
        for name in reference.changed(relevant)
    ]
    return GateInputs(
        root=requested.root,
        config=config,
        waivers=waivers,
        waivers_shown=ref.label(waivers_path) if waivers is not None else None,
        baseline=baseline,
        pack_dirs=pack_dirs,
        reference=reference,
        notes=tuple(notes),
        approvals=approvals,
        approvals_shown=ref.label(approvals_path) if approvals is not None else None,
    )
