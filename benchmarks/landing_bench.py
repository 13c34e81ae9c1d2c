"""Landing-zone rows of ``run.py``: the whole-graph rules at the scale of a cloud estate.

The bench's other inputs are AWS resources judged one at a time. A GCP or Azure landing zone also runs the
whole-graph audit rules (LOG-GCPAUDIT-002/003, LOG-AZMONITOR-002/006, LOG-AZNETWORK-001), whose cost grows
with the estate, not with one resource: a 30-project GCP zone and a thousand Azure diagnostic settings
each stopped the scan with exit 3 (the rego engine gave up) before those rules were rewritten. Two
generated Terraform configurations, scanned warm with every rule and every query evaluated:

- gcp-landing: 300 projects (by folder reference, literal organization and literal folder in turn) in 30
  folders with folder audit configurations, an organization configuration, a project configuration on
  every fourth project, and 10 Pub/Sub topics a project (3,400 resources);
- azure-landing: a diagnostic setting on each of 1,000 key vaults, the subscription's settings, 60 Log
  Analytics workspaces with 25 management locks in 10 resource groups, and 300 network security groups,
  each attached to a subnet and a network interface, in 30 virtual networks with flow logs
  (LOG-AZNETWORK-001; 3,660 resources).

Floor: the HCL warm floor per resource (2 s a thousand: ``EXTRA_FLOORS["terraform-warm"]``), so that no
whole-graph rule may cost more than the rest of the scan grows.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

SECONDS_PER_THOUSAND = 2.0
MEMORY_FLOOR_MB = 300.0

Measure = Callable[..., Any]  # run.measure(tool, command, path, resources, repeat, timeout, env)
Command = Callable[[Path], list[str]]


def gcp_landing(projects: int = 300, topics: int = 10, folders: int = 30) -> tuple[str, int]:
    blocks = ['provider "google" {\n  project = "acme-prod"\n  region  = "europe-west1"\n}\n']
    for folder in range(folders):
        service = "allServices" if folder % 2 == 0 else "storage.googleapis.com"
        exempted = '    exempted_members = ["user:contractor@acme.example"]\n' if folder % 3 == 2 else ""
        blocks.append(
            f'resource "google_folder" "f{folder}" {{\n  display_name = "f{folder}"\n'
            '  parent = "organizations/1234"\n}\n'
        )
        blocks.append(
            f'resource "google_folder_iam_audit_config" "f{folder}" {{\n'
            f'  folder = google_folder.f{folder}.name\n  service = "{service}"\n'
            f'  audit_log_config {{\n    log_type = "DATA_READ"\n{exempted}  }}\n}}\n'
        )
    blocks.append(
        'resource "google_organization_iam_audit_config" "org" {\n  org_id = "999"\n'
        '  service = "storage.googleapis.com"\n  audit_log_config {\n    log_type = "DATA_WRITE"\n  }\n}\n'
    )
    for project in range(projects):
        place = [
            f"folder_id = google_folder.f{project % folders}.name",
            'org_id = "999"',
            'folder_id = "folders/42"',
        ][project % 3]
        blocks.append(
            f'resource "google_project" "p{project}" {{\n  name = "p{project}"\n'
            f'  project_id = "acme-p{project}"\n  {place}\n}}\n'
        )
        if project % 4 == 1:
            blocks.append(
                f'resource "google_project_iam_audit_config" "p{project}" {{\n'
                f'  project = google_project.p{project}.project_id\n  service = "allServices"\n'
                '  audit_log_config {\n    log_type = "DATA_READ"\n  }\n}\n'
            )
        for topic in range(topics):
            blocks.append(
                f'resource "google_pubsub_topic" "p{project}_{topic}" {{\n  name = "t{project}-{topic}"\n'
                f"  project = google_project.p{project}.project_id\n}}\n"
            )
    return "\n".join(blocks), sum(block.startswith("resource") for block in blocks)


def azure_landing(
    vaults: int = 1000,
    workspaces: int = 60,
    locks: int = 25,
    groups: int = 10,
    security_groups: int = 300,
    networks: int = 30,
) -> tuple[str, int]:
    workspace_id = "/subscriptions/x/resourceGroups/rg0/providers/Microsoft.OperationalInsights/workspaces/w0"
    blocks = [
        'provider "azurerm" {\n  features {}\n}\n',
        'data "azurerm_subscription" "current" {}\n',
        'resource "azurerm_monitor_diagnostic_setting" "subscription" {\n  name = "subscription"\n'
        "  target_resource_id = data.azurerm_subscription.current.id\n"
        f'  log_analytics_workspace_id = "{workspace_id}"\n'
        '  enabled_log {\n    category = "Administrative"\n  }\n'
        '  enabled_log {\n    category = "Security"\n  }\n}\n',
    ]
    for group in range(groups):
        blocks.append(
            f'resource "azurerm_resource_group" "rg{group}" {{\n  name = "rg{group}"\n'
            '  location = "westeurope"\n}\n'
        )
    for number in range(workspaces):
        blocks.append(
            f'resource "azurerm_log_analytics_workspace" "w{number}" {{\n  name = "w{number}"\n'
            '  location = "westeurope"\n'
            f"  resource_group_name = azurerm_resource_group.rg{number % groups}.name\n}}\n"
        )
    for number in range(locks):
        scope = [
            f"azurerm_resource_group.rg{number % groups}.id",
            f"azurerm_log_analytics_workspace.w{number}.id",
            f'"/subscriptions/x/resourceGroups/rg{number % groups}'
            f'/providers/Microsoft.OperationalInsights/workspaces/w{number}"',
        ][number % 3]
        blocks.append(
            f'resource "azurerm_management_lock" "l{number}" {{\n  name = "l{number}"\n  scope = {scope}\n'
            '  lock_level = "CanNotDelete"\n}\n'
        )
    for number in range(vaults):
        blocks.append(
            f'resource "azurerm_key_vault" "kv{number}" {{\n  name = "kv{number}"\n'
            '  location = "westeurope"\n'
            f"  resource_group_name = azurerm_resource_group.rg{number % groups}.name\n"
            '  tenant_id = "00000000-0000-0000-0000-000000000000"\n  sku_name = "standard"\n'
            "  purge_protection_enabled = true\n}\n"
        )
        blocks.append(
            f'resource "azurerm_monitor_diagnostic_setting" "kv{number}" {{\n  name = "kv{number}"\n'
            f"  target_resource_id = azurerm_key_vault.kv{number}.id\n"
            f'  log_analytics_workspace_id = "{workspace_id}"\n'
            '  enabled_log {\n    category = "AuditEvent"\n  }\n}\n'
        )
    text = "\n".join([*blocks, *azure_network(security_groups, networks)])
    return text, sum(line.startswith('resource "') for line in text.splitlines())


def azure_network(security_groups: int, networks: int) -> list[str]:
    """Virtual networks, each recorded by a virtual network flow log (every seventh disabled), and network
    security groups, each attached to a subnet of its own and to a network interface in it (LOG-AZNETWORK-001
    follows both to the network's flow log)."""
    storage = "/subscriptions/x/resourceGroups/rg0/providers/Microsoft.Storage/storageAccounts/flowlogs"
    blocks = []
    for number in range(networks):
        blocks.append(
            f'resource "azurerm_virtual_network" "vnet{number}" {{\n  name = "vnet{number}"\n'
            '  location = "westeurope"\n  resource_group_name = "network"\n'
            f'  address_space = ["10.{number}.0.0/16"]\n}}\n'
            f'resource "azurerm_network_watcher_flow_log" "vnet{number}" {{\n  name = "vnet{number}"\n'
            '  network_watcher_name = "NetworkWatcher_westeurope"\n'
            '  resource_group_name = "NetworkWatcherRG"\n'
            f"  target_resource_id = azurerm_virtual_network.vnet{number}.id\n"
            f'  storage_account_id = "{storage}"\n  enabled = {"false" if number % 7 == 0 else "true"}\n'
            "  version = 2\n  retention_policy {\n    enabled = true\n    days = 365\n  }\n}\n"
        )
    for number in range(security_groups):
        network = number % networks
        blocks.append(
            f'resource "azurerm_network_security_group" "nsg{number}" {{\n  name = "nsg{number}"\n'
            '  location = "westeurope"\n  resource_group_name = "network"\n}\n'
            f'resource "azurerm_subnet" "snet{number}" {{\n  name = "snet{number}"\n'
            '  resource_group_name = "network"\n'
            f"  virtual_network_name = azurerm_virtual_network.vnet{network}.name\n"
            f'  address_prefixes = ["10.{network}.{number // networks}.0/24"]\n}}\n'
            f'resource "azurerm_subnet_network_security_group_association" "snet{number}" {{\n'
            f"  subnet_id = azurerm_subnet.snet{number}.id\n"
            f"  network_security_group_id = azurerm_network_security_group.nsg{number}.id\n}}\n"
            f'resource "azurerm_network_interface" "nic{number}" {{\n  name = "nic{number}"\n'
            '  location = "westeurope"\n  resource_group_name = "network"\n'
            f'  ip_configuration {{\n    name = "internal"\n    subnet_id = azurerm_subnet.snet{number}.id\n'
            '    private_ip_address_allocation = "Dynamic"\n  }\n}\n'
            f'resource "azurerm_network_interface_security_group_association" "nic{number}" {{\n'
            f"  network_interface_id = azurerm_network_interface.nic{number}.id\n"
            f"  network_security_group_id = azurerm_network_security_group.nsg{number}.id\n}}\n"
        )
    return blocks


LANDINGS = {"gcp-landing": gcp_landing, "azure-landing": azure_landing}


def landing_row(
    name: str, generated: Path, command: Command, cache: Path, repeat: int, timeout: float, measure: Measure
) -> tuple[str, bool]:
    text, resources = LANDINGS[name]()
    path = generated / name / "main.tf"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    env = {**os.environ, "IACGATE_CACHE_DIR": str(cache)}
    m = measure(name, command, path.parent, resources, repeat, timeout, env)
    limit = SECONDS_PER_THOUSAND * resources / 1000
    ok = not m.error and m.seconds < limit and m.peak_mb < MEMORY_FLOOR_MB
    verdict = f"ERROR {m.error}" if m.error else f"{'PASS' if ok else 'FAIL'} (< {limit:.1f} s)"
    figures = f"{resources:>9,} {m.seconds:>8.2f} {m.peak_mb:>9.1f} {m.per_second:>10,.0f}"
    print(f"{name:<14} {figures}  {verdict}")
    return (verdict, ok)
