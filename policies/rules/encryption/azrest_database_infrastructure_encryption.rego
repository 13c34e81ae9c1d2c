# ENC-AZDB-003: MySQL and PostgreSQL single servers enable infrastructure (double) encryption.
package iacgate.rules.encryption.azrest_database_infrastructure_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_types := {"microsoft.dbformysql/servers", "microsoft.dbforpostgresql/servers"}

deny contains {"not_applicable": true} if azapi.not_concerned(arm_types)

deny contains azapi.type_undetermined if azapi.type_unknown

# infrastructure_encryption_enabled defaults to false (ARM: properties.infrastructureEncryption "Enabled").
deny contains lib.violation(["infrastructure_encryption_enabled"], msg) if {
	not azapi.is_azapi
	value := lib.attr("infrastructure_encryption_enabled")
	not lib.is_true(value)
	msg := concat("", ["database server encrypts its data only once: infrastructure_encryption_enabled is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "infrastructureEncryption"]), msg) if {
	azapi.of_type(arm_types)
	value := azapi.arm_value(["properties", "infrastructureEncryption"])
	not lower(lib.show(value)) == "enabled"
	msg := concat("", ["database server encrypts its data only once: body.properties.infrastructureEncryption is ", lib.show(value), ", required Enabled"])
}
