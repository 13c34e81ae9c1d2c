# LOG-MWAA-001: Amazon MWAA environments publish all five Airflow log types to CloudWatch Logs.
package iacgate.rules.audit_logging.aws_audit_mwaa_logs

import data.iacgate.lib
import rego.v1

# logging_configuration (CloudFormation LoggingConfiguration) holds one block per log type, each with
# enabled (false unless set) and log_level. The scheduler, worker, webserver, task and DAG-processing
# logs together say who triggered which DAG run and what it did.
log_types := ["dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs"]

config := lib.attr_blocks("logging_configuration")[0] if {
	count(lib.attr_blocks("logging_configuration")) > 0
} else := {}

aws_audit_mwaa_index(value) := [] if {
	is_object(value)
} else := [0]

deny contains lib.violation(lib.missing_block_path("logging_configuration"), msg) if {
	count(lib.attr_blocks("logging_configuration")) == 0
	msg := concat("", ["Airflow environment publishes no logs: logging_configuration is not set, required ", concat(", ", log_types), " enabled"])
}

deny contains lib.violation(path, msg) if {
	count(lib.attr_blocks("logging_configuration")) > 0
	some name in log_types
	block := object.get(config, name, null)
	blocks := lib.blocks(block)
	enabled := aws_audit_mwaa_enabled(blocks)
	not lib.is_true(enabled)
	path := aws_audit_mwaa_path(name, block, blocks)
	msg := concat("", ["Airflow environment does not publish its ", replace(name, "_", " "), ": logging_configuration.", name, ".enabled is ", lib.show(enabled), ", required true"])
}

aws_audit_mwaa_enabled(blocks) := object.get(blocks[0], "enabled", null) if {
	count(blocks) > 0
} else := null

aws_audit_mwaa_path(name, block, blocks) := array.concat(
	array.concat(["logging_configuration"], aws_audit_mwaa_index(lib.attr("logging_configuration"))),
	array.concat([name], array.concat(aws_audit_mwaa_index(block), ["enabled"])),
) if {
	count(blocks) > 0
} else := array.concat(array.concat(["logging_configuration"], aws_audit_mwaa_index(lib.attr("logging_configuration"))), [name])
