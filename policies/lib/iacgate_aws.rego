# AWS service helpers shared by the rule packs, written against canonical (Terraform) attribute names.
package iacgate.lib.aws

import data.iacgate.lib
import rego.v1

# Server-side encryption algorithms that use AWS KMS.
kms_sse_algorithms := {"aws:kms", "aws:kms:dsse"}

# A KMS key id, ARN or alias that names a customer-managed key: set (an unknown value is a key created in
# the same plan) and not an AWS-managed alias such as alias/aws/s3.
customer_managed_key(key) if {
	lib.is_set(key)
	not aws_managed_alias(key)
}

aws_managed_alias(key) if {
	is_string(key)
	contains(key, "alias/aws/")
}

# CloudFormation also takes the AWS-managed key by its bare alias name (Secrets Manager KmsKeyId: aws/secretsmanager).
aws_managed_alias(key) if {
	is_string(key)
	startswith(key, "aws/")
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

# A key setting judged as a whole: "unset", "aws-managed", "undetermined" (read through a data source whose
# key cannot be told) or "customer". `value` is the setting, `attribute` the top-level argument holding it.
# A key from a variable or created in the same plan or stack is unknown until apply and counts as customer.
kms_key_class(attribute, value) := "aws-managed" if {
	aws_managed_alias(value)
} else := "unset" if {
	not lib.is_set(value)
} else := "aws-managed" if {
	some source in kms_data_sources(attribute)
	kms_data_aws_managed(source)
} else := "undetermined" if {
	some source in kms_data_sources(attribute)
	not kms_data_customer(source)
} else := "customer"

# The setting as people read it: the value, or the data source it was read from with what that names.
kms_key_text(attribute, value) := concat("", [source.id, " (", lib.show(kms_data_name(source)), ")"]) if {
	some source in kms_data_sources(attribute)
} else := lib.show(value)

# --- S3 ----------------------------------------------------------------------------------------------

# Default-encryption settings written for the bucket under evaluation, each with where it came from.
# Inline on the bucket (AWS provider < 4, CloudFormation BucketEncryption) ...
s3_encryption_defaults contains {"source": "inline", "path": path, "settings": settings} if {
	some i, j, k
	configuration := lib.attr_blocks("server_side_encryption_configuration")[i]
	rule := lib.blocks(object.get(configuration, "rule", []))[j]
	settings := lib.blocks(object.get(rule, "apply_server_side_encryption_by_default", []))[k]
	path := ["server_side_encryption_configuration", i, "rule", j, "apply_server_side_encryption_by_default", k]
}

# ... or CloudFormation's BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault
# (its SSEAlgorithm and KMSMasterKeyID arrive as sse_algorithm and kms_master_key_id) ...
s3_encryption_defaults contains {"source": "BucketEncryption", "path": path, "settings": settings} if {
	input.resource.format == "cloudformation"
	encryption := lib.attr("bucket_encryption")
	is_object(encryption)
	some i
	rule := lib.blocks(object.get(encryption, "server_side_encryption_configuration", []))[i]
	some settings in lib.blocks(object.get(rule, "server_side_encryption_by_default", []))
	path := ["bucket_encryption", "server_side_encryption_configuration", i, "server_side_encryption_by_default"]
}

# ... or in an aws_s3_bucket_server_side_encryption_configuration that names the bucket.
s3_encryption_defaults contains {"source": separate.id, "path": [], "settings": settings} if {
	some separate in lib.referrers_via("aws_s3_bucket_server_side_encryption_configuration", "bucket")
	some rule in lib.blocks(object.get(separate.attributes, "rule", []))
	some settings in lib.blocks(object.get(rule, "apply_server_side_encryption_by_default", []))
}

# The bucket has a default-encryption configuration of its own: inline blocks, or a separate resource
# (whatever its rules, which may be unknown until apply).
s3_encryption_configured if count(s3_encryption_defaults) > 0

s3_encryption_configured if count(lib.referrers_via("aws_s3_bucket_server_side_encryption_configuration", "bucket")) > 0

# Default encryption with SSE-KMS (or DSSE-KMS) under a customer-managed key.
s3_kms_cmk_default if {
	some entry in s3_encryption_defaults
	object.get(entry.settings, "sse_algorithm", null) in kms_sse_algorithms
	customer_managed_key(object.get(entry.settings, "kms_master_key_id", null))
}

# A default whose algorithm is unknown until apply: the KMS question cannot be decided.
s3_kms_undecided if {
	some entry in s3_encryption_defaults
	lib.is_unknown(object.get(entry.settings, "sse_algorithm", null))
}

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
# to the bucket itself, which still records them) ...
s3_access_logging if {
	input.resource.format == "cloudformation"
	is_object(lib.attr("logging_configuration"))
}

# ... or an aws_s3_bucket_logging whose `bucket` is this bucket.
s3_access_logging if count(lib.referrers_via("aws_s3_bucket_logging", "bucket")) > 0

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

# Encrypted under a customer-managed KMS key (a key created in the same plan or stack is unknown: set).
dynamodb_customer_managed_key if {
	some entry in dynamodb_sse
	lib.is_true(entry.enabled)
	customer_managed_key(entry.key)
}

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

# --- VPC ---------------------------------------------------------------------------------------------

# Flow-log traffic types that record rejected traffic (ACCEPT alone misses probes and attacks).
flow_log_traffic_types := {"ALL", "REJECT"}

# A flow log that refers to the resource under evaluation and records rejected traffic.
captures_rejected_traffic(flow_log) if object.get(flow_log.attributes, "traffic_type", null) in flow_log_traffic_types

captures_rejected_traffic(flow_log) if lib.is_unknown(object.get(flow_log.attributes, "traffic_type", null))
