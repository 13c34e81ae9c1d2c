# SEC-STATE-006: a deployed root module keeps its state in a remote backend, not in a local file.
package iacgate.rules.secrets_and_state.backend_remote

import data.iacgate.lib
import rego.v1

patterns := object.get(input.settings, "deployed_roots", null)

# settings.deployed_roots (globs on the root module directory, "." for the scan root) names the deployed
# roots; without it, every root with a provider block is deployed, except
# example and test roots.
deployed if {
	not is_array(patterns)
	lib.is_true(lib.attr("has_provider"))
	not example_root
}

# Roots that document or test a module (examples/complete, test/fixtures/x) are run by hand or by a test
# harness that destroys what it creates: not deployed unless settings.deployed_roots says so.
not_deployed_directories := {"example", "examples", "test", "tests", "testing", "samples", "demo", "demos"}

example_root if {
	some segment in split(lib.attr("root"), "/")
	lower(segment) in not_deployed_directories
}

deployed if {
	is_array(patterns)
	some pattern in patterns
	is_string(pattern)
	glob.match(pattern, ["/"], lib.attr("root"))
}

local_state if lib.attr("backend") == "local"

deny contains {"not_applicable": true} if not deployed

deny contains lib.violation(["backend"], msg) if {
	deployed
	local_state
	lib.is_true(lib.attr("declared"))
	msg := "deployed root module keeps its state in a local file: backend is local, required a remote backend with encryption, access control and locking"
}

deny contains lib.violation([], msg) if {
	deployed
	local_state
	not lib.is_true(lib.attr("declared"))
	msg := concat("", [
		"deployed root module ", lib.attr("root"),
		" declares no backend, so its state is a local file: backend is not set, required a remote backend with encryption, access control and locking",
	])
}
