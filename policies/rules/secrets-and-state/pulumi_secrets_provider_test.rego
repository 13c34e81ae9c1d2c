package iacgate.rules.secrets_and_state.pulumi_secrets_provider_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.pulumi_secrets_provider as rule
import rego.v1

stack(provider) := object.union(
	testing.resource("pulumi_secrets_provider", {"secrets_provider": provider}),
	{"format": "pulumi", "provider": "pulumi"},
)

test_passphrase_fails_where_kms_is_required if {
	some result in rule.deny with input.resource as stack("passphrase")
		with input.related as []
		with input.settings as {"pulumi_secrets_providers": ["awskms", "azurekeyvault", "gcpkms"]}
	result.path == ["secrets_provider"]
	contains(result.message, "secrets_provider is passphrase, required one of awskms, azurekeyvault, gcpkms")
}

test_kms_passes if {
	rule.deny == set() with input.resource as stack("awskms")
		with input.related as []
		with input.settings as {"pulumi_secrets_providers": ["awskms"]}
}

test_not_judged_without_configuration if {
	rule.deny == {{"not_applicable": true}} with input.resource as stack("passphrase")
		with input.related as []
		with input.settings as {}
}

test_preview_is_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as object.union(
		testing.resource("pulumi_secrets_provider", {}),
		{"format": "pulumi"},
	)
		with input.related as []
		with input.settings as {"pulumi_secrets_providers": ["awskms"]}
}

# A stack file (Pulumi.<stack>.yaml) that names no provider: the backend decides, which it does not say.
test_a_stack_file_naming_no_provider_is_undetermined if {
	some result in rule.deny with input.resource as stack({"__unknown__": "the stack file names no secrets provider"})
		with input.related as []
		with input.settings as {"pulumi_secrets_providers": ["awskms"]}
	result.status == "undetermined"
	result.path == ["secrets_provider"]
	result.message == "Pulumi stack's secrets provider is unknown: the stack file names no secrets provider, required one of awskms"
}

test_a_stack_file_naming_no_provider_is_not_judged_without_configuration if {
	rule.deny == {{"not_applicable": true}} with input.resource as stack({"__unknown__": "unsaid"})
		with input.related as []
		with input.settings as {}
}
