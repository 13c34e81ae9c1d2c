"""The names the parsers give what they emit, in a module that loads no parser: the input formats, and
the types of the configuration nodes (declarations a rule may judge besides resources). The API and the
parser table read them here, so a scan loads a format's parser only when one of its files is claimed."""

from __future__ import annotations

# Input formats (a parser's ``format``; a resource's ``format`` is one of the first four).
TERRAFORM = "terraform"
TERRAFORM_PLAN = "terraform-plan"
CLOUDFORMATION = "cloudformation"
CLOUDFORMATION_CHANGESET = "cloudformation-changeset"
PULUMI = "pulumi"
PULUMI_CONFIG = "pulumi-config"

# Configuration nodes.
TERRAFORM_BACKEND = "terraform_backend"
TERRAFORM_VARIABLE = "terraform_variable"
TERRAFORM_OUTPUT = "terraform_output"
TERRAFORM_CONFIG_NODES = frozenset({TERRAFORM_BACKEND, TERRAFORM_VARIABLE, TERRAFORM_OUTPUT})
PLAN_VALUE = "terraform_plan_value"
CLOUDFORMATION_PARAMETER = "cloudformation_parameter"
PULUMI_SECRETS_PROVIDER = "pulumi_secrets_provider"
