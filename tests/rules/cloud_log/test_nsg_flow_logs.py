"""LOG-AZNETWORK-001 on shapes its fixtures do not hold, through the real CLI: the group's traffic is
recorded by its own flow log or by virtual network flow logs wherever it is attached; what the scanned code
cannot show is undetermined. (The rule's Rego unit tests cover its parts only: regopy compiles `with`
overrides of its whole input into more than 24 GB.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.rules.cloud_log.scale import scan_report

STORAGE = "/subscriptions/x/resourceGroups/x/providers/Microsoft.Storage/storageAccounts/a"
PROVIDER = 'provider "azurerm" {\n  features {}\n}\n'


def group(name: str) -> str:
    return (
        f'resource "azurerm_network_security_group" "{name}" {{\n  name = "{name}"\n'
        '  location = "westeurope"\n  resource_group_name = "net"\n}\n'
    )


def network(name: str) -> str:
    return (
        f'resource "azurerm_virtual_network" "{name}" {{\n  name = "{name}"\n  location = "westeurope"\n'
        '  resource_group_name = "net"\n  address_space = ["10.0.0.0/16"]\n}\n'
    )


def subnet(name: str, network_name: str) -> str:
    return (
        f'resource "azurerm_subnet" "{name}" {{\n  name = "{name}"\n  resource_group_name = "net"\n'
        f"  virtual_network_name = {network_name}\n"
        '  address_prefixes = ["10.0.1.0/24"]\n}\n'
    )


def attached(name: str, subnet_id: str, group_name: str) -> str:
    return (
        f'resource "azurerm_subnet_network_security_group_association" "{name}" {{\n'
        f"  subnet_id = {subnet_id}\n"
        f"  network_security_group_id = azurerm_network_security_group.{group_name}.id\n}}\n"
    )


def flow_log(name: str, target: str, enabled: str = "true") -> str:
    return (
        f'resource "azurerm_network_watcher_flow_log" "{name}" {{\n  name = "{name}"\n'
        '  network_watcher_name = "NetworkWatcher_westeurope"\n  resource_group_name = "NetworkWatcherRG"\n'
        f"  target_resource_id = {target}\n"
        f'  storage_account_id = "{STORAGE}"\n'
        f"  enabled = {enabled}\n  version = 2\n}}\n"
    )


INTERFACE = (
    'resource "azurerm_network_interface" "vm" {\n  name = "vm"\n  location = "westeurope"\n'
    '  resource_group_name = "net"\n  ip_configuration {\n    name = "internal"\n'
    '    subnet_id = azurerm_subnet.app.id\n    private_ip_address_allocation = "Dynamic"\n  }\n}\n'
    'resource "azurerm_network_interface_security_group_association" "vm" {\n'
    "  network_interface_id = azurerm_network_interface.vm.id\n"
    "  network_security_group_id = azurerm_network_security_group.web.id\n}\n"
)

# The interface's ip_configuration also refers to a public IP address, which is no subnet.
INTERFACE_WITH_PUBLIC_IP = INTERFACE.replace(
    "    subnet_id = azurerm_subnet.app.id\n",
    "    subnet_id = azurerm_subnet.app.id\n    public_ip_address_id = azurerm_public_ip.vm.id\n",
) + (
    'resource "azurerm_public_ip" "vm" {\n  name = "vm"\n  location = "westeurope"\n'
    '  resource_group_name = "net"\n  allocation_method = "Static"\n}\n'
)

DATA_SUBNET = (
    'data "azurerm_subnet" "shared" {\n  name = "shared"\n  virtual_network_name = "core"\n'
    '  resource_group_name = "net"\n}\n'
)

CASES = {
    # A subnet read from a data source: its network's flow log is in another configuration.
    "data_source_subnet": (
        [group("web"), DATA_SUBNET, attached("a", "data.azurerm_subnet.shared.id", "web")],
        "undetermined",
    ),
    # A subnet of a network named by a literal, with a flow log of its own: recorded.
    "flow_log_on_a_subnet_of_a_network_elsewhere": (
        [
            group("web"),
            subnet("app", '"core"'),
            attached("a", "azurerm_subnet.app.id", "web"),
            flow_log("app", "azurerm_subnet.app.id"),
        ],
        "pass",
    ),
    # The same without the flow log: the network's flow log may record it.
    "subnet_of_a_network_elsewhere": (
        [group("web"), subnet("app", '"core"'), attached("a", "azurerm_subnet.app.id", "web")],
        "undetermined",
    ),
    # A flow log on the network interface the group is attached to.
    "interface_flow_log": (
        [
            group("web"),
            network("hub"),
            subnet("app", "azurerm_virtual_network.hub.name"),
            INTERFACE,
            flow_log("nic", "azurerm_network_interface.vm.id"),
        ],
        "pass",
    ),
    "interface_with_a_public_ip_in_a_recorded_network": (
        [
            group("web"),
            network("hub"),
            subnet("app", "azurerm_virtual_network.hub.name"),
            INTERFACE_WITH_PUBLIC_IP,
            flow_log("hub", "azurerm_virtual_network.hub.id"),
        ],
        "pass",
    ),
    "interface_in_an_unrecorded_network": (
        [group("web"), network("hub"), subnet("app", "azurerm_virtual_network.hub.name"), INTERFACE],
        "fail",
    ),
    # The group's own flow log unknown, every attachment recorded: a pass; none recorded: undetermined.
    "own_flow_log_unknown_attachments_recorded": (
        [
            group("web"),
            flow_log("own", "azurerm_network_security_group.web.id", "var.enabled"),
            network("hub"),
            subnet("app", "azurerm_virtual_network.hub.name"),
            attached("a", "azurerm_subnet.app.id", "web"),
            flow_log("hub", "azurerm_virtual_network.hub.id"),
        ],
        "pass",
    ),
    "own_flow_log_unknown_attachment_unrecorded": (
        [
            group("web"),
            flow_log("own", "azurerm_network_security_group.web.id", "var.enabled"),
            network("hub"),
            subnet("app", "azurerm_virtual_network.hub.name"),
            attached("a", "azurerm_subnet.app.id", "web"),
        ],
        "undetermined",
    ),
    # An unrecorded subnet fails the group even beside one the scanned code cannot show.
    "unrecorded_beside_undetermined": (
        [
            group("web"),
            network("hub"),
            subnet("app", "azurerm_virtual_network.hub.name"),
            DATA_SUBNET,
            attached("a", "azurerm_subnet.app.id", "web"),
            attached("b", "data.azurerm_subnet.shared.id", "web"),
        ],
        "fail",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_group_outcome(case: str, tmp_path: Path) -> None:
    blocks, expected = CASES[case]
    (tmp_path / "main.tf").write_text(PROVIDER + "\n".join(blocks), encoding="utf-8")
    report = scan_report(tmp_path, "LOG-AZNETWORK-001")
    outcomes = {check["resource_id"]: check["outcome"] for check in report["checks"]}
    assert outcomes == {"azurerm_network_security_group.web": expected}


def test_groups_read_are_not_judged(tmp_path: Path) -> None:
    read = 'data "azurerm_network_security_group" "web" {\n  name = "web"\n  resource_group_name = "net"\n}\n'
    (tmp_path / "main.tf").write_text(PROVIDER + read, encoding="utf-8")
    report = scan_report(tmp_path, "LOG-AZNETWORK-001")
    assert report["checks"] == []
    assert report["summary"]["findings"] == 0
