# SEC-CRED-001: AWS database and cache credentials are not hard-coded.
package iacgate.rules.secrets_and_state.aws_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Credential attributes by their provider schema, and the setting that has the service manage the secret.
credentials := {
	"aws_db_instance": ["password"],
	"aws_rds_cluster": ["master_password"],
	"aws_docdb_cluster": ["master_password"],
	"aws_redshift_cluster": ["master_password"],
	"aws_elasticache_replication_group": ["auth_token"],
}

managed_flag := {
	"aws_db_instance": "manage_master_user_password",
	"aws_rds_cluster": "manage_master_user_password",
	"aws_redshift_cluster": "manage_master_password",
}

what := {
	"aws_db_instance": "database master password",
	"aws_rds_cluster": "database cluster master password",
	"aws_docdb_cluster": "DocumentDB master password",
	"aws_redshift_cluster": "Redshift master password",
	"aws_elasticache_replication_group": "Redis AUTH token",
}

names := object.get(credentials, lib.resource.type, [])

managed if lib.is_true(lib.attr(object.get(managed_flag, lib.resource.type, "")))

has_credential if {
	some name in names
	secrets.secrets_present(lib.attr(name))
}

has_credential if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
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
deny contains lib.decided_violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	not plan
	some name in names
	secrets.secrets_literal(lib.attr(name))
	not secrets.secrets_pulumi_secret(name)
}

deny contains lib.violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
	secrets.secrets_plan_origin(name) == "literal"
}

deny contains lib.undetermined([name], secrets.secrets_plan_undetermined_message(what[lib.resource.type], name)) if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
	not secrets.secrets_plan_origin(name) in {"literal", "injected"}
}
