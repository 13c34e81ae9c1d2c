"""Rule packs: manifests (metadata, control mappings) and the Rego policies they point to."""

from iacgate.packs.load import builtin_pack_dirs, load_packs
from iacgate.packs.model import Control, Pack, Remediation, Rule, RuleSet

__all__ = ["Control", "Pack", "Remediation", "Rule", "RuleSet", "builtin_pack_dirs", "load_packs"]
