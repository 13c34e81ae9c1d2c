# LOG-GCPVPC-001: VPC subnets record flow logs.
package iacgate.rules.audit_logging.gcp_subnet_flow_logs

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# Proxy-only and Private Service Connect subnets carry no VM traffic and do not support flow logs.
exempt_purposes := {
	"INTERNAL_HTTPS_LOAD_BALANCER",
	"REGIONAL_MANAGED_PROXY",
	"GLOBAL_MANAGED_PROXY",
	"PRIVATE_SERVICE_CONNECT",
	"PRIVATE_NAT",
}

exempt if lib.attr("purpose") in exempt_purposes

# The control does not concern them: no check at all rather than a pass.
deny contains {"not_applicable": true} if exempt

# google provider before 5.0 switched flow logs on with enable_flow_logs = true.
flow_logs if gcp.has_block("log_config")

flow_logs if lib.is_true(lib.attr("enable_flow_logs"))

deny contains lib.violation(path, msg) if {
	not exempt
	not flow_logs
	path := gcp_flow_logs_path
	msg := concat("", ["subnet records no flow logs: log_config is ", gcp_flow_logs_text, ", required a log_config block"])
}

# log_config unknown as a whole (a dynamic block whose for_each is unknown, a variable), or enable_flow_logs
# unknown until apply, may switch flow logs on: the finding points at it and is undetermined.
gcp_flow_logs_path := lib.missing_block_path("log_config") if {
	lib.is_unknown(lib.attr("log_config"))
} else := ["enable_flow_logs"] if {
	lib.is_unknown(lib.attr("enable_flow_logs"))
} else := []

gcp_flow_logs_text := "unknown until apply" if {
	lib.is_unknown(lib.attr("log_config"))
} else := "not set"

deny contains lib.violation(["log_config", 0, "flow_sampling"], msg) if {
	not exempt
	sampling := gcp.block_setting(lib.attrs, "log_config", "flow_sampling")
	is_number(sampling)
	sampling <= 0
	msg := concat("", ["subnet samples no flows: log_config.flow_sampling is ", lib.show(sampling), ", required above 0"])
}

# A sampling rate unknown until apply may be 0: reported at its path, the engine calls it undetermined.
deny contains lib.violation(["log_config", 0, "flow_sampling"], msg) if {
	not exempt
	lib.is_unknown(gcp.block_setting(lib.attrs, "log_config", "flow_sampling"))
	msg := "subnet may sample no flows: log_config.flow_sampling is unknown until apply, required above 0"
}
