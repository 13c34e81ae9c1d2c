# Audit-logging helpers of the aws_log rules (load balancers, CloudFront, API Gateway, WAF, CloudTrail data
# events, Redshift, MSK, OpenSearch, Amazon MQ, Global Accelerator): where each format keeps a logging
# setting. Every function is prefixed log_: regopy 1.5.2 crashes when two packages
# define functions of one name with different arities.
package iacgate.lib.aws_log

import data.iacgate.lib
import rego.v1

# Path of the first block of a nested-block attribute: Terraform writes a list, Pulumi and CloudFormation
# a single object.
log_block_path(name) := [name] if {
	is_object(lib.attr(name))
} else := [name, 0]

# --- Elastic Load Balancing v2 ---------------------------------------------------------------------

# The load balancer type: Terraform and Pulumi load_balancer_type (default application), CloudFormation Type.
log_lb_type := object.get(lib.attrs, "type", "application") if {
	input.resource.format == "cloudformation"
} else := object.get(lib.attrs, "load_balancer_type", "application")

# Where the load balancer says whether it writes access logs, and what it says. CloudFormation: each
# LoadBalancerAttributes entry access_logs.s3.enabled ...
log_lb_access_logs_settings contains setting if {
	input.resource.format == "cloudformation"
	some i
	entry := lib.attr_blocks("load_balancer_attributes")[i]
	object.get(entry, "key", null) == "access_logs.s3.enabled"
	setting := {
		"path": ["load_balancer_attributes", i, "value"],
		"value": object.get(entry, "value", null),
		"name": "LoadBalancerAttributes access_logs.s3.enabled",
	}
}

# ... Terraform and Pulumi: access_logs.enabled (default false, even with a bucket).
log_lb_access_logs_settings contains setting if {
	input.resource.format != "cloudformation"
	some block in lib.attr_blocks("access_logs")
	setting := {
		"path": array.concat(log_block_path("access_logs"), ["enabled"]),
		"value": object.get(block, "enabled", null),
		"name": "access_logs.enabled",
	}
}

# --- CloudFront ------------------------------------------------------------------------------------

# Standard logging to S3: Terraform and Pulumi logging_config.bucket, CloudFormation
# DistributionConfig.Logging.Bucket.
log_cloudfront_standard_logging if {
	input.resource.format != "cloudformation"
	some block in lib.attr_blocks("logging_config")
	lib.is_set(object.get(block, "bucket", null))
}

log_cloudfront_standard_logging if {
	input.resource.format == "cloudformation"
	config := lib.attr("distribution_config")
	is_object(config)
	some block in lib.blocks(object.get(config, "logging", null))
	lib.is_set(object.get(block, "bucket", null))
}

# Standard logging v2: a CloudWatch Logs delivery source whose resource_arn is the distribution.
log_cloudfront_standard_logging if count(lib.referrers_via("aws_cloudwatch_log_delivery_source", "resource_arn")) > 0

log_cloudfront_logging_path := ["distribution_config", "logging"] if {
	input.resource.format == "cloudformation"
} else := lib.missing_block_path("logging_config")

# --- API Gateway -----------------------------------------------------------------------------------

# Access logging of a REST (v1) or HTTP/WebSocket (v2) stage: access_log_settings with a destination
# (CloudFormation AccessLogSetting / AccessLogSettings, renamed by the type table).
log_stage_access_logging if {
	some block in lib.attr_blocks("access_log_settings")
	lib.is_set(object.get(block, "destination_arn", null))
}

# --- WAFv2 -----------------------------------------------------------------------------------------

# Logging configurations (Terraform, Pulumi, CloudFormation AWS::WAFv2::LoggingConfiguration) naming the
# web ACL in resource_arn.
log_waf_logging_configurations := lib.referrers_via("aws_wafv2_web_acl_logging_configuration", "resource_arn")

# --- CloudTrail data events --------------------------------------------------------------------------

# An attribute of an object under its Terraform (singular block) name or the plural name CloudFormation
# and some Pulumi nestings keep (event_selectors, data_resources, field_selectors).
log_named_blocks(object_value, singular, plural) := lib.blocks(object.get(object_value, singular, null)) if {
	object.get(object_value, singular, null) != null
} else := lib.blocks(object.get(object_value, plural, null))

# The trail records S3 object-level (data) events: a basic event selector with a data resource of type
# AWS::S3::Object ...
log_trail_s3_data_events if {
	some selector in log_named_blocks(lib.attrs, "event_selector", "event_selectors")
	some resource in log_named_blocks(selector, "data_resource", "data_resources")
	object.get(resource, "type", null) == "AWS::S3::Object"
}

# ... or an advanced event selector whose resources.type field selector equals AWS::S3::Object.
log_trail_s3_data_events if {
	some selector in log_named_blocks(lib.attrs, "advanced_event_selector", "advanced_event_selectors")
	some field in log_named_blocks(selector, "field_selector", "field_selectors")
	object.get(field, "field", null) == "resources.type"
	equals := object.get(field, "equals", [])
	is_array(equals)
	"AWS::S3::Object" in equals
}

# --- API Gateway execution logging -------------------------------------------------------------------

log_execution_logging_levels := {"INFO", "ERROR"}

# Execution logging levels set for the stage, with where: CloudFormation the stage's MethodSettings ...
log_stage_logging_levels contains {"path": ["method_settings", i, "logging_level"], "level": level} if {
	some i
	setting := lib.attr_blocks("method_settings")[i]
	level := object.get(setting, "logging_level", null)
}

# ... Terraform and Pulumi an aws_api_gateway_method_settings naming the stage (settings.logging_level),
# by reference or, with the stage's name written as a literal, through depends_on the stage.
log_stage_logging_levels contains {"path": [], "level": level} if {
	some methods in log_stage_method_settings
	some settings in lib.blocks(object.get(methods.attributes, "settings", null))
	level := object.get(settings, "logging_level", null)
}

log_stage_method_settings contains entry.resource if {
	some entry in input.related
	entry.direction == "in"
	entry.resource.type == "aws_api_gateway_method_settings"
	log_stage_methods_edge(entry)
}

log_stage_methods_edge(entry) if entry.attribute == "stage_name"

# depends_on: an HCL edge names the meta-argument, a plan's or a Pulumi stack's is of that kind.
log_stage_methods_edge(entry) if object.get(entry, "edge", null) == "depends_on"

log_stage_execution_logging if {
	some entry in log_stage_logging_levels
	log_execution_level_on(entry.level)
}

log_execution_level_on(level) if {
	is_string(level)
	upper(level) in log_execution_logging_levels
}

# A level unknown until apply (a variable of the module) may be OFF: the rule is undetermined on it.
log_stage_logging_level_unknown if {
	some entry in log_stage_logging_levels
	lib.is_unknown(entry.level)
}

# --- Redshift ----------------------------------------------------------------------------------------

# Audit logging: Terraform and Pulumi inline logging with enable = true ...
log_redshift_audit_logging if {
	input.resource.format != "cloudformation"
	some block in lib.attr_blocks("logging")
	lib.is_true(object.get(block, "enable", null))
}

# ... CloudFormation LoggingProperties (renamed logging) naming a bucket or a log destination type ...
log_redshift_audit_logging if {
	input.resource.format == "cloudformation"
	some block in lib.attr_blocks("logging")
	some key in ["bucket_name", "log_destination_type"]
	lib.is_set(object.get(block, key, null))
}

# ... or an aws_redshift_logging naming the cluster (AWS provider 5.x onwards).
log_redshift_audit_logging if count(lib.referrers_via("aws_redshift_logging", "cluster_identifier")) > 0

# --- MSK ---------------------------------------------------------------------------------------------

# Broker-log destinations, each {"name", "path", "enabled"}; CloudFormation spells CloudWatchLogs
# cloud_watch_logs.
log_msk_broker_destinations contains {"name": name, "path": path, "enabled": object.get(destination, "enabled", null)} if {
	some i, info in lib.attr_blocks("logging_info")
	some j, broker_logs in lib.blocks(object.get(info, "broker_logs", null))
	some name in ["cloudwatch_logs", "cloud_watch_logs", "firehose", "s3"]
	some k, destination in lib.blocks(object.get(broker_logs, name, null))
	path := array.concat(
		array.concat(
			array.concat(["logging_info"], log_index_step(lib.attr("logging_info"), i)),
			array.concat(["broker_logs"], log_index_step(object.get(info, "broker_logs", null), j)),
		),
		array.concat(array.concat([name], log_index_step(object.get(broker_logs, name, null), k)), ["enabled"]),
	)
}

# The index step of a path into a nested block: none into a single object (Pulumi, CloudFormation).
log_index_step(value, i) := [] if {
	is_object(value)
} else := [i]

log_msk_broker_logs if {
	some destination in log_msk_broker_destinations
	lib.is_true(destination.enabled)
}

# --- OpenSearch / Elasticsearch ------------------------------------------------------------------------

# Log publishing options, each {"type", "enabled", "path"}. Terraform and Pulumi: a list of
# {log_type, enabled (default true)}; CloudFormation: a map from the log type to {Enabled, ...}.
log_search_publishing contains {"type": object.get(option, "log_type", null), "enabled": object.get(option, "enabled", true), "path": ["log_publishing_options", i, "enabled"]} if {
	input.resource.format != "cloudformation"
	some i, option in lib.attr_blocks("log_publishing_options")
}

log_search_publishing contains {"type": kind, "enabled": log_search_option_enabled(option), "path": ["log_publishing_options", kind, "enabled"]} if {
	input.resource.format == "cloudformation"
	options := lib.attr("log_publishing_options")
	is_object(options)
	some kind, option in options
	is_object(option)
}

# An option unknown until apply as a whole: its enabled flag is unknown too.
log_search_option_enabled(option) := option if {
	lib.is_unknown(option)
} else := object.get(option, "enabled", true)

# enabled defaults to true; unknown until apply it may be false, so the type is not counted as published
# and the rule points at the unknown flag (undetermined).
log_search_enabled_types contains entry.type if {
	some entry in log_search_publishing
	not lib.is_false(entry.enabled)
	not lib.is_unknown(entry.enabled)
}

# Audit logs exist only with fine-grained access control (advanced_security_options.enabled).
log_search_fine_grained if {
	some options in lib.attr_blocks("advanced_security_options")
	lib.is_true(object.get(options, "enabled", null))
}

# Fine-grained access control unknown until apply (enabled = var.x, or the block as a whole): whether audit
# logs are required cannot be told.
log_search_fine_grained_unknown if {
	not log_search_fine_grained
	lib.is_unknown(lib.attr("advanced_security_options"))
}

log_search_fine_grained_unknown if {
	not log_search_fine_grained
	some options in lib.attr_blocks("advanced_security_options")
	lib.is_unknown(object.get(options, "enabled", null))
}

log_search_required_types := {"AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"} if {
	log_search_fine_grained
} else := {"ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS"}

# --- Amazon MQ -----------------------------------------------------------------------------------------

# General logs for every engine; audit logs exist for ActiveMQ only (RabbitMQ has none).
log_mq_required_kinds := {"general", "audit"} if {
	log_mq_activemq
} else := {"general"}

log_mq_activemq if {
	is_string(lib.attr("engine_type"))
	lower(lib.attr("engine_type")) == "activemq"
}

# The engine is a known name: otherwise (unknown until apply, or missing) whether audit logs are required
# cannot be told, and a broker without them is undetermined, never passed.
log_mq_engine_known if {
	is_string(lib.attr("engine_type"))
	lib.is_set(lib.attr("engine_type"))
}

# --- Global Accelerator --------------------------------------------------------------------------------

log_accelerator_flow_logs_value := object.get(lib.attr_blocks("attributes")[0], "flow_logs_enabled", null)
