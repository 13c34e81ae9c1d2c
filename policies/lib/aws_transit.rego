# Helpers of the AWS encryption-in-transit rules of issue 15 (aws_transit group). Every function is
# prefixed transit_: regopy 1.5.2 crashes when two packages define functions of one name with different arity.
package iacgate.lib.aws_transit

import data.iacgate.lib
import rego.v1

# " (<the provider's default> when not set)" after a value shown in a message, only when it is not set.
transit_unset_note(value, provider_default) := concat("", [" (", provider_default, " when not set)"]) if {
	not lib.is_set(value)
} else := ""

# A setting inside a single nested block (endpoint_options, delivery_options) with the path of its value:
# Terraform writes the block as a list, Pulumi and CloudFormation as one object; a missing block holds no
# setting and the finding points at the block (lib.missing_block_path).
transit_block_setting(block_name, name) := {"value": object.get(block[0], name, null), "path": [block_name, 0, name]} if {
	block := lib.attr(block_name)
	is_array(block)
	count(block) > 0
	is_object(block[0])
} else := {"value": object.get(block, name, null), "path": [block_name, name]} if {
	block := lib.attr(block_name)
	is_object(block)
	not lib.is_unknown(block)
} else := {"value": null, "path": lib.missing_block_path(block_name)}

# The nested block itself is unknown until apply (a dynamic block, a module input) outside a plan, where
# the provider may compute a block the configuration leaves out.
transit_block_unknown(block_name) if {
	lib.is_unknown(lib.attr(block_name))
	input.resource.format != "terraform-plan"
}
