# LOG-CLOUDTRAIL-006: S3 object-level (data) events are recorded, by the trail or by another trail of the
# same configuration that records them for every bucket.
#
# A whole-graph rule (scope: graph): an organisation commonly runs one multi-region trail for S3 data
# events on all buckets beside a management-events trail, and the second is compliant because of the
# first. Results name the trail they are about.
package iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

trails := [trail | some trail in object.get(input.resources_by_type, "aws_cloudtrail", []); trail.mode == "managed"]

selectors_path(trail) := ["event_selectors"] if {
	trail.format == "cloudformation"
} else := ["event_selector"]

# S3 data events of one trail, each {"all": whether it covers every bucket}: a basic event selector with
# a data_resource of type AWS::S3::Object (every bucket: values arn:aws:s3 or arn:aws:s3:::, in any partition) ...
s3_data_events(attributes) := [{"all": all_buckets} |
	some selector in aws_log.log_named_blocks(attributes, "event_selector", "event_selectors")
	some resource in aws_log.log_named_blocks(selector, "data_resource", "data_resources")
	object.get(resource, "type", null) == "AWS::S3::Object"
	all_buckets := every_bucket_values(object.get(resource, "values", []))
]

every_bucket_values(values) := true if {
	is_array(values)
	some value in values
	is_string(value)
	regex.match(`^arn:aws(-[a-z]+)*:s3(:::)?$`, value)
} else := false

# ... or an advanced event selector whose resources.type equals AWS::S3::Object (every bucket: no
# resources.ARN field selector narrows it).
advanced_s3_data_events(attributes) := [{"all": all_buckets} |
	some selector in aws_log.log_named_blocks(attributes, "advanced_event_selector", "advanced_event_selectors")
	fields := aws_log.log_named_blocks(selector, "field_selector", "field_selectors")
	some field in fields
	object.get(field, "field", null) == "resources.type"
	equals := object.get(field, "equals", [])
	is_array(equals)
	"AWS::S3::Object" in equals
	all_buckets := count([other | some other in fields; object.get(other, "field", null) == "resources.ARN"]) == 0
]

records_s3(trail) if count(array.concat(s3_data_events(trail.attributes), advanced_s3_data_events(trail.attributes))) > 0

records_all_buckets(trail) if {
	some entry in array.concat(s3_data_events(trail.attributes), advanced_s3_data_events(trail.attributes))
	entry.all == true
}

# A trail that records S3 data events for every bucket covers the other trails of the configuration.
covering := [trail.id | some trail in trails; records_all_buckets(trail); not lib.is_false(logging_on(trail))]

logging_on(trail) := object.get(trail.attributes, "is_logging", null) if {
	trail.format == "cloudformation"
} else := object.get(trail.attributes, "enable_logging", true)

deny contains {"resource": trail.id, "path": selectors_path(trail), "message": msg} if {
	some trail in trails
	not records_s3(trail)
	count(covering) == 0
	msg := concat("", [
		"CloudTrail trail records no S3 data events: no event_selector data_resource and no ",
		"advanced_event_selector resources.type is AWS::S3::Object, and no other trail records them for ",
		"every bucket, required S3 object-level events",
	])
}
