"""Azure Database for MySQL single server (retired 2024-09-16) and Azure Database for PostgreSQL single server
(retired 2025-03-28) can no longer be created: a rule that judges them must not remedy a finding by asking
for a new single server, nor for a setting that can only be chosen when one is created."""

from __future__ import annotations

import pytest

from iacgate.packs import load_packs

RETIRED = ("azurerm_mysql_server", "azurerm_postgresql_server")
RULES = {rule.id: rule for rule in load_packs(("encryption",)).rules}


@pytest.mark.parametrize("rule_id", ["ENC-AZDB-002", "ENC-AZDB-003"])
def test_remediation_does_not_create_a_retired_single_server(rule_id: str) -> None:
    remediation = RULES[rule_id].remediation
    example = remediation.terraform or ""
    assert not [name for name in RETIRED if f'resource "{name}"' in example], example
    assert "when creating the server" not in remediation.text
