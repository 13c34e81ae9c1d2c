# ENC-CODEPIPELINE-001: CodePipeline artifact stores encrypt artifacts with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_codepipeline_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

# Artifact stores with their path: Terraform and Pulumi artifact_store blocks; CloudFormation ArtifactStore
# or ArtifactStores[].ArtifactStore (one per region).
stores contains {"attribute": "artifact_store", "path": store.path, "block": store.block} if {
	some store in aws_data.data_block_list(lib.attr("artifact_store"), ["artifact_store"])
}

stores contains {"attribute": "artifact_stores", "path": array.concat(entry.path, ["artifact_store"]), "block": inner} if {
	input.resource.format == "cloudformation"
	some entry in aws_data.data_block_list(lib.attr("artifact_stores"), ["artifact_stores"])
	inner := entry.block.artifact_store
	is_object(inner)
}

# The store's key (encryption_key.id) and where a finding about it points.
key_setting(store) := {"path": array.concat(found.path, ["id"]), "value": object.get(found.block, "id", null)} if {
	found := aws_data.data_first_block(object.get(store.block, "encryption_key", null), array.concat(store.path, ["encryption_key"]))
} else := {"path": array.concat(store.path, ["encryption_key"]), "value": null}

deny contains violation if {
	some store in stores
	setting := key_setting(store)
	some violation in aws_rest.rest_cmk_findings(store.attribute, setting.path, setting.value, "artifact_store.encryption_key.id", "CodePipeline artifact store")
}

# The artifact stores themselves unknown until apply (a dynamic block over a variable): their keys cannot be
# told. The finding points at the unknown value, which makes it undetermined.
deny contains lib.violation([name], msg) if {
	some name in ["artifact_store", "artifact_stores"]
	lib.is_unknown(lib.attr(name))
	msg := concat("", [
		"CodePipeline artifact store may not be encrypted with a customer-managed KMS key: ", name,
		" is unknown until apply, required encryption_key.id naming a customer-managed key",
	])
}
