# CHG-UPDATE-001: an update (or a replacement) that weakens a control the resource had before: a protection
# turned off, an exposure turned on, a retention shortened, a customer-managed key removed, a TLS minimum
# lowered. Each check names the attribute (Terraform's name; a template's property as the CloudFormation
# reader names it) and the value it takes when not set, so a setting left to its default compares as
# that default.
package iacgate.rules.change_safety.weakening_update

import data.iacgate.lib
import data.iacgate.rules.change_safety.change
import rego.v1

# Only what has a before-state and still exists after the change: updates and replacements.
deny contains {"not_applicable": true} if {
	not judged
	not nested_unknown
}

# A CloudFormation nested stack (aws_cloudformation_stack, matched by pattern: a type named as a string
# would make neighbours of that type part of every input) holds resources, judged where the change lists
# them; a nested stack that the change modifies but whose own change set is not given may weaken any of
# them, which cannot be told.
stack if regex.match(`^aws_cloudformation_stack$`, input.resource.type)

nested_unknown if {
	stack
	change.nested_changes_not_given
	not change.destroyed
}

deny contains {"not_applicable": true} if {
	stack
	not nested_unknown
}

deny contains lib.undetermined([], msg) if {
	nested_unknown
	msg := concat("", [
		"nested stack changes not given: this change modifies a nested stack whose own change set is not ",
		"among the scanned inputs, so whether it weakens a control of a resource in it is unknown, required ",
		"the nested change set (describe-change-set of each nested stack, IncludeNestedStacks) scanned with ",
		"this one, or an approved change (approvals file)",
	])
}

judged if {
	change.judged
	input.resource.mode == "managed"
	is_object(input.resource.change.before)
}

_protections := {
	"deletion_protection": "deletion protection",
	"storage_encrypted": "encryption at rest",
	"encrypted": "encryption at rest",
	"at_rest_encryption_enabled": "encryption at rest",
	"transit_encryption_enabled": "encryption in transit",
	"enable_key_rotation": "key rotation",
	"enable_log_file_validation": "log file validation",
	"is_multi_region_trail": "logging in every region",
	"deletion_protection_enabled": "deletion protection",
	"sqs_managed_sse_enabled": "encryption at rest",
	"purge_protection_enabled": "purge protection",
	"https_traffic_only_enabled": "HTTPS-only traffic",
	"enable_https_traffic_only": "HTTPS-only traffic",
	"infrastructure_encryption_enabled": "infrastructure encryption",
	"uniform_bucket_level_access": "uniform bucket-level access",
	"block_public_acls": "blocking public ACLs",
	"block_public_policy": "blocking public policies",
	"ignore_public_acls": "ignoring public ACLs",
	"restrict_public_buckets": "restricting public buckets",
}

# Protections whose value when not set is on: only an explicit off weakens them.
_on_by_default := {"enable_logging", "is_logging", "include_global_service_events", "https_traffic_only_enabled", "enable_https_traffic_only"}

_logging := {
	"enable_logging": "logging",
	"is_logging": "logging",
	"include_global_service_events": "logging of global service events",
}

_exposures := {
	"publicly_accessible": "public access",
	"public_network_access_enabled": "public network access",
	"allow_nested_items_to_be_public": "public blobs",
}

# Exposures whose value when not set is on (azurerm): only an explicit on after an explicit off is a change.
_exposed_by_default := {"public_network_access_enabled", "allow_nested_items_to_be_public"}

_retentions := {
	"backup_retention_period": "backup retention",
	"retention_in_days": "log retention",
	"soft_delete_retention_days": "soft-delete retention",
}

_keys := {"kms_key_id", "kms_master_key_id", "kms_key_arn", "customer_managed_key_id"}

_tls_orders := {
	"min_tls_version": ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"],
	"minimum_tls_version": ["1.0", "1.1", "1.2", "1.3"],
}

# The attributes checked per type. Keys are raw strings: the engine sends a resource's neighbours of every
# type a policy names in double quotes, and this rule reads no neighbour.
_types := {
	`aws_db_instance`: {"deletion_protection", "storage_encrypted", "backup_retention_period", "kms_key_id", "publicly_accessible"},
	`aws_rds_cluster`: {"deletion_protection", "storage_encrypted", "backup_retention_period", "kms_key_id"},
	`aws_docdb_cluster`: {"deletion_protection", "storage_encrypted", "backup_retention_period", "kms_key_id"},
	`aws_neptune_cluster`: {"deletion_protection", "storage_encrypted", "backup_retention_period", "kms_key_arn"},
	`aws_redshift_cluster`: {"encrypted", "publicly_accessible", "kms_key_id"},
	`aws_dynamodb_table`: {"deletion_protection_enabled"},
	`aws_cloudwatch_log_group`: {"retention_in_days", "kms_key_id"},
	`aws_cloudtrail`: {"enable_logging", "is_logging", "enable_log_file_validation", "is_multi_region_trail", "include_global_service_events", "kms_key_id"},
	`aws_kms_key`: {"enable_key_rotation"},
	`aws_sqs_queue`: {"kms_master_key_id", "sqs_managed_sse_enabled"},
	`aws_sns_topic`: {"kms_master_key_id"},
	`aws_efs_file_system`: {"encrypted", "kms_key_id"},
	`aws_ebs_volume`: {"encrypted", "kms_key_id"},
	`aws_elasticache_replication_group`: {"at_rest_encryption_enabled", "transit_encryption_enabled", "kms_key_id"},
	`aws_s3_bucket_public_access_block`: {"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"},
	`azurerm_storage_account`: {"min_tls_version", "https_traffic_only_enabled", "enable_https_traffic_only", "public_network_access_enabled", "allow_nested_items_to_be_public", "infrastructure_encryption_enabled"},
	`azurerm_key_vault`: {"purge_protection_enabled", "soft_delete_retention_days", "public_network_access_enabled"},
	`azurerm_mssql_server`: {"minimum_tls_version", "public_network_access_enabled"},
	`google_sql_database_instance`: {"deletion_protection"},
	`google_storage_bucket`: {"uniform_bucket_level_access"},
}

checked := object.get(_types, input.resource.type, set())

# Every top-level attribute this rule compares on the resource's type: the manifest's `compares` must name
# the same ones (tests/evaluate/test_quiet_updates.py), as the engine skips an update changing none of them.
compared := checked | {check[0][0] | some check in object.get(_nested, input.resource.type, [])}

# The checked attributes the change gives another value: only they can weaken anything, and the checks
# below walk only them (an update of tags walks nothing).
changed contains name if {
	some name in checked
	object.get(change.before, name, null) != object.get(input.resource.attributes, name, null)
}

# A change set without property values names what it changes, unknown on both sides.
changed contains name if {
	some name in checked
	lib.is_unknown(object.get(change.before, name, null))
}

# An attribute's value on one side of the change, null when that side does not have it.
change_safety_side("before", name) := change.change_safety_was(name)

change_safety_side("after", name) := change.change_safety_now(name)

# --- a protection turned off ---------------------------------------------------------------------------

_switches := object.union(_protections, _logging)

change_safety_switched_on(value, _) if lib.is_true(value)

change_safety_switched_on(value, name) if {
	not lib.is_set(value)
	name in _on_by_default
}

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	what := _switches[name]
	change_safety_switched_on(change_safety_side("before", name), name)
	after := change_safety_side("after", name)
	not change_safety_switched_on(after, name)
	msg := concat("", ["update turns ", what, " off: ", name, " is ", lib.show(after), " (was true), required true, as before"])
}

# --- an exposure turned on -----------------------------------------------------------------------------

change_safety_exposed(value, _) if lib.is_true(value)

change_safety_exposed(value, name) if {
	not lib.is_set(value)
	name in _exposed_by_default
}

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	what := _exposures[name]
	before := change_safety_side("before", name)
	lib.is_set(before)
	not change_safety_exposed(before, name)
	after := change_safety_side("after", name)
	change_safety_exposed_or_unknown(after, name)
	msg := concat("", ["update turns ", what, " on: ", name, " is ", lib.show(after), " (was false), required false, as before"])
}

change_safety_exposed_or_unknown(value, name) if change_safety_exposed(value, name)

change_safety_exposed_or_unknown(value, _) if lib.is_unknown(value)

# --- a retention shortened -----------------------------------------------------------------------------

# Days as a number; a log group's 0 or unset retention never expires.
change_safety_days(value, name) := 1000000000 if {
	name == "retention_in_days"
	not change_safety_positive(value)
} else := to_number(value) if {
	is_number(value)
} else := to_number(value) if {
	is_string(value)
	regex.match(`^[0-9]+$`, value)
}

change_safety_positive(value) if {
	is_number(value)
	value > 0
}

change_safety_positive(value) if {
	is_string(value)
	regex.match(`^0*[1-9][0-9]*$`, value)
}

change_safety_shown_days(value, name) := "never expiring" if {
	change_safety_days(value, name) == 1000000000
} else := lib.show(value)

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	what := _retentions[name]
	before := change_safety_side("before", name)
	after := change_safety_side("after", name)
	not lib.is_unknown(after)
	change_safety_days(after, name) < change_safety_days(before, name)
	msg := concat("", ["update shortens ", what, ": ", name, " is ", change_safety_shown_days(after, name), " (was ", change_safety_shown_days(before, name), "), required ", change_safety_shown_days(before, name), " or longer"])
}

# --- a customer-managed key removed --------------------------------------------------------------------

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	name in _keys
	before := change_safety_side("before", name)
	lib.is_set(before)
	not lib.is_unknown(before)
	after := change_safety_side("after", name)
	not lib.is_set(after)
	msg := concat("", ["update removes the customer-managed key (a provider-managed key is used instead): ", name, " is not set (was ", lib.show(before), "), required a customer-managed key, as before"])
}

# --- a TLS minimum lowered -----------------------------------------------------------------------------

change_safety_rank(name, value) := i if {
	some i, known in _tls_orders[name]
	known == value
}

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	_tls_orders[name]
	before := change_safety_side("before", name)
	after := change_safety_side("after", name)
	change_safety_rank(name, after) < change_safety_rank(name, before)
	msg := concat("", ["update lowers the minimum TLS version: ", name, " is ", lib.show(after), " (was ", lib.show(before), "), required ", lib.show(before), " or later"])
}

# --- a value the update sets to something unknown, where it was the safe one ---------------------------

deny contains lib.violation([name], msg) if {
	judged
	some name in changed
	after := change_safety_side("after", name)
	lib.is_unknown(after)
	change_safety_safe_before(name)
	msg := concat("", ["update may weaken a control: ", name, " is unknown until apply (was ", lib.show(change_safety_side("before", name)), "), required it kept as before"])
}

change_safety_safe_before(name) if {
	_retentions[name]
	lib.is_set(change_safety_side("before", name))
}

change_safety_safe_before(name) if {
	_tls_orders[name]
	lib.is_set(change_safety_side("before", name))
}

# Before the change the value itself was unknown (a change set without property values): the update
# touches it, and whether it weakens the control cannot be told.
deny contains lib.undetermined([name], msg) if {
	judged
	some name in changed
	lib.is_unknown(change_safety_side("before", name))
	msg := concat("", ["update changes ", name, ", whose values the input does not give: cannot tell whether it weakens the control, required ", name, " kept as before"])
}

# --- a control inside a nested block ---------------------------------------------------------------------

# [path, kind, what] per type: a path names attributes and blocks (a block list is walked through its
# first block, as a bucket has one versioning block and one default-encryption rule). Kinds: "switch" on
# turned off (a missing value or block is off), "status" Enabled turned to anything else, "sse" a KMS
# algorithm swapped for the S3-managed one, "key" a customer-managed key removed, "block" a block removed.
# A CloudFormation bucket keeps its property names below the first level; its public access block is
# its PublicAccessBlockConfiguration (a resource of its own in Terraform and Pulumi).
_nested := {
	`aws_s3_bucket`: [
		[["versioning", "enabled"], "switch", "versioning"],
		[["server_side_encryption_configuration", "rule", "apply_server_side_encryption_by_default", "sse_algorithm"], "sse", "KMS encryption"],
		[["server_side_encryption_configuration", "rule", "apply_server_side_encryption_by_default", "kms_master_key_id"], "key", "customer-managed key"],
		[["logging"], "block", "access logging"],
		[["versioning_configuration", "Status"], "status", "versioning"],
		[["bucket_encryption", "ServerSideEncryptionConfiguration", "ServerSideEncryptionByDefault", "SSEAlgorithm"], "sse", "KMS encryption"],
		[["bucket_encryption", "ServerSideEncryptionConfiguration", "ServerSideEncryptionByDefault", "KMSMasterKeyID"], "key", "customer-managed key"],
		[["logging_configuration"], "block", "access logging"],
		[["public_access_block_configuration", "BlockPublicAcls"], "switch", "blocking public ACLs"],
		[["public_access_block_configuration", "BlockPublicPolicy"], "switch", "blocking public policies"],
		[["public_access_block_configuration", "IgnorePublicAcls"], "switch", "ignoring public ACLs"],
		[["public_access_block_configuration", "RestrictPublicBuckets"], "switch", "restricting public buckets"],
	],
	`aws_s3_bucket_versioning`: [[["versioning_configuration", "status"], "status", "versioning"]],
	`aws_s3_bucket_server_side_encryption_configuration`: [
		[["rule", "apply_server_side_encryption_by_default", "sse_algorithm"], "sse", "KMS encryption"],
		[["rule", "apply_server_side_encryption_by_default", "kms_master_key_id"], "key", "customer-managed key"],
	],
	`google_storage_bucket`: [
		[["versioning", "enabled"], "switch", "versioning"],
		[["logging"], "block", "access logging"],
	],
}

_kms_algorithms := {"aws:kms", "aws:kms:dsse"}

# The nested checks whose top-level attribute the change gives another value: only they are walked.
nested_changed contains check if {
	some check in object.get(_nested, input.resource.type, [])
	name := check[0][0]
	object.get(change.before, name, null) != object.get(input.resource.attributes, name, null)
}

# One step down: into an object's attribute, through a block list (its first block); an unknown stays.
change_safety_step(value, name) := value if {
	lib.is_unknown(value)
} else := object.get(value, name, null) if {
	is_object(value)
} else := object.get(value[0], name, null) if {
	is_array(value)
	count(value) > 0
	is_object(value[0])
} else := null

change_safety_dig(root, path) := change_safety_step(root, path[0]) if count(path) == 1

change_safety_dig(root, path) := change_safety_step(change_safety_step(root, path[0]), path[1]) if count(path) == 2

change_safety_dig(root, path) := value if {
	count(path) == 3
	value := change_safety_step(change_safety_step(change_safety_step(root, path[0]), path[1]), path[2])
}

change_safety_dig(root, path) := value if {
	count(path) == 4
	above := change_safety_step(change_safety_step(root, path[0]), path[1])
	value := change_safety_step(change_safety_step(above, path[2]), path[3])
}

# The path in the resource's own shape (a block list's first block is index 0), for the finding's line.
change_safety_concrete(root, path) := concrete if {
	parts := [part |
		some i
		name := path[i]
		part := change_safety_element(root, path, i, name)
	]
	concrete := [element | some part in parts; some element in part]
}

change_safety_element(root, path, i, name) := [name, 0] if {
	i < count(path) - 1
	is_array(change_safety_dig(root, array.slice(path, 0, i + 1)))
} else := [name]

# One definition reading the side's root: two definitions of change_safety_nested selected by a constant
# comparison crashed regopy 1.5.2 in the Rego unit tests (the scans were unaffected).
change_safety_nested(check, side) := change_safety_dig(change_safety_root(side), check[0])

change_safety_root(side) := change.before if side == "before"

change_safety_root(side) := input.resource.attributes if side == "after"

change_safety_nested_weakened(check) := concat("", ["turns ", check[2], " off: ", concat(".", check[0]), " is ", lib.show(change_safety_nested(check, "after")), " (was true), required true, as before"]) if {
	check[1] == "switch"
	lib.is_true(change_safety_nested(check, "before"))
	not lib.is_true(change_safety_nested(check, "after"))
}

change_safety_nested_weakened(check) := concat("", ["turns ", check[2], " off: ", concat(".", check[0]), " is ", lib.show(change_safety_nested(check, "after")), " (was Enabled), required Enabled, as before"]) if {
	check[1] == "status"
	change_safety_nested(check, "before") == "Enabled"
	change_safety_nested(check, "after") != "Enabled"
}

change_safety_nested_weakened(check) := concat("", ["swaps ", check[2], " for S3-managed keys: ", concat(".", check[0]), " is ", lib.show(after), " (was ", before, "), required ", before, ", as before"]) if {
	check[1] == "sse"
	before := change_safety_nested(check, "before")
	before in _kms_algorithms
	after := change_safety_nested(check, "after")
	not after in _kms_algorithms
}

change_safety_nested_weakened(check) := concat("", ["removes the ", check[2], " (a provider-managed key is used instead): ", concat(".", check[0]), " is not set (was ", before, "), required a customer-managed key, as before"]) if {
	check[1] == "key"
	before := change_safety_nested(check, "before")
	lib.is_set(before)
	not lib.is_unknown(before)
	not lib.is_set(change_safety_nested(check, "after"))
}

change_safety_nested_weakened(check) := concat("", ["removes the ", check[0][0], " block (", check[2], " turned off): ", check[0][0], " is not set (was set), required it kept, as before"]) if {
	check[1] == "block"
	count(lib.blocks(change_safety_nested(check, "before"))) > 0
	not lib.is_unknown(change_safety_nested(check, "after"))
	count(lib.blocks(change_safety_nested(check, "after"))) == 0
}

deny contains lib.violation(change_safety_concrete(input.resource.attributes, check[0]), concat("", ["update ", text])) if {
	judged
	some check in nested_changed
	not lib.is_unknown(object.get(change.before, check[0][0], null))
	text := change_safety_nested_weakened(check)
}

# A change set without property values: the block changes, its values are not given.
deny contains lib.undetermined([name], msg) if {
	judged
	some check in nested_changed
	name := check[0][0]
	lib.is_unknown(object.get(change.before, name, null))
	msg := concat("", ["update changes ", name, ", whose values the input does not give: cannot tell whether it weakens the control, required ", name, " kept as before"])
}
