# A value unknown until apply is never a pass (#15, #16): each rule reports a finding whose path runs into
# the unknown value, which the engine turns into "undetermined".
package iacgate.rules.encryption.aws_unknown_values_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ami_ebs as ami_ebs
import data.iacgate.rules.encryption.aws_data_ecs_efs_transit as ecs_efs
import data.iacgate.rules.encryption.aws_data_ebs_default_encryption as ebs_default
import data.iacgate.rules.encryption.aws_data_elasticache_in_transit as elasticache
import data.iacgate.rules.encryption.aws_data_launch_configuration_ebs as launch_configuration_ebs
import data.iacgate.rules.encryption.aws_data_launch_template_ebs as launch_template_ebs
import data.iacgate.rules.encryption.aws_data_msk_in_transit as msk_transit
import data.iacgate.rules.encryption.aws_data_opensearch_https as opensearch
import data.iacgate.rules.encryption.aws_data_redshift_cmk as redshift
import data.iacgate.rules.encryption.aws_svc_athena_workgroup_encryption as athena
import data.iacgate.rules.encryption.aws_svc_codebuild_artifacts_encrypted as codebuild_artifacts
import data.iacgate.rules.encryption.aws_svc_glue_catalog_cmk as glue_catalog
import data.iacgate.rules.encryption.aws_svc_glue_connection_passwords as glue_passwords
import data.iacgate.rules.encryption.aws_svc_glue_security_configuration as glue_security
import data.iacgate.rules.encryption.aws_tls_apigateway_cache_encryption as apigw_cache
import data.iacgate.rules.encryption.aws_tls_apigateway_domain_tls as apigw_domain
import data.iacgate.rules.encryption.aws_tls_classic_elb_listener as classic_listener
import data.iacgate.rules.encryption.aws_tls_classic_elb_negotiation as classic_negotiation
import data.iacgate.rules.encryption.aws_tls_cloudfront_minimum_tls as cf_minimum
import data.iacgate.rules.encryption.aws_tls_cloudfront_origin_protocol as cf_origin_protocol
import data.iacgate.rules.encryption.aws_tls_cloudfront_origin_ssl as cf_origin_ssl
import data.iacgate.rules.encryption.aws_tls_cloudfront_viewer_protocol as cf_viewer
import data.iacgate.rules.encryption.aws_tls_lb_listener_policy as lb_listener
import data.iacgate.rules.encryption.aws_tls_rds_force_ssl as rds_force_ssl
import data.iacgate.rules.encryption.aws_tls_redshift_require_ssl as redshift_ssl
import data.iacgate.rules.encryption.aws_tls_ssm_session_kms as ssm_session
import data.iacgate.rules.encryption.aws_transit_elb_acm_certificate as acm
import data.iacgate.rules.encryption.aws_transit_rds_tls12 as rds_tls12
import data.iacgate.rules.encryption.kms_key_rotation
import data.iacgate.rules.encryption.sqs_queue_encryption
import rego.v1

test_cloudfront_behaviour_unknown_as_a_whole if {
	distribution := testing.resource("aws_cloudfront_distribution", {"default_cache_behavior": testing.unknown})
	some result in cf_viewer.deny with input.resource as distribution with input.related as []
	result.path == ["default_cache_behavior", "viewer_protocol_policy"]
}

test_cloudfront_origins_unknown_as_a_whole if {
	distribution := testing.resource("aws_cloudfront_distribution", {"origin": testing.unknown})
	some result in cf_origin_protocol.deny with input.resource as distribution with input.related as []
	result.path == ["origin", "custom_origin_config", "origin_protocol_policy"]
	some other in cf_origin_ssl.deny with input.resource as distribution with input.related as []
	other.path == ["origin", "custom_origin_config", "origin_ssl_protocols"]
}

test_cloudfront_origin_protocol_unknown if {
	distribution := testing.resource("aws_cloudfront_distribution", {"origin": [{"custom_origin_config": [{"origin_protocol_policy": testing.unknown, "origin_ssl_protocols": ["TLSv1.2", testing.unknown]}]}]})
	some result in cf_origin_protocol.deny with input.resource as distribution with input.related as []
	result.path == ["origin", 0, "custom_origin_config", 0, "origin_protocol_policy"]
	some other in cf_origin_ssl.deny with input.resource as distribution with input.related as []
	other.path == ["origin", 0, "custom_origin_config", 0, "origin_ssl_protocols", 1]
}

test_cloudfront_certificate_unknown if {
	distribution := testing.resource("aws_cloudfront_distribution", {"viewer_certificate": testing.unknown})
	some result in cf_minimum.deny with input.resource as distribution with input.related as []
	result.path == ["viewer_certificate", "minimum_protocol_version"]
}

test_apigateway_domain_policy_unknown if {
	domain := testing.resource("aws_api_gateway_domain_name", {"security_policy": testing.unknown})
	some result in apigw_domain.deny with input.resource as domain with input.related as []
	result.path == ["security_policy"]
}

test_apigateway_method_settings_unknown if {
	settings := testing.resource("aws_api_gateway_method_settings", {"settings": testing.unknown})
	some result in apigw_cache.deny with input.resource as settings with input.related as []
	result.path == ["settings"]
}

test_classic_listener_protocol_unknown if {
	balancer := testing.resource("aws_elb", {"listener": [{"lb_protocol": testing.unknown}]})
	some result in classic_listener.deny with input.resource as balancer with input.related as []
	result.path == ["listener", 0, "lb_protocol"]
}

test_classic_negotiation_attributes_unknown if {
	policy := testing.resource("aws_load_balancer_policy", {"policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": testing.unknown})
	some result in classic_negotiation.deny with input.resource as policy with input.related as []
	result.path == ["policy_attribute"]
}

test_classic_negotiation_protocol_value_unknown if {
	policy := testing.resource("aws_load_balancer_policy", {"policy_type_name": "SSLNegotiationPolicyType", "policy_attribute": [{"name": "Protocol-TLSv1", "value": testing.unknown}]})
	some result in classic_negotiation.deny with input.resource as policy with input.related as []
	result.path == ["policy_attribute", 0, "value"]
}

test_lb_listener_policy_unknown if {
	listener := testing.resource("aws_lb_listener", {"protocol": "HTTPS", "ssl_policy": testing.unknown})
	some result in lb_listener.deny with input.resource as listener with input.related as []
	result.path == ["ssl_policy"]
}

test_lb_listener_protocol_unknown if {
	listener := testing.resource("aws_lb_listener", {"protocol": testing.unknown})
	some result in lb_listener.deny with input.resource as listener with input.related as []
	result.path == ["protocol"]
}

test_lb_listener_protocol_unknown_with_current_policy_passes if {
	listener := testing.resource("aws_lb_listener", {"protocol": testing.unknown, "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	count(lb_listener.deny) == 0 with input.resource as listener with input.related as []
}

test_rds_family_unknown if {
	group := testing.resource("aws_db_parameter_group", {"family": testing.unknown, "parameter": [{"name": "require_secure_transport", "value": "ON"}]})
	some result in rds_force_ssl.deny with input.resource as group with input.related as []
	result.path == ["family"]
}

test_rds_parameters_unknown if {
	group := testing.resource("aws_db_parameter_group", {"family": "postgres14", "parameter": testing.unknown})
	some result in rds_force_ssl.deny with input.resource as group with input.related as []
	result.path == ["parameter"]
}

test_redshift_parameters_unknown if {
	group := testing.resource("aws_redshift_parameter_group", {"parameter": testing.unknown})
	some result in redshift_ssl.deny with input.resource as group with input.related as []
	result.path == ["parameter"]
}

test_ssm_session_content_unknown if {
	document := testing.resource("aws_ssm_document", {"document_type": "Session", "content": testing.unknown})
	some result in ssm_session.deny with input.resource as document with input.related as []
	result.path == ["content"]
}

test_kms_key_spec_unknown if {
	key := testing.resource("aws_kms_key", {"customer_master_key_spec": testing.unknown})
	some result in kms_key_rotation.deny with input.resource as key with input.related as []
	result.path == ["customer_master_key_spec"]
}

test_sqs_managed_sse_unknown if {
	# Outside a plan: a plan shows the provider-computed attribute unknown whenever it is left out.
	queue := object.union(testing.resource("aws_sqs_queue", {"sqs_managed_sse_enabled": testing.unknown}), {"format": "terraform"})
	some result in sqs_queue_encryption.deny with input.resource as queue with input.related as []
	result.path == ["sqs_managed_sse_enabled"]
}

test_ebs_default_encryption_unknown if {
	some result in ebs_default.deny with input.resource as testing.resource("aws_ebs_encryption_by_default", {"enabled": testing.unknown}) with input.related as []
	result.path == ["enabled"]
}

test_elasticache_mode_unknown if {
	group := testing.resource("aws_elasticache_replication_group", {"transit_encryption_enabled": true, "transit_encryption_mode": testing.unknown})
	some result in elasticache.deny with input.resource as group with input.related as []
	result.path == ["transit_encryption_mode"]
}

test_opensearch_policy_unknown if {
	domain := testing.resource("aws_opensearch_domain", {"domain_endpoint_options": [{"enforce_https": true, "tls_security_policy": testing.unknown}]})
	some result in opensearch.deny with input.resource as domain with input.related as []
	result.path == ["domain_endpoint_options", 0, "tls_security_policy"]
}

test_redshift_encrypted_unknown if {
	cluster := testing.resource("aws_redshift_cluster", {"encrypted": testing.unknown})
	some result in redshift.deny with input.resource as cluster with input.related as []
	result.path == ["encrypted"]
}

# A bare dependency on an ACM certificate (Pulumi `dependencies`) does not say where an unknown ARN comes from.
test_unknown_certificate_with_a_bare_dependency_is_undetermined if {
	listener := testing.resource("aws_lb_listener", {"certificate_arn": testing.unknown})
	cert := {"direction": "out", "edge": "reference", "attribute": "dependencies", "resource": testing.resource("aws_acm_certificate", {})}
	some result in acm.deny with input.resource as listener with input.related as [cert]
	result.status == "undetermined"
}

test_msk_encryption_info_unknown if {
	cluster := testing.resource("aws_msk_cluster", {"encryption_info": testing.unknown})
	some result in msk_transit.deny with input.resource as cluster with input.related as []
	result.path == ["encryption_info"]
}

test_msk_client_broker_unknown if {
	cluster := testing.resource("aws_msk_cluster", {"encryption_info": [{"encryption_in_transit": [{"client_broker": testing.unknown}]}]})
	some result in msk_transit.deny with input.resource as cluster with input.related as []
	result.path == ["encryption_info", 0, "encryption_in_transit", 0, "client_broker"]
}

test_launch_template_mappings_unknown if {
	template := testing.resource("aws_launch_template", {"block_device_mappings": testing.unknown})
	some result in launch_template_ebs.deny with input.resource as template with input.related as []
	result.path == ["block_device_mappings", "encrypted"]
}

test_launch_template_ebs_block_unknown if {
	template := testing.resource("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": testing.unknown}]})
	some result in launch_template_ebs.deny with input.resource as template with input.related as []
	result.path == ["block_device_mappings", 0, "ebs", "encrypted"]
}

test_flat_block_devices_unknown if {
	configuration := object.union(testing.resource("aws_launch_configuration", {"ebs_block_device": testing.unknown}), {"format": "terraform"})
	some a in launch_configuration_ebs.deny with input.resource as configuration with input.related as []
	a.path == ["ebs_block_device", "encrypted"]
	ami := testing.resource("aws_ami", {"ebs_block_device": testing.unknown})
	some b in ami_ebs.deny with input.resource as ami with input.related as []
	b.path == ["ebs_block_device", "encrypted"]
}

test_ecs_volumes_unknown if {
	task := testing.resource("aws_ecs_task_definition", {"volume": testing.unknown})
	some result in ecs_efs.deny with input.resource as task with input.related as []
	result.path == ["volume", "transit_encryption"]
}

test_ecs_transit_encryption_unknown if {
	task := testing.resource("aws_ecs_task_definition", {"volume": [{"name": "data", "efs_volume_configuration": [{"transit_encryption": testing.unknown}]}]})
	some result in ecs_efs.deny with input.resource as task with input.related as []
	result.path == ["volume", 0, "efs_volume_configuration", 0, "transit_encryption"]
}

test_codebuild_artifacts_unknown if {
	project := testing.resource("aws_codebuild_project", {"artifacts": testing.unknown})
	some a in codebuild_artifacts.deny with input.resource as project with input.related as []
	a.path == ["artifacts"]
	flag := testing.resource("aws_codebuild_project", {"artifacts": [{"type": "S3", "encryption_disabled": testing.unknown}]})
	some b in codebuild_artifacts.deny with input.resource as flag with input.related as []
	b.path == ["artifacts", 0, "encryption_disabled"]
}

test_glue_settings_unknown if {
	catalog := testing.resource("aws_glue_data_catalog_encryption_settings", {"data_catalog_encryption_settings": [{"encryption_at_rest": testing.unknown, "connection_password_encryption": testing.unknown}]})
	some a in glue_catalog.deny with input.resource as catalog with input.related as []
	a.path == ["data_catalog_encryption_settings", 0, "encryption_at_rest"]
	some b in glue_passwords.deny with input.resource as catalog with input.related as []
	b.path == ["data_catalog_encryption_settings", 0, "connection_password_encryption"]
	config := testing.resource("aws_glue_security_configuration", {"encryption_configuration": [{
		"cloudwatch_encryption": testing.unknown,
		"job_bookmarks_encryption": [{"job_bookmarks_encryption_mode": testing.unknown}],
		"s3_encryption": [{"s3_encryption_mode": "SSE-S3"}],
	}]})
	some c in glue_security.deny with input.resource as config with input.related as []
	c.path == ["encryption_configuration", 0, "cloudwatch_encryption"]
	some d in glue_security.deny with input.resource as config with input.related as []
	d.path == ["encryption_configuration", 0, "job_bookmarks_encryption", 0, "job_bookmarks_encryption_mode"]
}

test_athena_enforcement_unknown if {
	workgroup := testing.resource("aws_athena_workgroup", {"configuration": [{
		"enforce_workgroup_configuration": testing.unknown,
		"result_configuration": [{"encryption_configuration": [{"encryption_option": "SSE_S3"}]}],
	}]})
	some result in athena.deny with input.resource as workgroup with input.related as []
	result.path == ["configuration", 0, "enforce_workgroup_configuration"]
}

test_rds_tls_family_unknown if {
	group := testing.resource("aws_db_parameter_group", {"family": testing.unknown, "parameter": [{"name": "tls_version", "value": "TLSv1.2"}]})
	some result in rds_tls12.deny with input.resource as group with input.related as []
	result.path == ["family"]
}
