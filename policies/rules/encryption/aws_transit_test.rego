package iacgate.rules.encryption.aws_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_transit_cloudsearch_https as cloudsearch_https
import data.iacgate.rules.encryption.aws_transit_cloudsearch_tls as cloudsearch_tls
import data.iacgate.rules.encryption.aws_transit_dax_endpoint_tls as dax
import data.iacgate.rules.encryption.aws_transit_docdb_tls as docdb
import data.iacgate.rules.encryption.aws_transit_dms_ssl as dms
import data.iacgate.rules.encryption.aws_transit_docdb_tls12 as docdb12
import data.iacgate.rules.encryption.aws_transit_elb_acm_certificate as acm
import data.iacgate.rules.encryption.aws_transit_memorydb_tls as memorydb
import data.iacgate.rules.encryption.aws_transit_neptune_ssl as neptune
import data.iacgate.rules.encryption.aws_transit_rds_tls12 as rds
import data.iacgate.rules.encryption.aws_transit_ses_tls as ses
import data.iacgate.rules.encryption.aws_transit_transfer_policy as transfer_policy
import data.iacgate.rules.encryption.aws_transit_transfer_protocols as transfer_protocols
import rego.v1

transit_test_pulumi(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "pulumi"})

# --- DAX ---

test_dax_without_endpoint_encryption_fails if {
	some result in dax.deny with input.resource as testing.resource("aws_dax_cluster", {}) with input.related as []
	result.path == ["cluster_endpoint_encryption_type"]
	contains(result.message, "NONE when not set")
}

test_dax_tls_passes if {
	count(dax.deny) == 0 with input.resource as testing.resource("aws_dax_cluster", {"cluster_endpoint_encryption_type": "TLS"})
		with input.related as []
}

test_dax_unknown_is_reported_at_its_path if {
	some result in dax.deny with input.resource as testing.resource("aws_dax_cluster", {"cluster_endpoint_encryption_type": testing.unknown})
		with input.related as []
	result.path == ["cluster_endpoint_encryption_type"]
}

# --- DocumentDB ---

transit_test_docdb(parameters) := testing.resource("aws_docdb_cluster_parameter_group", {"family": "docdb5.0", "parameter": parameters})

test_docdb_disabled_fails_both if {
	group := transit_test_docdb([{"name": "tls", "value": "disabled"}])
	some result in docdb.deny with input.resource as group with input.related as []
	result.path == ["parameter", 0, "value"]
	count(docdb12.deny) == 1 with input.resource as group with input.related as []
}

test_docdb_default_requires_tls_but_not_12 if {
	group := transit_test_docdb([{"name": "audit_logs", "value": "enabled"}])
	count(docdb.deny) == 0 with input.resource as group with input.related as []
	some result in docdb12.deny with input.resource as group with input.related as []
	result.path == []
	contains(result.message, "enabled when not set")
}

test_docdb_tls12_passes_both if {
	group := transit_test_docdb([{"name": "tls", "value": "tls1.2+"}])
	count(docdb.deny) == 0 with input.resource as group with input.related as []
	count(docdb12.deny) == 0 with input.resource as group with input.related as []
}

test_docdb_cloudformation_map_fails if {
	group := testing.resource("aws_docdb_cluster_parameter_group", {"parameters": {"tls": "disabled"}})
	some result in docdb.deny with input.resource as group with input.related as []
	result.path == ["parameters", "tls"]
}

test_docdb_unknown_parameters_are_undetermined if {
	group := testing.resource("aws_docdb_cluster_parameter_group", {"parameter": testing.unknown})
	some result in docdb.deny with input.resource as group with input.related as []
	result.status == "undetermined"
	some other in docdb12.deny with input.resource as group with input.related as []
	other.status == "undetermined"
}

# --- MemoryDB ---

test_memorydb_tls_off_fails if {
	some result in memorydb.deny with input.resource as testing.resource("aws_memorydb_cluster", {"tls_enabled": false})
		with input.related as []
	result.path == ["tls_enabled"]
}

test_memorydb_default_passes if {
	count(memorydb.deny) == 0 with input.resource as testing.resource("aws_memorydb_cluster", {}) with input.related as []
}

test_memorydb_unknown_is_reported_at_its_path if {
	some result in memorydb.deny with input.resource as testing.resource("aws_memorydb_cluster", {"tls_enabled": testing.unknown})
		with input.related as []
	result.path == ["tls_enabled"]
}

# --- CloudSearch ---

test_cloudsearch_without_options_fails_both if {
	domain := testing.resource("aws_cloudsearch_domain", {})
	some result in cloudsearch_https.deny with input.resource as domain with input.related as []
	result.path == ["endpoint_options"]
	count(cloudsearch_tls.deny) == 1 with input.resource as domain with input.related as []
}

test_cloudsearch_pulumi_object_passes if {
	domain := transit_test_pulumi("aws_cloudsearch_domain", {"endpoint_options": {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}})
	count(cloudsearch_https.deny) == 0 with input.resource as domain with input.related as []
	count(cloudsearch_tls.deny) == 0 with input.resource as domain with input.related as []
}

test_cloudsearch_tls10_fails_at_the_policy if {
	domain := testing.resource("aws_cloudsearch_domain", {"endpoint_options": [{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]})
	count(cloudsearch_https.deny) == 0 with input.resource as domain with input.related as []
	some result in cloudsearch_tls.deny with input.resource as domain with input.related as []
	result.path == ["endpoint_options", 0, "tls_security_policy"]
}

test_cloudsearch_unknown_options_outside_a_plan_are_undetermined if {
	domain := transit_test_pulumi("aws_cloudsearch_domain", {"endpoint_options": testing.unknown})
	some result in cloudsearch_https.deny with input.resource as domain with input.related as []
	result.status == "undetermined"
}

# --- SES ---

test_ses_optional_fails if {
	set := testing.resource("aws_sesv2_configuration_set", {"delivery_options": [{"tls_policy": "OPTIONAL"}]})
	some result in ses.deny with input.resource as set with input.related as []
	result.path == ["delivery_options", 0, "tls_policy"]
}

test_ses_v1_require_passes if {
	set := testing.resource("aws_ses_configuration_set", {"delivery_options": [{"tls_policy": "Require"}]})
	count(ses.deny) == 0 with input.resource as set with input.related as []
}

test_ses_without_delivery_options_fails if {
	some result in ses.deny with input.resource as testing.resource("aws_sesv2_configuration_set", {}) with input.related as []
	contains(result.message, "OPTIONAL when not set")
}

# --- Transfer Family ---

test_transfer_ftp_fails_at_the_protocol if {
	server := testing.resource("aws_transfer_server", {"protocols": ["SFTP", "FTP"]})
	some result in transfer_protocols.deny with input.resource as server with input.related as []
	result.path == ["protocols", 1]
}

test_transfer_default_protocols_pass if {
	count(transfer_protocols.deny) == 0 with input.resource as testing.resource("aws_transfer_server", {}) with input.related as []
}

test_transfer_unknown_protocol_is_reported_at_its_path if {
	server := testing.resource("aws_transfer_server", {"protocols": ["SFTP", testing.unknown]})
	some result in transfer_protocols.deny with input.resource as server with input.related as []
	result.path == ["protocols", 1]
}

test_transfer_default_policy_fails if {
	some result in transfer_policy.deny with input.resource as testing.resource("aws_transfer_server", {}) with input.related as []
	contains(result.message, "TransferSecurityPolicy-2018-11 when not set")
}

test_transfer_current_policy_passes if {
	server := testing.resource("aws_transfer_server", {"security_policy_name": "TransferSecurityPolicy-2024-01"})
	count(transfer_policy.deny) == 0 with input.resource as server with input.related as []
}

# --- Load balancer certificates ---

transit_test_iam_arn := "arn:aws:iam::482913057716:server-certificate/legacy"

transit_test_acm_arn := "arn:aws:acm:eu-west-1:482913057716:certificate/0d2b1c4e"

test_listener_with_iam_certificate_fails if {
	listener := testing.resource("aws_lb_listener", {"protocol": "HTTPS", "certificate_arn": transit_test_iam_arn})
	some result in acm.deny with input.resource as listener with input.related as []
	result.path == ["certificate_arn"]
}

test_listener_with_acm_certificate_passes if {
	listener := testing.resource("aws_lb_listener", {"protocol": "HTTPS", "certificate_arn": transit_test_acm_arn})
	count(acm.deny) == 0 with input.resource as listener with input.related as []
}

test_http_listener_is_not_applicable if {
	listener := testing.resource("aws_lb_listener", {"protocol": "HTTP"})
	acm.deny == {{"not_applicable": true}} with input.resource as listener with input.related as []
}

test_unknown_certificate_from_an_iam_certificate_fails_decided if {
	listener := testing.resource("aws_lb_listener", {"certificate_arn": testing.unknown})
	iam := {"direction": "out", "edge": "reference", "attribute": "certificate_arn", "resource": testing.resource("aws_iam_server_certificate", {})}
	some result in acm.deny with input.resource as listener with input.related as [iam]
	result.decided == true
}

test_unknown_certificate_without_a_source_is_undetermined if {
	listener := testing.resource("aws_lb_listener", {"certificate_arn": testing.unknown})
	some result in acm.deny with input.resource as listener with input.related as []
	result.status == "undetermined"
}

test_unknown_certificate_from_acm_passes if {
	listener := testing.resource("aws_lb_listener", {"certificate_arn": testing.unknown})
	cert := {"direction": "out", "edge": "reference", "attribute": "certificate_arn", "resource": testing.resource("aws_acm_certificate", {})}
	count(acm.deny) == 0 with input.resource as listener with input.related as [cert]
}

test_classic_cloudformation_iam_certificate_fails if {
	elb := object.union(testing.resource("aws_elb", {"listeners": [{"protocol": "HTTPS", "ssl_certificate_id": transit_test_iam_arn}]}), {"format": "cloudformation"})
	some result in acm.deny with input.resource as elb with input.related as []
	result.path == ["listeners", 0, "ssl_certificate_id"]
}

# --- RDS and Aurora parameter groups ---

transit_test_db_group(family, parameters) := testing.resource("aws_db_parameter_group", {"family": family, "parameter": parameters})

test_rds_postgres_tls1_fails_at_the_parameter if {
	group := transit_test_db_group("postgres16", [{"name": "ssl_min_protocol_version", "value": "TLSv1"}])
	some result in rds.deny with input.resource as group with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_rds_postgres16_default_passes if {
	count(rds.deny) == 0 with input.resource as transit_test_db_group("postgres16", []) with input.related as []
}

test_rds_postgres11_default_fails if {
	some result in rds.deny with input.resource as transit_test_db_group("postgres11", []) with input.related as []
	result.path == []
}

test_rds_mysql_tls11_in_the_list_fails if {
	group := transit_test_db_group("mysql8.0", [{"name": "tls_version", "value": "TLSv1.1, TLSv1.2"}])
	count(rds.deny) == 1 with input.resource as group with input.related as []
}

test_rds_mysql_modern_list_passes if {
	group := transit_test_db_group("mysql8.0", [{"name": "tls_version", "value": "TLSv1.2,TLSv1.3"}])
	count(rds.deny) == 0 with input.resource as group with input.related as []
}

test_rds_unknown_version_is_reported_at_its_path if {
	group := transit_test_db_group("mysql8.0", [{"name": "tls_version", "value": testing.unknown}])
	some result in rds.deny with input.resource as group with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_rds_sqlserver_tls10_enabled_fails if {
	group := transit_test_db_group("sqlserver-ee-16.0", [{"name": "rds.tls10", "value": "enabled"}])
	count(rds.deny) == 1 with input.resource as group with input.related as []
}

test_rds_oracle_is_not_judged if {
	group := transit_test_db_group("oracle-ee-19", [{"name": "tls_version", "value": "TLSv1"}])
	rds.deny == {{"not_applicable": true}} with input.resource as group with input.related as []
}

test_rds_aurora_instance_group_is_not_judged if {
	group := transit_test_db_group("aurora-mysql5.7", [])
	{"not_applicable": true} in rds.deny with input.resource as group with input.related as []
}

# --- Neptune ---

test_neptune_ssl_off_fails if {
	group := testing.resource("aws_neptune_cluster_parameter_group", {"parameter": [{"name": "neptune_enforce_ssl", "value": "0"}]})
	some result in neptune.deny with input.resource as group with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_neptune_default_passes if {
	group := testing.resource("aws_neptune_cluster_parameter_group", {"parameter": [{"name": "neptune_query_timeout", "value": "120000"}]})
	count(neptune.deny) == 0 with input.resource as group with input.related as []
}

# --- DMS ---

test_dms_database_endpoint_without_ssl_mode_fails if {
	some result in dms.deny with input.resource as testing.resource("aws_dms_endpoint", {"engine_name": "postgres"})
		with input.related as []
	result.path == ["ssl_mode"]
	contains(result.message, "none when not set")
}

test_dms_verify_full_passes if {
	endpoint := testing.resource("aws_dms_endpoint", {"engine_name": "mysql", "ssl_mode": "verify-full"})
	count(dms.deny) == 0 with input.resource as endpoint with input.related as []
}

test_dms_redshift_endpoint_is_not_applicable if {
	dms.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_dms_endpoint", {"engine_name": "redshift"})
		with input.related as []
}

test_dms_s3_endpoint_is_not_applicable if {
	dms.deny == {{"not_applicable": true}} with input.resource as testing.resource("aws_dms_endpoint", {"engine_name": "s3"})
		with input.related as []
}

test_dms_unknown_engine_without_tls_is_undetermined if {
	endpoint := testing.resource("aws_dms_endpoint", {"engine_name": testing.unknown})
	some result in dms.deny with input.resource as endpoint with input.related as []
	result.status == "undetermined"
}
