"""Custom rule packs next to the built-in ones: which packs a run loads, from ids and directories."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from iacgate.errors import PackError


def is_pack_path(entry: str) -> bool:
    """A ``packs:`` entry naming a directory, not a built-in pack id (ids never hold '/' or start '.')."""
    return entry.startswith((".", "~")) or "/" in entry or "\\" in entry


def custom_pack_id(directory: Path) -> str:
    """The id a custom pack's ``pack.yaml`` declares (validated in full when the pack is loaded)."""
    import yaml  # on use: PyYAML costs 15 ms of every run that reads no YAML

    manifest = directory / "pack.yaml"
    try:
        document = yaml.safe_load(manifest.read_text(encoding="utf-8"))
    except OSError:
        raise PackError(f"{directory}: not a rule pack (no pack.yaml)") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{manifest}: cannot read rule-pack manifest: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict) or not isinstance(document.get("pack"), str):
        raise PackError(f"{manifest}: invalid manifest at pack: a pack id is required")
    return str(document["pack"])


def pack_selection(builtin: Sequence[str], custom_dirs: Sequence[Path]) -> tuple[str, ...]:
    """The ``selected`` argument of ``load_packs``: custom packs always run next to the chosen built-ins.

    No built-in named means all built-ins, which ``load_packs`` spells as an empty selection; once some are
    named, the custom packs' ids join them so that the selection does not leave the custom packs out.
    """
    if not builtin:
        return ()
    return tuple(dict.fromkeys((*builtin, *(custom_pack_id(directory) for directory in custom_dirs))))
