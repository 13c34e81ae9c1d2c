"""Policies cannot name the builtins that reach the network, the host, the clock or chance (#13 §2.3): the
refusal is decided on tokens, so no spelling gets past it, and whatever rego-cpp would evaluate into the
environment is refused. Before #13 a regex looked for ``opa.runtime(``, and ``opa . runtime()`` leaked the
environment into findings.
"""

from __future__ import annotations

import os
import select
from pathlib import Path

import pytest
import regopy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iacgate.errors import PackError
from iacgate.evaluate import EmbeddedEvaluator
from iacgate.evaluate.safety import check_policies, refusals
from iacgate.packs.load import is_builtin, policies_root
from security.rego_packs import ROOT, SECRET, house, iacgate, make_pack, policy, write_infra

# --- refusal on tokens -----------------------------------------------------------------------------------

REFUSED = [
    # (what the policy says, the name the error gives) -- the regex before #13 missed all but the first two.
    ("msg := opa.runtime().env.HOME", "opa.runtime"),
    ('msg := http.send({"method": "get", "url": "https://example.invalid"})', "http.send"),
    ("msg := opa . runtime().env.HOME", "opa.runtime"),
    ("msg := opa\n.\nruntime(\n).env.HOME", "opa.runtime"),
    ("msg := opa\f.runtime().env.HOME", "opa.runtime"),
    ('msg := opa["runtime"]().env.HOME', "opa.runtime"),
    ('msg := opa [ "run\\u0074ime" ] ().env.HOME', "opa.runtime"),
    ("msg := opa[`runtime`]().env.HOME", "opa.runtime"),
    ("f := opa.runtime\nmsg := f().env.HOME", "opa.runtime"),
    ('msg := input.a with input.a as opa.runtime().env["HOME"]', "opa.runtime"),
    ('msg := opa.runtime().env.HOME with opa.runtime as {"env": {}}', "opa.runtime"),
    ("msg := count([]) with count as opa.runtime", "opa.runtime"),
    ("f := opa\nmsg := f.runtime().env.HOME", "opa"),
    ('msg := sprintf("%d", [time.now_ns()])', "time.now_ns"),
    ('msg := sprintf("%d", [rand.intn("x", 100)])', "rand.intn"),
    ('msg := uuid.rfc4122("x")', "uuid.rfc4122"),
    ('msg := net.lookup_ip_addr("example.invalid")[0]', "net.lookup_ip_addr"),
    ('msg := net.cidr_contains("10.0.0.0/8", "10.1.1.1")', "net.cidr_contains"),
    ("msg := providers.aws.sign_req({}, {}, 0).headers.x", "providers.aws.sign_req"),
    ('msg := io.jwt.decode("a.b.c")[0]', "io.jwt.decode"),
    ('msg := crypto.x509.parse_certificates("")[0]', "crypto.x509.parse_certificates"),
    ('msg := internal.print(["x"])', "internal.print"),
    ("msg := object.frobnicate({})", "object.frobnicate"),
    ("msg := 1. # comment\r opa.runtime().env.HOME", "opa.runtime"),
    # A dot after a keyword, a literal or a closing brace continues nothing: the name after it is checked.
    ("msg := input.a with input.a as .opa.runtime().env.HOME", "opa.runtime"),
    ('msg := {"a": 1}\n.opa.runtime().env.HOME', "opa.runtime"),
]


@pytest.mark.parametrize(("body", "name"), REFUSED, ids=[name for _body, name in REFUSED])
def test_refused_builtins_are_found_on_tokens_in_any_spelling(tmp_path: Path, body: str, name: str) -> None:
    def line_of_root(lines: list[str]) -> int:
        root = name.split(".")[0]
        return next(number for number, text in enumerate(lines, 1) if number >= 6 and root in text)

    source = policy(body)
    found = refusals(source)
    assert found and found[0].name == name and found[0].line == line_of_root(source.split("\n"))
    rules = house(tmp_path, source)
    # Read back with universal newlines (a lone \r ends a line), as iacgate reads policies.
    line = line_of_root((tmp_path / "house" / "r1.rego").read_text(encoding="utf-8").splitlines())
    escaped = name.replace(".", r"\.")
    with pytest.raises(PackError, match=rf"r1\.rego:{line}: policy uses {escaped}, which is refused"):
        EmbeddedEvaluator(rules)


def test_an_import_of_a_refused_builtin_is_refused() -> None:
    found = refusals("package x\n\nimport opa.runtime as r\n\ny := r()\n")
    assert [(refusal.line, refusal.name) for refusal in found] == [(3, "opa.runtime")]


ALLOWED = [
    'msg := object.get(input.resource.attributes, "x", "y")',
    'msg := sprintf("%d", [time.parse_rfc3339_ns("2024-01-01T00:00:00Z")])',
    'msg := crypto.sha256("x")',
    "msg := input.resource.attributes.time.opa.net",
    "msg := lib.attrs.opa",
    "msg := data.opa.runtime",
    "msg := [x | some net in input.networks; x := net][0]",
    'msg := "opa.runtime() http.send net.x"',
    "msg := `opa.runtime()`  # opa.runtime() in a comment",
    'print("checking", input.resource.id)\nmsg := "x"',
    "msg := f(input).opa.runtime",
]


@pytest.mark.parametrize("body", ALLOWED)
def test_deterministic_builtins_strings_comments_and_attribute_names_are_allowed(body: str) -> None:
    assert refusals(policy(body)) == []


def test_package_paths_are_not_references() -> None:
    assert refusals("package time.checks\n\nimport rego.v1\n\nx := 1\n") == []


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ('package x\n\nmsg := "a\\q"\n', 3),  # not a JSON escape
        ('package x\n\nmsg := "a\nb"\n', 3),  # a line break inside a string
        ("package x\n\nmsg := `never closed\n", 3),
        ("package x\n\nmsg := opa\u00a0.runtime()\n", 3),  # a no-break space outside a string
        ("package x\n\n# comment\u2028msg := opa.runtime()\n", 3),  # a line separator ends no comment
        ("package x\n\nmsg := 'single'\n", 3),
    ],
)
def test_text_the_lexer_cannot_read_exactly_is_refused_naming_its_line(
    tmp_path: Path, source: str, line: int
) -> None:
    found = refusals(source)
    assert len(found) == 1 and found[0].line == line and found[0].name == ""
    with pytest.raises(PackError, match=rf"x\.rego:{line}: policy cannot be checked for refused builtins"):
        check_policies([(tmp_path / "x.rego", source)])


def test_every_builtin_and_example_policy_passes_the_check() -> None:
    files = sorted(policies_root().rglob("*.rego")) + sorted((ROOT / "docs").rglob("*.rego"))
    assert len(files) > 100
    found = {str(path): refusals(path.read_text(encoding="utf-8")) for path in files}
    assert {path: problems for path, problems in found.items() if problems} == {}


def test_only_files_inside_the_builtin_policies_are_spared_the_check(tmp_path: Path) -> None:
    """A custom policy is checked at every scan; a path that only reads as built-in (``..`` out of the
    policies root, a symlink into another directory) is custom."""
    root = policies_root().resolve()
    shipped = root / "lib" / "iacgate.rego"
    outside = tmp_path / "custom.rego"
    outside.write_text("package custom\n", encoding="utf-8")
    (tmp_path / "inside").symlink_to(root / "lib")
    assert is_builtin(shipped)
    assert is_builtin(tmp_path / "inside" / "iacgate.rego")  # resolves into the installation
    assert not is_builtin(outside)
    escaped = root / "lib" / ".." / ".." / Path(*([".."] * len(root.parts))) / outside.relative_to("/")
    assert escaped.resolve() == outside.resolve()
    assert not is_builtin(escaped)
    assert not is_builtin(Path(os.path.relpath(outside)))


# --- differential: whatever rego-cpp evaluates into the environment is refused -----------------------------


def engine_leaks(source: str) -> bool:
    """Whether rego-cpp, given ``source`` unchecked, puts the marker from the environment into an answer.

    In a forked child (rego-cpp crashes on some of these), with the marker in its environment.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        answer = b""
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
            os.environ["IACGATE_TEST_MARKER"] = SECRET
            interpreter = regopy.Interpreter()
            interpreter.add_module("m.rego", source)
            bundle = interpreter.build(None, ["house/fine/deny"])
            if bundle.ok():
                answer = str(interpreter.query_bundle_entrypoint(bundle, "house/fine/deny")).encode()
        except BaseException:  # any failure is "no leak"
            pass
        finally:
            os.write(write_end, answer[:65536])
            os._exit(0)
    os.close(write_end)
    chunks = []
    while True:
        if not select.select([read_end], [], [], 30)[0]:
            os.kill(pid, 9)  # an engine that hangs leaks nothing
            break
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    return SECRET in b"".join(chunks).decode("utf-8", "replace")


SPACES = st.sampled_from(["", " ", "\n", "\t", "\f", "\v", "\r\n", "  # note\n", " #\r"])
ACCESS = st.sampled_from([".runtime", '["runtime"]', "[`runtime`]", '[ "run\\u0074ime" ]'])


@st.composite
def runtime_uses(draw: st.DrawFn) -> str:
    def gap() -> str:
        return draw(SPACES)

    access = draw(ACCESS)
    if access.startswith("."):
        access = f".{gap()}{access[1:]}"
    call = f"opa{gap()}{access}{gap()}({gap()})"
    expression = draw(
        st.sampled_from(
            [
                "{call}.env.IACGATE_TEST_MARKER",
                'object.get({call}, ["env", "IACGATE_TEST_MARKER"], "none")',
                'input.a with input.a as {call}.env["IACGATE_TEST_MARKER"]',
                "[v | v := {call}.env.IACGATE_TEST_MARKER][0]",
            ]
        )
    )
    # What comes before the name: nothing, or a term or keyword that a leading dot might continue.
    before = draw(st.sampled_from(["", "input.a.", "[1][0]\n.", "{1}\n.", "true.", "as ."]))
    return policy("msg := " + expression.replace("{call}", before + call))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(runtime_uses())
def test_whatever_leaks_the_environment_in_rego_cpp_is_refused(source: str) -> None:
    if engine_leaks(source):
        assert refusals(source), source


def test_the_differential_oracle_sees_a_leak_when_nothing_refuses_it() -> None:
    """The property above is not vacuous: unchecked, the spaced spelling leaks in rego-cpp."""
    assert engine_leaks(policy("msg := opa . runtime().env.IACGATE_TEST_MARKER"))


# --- end to end ------------------------------------------------------------------------------------------


def test_a_pack_reading_the_environment_with_spaces_is_refused_and_nothing_leaks(tmp_path: Path) -> None:
    infra = write_infra(tmp_path / "infra")
    pack = make_pack(tmp_path / "pol", policy("msg := opa . runtime().env.IACGATE_TEST_MARKER"))
    report = tmp_path / "report.sarif"
    result = iacgate(
        "scan",
        "--pack-dir",
        str(pack),
        "--format",
        "sarif",
        "--output",
        str(report),
        str(infra),
        env={"IACGATE_TEST_MARKER": SECRET},
    )
    assert result.returncode == 2, result.stderr
    assert "r1.rego:6: policy uses opa.runtime, which is refused" in result.stderr
    written = report.read_text(encoding="utf-8") if report.exists() else ""
    assert SECRET not in result.stdout + result.stderr + written


# --- rules named after a root document ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "name"),
    [
        ("data := 5", "data"),
        ('input := {"a": 1}', "input"),
        ("default input := {}", "input"),
        ("data.x := 1", "data"),
        ("input[k] := v if {\n\tsome k, v in {}\n}", "input"),
        ("data contains 1", "data"),
    ],
)
def test_a_rule_named_after_a_root_document_is_refused_naming_its_line(
    tmp_path: Path, rule: str, name: str
) -> None:
    source = f"package house.lib\n\nimport rego.v1\n\n{rule}\n"
    with pytest.raises(
        PackError, match=rf"x\.rego:5: policy defines a rule named {name}, which Rego reserves"
    ):
        check_policies([(tmp_path / "x.rego", source)])


def test_the_root_documents_read_on_a_line_of_their_own_are_not_rules(tmp_path: Path) -> None:
    source = (
        'package house.lib\n\nimport rego.v1\n\nsame := 1 ==\ninput.a\n\n# data := 5\nmsg := "input := 1"\n'
    )
    check_policies([(tmp_path / "x.rego", source)])


def test_a_pack_defining_data_is_a_one_line_error_not_an_abort(tmp_path: Path) -> None:
    """rego-cpp 1.5.2 aborts the whole process when it compiles ``data := 5`` (exit 134, no message)."""
    infra = write_infra(tmp_path / "infra")
    pack = make_pack(tmp_path / "pol", policy("msg := lib.x"))
    (pack / "lib.rego").write_text("package house.lib\n\nimport rego.v1\n\ndata := 5\n", encoding="utf-8")
    result = iacgate("scan", "--pack-dir", str(pack), str(infra))
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().endswith(
        "lib.rego:5: policy defines a rule named data, which Rego reserves for its root document"
    )
