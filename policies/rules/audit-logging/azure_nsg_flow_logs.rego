# LOG-AZNETWORK-001: the traffic through network security groups is recorded by Network Watcher flow logs:
# an enabled flow log on the group (an NSG flow log), or on every place the group is attached to (a
# virtual network flow log on the subnet, the network interface or their virtual network).
#
# Azure stopped creating NSG flow logs on 30 June 2025 (they retire on 30 September 2027) and records a
# group's traffic with virtual network flow logs instead, which target a virtual network, a subnet or a
# network interface. Those are no neighbours of the group: a subnet association refers to the group and to
# the subnet, and the subnet to its network. So this is a whole-graph rule (scope: graph); results name the
# group they are about. Functions are prefixed azure_nsg_.
package iacgate.rules.audit_logging.azure_nsg_flow_logs

import data.iacgate.lib
import data.iacgate.lib.graph_refs
import rego.v1

# The types are looked up by literal name, so the rule is sent them alone, each with what it refers to
# (refers_to), not the whole graph and its edges.
all_groups := object.get(input.resources_by_type, "azurerm_network_security_group", [])

groups := [group | some group in all_groups; group.mode == "managed"]

flow_logs := object.get(input.resources_by_type, "azurerm_network_watcher_flow_log", [])

subnet_associations := object.get(input.resources_by_type, "azurerm_subnet_network_security_group_association", [])

interface_associations := object.get(input.resources_by_type, "azurerm_network_interface_security_group_association", [])

subnets := object.get(input.resources_by_type, "azurerm_subnet", [])

interfaces := object.get(input.resources_by_type, "azurerm_network_interface", [])

networks := object.get(input.resources_by_type, "azurerm_virtual_network", [])

# Groups only read (data sources) are governed elsewhere: no check.
deny contains {"not_applicable": true, "resources": ids} if {
	ids := [group.id | some group in all_groups; group.mode != "managed"]
	count(ids) > 0
}

# What each flow log targets (azurerm 3 names a group in network_security_group_id; azurerm 4 and
# azure-native name a group, network, subnet or interface in target_resource_id), and whether it is
# enabled, disabled or enabled unknown until apply.
azure_nsg_log_entries := [{"log": log.id, "targets": targets, "state": azure_nsg_log_state(log)} |
	some log in flow_logs
	targets := [ref.address |
		some ref in object.get(log, "refers_to", [])
		ref.attribute in {"network_security_group_id", "target_resource_id"}
	]
]

azure_nsg_log_state(log) := "enabled" if {
	lib.is_true(object.get(log.attributes, "enabled", null))
} else := "unknown" if {
	lib.is_unknown(object.get(log.attributes, "enabled", null))
} else := "disabled"

# Addresses are looked up in indexes (graph_refs.graph_index): rego-cpp looks a key up in a collection in
# time linear in its size and builds a set in time quadratic in its size, so lookups of every association
# among every subnet took 16 s at 500 groups, 20 s at 1,000 (docs/writing-rules.md, "Cost of whole-graph
# rules"). Lists are built as arrays, which rego-cpp builds in linear time.
azure_nsg_enabled_targets := graph_refs.graph_index([target |
	some entry in azure_nsg_log_entries
	entry.state == "enabled"
	some target in entry.targets
])

azure_nsg_unknown_targets := graph_refs.graph_index([target |
	some entry in azure_nsg_log_entries
	entry.state == "unknown"
	some target in entry.targets
])

# The managed virtual networks: a flow log on a network only read (a data source) or outside the
# configuration is not in the scanned code.
azure_nsg_managed_networks := graph_refs.graph_index([network.id | some network in networks; network.mode == "managed"])

# A subnet is recorded by an enabled flow log on itself or on its virtual network (virtual_network_name).
# It may be when such a flow log's enabled is unknown, or when the subnet or its network is not a managed
# resource of the configuration (its flow log would not be in the scanned code).
azure_nsg_subnet_states := [{"id": subnet.id, "state": azure_nsg_subnet_state(subnet)} | some subnet in subnets]

azure_nsg_subnet_state(subnet) := "recorded" if {
	azure_nsg_recorded(array.concat([subnet.id], azure_nsg_networks_of(subnet)))
} else := "maybe" if {
	azure_nsg_subnet_maybe(subnet, array.concat([subnet.id], azure_nsg_networks_of(subnet)))
} else := "unrecorded"

azure_nsg_networks_of(subnet) := azure_nsg_references(subnet, "virtual_network_name", "azurerm_virtual_network")

azure_nsg_recorded(places) if {
	some place in places
	graph_refs.graph_indexed(azure_nsg_enabled_targets, place)
}

azure_nsg_subnet_maybe(_, places) if {
	some place in places
	graph_refs.graph_indexed(azure_nsg_unknown_targets, place)
}

azure_nsg_subnet_maybe(subnet, _) if subnet.mode != "managed"

azure_nsg_subnet_maybe(subnet, places) if {
	count(places) == 1 # no virtual network referred to (a literal name)
	subnet.mode == "managed"
}

azure_nsg_subnet_maybe(_, places) if {
	some network in array.slice(places, 1, count(places))
	not graph_refs.graph_indexed(azure_nsg_managed_networks, network)
}

azure_nsg_subnets_recorded := graph_refs.graph_index([entry.id | some entry in azure_nsg_subnet_states; entry.state == "recorded"])

azure_nsg_subnets_maybe := graph_refs.graph_index([entry.id | some entry in azure_nsg_subnet_states; entry.state == "maybe"])

# The addresses `resource` refers to through `attribute` that are resources of type `type_name`.
azure_nsg_references(resource, attribute, type_name) := [ref.address |
	some ref in graph_refs.graph_references(resource, attribute)
	ref.type == type_name
]

azure_nsg_subnet_ids := graph_refs.graph_index([subnet.id | some subnet in subnets])

# A network interface is recorded by an enabled flow log on itself, or when every subnet of its
# ip_configuration is; it may be when one of them may be, or is not a subnet of the configuration.
azure_nsg_interface_states := [{"id": interface.id, "state": azure_nsg_interface_state(interface)} | some interface in interfaces]

azure_nsg_interface_state(interface) := "recorded" if {
	azure_nsg_interface_recorded(interface)
} else := "maybe" if {
	azure_nsg_interface_maybe(interface)
} else := "unrecorded"

# An ip_configuration also refers to public IP addresses and load balancer pools: the subnets only.
azure_nsg_subnets_of(interface) := azure_nsg_references(interface, "ip_configuration", "azurerm_subnet")

azure_nsg_interface_recorded(interface) if graph_refs.graph_indexed(azure_nsg_enabled_targets, interface.id)

azure_nsg_interface_recorded(interface) if {
	ids := azure_nsg_subnets_of(interface)
	count(ids) > 0
	every id in ids {
		graph_refs.graph_indexed(azure_nsg_subnets_recorded, id)
	}
}

azure_nsg_interface_maybe(interface) if graph_refs.graph_indexed(azure_nsg_unknown_targets, interface.id)

azure_nsg_interface_maybe(interface) if interface.mode != "managed"

azure_nsg_interface_maybe(interface) if count(azure_nsg_subnets_of(interface)) == 0

azure_nsg_interface_maybe(interface) if {
	some id in azure_nsg_subnets_of(interface)
	not graph_refs.graph_indexed(azure_nsg_subnets_recorded, id)
	azure_nsg_place_maybe(id, azure_nsg_subnet_ids, azure_nsg_subnets_maybe)
}

azure_nsg_interfaces_recorded := graph_refs.graph_index([entry.id | some entry in azure_nsg_interface_states; entry.state == "recorded"])

azure_nsg_interfaces_maybe := graph_refs.graph_index([entry.id | some entry in azure_nsg_interface_states; entry.state == "maybe"])

azure_nsg_interface_ids := graph_refs.graph_index([interface.id | some interface in interfaces])

# A place of a kind (`ids`, the index of the configuration's resources of that kind) may be recorded when
# it is in the index `maybe`, or is no resource of the configuration.
azure_nsg_place_maybe(id, _, maybe) if graph_refs.graph_indexed(maybe, id)

azure_nsg_place_maybe(id, ids, _) if not graph_refs.graph_indexed(ids, id)

# Where each group is attached, one entry per attachment: the group's address, what it is attached
# through (for the message) and the attachment's state: recorded (an enabled flow log records its
# traffic), maybe (one may: enabled unknown, or a subnet, interface or network that is not in the scanned
# code, such as a literal id) or unrecorded.
azure_nsg_attachment_entries := array.concat(
	array.concat(
		[{"group": group, "via": association.id, "state": state} |
			some association in subnet_associations
			some group in azure_nsg_references(association, "network_security_group_id", "azurerm_network_security_group")
			ids := azure_nsg_references(association, "subnet_id", "azurerm_subnet")
			state := azure_nsg_attachment_state(ids, azure_nsg_subnet_ids, azure_nsg_subnets_recorded, azure_nsg_subnets_maybe)
		],
		[{"group": group, "via": association.id, "state": state} |
			some association in interface_associations
			some group in azure_nsg_references(association, "network_security_group_id", "azurerm_network_security_group")
			ids := azure_nsg_references(association, "network_interface_id", "azurerm_network_interface")
			state := azure_nsg_attachment_state(ids, azure_nsg_interface_ids, azure_nsg_interfaces_recorded, azure_nsg_interfaces_maybe)
		],
	),
	# A subnet block of a virtual network (azurerm subnet { security_group }; the type table renames
	# Pulumi's subnets to subnet): the network's flow log records it.
	[{"group": ref.address, "via": network.id, "state": state} |
		some network in networks
		some ref in object.get(network, "refers_to", [])
		ref.attribute == "subnet"
		ref.type == "azurerm_network_security_group"
		state := azure_nsg_attachment_state([network.id], azure_nsg_managed_networks, azure_nsg_enabled_targets, azure_nsg_unknown_targets)
	],
)

azure_nsg_attachment_state(ids, known, recorded, maybe) := "recorded" if {
	count(ids) == 1
	graph_refs.graph_indexed(recorded, ids[0])
} else := "maybe" if {
	count(ids) != 1
} else := "maybe" if {
	azure_nsg_place_maybe(ids[0], known, maybe)
} else := "unrecorded"

azure_nsg_attached := graph_refs.graph_index([entry.group | some entry in azure_nsg_attachment_entries])

azure_nsg_unrecorded_entries := [entry | some entry in azure_nsg_attachment_entries; entry.state == "unrecorded"]

azure_nsg_maybe_entries := [entry | some entry in azure_nsg_attachment_entries; entry.state == "maybe"]

azure_nsg_unrecorded := graph_refs.graph_index([entry.group | some entry in azure_nsg_unrecorded_entries])

azure_nsg_maybe := graph_refs.graph_index([entry.group | some entry in azure_nsg_maybe_entries])

# The group's own flow logs (NSG flow logs), by state.
azure_nsg_own_state(group) := "enabled" if {
	graph_refs.graph_indexed(azure_nsg_enabled_targets, group.id)
} else := "unknown" if {
	graph_refs.graph_indexed(azure_nsg_unknown_targets, group.id)
} else := "none"

azure_nsg_own_logs(group) := sort([entry.log | some entry in azure_nsg_log_entries; group.id in entry.targets])

azure_nsg_result(group, msg, status) := {"resource": group.id, "path": [], "message": msg} if {
	status == "failed"
} else := {"resource": group.id, "path": [], "message": msg, "status": "undetermined"}

# Each group once with its own state.
azure_nsg_group_entries := [{"group": group, "own": azure_nsg_own_state(group)} | some group in groups]

# A group with no attachment in the configuration and no enabled flow log of its own.
deny contains azure_nsg_result(group, msg, "failed") if {
	some entry in azure_nsg_group_entries
	entry.own == "none"
	group := entry.group
	not graph_refs.graph_indexed(azure_nsg_attached, group.id)
	msg := concat("", [
		"network security group traffic is not recorded: ", azure_nsg_own_text(group),
		" and the group is attached to no subnet or network interface of the configuration, required an",
		" enabled azurerm_network_watcher_flow_log whose target_resource_id is the virtual network, subnet",
		" or network interface the group is attached to (NSG flow logs can no longer be created)",
	])
}

# A place the group is attached to whose traffic no flow log records.
deny contains azure_nsg_result(group, msg, "failed") if {
	some entry in azure_nsg_group_entries
	entry.own == "none"
	group := entry.group
	graph_refs.graph_indexed(azure_nsg_unrecorded, group.id)
	via := sort([attachment.via | some attachment in azure_nsg_unrecorded_entries; attachment.group == group.id])
	msg := concat("", [
		"network security group traffic is not recorded: ", azure_nsg_own_text(group), " and no enabled",
		" flow log targets where it is attached (", concat(", ", via), "), required an enabled",
		" azurerm_network_watcher_flow_log whose target_resource_id is that virtual network, subnet or",
		" network interface",
	])
}

# The group's own flow log has enabled unknown until apply.
deny contains azure_nsg_result(group, msg, "undetermined") if {
	some entry in azure_nsg_group_entries
	entry.own == "unknown"
	group := entry.group
	not azure_nsg_all_recorded(group)
	msg := concat("", [
		"cannot tell whether network security group traffic is recorded: enabled of its flow log (",
		concat(", ", azure_nsg_own_logs(group)), ") is unknown until apply, required true",
	])
}

# Attached only where a flow log may record it: enabled unknown, or a subnet, interface or network that
# is not in the scanned code.
deny contains azure_nsg_result(group, msg, "undetermined") if {
	some entry in azure_nsg_group_entries
	entry.own == "none"
	group := entry.group
	not graph_refs.graph_indexed(azure_nsg_unrecorded, group.id)
	graph_refs.graph_indexed(azure_nsg_maybe, group.id)
	via := sort([attachment.via | some attachment in azure_nsg_maybe_entries; attachment.group == group.id])
	msg := concat("", [
		"cannot tell whether network security group traffic is recorded: where it is attached (",
		concat(", ", via), "), a flow log's enabled is unknown until apply, or the subnet, network",
		" interface or virtual network is not in the scanned configuration, required an enabled flow log",
		" whose target_resource_id is that virtual network, subnet or network interface",
	])
}

# Every attachment recorded by an enabled flow log.
azure_nsg_all_recorded(group) if {
	graph_refs.graph_indexed(azure_nsg_attached, group.id)
	not graph_refs.graph_indexed(azure_nsg_unrecorded, group.id)
	not graph_refs.graph_indexed(azure_nsg_maybe, group.id)
}

azure_nsg_own_text(group) := "it has no flow log of its own" if {
	count(azure_nsg_own_logs(group)) == 0
} else := concat("", ["its flow log (", concat(", ", azure_nsg_own_logs(group)), ") has enabled = false"])
