# SEC-PULUMI-001: a Pulumi stack encrypts its secrets with a provider the configuration requires.
package iacgate.rules.secrets_and_state.pulumi_secrets_provider

import data.iacgate.lib
import rego.v1

required := object.get(input.settings, "pulumi_secrets_providers", null)

provider := lib.attr("secrets_provider")

# Judged only where iacgate.yaml lists the providers it accepts (settings.pulumi_secrets_providers) and the
# file says which one the stack uses (a stack export or checkpoint; a preview does not).
judged if {
	is_array(required)
	is_string(provider)
}

# A stack file that names no provider (Pulumi.<stack>.yaml without secretsprovider or encryptionsalt):
# which one encrypts the stack's secrets depends on its backend, which the file does not say.
unsaid if {
	is_array(required)
	lib.is_unknown(provider)
}

deny contains {"not_applicable": true} if {
	not judged
	not unsaid
}

deny contains lib.undetermined(["secrets_provider"], msg) if {
	unsaid
	msg := concat("", [
		"Pulumi stack's secrets provider is unknown: ", provider.__unknown__,
		", required one of ", concat(", ", required),
	])
}

accepted if {
	some name in required
	name == provider
}

deny contains lib.violation(["secrets_provider"], msg) if {
	judged
	not accepted
	msg := concat("", [
		"Pulumi stack encrypts its secrets with the ", provider, " secrets provider: secrets_provider is ",
		provider, ", required one of ", concat(", ", required),
	])
}
