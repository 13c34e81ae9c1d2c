package iacgate.rules.residency.backup_copies_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.backup_copies
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

plan(arn) := {"rule": [{"rule_name": "daily", "copy_action": [{"destination_vault_arn": arn}]}]}

test_copy_to_allowed_region_passes if {
	count(backup_copies.deny) == 0 with input.resource as testing.resource("aws_backup_plan", plan("arn:aws:backup:eu-central-1:1:backup-vault:dr"))
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_copy_elsewhere_fails_on_the_copy_action if {
	some result in backup_copies.deny with input.resource as testing.resource("aws_backup_plan", plan("arn:aws:backup:us-east-1:1:backup-vault:dr"))
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["rule", 0, "copy_action", 0]
}

test_copy_to_unknown_vault_is_a_finding if {
	count(backup_copies.deny) == 1 with input.resource as testing.resource("aws_backup_plan", plan(testing.unknown))
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}
