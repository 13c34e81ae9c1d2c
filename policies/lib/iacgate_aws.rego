# AWS service helpers shared by the rule packs, written against canonical (Terraform) attribute names.
package iacgate.lib.aws

import data.iacgate.lib
import rego.v1

# Server-side encryption algorithms that use AWS KMS.
kms_sse_algorithms := {"aws:kms", "aws:kms:dsse"}

# A KMS key id, ARN or alias that names a customer-managed key (kms_key_class "customer"): `key` is the
# setting, `attribute` the top-level argument holding it, whose references say whether an unknown key is
# a key resource of the configuration. A rule that fails `not customer_managed_key(...)` at the key's path
# is undetermined, not failed, when the key is unknown (the engine's rule for unknown paths).
customer_managed_key(attribute, key) if kms_key_class(attribute, key) == "customer"

aws_managed_alias(key) if {
	is_string(key)
	contains(key, "alias/aws/")
}

# CloudFormation also takes the AWS-managed key by its bare alias name (Secrets Manager KmsKeyId: aws/secretsmanager).
aws_managed_alias(key) if {
	is_string(key)
	startswith(key, "aws/")
}

# A text known only in its end ("arn:aws:kms:${var.region}:${local.account}:alias/aws/s3"): an AWS-managed
# alias whatever its region and account.
aws_managed_alias(key) if contains(lib.unknown_ends_with(key), "alias/aws/")

# A text known only in its end that names a customer-managed key whatever its partition, region and account:
# an alias ARN ending ":alias/<name>" whose name is not aws/* (AWS reserves that prefix for its own keys),
# or a key ARN ending ":key/<id>", judged as a literal key ARN is.
kms_customer_tail(value) if {
	tail := lib.unknown_ends_with(value)
	some marker in [":alias/", ":key/"]
	contains(tail, marker)
	parts := split(tail, marker)
	name := parts[count(parts) - 1]
	name != ""
	not startswith(name, "aws/")
}

# Services that name their AWS-owned key with a keyword (Redshift Serverless AWS_OWNED_KMS_KEY).
aws_managed_alias(key) if key == "AWS_OWNED_KMS_KEY"

# --- KMS keys read through data sources ----------------------------------------------------------------

# KMS data sources (data "aws_kms_key", data "aws_kms_alias") that the top-level argument `attribute` of the
# resource under evaluation reads. The value the resource receives (an ARN) does not say who manages the
# key; the data source's own arguments, or what it read in a plan, do.
kms_data_sources(attribute) := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.attribute == attribute
	entry.resource.mode == "data"
	entry.resource.type in {"aws_kms_key", "aws_kms_alias"}
]

# What the data source names: key_id of aws_kms_key, name of aws_kms_alias.
kms_data_name(source) := object.get(source.attributes, "key_id", null) if {
	source.type == "aws_kms_key"
} else := object.get(source.attributes, "name", null)

# AWS-managed: read in a plan as key_manager "AWS", or looked up by an alias/aws/* name.
kms_data_aws_managed(source) if object.get(source.attributes, "key_manager", null) == "AWS"

kms_data_aws_managed(source) if aws_managed_alias(kms_data_name(source))

# Customer-managed: read in a plan as key_manager "CUSTOMER", or named by a literal alias or key that is not
# AWS-managed (only AWS-managed keys have alias/aws/* aliases, and customers cannot create one).
kms_data_customer(source) if object.get(source.attributes, "key_manager", null) == "CUSTOMER"

kms_data_customer(source) if {
	name := kms_data_name(source)
	is_string(name)
	name != ""
	not aws_managed_alias(name)
	not object.get(source.attributes, "key_manager", null) == "AWS"
}

# KMS key resources of the scanned configuration (managed, not data sources) that the top-level argument
# `attribute` of the resource under evaluation refers to: Terraform (HCL and a plan's configuration
# references) aws_kms_key.k.arn, CloudFormation !Ref/!GetAtt of AWS::KMS::Key, ReplicaKey or Alias, Pulumi
# key.arn. Each is customer-managed: AWS creates its managed keys itself, and no one can create an alias
# named alias/aws/*.
kms_key_resources(attribute) := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.attribute == attribute
	entry.resource.mode == "managed"
	entry.resource.type in {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_alias"}
]

# The top-level argument `attribute` refers to something besides KMS key resources of the configuration
# (a data source, another resource): a conditional between its targets may name another key.
kms_other_target(attribute) if {
	some entry in input.related
	entry.direction == "out"
	entry.attribute == attribute
	not kms_key_resource_entry(entry)
}

kms_key_resource_entry(entry) if {
	entry.resource.mode == "managed"
	entry.resource.type in kms_key_types
}

# A key setting judged as a whole: "unset", "aws-managed", "undetermined" or "customer". `value` is the
# setting, `attribute` the top-level argument holding it. Customer-managed: a literal that is not an
# AWS-managed alias or ARN, a reference to a key resource of the configuration (unknown until apply when
# the key is created in the same plan or stack), or a data source that names a customer-managed key.
# Undetermined: a data source whose key cannot be told, and any other value unknown until apply (a
# variable without a value, a module output, a parameter) since it may hold alias/aws/*.
kms_key_class(attribute, value) := "aws-managed" if {
	aws_managed_alias(value)
} else := "unset" if {
	not lib.is_set(value)
} else := "customer" if {
	# !If [Cond, !GetAtt KeyA.Arn, !GetAtt KeyB.Arn]: every branch is a resource the attribute refers to,
	# and every such resource is a KMS key resource of the configuration.
	lib.unknown_conditional_of_resources(value)
	count(kms_key_resources(attribute)) > 0
	not kms_other_target(attribute)
} else := "undetermined" if {
	# var.x ? aws_kms_key.k.arn : "alias/aws/s3", !If [Cond, !GetAtt Key.Arn, alias/aws/s3]: the reference
	# to the key says nothing of the branch taken.
	lib.unknown_conditional(value)
} else := "aws-managed" if {
	some source in kms_data_sources(attribute)
	kms_data_aws_managed(source)
} else := "undetermined" if {
	some source in kms_data_sources(attribute)
	not kms_data_customer(source)
} else := "customer" if {
	some source in kms_data_sources(attribute)
	kms_data_customer(source)
} else := "customer" if {
	count(kms_key_resources(attribute)) > 0
} else := "customer" if {
	kms_customer_tail(value)
} else := "undetermined" if {
	lib.is_unknown(value)
} else := "customer"

# --- KMS keys of a neighbour (two hops) ----------------------------------------------------------------

kms_key_types := {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_alias"}

# What the neighbour `neighbour_id` of the resource under evaluation (the cluster a snapshot is taken of)
# refers to through its own top-level argument `attribute` among KMS keys and aliases: its related entry's
# `refers_to` (type, mode and address; a data source's arguments are not passed two hops away).
kms_neighbour_keys(neighbour_id, attribute) := [target |
	some entry in input.related
	entry.resource.id == neighbour_id
	some target in object.get(entry, "refers_to", [])
	target.attribute == attribute
	target.type in kms_key_types
]

# A key setting of a neighbour judged as kms_key_class judges the resource's own: customer-managed when the
# neighbour refers to a KMS key resource of the configuration through `attribute` (a key created in the same
# plan or stack is unknown until apply); undetermined when it reads a KMS data source (whose key_id is not
# passed two hops away) or is otherwise unknown, or chosen by a condition that cannot be evaluated.
kms_neighbour_key_class(neighbour_id, attribute, value) := "aws-managed" if {
	aws_managed_alias(value)
} else := "unset" if {
	not lib.is_set(value)
} else := "undetermined" if {
	lib.unknown_conditional(value)
} else := "undetermined" if {
	some target in kms_neighbour_keys(neighbour_id, attribute)
	target.mode == "data"
} else := "customer" if {
	some target in kms_neighbour_keys(neighbour_id, attribute)
	target.mode == "managed"
} else := "undetermined" if {
	lib.is_unknown(value)
} else := "customer"

# The setting as people read it: the value, or the data source it was read from with what that names.
kms_key_text(attribute, value) := concat("", [source.id, " (", lib.show(kms_data_name(source)), ")"]) if {
	some source in kms_data_sources(attribute)
} else := lib.show(value)

# Why an "undetermined" key cannot be told, after "<label> ": read from a data source that does not say
# who manages its key, or unknown until apply without a reference to a key of the configuration.
kms_undetermined_text(attribute, value) := concat("", [
	"is chosen by a condition that cannot be evaluated: ", value.__unknown__,
	"; a branch may name an AWS-managed key",
]) if {
	lib.unknown_conditional(value)
} else := concat("", [
	"is read from ", kms_key_text(attribute, value), ", which does not say whether the key is customer-managed",
]) if {
	count(kms_data_sources(attribute)) > 0
} else := "is unknown until apply and refers to no KMS key of the configuration, so it may name an AWS-managed key"

# Findings about a key setting that must name a customer-managed KMS key, given its kms_key_class
# (`class`, computed once by the caller: rego-cpp does not memoise function calls). `attribute` is the
# top-level argument holding it (edges to KMS data sources are named by it), `path` where the finding
# points, `value` the setting, `label` its name as people read it, `fallback` the key the service uses when
# the setting is not set ("the AWS-managed key aws/ecr"; "" names none). Every customer-managed-key rule
# decides here. Only an AWS-managed key is decided (by a KMS data source, though the value is unknown until
# apply); a key not set is a plain violation, undetermined when its path runs into a block unknown until
# apply (a dynamic block, CloudFormation Fn::If with AWS::NoValue); a data-source key that cannot be told
# is undetermined.
kms_cmk_findings(class, attribute, path, value, label, subject, fallback) := {lib.decided_violation(path, kms_cmk_text(attribute, value, label, subject, fallback))} if {
	class == "aws-managed"
} else := {lib.violation(path, kms_cmk_text(attribute, value, label, subject, fallback))} if {
	class == "unset"
} else := {lib.undetermined(path, msg)} if {
	class == "undetermined"
	msg := concat("", [
		subject, " may not be encrypted with a customer-managed KMS key: ", label, " ",
		kms_undetermined_text(attribute, value),
	])
} else := set()

kms_cmk_text(attribute, value, label, subject, fallback) := concat("", [
	subject, " is not encrypted with a customer-managed KMS key: ", label, " is ",
	kms_key_text(attribute, value), kms_fallback_text(value, fallback),
	", required the ARN or alias of a customer-managed key",
])

kms_fallback_text(value, fallback) := "" if {
	fallback == ""
} else := lib.when_not_set(value, fallback)

# --- S3 ----------------------------------------------------------------------------------------------

# Default-encryption settings written for the bucket under evaluation, each with where it came from.
# Inline on the bucket (AWS provider < 4, CloudFormation BucketEncryption) ...
s3_encryption_defaults contains {"source": "inline", "attribute": "server_side_encryption_configuration", "path": path, "settings": settings} if {
	some i, j, k
	configuration := lib.attr_blocks("server_side_encryption_configuration")[i]
	rule := lib.blocks(object.get(configuration, "rule", []))[j]
	settings := lib.blocks(object.get(rule, "apply_server_side_encryption_by_default", []))[k]
	path := ["server_side_encryption_configuration", i, "rule", j, "apply_server_side_encryption_by_default", k]
}

# ... or CloudFormation's BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault
# (its SSEAlgorithm and KMSMasterKeyID arrive as sse_algorithm and kms_master_key_id) ...
s3_encryption_defaults contains {"source": "BucketEncryption", "attribute": "bucket_encryption", "path": path, "settings": settings} if {
	input.resource.format == "cloudformation"
	encryption := lib.attr("bucket_encryption")
	is_object(encryption)
	some i
	rule := lib.blocks(object.get(encryption, "server_side_encryption_configuration", []))[i]
	some settings in lib.blocks(object.get(rule, "server_side_encryption_by_default", []))
	path := ["bucket_encryption", "server_side_encryption_configuration", i, "server_side_encryption_by_default"]
}

# ... or in an aws_s3_bucket_server_side_encryption_configuration that names the bucket.
s3_encryption_defaults contains {"source": separate.id, "attribute": null, "path": [], "settings": settings} if {
	some separate in lib.referrers_via("aws_s3_bucket_server_side_encryption_configuration", "bucket")
	some rule in lib.blocks(object.get(separate.attributes, "rule", []))
	some settings in lib.blocks(object.get(rule, "apply_server_side_encryption_by_default", []))
}

# The bucket has a default-encryption configuration of its own: inline blocks, or a separate resource
# (whatever its rules, which may be unknown until apply).
s3_encryption_configured if count(s3_encryption_defaults) > 0

s3_encryption_configured if count(lib.referrers_via("aws_s3_bucket_server_side_encryption_configuration", "bucket")) > 0

# CloudFormation: a BucketEncryption rule chosen by a condition that cannot be evaluated (an Fn::If in the
# ServerSideEncryptionConfiguration list) or whose ServerSideEncryptionByDefault is: a rule is declared
# whichever branch is taken, with settings unknown until deploy.
s3_encryption_configured if some _ in s3_cfn_unknown_rules

s3_cfn_unknown_rules contains path if {
	input.resource.format == "cloudformation"
	encryption := lib.attr("bucket_encryption")
	is_object(encryption)
	not lib.is_unknown(encryption)
	some i, rule in s3_cfn_rule_list(object.get(encryption, "server_side_encryption_configuration", []))
	s3_cfn_rule_unknown(rule)
	path := ["bucket_encryption", "server_side_encryption_configuration", i]
}

s3_cfn_rule_list(value) := value if is_array(value)

else := [value] if lib.is_unknown(value)

else := []

s3_cfn_rule_unknown(rule) if lib.is_unknown(rule)

s3_cfn_rule_unknown(rule) if {
	is_object(rule)
	lib.is_unknown(object.get(rule, "server_side_encryption_by_default", null))
}

# Where a finding about a missing default encryption points: the inline block (which CloudFormation
# calls BucketEncryption), or CloudFormation's bucket_encryption itself when it is unknown until deploy (an
# Fn::If on a condition that cannot be evaluated, with AWS::NoValue), so that the finding is undetermined.
s3_encryption_path := ["bucket_encryption"] if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("bucket_encryption"))
} else := lib.missing_block_path("server_side_encryption_configuration")

# The missing default encryption as people read it (in a plan, a computed inline block is not declared).
s3_encryption_text := lib.show(lib.attr("bucket_encryption")) if {
	input.resource.format == "cloudformation"
} else := "not set"

# Default encryption with SSE-KMS (or DSSE-KMS) under a customer-managed key.
s3_kms_cmk_default if {
	some entry in s3_encryption_defaults
	object.get(entry.settings, "sse_algorithm", null) in kms_sse_algorithms
	s3_customer_key(entry)
}

# The key of a default written on the bucket is judged with the bucket's references.
s3_customer_key(entry) if {
	entry.attribute != null
	customer_managed_key(entry.attribute, object.get(entry.settings, "kms_master_key_id", null))
}

# In a separate aws_s3_bucket_server_side_encryption_configuration the key's references are that resource's:
# its related entry says what it refers to (`refers_to`, types only). A literal key that is not alias/aws/*
# is customer-managed; an unknown one only when that resource refers to a KMS key resource of the
# configuration in its `rule`.
s3_customer_key(entry) if {
	entry.attribute == null
	s3_separate_key_class(entry) == "customer"
}

s3_separate_key_class(entry) := "aws-managed" if {
	aws_managed_alias(object.get(entry.settings, "kms_master_key_id", null))
} else := "unset" if {
	not lib.is_set(object.get(entry.settings, "kms_master_key_id", null))
} else := "undetermined" if {
	lib.unknown_conditional(object.get(entry.settings, "kms_master_key_id", null))
} else := "customer" if {
	not lib.is_unknown(object.get(entry.settings, "kms_master_key_id", null))
} else := "customer" if {
	some related in input.related
	related.direction == "in"
	related.resource.id == entry.source
	some target in object.get(related, "refers_to", [])
	target.attribute in {"rule", "rules"}
	target.mode == "managed"
	target.type in {"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key", "aws_kms_alias"}
} else := "undetermined"

# An SSE-KMS default on the bucket whose key is unknown and refers to no key resource (a variable that may
# hold alias/aws/s3): the customer-managed-key question cannot be decided.
s3_kms_key_undetermined if {
	some entry in s3_encryption_defaults
	entry.attribute != null
	object.get(entry.settings, "sse_algorithm", null) in kms_sse_algorithms
	kms_key_class(entry.attribute, object.get(entry.settings, "kms_master_key_id", null)) == "undetermined"
}

# The same in a separate aws_s3_bucket_server_side_encryption_configuration.
s3_kms_key_undetermined if {
	some entry in s3_encryption_defaults
	entry.attribute == null
	object.get(entry.settings, "sse_algorithm", null) in kms_sse_algorithms
	s3_separate_key_class(entry) == "undetermined"
}

s3_kms_undecided if s3_kms_key_undetermined

# A default whose algorithm is unknown until apply: the KMS question cannot be decided.
s3_kms_undecided if {
	some entry in s3_encryption_defaults
	lib.is_unknown(object.get(entry.settings, "sse_algorithm", null))
}

# A CloudFormation BucketEncryption rule unknown until deploy.
s3_kms_undecided if some _ in s3_cfn_unknown_rules

# The separate encryption resource exists but its rules are unknown until apply.
s3_kms_undecided if {
	some separate in lib.referrers_via("aws_s3_bucket_server_side_encryption_configuration", "bucket")
	lib.is_unknown(object.get(separate.attributes, "rule", null))
}

# Server access logging: an inline logging block with a target bucket ...
s3_access_logging if {
	some block in lib.attr_blocks("logging")
	lib.is_set(object.get(block, "target_bucket", null))
}

# ... or CloudFormation's LoggingConfiguration (its DestinationBucketName; without one S3 delivers the logs
# to the bucket itself, which still records them); not one chosen by a condition that cannot be evaluated
# (Fn::If with AWS::NoValue), which may leave logging off ...
s3_access_logging if {
	input.resource.format == "cloudformation"
	is_object(lib.attr("logging_configuration"))
	not lib.is_unknown(lib.attr("logging_configuration"))
}

# ... or an aws_s3_bucket_logging whose `bucket` is this bucket.
s3_access_logging if count(lib.referrers_via("aws_s3_bucket_logging", "bucket")) > 0

# Where a finding about missing access logging points: the inline block (which CloudFormation calls
# LoggingConfiguration), or CloudFormation's logging_configuration itself when it is unknown until deploy,
# so that the finding is undetermined.
s3_logging_path := ["logging_configuration"] if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("logging_configuration"))
} else := lib.missing_block_path("logging")

# The missing access logging as people read it, after the name of the attribute at fault.
s3_logging_text := "logging_configuration is unknown until apply" if {
	input.resource.format == "cloudformation"
	lib.is_unknown(lib.attr("logging_configuration"))
} else := "logging is not set"

# The bucket receives server access logs of other buckets: an aws_s3_bucket_logging names it as
# `target_bucket`, or another bucket's inline logging block refers to it.
s3_access_log_target if count(lib.referrers_via("aws_s3_bucket_logging", "target_bucket")) > 0

s3_access_log_target if count(lib.referrers_via("aws_s3_bucket", "logging")) > 0

# CloudFormation: another bucket's LoggingConfiguration.DestinationBucketName refers to it.
s3_access_log_target if count(lib.referrers_via("aws_s3_bucket", "logging_configuration")) > 0

# --- DynamoDB ----------------------------------------------------------------------------------------

# The table's server-side encryption settings, one entry per block, with the names the format uses:
# Terraform and Pulumi server_side_encryption {enabled, kms_key_arn}; CloudFormation SSESpecification
# {SSEEnabled, KMSMasterKeyId} (the type table renames it server_side_encryption).
dynamodb_sse contains entry if {
	input.resource.format != "cloudformation"
	some i, block in lib.attr_blocks("server_side_encryption")
	entry := {
		"path": ["server_side_encryption", i], "enabled_name": "enabled", "key_name": "kms_key_arn",
		"enabled": object.get(block, "enabled", null), "key": object.get(block, "kms_key_arn", null),
	}
}

dynamodb_sse contains entry if {
	input.resource.format == "cloudformation"
	some i, block in lib.attr_blocks("server_side_encryption")
	entry := {
		"path": ["server_side_encryption", i], "enabled_name": "SSESpecification.SSEEnabled",
		"key_name": "SSESpecification.KMSMasterKeyId",
		"enabled": object.get(block, "sse_enabled", null), "key": object.get(block, "kms_master_key_id", null),
	}
}

# The key classes (kms_key_class) of the blocks that switch encryption on, each computed once: rego-cpp
# does not memoise function calls, and both questions below ask them.
dynamodb_key_classes contains kms_key_class("server_side_encryption", entry.key) if {
	some entry in dynamodb_sse
	lib.is_true(entry.enabled)
}

# Encrypted under a customer-managed KMS key (kms_key_class: a key created in the same plan or stack is a
# reference to it; a variable without a value is undetermined).
dynamodb_customer_managed_key if "customer" in dynamodb_key_classes

# Encryption switched on with a key unknown until apply that refers to no key resource.
dynamodb_key_undetermined if "undetermined" in dynamodb_key_classes

# --- RDS ---------------------------------------------------------------------------------------------

# CloudWatch Logs exports an engine needs for an audit trail. Other engines need at least one export.
rds_required_log_exports(engine) := {"postgresql"} if {
	engine in {"postgres", "aurora-postgresql"}
} else := {"audit", "error"} if {
	engine in {"mysql", "mariadb", "aurora", "aurora-mysql"}
} else := {"alert", "audit"} if {
	is_string(engine)
	startswith(engine, "oracle")
} else := {"error"} if {
	is_string(engine)
	startswith(engine, "sqlserver")
} else := {"audit"} if {
	# Neptune and DocumentDB clusters can be declared through the RDS API (aws_rds_cluster, AWS::RDS::DBCluster);
	# their audit trail is the audit log, as for aws_neptune_cluster and aws_docdb_cluster (LOG-DOCDB-001).
	engine == "neptune"
} else := {"audit", "profiler"} if {
	engine == "docdb"
} else := set()

# An instance that belongs to an Aurora cluster (CloudFormation AWS::RDS::DBInstance with
# DBClusterIdentifier; Terraform and Pulumi declare those as aws_rds_cluster_instance): its storage
# encryption, key and log exports are the cluster's, and CloudFormation rejects or ignores them on the
# instance. A membership chosen by a condition that cannot be evaluated is not one.
rds_cluster_member if {
	input.resource.type == "aws_db_instance"
	value := lib.attr("db_cluster_identifier")
	lib.is_set(value)
	not lib.unknown_conditional(value)
}

# --- VPC ---------------------------------------------------------------------------------------------

# Flow-log traffic types that record rejected traffic (ACCEPT alone misses probes and attacks).
flow_log_traffic_types := {"ALL", "REJECT"}

# A flow log that refers to the resource under evaluation and records rejected traffic.
captures_rejected_traffic(flow_log) if object.get(flow_log.attributes, "traffic_type", null) in flow_log_traffic_types

# A flow log whose traffic_type is unknown until apply (traffic_type = var.traffic_type): it may record
# ACCEPT only, so it neither passes nor fails a rule that asks for rejected traffic.
flow_log_traffic_unknown(flow_log) if lib.is_unknown(object.get(flow_log.attributes, "traffic_type", null))
