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

deny contains {"not_applicable": true} if not judged

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
