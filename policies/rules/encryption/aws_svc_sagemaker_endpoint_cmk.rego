# ENC-SAGEMAKER-002: SageMaker endpoint configurations encrypt the instances' storage with a customer-managed key.
package iacgate.rules.encryption.aws_svc_sagemaker_endpoint_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

# Serverless variants have no ML storage volume and SageMaker rejects a KMS key for them: a configuration
# whose every production variant is serverless is not judged.
serverless if {
	variants := lib.attr_blocks("production_variants")
	count(variants) > 0
	every variant in variants {
		count(lib.blocks(aws_svc.svc_field(variant, "serverless_config"))) > 0
	}
}

# Nitro instances with local (NVMe instance store) storage encrypt it with a hardware module on the
# instance, and CreateEndpointConfig fails when KmsKeyId is given and any variant uses one: such a
# configuration cannot name a key and is not judged. Instance families with local storage: those whose
# attribute letters hold "d" (ml.m5d, ml.c5d, ml.r5d, ml.g4dn, ml.p3dn, ml.p4d, ml.p4de, ml.m6id...), and
# the GPU and Trainium families that always carry it.
local_storage_families := {"g5", "g6", "g6e", "p5", "p5e", "p5en", "trn1", "trn1n"}

local_storage_family(family) if family in local_storage_families

local_storage_family(family) if regex.match(`^[a-z]+[0-9]+[a-z]*d[a-z]*$`, family)

local_storage if {
	some name in ["production_variants", "shadow_production_variants"]
	some variant in lib.attr_blocks(name)
	instance_type := aws_svc.svc_field(variant, "instance_type")
	is_string(instance_type)
	parts := split(instance_type, ".")
	count(parts) == 3
	parts[0] == "ml"
	local_storage_family(parts[1])
}

deny contains {"not_applicable": true} if local_storage

deny contains violation if {
	not serverless
	not local_storage
	violation := aws_svc.svc_cmk_violation("kms_key_arn", "SageMaker endpoint configuration")
}
