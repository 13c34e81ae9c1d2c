"""LOG-AZMONITOR-002 on a graph with a few hundred subscription diagnostic settings: the embedded engine
answers (it stopped with "a builtin call raised an error", exit 3, when the settings of a subscription were
grouped per setting rather than once for the graph)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.rules.cloud_log.scale import scan_report

WORKSPACE = "/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/audit"


def write_settings(directory: Path, subscriptions: int) -> None:
    """Two settings per subscription, each sending half of the categories: an azurerm one and an azapi one
    (every other subscription) or two azurerm ones."""
    blocks = []
    for number in range(subscriptions):
        target = f"/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-{number:012d}"
        blocks.append(
            f'resource "azurerm_monitor_diagnostic_setting" "pass_first_{number}" {{\n'
            f'  name = "first-{number}"\n'
            f'  target_resource_id = "{target}"\n'
            f'  log_analytics_workspace_id = "{WORKSPACE}"\n'
            '  enabled_log {\n    category = "Administrative"\n  }\n'
            '  enabled_log {\n    category = "Security"\n  }\n'
            "}\n"
        )
        if number % 2:
            blocks.append(
                f'resource "azapi_resource" "pass_second_{number}" {{\n'
                '  type = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"\n'
                f'  name = "second-{number}"\n'
                f'  parent_id = "{target}"\n'
                f'  body = {{ properties = {{ workspaceId = "{WORKSPACE}", logs = ['
                '{ category = "Policy", enabled = true }, { category = "Alert", enabled = true }] } }\n'
                "}\n"
            )
        else:
            blocks.append(
                f'resource "azurerm_monitor_diagnostic_setting" "pass_second_{number}" {{\n'
                f'  name = "second-{number}"\n'
                f'  target_resource_id = "{target}"\n'
                f'  log_analytics_workspace_id = "{WORKSPACE}"\n'
                '  enabled_log {\n    category = "Policy"\n  }\n'
                '  enabled_log {\n    category = "Alert"\n  }\n'
                "}\n"
            )
    (directory / "main.tf").write_text("\n".join(blocks), encoding="utf-8")


def test_a_few_hundred_subscription_settings_are_judged_by_the_embedded_engine(tmp_path: Path) -> None:
    write_settings(tmp_path, 150)
    command = [sys.executable, "-m", "iacgate", "scan", str(tmp_path), "--rule", "LOG-AZMONITOR-002"]
    completed = subprocess.run(
        [*command, "--engine", "embedded", "--format", "text"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert "builtin call raised an error" not in output
    assert completed.returncode == 0, output
    assert "0 failed, 0 undetermined" in output


VAULTS = 1000


def write_vault_settings(directory: Path) -> None:
    """A diagnostic setting on each of a thousand key vaults, and one on the subscription (through the
    azurerm_subscription data source) that leaves out Policy and Alert."""
    blocks = [
        'data "azurerm_subscription" "current" {}\n',
        'resource "azurerm_monitor_diagnostic_setting" "subscription" {\n  name = "subscription"\n'
        "  target_resource_id = data.azurerm_subscription.current.id\n"
        f'  log_analytics_workspace_id = "{WORKSPACE}"\n'
        '  enabled_log {\n    category = "Administrative"\n  }\n'
        '  enabled_log {\n    category = "Security"\n  }\n}\n',
    ]
    for number in range(VAULTS):
        blocks.append(
            f'resource "azurerm_key_vault" "kv{number}" {{\n  name = "kv{number}"\n'
            '  location = "westeurope"\n  resource_group_name = "rg"\n'
            '  tenant_id = "00000000-0000-0000-0000-000000000000"\n  sku_name = "standard"\n}\n'
        )
        blocks.append(
            f'resource "azurerm_monitor_diagnostic_setting" "kv{number}" {{\n  name = "kv{number}"\n'
            f"  target_resource_id = azurerm_key_vault.kv{number}.id\n"
            f'  log_analytics_workspace_id = "{WORKSPACE}"\n'
            '  enabled_log {\n    category = "AuditEvent"\n  }\n}\n'
        )
    (directory / "main.tf").write_text("\n".join(blocks), encoding="utf-8")


def test_a_thousand_settings_of_other_resources_leave_the_subscription_judged(tmp_path: Path) -> None:
    """It stopped the scan with exit 3 after about 40 s: each setting's target was looked up among every
    edge of the graph, and each setting's findings were a set of a thousand results."""
    write_vault_settings(tmp_path)
    document = scan_report(tmp_path, "LOG-AZMONITOR-002")
    # The vaults' settings are not applicable: no check at all. The subscription's fails.
    assert [(check["resource_id"], check["outcome"]) for check in document["checks"]] == [
        ("azurerm_monitor_diagnostic_setting.subscription", "fail")
    ]
    (finding,) = document["findings"]
    assert "leave out Policy, Alert" in finding["message"]
