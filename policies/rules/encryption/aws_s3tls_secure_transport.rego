# ENC-S3-003: S3 buckets deny every request that does not arrive over TLS (aws:SecureTransport false).
package iacgate.rules.encryption.aws_s3tls_secure_transport

import data.iacgate.lib
import rego.v1

deny contains lib.violation(s3tls_fault_path, msg) if {
	not s3tls_denies_insecure_transport
	not s3tls_policy_undecided
	msg := concat("", [
		s3tls_found_text, ": required a bucket policy statement with Effect Deny, Principal *, ",
		"Action s3:* and Condition Bool aws:SecureTransport false",
	])
}

deny contains lib.undetermined([], "S3 bucket policy is unknown until apply: cannot tell whether it denies requests that are not over TLS") if {
	not s3tls_denies_insecure_transport
	s3tls_policy_undecided
}

# --- The policies that apply to the bucket ----------------------------------------------------------

# Separate aws_s3_bucket_policy resources that name this bucket in `bucket` (CloudFormation
# AWS::S3::BucketPolicy and Pulumi BucketPolicy map to the same type).
s3tls_separate_policies := [object.get(policy.attributes, "policy", null) |
	some policy in lib.referrers_via("aws_s3_bucket_policy", "bucket")
]

# The bucket's own `policy` argument (Terraform; Pulumi's Bucket), when the configuration sets it.
s3tls_own_policies := [lib.attr("policy")] if {
	lib.is_set(lib.attr("policy"))
	not s3tls_own_policy_computed
} else := []

# In a plan, AWS provider 4+ computes the bucket's `policy` when the configuration leaves it out, so an
# unknown value there says nothing unless the configuration builds it from another object (an edge on
# `policy`, for example to a data.aws_iam_policy_document whose input is known only after apply).
s3tls_own_policy_computed if {
	input.resource.format == "terraform-plan"
	lib.is_unknown(lib.attr("policy"))
	not s3tls_own_policy_referenced
}

s3tls_own_policy_referenced if {
	some entry in input.related
	entry.direction == "out"
	entry.attribute == "policy"
	entry.resource.type in s3tls_policy_sources
}

s3tls_policy_sources := {"aws_iam_policy_document", "aws_iam_policy"}

s3tls_policies := array.concat(s3tls_separate_policies, s3tls_own_policies)

s3tls_policy_undecided if {
	some policy in s3tls_policies
	lib.is_unknown(policy)
}

# A statement not known statically (a data.aws_iam_policy_document's source document known after apply),
# or a statement whose Effect, Principal, Action or Condition is: it may be the one that denies.
s3tls_policy_undecided if {
	some policy in s3tls_policies
	some statement in s3tls_statements(s3tls_document(policy))
	s3tls_statement_unknown(statement)
}

s3tls_statement_unknown(statement) if lib.is_unknown(statement)

s3tls_statement_unknown(statement) if {
	is_object(statement)
	some field in ["Effect", "Principal", "Action", "Condition"]
	lib.is_unknown(object.get(statement, field, null))
}

# --- Reading a policy document -----------------------------------------------------------------------

# The document as an object: Terraform and Pulumi hold a JSON string, CloudFormation an object.
# Undefined when it cannot be read.
s3tls_document(policy) := policy if {
	is_object(policy)
	not lib.is_unknown(policy)
} else := json.unmarshal(policy) if {
	is_string(policy)
	json.is_valid(policy)
	is_object(json.unmarshal(policy))
}

# Statement is one object or a list of them.
s3tls_statements(document) := document.Statement if {
	is_array(document.Statement)
} else := [document.Statement] if {
	is_object(document.Statement)
} else := []

# A field that is one value or a list of values, as a list.
s3tls_values(value) := value if {
	is_array(value)
} else := [value]

s3tls_denies_insecure_transport if {
	some policy in s3tls_policies
	some statement in s3tls_statements(s3tls_document(policy))
	s3tls_tls_deny(statement)
}

s3tls_tls_deny(statement) if {
	object.get(statement, "Effect", null) == "Deny"
	s3tls_everyone(object.get(statement, "Principal", null))
	some action in s3tls_values(object.get(statement, "Action", null))
	action in {"s3:*", "*"}
	s3tls_insecure_condition(object.get(statement, "Condition", null))
}

s3tls_everyone(principal) if principal == "*"

s3tls_everyone(principal) if {
	is_object(principal)
	some aws in s3tls_values(object.get(principal, "AWS", null))
	aws == "*"
}

s3tls_insecure_condition(condition) if {
	is_object(condition)
	some operator in ["Bool", "BoolIfExists"]
	block := object.get(condition, operator, null)
	is_object(block)
	some key, value in block
	lower(key) == "aws:securetransport"
	some flag in s3tls_values(value)
	lib.is_false(flag)
}

# --- Messages ---------------------------------------------------------------------------------------

s3tls_found_text := "S3 bucket has no bucket policy" if {
	count(s3tls_policies) == 0
} else := "S3 bucket policy does not deny requests made without TLS"

# An inline policy is the attribute at fault; otherwise the finding names the bucket.
s3tls_fault_path := ["policy"] if {
	count(s3tls_separate_policies) == 0
	count(s3tls_own_policies) > 0
} else := []
