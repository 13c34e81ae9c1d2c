# Reference data of the residency pack: where multi-region names put data, which Azure region backs up
# which, and which resource types are global services.
#
# It lives in the policy bundle, not in input.settings, because it is a fact about the clouds rather than
# a choice of the user: it is versioned and reviewed with the rules that read it, reaches the embedded
# engine and an OPA server the same way (policies are uploaded, settings are per query), and a config
# file cannot silently drop it.
package iacgate.lib.residency_data

import rego.v1

# GCP multi-region and dual-region locations (Cloud Storage, BigQuery, Spanner, KMS...), keyed in upper
# case, mapped to the regions that hold the data. EU keeps data in EU member states; US and ASIA span the
# continent's regions. Sources: cloud.google.com/storage/docs/locations and /bigquery/docs/locations.
gcp_locations := {
	"EU": [
		"europe-central2", "europe-north1", "europe-north2", "europe-southwest1", "europe-west1",
		"europe-west3", "europe-west4", "europe-west8", "europe-west9", "europe-west10", "europe-west12",
	],
	"US": [
		"us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1", "us-west2", "us-west3",
		"us-west4",
	],
	"ASIA": ["asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3", "asia-south1", "asia-south2", "asia-southeast1", "asia-southeast2"],
	"ASIA1": ["asia-northeast1", "asia-northeast2"],
	"EUR4": ["europe-north1", "europe-west4"],
	"EUR5": ["europe-west1", "europe-west2"],
	"EUR7": ["europe-west2", "europe-west3"],
	"EUR8": ["europe-west3", "europe-west6"],
	"NAM4": ["us-central1", "us-east1"],
}

# Azure region pairs: geo-redundant storage (GRS, RA-GRS, GZRS, RA-GZRS) keeps its second copy in the
# paired region. Keys are normalised names (lower case, no spaces). Regions without a pair are absent:
# geo-redundancy there has no fixed secondary region. Source: learn.microsoft.com/azure/reliability/cross-region-replication-azure
azure_paired_regions := {
	"australiacentral": "australiacentral2",
	"australiacentral2": "australiacentral",
	"australiaeast": "australiasoutheast",
	"australiasoutheast": "australiaeast",
	"brazilsouth": "southcentralus",
	"brazilsoutheast": "brazilsouth",
	"canadacentral": "canadaeast",
	"canadaeast": "canadacentral",
	"centralindia": "southindia",
	"centralus": "eastus2",
	"eastasia": "southeastasia",
	"eastus": "westus",
	"eastus2": "centralus",
	"francecentral": "francesouth",
	"francesouth": "francecentral",
	"germanynorth": "germanywestcentral",
	"germanywestcentral": "germanynorth",
	"japaneast": "japanwest",
	"japanwest": "japaneast",
	"koreacentral": "koreasouth",
	"koreasouth": "koreacentral",
	"northcentralus": "southcentralus",
	"northeurope": "westeurope",
	"norwayeast": "norwaywest",
	"norwaywest": "norwayeast",
	"southafricanorth": "southafricawest",
	"southafricawest": "southafricanorth",
	"southcentralus": "northcentralus",
	"southeastasia": "eastasia",
	"southindia": "centralindia",
	"swedencentral": "swedensouth",
	"swedensouth": "swedencentral",
	"switzerlandnorth": "switzerlandwest",
	"switzerlandwest": "switzerlandnorth",
	"uaecentral": "uaenorth",
	"uaenorth": "uaecentral",
	"uksouth": "ukwest",
	"ukwest": "uksouth",
	"westcentralus": "westus2",
	"westeurope": "northeurope",
	"westindia": "southindia",
	"westus": "eastus",
	"westus2": "westcentralus",
	"westus3": "eastus",
}

# Storage replication types that keep a copy in the paired region.
azure_geo_replication_types := {"GRS", "RAGRS", "GZRS", "RAGZRS", "Standard_GRS", "Standard_RAGRS", "Standard_GZRS", "Standard_RAGZRS"}

# Resource types whose data or configuration AWS holds outside any one region (served from edge
# locations, or from the global control plane in us-east-1).
global_service_types := {
	"aws_cloudfront_distribution", "aws_cloudfront_function", "aws_cloudfront_key_value_store",
	"aws_cloudfront_realtime_log_config", "aws_globalaccelerator_accelerator",
	"aws_iam_access_key", "aws_iam_group", "aws_iam_openid_connect_provider", "aws_iam_policy",
	"aws_iam_role", "aws_iam_saml_provider", "aws_iam_server_certificate", "aws_iam_user",
	"aws_organizations_account", "aws_organizations_organization", "aws_organizations_policy",
	"aws_route53_health_check", "aws_route53_record", "aws_route53_zone", "aws_waf_web_acl",
	"aws_wafv2_web_acl", "azurerm_cdn_frontdoor_profile", "azurerm_frontdoor", "google_dns_managed_zone",
}
