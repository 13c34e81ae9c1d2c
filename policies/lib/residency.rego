# Residency helpers: the allowed set from input.settings.residency, where a resource and its copies live,
# and one verdict for every place data is kept. Rules list the places; `judge` decides.
#
# A place is {"what": <text>, "region": <name or {"__unknown__": reason}>, "source": <how it was found>,
# "path": <attribute path at fault>}. Paths point at a known value or its enclosing block: a path into a
# value unknown until apply would make the engine turn every verdict into "undetermined", and a residency
# gate must not soften "we cannot tell where this lives" unless unknown_region says warn.
#
# Messages are joined with concat, not sprintf: regopy 1.5.2 quotes a string computed by another rule when
# sprintf formats it with %s (`"eu-west-1"`), and the quotes break the engine's JSON answer.
package iacgate.lib.residency

import data.iacgate.lib
import data.iacgate.lib.residency_data as facts
import rego.v1

# --- settings ----------------------------------------------------------------------------------------

config := object.get(object.get(input, "settings", {}), "residency", {})

classification_tag := object.get(config, "classification_tag", "data-classification")

# The resource's classification, when its tag names a class of the classifications map (exact match).
classification := value if {
	value := object.get(object.get(input.resource, "tags", {}), classification_tag, null)
	is_string(value)
	object.get(config, "classifications", {})[value]
}

# Allowed region names and globs for the resource under evaluation: its class's set, else the default set.
allowed := patterns if {
	patterns := object.get(config, "classifications", {})[classification]
} else := object.get(config, "allowed_regions", [])

allowed_text := concat("", [concat(", ", allowed), " (data classified ", classification, ")"]) if {
	classification
} else := concat(", ", allowed)

unknown_mode := object.get(config, "unknown_region", "fail")

global_services := object.get(config, "global_services", "deny")

# --- region names ------------------------------------------------------------------------------------

# Azure writes locations both ways ("West Europe", "westeurope"); GCP multi-regions are upper case.
normalise(name) := lower(replace(name, " ", ""))

# A GCP zone (europe-west1-b) lives in its region (europe-west1).
zone_region(name) := concat("-", [parts[0], parts[1]]) if {
	regex.match(`^[a-z]+-[a-z]+[0-9]+-[a-z]$`, name)
	parts := split(name, "-")
} else := name

# The regions a location keeps data in: a GCP multi- or dual-region's members, else the region itself.
members(name) := facts.gcp_locations[upper(name)] if {
	facts.gcp_locations[upper(name)]
} else := [zone_region(name)]

allowed_region(name) if {
	some pattern in allowed
	glob.match(normalise(pattern), [], normalise(name))
}

# Members of a location outside the allowed set (none when the location's own name is allowed).
outside_members(name) := [] if {
	allowed_region(name)
} else := [member | some member in members(name); not allowed_region(member)]

# A non-empty string region, else an unknown marker saying why.
region_value(value, reason) := value if {
	is_string(value)
	value != ""
} else := value if {
	lib.is_unknown(value)
} else := {"__unknown__": reason}

# Region of an AWS ARN (arn:partition:service:region:account:...); global ARNs have none.
arn_region(arn) := region_value(parts[3], concat("", ["the ARN ", arn, " names no region"])) if {
	is_string(arn)
	parts := split(arn, ":")
	count(parts) > 4
} else := region_value(arn, "no ARN is given")

# --- where the resource under evaluation lives ----------------------------------------------------------

# Arguments that place a resource, by provider, most specific first (GCP buckets and datasets take a
# location, instances a zone; azurerm resources a location; AWS provider v6 a per-resource region).
location_arguments := {"google": ["location", "region", "zone"], "azurerm": ["location"], "aws": ["region"]}

own_argument := name if {
	names := object.get(location_arguments, input.resource.provider, [])
	present := [n | some n in names; lib.is_set(object.get(lib.attrs, n, null))]
	name := present[0]
}

own_place := {
	"what": "the resource",
	"region": region_value(value, concat("", ["its ", own_argument, " is known only after apply"])),
	"source": concat("", ["resource argument ", own_argument]),
	"path": path,
} if {
	value := lib.attr(own_argument)
	not left_to_provider(value)
	path := known_path([own_argument], value)
} else := {
	"what": "the resource",
	"region": region_value(input.resource.region, "no region recorded"),
	"source": object.get(input.resource, "region_source", "unknown"),
	"path": [],
}

# An unknown argument that the configuration does not set (a pre-v6 aws_s3_bucket's computed region in
# a plan) is filled from the provider configuration, which the parser resolved as the resource's region;
# one the configuration sets is the resource's own (the parser says "resource argument") and stays unknown.
left_to_provider(value) if {
	lib.is_unknown(value)
	not startswith(object.get(input.resource, "region_source", ""), "resource argument")
}

# A path to a value, or to the resource when the value is unknown until apply.
known_path(path, value) := [] if {
	lib.is_unknown(value)
} else := path

# The region a neighbour lives in, as a place of the resource under evaluation.
neighbour_place(what, neighbour, path) := {
	"what": what,
	"region": region_value(neighbour_region(neighbour), "no region recorded"),
	"source": concat("", [neighbour.id, " (", object.get(neighbour, "region_source", "unknown"), ")"]),
	"path": path,
}

neighbour_region(neighbour) := value if {
	names := object.get(location_arguments, neighbour.provider, [])
	present := [v | some n in names; v := object.get(neighbour.attributes, n, null); is_string(v); v != ""]
	value := present[0]
} else := neighbour.region

# --- verdicts ------------------------------------------------------------------------------------------

path_text(path) := concat("", [text |
	some i
	part := path[i]
	text := part_text(i, part)
])

part_text(_, part) := sprintf("[%d]", [part]) if is_number(part)

part_text(i, part) := part if {
	is_string(part)
	i == 0
}

part_text(i, part) := concat("", [".", part]) if {
	is_string(part)
	i > 0
}

# What a person sets so the region becomes known, per input format.
hint := "pass --region or set cloudformation.region in iacgate.yaml" if {
	input.resource.format == "cloudformation"
} else := "set the provider's region, or aws:region / azure:location / gcp:region in the stack config" if {
	input.resource.format == "pulumi"
} else := "set region (azurerm: location) in the provider configuration the resource uses, or on the resource"

where(place) := concat("", [place.what, " (from ", place.source, ")"]) if {
	place.path == []
} else := concat("", [place.what, " at ", path_text(place.path), " (from ", place.source, ")"])

span(name) := concat("", [", which keeps data in ", concat(", ", members(name))]) if {
	count(members(name)) > 1
} else := ""

# Every place yields at most one result: outside the allowed set, or not determinable.
judge(place) := {unknown_result(place)} if {
	lib.is_unknown(place.region)
} else := {lib.violation(place.path, msg)} if {
	is_string(place.region)
	count(outside_members(place.region)) > 0
	msg := concat("", [where(place), " is in ", place.region, span(place.region), ", outside the allowed regions: ", allowed_text])
} else := set()

unknown_result(place) := lib.undetermined(place.path, msg) if {
	unknown_mode == "warn"
	msg := unknown_message(place)
} else := lib.violation(place.path, unknown_message(place))

unknown_message(place) := concat("", [where(place), ": the region cannot be determined (", place.region.__unknown__, "), so residency cannot be verified; ", object.get(place, "hint", hint), ". Allowed regions: ", allowed_text])

# Results for a set of places.
verdicts(places) := {result |
	some place in places
	some result in judge(place)
}

# --- copies and replicas -------------------------------------------------------------------------------
# Nested blocks are lists of objects in Terraform (plan and HCL); CloudFormation and Pulumi keep their own
# shapes (snake_case), where a block that occurs at most once is an object. `entries` gives [path, block]
# pairs for either shape.

# (The comprehension sits in the body: regopy 1.5.2 returns [] for a comprehension written as the value of
# a function clause that has an else.)
entries(value, path) := result if {
	is_array(value)
	result := [[block_path, block] |
		some i
		block := value[i]
		is_object(block)
		block_path := array.concat(path, [i])
	]
} else := [[path, value]] if {
	is_object(value)
	not lib.is_unknown(value)
} else := [[path, value]] if {
	# A block unknown until apply (a dynamic block, a variable) is one entry whose values are all unknown:
	# judged, never skipped (an unknown is never a pass).
	lib.is_unknown(value)
} else := []

# A value inside a block, or the block itself when the block is unknown until apply (so whatever is read
# from it is unknown too, not missing).
residency_child(block, key) := block if {
	lib.is_unknown(block)
} else := object.get(block, key, null)

terraform_formats := {"terraform-plan", "terraform"}

replica_place(entry, name, value) := {
	"what": "replica",
	"region": region_value(value, "the replica's region is known only after apply"),
	"source": concat("", [name, " block"]),
	"path": entry[0],
}

# DynamoDB: Terraform `replica { region_name }`; CloudFormation AWS::DynamoDB::GlobalTable `Replicas[].Region`;
# Pulumi `replicas[].regionName`.
dynamodb_replicas contains replica_place(entry, "replica", residency_child(entry[1], "region_name")) if {
	input.resource.format in terraform_formats
	some entry in entries(lib.attr("replica"), ["replica"])
}

dynamodb_replicas contains replica_place(entry, "Replicas", residency_child(entry[1], "region")) if {
	input.resource.format == "cloudformation"
	some entry in entries(lib.attr("replicas"), ["replicas"])
}

dynamodb_replicas contains replica_place(entry, "replicas", residency_child(entry[1], "region_name")) if {
	input.resource.format == "pulumi"
	some entry in entries(lib.attr("replica"), ["replica"])
}

# Secrets Manager: Terraform `replica { region }`; CloudFormation `ReplicaRegions[].Region`; Pulumi `replicas[].region`.
secret_replicas contains replica_place(entry, "replica", residency_child(entry[1], "region")) if {
	input.resource.format in terraform_formats
	some entry in entries(lib.attr("replica"), ["replica"])
}

secret_replicas contains replica_place(entry, "ReplicaRegions", residency_child(entry[1], "region")) if {
	input.resource.format == "cloudformation"
	some entry in entries(lib.attr("replica_regions"), ["replica_regions"])
}

secret_replicas contains replica_place(entry, "replicas", residency_child(entry[1], "region")) if {
	input.resource.format == "pulumi"
	some entry in entries(lib.attr("replicas"), ["replicas"])
}

# --- S3 replication ---

# Replication destinations as [path, destination block]: Terraform aws_s3_bucket_replication_configuration
# `rule { destination { bucket } }` (and the inline block of AWS provider < 4); CloudFormation
# `ReplicationConfiguration.Rules[].Destination`; Pulumi BucketReplicationConfig `rules[].destination`.
s3_destinations contains dest if {
	input.resource.format in terraform_formats
	input.resource.type == "aws_s3_bucket_replication_configuration"
	some rule in entries(lib.attr("rule"), ["rule"])
	some dest in entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))
}

s3_destinations contains dest if {
	input.resource.format in terraform_formats
	input.resource.type == "aws_s3_bucket"
	some conf in entries(lib.attr("replication_configuration"), ["replication_configuration"])
	some rule in entries(residency_child(conf[1], "rules"), array.concat(conf[0], ["rules"]))
	some dest in entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))
}

s3_destinations contains dest if {
	input.resource.format == "cloudformation"
	some conf in entries(lib.attr("replication_configuration"), ["replication_configuration"])
	some rule in entries(residency_child(conf[1], "rules"), array.concat(conf[0], ["rules"]))
	some dest in entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))
}

s3_destinations contains dest if {
	input.resource.format == "pulumi"
	some rule in entries(lib.attr("rule"), ["rule"])
	some dest in entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))
}

# Pulumi aws.s3.Bucket keeps the inline configuration: `replicationConfiguration.rules[].destination`;
# BucketV2 its deprecated list `replicationConfigurations[].rules[].destinations[]`.
s3_destinations contains dest if {
	input.resource.format == "pulumi"
	input.resource.type == "aws_s3_bucket"
	some name in ["replication_configuration", "replication_configurations"]
	some conf in entries(lib.attr(name), [name])
	some rule in entries(residency_child(conf[1], "rules"), array.concat(conf[0], ["rules"]))
	some dest in pulumi_rule_destinations(rule)
}

pulumi_rule_destinations(rule) := entries(rule[1].destinations, array.concat(rule[0], ["destinations"])) if {
	is_object(rule[1])
	not lib.is_unknown(rule[1])
	object.get(rule[1], "destinations", null) != null
} else := entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))

# Buckets this resource refers to other than as its source bucket: the candidates for destinations.
s3_destination_buckets := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.resource.type == "aws_s3_bucket"
	entry.attribute != "bucket"
]

# The ARNs a bucket is named by: its arn attribute, and arn:<partition>:s3:::<bucket> in every partition
# (aws, aws-cn, aws-us-gov...): an S3 ARN written in the configuration names the bucket whatever its
# partition.
s3_bucket_arns(bucket) := {arn |
	some arn in array.concat(
		[object.get(bucket.attributes, "arn", null)],
		[concat("", ["arn:", partition, ":s3:::", object.get(bucket.attributes, "bucket", "")]) |
			some partition in s3_partitions
		],
	)
	is_string(arn)
}

s3_partitions := ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]

# An S3 ARN names no region, so a destination is placed by finding its bucket in the configuration: by
# ARN when the value is known, else the one bucket the destination can refer to.
s3_destination_place(dest) := neighbour_place("replication destination", matches[0], dest[0]) if {
	arn := object.get(dest[1], "bucket", null)
	is_string(arn)
	matches := [bucket | some bucket in s3_destination_buckets; arn in s3_bucket_arns(bucket)]
	count(matches) > 0
} else := neighbour_place("replication destination", s3_destination_buckets[0], dest[0]) if {
	lib.is_unknown(residency_child(dest[1], "bucket"))
	count(s3_destination_buckets) == 1
} else := {
	"what": "replication destination",
	"region": {"__unknown__": concat("", ["destination bucket ", lib.show(residency_child(dest[1], "bucket")), " is not found in this configuration, and S3 bucket ARNs name no region"])},
	"source": "the destination's bucket ARN",
	"path": dest[0],
	"hint": "scan the destination bucket together with this configuration and refer to it (aws_s3_bucket.<name>.arn, Fn::GetAtt)",
}

s3_replication_destinations contains s3_destination_place(dest) if some dest in s3_destinations

# --- RDS and Aurora ---

# Read replicas refer to their source: Terraform and Pulumi `replicate_source_db`, CloudFormation
# `SourceDBInstanceIdentifier`. The replica's own region is judged by RES-REGION-001.
rds_replica_attributes := {"replicate_source_db", "source_db_instance_identifier"}

rds_read_replicas contains neighbour_place(concat("", ["read replica ", entry.resource.id]), entry.resource, []) if {
	some entry in input.related
	entry.direction == "in"
	entry.resource.type == "aws_db_instance"
	entry.attribute in rds_replica_attributes
}

# Member clusters of a global cluster name it in global_cluster_identifier; a source cluster is named by
# the global cluster's source_db_cluster_identifier.
aurora_global_members contains neighbour_place(concat("", ["member cluster ", entry.resource.id]), entry.resource, []) if {
	some entry in input.related
	entry.direction == "in"
	entry.resource.type == "aws_rds_cluster"
	entry.attribute == "global_cluster_identifier"
}

aurora_global_members contains neighbour_place(concat("", ["source cluster ", entry.resource.id]), entry.resource, path) if {
	path := known_path(["source_db_cluster_identifier"], lib.attr("source_db_cluster_identifier"))
	some entry in input.related
	entry.direction == "out"
	entry.resource.type == "aws_rds_cluster"
	entry.attribute == "source_db_cluster_identifier"
}

# --- KMS ---

# Replica keys name their primary key in primary_key_arn (all formats).
kms_key_replicas contains neighbour_place(concat("", ["replica key ", entry.resource.id]), entry.resource, []) if {
	some entry in input.related
	entry.direction == "in"
	entry.resource.type == "aws_kms_replica_key"
	entry.attribute == "primary_key_arn"
}

# --- AWS Backup ---

# Copy actions as [path, destination vault ARN]: Terraform `rule { copy_action { destination_vault_arn } }`;
# CloudFormation `BackupPlan.BackupPlanRule[].CopyActions[].DestinationBackupVaultArn`; Pulumi
# `rules[].copyActions[].destinationVaultArn`.
backup_copy_actions contains [action[0], residency_child(action[1], "destination_vault_arn")] if {
	input.resource.format in terraform_formats
	some rule in entries(lib.attr("rule"), ["rule"])
	some action in entries(residency_child(rule[1], "copy_action"), array.concat(rule[0], ["copy_action"]))
}

backup_copy_actions contains [action[0], residency_child(action[1], "destination_backup_vault_arn")] if {
	input.resource.format == "cloudformation"
	some plan in entries(lib.attr("backup_plan"), ["backup_plan"])
	some rule in entries(residency_child(plan[1], "backup_plan_rule"), array.concat(plan[0], ["backup_plan_rule"]))
	some action in entries(residency_child(rule[1], "copy_actions"), array.concat(rule[0], ["copy_actions"]))
}

backup_copy_actions contains [action[0], residency_child(action[1], "destination_vault_arn")] if {
	input.resource.format == "pulumi"
	some rule in entries(lib.attr("rule"), ["rule"])
	some action in entries(residency_child(rule[1], "copy_actions"), array.concat(rule[0], ["copy_actions"]))
}

# Vaults the plan refers to (a destination written as aws_backup_vault.dr.arn is unknown until apply).
backup_vaults := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.resource.type == "aws_backup_vault"
]

backup_copy_place(action) := {
	"what": "backup copy destination",
	"region": arn_region(action[1]),
	"source": "destination vault ARN",
	"path": action[0],
} if {
	is_string(action[1])
} else := neighbour_place("backup copy destination", backup_vaults[0], action[0]) if {
	count(backup_vaults) == 1
} else := {
	"what": "backup copy destination",
	"region": {"__unknown__": "the destination vault ARN is known only after apply and names no vault of this configuration"},
	"source": "destination vault ARN",
	"path": action[0],
}

backup_copy_destinations contains backup_copy_place(action) if some action in backup_copy_actions

# --- ECR ---

# aws_ecr_replication_configuration `replication_configuration { rule { destination { region } } }`
# (Terraform, and Pulumi once its rules/destinations are renamed); CloudFormation keeps the plural
# `ReplicationConfiguration.Rules[].Destinations[].Region`.
ecr_replication_destinations contains replica_place(dest, "Destinations", residency_child(dest[1], "region")) if {
	input.resource.format == "cloudformation"
	some conf in entries(lib.attr("replication_configuration"), ["replication_configuration"])
	some rule in entries(residency_child(conf[1], "rules"), array.concat(conf[0], ["rules"]))
	some dest in entries(residency_child(rule[1], "destinations"), array.concat(rule[0], ["destinations"]))
}

ecr_replication_destinations contains replica_place(dest, "destination", residency_child(dest[1], "region")) if {
	input.resource.format != "cloudformation"
	some conf in entries(lib.attr("replication_configuration"), ["replication_configuration"])
	some rule in entries(residency_child(conf[1], "rule"), array.concat(conf[0], ["rule"]))
	some dest in entries(residency_child(rule[1], "destination"), array.concat(rule[0], ["destination"]))
}

# --- Azure ---

# Geo-redundant storage keeps a second copy in the region paired with the account's location.
# Terraform and Pulumi (azure classic): account_replication_type; Pulumi azure-native: sku.name.
azure_replication_type := value if {
	value := lib.attr("account_replication_type")
	is_string(value)
} else := value if {
	# Pulumi azure-native: sku { name }. A plain object.get on a missing sku (null) is a builtin error.
	sku := lib.attr("sku")
	is_object(sku)
	value := object.get(sku, "name", null)
	is_string(value)
}

azure_replication_path := ["account_replication_type"] if {
	is_string(lib.attr("account_replication_type"))
} else := ["sku"]

azure_storage_secondary contains {
	"what": concat("", ["the geo-redundant copy (", azure_replication_type, ")"]),
	"region": paired,
	"source": concat("", ["Azure region pair of ", location]),
	"path": azure_replication_path,
	"hint": "use LRS or ZRS, or a location whose paired region is allowed",
} if {
	azure_replication_type in facts.azure_geo_replication_types
	location := own_place.region
	is_string(location)
	paired := object.get(facts.azure_paired_regions, normalise(location), {"__unknown__": concat("", [location, " has no region pair in the residency data table"])})
}

# The pair of a known location keeps the geo-redundant copy inside the allowed set.
azure_pair_allowed(location) if {
	paired := object.get(facts.azure_paired_regions, normalise(location), null)
	is_string(paired)
	count(outside_members(paired)) == 0
}

# A geo-redundant account whose location is unknown until apply: where its copy lives cannot be told.
azure_storage_secondary contains {
	"what": concat("", ["the geo-redundant copy (", azure_replication_type, ")"]),
	"region": {"__unknown__": "the account's location is known only after apply, so the paired region holding the copy is unknown"},
	"source": "Azure region pair of the account's location",
	"path": azure_replication_path,
	"hint": "use LRS or ZRS, or a location whose paired region is allowed",
} if {
	azure_replication_type in facts.azure_geo_replication_types
	lib.is_unknown(own_place.region)
}

# A replication type unknown until apply may be geo-redundant: unless the pair of the location is allowed
# too, where the copy lives cannot be told.
azure_storage_secondary contains {
	"what": "the copy a geo-redundant replication type would keep",
	"region": {"__unknown__": "account_replication_type is known only after apply"},
	"source": "Azure region pair of the account's location",
	"path": ["account_replication_type"],
	"hint": "use LRS or ZRS, or a location whose paired region is allowed",
} if {
	lib.is_unknown(lib.attr("account_replication_type"))
	not azure_pair_allowed_here
}

azure_pair_allowed_here if {
	location := own_place.region
	is_string(location)
	azure_pair_allowed(location)
}

# Cosmos DB: Terraform `geo_location { location }`; Pulumi `geoLocations[].location`.
cosmosdb_locations contains replica_place(entry, "geo_location", residency_child(entry[1], "location")) if {
	input.resource.format in terraform_formats
	some entry in entries(lib.attr("geo_location"), ["geo_location"])
}

cosmosdb_locations contains replica_place(entry, "geoLocations", residency_child(entry[1], "location")) if {
	input.resource.format == "pulumi"
	some entry in entries(lib.attr("geo_locations"), ["geo_locations"])
}

# SQL failover groups: `partner_server { id }`; the partner's location is the server's, found through the
# reference (or the block's computed location once known).
partner_servers := [entry.resource |
	some entry in input.related
	entry.direction == "out"
	entry.resource.type == "azurerm_mssql_server"
	entry.attribute == "partner_server"
]

sql_failover_partners contains place if {
	some entry in entries(lib.attr("partner_server"), ["partner_server"])
	place := partner_place(entry)
}

partner_place(entry) := replica_place(entry, "partner_server", residency_child(entry[1], "location")) if {
	is_string(object.get(entry[1], "location", null))
} else := neighbour_place("partner server", matches[0], entry[0]) if {
	matches := [server | some server in partner_servers; object.get(server.attributes, "id", null) == object.get(entry[1], "id", "")]
	count(matches) == 1
} else := neighbour_place("partner server", partner_servers[0], entry[0]) if {
	count(partner_servers) == 1
} else := {
	"what": "partner server",
	"region": {"__unknown__": "the partner server is not found in this configuration"},
	"source": "partner_server id",
	"path": entry[0],
	"hint": "scan the partner server together with the failover group and refer to it",
}
