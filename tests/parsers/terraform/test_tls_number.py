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
        ("ENC-AZAPP-002", "azurerm_windows_function_app.fail_numeric_scm_tls10", "fail"),
        ("ENC-AZAPP-002", "azapi_resource.fail_numeric_azapi_tls11", "fail"),
        ("ENC-AZSQL-001", "azurerm_mssql_server.fail_numeric_tls10", "fail"),
    }


def test_every_azure_tls_rule_converts_numbers_as_terraform_does() -> None:
    """1.0 and 1.1 written unquoted fail every Azure rule that reads a "1.x" minimum version; 1.2 passes."""
    rules = ("ENC-AZSLOT-002", "ENC-AZREDIS-001", "ENC-AZEH-001", "ENC-AZSB-001")
    result = scan(ScanSettings(paths=(TLS,), root=TLS, only_rules=rules))
    found = {(finding.rule_id, finding.resource_id, finding.status) for finding in result.findings}
    assert found == {
        ("ENC-AZSLOT-002", "azurerm_linux_web_app_slot.fail_numeric_slot_tls11", "fail"),
        ("ENC-AZREDIS-001", "azurerm_redis_cache.fail_numeric_redis_tls10", "fail"),
        ("ENC-AZEH-001", "azurerm_eventhub_namespace.fail_numeric_eventhub_tls11", "fail"),
        ("ENC-AZSB-001", "azurerm_servicebus_namespace.fail_numeric_servicebus_tls10", "fail"),
    }
