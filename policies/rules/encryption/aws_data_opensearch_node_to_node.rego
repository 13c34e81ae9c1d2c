# ENC-OPENSEARCH-002: OpenSearch and Elasticsearch domains encrypt traffic between nodes.
package iacgate.rules.encryption.aws_data_opensearch_node_to_node

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains aws_data.data_setting_not_true(setting, "node_to_node_encryption.enabled", msg) if {
	setting := aws_data.data_setting("node_to_node_encryption", "enabled")
	not lib.is_true(setting.value)
	msg := "OpenSearch domain sends traffic between nodes unencrypted"
}
