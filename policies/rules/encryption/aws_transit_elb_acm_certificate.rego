# ENC-ELB-005: load balancer listeners present certificates from ACM, not IAM server certificates.
package iacgate.rules.encryption.aws_transit_elb_acm_certificate

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# The certificates a listener presents, each with the path of its ARN: ALB/NLB listeners and listener
# certificates certificate_arn (CloudFormation Certificates[].CertificateArn), classic load balancers
# listener[].ssl_certificate_id (CloudFormation Listeners[].SSLCertificateId).
certificates contains {"path": ["certificate_arn"], "value": lib.attr("certificate_arn")} if {
	lib.is_set(lib.attr("certificate_arn"))
}

certificates contains {"path": array.concat(entry.path, ["certificate_arn"]), "value": value} if {
	some entry in aws_tls.tls_block_list(lib.attr("certificates"), ["certificates"])
	value := object.get(entry.block, "certificate_arn", null)
	lib.is_set(value)
}

certificates contains {"path": array.concat(entry.path, ["ssl_certificate_id"]), "value": value} if {
	some name in ["listener", "listeners"]
	some entry in aws_tls.tls_block_list(lib.attr(name), [name])
	value := object.get(entry.block, "ssl_certificate_id", null)
	lib.is_set(value)
}

# A listener without a certificate (HTTP, TCP) is not concerned: ENC-ELB-001/003 judge its protocol.
deny contains {"not_applicable": true} if {
	count(certificates) == 0
	not transit_certificates_unknown
}

deny contains lib.violation(certificate.path, msg) if {
	some certificate in certificates
	transit_iam_arn(certificate.value)
	msg := concat("", [
		"load balancer listener presents an IAM server certificate: certificate is ", lib.show(certificate.value),
		", required an ACM certificate (aws_acm_certificate)",
	])
}

# A certificate taken from an aws_iam_server_certificate of the configuration.
deny contains lib.decided_violation(certificate.path, msg) if {
	some certificate in certificates
	not transit_iam_arn(certificate.value)
	not transit_acm_arn(certificate.value)
	transit_refers_to_iam
	msg := "load balancer listener presents an IAM server certificate: certificate is an aws_iam_server_certificate, required an ACM certificate (aws_acm_certificate)"
}

# A certificate not known statically that no ACM certificate of the configuration accounts for.
deny contains lib.undetermined(certificate.path, "load balancer listener certificate is unknown until apply: cannot tell whether it comes from ACM") if {
	some certificate in certificates
	not transit_literal(certificate.value)
	not transit_refers_to_iam
	not transit_refers_to_acm
}

deny contains lib.undetermined([name], "load balancer listener certificates are unknown until apply: cannot tell whether they come from ACM") if {
	some name in ["certificates", "listener", "listeners"]
	lib.is_unknown(lib.attr(name))
}

transit_certificates_unknown if {
	some name in ["certificates", "listener", "listeners"]
	lib.is_unknown(lib.attr(name))
}

transit_literal(value) if {
	is_string(value)
	startswith(value, "arn:")
}

transit_iam_arn(value) if {
	is_string(value)
	regex.match(`^arn:aws[a-z-]*:iam::[0-9]*:server-certificate/`, value)
}

transit_acm_arn(value) if {
	is_string(value)
	regex.match(`^arn:aws[a-z-]*:acm:`, value)
}

transit_refers_to_iam if count(lib.referenced("aws_iam_server_certificate")) > 0

# Only a reference from a certificate attribute says where the certificate comes from: a bare dependency
# (Pulumi `dependencies`, depends_on) on an ACM certificate does not make an unknown ARN that certificate's.
transit_refers_to_acm if transit_refers_via_certificate("aws_acm_certificate")

transit_refers_to_acm if transit_refers_via_certificate("aws_acm_certificate_validation")

transit_refers_via_certificate(type_name) if {
	some entry in input.related
	entry.direction == "out"
	entry.resource.type == type_name
	attribute := object.get(entry, "attribute", "")
	is_string(attribute)
	some name in ["certificate_arn", "certificates", "listener", "listeners", "ssl_certificate_id"]
	startswith(attribute, name)
}
