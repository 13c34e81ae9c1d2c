# The rule-author API: every rule imports data.iacgate.lib and reads like the control it enforces.
#
# Three states matter for every attribute: set to a value, not set (missing, null, ""), and unknown until
# apply ({"__unknown__": "<reason>"}). Compare with the helpers below, never with `!=`: `attrs.x != true`
# is undefined when x is missing, so a missing attribute would silently pass.
package iacgate.lib

import rego.v1

# A value the source cannot tell yet arrives as {"__unknown__": "<reason>"}.
is_unknown(value) if {
	is_object(value)
	value.__unknown__
}

# The literal text an unknown string is known to end with ("...:alias/aws/s3" of HCL
# "arn:aws:kms:${var.region}:${local.account}:alias/aws/s3" or a CloudFormation Fn::Sub of the same), or
# "" when nothing is known of it (the value then carries no "__ends_with__").
unknown_ends_with(value) := value.__ends_with__ if {
	is_unknown(value)
	is_string(value.__ends_with__)
} else := ""

# An unknown value chosen by a condition that cannot be evaluated (HCL `c ? a : b`, CloudFormation Fn::If):
# either branch may be taken, whatever the references say.
unknown_conditional(value) if {
	is_unknown(value)
	is_string(value.__unknown__)
	some prefix in ["conditional ", "Fn::If on condition "]
	startswith(value.__unknown__, prefix)
}

# A conditional whose every branch refers to a resource of the configuration (CloudFormation Fn::If between
# two !GetAtt or !Ref of resources): the value is one of the resources the attribute refers to.
unknown_conditional_of_resources(value) if {
	unknown_conditional(value)
	endswith(value.__unknown__, "; each branch refers to a resource")
}

# An unknown conditional one of whose branches leaves the attribute unset (CloudFormation
# !If [Cond, X, !Ref AWS::NoValue], HCL `c ? x : null`): the attribute may not be set at all.
unknown_maybe_unset(value) if {
	unknown_conditional(value)
	endswith(value.__unknown__, "; a branch leaves it unset")
}

# Set whichever branch a condition that cannot be evaluated takes: is_set, and not unknown_maybe_unset. A
# rule that requires a setting fails `not set_in_every_branch(x)` at x's path: when x may be left unset
# the finding is undetermined (x is unknown), never a pass.
set_in_every_branch(value) if {
	is_set(value)
	not unknown_maybe_unset(value)
}

# Set: present, not null, not an empty string or collection. An unknown value counts as set: it will exist.
is_set(value) if {
	value != null
	value != ""
	value != []
	value != {}
}

# Exactly true. Use `not is_true(x)` to fire on false, missing and unknown alike (the engine turns a
# failure on an unknown path into "undetermined").
is_true(value) if value == true

# Sources that carry booleans as strings (CloudFormation templates often do).
is_true(value) if {
	is_string(value)
	lower(value) == "true"
}

# Explicitly false: for settings whose default, when left out, is the safe one.
is_false(value) if value == false

is_false(value) if {
	is_string(value)
	lower(value) == "false"
}

# A value as Terraform converts it for a string argument: a number or bool written unquoted
# (minimum_tls_version = 1.1, CloudFormation MinimumTlsVersion: 1.2) is its text ("1.1", "1" for 1.0,
# "true"); anything else is itself. Compare versions and names after this conversion.
tf_string(value) := sprintf("%v", [value]) if {
	is_number(value)
} else := sprintf("%v", [value]) if {
	is_boolean(value)
} else := value

# A value as people read it in a message.
show(value) := concat("", ["unknown until apply, ending in ", tail]) if {
	tail := unknown_ends_with(value)
	tail != ""
} else := "unknown until apply" if {
	is_unknown(value)
} else := "not set" if {
	not is_set(value)
} else := sprintf("%v", [value])

# " (<what the provider uses> when not set)" after a value shown in a message, only when the value is not
# set: a value the template sets (even from a parameter's default) is shown as itself.
when_not_set(value, fallback) := concat("", [" (", fallback, " when not set)"]) if {
	not is_set(value)
} else := ""

# A message clause that only holds in some IaC formats ("terraform", "terraform-plan", "cloudformation", "pulumi"):
# the text itself in those formats, "" in the others. Messages name attributes and types in Terraform's
# vocabulary and the engine renders them in the scanned format's own; a clause about a resource type that
# the format does not have (aws_s3_bucket_logging in CloudFormation) is written with only_in.
only_in(formats, text) := text if {
	input.resource.format in formats
} else := ""

# The resource under evaluation and its neighbours along reference edges.
resource := input.resource

attrs := input.resource.attributes

# An attribute of the resource under evaluation, or null when it is missing.
attr(name) := object.get(input.resource.attributes, name, null)

# An attribute of the resource under evaluation as people read it in a message.
attr_text(name) := show(attr(name))

# Nested blocks as a list of objects: Terraform (plan and HCL) writes them as lists; a single object from
# another format is one block; an unknown or missing value holds no block the source wrote.
blocks(value) := value if {
	is_array(value)
} else := [value] if {
	is_object(value)
	not is_unknown(value)
} else := []

# The blocks of a nested-block attribute of the resource under evaluation.
attr_blocks(name) := blocks(attr(name))

# Where a finding about a missing nested block points. In a Terraform plan, a block the configuration
# leaves out but the provider computes (AWS provider 4+: aws_s3_bucket.logging and
# .server_side_encryption_configuration, aws_dynamodb_table.server_side_encryption) is unknown as a whole;
# pointing at it would make the engine call the finding undetermined, so the finding names the resource.
missing_block_path(name) := [] if {
	input.resource.format == "terraform-plan"
	is_unknown(attr(name))
} else := [name]

# Neighbours along incoming and outgoing edges, listed once per query (rules are evaluated once per query,
# functions at every call) as [type, attribute, resource]: a bucket's rules ask a dozen times, and each
# ask then walks a short list of plain arrays instead of every neighbour entry.
_incoming := [[entry.resource.type, entry.attribute, entry.resource] |
	some entry in input.related
	entry.direction == "in"
]

_outgoing := [[entry.resource.type, entry.resource] |
	some entry in input.related
	entry.direction == "out"
]

# Neighbours of a canonical type that refer to this resource (for example an encryption-configuration
# resource that names its bucket).
referrers(type_name) := [entry[2] | some entry in _incoming; entry[0] == type_name]

# Referrers of a canonical type whose reference to this resource sits in one attribute (an
# aws_s3_bucket_logging names its source bucket in `bucket` and its log bucket in `target_bucket`).
referrers_via(type_name, attribute) := [entry[2] | some entry in _incoming; entry[0] == type_name; entry[1] == attribute]

# Neighbours of a canonical type this resource refers to.
referenced(type_name) := [entry[1] | some entry in _outgoing; entry[0] == type_name]

violation(path, message) := {"path": path, "message": message}

# A result the rule cannot decide because a value it needs elsewhere (on a neighbour) is unknown.
undetermined(path, message) := {"path": path, "message": message, "status": "undetermined"}

# A failure at a value that is unknown until apply but decided by a neighbour that is known (a key ARN read
# from data "aws_kms_key" with key_id = "alias/aws/s3" is AWS-managed): reported as failed, not undetermined.
decided_violation(path, message) := {"path": path, "message": message, "decided": true}
