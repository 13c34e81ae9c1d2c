# ENC-FSX-001: FSx file systems (Lustre, ONTAP, OpenZFS, Windows) encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_fsx_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	not scratch
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "FSx file system")
}

# FSx for Lustre takes kms_key_id for PERSISTENT_1 and PERSISTENT_2 deployments only: SCRATCH_1 (the default)
# and SCRATCH_2 file systems are encrypted with a key FSx manages, and setting kms_key_id on them fails. The
# finding names the deployment type, which is what must change. CloudFormation models every FSx file system
# as AWS::FSx::FileSystem (FileSystemType LUSTRE, LustreConfiguration.DeploymentType).
lustre if {
	input.resource.format != "cloudformation"
	input.resource.type == "aws_fsx_lustre_file_system"
}

lustre if {
	input.resource.format == "cloudformation"
	upper(lib.tf_string(lib.attr("file_system_type"))) == "LUSTRE"
}

deployment_path := ["lustre_configuration", "deployment_type"] if {
	input.resource.format == "cloudformation"
} else := ["deployment_type"]

deployment_type := object.get(lib.attr("lustre_configuration"), "deployment_type", null) if {
	input.resource.format == "cloudformation"
	is_object(lib.attr("lustre_configuration"))
} else := null if {
	input.resource.format == "cloudformation"
} else := lib.attr("deployment_type")

scratch_type if not lib.is_set(deployment_type)

scratch_type if {
	is_string(deployment_type)
	startswith(upper(deployment_type), "SCRATCH")
}

scratch if {
	lustre
	not lib.is_set(lib.attr("kms_key_id"))
	scratch_type
}

deny contains lib.violation(deployment_path, msg) if {
	scratch
	msg := concat("", [
		"FSx file system is not encrypted with a customer-managed KMS key: deployment_type is ",
		lib.show(deployment_type), lib.when_not_set(deployment_type, "SCRATCH_1"), ", whose file systems",
		" FSx encrypts with a key it manages and which take no kms_key_id, required PERSISTENT_1 or",
		" PERSISTENT_2 with kms_key_id naming a customer-managed key",
	])
}
