# ENC-MQ-001: Amazon MQ brokers encrypt their storage with a customer-managed KMS key.
package iacgate.rules.encryption.aws_data_mq_broker_cmk

import data.iacgate.lib
import data.iacgate.lib.aws
import data.iacgate.lib.aws_data
import rego.v1

# RabbitMQ brokers support only AWS-owned keys: there is nothing to choose.
engine := lib.attr("engine_type")

rabbitmq if {
	is_string(engine)
	lower(engine) == "rabbitmq"
}

# Encryption options do not apply to RabbitMQ brokers (AWS-owned key only): not judged at all.
deny contains {"not_applicable": true} if rabbitmq

# An engine unknown until apply may be RabbitMQ (not concerned) or ActiveMQ: undetermined, never a pass.
deny contains lib.violation(["engine_type"], msg) if {
	lib.is_unknown(engine)
	msg := "Amazon MQ broker engine is unknown: engine_type is unknown until apply, required ActiveMQ with a customer-managed kms_key_id (RabbitMQ is not concerned)"
}

activemq if {
	not rabbitmq
	not lib.is_unknown(engine)
}

aws_owned := aws_data.data_setting("encryption_options", "use_aws_owned_key")

key := aws_data.data_setting("encryption_options", "kms_key_id")

deny contains lib.violation(aws_owned.path, msg) if {
	activemq
	not lib.is_false(aws_owned.value)
	msg := concat("", [
		"Amazon MQ broker is encrypted with an AWS-owned key: encryption_options.use_aws_owned_key is ",
		lib.show(aws_owned.value), ", required false with a customer-managed kms_key_id",
	])
}

deny contains lib.violation(key.path, msg) if {
	activemq
	lib.is_false(aws_owned.value)
	not aws.customer_managed_key("encryption_options", key.value)
	msg := concat("", [
		"Amazon MQ broker is not encrypted with a customer-managed KMS key: encryption_options.kms_key_id is ",
		lib.show(key.value), ", required a customer-managed key",
	])
}
