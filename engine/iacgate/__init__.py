"""iacgate: a policy-as-code compliance gate for Infrastructure as Code."""

__version__ = "0.1.0"
