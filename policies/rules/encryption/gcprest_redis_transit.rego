# ENC-GCPREDIS-001: Memorystore for Redis instances and clusters encrypt client connections (in-transit encryption).
package iacgate.rules.encryption.gcprest_redis_transit

import data.iacgate.lib
import rego.v1

# transit_encryption_mode defaults to DISABLED (TRANSIT_ENCRYPTION_MODE_DISABLED for a Redis Cluster); the
# server-authentication mode, spelled per API, is the only one with TLS.
mode := lib.attr("transit_encryption_mode")

required := "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION" if {
	input.resource.type == "google_redis_cluster"
} else := "SERVER_AUTHENTICATION"

subject := "Redis cluster" if {
	input.resource.type == "google_redis_cluster"
} else := "Redis instance"

deny contains lib.violation(["transit_encryption_mode"], msg) if {
	not upper(lib.show(mode)) == required
	msg := concat("", [subject, " accepts unencrypted connections: transit_encryption_mode is ", lib.show(mode), ", required ", required])
}
