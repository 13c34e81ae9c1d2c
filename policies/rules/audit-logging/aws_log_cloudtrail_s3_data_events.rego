# LOG-CLOUDTRAIL-006: CloudTrail trails record S3 object-level (data) events.
package iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events

import data.iacgate.lib
import data.iacgate.lib.aws_log
import rego.v1

selectors_path := ["event_selectors"] if {
	input.resource.format == "cloudformation"
} else := ["event_selector"]

deny contains lib.violation(selectors_path, msg) if {
	not aws_log.log_trail_s3_data_events
	msg := concat("", [
		"CloudTrail trail records no S3 data events: no event_selector data_resource and no ",
		"advanced_event_selector resources.type is AWS::S3::Object, required S3 object-level events",
	])
}
