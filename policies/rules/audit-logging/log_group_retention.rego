# LOG-CLOUDWATCH-001: CloudWatch log groups keep their events at least the configured minimum.
package iacgate.rules.audit_logging.log_group_retention

import data.iacgate.lib
import data.iacgate.lib.retention
import rego.v1

days := lib.attr("retention_in_days")

# A Delivery-class log group only passes its events on to S3 or Firehose (CloudWatch Logs delivery), and
# AWS fixes its retention at a day or two whatever the configuration says: it is not judged, the
# destination keeps the logs (its own rules judge that).
delivery if {
	class := lib.attr("log_group_class")
	is_string(class)
	upper(class) == "DELIVERY"
}

deny contains {"not_applicable": true} if delivery

# Left out (or 0), a log group never expires its events: that passes. A retention unknown until apply
# (retention_in_days = var.days) is reported at its path, so the engine calls it undetermined.
deny contains lib.violation(["retention_in_days"], msg) if {
	not delivery
	retention.retention_short(days, 0)
	msg := concat("", [
		"log group keeps events for ", lib.show(days), " days: retention_in_days is ", lib.show(days),
		", required at least ", retention.min_days_text, " days (or 0, never expire)",
	])
}

deny contains lib.violation(["retention_in_days"], msg) if {
	not delivery
	retention.retention_undecidable(days)
	msg := concat("", [
		"log group retention cannot be told: retention_in_days is ", lib.show(days),
		", required at least ", retention.min_days_text, " days (or 0, never expire)",
	])
}
