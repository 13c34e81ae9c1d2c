# ENC-GCPSSL-002: load-balancer SSL policies offer no weak cipher suites.
package iacgate.rules.encryption.gcp_ssl_policy_profile

import data.iacgate.lib
import rego.v1

# COMPATIBLE (the default) offers every suite Google supports, including 3DES and CBC-SHA1 RSA suites.
strong_profiles := {"MODERN", "RESTRICTED", "FIPS_202205"}

# Suites without forward secrecy or with 3DES: what a CUSTOM profile must leave out.
weak_features := {
	"TLS_RSA_WITH_AES_128_GCM_SHA256",
	"TLS_RSA_WITH_AES_256_GCM_SHA384",
	"TLS_RSA_WITH_AES_128_CBC_SHA",
	"TLS_RSA_WITH_AES_256_CBC_SHA",
	"TLS_RSA_WITH_3DES_EDE_CBC_SHA",
}

profile := lib.attr("profile")

deny contains lib.violation([], msg) if {
	not lib.is_set(profile)
	msg := "SSL policy offers weak cipher suites: profile is not set (default COMPATIBLE), required MODERN, RESTRICTED or FIPS_202205 (or CUSTOM without RSA key-exchange and 3DES suites)"
}

deny contains lib.violation(["profile"], msg) if {
	lib.is_set(profile)
	not lib.is_unknown(profile)
	not profile in strong_profiles
	profile != "CUSTOM"
	msg := concat("", ["SSL policy offers weak cipher suites: profile is ", lib.show(profile), ", required MODERN, RESTRICTED or FIPS_202205 (or CUSTOM without RSA key-exchange and 3DES suites)"])
}

deny contains lib.violation(["custom_features"], msg) if {
	profile == "CUSTOM"
	features := lib.attr("custom_features")
	is_array(features)
	weak := sort([feature | some feature in features; feature in weak_features])
	count(weak) > 0
	msg := concat("", ["SSL policy offers weak cipher suites: custom_features includes ", concat(", ", weak), ", required none of the RSA key-exchange or 3DES suites"])
}

# Values unknown until apply cannot be judged: undetermined, never a pass. The profile; a CUSTOM profile's
# feature list, or one feature of it.
deny contains lib.violation(["profile"], msg) if {
	lib.is_unknown(profile)
	msg := "SSL policy profile is unknown: profile is unknown until apply, required MODERN, RESTRICTED or FIPS_202205 (or CUSTOM without RSA key-exchange and 3DES suites)"
}

deny contains lib.violation(["custom_features"], msg) if {
	profile == "CUSTOM"
	lib.is_unknown(lib.attr("custom_features"))
	msg := "SSL policy cipher suites are unknown: custom_features is unknown until apply, required none of the RSA key-exchange or 3DES suites"
}

deny contains lib.violation(["custom_features", index], msg) if {
	profile == "CUSTOM"
	features := lib.attr("custom_features")
	is_array(features)
	some index, feature in features
	lib.is_unknown(feature)
	msg := "SSL policy cipher suites are unknown: a feature in custom_features is unknown until apply, required none of the RSA key-exchange or 3DES suites"
}
