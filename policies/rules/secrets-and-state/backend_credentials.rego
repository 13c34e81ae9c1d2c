# SEC-STATE-008: no credential is written inside a backend block.
package iacgate.rules.secrets_and_state.backend_credentials

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# Backend arguments that hold a credential by the backends' documentation (s3, azurerm, gcs, http, pg,
# consul, cos, oss, kubernetes...). gcs credentials is a file path unless it holds the key itself (JSON).
# A root without a backend block has no backend arguments to judge (SEC-STATE-006 judges its local state).
deny contains {"not_applicable": true} if not lib.is_true(lib.attr("declared"))

credential_arguments := {
	"access_key", "secret_key", "token", "sas_token", "client_secret", "client_certificate_password",
	"password", "access_token", "encryption_key", "secret_id", "ecs_role_name_secret",
}

deny contains lib.violation([name], msg) if {
	some name in credential_arguments
	secrets.secrets_literal(lib.attr(name))
	msg := concat("", [
		"state backend ", lib.attr("backend"), " has a credential written in the configuration: ", name,
		" is a literal, required credentials from the environment or a credential helper",
	])
}

deny contains lib.violation(["credentials"], msg) if {
	value := lib.attr("credentials")
	is_string(value)
	startswith(trim_space(value), "{")
	msg := concat("", [
		"state backend ", lib.attr("backend"), " has a service account key written in the configuration: ",
		"credentials is a literal key, required credentials from the environment",
	])
}

# A connection string with a password in it (pg conn_str "postgres://user:password@host/db").
deny contains lib.violation(["conn_str"], msg) if {
	value := lib.attr("conn_str")
	is_string(value)
	regex.match(`://[^/@:\s]+:[^/@\s]+@`, value)
	msg := concat("", [
		"state backend ", lib.attr("backend"), " has a password written in the configuration: ",
		"conn_str holds a password, required the password from PGPASSWORD or a credential helper",
	])
}
