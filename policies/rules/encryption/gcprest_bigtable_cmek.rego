# ENC-GCPBIGTABLE-001: every cluster of a Bigtable instance encrypts with a customer-managed Cloud KMS key (CMEK).
package iacgate.rules.encryption.gcprest_bigtable_cmek

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["cluster", index, "kms_key_name"], msg) if {
	some index, cluster in lib.attr_blocks("cluster")
	not lib.set_in_every_branch(object.get(cluster, "kms_key_name", null))
	key := object.get(cluster, "kms_key_name", null)
	msg := concat("", ["Bigtable cluster ", lib.show(object.get(cluster, "cluster_id", index)), " encrypts with a Google-managed key: cluster.kms_key_name is ", lib.show(key), ", required a Cloud KMS key (CMEK)"])
}

# Clusters unknown until apply (a dynamic block over an unknown collection): undetermined.
deny contains lib.violation(["cluster"], "Bigtable instance clusters are unknown until apply: cluster.kms_key_name cannot be read, required a Cloud KMS key (CMEK)") if {
	lib.is_unknown(lib.attr("cluster"))
}
