# ENC-EKS-001: EKS clusters envelope-encrypt Kubernetes secrets with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_eks_secrets_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_svc
import rego.v1

# Encryption configurations that cover secrets (or whose resource list is unknown until apply).
secrets_configs contains i if {
	some i, block in lib.attr_blocks("encryption_config")
	resources := aws_svc.svc_field(block, "resources")
	"secrets" in resources
}

secrets_configs contains i if {
	some i, block in lib.attr_blocks("encryption_config")
	lib.is_unknown(aws_svc.svc_field(block, "resources"))
}

deny contains lib.violation(lib.missing_block_path("encryption_config"), msg) if {
	count(secrets_configs) == 0
	msg := concat("", [
		"EKS cluster does not encrypt Kubernetes secrets with a customer-managed KMS key: encryption_config is ",
		lib.attr_text("encryption_config"), ", required encryption_config with resources [\"secrets\"] and provider.key_arn naming a customer-managed key",
	])
}

deny contains lib.violation(["encryption_config", i, "provider"], msg) if {
	some i in secrets_configs
	block := lib.attr_blocks("encryption_config")[i]
	providers := lib.blocks(aws_svc.svc_field(block, "provider"))
	not eks_provider_cmk(providers)
	not eks_provider_undetermined(providers)
	not lib.is_unknown(aws_svc.svc_field(block, "provider"))
	keys := [aws.kms_key_text("encryption_config", aws_svc.svc_field(provider, "key_arn")) | some provider in providers]
	msg := concat("", [
		"EKS cluster encrypts secrets without a customer-managed KMS key: provider.key_arn is ",
		aws_svc.svc_list_text(keys), ", required the ARN of a customer-managed key",
	])
}

# The provider, or its key, is unknown until apply and refers to no key resource of the configuration (a
# variable may hold an AWS-managed key): the rule cannot tell.
deny contains lib.undetermined(["encryption_config", i, "provider"], msg) if {
	some i in secrets_configs
	block := lib.attr_blocks("encryption_config")[i]
	providers := lib.blocks(aws_svc.svc_field(block, "provider"))
	not eks_provider_cmk(providers)
	eks_provider_unknown(block, providers)
	msg := concat("", [
		"EKS cluster may not encrypt secrets with a customer-managed KMS key: provider.key_arn is unknown until apply",
		" and refers to no KMS key of the configuration, required the ARN of a customer-managed key",
	])
}

eks_provider_unknown(block, _) if lib.is_unknown(aws_svc.svc_field(block, "provider"))

eks_provider_unknown(_, providers) if eks_provider_undetermined(providers)

eks_provider_cmk(providers) if {
	some provider in providers
	aws.customer_managed_key("encryption_config", aws_svc.svc_field(provider, "key_arn"))
}

eks_provider_undetermined(providers) if {
	some provider in providers
	aws.kms_key_class("encryption_config", aws_svc.svc_field(provider, "key_arn")) == "undetermined"
}
