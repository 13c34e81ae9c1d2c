# Google Cloud (google provider) helpers for the encryption and audit-logging packs: nested blocks,
# Cloud SQL settings and database flags, durations, and KMS key references.
#
# Messages are joined with concat, not sprintf: regopy 1.5.2 quotes some computed strings inside %s.
package iacgate.lib.gcp

import data.iacgate.lib
import rego.v1

# --- nested blocks -----------------------------------------------------------------------------------

# The first block of a nested-block attribute of an object (Terraform writes a block that may occur once
# as a one-element list), or {} when the object has none.
block(object_value, name) := found if {
	found_blocks := lib.blocks(object.get(object_value, name, null))
	count(found_blocks) > 0
	found := found_blocks[0]
} else := {}

# The first block of a nested-block attribute of the resource under evaluation, or {}.
attr_block(name) := block(lib.attrs, name)

# A setting inside a nested block, or null.
# (Written in two steps: regopy 1.5.2 crashes compiling a function call nested in object.get's arguments.)
block_setting(object_value, name, setting) := value if {
	found := block(object_value, name)
	value := object.get(found, setting, null)
}

# Whether the resource under evaluation has at least one block of a nested-block attribute.
has_block(name) if count(lib.attr_blocks(name)) > 0

# --- Cloud SQL -----------------------------------------------------------------------------------------

# The settings block of a google_sql_database_instance.
sql_settings := attr_block("settings")

# The database engine family: "postgres", "mysql", "sqlserver", or "" when database_version is unknown.
sql_engine := engine if {
	version := lib.attr("database_version")
	is_string(version)
	some engine in ["postgres", "mysql", "sqlserver"]
	startswith(lower(version), engine)
} else := ""

# Database flags set in settings.database_flags: {name (lower case): {"value": value, "index": block index}}.
sql_flag_blocks := lib.blocks(object.get(sql_settings, "database_flags", []))

sql_flags := {lower(name): {"value": value, "index": index} |
	some index
	flag := sql_flag_blocks[index]
	name := object.get(flag, "name", null)
	is_string(name)
	value := object.get(flag, "value", null)
}

# A flag value as a lower-case string ("On" and "on" are the same setting).
flag_text(value) := lower(value) if {
	is_string(value)
} else := lib.show(value)

# --- durations -----------------------------------------------------------------------------------------

# Seconds in a google duration string ("7776000s", "86400.5s"); undefined for anything else.
duration_seconds(value) := to_number(trim_suffix(value, "s")) if {
	is_string(value)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, value)
}

# --- finding paths -------------------------------------------------------------------------------------

# Where a finding about a setting of a nested block of the resource under evaluation points: the setting
# when it is unknown until apply (a conditional that may leave it unset, `c ? key : null`), the block's
# first entry when the source holds one, the block itself when it is unknown as a whole (a dynamic block
# whose for_each is unknown, a variable), else the resource. A path that runs into an unknown value makes
# the finding undetermined, never a failure or a pass. In a plan, a block unknown as a whole is one the
# provider computes (lib.missing_block_path): the finding names the resource.
gcp_setting_path(name, setting) := [name, 0, setting] if {
	lib.is_unknown(block_setting(lib.attrs, name, setting))
} else := [name, 0] if {
	has_block(name)
} else := lib.missing_block_path(name) if {
	lib.is_unknown(lib.attr(name))
} else := []

# A setting of a nested block is set whichever branch a condition takes (lib.set_in_every_branch).
gcp_setting_set(name, setting) if lib.set_in_every_branch(block_setting(lib.attrs, name, setting))

# The setting as a message shows it: "unknown until apply" when it or its block is (a plan's block unknown
# as a whole is the provider's default, see gcp_setting_path: "not set"), else "not set".
gcp_setting_text(name, setting) := "unknown until apply" if {
	lib.is_unknown(block_setting(lib.attrs, name, setting))
} else := "unknown until apply" if {
	not has_block(name)
	lib.is_unknown(lib.attr(name))
	lib.missing_block_path(name) != []
} else := "not set"
