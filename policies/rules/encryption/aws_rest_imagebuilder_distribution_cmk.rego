# ENC-IMAGEBUILDER-004: Image Builder distribution configurations encrypt the AMIs they distribute with a
# customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_imagebuilder_distribution_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

subject := "Image Builder distribution configuration"

# The AMI distributions: distribution[] (CloudFormation Distributions[], Pulumi distributions) with an
# ami_distribution_configuration, or without any configuration (an AMI is distributed by default); a
# distribution of container images only is not an AMI.
amis contains {"path": path, "region": region, "settings": settings} if {
	some i, distribution in lib.attr_blocks("distribution")
	not lib.is_unknown(distribution)
	found := aws_data.data_first_block(
		object.get(distribution, "ami_distribution_configuration", null),
		["distribution", i, "ami_distribution_configuration"],
	)
	path := found.path
	settings := found.block
	region := object.get(distribution, "region", null)
}

amis contains {"path": ["distribution", i, "ami_distribution_configuration"], "region": region, "settings": {}} if {
	some i, distribution in lib.attr_blocks("distribution")
	not lib.is_unknown(distribution)
	not lib.is_set(object.get(distribution, "ami_distribution_configuration", null))
	not lib.is_set(object.get(distribution, "container_distribution_configuration", null))
	region := object.get(distribution, "region", null)
}

unknown_paths contains ["distribution"] if lib.is_unknown(lib.attr("distribution"))

unknown_paths contains ["distribution", i] if {
	some i, distribution in lib.attr_blocks("distribution")
	lib.is_unknown(distribution)
}

unknown_paths contains ["distribution", i, "ami_distribution_configuration"] if {
	some i, distribution in lib.attr_blocks("distribution")
	lib.is_unknown(object.get(distribution, "ami_distribution_configuration", null))
}

deny contains {"not_applicable": true} if {
	count(amis) == 0
	count(unknown_paths) == 0
}

deny contains lib.undetermined(path, "Image Builder distribution configuration may not encrypt its AMIs with a customer-managed KMS key: its distributions are unknown until apply") if {
	some path in unknown_paths
}

# A key named decides.
deny contains violation if {
	some ami in amis
	lib.is_set(object.get(ami.settings, "kms_key_id", null))
	label := concat("", ["kms_key_id of the distribution to ", lib.show(ami.region)])
	some violation in aws_rest.rest_cmk_findings(
		"distribution", array.concat(ami.path, ["kms_key_id"]), object.get(ami.settings, "kms_key_id", null), label, subject,
	)
}

# Without kms_key_id the AMI keeps the recipe's key in the build region and takes the destination region's
# default EBS key elsewhere (aws/ebs unless aws_ebs_default_kms_key changes it there): not shown here.
deny contains lib.undetermined(array.concat(ami.path, ["kms_key_id"]), msg) if {
	some ami in amis
	not lib.is_set(object.get(ami.settings, "kms_key_id", null))
	msg := concat("", [
		subject, " may not encrypt the AMI it distributes to ", lib.show(ami.region), " with a customer-managed",
		" KMS key: kms_key_id is not set, so the AMI keeps the recipe's key in the build region and takes the",
		" default EBS key of other regions, which the scanned configuration does not show; required kms_key_id",
		" naming a customer-managed key",
	])
}
