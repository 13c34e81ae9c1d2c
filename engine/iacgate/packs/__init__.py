"""Rule packs: manifests (metadata, control mappings) and the Rego policies they point to."""

from iacgate.packs.model import Control, Pack, Remediation, Rule, RuleSet
from iacgate.packs.load import builtin_pack_dirs, load_packs

__all__ = ["Control", "Pack", "Remediation", "Rule", "RuleSet", "builtin_pack_dirs", "load_packs"]
