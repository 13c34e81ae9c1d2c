# Builders for the Rego unit tests: the input document of one resource and its neighbours.
#
# regopy 1.5.2 crashes on `with input as {...}` when the rule under test calls a function, so tests
# replace the parts of the input instead: `with input.resource as ... with input.related as ...`.
package iacgate.lib.testing

import rego.v1

unknown := {"__unknown__": "known after apply"}

resource(type_name, attributes) := {
	"id": concat(".", [type_name, "subject"]),
	"format": "terraform-plan",
	"type": type_name,
	"native_type": type_name,
	"provider": "aws",
	"mode": "managed",
	"region": "eu-west-1",
	"attributes": attributes,
	"tags": {},
}

# A neighbour that refers to the resource under test through `attribute`.
referrer(type_name, attribute, attributes) := {
	"direction": "in",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(resource(type_name, attributes), {"id": concat(".", [type_name, "neighbour"])}),
}

# A KMS key resource of the configuration that the resource under test refers to through `attribute`
# (aws_kms_key.k.arn, unknown until apply in the resource's own attributes).
key_reference(attribute) := {
	"direction": "out",
	"edge": "reference",
	"attribute": attribute,
	"resource": object.union(resource("aws_kms_key", {}), {"id": "aws_kms_key.neighbour"}),
}

test_builders_shape_the_input if {
	resource("aws_s3_bucket", {}).type == "aws_s3_bucket"
	referrer("aws_flow_log", "vpc_id", {}).direction == "in"
}
