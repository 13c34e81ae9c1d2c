# ENC-TRANSFER-001: Transfer Family servers offer no plain FTP (protocols SFTP, FTPS or AS2 only).
package iacgate.rules.encryption.aws_transit_transfer_protocols

import data.iacgate.lib
import rego.v1

# protocols defaults to [SFTP].
deny contains lib.violation(["protocols", i], msg) if {
	protocols := lib.attr("protocols")
	is_array(protocols)
	some i, protocol in protocols
	is_string(protocol)
	upper(protocol) == "FTP"
	msg := "Transfer Family server accepts unencrypted FTP: protocols includes FTP, required SFTP, FTPS or AS2 only"
}

# One protocol not known statically may be FTP.
deny contains lib.violation(["protocols", i], msg) if {
	protocols := lib.attr("protocols")
	is_array(protocols)
	some i, protocol in protocols
	lib.is_unknown(protocol)
	msg := "Transfer Family server may accept unencrypted FTP: a protocol is unknown until apply, required SFTP, FTPS or AS2 only"
}

deny contains lib.violation(["protocols"], "Transfer Family server may accept unencrypted FTP: protocols is unknown until apply, required SFTP, FTPS or AS2 only") if {
	lib.is_unknown(lib.attr("protocols"))
}
