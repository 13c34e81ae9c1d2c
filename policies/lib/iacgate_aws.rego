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

# ... or an aws_s3_bucket_logging whose `bucket` is this bucket.
s3_access_logging if count(lib.referrers_via("aws_s3_bucket_logging", "bucket")) > 0

# The bucket receives server access logs of other buckets: an aws_s3_bucket_logging names it as
# `target_bucket`, or another bucket's inline logging block refers to it.
s3_access_log_target if count(lib.referrers_via("aws_s3_bucket_logging", "target_bucket")) > 0

s3_access_log_target if count(lib.referrers_via("aws_s3_bucket", "logging")) > 0

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
} else := set()

# --- VPC ---------------------------------------------------------------------------------------------

# Flow-log traffic types that record rejected traffic (ACCEPT alone misses probes and attacks).
flow_log_traffic_types := {"ALL", "REJECT"}

# A flow log that refers to the resource under evaluation and records rejected traffic.
captures_rejected_traffic(flow_log) if object.get(flow_log.attributes, "traffic_type", null) in flow_log_traffic_types

captures_rejected_traffic(flow_log) if lib.is_unknown(object.get(flow_log.attributes, "traffic_type", null))
