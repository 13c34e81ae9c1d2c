"""Which neighbour types reach a policy: every type a policy names, in every provider it names them for."""

from __future__ import annotations

from iacgate.evaluate.results import related_types


def test_types_named_in_policies_are_sent() -> None:
    source = 'x := lib.referrers_via("azurerm_monitor_diagnostic_setting", "target_resource_id")'
    assert related_types([source]) == frozenset({"azurerm_monitor_diagnostic_setting"})


def test_azapi_resources_are_sent_when_a_policy_names_them() -> None:
    # An azapi_resource diagnostic setting (parent_id = a Key Vault) must reach the vault's rule.
    source = 'lib.referrers_via("azapi_resource", "parent_id")'
    assert "azapi_resource" in related_types([source])


def test_other_strings_are_not_types() -> None:
    assert related_types(['msg := "kube-audit"', 'x := "allServices"']) == frozenset()
