"""The change-safety pack on its fixtures (a plan, a preview and a change set per rule), and the inputs
that carry a change: change sets parsed fail-closed, destroyed resources seen only by change rules."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.graph.model import Graph, Resource
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome, fixture_settings
from iacgate.packs.model import Rule
from iacgate.parsers.base import ParseOptions
from iacgate.parsers.changeset import ChangeSetParser, parse_change_set
from iacgate.textio import SourceFile

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures" / "change-safety"
RULES = load_packs(("change-safety",)).rules


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_fixture_outcomes_match_resource_names(rule: Rule) -> None:
    settings = fixture_settings(FIXTURES / rule.id)
    result = scan(dataclasses.replace(settings, packs=(rule.pack,)))
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    named: dict[str, set[tuple[str, str]]] = {"fail": set(), "pass": set(), "undetermined": set()}
    for graph in result.graphs:
        for resource in graph.resources:
            outcome = expected_outcome(resource.id) if resource.type in rule.resource_types else None
            if outcome is not None:
                named[outcome].add((graph.name, resource.id))
    checks = [check for check in result.evaluation.checks if check.rule_id == rule.id]
    actual = {
        outcome: {(check.unit, check.resource_id) for check in checks if check.outcome == outcome}
        for outcome in ("fail", "pass", "undetermined")
    }
    assert actual == named
    formats = {resource.format for graph in result.graphs for resource in graph.resources}
    assert formats == {"terraform-plan", "pulumi", "cloudformation"}


def _graph(name: str) -> Graph:
    result = scan(ScanSettings(paths=(FIXTURES / "CHG-STATE-001" / name,), packs=("change-safety",)))
    (graph,) = result.graphs
    return graph


def test_a_replacement_names_the_attribute_forcing_it_in_every_format() -> None:
    result = scan(ScanSettings(paths=(FIXTURES / "CHG-STATE-001",), packs=("change-safety",)))
    messages = {v.resource_id: v.message for v in result.evaluation.violations}
    assert "action is replace, forced by identifier" in messages["aws_db_instance.fail_replaced"]
    assert (
        "forced by identifier"
        in messages["urn:pulumi:prod::ledger::aws:rds/instance:Instance::fail_replaced"]
    )
    assert "forced by identifier" in messages["FailReplacedDatabase"]
    assert "action is delete" in messages["aws_db_instance.fail_destroyed"]
    assert (
        "replacement is conditional on db_subnet_group_name" in messages["UndeterminedMaybeReplacedDatabase"]
    )


def test_destroyed_resources_are_judged_only_by_rules_that_judge_changes() -> None:
    result = scan(ScanSettings(paths=(FIXTURES / "CHG-STATE-001" / "plan.tfplan.json",)))
    destroyed = {"aws_db_instance.fail_destroyed", "aws_s3_bucket.fail_state_bucket_destroyed"}
    judging = {check.rule_id for check in result.evaluation.checks if check.resource_id in destroyed}
    assert judging == {"CHG-STATE-001", "CHG-BLAST-001"}


IN_PLACE = {
    "aws_db_instance.updated_in_place",
    "urn:pulumi:prod::ledger::aws:rds/instance:Instance::updated_in_place",
    "UpdatedDatabase",
}


def test_stateful_destroy_is_not_asked_about_an_in_place_update() -> None:
    """CHG-STATE-001 judges destroys and replacements (manifest ``actions: [delete, replace]``): an in-place
    update of a database gets no check of it at all in any format (no pass, finding or undetermined); a
    conditional replacement is still asked."""
    (rule,) = [rule for rule in RULES if rule.id == "CHG-STATE-001"]
    assert set(rule.change_actions) == {"delete", "replace"}
    result = scan(ScanSettings(paths=(FIXTURES / "CHG-STATE-001",), packs=("change-safety",)))
    graphs = {resource.id for graph in result.graphs for resource in graph.resources}
    assert graphs >= IN_PLACE
    checks = [check for check in result.evaluation.checks if check.resource_id in IN_PLACE]
    assert not [check for check in checks if check.rule_id == "CHG-STATE-001"]
    assert not [v for v in result.evaluation.violations if v.resource_id in IN_PLACE]
    maybe = "UndeterminedMaybeReplacedDatabase"
    conditional = {(c.rule_id, c.outcome) for c in result.evaluation.checks if c.resource_id == maybe}
    assert ("CHG-STATE-001", "undetermined") in conditional


def test_source_code_says_once_that_the_pack_does_not_apply() -> None:
    directory = ROOT / "fixtures" / "encryption" / "ENC-RDS-001"
    result = scan(ScanSettings(paths=(directory / "main.tf",), packs=("change-safety",)))
    notes = [n.message for n in result.notifications if "change-safety" in n.message]
    assert notes == [
        "pack change-safety not applicable: no scanned input has a before-state (a Terraform plan, a "
        "Pulumi preview or a CloudFormation change set)"
    ]
    assert not [c for c in result.evaluation.checks if c.rule_id.startswith("CHG-")]


def test_plan_resources_carry_their_change_and_before_state() -> None:
    graph = _graph("plan.tfplan.json")
    updated = graph.by_id["aws_db_instance.updated_in_place"]
    assert updated.change is not None and updated.change.actions == ("update",)
    assert updated.change.before is not None and updated.change.before["engine_version"] == "15.5"
    destroyed = graph.by_id["aws_db_instance.fail_destroyed"]
    assert destroyed.mode == "deleted" and destroyed.attributes["identifier"] == "ledger"
    replaced = graph.by_id["aws_db_instance.fail_replaced"]
    assert replaced.change is not None and replaced.change.replace_paths == (("identifier",),)


def _change_set(document: object, name: str = "release.json") -> SourceFile:
    text = json.dumps(document)
    return SourceFile(path=Path(name), relative=name, text=text)


def test_change_set_without_property_values_has_unknown_changed_properties() -> None:
    document = {
        "ChangeSetName": "x",
        "StackId": "arn:aws:cloudformation:eu-central-1:1:stack/s/1",
        "Changes": [
            {
                "Type": "Resource",
                "ResourceChange": {
                    "Action": "Modify",
                    "LogicalResourceId": "Db",
                    "ResourceType": "AWS::RDS::DBInstance",
                    "Replacement": "False",
                    "Details": [{"Target": {"Attribute": "Properties", "Name": "DeletionProtection"}}],
                },
            }
        ],
    }
    (resource,) = parse_change_set(_change_set(document)).resources
    assert resource.region == "eu-central-1"
    assert resource.change is not None and resource.change.before is not None
    assert type(resource.attributes["deletion_protection"]).__name__ == "Unknown"
    assert type(resource.change.before["deletion_protection"]).__name__ == "Unknown"


def test_a_replacement_without_property_values_is_undetermined_like_an_update(tmp_path: Path) -> None:
    """A replacement's old resource had the properties the change set names without values: a queue
    replaced (a new QueueName) while its KmsMasterKeyId changes may lose its key, so CHG-UPDATE-001 is
    undetermined there as on an in-place update, never left unasked."""
    details = [
        {"Target": {"Attribute": "Properties", "Name": "QueueName", "RequiresRecreation": "Always"}},
        {"Target": {"Attribute": "Properties", "Name": "KmsMasterKeyId", "RequiresRecreation": "Never"}},
    ]
    changes = [
        {"Type": "Resource", "ResourceChange": {"Action": "Modify", "LogicalResourceId": logical_id,
         "ResourceType": "AWS::SQS::Queue", "Replacement": replacement, "Details": details}}
        for logical_id, replacement in (("Replaced", "True"), ("Updated", "False"))
    ]  # fmt: skip
    path = tmp_path / "stack.changeset.json"
    path.write_text(json.dumps({"ChangeSetName": "x", "Changes": changes}), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), packs=("change-safety",)))
    assert _outcomes(result, "CHG-UPDATE-001") == {"Replaced": "undetermined", "Updated": "undetermined"}
    (graph,) = result.graphs
    replaced = graph.by_id["Replaced"].change
    assert replaced is not None and replaced.actions == ("create", "delete")
    assert replaced.before is not None and type(replaced.before["kms_master_key_id"]).__name__ == "Unknown"


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"ChangeSetName": "x", "Changes": {}}, "Changes is an object, expected a list"),
        ({"ChangeSetName": "x", "Changes": [{"Type": "Resource", "ResourceChange": []}]}, "ResourceChange"),
        (
            {"ChangeSetName": "x", "Changes": [{"Type": "Resource", "ResourceChange": {"Action": "Explode",
             "LogicalResourceId": "A", "ResourceType": "AWS::S3::Bucket"}}]},
            "Action is 'Explode'",
        ),
        (
            {"ChangeSetName": "x", "Changes": [{"Type": "Resource", "ResourceChange": {"Action": "Modify",
             "LogicalResourceId": "A", "ResourceType": "AWS::S3::Bucket", "Replacement": "Maybe"}}]},
            "Replacement is 'Maybe'",
        ),
        (
            {"ChangeSetName": "x", "Changes": [{"Type": "Resource", "ResourceChange": {"Action": "Modify",
             "LogicalResourceId": "A", "ResourceType": "AWS::S3::Bucket", "AfterContext": "{not json"}}]},
            "AfterContext is not JSON",
        ),
        # One page of a paged DescribeChangeSet (--max-items, --no-paginate, an SDK call): the other pages'
        # changes would run unjudged.
        (
            {"ChangeSetName": "x", "Status": "CREATE_COMPLETE", "Changes": [], "NextToken": "eyJwIjogMn0="},
            "not a readable CloudFormation change set: it holds one page of the change set's changes "
            "(NextToken is set",
        ),
        # Described before CloudFormation computed it: no changes yet, whatever it will do.
        (
            {"ChangeSetName": "x", "Status": "CREATE_IN_PROGRESS", "ExecutionStatus": "UNAVAILABLE",
             "Changes": []},
            "the change set is still being created (Status CREATE_IN_PROGRESS): its changes are not computed",
        ),
        (
            {"ChangeSetName": "x", "Status": "CREATE_PENDING", "Changes": []},
            "still being created (Status CREATE_PENDING)",
        ),
    ],
)  # fmt: skip
def test_a_malformed_change_set_is_an_error_naming_the_problem(document: object, problem: str) -> None:
    parser = ChangeSetParser()
    source = _change_set(document)
    assert parser.claims(source)
    (unit,) = parser.parse([source], ParseOptions(scan_root=Path(".")))
    assert not unit.resources
    (note,) = unit.notifications
    assert note.level == "error" and problem in note.message


def test_a_genuine_plan_of_every_action_carries_its_change() -> None:
    """``fixtures/parsers/tfplan/terraform-data-actions-tf1.11.tfplan.json`` is the real ``terraform show
    -json`` of Terraform 1.11.4 over ``terraform_data`` (no provider to download): three resources applied,
    then one trigger changed, one input changed, one block removed and one added."""
    plan = ROOT / "fixtures" / "parsers" / "tfplan" / "terraform-data-actions-tf1.11.tfplan.json"
    result = scan(ScanSettings(paths=(plan,), packs=("change-safety",)))
    (graph,) = result.graphs
    changes = {r.id: (r.mode, r.change.actions if r.change else None) for r in graph.resources}
    assert changes == {
        "terraform_data.created": ("managed", ("create",)),
        "terraform_data.destroyed": ("deleted", ("delete",)),
        "terraform_data.replaced": ("managed", ("delete", "create")),
        "terraform_data.updated": ("managed", ("update",)),
    }
    replaced = graph.by_id["terraform_data.replaced"].change
    assert replaced is not None and replaced.replace_paths == (("triggers_replace",),)
    assert replaced.before is not None and replaced.before["triggers_replace"] == ["v1"]
    assert graph.by_id["terraform_data.destroyed"].attributes["input"] == "gone"
    # Terraform writes why beside the change, not inside it.
    reasons = {r.id: r.metadata.get("action_reason") for r in graph.resources}
    assert reasons["terraform_data.destroyed"] == "delete_because_no_resource_config"
    assert reasons["terraform_data.replaced"] == "replace_because_cannot_update"
    assert reasons["terraform_data.created"] is None


def _action(resource: Resource) -> str | None:
    """What the source says the change does, in the pack's action words: a resource kept on removal
    (Terraform forget, Pulumi retainOnDelete, CloudFormation Retain) is still a delete (or replace) step."""
    change = resource.change
    if change is None:
        return None
    actions = set(change.actions)
    if ("create" in actions and actions & {"delete", "forget"}) or change.replacement_conditional:
        return "replace"
    if actions & {"delete", "forget"}:
        return "delete"
    return "update" if "update" in actions else None


# Outcomes no input can give: a Terraform replacement always destroys the old resource.
IMPOSSIBLE = {("CHG-STATE-001", "terraform-plan", "replace", "pass")}


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_every_judged_action_has_fail_and_pass_fixtures_in_every_format(rule: Rule) -> None:
    """The fixture matrix (#18): per format, every action the rule judges (manifest ``actions``) has a
    resource named fail and one named pass with that action (update, replace, delete steps of a Pulumi
    preview; Modify, Modify with Replacement True or Conditional, Remove of a change set); an action it
    does not judge has a resource named without an outcome, which the fixture test proves gets no check."""
    settings = fixture_settings(FIXTURES / rule.id)
    result = scan(dataclasses.replace(settings, packs=(rule.pack,)))
    covered: set[tuple[str, str, str]] = set()
    for graph in result.graphs:
        for resource in graph.resources:
            action = _action(resource)
            if resource.type in rule.resource_types and action is not None:
                outcome = expected_outcome(resource.id) or "none"
                covered.add((resource.format, action, outcome))
    missing = []
    for format_name in ("terraform-plan", "pulumi", "cloudformation"):
        for action in ("delete", "replace", "update"):
            wanted = ("fail", "pass") if action in rule.change_actions else ("none",)
            missing += [
                (format_name, action, outcome)
                for outcome in wanted
                if (format_name, action, outcome) not in covered
                and (rule.id, format_name, action, outcome) not in IMPOSSIBLE
            ]
    assert not missing


STACK = "AWS::CloudFormation::Stack"
NESTED_ROOT = FIXTURES / "CHG-STATE-001" / "nested-root.changeset.json"
NESTED_STORAGE = FIXTURES / "CHG-STATE-001" / "nested-storage.changeset.json"


def _outcomes(result: object, rule_id: str) -> dict[str, str]:
    checks = result.evaluation.checks  # type: ignore[attr-defined]
    return {check.resource_id: check.outcome for check in checks if check.rule_id == rule_id}


def test_nested_change_sets_given_beside_the_parent_are_judged_under_the_nested_stack_path() -> None:
    """A change set made with IncludeNestedStacks names each nested stack's own change set (ChangeSetId);
    given too, its changes join the parent's unit under the nested stack's logical id path, as a template's
    nested stacks are named, and the nested file is no unit of its own."""
    result = scan(ScanSettings(paths=(NESTED_ROOT, NESTED_STORAGE), packs=("change-safety",)))
    (graph,) = result.graphs
    assert graph.name.endswith("CHG-STATE-001/nested-root.changeset.json")
    replaced = graph.by_id["StorageStack/FailReplacedLedger"]
    assert replaced.location.file.endswith("CHG-STATE-001/nested-storage.changeset.json")
    assert replaced.change is not None and replaced.change.replace_paths == (("identifier",),)
    assert replaced.region == "eu-west-1"
    state = _outcomes(result, "CHG-STATE-001")
    assert state["StorageStack/FailReplacedLedger"] == "fail"
    assert state["StorageStack/FailDestroyedArchive"] == "fail"
    # The nested stack whose changes are given is a container: judged through its resources only.
    assert "StorageStack" not in state and "AddedStack" not in state and "RetainedStack" not in state
    assert state["UndeterminedAnalyticsStack"] == "undetermined"
    assert state["UndeterminedRetiredStack"] == "undetermined"
    notes = [
        n.message for n in result.notifications if (n.file or "").endswith("nested-storage.changeset.json")
    ]
    assert notes == [f"evaluated as the nested change set of {graph.name} (StorageStack)"]
    # The nested destroys count toward the parent's blast radius.
    assert graph.change_counts == {"delete": 2, "replace": 1}


def test_a_nested_stack_whose_change_set_is_not_given_is_undetermined_not_passed() -> None:
    result = scan(ScanSettings(paths=(NESTED_ROOT,), packs=("change-safety",)))
    for rule_id in ("CHG-STATE-001", "CHG-BLAST-001"):
        outcomes = _outcomes(result, rule_id)
        assert {
            key: outcomes.get(key) for key in ("StorageStack", "UndeterminedRetiredStack", "AddedStack")
        } == {
            "StorageStack": "undetermined",
            "UndeterminedRetiredStack": "undetermined",
            "AddedStack": None,
        }
    messages = {
        (v.rule_id, v.resource_id): v.message
        for v in result.evaluation.violations
        if v.status == "undetermined"
    }
    assert messages[("CHG-STATE-001", "StorageStack")].startswith(
        "nested stack changes not given: this change modifies a nested stack whose own change set is not"
    )
    assert "this change removes a nested stack" in messages[("CHG-STATE-001", "UndeterminedRetiredStack")]
    warnings = [n.message for n in result.notifications if n.level == "warning"]
    assert any(
        "nested stack StorageStack: its change set arn:aws:cloudformation:eu-west-1:123456789012:changeSet/"
        "release-43-StorageStack-1K7QW8X3C9Z2/"
        in message
        and "(nested stack changes not given)" in message
        for message in warnings
    )
    assert any(
        "nested stack UndeterminedRetiredStack: its change set is not in this change set" in m
        for m in warnings
    )


def test_a_nested_change_set_without_its_parent_is_judged_on_its_own_and_says_so() -> None:
    result = scan(ScanSettings(paths=(NESTED_STORAGE,), packs=("change-safety",)))
    (graph,) = result.graphs
    assert "FailReplacedLedger" in graph.by_id
    assert _outcomes(result, "CHG-STATE-001")["FailReplacedLedger"] == "fail"
    (warning,) = [n.message for n in result.notifications if n.level == "warning"]
    assert warning.startswith("a nested change set whose parent change set arn:aws:cloudformation:")


def test_change_sets_naming_each_other_as_nested_are_read_once_each_without_looping() -> None:
    """Malformed input (two change sets each naming the other's ChangeSetId as a nested stack's) ends: a
    change set already on the path is not read again, so that nested stack is undetermined."""

    def document(own: str, other: str) -> dict[str, object]:
        stack = {"Action": "Modify", "LogicalResourceId": "Inner", "ResourceType": STACK,
                 "Replacement": "False", "ChangeSetId": other}  # fmt: skip
        return {
            "ChangeSetName": own,
            "ChangeSetId": own,
            "Changes": [{"Type": "Resource", "ResourceChange": stack}],
        }

    a = _change_set(document("arn:a", "arn:b"), "a.changeset.json")
    b = _change_set(document("arn:b", "arn:a"), "b.changeset.json")
    units = [
        unit for unit in ChangeSetParser().parse([a, b], ParseOptions(scan_root=Path("."))) if unit.resources
    ]
    assert sorted(unit.unit for unit in units) == ["a.changeset.json", "b.changeset.json"]
    for unit in units:
        ids = [resource.id for resource in unit.resources]
        assert ids == ["Inner", "Inner/Inner"]
        assert unit.resources[1].change is not None
        assert unit.resources[1].change.reason == "nested_stack_changes_not_given"


def _replace_step(old_retain: bool | None, new_retain: bool | None) -> dict[str, object]:
    urn = "urn:pulumi:prod::ledger::aws:rds/instance:Instance::ledger"

    def state(identifier: str, retain: bool | None) -> dict[str, object]:
        found: dict[str, object] = {
            "urn": urn, "custom": True, "type": "aws:rds/instance:Instance",
            "inputs": {"identifier": identifier, "engine": "postgres", "deletionProtection": True},
        }  # fmt: skip
        return found if retain is None else {**found, "retainOnDelete": retain}

    return {
        "op": "replace", "urn": urn, "oldState": state("ledger", old_retain),
        "newState": state("ledger-v2", new_retain), "replaceReasons": ["identifier"],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("old_retain", "new_retain", "outcome"),
    [(None, True, "fail"), (False, True, "fail"), (True, True, "pass"), (True, False, "pass")],
)
def test_a_pulumi_replacement_keeps_the_old_resource_only_when_its_old_state_says_retain(
    tmp_path: Path, old_retain: bool | None, new_retain: bool | None, outcome: str
) -> None:
    """The engine decides from the state before the step (pulumi/pulumi#13428): retainOnDelete added by the
    program in the same update as a replacement does not keep the old database, which is destroyed."""
    preview = tmp_path / "preview.pulumi.json"
    preview.write_text(json.dumps({"steps": [_replace_step(old_retain, new_retain)]}), encoding="utf-8")
    result = scan(ScanSettings(paths=(preview,), packs=("change-safety",)))
    urn = "urn:pulumi:prod::ledger::aws:rds/instance:Instance::ledger"
    assert _outcomes(result, "CHG-STATE-001") == {urn: outcome}
    assert result.decision.exit_code == (0 if outcome == "pass" else 1)


def _modify(logical_id: str, native: str, name: str, before: object, after: object) -> dict[str, object]:
    """A Modify (Replacement False) of one property, with property values."""
    return {
        "Type": "Resource",
        "ResourceChange": {
            "Action": "Modify", "LogicalResourceId": logical_id, "ResourceType": native,
            "Replacement": "False", "Scope": ["Properties"],
            "Details": [{"Target": {"Attribute": "Properties", "Name": name, "RequiresRecreation": "Never"},
                         "Evaluation": "Dynamic", "ChangeSource": "ResourceAttribute"}],
            "BeforeContext": json.dumps({"Properties": {name: before}}),
            "AfterContext": json.dumps({"Properties": {name: after}}),
        },
    }  # fmt: skip


PENDING = "{{changeSet:KNOWN_AFTER_APPLY}}"


def test_a_value_the_change_set_knows_only_while_executing_is_unknown_never_a_literal(tmp_path: Path) -> None:
    """CloudFormation writes ``{{changeSet:KNOWN_AFTER_APPLY}}`` for a value it resolves only while executing
    (a Ref or GetAtt of a resource the change creates): a retention or an exposure set to it may weaken the
    control, so CHG-UPDATE-001 is undetermined, never passed on the placeholder text."""
    document = {
        "ChangeSetName": "x",
        "StackId": "arn:aws:cloudformation:eu-west-1:1:stack/s/1",
        "Status": "CREATE_COMPLETE",
        "Changes": [
            _modify("Logs", "AWS::Logs::LogGroup", "RetentionInDays", 365, PENDING),
            _modify("Db", "AWS::RDS::DBInstance", "PubliclyAccessible", "false", PENDING),
            _modify("Bucket", "AWS::S3::Bucket", "VersioningConfiguration", {"Status": "Enabled"},
                    {"Status": PENDING}),
        ],
    }  # fmt: skip
    path = tmp_path / "stack.changeset.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), packs=("change-safety",)))
    assert _outcomes(result, "CHG-UPDATE-001") == {
        "Logs": "undetermined", "Db": "undetermined", "Bucket": "undetermined",
    }  # fmt: skip
    (graph,) = result.graphs
    retention = graph.by_id["Logs"].attributes["retention_in_days"]
    assert type(retention).__name__ == "Unknown"
    assert "known only when the change set executes" in retention.reason


def test_a_drift_aware_change_set_syncing_a_resource_with_its_actual_state_changes_nothing() -> None:
    """``SyncWithActual`` (drift-aware change sets): the resource is not changed, only what CloudFormation
    records of it, so it reads as a no-op, not as a malformed change set failing the gate."""
    context = json.dumps({"Properties": {"DBInstanceIdentifier": "ledger", "DeletionProtection": "true"}})
    document = {
        "ChangeSetName": "x",
        "StackId": "arn:aws:cloudformation:eu-west-1:1:stack/s/1",
        "Status": "CREATE_COMPLETE",
        "Changes": [{"Type": "Resource", "ResourceChange": {
            "Action": "SyncWithActual", "LogicalResourceId": "Db", "ResourceType": "AWS::RDS::DBInstance",
            "BeforeContext": context, "AfterContext": context}}],
    }  # fmt: skip
    (unit,) = ChangeSetParser().parse([_change_set(document)], ParseOptions(scan_root=Path(".")))
    assert not unit.notifications
    (resource,) = unit.resources
    assert resource.mode == "managed" and resource.change is not None
    assert resource.change.actions == ("no-op",)


def test_a_deposed_object_destroyed_is_judged_beside_the_current_one(tmp_path: Path) -> None:
    """A deposed object (the old copy of an earlier create_before_destroy replacement whose destroy
    failed) is destroyed by the next plan, beside its current object: it is a resource of its own, named
    as Terraform shows it, and CHG-STATE-001 fails it; the current object's own change is kept."""
    document = json.loads((FIXTURES / "CHG-STATE-001" / "plan.tfplan.json").read_text(encoding="utf-8"))
    (current,) = [
        c for c in document["resource_changes"] if c["address"] == "aws_db_instance.updated_in_place"
    ]
    current["change"] = {**current["change"], "actions": ["no-op"], "before": current["change"]["after"]}
    deposed = {
        **current, "deposed": "1a2b3c4d",
        "change": {**current["change"], "actions": ["delete"], "after": None, "after_unknown": {}},
    }  # fmt: skip
    document["resource_changes"] = [current, deposed]
    # A variable holding the same text before resource_changes is not where the finding goes.
    document["variables"] = {"note": {"value": {"deposed": "1a2b3c4d"}}}
    document = {"variables": document.pop("variables"), **document}
    path = tmp_path / "plan.tfplan.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), packs=("change-safety",)))
    name = "aws_db_instance.updated_in_place (deposed object 1a2b3c4d)"
    assert _outcomes(result, "CHG-STATE-001") == {name: "fail"}
    (graph,) = result.graphs
    assert graph.by_id[name].mode == "deleted"
    kept = graph.by_id["aws_db_instance.updated_in_place"].change
    assert kept is not None and kept.actions == ("no-op",)
    (finding,) = [f for f in result.findings if f.resource_id == name]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert '"deposed": "1a2b3c4d"' in lines[finding.line - 1]
    assert finding.line > next(n for n, line in enumerate(lines, 1) if line.startswith(' "resource_changes"'))
    assert graph.change_counts == {"delete": 1, "replace": 0}
