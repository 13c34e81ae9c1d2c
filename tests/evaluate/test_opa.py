"""The OPA-server evaluator against a real ``opa run --server``: upload, no-upload, auth, failures."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from textwrap import dedent

import pytest
import requests

from iacgate.errors import ConfigError, EvaluationError, PackError
from iacgate.evaluate import EmbeddedEvaluator, EngineOptions, Evaluation
from iacgate.evaluate.closure import ModuleIndex
from iacgate.evaluate.opa import KEEP_VERSIONS, OpaEvaluator
from iacgate.evaluate.opa_http import OpaServer
from iacgate.graph import UNKNOWN, Edge, Graph, Resource, SourceLocation
from iacgate.packs import RuleSet, load_packs
from iacgate.packs.load import policies_root
from opa_server import RunningOpa, opa_server, policy_ids, running_opa  # noqa: F401

CONTROLS = (
    '{pci-dss-4.0: ["3.5.1"], soc2: [CC6.1], iso27001-2022: [A.8.24], nist-800-53-r5: [SC-28], dora: ["9"]}'
)
MANIFEST = """\
pack: house
version: 1.0.0
title: House rules
description: Rules written for these tests.
rules:
  - id: HOUSE-VOL-001
    name: HouseVolume
    title: Volumes are encrypted
    description: test rule
    severity: high
    policy: house.volume
    scope: resource
    resource_types: [aws_ebs_volume]
    rationale: test
    remediation: {text: set it, terraform: "encrypted = true"}
    help_uri: https://example.invalid/rule
    controls: {CONTROLS}
  - id: HOUSE-GRAPH-001
    name: HouseGraph
    title: Volumes have snapshots
    description: test rule
    severity: low
    policy: house.graph
    scope: graph
    resource_types: [aws_ebs_volume]
    rationale: test
    remediation: {text: snapshot it, terraform: "resource aws_ebs_snapshot"}
    help_uri: https://example.invalid/rule
    controls: {CONTROLS}
"""

VOLUME_POLICY = """\
package house.volume

import data.iacgate.lib

deny contains lib.violation(["encrypted"], "not encrypted") if {
    not lib.attrs.encrypted == true
}

deny contains lib.violation(["tags", "Owner"], "no owner") if {
    count(lib.referrers("aws_ebs_snapshot")) == 0
    not input.resource.tags.Owner
}
"""

GRAPH_POLICY = """\
package house.graph

deny contains {"resource": v.id, "path": [], "message": "no snapshot"} if {
    some v in input.resources_by_type.aws_ebs_volume
    not snapshotted[v.id]
}

snapshotted contains e.target if {
    some e in input.edges
    e.kind == "reference"
}
"""


def make_pack(tmp_path: Path, volume_policy: str = VOLUME_POLICY, graph_policy: str = GRAPH_POLICY) -> Path:
    directory = tmp_path / "house"
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pack.yaml").write_text(MANIFEST.replace("{CONTROLS}", CONTROLS), encoding="utf-8")
    (directory / "volume.rego").write_text(dedent(volume_policy), encoding="utf-8")
    (directory / "graph.rego").write_text(dedent(graph_policy), encoding="utf-8")
    return directory


def resource(type_name: str, name: str, tags: dict[str, str] | None = None, **attributes: object) -> Resource:
    return Resource(
        id=f"{type_name}.{name}",
        format="terraform-plan",
        native_type=type_name,
        type=type_name,
        provider="aws",
        region="eu-west-1",
        region_source="provider aws",
        attributes=attributes,
        tags=tags or {},
        location=SourceLocation("plan.json", 10, 20, {"encrypted": 12}),
    )


def volumes(count: int) -> Graph:
    """Every outcome in turn: pass, fail, undetermined, and a snapshot edge every fourth volume."""
    found: list[Resource] = []
    edges: list[Edge] = []
    for index in range(count):
        encrypted = (True, False, UNKNOWN)[index % 3]
        tags = {"Owner": "ledger"} if index % 2 else {}
        found.append(resource("aws_ebs_volume", f"v{index}", tags, encrypted=encrypted))
        if index % 4 == 0:
            found.append(resource("aws_ebs_snapshot", f"s{index}"))
            edges.append(Edge(f"aws_ebs_snapshot.s{index}", f"aws_ebs_volume.v{index}"))
    return Graph(tuple(found), tuple(edges))


def house_rules(tmp_path: Path, **policies: str) -> RuleSet:
    return load_packs(("house",), (make_pack(tmp_path, **policies),))


def opa(rules: RuleSet, url: str, **options: object) -> OpaEvaluator:
    batch_size = options.pop("batch_size", 200)
    assert isinstance(batch_size, int)
    return OpaEvaluator(rules, EngineOptions(opa_url=url, **options), batch_size=batch_size)  # type: ignore[arg-type]


def same(left: Evaluation, right: Evaluation) -> None:
    assert left.violations == right.violations
    assert left.checks == right.checks


def test_upload_evaluates_like_embedded_and_leaves_the_pack_for_the_next_scan(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = house_rules(tmp_path)
    graph = volumes(12)
    evaluator = opa(rules, opa_server.url)
    result = evaluator.evaluate(graph, rules, {"owner_tag": "Owner"})
    same(result, EmbeddedEvaluator(rules).evaluate(graph, rules, {"owner_tag": "Owner"}))
    assert result.engine == "opa"
    assert {check.outcome for check in result.checks} == {"pass", "fail", "undetermined"}
    assert {check.rule_id for check in result.checks} == {"HOUSE-VOL-001", "HOUSE-GRAPH-001"}
    ours = [policy for policy in policy_ids(opa_server) if policy.startswith(f"iacgate/{evaluator.digest}/")]
    sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
    # The router, and the rules' modules with the library they reach.
    assert len(ours) == 1 + len(ModuleIndex.of(sources).closure(["house.volume", "house.graph"]))
    # A later scan of the same pack version finds it there and uploads nothing.
    uploads: list[str] = []
    original = OpaServer.put_policy

    def counted(self: OpaServer, policy_id: str, source: str) -> None:
        uploads.append(policy_id)
        original(self, policy_id, source)

    monkeypatch.setattr(OpaServer, "put_policy", counted)
    again = opa(rules, opa_server.url).evaluate(graph, rules, {"owner_tag": "Owner"})
    same(again, result)
    assert uploads == []


REFERS_TO_POLICY = """\
package house.graph

import rego.v1

# Volumes a snapshot refers to are judged, through each snapshot's refers_to (no edges read); the others
# are not applicable, named in one result.
snapshotted := [ref.address |
    some s in object.get(input.resources_by_type, "aws_ebs_snapshot", [])
    some ref in s.refers_to
    ref.type == "aws_ebs_volume"
]

volumes := object.get(input.resources_by_type, "aws_ebs_volume", [])

deny contains {"resource": v.id, "path": ["encrypted"], "message": "snapshot of an unencrypted volume"} if {
    some v in volumes
    v.id in snapshotted
    not v.attributes.encrypted == true
}

deny contains {"not_applicable": true, "resources": [v.id | some v in volumes; not v.id in snapshotted]}
"""


def test_a_graph_rule_reads_refers_to_and_names_many_resources_not_applicable_in_one_result(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    rules = house_rules(tmp_path, graph_policy=REFERS_TO_POLICY)
    rule = next(rule for rule in rules.graph_rules if rule.id == "HOUSE-GRAPH-001")
    sources = [(path, path.read_text(encoding="utf-8")) for path in rules.policy_files]
    reads = ModuleIndex.of(sources).graph_reads(rule.policy)
    assert (reads.types, reads.edges, reads.refers_to) == (
        frozenset({"aws_ebs_snapshot", "aws_ebs_volume"}),
        False,
        True,
    )
    graph = volumes(12)
    embedded = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    same(opa(rules, opa_server.url).evaluate(graph, rules, {}), embedded)
    outcomes = {check.resource_id: check.outcome for check in embedded.checks if check.rule_id == rule.id}
    # Volumes 0, 4 and 8 have a snapshot: 4 is unencrypted (index 4 % 3 == 1), 0 encrypted, 8 unknown.
    assert outcomes == {
        "aws_ebs_volume.v0": "pass",
        "aws_ebs_volume.v4": "fail",
        "aws_ebs_volume.v8": "undetermined",
    }


def test_batches_across_boundaries_give_the_embedded_answers(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    rules = house_rules(tmp_path)
    graph = volumes(450)
    expected = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    same(opa(rules, opa_server.url, batch_size=200).evaluate(graph, rules, {}), expected)
    same(opa(rules, opa_server.url, batch_size=7).evaluate(graph, rules, {}), expected)


def test_a_policy_that_does_not_compile_names_file_and_line_and_leaves_nothing(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    broken = VOLUME_POLICY.replace("not lib.attrs.encrypted == true", "lib.no_such_helper(input)")
    rules = house_rules(tmp_path, volume_policy=broken)
    evaluator = opa(rules, opa_server.url)
    with pytest.raises(EvaluationError, match=r"does not compile.*volume\.rego:6:\d+: .*no_such_helper"):
        evaluator.evaluate(volumes(3), rules, {})
    assert not [
        policy for policy in policy_ids(opa_server) if policy.startswith(f"iacgate/{evaluator.digest}/")
    ]


def test_refused_builtins_stop_before_anything_is_sent(tmp_path: Path) -> None:
    rules = house_rules(tmp_path, volume_policy=VOLUME_POLICY + "\nleak := opa.runtime()\n")
    with pytest.raises(PackError, match=r"volume\.rego:14: policy uses opa\.runtime, which is refused"):
        opa(rules, "http://127.0.0.1:9")


def test_no_upload_evaluates_preloaded_policies_and_checks_packages(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    graph = volumes(30)
    with running_opa(load=[policies_root() / "lib", tmp_path / "house"]) as server:
        before = policy_ids(server)
        result = opa(rules, server.url, opa_upload=False, batch_size=8).evaluate(graph, rules, {})
        same(result, EmbeddedEvaluator(rules).evaluate(graph, rules, {}))
        assert policy_ids(server) == before
        # The same server, asked to upload, evaluates its own copy beside the loaded one (before pack
        # versions had namespaces of their own, this was refused), and leaves the loaded one as it was.
        same(opa(rules, server.url).evaluate(graph, rules, {}), result)
        assert set(before) < set(policy_ids(server))


def test_no_upload_names_a_missing_package(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    with (
        running_opa(load=[policies_root() / "lib", tmp_path / "house" / "volume.rego"]) as server,
        pytest.raises(EvaluationError, match=r"has no package house\.graph \(needed by HOUSE-GRAPH-001\)"),
    ):
        opa(rules, server.url, opa_upload=False).evaluate(volumes(2), rules, {})


def test_no_upload_rejects_a_malformed_answer(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    odd = tmp_path / "odd"
    odd.mkdir()
    (odd / "volume.rego").write_text('package house.volume\n\ndeny contains "just a string" if true\n')
    (odd / "graph.rego").write_text(GRAPH_POLICY)
    with (
        running_opa(load=[policies_root() / "lib", odd]) as server,
        pytest.raises(EvaluationError, match=r"HOUSE-VOL-001 on aws_ebs_volume\.v0: malformed result"),
    ):
        opa(rules, server.url, opa_upload=False).evaluate(volumes(1), rules, {})


def test_token_authentication(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    graph = volumes(5)
    with running_opa(token="s3cret-for-tests", workdir=tmp_path) as server:
        result = opa(rules, server.url, opa_token="s3cret-for-tests").evaluate(graph, rules, {})
        same(result, EmbeddedEvaluator(rules).evaluate(graph, rules, {}))
        with pytest.raises(EvaluationError, match=r"authentication failed .*check the OPA token"):
            opa(rules, server.url, opa_token="wrong").evaluate(graph, rules, {})
        with pytest.raises(EvaluationError, match=r"authentication failed"):
            opa(rules, server.url, opa_upload=False).evaluate(graph, rules, {})
        # What the authenticated scan uploaded stays for the next one; the refused ones changed nothing.
        assert [policy for policy in policy_ids(server) if policy.startswith("iacgate/")]


def test_unreachable_server_fails_after_bounded_attempts(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    with pytest.raises(
        EvaluationError, match=r"127\.0\.0\.1:9 is unreachable \(connection refused.*4 attempts"
    ):
        opa(rules, "http://127.0.0.1:9").evaluate(volumes(1), rules, {})


def test_a_server_that_never_answers_times_out(tmp_path: Path) -> None:
    rules = house_rules(tmp_path)
    with socket.socket() as silent:
        # Connections complete in the kernel backlog, but nothing ever reads or answers them.
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        with pytest.raises(EvaluationError, match=r"did not answer .* within 0\.5s"):
            opa(rules, url, timeout_seconds=0.5).evaluate(volumes(1), rules, {})


@pytest.mark.parametrize("url", [None, "ftp://opa:8181", "http://opa:8181/prefix", "http://opa:notaport"])
def test_bad_urls_are_configuration_errors(tmp_path: Path, url: str | None) -> None:
    rules = house_rules(tmp_path)
    with pytest.raises(ConfigError):
        OpaEvaluator(rules, EngineOptions(opa_url=url))


def test_pack_versions_on_one_server_keep_their_own_answers_and_stale_ones_are_pruned(tmp_path: Path) -> None:
    """Two versions of a pack define the same packages: on one server each keeps its own answers. An
    upload removes the versions no scan used lately: the most recently used ones (this one counted) and
    any used in the last hour stay."""
    with running_opa() as server:
        graph = volumes(6)
        strict = house_rules(tmp_path / "strict")
        lenient = house_rules(
            tmp_path / "lenient", volume_policy=VOLUME_POLICY.replace("== true", "== false")
        )
        assert opa(strict, server.url).digest != opa(lenient, server.url).digest
        for rules in (strict, lenient, strict):
            same(
                opa(rules, server.url).evaluate(graph, rules, {}),
                EmbeddedEvaluator(rules).evaluate(graph, rules, {}),
            )
        versions = [
            house_rules(tmp_path / f"v{index}", volume_policy=VOLUME_POLICY + f"\n# version {index}\n")
            for index in range(KEEP_VERSIONS + 2)
        ]
        for rules in versions:
            opa(rules, server.url).evaluate(graph, rules, {})
        digests = [opa(rules, server.url).digest for rules in (strict, lenient, *versions)]
        # Make every version look unused for a day, the first oldest, then upload one more version.
        for age, digest in enumerate(reversed(digests)):
            requests.put(
                f"{server.url}/v1/data/iacgate_packs/{digest}",
                json={"used": time.time() - 86400 - age},
                timeout=5,
            ).raise_for_status()
        newest = house_rules(tmp_path / "newest", volume_policy=VOLUME_POLICY + "\n# newest\n")
        same(
            opa(newest, server.url).evaluate(graph, newest, {}),
            EmbeddedEvaluator(newest).evaluate(graph, newest, {}),
        )
        left = {policy.split("/")[1] for policy in policy_ids(server) if policy.startswith("iacgate/")}
        kept = digests[-(KEEP_VERSIONS - 1) :]
        assert left == {opa(newest, server.url).digest, *kept}
        usage = requests.get(f"{server.url}/v1/data/iacgate_packs", timeout=5).json()["result"]
        assert set(usage) == left
        # A pruned version is uploaded again when a scan needs it.
        same(
            opa(strict, server.url).evaluate(graph, strict, {}),
            EmbeddedEvaluator(strict).evaluate(graph, strict, {}),
        )


def test_a_module_removed_from_the_server_by_hand_is_uploaded_again(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    """Each module carries a marker the next scan asks for: a library removed by hand is not a rule
    silently evaluated without its library."""
    rules = house_rules(tmp_path, volume_policy=VOLUME_POLICY + "\n# removed by hand\n")
    graph = volumes(6)
    evaluator = opa(rules, opa_server.url)
    expected = evaluator.evaluate(graph, rules, {})
    router = next(p for p in policy_ids(opa_server) if p.startswith(f"iacgate/{evaluator.digest}/route_"))
    requests.delete(f"{opa_server.url}/v1/policies/{router}", timeout=5).raise_for_status()
    same(opa(rules, opa_server.url).evaluate(graph, rules, {}), expected)
    assert router in policy_ids(opa_server)


class _Flaky(BaseHTTPRequestHandler):
    """Answers 503 to every other request, forwards the rest to the real OPA server."""

    target = ""
    counter = iter(range(1_000_000))

    def _handle(self) -> None:
        if next(self.counter) % 2 == 0:
            self.send_response(503)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>busy</html>")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {key: value for key, value in self.headers.items() if key.lower() not in ("host",)}
        answer = requests.request(
            self.command, self.target + self.path, data=body, headers=headers, timeout=10
        )
        self.send_response(answer.status_code)
        for key in ("Content-Type",):
            if key in answer.headers:
                self.send_header(key, answer.headers[key])
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_PUT = do_POST = do_DELETE = _handle

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def flaky_proxy(opa_server: RunningOpa) -> Iterator[str]:  # noqa: F811
    handler = type("Flaky", (_Flaky,), {"target": opa_server.url, "counter": iter(range(1_000_000))})
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=proxy.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{proxy.server_address[1]}"
    finally:
        proxy.shutdown()
        proxy.server_close()


def test_transient_503s_are_retried(tmp_path: Path, flaky_proxy: str, opa_server: RunningOpa) -> None:  # noqa: F811
    rules = house_rules(tmp_path)
    graph = volumes(9)
    result = opa(rules, flaky_proxy, batch_size=4).evaluate(graph, rules, {})
    same(result, EmbeddedEvaluator(rules).evaluate(graph, rules, {}))


def test_upload_sends_only_what_the_scanned_types_need(
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    """OPA recompiles on every upload: a scan of volumes uploads the volume rules and the library they
    import, not every pack's modules, and a later unit with a new type adds that type's modules."""
    rules = load_packs()
    evaluator = opa(rules, opa_server.url)
    prefix = f"iacgate/{evaluator.digest}/"
    with evaluator:
        evaluator.evaluate(volumes(4), rules, {})
        uploaded = [policy for policy in policy_ids(opa_server) if policy.startswith(prefix)]
        assert any(name.endswith("rules/encryption/ebs_volume.rego") for name in uploaded)
        assert any(name.endswith("lib/iacgate.rego") for name in uploaded)
        assert not any("s3_bucket" in name or "azure" in name for name in uploaded)
        queue = Graph((resource("aws_sqs_queue", "q"),), ())
        result = evaluator.evaluate(queue, rules, {})
        # Source code is judged by the rules that judge state (change-safety's rules judge plans only).
        assert {check.rule_id for check in result.checks} == {
            rule.id for rule in rules.routes["aws_sqs_queue"]
        }
        assert any("sqs" in name for name in policy_ids(opa_server) if name.startswith(prefix))


COUNTING_POLICY = """\
    package house.graph

    import rego.v1

    # Every resource of the graph, whatever its type: none of the types is named here.
    deny contains {"resource": v.id, "path": [], "message": sprintf("%d resources", [n])} if {
        n := count([r | some resources in input.resources_by_type; some r in resources])
        n > 2
        some v in object.get(input.resources_by_type, "aws_ebs_volume", [])
    }
"""


def test_a_whole_graph_rule_iterating_every_type_sees_every_resource_in_both_engines(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    """Only rules that look types up by a literal name get those types alone (``graph_types``)."""
    rules = house_rules(tmp_path, graph_policy=COUNTING_POLICY)
    graph = Graph(
        (
            resource("aws_ebs_volume", "v", encrypted=True),
            resource("aws_sqs_queue", "q"),
            resource("aws_sqs_queue", "r"),
        )
    )
    embedded = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    graph_findings = [
        (v.rule_id, v.resource_id, v.message) for v in embedded.violations if v.rule_id == "HOUSE-GRAPH-001"
    ]
    assert graph_findings == [("HOUSE-GRAPH-001", "aws_ebs_volume.v", "3 resources")]
    same(opa(rules, opa_server.url).evaluate(graph, rules, {}), embedded)


def test_a_whole_graph_rule_reading_the_edges_is_sent_them_in_both_engines(
    tmp_path: Path,
    opa_server: RunningOpa,  # noqa: F811
) -> None:
    """A rule that names types only is sent no edges (``graph_reads``); one that reads them gets them."""
    rules = house_rules(tmp_path)
    graph = Graph(
        (
            resource("aws_ebs_volume", "kept"),
            resource("aws_ebs_volume", "bare"),
            resource("aws_ebs_snapshot", "s"),
        ),
        (Edge("aws_ebs_snapshot.s", "aws_ebs_volume.kept"),),
    )
    embedded = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    outcomes = {(c.resource_id, c.outcome) for c in embedded.checks if c.rule_id == "HOUSE-GRAPH-001"}
    assert outcomes == {("aws_ebs_volume.kept", "pass"), ("aws_ebs_volume.bare", "fail")}
    same(opa(rules, opa_server.url).evaluate(graph, rules, {}), embedded)
