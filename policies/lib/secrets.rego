# Helpers of the secrets-and-state pack: whether a credential value is written into the scanned source.
# Every function is prefixed secrets_: regopy 1.5.2 crashes when two packages define functions of one
# name with different arities.
#
# A credential attribute is judged on its value as the source gives it:
# - unknown (a variable without a default, random_password, a secrets-manager or Key Vault data source,
#   a Pulumi secret encrypted in the state): not in the source, so not hard-coded;
# - a CloudFormation dynamic reference to Secrets Manager or SSM SecureString, an App Service Key Vault
#   reference, Pulumi's "[secret]" mask (preview): injected at deployment;
# - any other string or number (a literal, a local, a variable or parameter default, a tfvars value, a
#   Pulumi input stored in plaintext): hard-coded. Even "changeme" is a finding.
package iacgate.lib.secrets

import data.iacgate.lib
import rego.v1

secrets_injected(value) if contains(value, "{{resolve:secretsmanager:")

secrets_injected(value) if contains(value, "{{resolve:ssm-secure:")

secrets_injected(value) if startswith(value, "@Microsoft.KeyVault(")

secrets_injected(value) if {
	input.resource.format == "pulumi"
	value == "[secret]"
}

# A Pulumi secret exported with --show-secrets: the value is in clear in the export, but the stack keeps it
# encrypted, so it is not a credential stored in plaintext.
secrets_pulumi_secret(name) if {
	input.resource.format == "pulumi"
	name in object.get(input.resource.attributes, "__pulumi_secrets__", [])
}

# The same for the value at a finding's path (["user", 0, "password"]), as the Pulumi parser records it
# ("user[0].password").
secrets_pulumi_secret_at(path) if secrets_pulumi_secret(secrets_path_text(path))

secrets_path_text(path) := concat("", [part |
	some i
	element := path[i]
	part := secrets_path_part(i, element)
])

secrets_path_part(_, element) := text if {
	is_number(element)
	index := format_int(element, 10)
	text := concat("", ["[", index, "]"])
}

secrets_path_part(i, element) := element if {
	is_string(element)
	i == 0
}

secrets_path_part(i, element) := concat("", [".", element]) if {
	is_string(element)
	i > 0
}

# A credential value written into the source (see above).
secrets_literal(value) if {
	is_string(value)
	value != ""
	not secrets_injected(value)
}

secrets_literal(value) if is_number(value)

# A CloudFormation dynamic reference is unknown until deployment (the parser says which service answers
# it): one to a plain SSM parameter keeps the credential unencrypted, so it counts as written in the
# configuration, as its text did.
secrets_literal(value) if {
	lib.is_unknown(value)
	startswith(value.__unknown__, "dynamic reference {{resolve:ssm:")
}

# Where a hard-coded value came from, as the message says it.
secrets_origin := "stored in plaintext in the stack state" if {
	input.resource.format == "pulumi"
} else := "written in the configuration"

# The message of a hard-coded credential attribute: never the value, only the attribute.
secrets_hardcoded_message(what, name) := concat("", [
	what, " is hard-coded: ", name, " is a literal ", secrets_origin,
	", required a value injected at deployment from a secrets manager",
])

# Whether a credential attribute holds anything to judge (set, or unknown until deployment).
secrets_present(value) if lib.is_set(value)

# A snake_case name that says it holds a secret (db_password, api_token, client_secret, app_secrets); names that only
# speak about a secret (its ARN, id, name, length, rotation, KMS key, whether to create one) do not.
secrets_secret_word := `(^|_)(password|passwd|passphrase|secret|token|api_?key|apikey|private_?key|access_?key|secret_?key|client_?secret|auth_?token|connection_?string|conn_?str|sas_?token|credential)s?($|_)`

secrets_meta_word := `(^|_)(arn|arns|id|ids|name|names|length|ttl|enabled|enable|version|versions|kms|prefix|path|paths|rotation|rotate|type|types|count|days|policy|special|min|max|override|create|manage|managed|use|is|generate|recovery|expiration|expiry|duration|secret_?string_?version|file|filename|location|uri|url|parameter|parameters|store|vault|resource|engine)($|_)`

secrets_secret_name(name) if {
	snake := lower(name)
	regex.match(secrets_secret_word, snake)
	not regex.match(secrets_meta_word, snake)
}

# Plans: a plan holds resolved values, so whether a credential attribute is hard-coded is read from the plan's
# configuration (engine/iacgate/parsers/tfplan_origins.py): "literal" (a constant, or a variable whose value
# is its declared default), "injected" (read from other objects, or a variable given from outside), or
# "unresolved" (a local or a function call, which a plan does not record). Without a configuration there is
# no origin: the plan cannot tell, and the answer is undetermined.
secrets_plan if input.resource.format == "terraform-plan"

secrets_plan_origins := object.get(input.resource.attributes, "__plan_origins__", {})

secrets_plan_origin(name) := object.get(secrets_plan_origins, name, "none")

# Set in the plan's values, or written in its configuration (a plan that masks the value keeps its origin).
secrets_plan_present(name) if secrets_present(object.get(input.resource.attributes, name, null))

secrets_plan_present(name) if secrets_plan_origins[name]

secrets_plan_undetermined_message(what, name) := concat("", [
	what, ": the plan cannot tell whether ", name, " is hard-coded (",
	secrets_plan_reason[secrets_plan_origin(name)],
	"), required a value injected at deployment from a secrets manager",
])

secrets_plan_reason := {
	"unresolved": "its configuration computes it from a local or a function, which a plan does not record",
	"none": "the plan has no configuration for it",
}

# Credentials at attribute paths through nested blocks: each path a list of names (["password"],
# ["os_profile", "admin_password"], ["advanced_security_options", "master_user_options",
# "master_user_password"]). The result holds one entry per value found, {"name": the names joined with
# dots (as plans' origins are keyed), "path": the finding's path, "value"}: a block Terraform writes as a
# list is indexed in the path ([name, 0, setting]); a block written as one object (Pulumi, CloudFormation)
# is not; a whole block unknown until apply is one unknown value at the block's path.
secrets_credentials(paths) := {entry |
	some names in paths
	some entry in secrets_at(names)
}

secrets_at(names) := {{"name": names[0], "path": names, "value": value}} if {
	count(names) == 1
	value := lib.attr(names[0])
}

secrets_at(names) := {entry |
	raw := lib.attr(names[0])
	some step in secrets_children(raw, [names[0]], names[1])
	name := concat(".", names)
	entry := {"name": name, "path": step[0], "value": step[1]}
} if count(names) == 2

secrets_at(names) := {entry |
	raw := lib.attr(names[0])
	some middle in secrets_children(raw, [names[0]], names[1])
	some step in secrets_children(middle[1], middle[0], names[2])
	name := concat(".", names)
	entry := {"name": name, "path": step[0], "value": step[1]}
} if count(names) == 3

# [path, value] of the setting `name` of each block in `raw` (a list of blocks, one object, or unknown).
secrets_children(raw, prefix, name) := {[path, value] |
	is_array(raw)
	some i
	block := raw[i]
	is_object(block)
	not lib.is_unknown(block)
	value := object.get(block, name, null)
	path := array.concat(prefix, [i, name])
} if is_array(raw)

else := {[path, value] |
	value := object.get(raw, name, null)
	path := array.concat(prefix, [name])
} if {
	is_object(raw)
	not lib.is_unknown(raw)
}

else := {[prefix, raw]} if lib.is_unknown(raw)

else := set()

# Plans: the credentials to judge, {"name", "path"}: those the plan's values hold, and those its
# configuration writes although the plan masks or omits the value (named at the attribute path).
secrets_plan_entries(paths, found) := {{"name": entry.name, "path": entry.path} |
	some entry in found
	secrets_reached(entry)
	secrets_present(entry.value)
} | {{"name": name, "path": names} |
	some names in paths
	name := concat(".", names)
	secrets_plan_origins[name]
	not secrets_plan_found(found, name)
}

secrets_plan_found(found, name) if {
	some entry in found
	entry.name == name
	secrets_reached(entry)
	secrets_present(entry.value)
}

# An entry at the credential attribute itself, not a whole block unknown until apply (a plan leaves a block
# the provider computes unknown: no credential is written there).
secrets_reached(entry) if {
	names := split(entry.name, ".")
	entry.path[count(entry.path) - 1] == names[count(names) - 1]
}

# Plans: whether the resource holds a credential the rule judges (in its values or its configuration).
secrets_plan_has_credential(paths, found) if count(secrets_plan_entries(paths, found)) > 0
