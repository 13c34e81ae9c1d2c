# SEC-STATE-014: a terraform_remote_state data source reads the state over an encrypted, authenticated backend.
package iacgate.rules.secrets_and_state.remote_state_backend

import data.iacgate.lib
import data.iacgate.lib.secrets
import rego.v1

# The data source's own arguments: backend (the kind) and config (the backend's settings, an object).
kind := lib.attr("backend")

config := lib.attr("config")

known_config if {
	is_object(config)
	not lib.is_unknown(config)
}

setting(name) := object.get(config, name, null) if known_config

who := concat("", ["remote state ", lib.resource.id])

# The kind or the whole config decided at apply time: nothing to judge yet.
deny contains lib.undetermined(["backend"], concat("", [who, ": the backend is unknown until apply"])) if {
	lib.is_unknown(kind)
}

deny contains lib.undetermined(["config"], concat("", [who, ": the backend config is unknown until apply"])) if {
	is_string(kind)
	lib.is_unknown(config)
}

# A value the plan or source cannot tell yet (a variable without a value) makes the answer undetermined.
unknown_setting(name) if lib.is_unknown(setting(name))

deny contains lib.undetermined(["config", name], msg) if {
	some name in judged_settings[kind]
	unknown_setting(name)
	msg := concat("", [who, ": config.", name, " is unknown until apply"])
}

judged_settings := {
	"http": ["address", "skip_cert_verification"],
	"s3": ["endpoint", "endpoints", "insecure"],
	"azurerm": ["use_azuread_auth"],
	"consul": ["address", "scheme"],
	"pg": ["conn_str"],
}

clear_url(value) if {
	is_string(value)
	startswith(lower(trim_space(value)), "http://")
}

# http: the state travels over plain HTTP, or the server certificate is not verified.
deny contains lib.violation(["config", "address"], msg) if {
	kind == "http"
	clear_url(setting("address"))
	msg := concat("", [who, " reads the state in clear: backend http config.address is an http:// URL, required https://"])
}

deny contains lib.violation(["config", "skip_cert_verification"], msg) if {
	kind == "http"
	lib.is_true(setting("skip_cert_verification"))
	msg := concat("", [
		who, " reads the state without verifying the server: backend http config.skip_cert_verification is true,",
		" required false",
	])
}

# s3: HTTPS unless an endpoint is written as an http:// URL (endpoint, or endpoints.s3 since Terraform 1.6).
deny contains lib.violation(["config", "endpoint"], msg) if {
	kind == "s3"
	clear_url(setting("endpoint"))
	msg := concat("", [who, " reads the state in clear: backend s3 config.endpoint is an http:// URL, required https://"])
}

deny contains lib.violation(["config", "endpoints"], msg) if {
	kind == "s3"
	endpoints := setting("endpoints")
	is_object(endpoints)
	clear_url(object.get(endpoints, "s3", null))
	msg := concat("", [who, " reads the state in clear: backend s3 config.endpoints.s3 is an http:// URL, required https://"])
}

# s3: insecure = true accepts any server certificate.
deny contains lib.violation(["config", "insecure"], msg) if {
	kind == "s3"
	lib.is_true(setting("insecure"))
	msg := concat("", [who, " reads the state without verifying the server: backend s3 config.insecure is true, required false"])
}

# azurerm: Entra ID, not the storage account's shared key (as SEC-STATE-004 asks of the backend itself).
deny contains lib.violation(["config", "use_azuread_auth"], msg) if {
	kind == "azurerm"
	known_config
	not unknown_setting("use_azuread_auth")
	not lib.is_true(setting("use_azuread_auth"))
	msg := concat("", [
		who, " reads the state with the storage account key: backend azurerm config.use_azuread_auth is ",
		lib.show(setting("use_azuread_auth")), ", required true",
	])
}

# local: a state file on disk, with neither encryption nor access control of its own.
deny contains lib.violation(["backend"], msg) if {
	kind == "local"
	msg := concat("", [
		who, " reads a local state file: backend local keeps the state unencrypted with no access control,",
		" required a remote backend with encryption and access control",
	])
}

# consul: plain HTTP when scheme is http or the address says so; with neither, CONSUL_HTTP_SSL decides.
deny contains lib.violation(["config", "scheme"], msg) if {
	kind == "consul"
	scheme := setting("scheme")
	is_string(scheme)
	lower(scheme) == "http"
	msg := concat("", [who, " reads the state in clear: backend consul config.scheme is http, required https"])
}

deny contains lib.violation(["config", "address"], msg) if {
	kind == "consul"
	clear_url(setting("address"))
	msg := concat("", [who, " reads the state in clear: backend consul config.address is an http:// URL, required https://"])
}

deny contains lib.undetermined(["config", "scheme"], msg) if {
	kind == "consul"
	known_config
	not lib.is_set(setting("scheme"))
	address := setting("address")
	not clear_url(address)
	not startswith(lower(sprintf("%v", [address])), "https://")
	msg := concat("", [
		who, ": backend consul config.scheme is not set, so the environment (CONSUL_HTTP_SSL) decides",
		" whether the state travels over HTTPS; required scheme = \"https\"",
	])
}

# pg: a connection string that turns TLS off.
deny contains lib.violation(["config", "conn_str"], msg) if {
	kind == "pg"
	value := setting("conn_str")
	is_string(value)
	contains(lower(value), "sslmode=disable")
	msg := concat("", [who, " reads the state in clear: backend pg config.conn_str sets sslmode=disable, required TLS"])
}

# Any backend: a credential written into the data source's config (never shown).
credential_settings := {
	"access_key", "secret_key", "token", "sas_token", "client_secret", "client_certificate_password",
	"password", "access_token", "encryption_key", "secret_id",
}

deny contains lib.violation(["config", name], msg) if {
	some name in credential_settings
	secrets.secrets_literal(setting(name))
	msg := concat("", [
		who, " has a credential written in the configuration: config.", name,
		" is a literal, required credentials from the environment or a credential helper",
	])
}

deny contains lib.violation(["config", "conn_str"], msg) if {
	value := setting("conn_str")
	is_string(value)
	regex.match(`://[^/@:\s]+:[^/@\s]+@`, value)
	msg := concat("", [
		who, " has a password written in the configuration: config.conn_str holds a password,",
		" required the password from PGPASSWORD or a credential helper",
	])
}
