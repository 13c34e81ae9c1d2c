# One retention policy for every log store in every cloud (issue 16 §3): the shortest retention an audit
# log may have is input.settings.min_log_retention_days (default 365, PCI DSS 10.5.1: a year of history,
# three months immediately available), and "never expires" always complies. A retention value unknown
# until apply (a module variable, an undeclared variable) is undetermined, never a pass: rules report it
# at its path and the engine says why. Functions are prefixed retention_ (regopy 1.5.2 crashes when two
# packages define functions of one name with different arities).
package iacgate.lib.retention

import data.iacgate.lib
import rego.v1

min_days := object.get(object.get(input, "settings", {}), "min_log_retention_days", 365)

min_days_text := format_int(min_days, 10)

# The number of days a value states: a number, or a string of digits (CloudFormation, tfvars).
retention_days(value) := value if {
	is_number(value)
} else := to_number(value) if {
	is_string(value)
	regex.match(`^\s*[0-9]+(\.[0-9]+)?\s*$`, value)
}

# Kept for fewer than min_days, where `forever` is the value that means "never expires" (0 for
# CloudWatch, Azure SQL auditing and Azure Monitor; null for none).
retention_short(value, forever) if {
	days := retention_days(value)
	days != forever
	days < min_days
}

# A retention the rule cannot judge: unknown until apply, or a value that is no number of days.
retention_undecidable(value) if lib.is_unknown(value)

retention_undecidable(value) if {
	lib.is_set(value)
	not lib.is_unknown(value)
	not retention_days(value)
}
