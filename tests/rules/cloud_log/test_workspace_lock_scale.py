"""LOG-AZMONITOR-006 on a landing zone of 60 Log Analytics workspaces and 25 management locks: the embedded
engine answers with the workspaces no lock covers. It stopped with exit 3 ("a builtin call raised an
error") when every lock was judged against every workspace by walking every edge and an object of every
resource by id at each of those 1,500 pairs."""

from __future__ import annotations

from pathlib import Path

from tests.rules.cloud_log.scale import scan_report

GROUPS = 10
WORKSPACES = 60
LOCKS = 25


def write_landing_zone(directory: Path) -> None:
    """Workspaces spread over ten resource groups; locks on a group (by reference), on a workspace (by
    reference) or on a workspace's literal resource id, in turn; storage accounts in every group."""
    blocks = ['provider "azurerm" {\n  features {}\n}\n']
    for group in range(GROUPS):
        blocks.append(
            f'resource "azurerm_resource_group" "rg{group}" {{\n  name = "rg{group}"\n'
            '  location = "westeurope"\n}\n'
        )
    for number in range(WORKSPACES):
        blocks.append(
            f'resource "azurerm_log_analytics_workspace" "w{number}" {{\n  name = "w{number}"\n'
            '  location = "westeurope"\n'
            f"  resource_group_name = azurerm_resource_group.rg{number % GROUPS}.name\n}}\n"
        )
    for number in range(LOCKS):
        scope = [
            f"azurerm_resource_group.rg{number % GROUPS}.id",
            f"azurerm_log_analytics_workspace.w{number}.id",
            f'"/subscriptions/x/resourceGroups/rg{number % GROUPS}'
            f'/providers/Microsoft.OperationalInsights/workspaces/w{number}"',
        ][number % 3]
        level = "ReadOnly" if number % 4 == 0 else "CanNotDelete"
        blocks.append(
            f'resource "azurerm_management_lock" "l{number}" {{\n  name = "l{number}"\n  scope = {scope}\n'
            f'  lock_level = "{level}"\n}}\n'
        )
    for number in range(200):
        blocks.append(
            f'resource "azurerm_storage_account" "sa{number}" {{\n  name = "sa{number}"\n'
            f"  resource_group_name = azurerm_resource_group.rg{number % GROUPS}.name\n"
            '  location = "westeurope"\n  account_tier = "Standard"\n  account_replication_type = "LRS"\n}\n'
        )
    (directory / "main.tf").write_text("\n".join(blocks), encoding="utf-8")


def test_every_workspace_of_a_large_landing_zone_is_judged_by_the_embedded_engine(tmp_path: Path) -> None:
    write_landing_zone(tmp_path)
    document = scan_report(tmp_path, "LOG-AZMONITOR-006")
    outcomes = {check["resource_id"]: check["outcome"] for check in document["checks"]}
    assert len(outcomes) == WORKSPACES
    # The locks on groups cover every group but rg7 (locks 0, 3, ... 24 are on rg0, rg3, rg6, rg9, rg2, rg5,
    # rg8, rg1, rg4); of rg7's workspaces, lock 7 names w7 by reference and lock 17 names w17 by its id.
    failing = {f"azurerm_log_analytics_workspace.w{number}" for number in (27, 37, 47, 57)}
    assert {resource for resource, outcome in outcomes.items() if outcome == "fail"} == failing
    assert {finding["resource_id"] for finding in document["findings"]} == failing
