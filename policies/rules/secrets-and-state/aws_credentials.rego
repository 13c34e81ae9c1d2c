# SEC-CRED-001: AWS database, cache, broker and directory credentials are not hard-coded.
package iacgate.rules.secrets_and_state.aws_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Credential attributes by their provider schema (paths through nested blocks), with the write-only
# variants (password_wo, AWS provider 5.88+: kept out of the state, but a literal is still in the code), and
# the setting that has the service manage the secret.
credentials := {
	"aws_db_instance": [["password"], ["password_wo"]],
	"aws_rds_cluster": [["master_password"], ["master_password_wo"]],
	"aws_docdb_cluster": [["master_password"], ["master_password_wo"]],
	"aws_docdb_elastic_cluster": [["admin_user_password"]],
	"aws_redshift_cluster": [["master_password"], ["master_password_wo"]],
	"aws_redshiftserverless_namespace": [["admin_user_password"]],
	"aws_elasticache_replication_group": [["auth_token"]],
	"aws_dms_endpoint": [["password"]],
	"aws_directory_service_directory": [["password"]],
	"aws_mq_broker": [["user", "password"], ["users", "password"]],
	"aws_opensearch_domain": [["advanced_security_options", "master_user_options", "master_user_password"]],
	"aws_elasticsearch_domain": [["advanced_security_options", "master_user_options", "master_user_password"]],
}

managed_flag := {
	"aws_db_instance": "manage_master_user_password",
	"aws_rds_cluster": "manage_master_user_password",
	"aws_redshift_cluster": "manage_master_password",
	"aws_redshiftserverless_namespace": "manage_admin_password",
}

# Said without the bare attribute name: a template's finding renders "password" as the property's name.
what := {
	"aws_db_instance": "database master credential",
	"aws_rds_cluster": "database cluster master password",
	"aws_docdb_cluster": "DocumentDB master password",
	"aws_docdb_elastic_cluster": "DocumentDB elastic cluster administrator password",
	"aws_redshift_cluster": "Redshift master password",
	"aws_redshiftserverless_namespace": "Redshift Serverless administrator password",
	"aws_elasticache_replication_group": "Redis AUTH token",
	"aws_dms_endpoint": "DMS endpoint database credential",
	"aws_directory_service_directory": "directory administrator credential",
	"aws_mq_broker": "MQ broker user credential",
	"aws_opensearch_domain": "OpenSearch master user password",
	"aws_elasticsearch_domain": "Elasticsearch master user password",
}

paths := object.get(credentials, lib.resource.type, [])

found := secrets.secrets_credentials(paths)

managed if lib.is_true(lib.attr(object.get(managed_flag, lib.resource.type, "")))

has_credential if {
	not plan
	some entry in found
	secrets.secrets_present(entry.value)
}

has_credential if {
	plan
	secrets.secrets_plan_has_credential(paths, found)
}

# A plan holds resolved values: a password read from a secrets manager looks like a literal there, so
# plans are judged on where the configuration takes the value from (lib.secrets.secrets_plan_origin).
plan if lib.resource.format == "terraform-plan"

# Nothing to judge: no credential in the resource (restored from a snapshot, AUTH off) and no managed one.
deny contains {"not_applicable": true} if {
	not has_credential
	not managed
}

# Decided: a plain SSM dynamic reference is unknown until deployment, but where it comes from is known.
deny contains lib.decided_violation(entry.path, secrets.secrets_hardcoded_message(what[lib.resource.type], entry.name)) if {
	not plan
	some entry in found
	secrets.secrets_literal(entry.value)
	not secrets.secrets_pulumi_secret_at(entry.path)
}

deny contains lib.violation(path, secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	plan
	some entry in secrets.secrets_plan_entries(paths, found)
	secrets.secrets_plan_origin(entry.name) == "literal"
	name := entry.name
	path := entry.path
}

deny contains lib.undetermined(path, secrets.secrets_plan_undetermined_message(what[lib.resource.type], name)) if {
	plan
	some entry in secrets.secrets_plan_entries(paths, found)
	not secrets.secrets_plan_origin(entry.name) in {"literal", "injected"}
	name := entry.name
	path := entry.path
}
