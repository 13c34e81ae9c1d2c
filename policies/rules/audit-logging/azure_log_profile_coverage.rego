# LOG-AZMONITOR-003: log profiles capture every activity category (Action, Delete, Write) in every region,
# global included.
package iacgate.rules.audit_logging.azure_log_profile_coverage

import data.iacgate.lib
import rego.v1

# The public regions log profiles have been written for since CIS Azure 1.x, and "global" (events of
# global services such as Entra ID and Front Door). Regions opened later are not required, so a profile
# written before them is not flagged.
regions := {
	"global",
	"australiacentral", "australiacentral2", "australiaeast", "australiasoutheast", "brazilsouth",
	"canadacentral", "canadaeast", "centralindia", "centralus", "eastasia", "eastus", "eastus2",
	"francecentral", "francesouth", "germanynorth", "germanywestcentral", "japaneast", "japanwest",
	"koreacentral", "koreasouth", "northcentralus", "northeurope", "norwayeast", "norwaywest",
	"southafricanorth", "southafricawest", "southcentralus", "southeastasia", "southindia",
	"switzerlandnorth", "switzerlandwest", "uaecentral", "uaenorth", "uksouth", "ukwest", "westcentralus",
	"westeurope", "westindia", "westus", "westus2",
}

categories := ["Action", "Delete", "Write"]

azure_profile_names(name) := {lower(replace(item, " ", "")) |
	some item in lib.attr(name)
	is_string(item)
}

deny contains lib.violation(["categories"], msg) if {
	not lib.is_unknown(lib.attr("categories"))
	listed := azure_profile_names("categories")
	missing := [category | some category in categories; not lower(category) in listed]
	count(missing) > 0
	msg := concat("", ["log profile leaves activity out: categories is ", lib.attr_text("categories"), ", required Action, Delete and Write"])
}

deny contains lib.violation(["locations"], msg) if {
	not lib.is_unknown(lib.attr("locations"))
	listed := azure_profile_names("locations")
	missing := sort([region | some region in regions; not region in listed])
	count(missing) > 0
	msg := concat("", ["log profile leaves regions out: locations lacks ", concat(", ", missing), ", required every region and global"])
}

# Unknown lists fail at their path; the engine reports them as undetermined.
deny contains lib.violation([name], msg) if {
	some name in ["categories", "locations"]
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["cannot tell what the log profile captures: ", name, " is unknown until apply"])
}
