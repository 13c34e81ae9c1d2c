"""The Terraform plan parser on hand-written plans: ids, actions, unknowns, edges, regions, tags, lines."""

from __future__ import annotations

import json

import pytest

from iacgate.evaluate import EmbeddedEvaluator
from iacgate.graph import UNKNOWN, Edge, Graph, Resource, Unknown
from iacgate.packs import load_packs
from parsers.tfplan_support import FIXTURES, graph_of, parse, text_source

MODULES = FIXTURES / "modules.tfplan.json"
MINIFIED = FIXTURES / "minified-tf1.0.tfplan.json"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return graph_of(MODULES)


def edges_from(graph: Graph, source: str) -> set[tuple[str, str, str | None]]:
    return {(edge.target, edge.kind, edge.attribute) for edge in graph.edges if edge.source == source}


def line_of(text: str, needle: str, after: str) -> int:
    """1-based line of the first ``needle`` after the first ``after`` in ``text``."""
    return text.count("\n", 0, text.index(needle, text.index(after))) + 1


def test_instance_ids_are_kept_exactly_and_delete_only_resources_are_kept_as_deleted(graph: Graph) -> None:
    # A resource the plan destroys is only for the rules that judge changes (the change-safety pack).
    deleted = [resource for resource in graph.resources if resource.mode == "deleted"]
    assert [(resource.id, resource.change.actions if resource.change else None) for resource in deleted] == [
        ("aws_instance.gone", ("delete",)),
        ("aws_instance.old", ("delete",)),
    ]
    assert [resource.id for resource in graph.resources if resource.mode != "deleted"] == [
        "aws_kms_key.main",
        "aws_s3_bucket.logs",
        "aws_sqs_queue.east",
        "aws_sns_topic.nowhere",
        "aws_sns_topic.local_region",
        'aws_s3_bucket.extra["a"]',
        'aws_s3_bucket.extra["b"]',
        'aws_s3_bucket_versioning.v["a"]',
        'aws_s3_bucket_versioning.v["b"]',
        'aws_s3_bucket_public_access_block.pab["a"]',
        'aws_s3_bucket_public_access_block.pab["b"]',
        "data.aws_iam_policy_document.deferred",
        "aws_cloudwatch_log_group.novalues",
        "aws_s3_bucket_policy.logs",
        'module.buckets["a"].aws_s3_bucket.this',
        'module.buckets["a"].aws_s3_bucket_server_side_encryption_configuration.this',
        'module.buckets["b"].aws_s3_bucket.this',
        'module.buckets["b"].aws_s3_bucket_server_side_encryption_configuration.this',
        "module.dr.aws_s3_bucket.replica",
        "module.legacy.aws_s3_bucket.old",
        "module.a.module.b.aws_ebs_volume.v[0]",
        "data.aws_iam_policy_document.allow",
    ]
    # aws_instance.gone (in planned_values) and aws_instance.old (prior state only) are delete-only.
    assert graph.by_id["aws_instance.gone"].mode == "deleted"
    assert graph.by_id["aws_instance.old"].mode == "deleted"


def test_actions_modes_and_types(graph: Graph) -> None:
    actions = {resource.id: resource.metadata["actions"] for resource in graph.resources}
    assert actions["aws_kms_key.main"] == ["create"]
    assert actions["aws_s3_bucket.logs"] == ["update"]
    assert actions["aws_sqs_queue.east"] == ["delete", "create"]
    assert actions["aws_sns_topic.nowhere"] == ["create", "delete"]
    assert actions["aws_sns_topic.local_region"] == ["no-op"]
    assert actions["data.aws_iam_policy_document.deferred"] == ["read"]
    deferred = graph.by_id["data.aws_iam_policy_document.deferred"]
    assert (deferred.mode, deferred.type, deferred.native_type) == (
        "data",
        "aws_iam_policy_document",
        "aws_iam_policy_document",
    )
    # Read during the plan: only in prior_state, still a node so references can reach it.
    allow = graph.by_id["data.aws_iam_policy_document.allow"]
    assert allow.mode == "data"
    assert allow.metadata["values_from"] == "prior_state"
    assert allow.attributes["json"] == '{"Version":"2012-10-17"}'
    volume = graph.by_id["module.a.module.b.aws_ebs_volume.v[0]"]
    assert (volume.format, volume.type, volume.provider, volume.mode) == (
        "terraform-plan",
        "aws_ebs_volume",
        "aws",
        "managed",
    )
    assert volume.metadata["module"] == "module.a.module.b"
    assert graph.by_id["module.legacy.aws_s3_bucket.old"].metadata["previous_address"] == "aws_s3_bucket.old"


def test_unknown_values_sit_exactly_where_after_unknown_puts_them(graph: Graph) -> None:
    sse = graph.by_id['module.buckets["a"].aws_s3_bucket_server_side_encryption_configuration.this']
    assert sse.attributes["bucket"] == UNKNOWN
    default = sse.attributes["rule"][0]["apply_server_side_encryption_by_default"][0]
    assert default == {"sse_algorithm": "aws:kms", "kms_master_key_id": UNKNOWN}
    assert sse.attributes["rule"][0]["bucket_key_enabled"] is True
    kms = graph.by_id["aws_kms_key.main"]
    assert kms.attributes["arn"] == Unknown("known after apply")
    # A known false/empty flag in after_unknown changes nothing.
    assert kms.attributes["tags_all"] == {"team": "pay", "env": "prod"}
    assert kms.attributes["enable_key_rotation"] is True
    queue = graph.by_id["aws_sqs_queue.east"]
    assert queue.attributes["kms_master_key_id"] is None  # an explicit null stays null, not unknown


def test_resource_without_values_falls_back_to_the_change_or_says_values_are_absent(graph: Graph) -> None:
    deferred = graph.by_id["data.aws_iam_policy_document.deferred"]
    assert deferred.attributes == {"statement": [{"effect": "Allow"}], "id": UNKNOWN, "json": UNKNOWN}
    assert "values_absent" not in deferred.metadata
    empty = graph.by_id["aws_cloudwatch_log_group.novalues"]
    assert empty.attributes == {}
    assert empty.metadata["values_absent"] is True


def test_references_become_edges_deduplicated_to_resources(graph: Graph) -> None:
    assert edges_from(graph, "aws_s3_bucket_policy.logs") == {
        ("aws_s3_bucket.logs", "reference", "bucket"),
        ("data.aws_iam_policy_document.allow", "reference", "policy"),
        ("aws_kms_key.main", "depends_on", None),
    }
    # Nested block references are reported on the top-level attribute.
    assert edges_from(graph, "data.aws_iam_policy_document.deferred") == {
        ("aws_s3_bucket.logs", "reference", "statement")
    }
    assert len(graph.edges) == len(set(graph.edges))


def test_for_each_references_link_key_by_key(graph: Graph) -> None:
    assert edges_from(graph, 'aws_s3_bucket_versioning.v["a"]') == {
        ('aws_s3_bucket.extra["a"]', "reference", "bucket")
    }
    assert edges_from(graph, 'aws_s3_bucket_versioning.v["b"]') == {
        ('aws_s3_bucket.extra["b"]', "reference", "bucket")
    }


def test_references_cross_module_boundaries_through_variables_and_outputs(graph: Graph) -> None:
    # var.kms_key_arn inside module.buckets["a"] is aws_kms_key.main.arn in the root module call.
    assert edges_from(
        graph, 'module.buckets["a"].aws_s3_bucket_server_side_encryption_configuration.this'
    ) == {
        ('module.buckets["a"].aws_s3_bucket.this', "reference", "bucket"),
        ("aws_kms_key.main", "reference", "rule"),
    }
    # module.buckets[each.key].bucket_id follows the output into the instance with the same key.
    assert edges_from(graph, 'aws_s3_bucket_public_access_block.pab["b"]') == {
        ('module.buckets["b"].aws_s3_bucket.this', "reference", "bucket")
    }
    neighbours = {other.id for other, _, _ in graph.neighbours("aws_kms_key.main")}
    assert 'module.buckets["b"].aws_s3_bucket_server_side_encryption_configuration.this' in neighbours


@pytest.mark.parametrize(
    ("resource_id", "region", "region_source"),
    [
        ("aws_kms_key.main", "eu-west-1", "provider aws"),  # region = var.region, from the plan's variables
        ("aws_s3_bucket.logs", "eu-central-1", "resource argument region"),  # AWS provider v6 argument
        ("aws_sqs_queue.east", "us-east-2", "provider aws.ohio"),
        ("module.dr.aws_s3_bucket.replica", "us-east-2", "provider aws.ohio (module.dr via providers map)"),
        (
            "module.legacy.aws_s3_bucket.old",
            "us-east-2",
            "provider aws.ohio (module.legacy via providers map)",
        ),
        (
            "module.a.module.b.aws_ebs_volume.v[0]",
            "eu-west-1",
            "provider aws (inherited by module.a.module.b)",
        ),
    ],
)
def test_effective_regions(graph: Graph, resource_id: str, region: str, region_source: str) -> None:
    resource = graph.by_id[resource_id]
    assert (resource.region, resource.region_source) == (region, region_source)


def test_unknown_regions_say_why(graph: Graph) -> None:
    nowhere = graph.by_id["aws_sns_topic.nowhere"]
    assert isinstance(nowhere.region, Unknown)
    assert "sets no region" in nowhere.region.reason
    assert nowhere.region_source == "provider aws.nowhere"
    local = graph.by_id["aws_sns_topic.local_region"]
    assert isinstance(local.region, Unknown)
    assert "local.region" in local.region.reason


def test_old_format_module_provider_key_inherits_the_root_region() -> None:
    (volume,) = graph_of(MINIFIED).resources
    assert (volume.region, volume.region_source) == ("eu-west-1", "provider aws (inherited by module.vol)")


def test_tags_prefer_known_tags_all(graph: Graph) -> None:
    assert graph.by_id["aws_kms_key.main"].tags == {"team": "pay", "env": "prod"}
    assert graph.by_id["aws_s3_bucket.logs"].tags == {"Name": "logs"}  # tags_all unknown -> tags
    assert graph.by_id["aws_sqs_queue.east"].tags == {}  # tags null


def test_line_numbers_of_resources_and_attributes(graph: Graph) -> None:
    text = MODULES.read_text()
    kms = graph.by_id["aws_kms_key.main"]
    assert kms.location.file == "modules.tfplan.json"
    assert kms.location.start_line == line_of(text, '"address": "aws_kms_key.main"', '"planned_values"') - 1
    assert kms.location.attribute_lines["enable_key_rotation"] == line_of(
        text, '"enable_key_rotation"', '"address": "aws_kms_key.main"'
    )
    assert kms.location.end_line == line_of(text, '"sensitive_values"', '"address": "aws_kms_key.main"') + 1
    sse_id = 'module.buckets["b"].aws_s3_bucket_server_side_encryption_configuration.this'
    sse = graph.by_id[sse_id]
    anchor = '"address": ' + json.dumps(sse_id)
    assert sse.location.line_for(
        ("rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm")
    ) == line_of(text, '"sse_algorithm"', anchor)
    # An unknown value has no line of its own: the enclosing block's line stands in.
    item = line_of(text, '"apply_server_side_encryption_by_default"', anchor) + 1
    assert (
        sse.location.line_for(("rule", 0, "apply_server_side_encryption_by_default", 0, "kms_master_key_id"))
        == item
    )
    assert sse.location.line_for(("no_such_attribute",)) == sse.location.start_line


def test_minified_plan_is_all_line_one() -> None:
    (volume,) = graph_of(MINIFIED).resources
    assert (volume.location.start_line, volume.location.end_line) == (1, 1)
    assert volume.location.line_for(("encrypted",)) == 1
    assert volume.attributes["id"] == UNKNOWN
    # The provider computes the key the configuration leaves out: "not set", as in the HCL source (#15).
    assert volume.attributes["kms_key_id"] is None


def test_a_finding_points_at_the_attribute_line() -> None:
    graph = graph_of(MODULES)
    rules = load_packs(("encryption",))
    evaluation = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    (violation,) = [v for v in evaluation.violations if v.rule_id == "ENC-EBS-001"]
    assert violation.resource_id == "module.a.module.b.aws_ebs_volume.v[0]"
    resource: Resource = graph.by_id[violation.resource_id]
    text = MODULES.read_text()
    expected = line_of(text, '"encrypted"', '"address": "module.a.module.b.aws_ebs_volume.v[0]"')
    assert resource.location.line_for(violation.path) == expected


def test_edges_are_edges_of_the_graph(graph: Graph) -> None:
    ids = set(graph.by_id)
    assert all(isinstance(edge, Edge) and edge.source in ids and edge.target in ids for edge in graph.edges)


def _plan_of_one(
    values: dict[str, object],
    unknown: dict[str, object],
    expressions: dict[str, object],
    type_name: str = "google_compute_instance",
) -> str:
    address = f"{type_name}.vm"
    resource = {"address": address, "mode": "managed", "type": type_name, "name": "vm"}
    provider = {"provider_name": f"registry.terraform.io/hashicorp/{type_name.split('_')[0]}"}
    return json.dumps(
        {
            "format_version": "1.2",
            "planned_values": {"root_module": {"resources": [{**resource, **provider, "values": values}]}},
            "resource_changes": [
                {
                    **resource,
                    **provider,
                    "change": {
                        "actions": ["create"],
                        "before": None,
                        "after": values,
                        "after_unknown": unknown,
                    },
                }
            ],
            "configuration": {
                "provider_config": {
                    "google": {
                        "name": "google",
                        "expressions": {"region": {"constant_value": "europe-west1"}},
                    }
                },
                "root_module": {
                    "resources": [{**resource, "provider_config_key": "google", "expressions": expressions}]
                },
            },
        }
    )


def test_google_computed_keys_the_configuration_leaves_out_are_not_set() -> None:
    """boot_disk.kms_key_self_link is optional and computed: a plan of a new instance shows it known after
    apply when the configuration writes no key; that is Google's default key, "not set" as in the source."""
    values = {
        "name": "vm",
        "boot_disk": [{"initialize_params": [{"image": "debian-12"}]}],
        "attached_disk": [{"source": "d"}],
    }
    unknown = {
        "boot_disk": [{"kms_key_self_link": True, "source": True}],
        "attached_disk": [{"kms_key_self_link": True}],
    }
    written = {
        "name": {"constant_value": "vm"},
        "boot_disk": [{"initialize_params": [{"image": {"constant_value": "debian-12"}}]}],
        "attached_disk": [
            {
                "source": {"constant_value": "d"},
                "kms_key_self_link": {"references": ["google_kms_crypto_key.k.id"]},
            }
        ],
    }
    (unit,) = parse(text_source(_plan_of_one(values, unknown, written), "google.tfplan.json"))
    (vm,) = unit.resources
    assert vm.attributes["boot_disk"][0]["kms_key_self_link"] is None
    assert vm.attributes["boot_disk"][0]["source"] is None
    # A key the configuration writes (a key of the same plan) stays unknown.
    assert isinstance(vm.attributes["attached_disk"][0]["kms_key_self_link"], Unknown)


def test_google_computed_keys_of_blocks_the_configuration_does_not_write_stay_unknown() -> None:
    """A dynamic block has no expressions of its own: its arguments may be written there."""
    values = {
        "name": "vm",
        "boot_disk": [{"initialize_params": [{"image": "debian-12"}]}],
        "attached_disk": [{"source": "d"}],
    }
    unknown = {
        "boot_disk": [{"kms_key_self_link": True, "source": True}],
        "attached_disk": [{"kms_key_self_link": True}],
    }
    written = {
        "name": {"constant_value": "vm"},
        "boot_disk": [{"initialize_params": [{"image": {"constant_value": "debian-12"}}]}],
    }
    (unit,) = parse(text_source(_plan_of_one(values, unknown, written), "google.tfplan.json"))
    (vm,) = unit.resources
    assert isinstance(vm.attributes["attached_disk"][0]["kms_key_self_link"], Unknown)
    assert vm.attributes["boot_disk"][0]["kms_key_self_link"] is None


def test_a_search_domain_never_configured_for_fine_grained_access_control_has_it_not_set() -> None:
    """advanced_security_options is optional and computed: a plan shows it known after apply for a domain
    whose configuration writes none (checkov's aws_55_resources plan); that is "off", not a doubt."""
    values = {"domain_name": "logs", "elasticsearch_version": "7.10"}
    unknown = {"advanced_security_options": True, "arn": True}
    written = {"domain_name": {"constant_value": "logs"}, "elasticsearch_version": {"constant_value": "7.10"}}
    plan = _plan_of_one(values, unknown, written, "aws_elasticsearch_domain")
    (unit,) = parse(text_source(plan, "search.tfplan.json"))
    (domain,) = unit.resources
    assert domain.attributes["advanced_security_options"] is None
    assert isinstance(domain.attributes["arn"], Unknown)
    # Written by the configuration (from a variable, say), it stays unknown.
    written["advanced_security_options"] = [{"enabled": {"references": ["var.fgac"]}}]
    (unit,) = parse(
        text_source(_plan_of_one(values, unknown, written, "aws_opensearch_domain"), "s.tfplan.json")
    )
    (domain,) = unit.resources
    assert isinstance(domain.attributes["advanced_security_options"], Unknown)
