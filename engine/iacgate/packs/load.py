"""Finding, reading and validating rule packs: built-in ones shipped in the wheel, and custom directories."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iacgate.errors import PackError
from iacgate.packs.manifest_cache import is_manifest, manifest_entry, read_manifest, write_manifest
from iacgate.packs.model import CHANGE_ACTIONS, Control, Pack, Remediation, Rule, RuleSet
from iacgate.schemas import load_schema
from iacgate.severity import Severity

if TYPE_CHECKING:
    import jsonschema

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """Where ``policies/`` and ``rulepacks/`` live: inside the installed wheel, or the checkout."""
    bundled = _PACKAGE_DIR / "_bundled"
    if (bundled / "rulepacks").is_dir():
        return bundled
    checkout = _PACKAGE_DIR.parent.parent
    if (checkout / "rulepacks").is_dir():
        return checkout
    raise PackError("built-in rule packs not found: the iacgate installation is incomplete")


def policies_root() -> Path:
    return data_root() / "policies"


@functools.cache
def _resolved_policies_root() -> Path:
    return policies_root().resolve()


def is_builtin(path: Path) -> bool:
    """Whether a policy file ships with iacgate (checked and tested where it is written).

    A path written under the (resolved) policies root without ``..`` is inside the installation as it
    stands: only other paths are resolved (an lstat per component, 15 ms of every run for the built-in
    files, which ``load_packs`` names that way)."""
    root = _resolved_policies_root()
    if path.is_absolute() and ".." not in path.parts and path.is_relative_to(root):
        return True
    return path.resolve().is_relative_to(root)


# The built-in manifests as JSON, keyed by the sha256 of each one's text: written into the wheel by
# hatch_build.py, so a fresh install parses no YAML (0.13 s); absent from a checkout.
SHIPPED_MANIFESTS = "manifests.json"
_SHIPPED_FORMAT = 1

Shipped = Mapping[str, Any]


def shipped_manifests() -> Shipped:
    """The shipped manifest documents by text digest; empty when the installation has none (a checkout)
    or the file is not what a build wrote."""
    root = data_root()
    if root.name != "_bundled":
        return {}  # a checkout: its manifests change as rules are written
    try:
        document = json.loads((root / SHIPPED_MANIFESTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != _SHIPPED_FORMAT:
        return {}
    found = document.get("manifests")
    return found if isinstance(found, dict) else {}


def builtin_pack_dirs() -> dict[str, Path]:
    """Built-in pack ids mapped to their manifest files, in a stable order."""
    return {path.stem: path for path in sorted((data_root() / "rulepacks").glob("*.yaml"))}


ALL_FORMATS = ("terraform", "terraform-plan", "cloudformation", "pulumi")


def manifest_validator(schema_name: str) -> jsonschema.Draft202012Validator:
    # Imported here: jsonschema costs 0.2 s to import, and a cached manifest is never validated again.
    import jsonschema
    from referencing import Registry, Resource

    # Fragments refer to the manifest schema's rule definition by its relative URI.
    manifest = load_schema("rulepack.schema.json")
    registry: Registry[Any] = Registry().with_resource(
        "https://iacgate.dev/schemas/rulepack.schema.json", Resource.from_contents(manifest)
    )
    return jsonschema.Draft202012Validator(load_schema(schema_name), registry=registry)


def _read_manifest(
    path: Path,
    schema_name: str = "rulepack.schema.json",
    trusted: bool = False,
    shipped: Shipped | None = None,
) -> dict[str, Any]:
    """A manifest's document, schema-validated unless ``trusted``: the built-in packs are validated where
    they are written (``make check-packs``, the tests), and validating them again cost 0.4 s of every run
    without a cache; what users write (custom packs) is always validated. A trusted manifest whose text
    the installation ``shipped`` as JSON (``shipped_manifests``) is taken from there."""
    try:
        text = path.read_text(encoding="utf-8")
        if trusted and shipped:
            found = shipped.get(hashlib.sha256(text.encode("utf-8")).hexdigest())
            if isinstance(found, dict) and is_manifest(found, fragment=schema_name != "rulepack.schema.json"):
                return dict(found)
        # Keyed by the text and both schemas: a manifest read once is read back as it was, skipping YAML
        # and schema validation (a quarter of a pre-commit run otherwise).
        cached = manifest_entry(text, schema_name)
        document = read_manifest(cached, fragment=schema_name != "rulepack.schema.json")
        if document is not None:
            return document
    except OSError as exc:
        raise PackError(f"{path}: cannot read rule-pack manifest: {exc}".splitlines()[0]) from None
    # On use: PyYAML costs 15 ms of every run, and a manifest read before comes from the cache.
    import yaml

    from iacgate import yamlio

    try:
        document = yamlio.safe_load(text)
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: cannot read rule-pack manifest: {exc}".splitlines()[0]) from None
    errors = (
        []
        if trusted
        else sorted(
            manifest_validator(schema_name).iter_errors(document), key=lambda error: list(error.absolute_path)
        )
    )
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or "(top level)"
        raise PackError(f"{path}: invalid manifest at {where}: {first.message}")
    if not isinstance(document, dict):
        raise PackError(f"{path}: manifest must be a mapping")
    write_manifest(cached, document)
    return document


def _rule(pack_id: str, entry: dict[str, Any], changes: bool = False, regressions: bool = False) -> Rule:
    controls = tuple(
        Control(framework, control_id)
        for framework, control_ids in entry["controls"].items()
        for control_id in control_ids
    )
    return Rule(
        id=entry["id"],
        name=entry["name"],
        pack=pack_id,
        title=entry["title"],
        description=entry["description"],
        severity=Severity(entry["severity"]),
        policy=entry["policy"],
        scope=entry.get("scope", "resource"),
        resource_types=tuple(entry["resource_types"]),
        rationale=entry["rationale"].strip(),
        remediation=Remediation(
            entry["remediation"]["text"].strip(),
            entry["remediation"]["terraform"],
            {key: text.strip() for key, text in entry["remediation"].get("text_in", {}).items()},
        ),
        help_uri=entry["help_uri"],
        controls=controls,
        tags=tuple(entry.get("tags", ())),
        precision=entry.get("precision", "high"),
        formats=tuple(entry.get("formats", _default_formats(entry["resource_types"]))),
        changes=changes,
        regression=bool(entry.get("regression", regressions)),
        change_actions=tuple(entry.get("actions", CHANGE_ACTIONS)),
        compares=tuple(
            (type_name, tuple(attributes)) for type_name, attributes in entry.get("compares", {}).items()
        ),
    )


def _default_formats(resource_types: Sequence[str]) -> tuple[str, ...]:
    # CloudFormation only describes AWS; the other three formats describe every cloud.
    if all(type_name.startswith("aws_") for type_name in resource_types):
        return ALL_FORMATS
    return tuple(name for name in ALL_FORMATS if name != "cloudformation")


def fragment_dir(manifest_path: Path) -> Path:
    """``rulepacks/encryption.yaml`` takes more rules from ``rulepacks/encryption.d/*.yaml``."""
    return manifest_path.with_name(f"{manifest_path.stem}.d")


def load_pack(
    manifest_path: Path, policy_dir: Path, trusted: bool = False, shipped: Shipped | None = None
) -> Pack:
    try:
        return _load_pack(manifest_path, policy_dir, trusted, shipped)
    except (KeyError, TypeError, ValueError) as exc:
        # Only a trusted (unvalidated) manifest can get here, if it was edited by hand after its checks.
        raise PackError(f"{manifest_path}: invalid manifest: {type(exc).__name__} {exc}") from None


def _load_pack(manifest_path: Path, policy_dir: Path, trusted: bool, shipped: Shipped | None) -> Pack:
    document = _read_manifest(manifest_path, trusted=trusted, shipped=shipped)
    pack_id = document["pack"]
    if manifest_path.name != "pack.yaml" and manifest_path.stem != pack_id:
        raise PackError(f"{manifest_path}: file name must match the pack id '{pack_id}'")
    entries = list(document["rules"])
    for fragment in sorted(fragment_dir(manifest_path).glob("*.yaml")):
        entries.extend(_read_manifest(fragment, "rulepack-rules.schema.json", trusted, shipped)["rules"])
    if not entries:
        raise PackError(f"{manifest_path}: the pack has no rules")
    return Pack(
        id=pack_id,
        version=document["version"],
        title=document["title"],
        description=document["description"],
        rules=tuple(
            _rule(pack_id, entry, document.get("judges") == "changes", bool(document.get("regressions")))
            for entry in entries
        ),
        manifest_path=manifest_path,
        policy_dir=policy_dir,
        requires_settings=tuple(document.get("requires_settings", ())),
        judges=str(document.get("judges", "state")),
    )


def _rego_files(directory: Path) -> Iterable[Path]:
    return (path for path in sorted(directory.rglob("*.rego")) if not path.name.endswith("_test.rego"))


def load_packs(selected: Sequence[str] = (), custom_dirs: Sequence[Path] = ()) -> RuleSet:
    """Load the built-in packs (all, or those named in ``selected``) plus custom pack directories.

    A custom directory holds ``pack.yaml`` and its ``.rego`` files. Rule ids must be unique across packs.
    """
    available = builtin_pack_dirs()
    unknown = [name for name in dict.fromkeys(selected) if name not in available]
    packs: list[Pack] = []
    for directory in custom_dirs:
        manifest = directory / "pack.yaml"
        if not manifest.is_file():
            raise PackError(f"{directory}: not a rule pack (no pack.yaml)")
        pack = load_pack(manifest, directory)
        if pack.id in unknown:
            unknown.remove(pack.id)
        if not selected or pack.id in selected:
            packs.append(pack)
    if unknown:
        raise PackError(f"unknown pack {unknown[0]!r}; available: {', '.join(available)}")
    root = policies_root()
    shipped = shipped_manifests()
    for pack_id, manifest in available.items():
        if selected and pack_id not in selected:
            continue
        packs.append(load_pack(manifest, root / "rules" / pack_id, trusted=True, shipped=shipped))
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in seen:
                raise PackError(f"rule id {rule.id} is defined by both {seen[rule.id]} and {pack.id}")
            seen[rule.id] = pack.id
    files = [*_rego_files(root / "lib")]
    for pack in packs:
        files.extend(_rego_files(pack.policy_dir))
    return RuleSet(packs=tuple(packs), policy_files=tuple(files))
