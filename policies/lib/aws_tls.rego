# Helpers of the AWS encryption-in-transit rules (aws_tls group). Every function is prefixed tls_:
# regopy 1.5.2 crashes when two packages define functions of one name with different arity.
package iacgate.lib.aws_tls

import data.iacgate.lib
import rego.v1

# Every block of a nested-block value with its path: Terraform writes a list of blocks, CloudFormation
# and Pulumi a single block as one object. Empty when the value is missing. A value unknown until apply
# (a dynamic block, `listener = var.x`) is one block that is the unknown marker: every setting read from
# it is missing, and a finding about one points into the unknown value, which the engine reports as
# undetermined instead of a silent pass.
# regopy 1.5.2 mis-evaluates builtin calls in a comprehension's head inside a function: compute in the body.
tls_block_list(value, path) := [{"path": path, "block": value}] if {
	lib.is_unknown(value)
} else := listed if {
	is_array(value)
	listed := [entry |
		some i
		block := value[i]
		is_object(block)
		entry := {"path": array.concat(path, [i]), "block": block}
	]
} else := [{"path": path, "block": value}] if {
	is_object(value)
	not lib.is_unknown(value)
} else := []

# The first block of a nested-block value, or an empty object (a missing block holds no setting).
tls_first_block(value) := value[0] if {
	is_array(value)
	count(value) > 0
	is_object(value[0])
} else := value if {
	is_object(value)
	not lib.is_unknown(value)
} else := {}

# --- ALB/NLB listeners ---------------------------------------------------------------------------

# The listener's default actions: Terraform and Pulumi default_action, CloudFormation DefaultActions.
tls_listener_actions := [action |
	some name in ["default_action", "default_actions"]
	some action in lib.blocks(lib.attr(name))
]

# Where an action's redirect target lives: Terraform and Pulumi `redirect`, CloudFormation RedirectConfig.
tls_redirect_protocol(action) := protocol if {
	some name in ["redirect", "redirect_config"]
	redirect := tls_first_block(object.get(action, name, null))
	protocol := object.get(redirect, "protocol", null)
	lib.is_set(protocol)
}

# A type or protocol unknown until apply is no redirect to HTTPS (and no reason to stop the scan).
tls_redirects_to_https(action) if {
	kind := object.get(action, "type", "")
	is_string(kind)
	lower(kind) == "redirect"
	protocol := tls_redirect_protocol(action)
	is_string(protocol)
	upper(protocol) == "HTTPS"
}

# Every default action redirects to HTTPS: the listener answers plain HTTP with a redirect only. A
# redirect without a protocol keeps the request's own (#{protocol}), which stays HTTP.
tls_listener_redirects_only if {
	count(tls_listener_actions) > 0
	every action in tls_listener_actions {
		tls_redirects_to_https(action)
	}
}

# The listener belongs to a Gateway Load Balancer, whose listeners carry no protocol at all.
tls_gateway_listener if {
	some balancer in lib.referenced("aws_lb")
	object.get(balancer.attributes, "load_balancer_type", "") == "gateway"
}

# Security policies that negotiate TLS 1.2 or later only: the TLS 1.3 policies with a 1.2 or 1.3 floor,
# the TLS-1-2 and forward-secrecy FS-1-2 families. ELBSecurityPolicy-TLS13-1-0/1-1 still accept TLS 1.0/1.1.
tls_current_elb_policy(policy) if {
	is_string(policy)
	regex.match(`^ELBSecurityPolicy-(TLS13-1-[23]-|TLS-1-2-|FS-1-2-)`, policy)
}

# --- CloudFront distributions --------------------------------------------------------------------

# The distribution's settings and where they sit: CloudFormation nests them in DistributionConfig,
# Terraform and Pulumi write them on the resource.
tls_cf_config := {"path": ["distribution_config"], "settings": config} if {
	config := lib.attr("distribution_config")
	is_object(config)
} else := {"path": [], "settings": lib.attrs}

# A setting of the distribution: the unknown marker when the whole DistributionConfig is unknown until apply.
tls_cf_setting(name) := tls_cf_config.settings if {
	lib.is_unknown(tls_cf_config.settings)
} else := object.get(tls_cf_config.settings, name, null)

# A setting of a block from tls_block_list: the unknown marker when the block itself is unknown.
tls_get(block, name) := block if {
	lib.is_unknown(block)
} else := object.get(block, name, null)

# Every cache behaviour with its path: the default one, then the ordered ones (Terraform and Pulumi
# ordered_cache_behavior, CloudFormation CacheBehaviors).
tls_cf_behaviours := array.concat(
	tls_block_list(tls_cf_setting("default_cache_behavior"), array.concat(tls_cf_config.path, ["default_cache_behavior"])),
	tls_cf_ordered_behaviours,
)

tls_cf_ordered_behaviours := [entry |
	some name in ["ordered_cache_behavior", "cache_behaviors"]
	some entry in tls_block_list(tls_cf_setting(name), array.concat(tls_cf_config.path, [name]))
]

# Every viewer of the distribution reaches it over HTTPS (no behaviour allows plain HTTP).
tls_cf_viewers_https if {
	every entry in tls_cf_behaviours {
		object.get(entry.block, "viewer_protocol_policy", null) in {"redirect-to-https", "https-only"}
	}
}

# Custom origins (custom_origin_config) with their paths, from Terraform and Pulumi `origin` and
# CloudFormation Origins. S3 origins have no custom_origin_config: CloudFront reaches them over HTTPS.
tls_cf_custom_origins contains config if {
	some name in ["origin", "origins"]
	some origin in tls_block_list(tls_cf_setting(name), array.concat(tls_cf_config.path, [name]))
	config_path := array.concat(origin.path, ["custom_origin_config"])
	some config in tls_block_list(tls_get(origin.block, "custom_origin_config"), config_path)
}

# The viewer certificate block with its path (CloudFormation ViewerCertificate, Terraform and Pulumi
# viewer_certificate). Undefined when the distribution has none.
tls_cf_certificate := tls_block_list(tls_cf_setting("viewer_certificate"), array.concat(tls_cf_config.path, ["viewer_certificate"]))[0]

# The certificate is CloudFront's own *.cloudfront.net one (or none is named, which is the same).
tls_cf_default_certificate if {
	some name in ["cloudfront_default_certificate", "cloud_front_default_certificate"]
	lib.is_true(object.get(tls_cf_certificate.block, name, null))
}

tls_cf_default_certificate if not tls_cf_certificate

tls_cf_default_certificate if {
	not lib.is_unknown(tls_cf_certificate.block)
	not lib.is_set(object.get(tls_cf_certificate.block, "acm_certificate_arn", null))
	not lib.is_set(object.get(tls_cf_certificate.block, "iam_certificate_id", null))
}

# The distribution answers for custom domain names (aliases, CloudFormation Aliases).
tls_cf_has_aliases if lib.is_set(tls_cf_setting("aliases"))

# Minimum viewer protocol versions that accept TLS 1.2 or later only, with a current cipher set.
tls_cf_current_minimums := {"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

# --- API Gateway ---------------------------------------------------------------------------------

# API Gateway security policies that accept TLS 1.2 or later only: TLS_1_2 and every enhanced
# SecurityPolicy_TLS13_* / SecurityPolicy_TLS12_* policy (SecurityPolicy_TLS13_1_2_2021_06,
# SecurityPolicy_TLS13_1_3_2025_09, SecurityPolicy_TLS13_2025_EDGE, SecurityPolicy_TLS12_PFS_2025_EDGE ...).
tls_current_apigateway_policy(policy) if policy == "TLS_1_2"

tls_current_apigateway_policy(policy) if {
	is_string(policy)
	regex.match(`^SecurityPolicy_TLS1[23]_`, policy)
}

# --- Parameter groups ----------------------------------------------------------------------------

# The parameters a parameter group sets, each with its name, value and the path of its value:
# Terraform and Pulumi `parameter` blocks {name, value} ...
tls_parameters contains {"name": name, "value": object.get(block, "value", null), "path": ["parameter", i, "value"]} if {
	some i, block in lib.attr_blocks("parameter")
	name := object.get(block, "name", null)
	is_string(name)
}

# ... CloudFormation RDS Parameters, a name -> value map ...
tls_parameters contains {"name": name, "value": value, "path": ["parameters", name]} if {
	parameters := lib.attr("parameters")
	is_object(parameters)
	not lib.is_unknown(parameters)
	some name, value in parameters
}

# ... and CloudFormation Redshift Parameters, a list of ParameterName/ParameterValue pairs.
tls_parameters contains {"name": name, "value": value, "path": ["parameters", i, "ParameterValue"]} if {
	parameters := lib.attr("parameters")
	is_array(parameters)
	some i, pair in parameters
	name := object.get(pair, "ParameterName", null)
	is_string(name)
	value := object.get(pair, "ParameterValue", null)
}

# The setting of one parameter, or a not-set entry pointing at the resource when the group leaves it out.
# When the parameters as a whole are unknown until apply (a dynamic parameter block, Parameters from a
# variable), the value is the unknown marker and the path points at them: a finding there is undetermined.
tls_parameter(name) := found if {
	some found in tls_parameters
	lower(found.name) == lower(name)
} else := {"name": name, "value": lib.attr(unknown), "path": [unknown]} if {
	unknown := tls_parameters_unknown
} else := {"name": name, "value": null, "path": []}

tls_parameters_unknown := name if {
	some name in ["parameter", "parameters"]
	lib.is_unknown(lib.attr(name))
}

# A parameter value that switches a setting on: 1, ON or true, as string, number or boolean.
tls_switched_on(value) if lower(sprintf("%v", [value])) in {"1", "on", "true"}

# --- SSM documents -------------------------------------------------------------------------------

# The document's content as an object: Terraform and Pulumi hold a JSON or YAML string, CloudFormation
# an object (whose keys arrive in snake_case). Undefined when it cannot be read (unknown until apply).
tls_document_content := content if {
	content := lib.attr("content")
	is_object(content)
	not lib.is_unknown(content)
} else := json.unmarshal(text) if {
	text := lib.attr("content")
	is_string(text)
	json.is_valid(text)
} else := yaml.unmarshal(text) if {
	text := lib.attr("content")
	is_string(text)
	yaml.is_valid(text)
	is_object(yaml.unmarshal(text))
}

# A field of an object under its camelCase name (the document as written) or snake_case (CloudFormation).
tls_field(fields, camel, snake) := fields[camel] if {
	is_object(fields)
	fields[camel] != null
} else := object.get(fields, snake, null) if {
	is_object(fields)
} else := null

# --- Classic load balancer SSL negotiation policies ----------------------------------------------

# Protocols that a custom SSL negotiation policy must not switch on.
tls_outdated_protocols := {"Protocol-SSLv2", "Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1"}

# What is wrong with the attributes of one SSLNegotiationPolicyType policy, each with the path of the
# value at fault: a predefined Reference-Security-Policy older than TLS 1.2, an old protocol or a weak
# cipher switched on (a cipher fault says "cipher": true).
tls_negotiation_faults(pairs, path) := [fault |
	some i
	pair := pairs[i]
	name := object.get(pair, "name", "")
	value := object.get(pair, "value", null)
	fault := tls_negotiation_fault(name, value, array.concat(path, [i, "value"]))
]

tls_negotiation_fault(name, value, path) := {"path": path, "text": text} if {
	name == "Reference-Security-Policy"
	not tls_current_elb_policy(value)
	text := concat("", ["Reference-Security-Policy is ", lib.show(value), ", required ELBSecurityPolicy-TLS-1-2-*"])
} else := {"path": path, "text": text} if {
	name in tls_outdated_protocols
	tls_switched_on(value)
	text := concat("", [name, " is ", lib.show(value), ", required false (TLS 1.2 and later only)"])
} else := {"path": path, "text": text, "cipher": true} if {
	tls_weak_cipher(name)
	tls_switched_on(value)
	text := concat("", [name, " is ", lib.show(value), ", required false (no RC4, DES, 3DES, export, NULL, MD5 or anonymous ciphers)"])
} else := {"path": path, "text": text} if {
	# Unknown until apply: the finding points at the value, which the engine reports as undetermined.
	lib.is_unknown(value)
	tls_outdated_or_weak(name)
	text := concat("", [name, " is unknown until apply, required false (TLS 1.2 and later only, no weak ciphers)"])
}

tls_outdated_or_weak(name) if name in tls_outdated_protocols

tls_outdated_or_weak(name) if tls_weak_cipher(name)

# Cipher names of the classic load balancer (OpenSSL spelling) that break or weaken TLS: RC4, single and
# triple DES, export grade, NULL encryption, MD5 MACs and anonymous key exchange (ADH, AECDH).
tls_weak_cipher(name) if {
	is_string(name)
	regex.match(`(^|-)(RC4|DES|EXP|NULL|MD5|ADH|AECDH)(-|$)`, upper(name))
}
