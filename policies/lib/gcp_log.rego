# Cloud SQL for PostgreSQL logging flags (issue 16, GCP): one judgement shared by the rules that each
# require one database flag (log_checkpoints, log_lock_waits, log_min_messages ...).
#
# A flag is judged in three states: set to a value (which passes or fails), not set (the Cloud SQL default
# then decides: secure defaults pass), and unknown until apply (the version, the settings block, the flag
# list, a flag's name or its value: undetermined, never a pass). Functions are prefixed gcp_log_ (regopy
# 1.5.2 crashes when two packages define functions of one name with different arities).
package iacgate.lib.gcp_log

import data.iacgate.lib
import rego.v1

version := lib.attr("database_version")

# The engine is PostgreSQL: database_version POSTGRES_*.
postgres if {
	is_string(version)
	startswith(upper(version), "POSTGRES")
}

# Known and not PostgreSQL (MySQL, SQL Server): the rule does not concern the instance.
not_postgres if {
	is_string(version)
	not postgres
}

settings_value := lib.attr("settings")

# Terraform writes settings as a one-element list of blocks, Pulumi as an object.
settings_path := ["settings", 0] if {
	is_array(settings_value)
} else := ["settings"]

settings_block := block if {
	blocks := lib.blocks(settings_value)
	count(blocks) > 0
	block := blocks[0]
} else := {}

flags_value := object.get(settings_block, "database_flags", null)

flags_path := array.concat(settings_path, ["database_flags"])

flag_blocks := lib.blocks(flags_value)

# The flag list cannot be read: the settings block or the flag list is unknown, or a flag's name is.
flags_unknown if lib.is_unknown(settings_value)

flags_unknown if lib.is_unknown(flags_value)

flags_unknown if {
	some block in flag_blocks
	lib.is_unknown(object.get(block, "name", null))
}

# The path to look at when the flag list cannot be read (the engine names the unknown value there).
unknown_path := settings_path if {
	lib.is_unknown(settings_value)
} else := flags_path if {
	lib.is_unknown(flags_value)
} else := array.concat(flags_path, [index, "name"]) if {
	some index
	lib.is_unknown(object.get(flag_blocks[index], "name", null))
}

# The blocks setting flag `name` (flag names are case-insensitive in Cloud SQL): [[index, value], ...].
gcp_log_flag_entries(name) := [[index, value] |
	some index
	block := flag_blocks[index]
	flag_name := object.get(block, "name", null)
	is_string(flag_name)
	lower(flag_name) == name
	value := object.get(block, "value", null)
]

# A flag value as people and comparisons read it: lower case, numbers as written ("0", "-1").
gcp_log_flag_text(value) := lower(trim_space(value)) if {
	is_string(value)
} else := format_int(value, 10) if {
	is_number(value)
	value == floor(value)
} else := lib.show(value)

# The results of a rule requiring flag `name` to be one of `accepted` (lower-case texts). `default_ok`:
# the Cloud SQL default complies, so an instance that leaves the flag out passes. `what`: what is wrong
# ("does not log checkpoints"), `required`: the requirement as people read it ("on").
gcp_log_flag_results(name, accepted, default_ok, what, required) := results if {
	# A flag set to a value outside `accepted` (an unknown value fails at its path: the engine calls it
	# undetermined).
	wrong := {gcp_log_result(path, msg) |
		judged
		some entry in gcp_log_flag_entries(name)
		not gcp_log_accepted_text(entry[1], accepted)
		path := array.concat(flags_path, [entry[0], "value"])
		msg := concat("", [subject, " ", what, ": database flag ", name, " is ", lib.show(entry[1]), ", required ", required])
	}
	missing := {gcp_log_result(missing_path, msg) |
		judged
		not default_ok
		count(gcp_log_flag_entries(name)) == 0
		not flags_unknown
		msg := concat("", [subject, " ", what, ": database flag ", name, " is not set (default ", gcp_log_default_text(name), "), required ", required])
	}
	unread := {lib.undetermined(unknown_path, msg) |
		judged
		count(gcp_log_flag_entries(name)) == 0
		flags_unknown
		msg := concat("", [subject, ": database flag ", name, " cannot be read, the database flags are unknown until apply, required ", required])
	}
	results := (wrong | missing) | unread
}

# PostgreSQL, or a version unknown until apply (then a result is undetermined, never a pass).
judged if postgres

judged if lib.is_unknown(version)

subject := "PostgreSQL instance" if {
	postgres
} else := "instance (database_version unknown until apply, so possibly PostgreSQL)"

# A failure on a PostgreSQL instance; undetermined when the version is unknown.
gcp_log_result(path, msg) := lib.violation(path, msg) if {
	postgres
} else := lib.undetermined(path, msg)

gcp_log_accepted_text(value, accepted) if {
	not lib.is_unknown(value)
	gcp_log_flag_text(value) in accepted
}

# Where a finding about a flag the instance leaves out points: the settings block, or the resource.
missing_path := settings_path if {
	settings_block != {}
} else := []

# The Cloud SQL defaults of the flags the rules require, for messages.
flag_defaults := {
	"log_connections": "off",
	"log_disconnections": "off",
	"cloudsql.enable_pgaudit": "off",
	"log_checkpoints": "off",
	"log_lock_waits": "off",
	"log_hostname": "off",
	"log_temp_files": "-1",
	"log_statement": "none",
	"log_min_messages": "warning",
	"log_min_error_statement": "error",
	"log_min_duration_statement": "-1",
}

gcp_log_default_text(name) := object.get(flag_defaults, name, "not logged")
