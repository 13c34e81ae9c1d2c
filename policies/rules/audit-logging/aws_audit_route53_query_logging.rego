# LOG-ROUTE53-001: public Route 53 hosted zones log the DNS queries they answer.
package iacgate.rules.audit_logging.aws_audit_route53_query_logging

import data.iacgate.lib
import rego.v1

# A zone with a vpc block (CloudFormation VPCs) is private: Resolver query logging covers it, not this
# rule. A public zone logs queries through an aws_route53_query_log naming it in zone_id, or
# (CloudFormation) QueryLoggingConfig.CloudWatchLogsLogGroupArn.
aws_audit_route53_private if count(lib.attr_blocks("vpc")) > 0

aws_audit_route53_private if count(lib.attr_blocks("vpcs")) > 0

# A vpc list unknown until apply (a dynamic block) may make the zone private: not judged as public.
aws_audit_route53_private if lib.is_unknown(lib.attr("vpc"))

deny contains {"not_applicable": true} if aws_audit_route53_private

aws_audit_route53_logged if count(lib.referrers_via("aws_route53_query_log", "zone_id")) > 0

aws_audit_route53_logged if {
	some config in lib.attr_blocks("query_logging_config")
	lib.is_set(object.get(config, "cloud_watch_logs_log_group_arn", null))
}

deny contains lib.violation([], msg) if {
	not aws_audit_route53_private
	not aws_audit_route53_logged
	msg := concat("", [
		"public hosted zone logs no DNS queries: query_logging_config is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no aws_route53_query_log refers to it"),
		", required query logging to a CloudWatch Logs group in us-east-1",
	])
}
