# ENC-OPENSEARCH-001: OpenSearch and Elasticsearch domains encrypt data at rest.
package iacgate.rules.encryption.aws_data_opensearch_at_rest

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_setting_not_true(setting, "encrypt_at_rest.enabled", msg) if {
	setting := aws_data.data_setting("encrypt_at_rest", "enabled")
	not lib.is_true(setting.value)
	msg := "OpenSearch domain does not encrypt data at rest"
}
