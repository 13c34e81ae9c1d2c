package iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events_test

import data.iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events
import rego.v1

log_trail(name, format, attributes) := {
	"id": concat(".", ["aws_cloudtrail", name]),
	"format": format,
	"type": "aws_cloudtrail",
	"native_type": "aws_cloudtrail",
	"mode": "managed",
	"attributes": attributes,
	"tags": {},
}

log_trails(list) := {"aws_cloudtrail": list}

all_buckets := {"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]}

test_s3_data_resource_passes if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resources_by_type as log_trails([log_trail("a", "terraform", all_buckets)])
}

test_advanced_selector_passes if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resources_by_type as log_trails([log_trail("a", "terraform", {"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}]})])
}

test_cloudformation_plural_names_pass if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resources_by_type as log_trails([log_trail("a", "cloudformation", {"is_logging": true, "event_selectors": [{"data_resources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::ledger/"]}]}]})])
}

test_management_events_only_fail if {
	some result in aws_log_cloudtrail_s3_data_events.deny with input.resources_by_type as log_trails([log_trail("org", "terraform", {"name": "org"})])
	result.resource == "aws_cloudtrail.org"
	result.path == ["event_selector"]
}

test_lambda_data_events_only_fail if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 1 with input.resources_by_type as log_trails([log_trail("a", "terraform", {"event_selector": [{"data_resource": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]})])
}

# Issue 16 §2: a management-events trail beside a trail recording S3 data events for every bucket passes.
test_management_trail_beside_an_all_buckets_trail_passes if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resources_by_type as log_trails([
		log_trail("management", "terraform", {"name": "management"}),
		log_trail("data", "terraform", all_buckets),
	])
}

test_a_trail_for_one_bucket_covers_no_other_trail if {
	results := aws_log_cloudtrail_s3_data_events.deny with input.resources_by_type as log_trails([
		log_trail("management", "terraform", {"name": "management"}),
		log_trail("ledger", "terraform", {"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::ledger/"]}]}]}),
	])
	[result.resource | some result in results] == ["aws_cloudtrail.management"]
}

test_an_advanced_selector_narrowed_to_an_arn_covers_no_other_trail if {
	results := aws_log_cloudtrail_s3_data_events.deny with input.resources_by_type as log_trails([
		log_trail("management", "terraform", {"name": "management"}),
		log_trail("ledger", "terraform", {"advanced_event_selector": [{"field_selector": [{"field": "resources.type", "equals": ["AWS::S3::Object"]}, {"field": "resources.ARN", "starts_with": ["arn:aws:s3:::ledger/"]}]}]}),
	])
	count(results) == 1
}

test_a_stopped_all_buckets_trail_covers_nothing if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 1 with input.resources_by_type as log_trails([
		log_trail("management", "terraform", {"name": "management"}),
		log_trail("data", "terraform", object.union(all_buckets, {"enable_logging": false})),
	])
}

# Every bucket is written arn:<partition>:s3 in the China and GovCloud partitions too.
test_a_trail_recording_every_bucket_in_another_partition_covers_the_others if {
	every value in ["arn:aws-cn:s3", "arn:aws-us-gov:s3:::", "arn:aws-iso-b:s3:::"] {
		count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resources_by_type as log_trails([
			log_trail("org", "terraform", {"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": [value]}]}]}),
			log_trail("other", "terraform", {"name": "other"}),
		])
	}
}

test_one_bucket_in_another_partition_covers_no_other_trail if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 1 with input.resources_by_type as log_trails([
		log_trail("org", "terraform", {"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws-cn:s3:::ledger/"]}]}]}),
		log_trail("other", "terraform", {"name": "other"}),
	])
}
