"""#15 §3: TLS versions are compared after Terraform's type conversion, through the library API."""

from __future__ import annotations

from iacgate.api import ScanSettings, scan
from parsers.terraform.support import FIXTURES

TLS = FIXTURES / "tls_number"


def test_a_numeric_minimum_tls_version_is_judged_as_its_string() -> None:
    result = scan(ScanSettings(paths=(TLS,), root=TLS, only_rules=("ENC-AZAPP-002", "ENC-AZSQL-001")))
    found = {(finding.rule_id, finding.resource_id, finding.status) for finding in result.findings}
    assert found == {
        ("ENC-AZAPP-002", "azurerm_linux_web_app.fail_numeric_tls11", "fail"),
        ("ENC-AZSQL-001", "azurerm_mssql_server.fail_numeric_tls10", "fail"),
    }
