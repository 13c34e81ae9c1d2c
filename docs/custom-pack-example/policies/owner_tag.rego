# ACME-TAG-001: S3 buckets and DynamoDB tables carry an owner tag.
package acme.rules.tagging.owner_tag

import data.iacgate.lib
import rego.v1

# `tags` is the resource's own tags in every format (Terraform tags, CloudFormation Tags, Pulumi tags).
owner := object.get(lib.resource.tags, "owner", null)

deny contains lib.violation(["tags", "owner"], msg) if {
	not lib.is_set(owner)
	msg := concat("", ["data store has no owner: tag owner is ", lib.show(owner), ", required the owning team"])
}
