package iacgate.rules.encryption.aws_s3tls_secure_transport_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_s3tls_secure_transport as rule
import rego.v1

tls_deny := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

allow_read := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::482913057716:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme/*"}

bucket := testing.resource("aws_s3_bucket", {"bucket": "acme"})

separate(document) := [testing.referrer("aws_s3_bucket_policy", "bucket", {"policy": document})]

test_separate_json_policy_with_tls_deny_passes if {
	count(rule.deny) == 0 with input.resource as bucket
		with input.related as separate(json.marshal({"Version": "2012-10-17", "Statement": [allow_read, tls_deny]}))
}

test_cloudformation_object_policy_with_aws_star_and_boolean_passes if {
	statement := object.union(tls_deny, {"Principal": {"AWS": ["*"]}, "Action": ["s3:*"], "Condition": {"BoolIfExists": {"aws:SecureTransport": false}}})
	count(rule.deny) == 0 with input.resource as bucket
		with input.related as separate({"Statement": statement})
}

test_inline_policy_with_tls_deny_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"policy": json.marshal({"Statement": [tls_deny]})})
		with input.related as []
}

test_no_policy_fails if {
	some result in rule.deny with input.resource as bucket
		with input.related as []
	result.path == []
	contains(result.message, "has no bucket policy")
	not result.status
}

test_allow_only_policy_fails if {
	some result in rule.deny with input.resource as bucket
		with input.related as separate(json.marshal({"Statement": [allow_read]}))
	result.path == []
	contains(result.message, "does not deny requests made without TLS")
}

test_inline_allow_only_policy_points_at_policy if {
	some result in rule.deny with input.resource as testing.resource("aws_s3_bucket", {"policy": json.marshal({"Statement": allow_read})})
		with input.related as []
	result.path == ["policy"]
}

test_deny_when_secure_transport_true_fails if {
	statement := object.union(tls_deny, {"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	count(rule.deny) == 1 with input.resource as bucket
		with input.related as separate(json.marshal({"Statement": [statement]}))
}

test_deny_for_one_principal_fails if {
	statement := object.union(tls_deny, {"Principal": {"AWS": "arn:aws:iam::482913057716:root"}})
	count(rule.deny) == 1 with input.resource as bucket
		with input.related as separate(json.marshal({"Statement": [statement]}))
}

test_deny_of_one_action_fails if {
	statement := object.union(tls_deny, {"Action": "s3:GetObject"})
	count(rule.deny) == 1 with input.resource as bucket
		with input.related as separate(json.marshal({"Statement": [statement]}))
}

test_unknown_separate_policy_is_undetermined if {
	some result in rule.deny with input.resource as bucket
		with input.related as separate(testing.unknown)
	result.status == "undetermined"
}

test_unknown_configured_inline_policy_is_undetermined if {
	some result in rule.deny with input.resource as testing.resource("aws_s3_bucket", {"policy": testing.unknown})
		with input.related as [{
			"direction": "out",
			"edge": "reference",
			"attribute": "policy",
			"resource": testing.resource("aws_iam_policy_document", {"json": testing.unknown}),
		}]
	result.status == "undetermined"
}

# In a plan the provider computes `policy` for every bucket whose configuration leaves it out.
test_computed_inline_policy_in_a_plan_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_s3_bucket", {"policy": testing.unknown})
		with input.related as []
	not result.status
	contains(result.message, "has no bucket policy")
}

test_known_tls_deny_wins_over_an_unknown_policy if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_s3_bucket", {"policy": testing.unknown})
		with input.related as separate(json.marshal({"Statement": [tls_deny]}))
}
