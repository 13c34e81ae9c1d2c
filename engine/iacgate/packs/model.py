"""Typed rule-pack metadata, as read from ``rulepacks/*.yaml``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from iacgate.severity import Severity

# The control frameworks a rule maps to, with the names SARIF taxonomies and reports show.
FRAMEWORKS: Mapping[str, str] = {
    "pci-dss-4.0": "PCI DSS 4.0",
    "soc2": "SOC 2 (2017 Trust Services Criteria)",
    "iso27001-2022": "ISO/IEC 27001:2022 Annex A",
    "nist-800-53-r5": "NIST SP 800-53 rev. 5",
    "dora": "DORA (Regulation (EU) 2022/2554)",
}


# Suffixes of ``RuleSet.routes`` keys (they end up in generated Rego package names: identifiers only).
CHANGED = "__changed"
UPDATED = "__updated"
DESTROYED = "__destroyed"
# An in-place update that changes none of the attributes the rules with ``compares`` read for its type.
QUIET = "__quiet"
# The actions a rule of a pack judging changes can fail (manifest ``actions``; all when not set).
CHANGE_ACTIONS = ("delete", "replace", "update")


def route(type_name: str, mode: str, has_change: bool, in_place: bool = False, quiet: bool = False) -> str:
    """The ``RuleSet.routes`` key of a resource: see ``RuleSet.routes``. ``in_place``: the change only
    updates the resource (no replacement, certain or conditional); ``quiet``: and changes nothing the rules
    with ``compares`` read for the type."""
    if mode == "deleted":
        return f"{type_name}{DESTROYED}"
    if has_change and in_place:
        return f"{type_name}{QUIET if quiet else UPDATED}"
    if has_change:
        return f"{type_name}{CHANGED}"
    return type_name


@dataclass(frozen=True)
class Quiet:
    """An in-place update of a type that leaves every attribute in ``attributes`` as it was takes route
    ``key``, without the ``skipped`` rules, which only compare those attributes and so pass."""

    key: str
    attributes: frozenset[str]
    skipped: tuple[Rule, ...]


@dataclass(frozen=True)
class Control:
    framework: str
    control_id: str


@dataclass(frozen=True)
class Remediation:
    text: str
    terraform: str
    # format -> its own text, where ``text`` rendered in the format's names would still be wrong.
    text_in: Mapping[str, str] = field(default_factory=dict, hash=False)

    def text_for(self, format: str) -> str:
        return self.text_in.get(format, self.text)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    pack: str
    title: str
    description: str
    severity: Severity
    policy: str
    scope: str
    resource_types: tuple[str, ...]
    rationale: str
    remediation: Remediation
    help_uri: str
    controls: tuple[Control, ...]
    tags: tuple[str, ...] = ()
    precision: str = "high"
    formats: tuple[str, ...] = ()
    # A rule of a pack that judges changes (``judges: changes``): it reads ``input.resource.change`` and
    # also sees the resources a plan destroys; it is never asked about source code.
    changes: bool = False
    # A failure after an update that passed before it is a regression, reported with both values; the
    # engine evaluates the before-state to tell (``evaluate/regression.py``).
    regression: bool = False
    # The actions such a rule can fail (``delete``, ``replace``, ``update``): it is not asked about other
    # changes, where it could only answer not applicable (an in-place update for a rule on destroys).
    change_actions: tuple[str, ...] = CHANGE_ACTIONS
    # For such a rule: per type, the only top-level attributes it compares between the before- and the
    # after-state (manifest ``compares``). An in-place update that leaves all of them as they were cannot
    # fail it: the rule is not asked and passes (a tag-only update costs nothing more than a create).
    compares: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def compared(self, type_name: str) -> tuple[str, ...] | None:
        """The attributes the rule compares on ``type_name``, or None when it does not say."""
        for name, attributes in self.compares:
            if name == type_name:
                return attributes
        return None

    @property
    def rego_path(self) -> str:
        """Where the rule's ``deny`` set lives: ``data.<policy>.deny``."""
        return f"data.{self.policy}.deny"


@dataclass(frozen=True)
class Pack:
    id: str
    version: str
    title: str
    description: str
    rules: tuple[Rule, ...]
    manifest_path: Path
    policy_dir: Path
    # Keys of input.settings without which the pack's rules cannot judge anything (residency needs its
    # allowed regions); a scan without them skips the pack and says so once.
    requires_settings: tuple[str, ...] = ()
    # "changes": the pack judges what a plan, preview or change set does (needs a before-state).
    judges: str = "state"


@dataclass(frozen=True)
class RuleSet:
    """The packs of one run, with their Rego sources; built once, read by the evaluator and reports."""

    packs: tuple[Pack, ...]
    policy_files: tuple[Path, ...] = field(default_factory=tuple)

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)

    @cached_property
    def by_id(self) -> Mapping[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    @cached_property
    def by_type(self) -> Mapping[str, tuple[Rule, ...]]:
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            if rule.scope == "resource":
                for type_name in rule.resource_types:
                    index.setdefault(type_name, []).append(rule)
        return {key: tuple(value) for key, value in index.items()}

    @cached_property
    def routes(self) -> Mapping[str, tuple[Rule, ...]]:
        """The rules asked about a resource, by ``route`` key: source code gets the rules that judge state;
        a resource of a plan (with a change) every rule of its type, but an in-place update only the rules
        that judge changes that can fail an update; a destroyed resource only the rules that judge changes
        and can fail a destroy."""
        routes: dict[str, tuple[Rule, ...]] = {}
        for type_name, rules in self.by_type.items():
            variants = {
                type_name: tuple(rule for rule in rules if not rule.changes),
                f"{type_name}{CHANGED}": rules,
                f"{type_name}{UPDATED}": tuple(
                    rule for rule in rules if not rule.changes or "update" in rule.change_actions
                ),
                f"{type_name}{DESTROYED}": tuple(
                    rule for rule in rules if rule.changes and "delete" in rule.change_actions
                ),
                f"{type_name}{QUIET}": tuple(
                    rule
                    for rule in rules
                    if not rule.changes
                    or ("update" in rule.change_actions and rule.compared(type_name) is None)
                ),
            }
            routes.update((key, value) for key, value in variants.items() if value)
        return routes

    @cached_property
    def same_routes(self) -> Mapping[str, str]:
        """A route key whose rules are those of source code's route (an update of a type no rule judging
        changes names, a quiet update of a type only quiet rules judge) -> that route's key: one router,
        compiled once."""
        routes = self.routes
        return {
            key: type_name
            for type_name in self.by_type
            for key in (
                route(type_name, "managed", True, True),
                route(type_name, "managed", True, True, quiet=True),
                route(type_name, "managed", True),
            )
            if key in routes and routes[key] == routes.get(type_name)
        }

    @cached_property
    def quiet(self) -> Mapping[str, Quiet]:
        """Per type that rules judging updates say they compare (``Rule.compares``): see ``Quiet``."""
        quiet: dict[str, Quiet] = {}
        for type_name, rules in self.by_type.items():
            skipped = tuple(
                rule
                for rule in rules
                if rule.changes and "update" in rule.change_actions and rule.compared(type_name) is not None
            )
            if not skipped:
                continue
            attributes = frozenset(name for rule in skipped for name in rule.compared(type_name) or ())
            key = route(type_name, "managed", True, True, quiet=True)
            key = self.same_routes.get(key, key)
            quiet[type_name] = Quiet(key, attributes, skipped)
        return quiet

    @cached_property
    def graph_rules(self) -> tuple[Rule, ...]:
        return tuple(rule for rule in self.rules if rule.scope == "graph")
