# ENC-IMAGEBUILDER-002: Image Builder image recipes encrypt the EBS volumes they map.
package iacgate.rules.encryption.aws_rest_imagebuilder_recipe_encrypted

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_imagebuilder
import rego.v1

deny contains {"not_applicable": true} if aws_imagebuilder.recipe_not_concerned

deny contains lib.undetermined(path, "Image recipe may map unencrypted volumes: its block device mappings are unknown until apply") if {
	some path in aws_imagebuilder.recipe_unknown
}

deny contains violation if {
	some violation in aws_data.data_unencrypted_devices(aws_imagebuilder.recipe_devices, "Image recipe")
}
