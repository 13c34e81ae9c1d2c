# azapi_resource: the ARM properties of a resource declared through the AzAPI provider (Azure Verified
# Modules and hand-written azapi code), so the rules of a service judge it as they judge the azurerm type.
#
# An azapi_resource names its ARM type and API version in `type` ("Microsoft.Storage/storageAccounts@2023-05-01")
# and its ARM body in `body`: an object (azapi 2, and HCL objects in azapi 1) or a JSON string (jsonencode
# in azapi 1, which the HCL resolver evaluates). A rule lists azapi_resource among its resource_types,
# answers not applicable for any other ARM type (`not_concerned`), and reads ARM property paths with
# `arm_value(["properties", "minimumTlsVersion"])`; a finding points at `body_path(...)` under `body`.
package iacgate.lib.azapi

import data.iacgate.lib
import rego.v1

# The resource under evaluation is an azapi_resource.
is_azapi if input.resource.type == "azapi_resource"

# Its ARM resource type in lower case without the API version ("microsoft.storage/storageaccounts"), or ""
# when the type is not a known string.
arm_type := lower(trim_space(split(declared, "@")[0])) if {
	declared := lib.attr("type")
	is_string(declared)
} else := ""

# The resource is an azapi_resource of one of the ARM types (lower case).
of_type(arm_types) if arm_type in arm_types

# An azapi_resource of another ARM type: the rule does not concern it (no check, never a pass).
not_concerned(arm_types) if {
	is_azapi
	not lib.is_unknown(lib.attr("type"))
	not of_type(arm_types)
}

# The ARM body as an object: decoded when written as a JSON string, the unknown marker when the body is
# unknown until apply, {} when missing or not JSON.
body := body_of(lib.attrs)

# The ARM body of any azapi resource's attributes (an azapi_update_resource that patches this one, say).
body_of(attributes) := decoded if {
	raw := object.get(attributes, "body", null)
	is_string(raw)
	json.is_valid(raw)
	decoded := json.unmarshal(raw)
	is_object(decoded)
} else := raw if {
	raw := object.get(attributes, "body", null)
	is_object(raw)
} else := {}

# The value at an ARM property path of the body (["properties", "encryption", "keySource"]): the unknown
# marker when the body or any object on the way is unknown until apply, null when missing.
arm_value(arm_path) := found if {
	unknowns := [prefix_value |
		some length in numbers.range(0, count(arm_path) - 1)
		prefix := array.slice(arm_path, 0, length)
		prefix_value := object.get(body, prefix, null)
		lib.is_unknown(prefix_value)
	]
	count(unknowns) > 0
	found := unknowns[0]
} else := object.get(body, arm_path, null)

# The attribute path of a finding about an ARM property: under `body`.
body_path(arm_path) := array.concat(["body"], arm_path)

# A value as Terraform converts it for a string argument: `minimum_tls_version = 1.1` is the number 1.1 in
# HCL and the string "1.1" once Terraform converts it, so a comparison of versions sees "1.1" either way.
as_string(value) := value if {
	is_string(value)
} else := format_int(value, 10) if {
	is_number(value)
	value == floor(value)
} else := sprintf("%v", [value]) if {
	is_number(value)
} else := value

# A minimum TLS version below 1.2 in any spelling azurerm or ARM uses ("1.0", "1.1", "TLS1_0", "Tls11",
# "TLSv1_1", numbers after conversion), or TLS not enforced.
tls_below_1_2(value) if {
	text := as_string(value)
	is_string(text)
	lower(text) in {"1.0", "1.1", "1", "tls1_0", "tls1_1", "tls10", "tls11", "tlsv1_0", "tlsv1_1", "tlsv1", "tlsv1.0", "tlsv1.1", "tls1.0", "tls1.1", "ssl3", "ssl30", "tlsenforcementdisabled", "disabled", "none"}
}

# The first of a list of blocks, or {}.
first_of(blocks) := blocks[0] if {
	count(blocks) > 0
} else := {}

# The ARM value at a path is unknown until apply (the body, or an object on the way, is unknown): a rule
# that flags only an explicit bad value reports it, so the finding is undetermined instead of a silent pass.
unknown_at(arm_path) if lib.is_unknown(arm_value(arm_path))

# The ARM type is unknown until apply (`type = var.type`): the rule cannot tell whether it concerns the
# resource, so it neither passes it nor calls it not applicable. Every rule that judges azapi_resource adds
# `deny contains azapi.type_undetermined if azapi.type_unknown`; the finding points at `type`, which the
# engine reports as undetermined.
type_unknown if {
	is_azapi
	lib.is_unknown(lib.attr("type"))
}

type_undetermined := lib.violation(["type"], "azapi_resource type is unknown until apply, required a known ARM type to judge the resource")

# The body, or an object on the way to an ARM property, is unknown until apply: whether the property is set
# at all cannot be told (an unknown property itself counts as set). A rule that requires a property set
# reports this as a finding at body_path(arm_path), which the engine calls undetermined.
unknown_above(arm_path) if {
	some length in numbers.range(0, count(arm_path) - 1)
	lib.is_unknown(object.get(body, array.slice(arm_path, 0, length), null))
}
