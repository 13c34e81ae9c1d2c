# LOG-CONFIG-002: AWS Config aggregators cover every region.
package iacgate.rules.audit_logging.aws_audit_config_aggregator_all_regions

import data.iacgate.lib
import rego.v1

# An aggregator collects from accounts (account_aggregation_source; CloudFormation
# AccountAggregationSources, a list) or an organisation (organization_aggregation_source), each with
# all_regions (CloudFormation AllAwsRegions) or a list of regions. A region left out is a region whose
# changes the organisation's view does not show.
sources contains {"path": path, "value": value, "name": concat(".", [name, key])} if {
	some name in ["account_aggregation_source", "account_aggregation_sources", "organization_aggregation_source"]
	some i, source in lib.attr_blocks(name)
	key := aws_audit_aggregator_key(source)
	value := object.get(source, key, null)
	path := array.concat(array.concat([name], aws_audit_aggregator_index(lib.attr(name), i)), [key])
}

aws_audit_aggregator_key(source) := "all_aws_regions" if {
	object.get(source, "all_aws_regions", null) != null
} else := "all_regions"

aws_audit_aggregator_index(value, i) := [] if {
	is_object(value)
} else := [i]

deny contains lib.violation(source.path, msg) if {
	some source in sources
	not lib.is_true(source.value)
	msg := concat("", ["Config aggregator does not cover every region: ", source.name, " is ", lib.show(source.value), ", required true"])
}

# A source block unknown until apply (a dynamic block) may list regions: reported at its path.
deny contains lib.violation([name], msg) if {
	some name in ["account_aggregation_source", "account_aggregation_sources", "organization_aggregation_source"]
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["Config aggregator may not cover every region: ", name, " is unknown until apply, required all_regions true"])
}
