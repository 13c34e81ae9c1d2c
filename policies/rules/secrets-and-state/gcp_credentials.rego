# SEC-CRED-003: Cloud SQL user and root passwords are not hard-coded.
package iacgate.rules.secrets_and_state.gcp_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# With the write-only password_wo (Google provider 6.x): kept out of the state, but a literal is in the code.
credentials := {
	"google_sql_user": ["password", "password_wo"],
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

has_credential if {
	plan
	some name in names
	secrets.secrets_plan_present(name)
}

# A plan holds resolved values: a password read from a secrets manager looks like a literal there, so
# plans are judged on where the configuration takes the value from (lib.secrets.secrets_plan_origin).
plan if lib.resource.format == "terraform-plan"

# Nothing to judge: IAM users (no password), an instance without a root password.
deny contains {"not_applicable": true} if {
	not has_credential
}

deny contains lib.violation([name], secrets.secrets_hardcoded_message(what[lib.resource.type], name)) if {
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
