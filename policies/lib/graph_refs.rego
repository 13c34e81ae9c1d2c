# Helpers of whole-graph rules (scope: graph) only: a rule whose closure reads input.edges or every type
# of input.resources_by_type is sent the whole graph (closure.graph_reads), so they are kept out of
# data.iacgate.lib, which every rule imports.
package iacgate.lib.graph_refs

import rego.v1

# References in a whole-graph input (scope: graph), in the order of its edges. They are found edge by edge,
# never through an object of every resource by id: rego-cpp builds an object or set comprehension in time
# quadratic in its size, and a body that filters one collection and then searches another re-runs the
# first for every item of the second. So one function lists the ids and another, handed them as a value,
# finds the resources: graph_resources_with_ids(graph_targets(id, "scope"), resources).
#
# Nothing here reads input.resources_by_type, so a rule that imports this package and looks its types up by
# literal name is still sent those types alone (closure.graph_reads); graph_any_type reads every type.

# The ids of what `source` refers to through its top-level argument `attribute`.
graph_targets(source, attribute) := [edge.target | some edge in input.edges; edge.source == source; edge.attribute == attribute]

# The ids of what refers to `target`.
graph_sources(target) := [edge.source | some edge in input.edges; edge.target == target]

# The resources among `resources` whose id is one of `ids`, in the order of the ids.
graph_resources_with_ids(ids, resources) := [resource | some id in ids; some resource in resources; resource.id == id]
