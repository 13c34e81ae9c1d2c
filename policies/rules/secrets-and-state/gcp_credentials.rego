# SEC-CRED-003: Cloud SQL user and root passwords are not hard-coded.
package iacgate.rules.secrets_and_state.gcp_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

credentials := {
	"google_sql_user": ["password"],
	"google_sql_database_instance": ["root_password"],
}

what := {
	"google_sql_user": "Cloud SQL user password",
	"google_sql_database_instance": "Cloud SQL root password",
}

names := object.get(credentials, lib.resource.type, [])

has_credential if {
	some name in names
	secrets.secrets_present(lib.attr(name))
}

# A plan holds resolved values: a password read from Secret Manager looks like a literal there.
plan if lib.resource.format == "terraform-plan"

deny contains {"not_applicable": true} if plan

# Nothing to judge: IAM users (no password), an instance without a root password.
deny contains {"not_applicable": true} if {
	not plan
	not has_credential
}

deny contains lib.violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
	not plan
	some name in names
	secrets.secrets_literal(lib.attr(name))
	not secrets.secrets_pulumi_secret(name)
}
