# ENC-NEPTUNE-005: Neptune global clusters encrypt their storage.
package iacgate.rules.encryption.aws_rest_neptune_global_cluster_encrypted

import data.iacgate.lib.aws_rest
import rego.v1

# storage_encrypted, or the encryption of the cluster it is built from (aws_rest.rest_global_cluster_findings).
deny contains finding if some finding in aws_rest.rest_global_cluster_findings("Neptune global cluster")
