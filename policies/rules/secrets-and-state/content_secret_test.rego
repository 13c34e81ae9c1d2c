package iacgate.rules.secrets_and_state.content_secret_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.content_secret as rule
import rego.v1

secret(attributes) := object.union(testing.resource("iacgate_secret", attributes), {"format": "terraform"})

test_detected_secret_fails_naming_detector_and_key if {
	some result in rule.deny with input.resource as secret({"detector": "GitHub Token", "key": "api_token", "line": 3, "digest": "abc", "example": false})
		with input.related as []
	result.path == ["detector"]
	contains(result.message, "GitHub Token under api_token")
}

test_detection_without_key_fails if {
	some result in rule.deny with input.resource as secret({"detector": "Private Key", "line": 3, "digest": "abc", "example": false})
		with input.related as []
	contains(result.message, "Private Key (value withheld)")
}

test_documentation_example_passes if {
	rule.deny == set() with input.resource as secret({"detector": "AWS Access Key", "key": "k", "line": 3, "digest": "abc", "example": true})
		with input.related as []
}
