# Helpers of whole-graph rules (scope: graph). Kept out of data.iacgate.lib, which every rule imports, so
# that what they read never widens what another rule is sent (closure.graph_reads).
#
# A resource's references are found in its refers_to (a whole-graph rule whose modules name refers_to is
# sent it) or among input.edges, never through an object of every resource by id: rego-cpp builds an
# object or set comprehension in time quadratic in its size and looks keys up in linear time, and a body
# that filters one collection and then searches another re-runs the first for every item of the second.
# So the ids are listed first and handed as a value to graph_resources_with_ids, which finds the resources.
package iacgate.lib.graph_refs

import rego.v1

# The resources among `resources` whose id is one of `ids`, in the order of the ids.
graph_resources_with_ids(ids, resources) := [resource | some id in ids; some resource in resources; resource.id == id]

# What `resource` refers to through its top-level argument `attribute`: the entries of its refers_to.
graph_references(resource, attribute) := [ref | some ref in object.get(resource, "refers_to", []); ref.attribute == attribute]

# An index of `keys` (strings) that `graph_indexed` looks a key up in, for rules that look up many keys
# among many others. rego-cpp looks a key up in a set, an object or an array in time linear in its size
# and builds a set in time quadratic in its size (1,000 keys looked up among 1,000: 0.5 s; 4,000: 9 s),
# while a substring search is native and fast (the same 4,000 lookups: 0.4 s). The index is the keys,
# each JSON-encoded and on a line of its own: an encoded string holds no raw line break, so a line of
# the index matches an encoded key exactly when that key is one of `keys`.
graph_index(keys) := concat("", ["\n", concat("\n", [json.marshal(key) | some key in keys]), "\n"])

graph_indexed(index, key) if contains(index, concat("", ["\n", json.marshal(key), "\n"]))
