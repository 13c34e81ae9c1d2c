# The one whole-graph helper that reads resources of every type: a rule that imports this package is sent
# the whole graph (closure.graph_reads), so it is kept apart from graph_refs. For a rule whose reference can
# name a resource of any type (an Azure lock's scope, a diagnostic setting's target).
package iacgate.lib.graph_any_type

import rego.v1

# The resources of the input, of any type, whose id is one of `ids`, in the order of the ids (found as
# graph_refs says, never through an object of every resource by id).
graph_resources_named(ids) := [resource |
	some id in ids
	some resources in input.resources_by_type
	some resource in resources
	resource.id == id
]
