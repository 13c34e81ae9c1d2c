# LOG-CLOUDTRAIL-002: CloudTrail trails validate their log files (digest files).
package iacgate.rules.audit_logging.cloudtrail_log_validation

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["enable_log_file_validation"], msg) if {
	not lib.is_true(lib.attr("enable_log_file_validation"))
	msg := sprintf("CloudTrail trail does not validate its log files: enable_log_file_validation is %s, required true", [lib.attr_text("enable_log_file_validation")])
}
