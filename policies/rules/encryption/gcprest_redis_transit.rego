# ENC-GCPREDIS-001: Memorystore Redis instances encrypt client connections (in-transit encryption).
package iacgate.rules.encryption.gcprest_redis_transit

import data.iacgate.lib
import rego.v1

# transit_encryption_mode defaults to DISABLED; SERVER_AUTHENTICATION is the only mode with TLS.
mode := lib.attr("transit_encryption_mode")

deny contains lib.violation(["transit_encryption_mode"], msg) if {
	not upper(lib.show(mode)) == "SERVER_AUTHENTICATION"
	msg := concat("", ["Redis instance accepts unencrypted connections: transit_encryption_mode is ", lib.show(mode), ", required SERVER_AUTHENTICATION"])
}
