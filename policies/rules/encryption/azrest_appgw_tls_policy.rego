# ENC-AZAPPGW-001: Application Gateway TLS policies require TLS 1.2 or later.
package iacgate.rules.encryption.azrest_appgw_tls_policy

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

arm_type := "microsoft.network/applicationgateways"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# Predefined policies that accept TLS 1.0 or 1.1 (AppGwSslPolicy20170401S and the 2022 policies start at 1.2).
weak_policies := {"appgwsslpolicy20150501", "appgwsslpolicy20170401"}

weak_versions := {"tlsv1_0", "tlsv1_1"}

# Why a policy object (ssl_policy, or an ssl_profile's) accepts TLS below 1.2, or nothing when it does not.
weakness(policy, name_key, version_key) := concat("", [name_key, " is ", name]) if {
	name := object.get(policy, name_key, null)
	is_string(name)
	lower(name) in weak_policies
} else := concat("", [version_key, " is ", version]) if {
	version := object.get(policy, version_key, null)
	is_string(version)
	lower(version) in weak_versions
}

# A gateway without ssl_policy gets the default of its API version (AppGwSslPolicy20220101, TLS 1.2, since
# 2023-02-01): only an explicit weak policy is flagged.
deny contains lib.violation(["ssl_policy", 0], msg) if {
	not azapi.is_azapi
	policy := azapi.first_of(lib.attr_blocks("ssl_policy"))
	reason := weakness(policy, "policy_name", "min_protocol_version")
	msg := concat("", ["Application Gateway accepts TLS older than 1.2: ssl_policy.", reason, ", required AppGwSslPolicy20220101 or min_protocol_version TLSv1_2"])
}

deny contains lib.violation(["ssl_profile", index, "ssl_policy", 0], msg) if {
	not azapi.is_azapi
	some index, profile in lib.attr_blocks("ssl_profile")
	policy := azapi.first_of(lib.blocks(object.get(profile, "ssl_policy", null)))
	reason := weakness(policy, "policy_name", "min_protocol_version")
	msg := concat("", ["Application Gateway SSL profile accepts TLS older than 1.2: ssl_profile.ssl_policy.", reason, ", required AppGwSslPolicy20220101 or min_protocol_version TLSv1_2"])
}

deny contains lib.violation(azapi.body_path(["properties", "sslPolicy"]), msg) if {
	azapi.of_type({arm_type})
	policy := azapi.arm_value(["properties", "sslPolicy"])
	is_object(policy)
	reason := weakness(policy, "policyName", "minProtocolVersion")
	msg := concat("", ["Application Gateway accepts TLS older than 1.2: body.properties.sslPolicy.", reason, ", required AppGwSslPolicy20220101 or minProtocolVersion TLSv1_2"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "sslPolicy"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "sslPolicy"])
	msg := "Application Gateway TLS policy is unknown: body.properties.sslPolicy is unknown until apply, required TLS 1.2 or later"
}

deny contains lib.violation(azure.block_setting_path("ssl_policy", key), msg) if {
	not azapi.is_azapi
	some key in ["policy_name", "min_protocol_version"]
	lib.is_unknown(azure.block_value("ssl_policy", key))
	msg := concat("", ["Application Gateway TLS policy is unknown: ssl_policy.", key, " is unknown until apply, required AppGwSslPolicy20220101 or min_protocol_version TLSv1_2"])
}

deny contains lib.violation(["ssl_profile", index, "ssl_policy"], msg) if {
	not azapi.is_azapi
	some index, profile in lib.attr_blocks("ssl_profile")
	lib.is_unknown(object.get(profile, "ssl_policy", null))
	msg := "Application Gateway SSL profile TLS policy is unknown: ssl_profile.ssl_policy is unknown until apply, required AppGwSslPolicy20220101 or min_protocol_version TLSv1_2"
}

# A profile's policy name or minimum version unknown until apply (policy_name = var.x): undetermined.
deny contains lib.violation(["ssl_profile", index, "ssl_policy", 0, key], msg) if {
	not azapi.is_azapi
	some index, profile in lib.attr_blocks("ssl_profile")
	policy := azapi.first_of(lib.blocks(object.get(profile, "ssl_policy", null)))
	some key in ["policy_name", "min_protocol_version"]
	lib.is_unknown(object.get(policy, key, null))
	msg := concat("", ["Application Gateway SSL profile TLS policy is unknown: ssl_profile.ssl_policy.", key, " is unknown until apply, required AppGwSslPolicy20220101 or min_protocol_version TLSv1_2"])
}

# ARM: the gateway policy's name or minimum version unknown until apply (the policy as a whole is above).
deny contains lib.violation(azapi.body_path(["properties", "sslPolicy", key]), msg) if {
	azapi.of_type({arm_type})
	not azapi.unknown_at(["properties", "sslPolicy"])
	some key in ["policyName", "minProtocolVersion"]
	azapi.unknown_at(["properties", "sslPolicy", key])
	msg := concat("", ["Application Gateway TLS policy is unknown: body.properties.sslPolicy.", key, " is unknown until apply, required AppGwSslPolicy20220101 or minProtocolVersion TLSv1_2"])
}

# ARM: properties.sslProfiles[].properties.sslPolicy, judged as the gateway's policy is.
arm_profiles := profiles if {
	profiles := azapi.arm_value(["properties", "sslProfiles"])
	is_array(profiles)
} else := []

deny contains lib.violation(azapi.body_path(["properties", "sslProfiles", index, "properties", "sslPolicy"]), msg) if {
	azapi.of_type({arm_type})
	some index, profile in arm_profiles
	is_object(profile)
	policy := object.get(profile, ["properties", "sslPolicy"], null)
	is_object(policy)
	reason := weakness(policy, "policyName", "minProtocolVersion")
	msg := concat("", ["Application Gateway SSL profile accepts TLS older than 1.2: body.properties.sslProfiles.properties.sslPolicy.", reason, ", required AppGwSslPolicy20220101 or minProtocolVersion TLSv1_2"])
}

# ARM: the profiles, a profile, its policy, or the policy's name or minimum version unknown until apply.
deny contains lib.violation(azapi.body_path(["properties", "sslProfiles"]), msg) if {
	azapi.of_type({arm_type})
	not azapi.unknown_at(["properties", "sslPolicy"])
	azapi.unknown_at(["properties", "sslProfiles"])
	msg := "Application Gateway SSL profiles cannot be read: body.properties.sslProfiles is unknown until apply, required AppGwSslPolicy20220101 or minProtocolVersion TLSv1_2"
}

deny contains lib.violation(azapi.body_path(["properties", "sslProfiles", index]), msg) if {
	azapi.of_type({arm_type})
	some index, profile in arm_profiles
	arm_profile_policy_unknown(profile)
	msg := "Application Gateway SSL profile TLS policy is unknown: body.properties.sslProfiles.properties.sslPolicy is unknown until apply, required AppGwSslPolicy20220101 or minProtocolVersion TLSv1_2"
}

arm_profile_policy_unknown(profile) if lib.is_unknown(profile)

arm_profile_policy_unknown(profile) if {
	is_object(profile)
	some path in [["properties"], ["properties", "sslPolicy"]]
	lib.is_unknown(object.get(profile, path, null))
}

arm_profile_policy_unknown(profile) if {
	is_object(profile)
	policy := object.get(profile, ["properties", "sslPolicy"], null)
	is_object(policy)
	some key in ["policyName", "minProtocolVersion"]
	lib.is_unknown(object.get(policy, key, null))
}
