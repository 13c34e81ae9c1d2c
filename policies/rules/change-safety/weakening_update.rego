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
deny contains {"not_applicable": true} if not judged

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
