# LOG-GCPDATAFUSION-001: Cloud Data Fusion instances send their logs to Cloud Logging.
package iacgate.rules.audit_logging.gcp_data_fusion_logging

import data.iacgate.lib
import rego.v1

value := lib.attr("enable_stackdriver_logging")

# Off by default: it must be set to true (an unknown value is undetermined through its path).
deny contains lib.violation(["enable_stackdriver_logging"], msg) if {
	not lib.is_true(value)
	msg := concat("", ["Data Fusion instance does not send its logs to Cloud Logging: enable_stackdriver_logging is ", lib.show(value), ", required true"])
}
