package iacgate.lib.graph_refs_test

import data.iacgate.lib.graph_refs
import rego.v1

test_index_finds_exactly_its_keys if {
	index := graph_refs.graph_index(["azurerm_subnet.a", `azurerm_subnet.s["app"]`, "urn:pulumi:p::s::azure:network/subnet:Subnet::x"])
	graph_refs.graph_indexed(index, "azurerm_subnet.a")
	graph_refs.graph_indexed(index, `azurerm_subnet.s["app"]`)
	graph_refs.graph_indexed(index, "urn:pulumi:p::s::azure:network/subnet:Subnet::x")
	not graph_refs.graph_indexed(index, "azurerm_subnet")
	not graph_refs.graph_indexed(index, "subnet.a")
	not graph_refs.graph_indexed(index, "app")
	not graph_refs.graph_indexed(index, "")
}

# A key that ends another key after a quote or a line break of its own (a hostile Pulumi name) is not
# found in it: every encoded key is one whole line.
test_index_is_not_fooled_by_keys_inside_keys if {
	index := graph_refs.graph_index([
		"urn:pulumi:p::s::azure:network/subnet:Subnet::x\"urn:pulumi:p::s::azure:network/subnet:Subnet::victim",
		"a\nb",
	])
	not graph_refs.graph_indexed(index, "urn:pulumi:p::s::azure:network/subnet:Subnet::victim")
	not graph_refs.graph_indexed(index, "a")
	not graph_refs.graph_indexed(index, "b")
	graph_refs.graph_indexed(index, "a\nb")
}

test_empty_index_finds_nothing if {
	not graph_refs.graph_indexed(graph_refs.graph_index([]), "")
	not graph_refs.graph_indexed(graph_refs.graph_index([]), "a")
}
