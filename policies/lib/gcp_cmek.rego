# Customer-managed encryption keys (CMEK) of Google Cloud resources: the key setting at the end of a path
# of nested blocks (["cluster_config", "encryption_config", "kms_key_name"]), read the same way in every
# format (Terraform's one-element block lists, Pulumi's objects), for the encryption pack's CMEK rules.
#
# A rule asks `gcp_cmek.key_set(names)`; its finding points at `gcp_cmek.finding_path(names)`: the
# attribute path through the first block of each level, cut at the first level the source does not hold,
# so that a block unknown until apply makes the finding undetermined, never a pass.
package iacgate.lib.gcp_cmek

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# The value at a path of one to three names (blocks, then the setting), or null.
cmek_value(names) := lib.attr(names[0]) if {
	count(names) == 1
} else := value if {
	count(names) == 2
	outer := gcp.block(lib.attrs, names[0])
	value := object.get(outer, names[1], null)
} else := value if {
	count(names) == 3
	outer := gcp.block(lib.attrs, names[0])
	inner := gcp.block(outer, names[1])
	value := object.get(inner, names[2], null)
} else := null

# Any of several paths holds a key (kms_key_name or kms_key_names, CMEK or a customer-supplied key).
key_set(paths) if {
	some names in paths
	lib.set_in_every_branch(cmek_value(names))
}

# The attribute path of a finding about the first of `names`: each block level gets its index 0 while the
# source holds that block; the path stops at the first level it does not hold (or that is unknown).
finding_path(names) := [names[0]] if {
	count(names) == 1
} else := [names[0]] if {
	not gcp.has_block(names[0])
} else := [names[0], 0, names[1]] if {
	count(names) == 2
} else := [names[0], 0, names[1]] if {
	outer := gcp.block(lib.attrs, names[0])
	count(lib.blocks(object.get(outer, names[1], null))) == 0
} else := [names[0], 0, names[1], 0, names[2]]

# The value at the path as a message shows it: "not set", "unknown until apply" (a key a condition may
# leave unset, `c ? key : null`) or the value.
value_text(names) := lib.show(cmek_value(names))

# The names as people read them in a message: "cluster_config.encryption_config.kms_key_name".
dotted(names) := concat(".", names)
