"""The content detectors (#17): what they report, what they leave alone, and that no value leaks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from iacgate.secrets import detect, nodes, secret_graphs
from iacgate.secrets.detect import LINE_LIMIT, WINDOW_OVERLAP, high_entropy
from iacgate.secrets.private_key import block
from iacgate.textio import read_source

GITHUB = "ghp_Fx7kQ2mW9rT4vB8nL3pZ6yH1cJ5dG0sA2eRt"


def _found(text: str, name: str = "main.tf") -> list[tuple[int, str, str | None]]:
    return [(d.line, d.detector, d.key) for d in detect(text, name)]


def test_known_formats_with_line_and_key() -> None:
    text = f'locals {{\n  token = "{GITHUB}"\n  db = "postgres://app:Vq8Lm2Zx7Rt4Nb1Kp@db:5432/app"\n}}\n'
    assert _found(text) == [(2, "GitHub Token", "token"), (3, "Basic Auth Credentials", "db")]


def test_gitlab_tokens_by_their_prefixes() -> None:
    # bc-detect-secrets has no GitLab plugin: iacgate.secrets.gitlab is one, written the library's way.
    text = "\n".join(
        [
            'a = "glpat-Zx8Qm2Lr7Tk4Wn9Pb3Yc"',  # personal/project/group access token
            'b = "gldt-Hq3Nz8Vb2Kx7Lm4Rt9Wp"',  # deploy token
            'c = "glrt-Hq3Nz8Vb2Kx7Lm4Rt9Wp"',  # runner authentication token
            'd = "glptt-0f3Ac9B2e7D4f1A8c5B6e3D0f9A2c7B4e1D8f5A6"',  # pipeline trigger token
            'e = "GR1348941Zx8Qm2Lr7Tk4Wn9Pb3Yc"',  # legacy runner registration token
            'f = "glpat-Q2mX9rT4vB8nL3pZ6yH1cJ5d.01.171k3f2a9"',  # routable token
            'g = "glpat-short"',  # too short
            'h = "https://gitlab.com/help/glrt-docs-page-about-runner-tokens"',  # a word, not random
            'i = "xglpat-Zx8Qm2Lr7Tk4Wn9Pb3Yc"',  # inside another token
        ]
    )
    assert _found(text) == [(n, "GitLab Token", key) for n, key in enumerate("abcdef", start=1)]


def test_high_entropy_literal_under_a_secret_like_key() -> None:
    assert _found('api_secret = "Zk3#9xLq!2mVb7@Rt5wY8uPe"\n') == [(1, "High-entropy string", "api_secret")]


def test_a_password_a_person_chose_under_a_secret_like_key() -> None:
    # Short and of low entropy, so not a high-entropy string: until 2026-12 every one of these was missed.
    text = "\n".join(
        [
            "variables = {",
            '  DB_PASSWORD = "P@ssw0rd1234!"',
            '  JWT_SECRET  = "Winter2024!"',
            '  clientSecret = "Abc-12345"',
            "}",
        ]
    )
    assert _found(text) == [
        (2, "Password-like string", "DB_PASSWORD"),
        (3, "Password-like string", "JWT_SECRET"),
        (4, "Password-like string", "clientSecret"),
    ]
    assert _found("      DbPassword: Winter2024!\n", "template.yaml") == [
        (1, "Password-like string", "DbPassword")
    ]
    assert _found('{"inputs": {"dbPassword": "Winter2024!"}}\n', "stack.pulumi.json") == [
        (1, "Password-like string", "dbPassword")
    ]


def test_what_a_password_a_person_chose_is_not() -> None:
    text = "\n".join(
        [
            'DB_PASSWORD = "Pa$s1"',  # under eight characters
            'DB_PASSWORD = "hunter2hunter2"',  # two character classes
            'DB_PASSWORD = "See The Vault 1"',  # a sentence
            'password_length = "Abcdef-12"',  # the key speaks about a password, it holds none
            'secret_name = "Prod-Db-1"',
            'SECRET_ARN = "Prod-Db-1"',
            'DB_PASSWORD = "${var.Db_Password1}"',  # a reference
            "DB_PASSWORD = var.Password_1",  # an HCL expression
            'LOG_LEVEL = "Debug-Level-1"',  # not a secret-like key
            'resource "aws_db_instance" "ledger" {',
            '  password = "P@ssw0rd1234!"',  # a credential attribute: SEC-CRED-* judge it
            "}",
        ]
    )
    assert _found(text) == []


def test_plainly_not_secrets_are_left_alone() -> None:
    text = "\n".join(
        [
            "api_token = var.api_token",  # an HCL reference, not a literal
            'secret_id = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:ledger-AbCdEf"',
            'token_name = "ledger-deployments-production-eu"',  # low entropy
            'resource "aws_db_instance" "ledger" {',
            '  password = "Zk3#9xLq!2mVb7@Rt5wY8uPe"',  # a credential attribute: SEC-CRED-* judge it
            "}",
            'secret = "${data.aws_secretsmanager_secret_version.x.secret_string}"',
            'MasterUserPassword = "{{resolve:secretsmanager:prod/db:SecretString:password}}"',
            'source_code_hash = "3f1c2a5b7e9d0c4b6a8f1e3d5c7b9a0f2e4d6c8b0a1f3e5d7c9b1a3f5e7d9c0b"',
        ]
    )
    assert _found(text) == []


def test_code_reading_a_value_is_not_a_value() -> None:
    # Inline Lambda source in a template: a property path, not a literal.
    assert _found("      ResultToken: event.resultToken\n", "template.yaml") == []
    assert _found("      ApiSecret: Zk3#9xLq!2mVb7@Rt5wY8uPe\n", "template.yaml") == [
        (1, "High-entropy string", "ApiSecret")
    ]


def test_documentation_examples_are_marked() -> None:
    (found,) = detect('key = "AKIAIOSFODNN7EXAMPLE"\n', "main.tf")
    assert found.example is True


def test_one_detection_per_value_in_a_file() -> None:
    text = f'{{"inputs": {{"token": "{GITHUB}"}},\n "outputs": {{"token": "{GITHUB}"}}}}\n'
    assert _found(text, "stack.pulumi.json") == [(1, "GitHub Token", "token")]


def test_no_value_in_nodes_or_repr() -> None:
    found = detect(f'token = "{GITHUB}"\n', "main.tf")
    assert GITHUB not in repr(found)
    (node,) = nodes(found, "terraform")
    assert node.id == "iacgate_secret.token"
    assert GITHUB not in repr(node.attributes)
    assert node.location.start_line == 1


def test_a_long_line_is_read_whole_in_overlapping_windows() -> None:
    # Until 2026-12: only the first LINE_LIMIT characters of a piece were read.
    assert _found("x" * LINE_LIMIT + f' token = "{GITHUB}"\n') == [(1, "GitHub Token", "token")]
    # Wherever the token falls against the windows' edges, it is found once, whole.
    step = LINE_LIMIT - WINDOW_OVERLAP
    for offset in (step - len(GITHUB), step - 20, step, LINE_LIMIT - 10, 2 * step - 1, 3 * step + 7):
        text = f"{'y ' * (offset // 2)}{' ' * (offset % 2)}{GITHUB}{' z' * 3000}\n"
        assert [(d.line, d.detector) for d in detect(text, "run.sh.tf")] == [(1, "GitHub Token")]


def test_a_secret_deep_in_a_user_data_script_of_one_json_string_is_found(tmp_path: Path) -> None:
    script = "#!/bin/bash\n" + "".join(f"echo step {n} of the bootstrap\n" for n in range(400))
    script += f"export GITHUB_TOKEN={GITHUB}\n"
    properties = {"ImageId": "ami-12345678", "UserData": {"Fn::Base64": script}}
    text = json.dumps(
        {"Resources": {"Box": {"Type": "AWS::EC2::Instance", "Properties": properties}}}, indent=2
    )
    assert len(script) > 2 * LINE_LIMIT
    # The line of the UserData string, under the name the shell assignment gives it.
    assert _found(text, "template.json") == [(8, "GitHub Token", "GITHUB_TOKEN")]


def test_characters_that_lower_to_two_do_not_move_a_secret_out_of_sight() -> None:
    # "İ".lower() is two characters: found in the lowered text, every later literal was looked for on a
    # later line than its own, and this key went unreported.
    for padding in ("İ" * 200, "İ\n" * 40, "x" * 200):
        text = f'locals {{\n  note = "{padding}"\n  token = "{GITHUB}"\n  db = "postgres://app:Vq8Lm2Zx7Rt4Nb1Kp@db:5432/app"\n}}\n'
        first = 3 + padding.count("\n")
        assert _found(text) == [(first, "GitHub Token", "token"), (first + 1, "Basic Auth Credentials", "db")]


def test_a_minified_json_file_is_read_member_by_member() -> None:
    """A template or stack export written on one line: a secret far past LINE_LIMIT is found, under its key;
    a long line with nowhere to cut is still read only up to the limit (above)."""
    resources = {f"Queue{index}": {"Type": "AWS::SQS::Queue", "Properties": {}} for index in range(400)}
    resources["Fn"] = {
        "Type": "AWS::Lambda::Function",
        "Properties": {"Environment": {"Variables": {"GITHUB_TOKEN": GITHUB}}},
    }
    text = json.dumps({"Resources": resources}, separators=(",", ":"))
    assert len(text) > 3 * LINE_LIMIT and "\n" not in text
    assert _found(text, "stack.template.json") == [(1, "GitHub Token", "GITHUB_TOKEN")]


def test_entropy_needs_length_and_variety() -> None:
    assert high_entropy("Zk3#9xLq!2mVb7@Rt5wY8uPe")
    assert not high_entropy("Short1!")
    assert not high_entropy("passwordpassword1234")


def test_variable_files_beside_the_configuration_are_searched(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('variable "token" {}\n', encoding="utf-8")
    (tmp_path / "prod.tfvars").write_text(f'token = "{GITHUB}"\n', encoding="utf-8")
    source = read_source(tmp_path / "main.tf", "infra/main.tf")
    (graph,), notes = secret_graphs({"terraform": [source]})
    assert notes == []
    assert graph.name == "infra/prod.tfvars"
    assert [node.id for node in graph.resources] == ["iacgate_secret.token"]


def test_a_plan_is_searched_in_its_configuration_only(tmp_path: Path) -> None:
    # What the code wrote (a constant, a module argument, a variable default) is a finding; the values the
    # plan resolved (a secrets manager's value, a variable given at plan time) are there by design.
    from iacgate.secrets.nodes import plan_detections

    plan = {
        "format_version": "1.2",
        "variables": {"given": {"value": "glpat-Vn4Kq8Zr2Xm6Wb9Tc3Hy"}},
        "planned_values": {"root_module": {"resources": [{"values": {"token": GITHUB}}]}},
        "configuration": {
            "root_module": {
                "resources": [{"expressions": {"user_data": {"constant_value": f"export TOKEN={GITHUB}"}}}],
                "variables": {
                    "given": {"sensitive": True},
                    "deploy": {"default": "glpat-Xr5Tm9Qw2Zk7Vn4Lb8Hc"},
                },
            }
        },
    }
    path = tmp_path / "prod.tfplan.json"
    path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    found = sorted((d.detector, d.key, d.line) for d in plan_detections(read_source(path, path.name)))
    text = path.read_text(encoding="utf-8").split("\n")
    assert [(detector, key) for detector, key, _ in found] == [
        ("GitHub Token", "user_data"),
        ("GitLab Token", "deploy"),
    ]
    assert all("configuration" not in text[line - 1] and line > 10 for _, _, line in found)


def test_a_plan_is_decoded_once_its_parser_hands_on_the_literals(tmp_path: Path) -> None:
    # The plan parser keeps the configuration's literals in its unit; the secrets search reads those
    # instead of decoding the plan a second time, and finds what reading the file itself finds.
    from iacgate.parsers.tfplan import parse_plan
    from iacgate.secrets.nodes import plan_detections

    plan = {
        "format_version": "1.2",
        "planned_values": {"root_module": {"resources": []}},
        "configuration": {
            "root_module": {
                "resources": [
                    {
                        "address": "aws_instance.web",
                        "mode": "managed",
                        "type": "aws_instance",
                        "name": "web",
                        "expressions": {"user_data": {"constant_value": f"export TOKEN={GITHUB}"}},
                    }
                ],
                "variables": {"deploy": {"default": "glpat-Xr5Tm9Qw2Zk7Vn4Lb8Hc"}},
            }
        },
    }
    path = tmp_path / "prod.tfplan.json"
    path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    source = read_source(path, path.name)
    literals = parse_plan(source, literals=True).literals
    assert literals is not None
    assert sorted(literals) == [
        ("deploy", "glpat-Xr5Tm9Qw2Zk7Vn4Lb8Hc"),
        ("user_data", f"export TOKEN={GITHUB}"),
    ]
    assert plan_detections(source, literals) == plan_detections(source)
    # The literals given are what is searched: the file is not read again.
    assert plan_detections(source, ()) == []
    (graph,), notes = secret_graphs({"terraform-plan": [source]}, {source.relative: literals})
    assert notes == []
    assert sorted(node.attributes["key"] for node in graph.resources) == ["deploy", "user_data"]


def test_a_plan_its_parser_rejects_is_still_searched(tmp_path: Path) -> None:
    # planned_values that is not an object fails the plan parser (the gate fails closed on it), and its
    # unit carries no literals: the search decodes the file itself, so the secret is still reported.
    from iacgate.api import ScanSettings, scan

    plan = {
        "format_version": "1.2",
        "planned_values": [],
        "configuration": {
            "root_module": {"variables": {"deploy": {"default": "glpat-Xr5Tm9Qw2Zk7Vn4Lb8Hc"}}}
        },
    }
    (tmp_path / "prod.tfplan.json").write_text(json.dumps(plan, indent=2), encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,), root=tmp_path))
    assert any(note.level == "error" and note.file == "prod.tfplan.json" for note in result.notifications)
    assert [(f.resource_id, f.file) for f in result.findings if f.resource_type == "iacgate_secret"] == [
        ("iacgate_secret.deploy", "prod.tfplan.json")
    ]


_IN_A_FRESH_INTERPRETER = """
import json, sys
{before}
from iacgate.secrets.detect import detect
found = detect('aws_access_key_id = "AKIAIOSFODNN7QWERTYZ"\\nsecret = "{secret}"\\n', "main.tf")
from detect_secrets.plugins import base
loaded = {{"requests": "requests" in sys.modules, "urllib3": "urllib3" in sys.modules}}
# What the library holds still works: its first use imports the real client.
error = base.requests.exceptions.RequestException
import requests
print(json.dumps({{
    "found": sorted(d.detector for d in found),
    "loaded": loaded,
    "library_held": type(base.requests).__name__,
    "error_is_real": error is requests.exceptions.RequestException,
    "real_in_sys_modules": type(sys.modules["requests"]).__name__,
}}))
"""


def _fresh(before: str = "") -> dict[str, object]:
    code = _IN_A_FRESH_INTERPRETER.format(before=before, secret="kJ8#mQ2$vX9!pL4@nR7%")
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    return dict(json.loads(done.stdout))


def test_detecting_secrets_loads_no_http_client() -> None:
    # detect-secrets imports requests only to verify secrets with their providers, which iacgate never
    # asks for: its detectors get a stand-in, and a scan loads no HTTP client at all.
    answer = _fresh()
    assert answer["found"] == ["AWS Access Key", "High-entropy string"]
    assert answer["loaded"] == {"requests": False, "urllib3": False}
    assert answer["library_held"] == "_OnUse"
    # The stand-in is the real module on first use, and leaves the real one in sys.modules.
    assert answer["error_is_real"] is True
    assert answer["real_in_sys_modules"] == "module"


def test_a_requests_the_process_already_holds_is_left_alone() -> None:
    answer = _fresh(before="import requests")
    assert answer["found"] == ["AWS Access Key", "High-entropy string"]
    assert answer["loaded"] == {"requests": True, "urllib3": True}
    assert answer["library_held"] == "module"
    assert answer["error_is_real"] is True


PEM = (
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi6Z3ZUJ8rH5Qk1hQX3m0sTT0e9\n"
    "mXxqL7lUZ0Dk3dZk6t8pHm9V1G5yR8b7qN2s3cW4xZ1vB6nM8kJ2hL9pQ4rT7uY0\n"
    "-----END RSA PRIVATE KEY-----\n"
)


def _indented(text: str, by: str) -> str:
    return "".join(by + line for line in text.splitlines(keepends=True))


def test_a_private_key_over_several_lines_is_found_in_every_layout() -> None:
    heredoc = f'resource "aws_iam_server_certificate" "c" {{\n  private_key = <<EOT\n{PEM}EOT\n}}\n'
    indented = heredoc.replace("<<EOT", "<<-EOT").replace(PEM, _indented(PEM, "    "))
    secret = "Resources:\n  S:\n    Type: AWS::SecretsManager::Secret\n    Properties:\n"
    block = f"{secret}      SecretString: |\n{_indented(PEM, '        ')}"
    big = "# padding\n" * 1000 + heredoc  # the library looked at files under 8 kB only
    assert _found(heredoc) == [(3, "Private Key", None)]
    assert _found(indented) == [(3, "Private Key", None)]
    assert _found(block, "template.yaml") == [(6, "Private Key", None)]
    assert _found(big) == [(1003, "Private Key", None)]
    # Asked again in the same process under the same name (the library looked once per name).
    assert _found(heredoc) == [(3, "Private Key", None)]


def test_no_detector_reads_a_file_from_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The library's private-key detector opened the named file relative to the working directory: a key in
    # a file there was reported in the scanned file, whatever the scanned file held.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "vault.tf").write_text(f"k = <<EOT\n{PEM}EOT\n", encoding="utf-8")
    note = "# the PRIVATE KEY for this lives in the vault: tok_0123456789abcdef\n"
    assert _found(note, "vault.tf") == []


def test_each_github_token_is_its_own_detection() -> None:
    # The library reported the prefix ("ghp") as the value: a file's first token stood for all of them, so a
    # suppressed one hid every token added after it.
    other = GITHUB.replace("Fx7k", "Zz9q")
    text = f'a = "{GITHUB}"\nb = "{other}"\n'
    assert [(d.line, d.detector, d.key, d.value) for d in detect(text, "main.tf")] == [
        (1, "GitHub Token", "a", GITHUB),
        (2, "GitHub Token", "b", other),
    ]


def test_npm_tokens_under_any_key() -> None:
    # An npm_ token was the empty string to the library (its group is in the other branch): never reported.
    assert _found('registry_auth = "npm_Zx8Qm2Lr7Tk4Wn9Pb3Yc0a1b2c3d4e5f6g7h"\n') == [
        (1, "NPM tokens", "registry_auth")
    ]
    assert _found('NPM_TOKEN = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"\n') == [(1, "NPM tokens", "NPM_TOKEN")]


def test_a_private_key_on_a_piece_as_long_as_the_limit_is_read() -> None:
    pem = PEM.replace("\n", "\\n").rstrip("\\n")
    line = f'{"x" * (LINE_LIMIT - len(pem) - 7)} k = "{pem}"'
    assert len(line) == LINE_LIMIT
    assert block([line, "after"], 0, LINE_LIMIT).startswith(line)
    assert _found(line + "\n", "state.json") == [(1, "Private Key", "k")]


def test_a_plan_nested_too_deeply_fails_alone(tmp_path: Path) -> None:
    # The search decodes a plan its parser refused; one nested deeper than Python's recursion limit
    # aborted the whole scan ("internal error: RecursionError"), so the plan beside it was never reported.
    from iacgate.api import ScanSettings, scan

    deep = (
        '{"format_version": "1.2", "planned_values": {"root_module": {}}, "x": '
        + "[" * 5000
        + "]" * 5000
        + "}"
    )
    (tmp_path / "plan.json").write_text(deep, encoding="utf-8")
    (tmp_path / "prod").mkdir()
    (tmp_path / "prod" / "main.tf").write_text(f'locals {{\n  token = "{GITHUB}"\n}}\n', encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,)))
    errors = [(note.file, note.message) for note in result.notifications if note.level == "error"]
    assert errors == [("plan.json", "invalid JSON: nested too deeply")]
    assert ("SEC-CONTENT-001", "prod/main.tf", 2) in {(f.rule_id, f.file, f.line) for f in result.findings}


def test_configuration_literals_are_read_at_any_depth() -> None:
    from iacgate.secrets.nodes import configuration_literals

    nested: object = "hunter2-hunter2"
    for _ in range(3000):
        nested = [nested]
    configuration = {
        "root_module": {"resources": [{"expressions": {"user_data": {"constant_value": nested}}}]}
    }
    assert list(configuration_literals(configuration)) == [("user_data", "hunter2-hunter2")]


GITHUB_FINE_GRAINED = (
    "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"
)


def test_github_fine_grained_tokens() -> None:
    # Until 2026-12 only the classic ghp_/gho_/... tokens were known.
    assert _found(f'token = "{GITHUB_FINE_GRAINED}"\n') == [(1, "GitHub Token", "token")]
    assert _found(f'repo = "{GITHUB_FINE_GRAINED}"\n') == [(1, "GitHub Token", "repo")]
    assert _found(f'repo = "{GITHUB_FINE_GRAINED[:-5]}"\n') == []  # too short


def test_passwords_in_connection_strings() -> None:
    # ADO.NET, keyword-form and JDBC strings: Password=...; was not found (only user:password@host URLs).
    text = "\n".join(
        [
            'a = "Server=tcp:sql.database.windows.net,1433;User ID=app;Password=Vq8Lm2Zx7Rt4Nb1Kp;"',
            'b = "Host=db;Username=app;Pwd=Hunter2!;"',
            'c = "jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Xr5Tm9Qw2Zk7Vn4Lb8Hc;"',
        ]
    )
    found = "Connection String Password"
    assert _found(text) == [(1, found, "a"), (2, found, "b"), (3, found, "c")]


def test_connection_strings_without_a_written_password_are_left_alone() -> None:
    text = "\n".join(
        [
            'a = "Server=tcp:${azurerm_mssql_server.x.fqdn},1433;User ID=app;Password=${var.db_password};"',
            'b = "Server=tcp:sql.local,1433;User ID=app;Password=<password>;"',
            'c = "Driver={ODBC Driver 18};Server=tcp:x,1433;Uid=sa;Pwd={secret};"',
            'd = "set password=true; port=5432"',
            'e = "Password=Vq8Lm2Zx7Rt4Nb1Kp"',  # no other member: not a connection string
            'f = "Server=x;User Id=app;Password=$(DB_PASSWORD);"',
        ]
    )
    assert _found(text) == []
    reference = "{{resolve:secretsmanager:prod/db:SecretString:password}}"
    cfn = f'  Conn: !Sub "Server=${{Host}};User Id=app;Password={reference};"\n'
    assert _found(cfn, "template.yaml") == []


def test_a_dynamic_reference_inside_a_longer_string_is_not_a_value() -> None:
    # The keyword detector read "secretsmanager:ledger/db:SecretString:password}};" as a value under the key
    # "secretsmanager", high-entropy enough to be reported, in a compliant template.
    line = '  Conn: !Sub "Host=${Db};Password={{resolve:secretsmanager:ledger/db:SecretString:password}};"\n'
    assert _found(line, "template.yaml") == []
    assert _found('  ApiSecret: "Zk3#9xLq!2mVb7@Rt5wY8uPe"\n', "template.yaml") == [
        (1, "High-entropy string", "ApiSecret")
    ]


def test_a_secret_variable_default_is_searched_under_the_variable_name() -> None:
    # Until 2026-12 a default was searched under the key "default", which says nothing: a token in a
    # variable default was found in a plan's configuration and in a tfvars file, not in the .tf source.
    text = "\n".join(
        [
            'variable "api_token" {',
            "  type    = string",
            '  default = "Zk3#9xLq!2mVb7@Rt5wY8uPe"',
            "}",
            'variable "client_secret" { default = "Qk3#9xLq!2mVb7@Rt5wY8uPe" }',
            'variable "secret_name" {',  # names a secret, holds none
            '  default = "Zk3#9xLq!2mVb7@Rt5wY8uPz"',
            "}",
            'variable "region" {',
            '  default = "Zk3#9xLq!2mVb7@Rt5wY8uPx"',
            "}",
            'variable "token" {',
            '  default = "changeme"',  # low entropy: SEC-CRED-* judge the attributes that use it
            "}",
            "locals {",
            '  default = "Wk3#9xLq!2mVb7@Rt5wY8uPe"',  # not a variable's default
            "}",
        ]
    )
    assert _found(text) == [
        (3, "High-entropy string", "api_token"),
        (5, "High-entropy string", "client_secret"),
    ]


def test_credential_attributes_are_left_to_the_credential_rules_only_where_they_judge_them() -> None:
    # Until 2026-12 a value under password/admin_password/... was never searched, wherever it was: a
    # kubernetes_secret's data, a provider block, a JSON secret string were reported by no rule.
    value = "Zk3#9xLq!2mVb7@Rt5wY8uPe"
    text = "\n".join(
        [
            'resource "kubernetes_secret" "db" {',
            "  data = {",
            f'    password = "{value}"',
            "  }",
            "}",
            'resource "aws_db_instance" "db" {',
            f'  password = "{value[::-1]}"',  # SEC-CRED-001 judges it
            "}",
            'provider "postgresql" {',
            f'  password = "{value[1:]}x"',
            "}",
        ]
    )
    found = "High-entropy string"
    assert _found(text) == [(3, found, "password"), (10, found, "password")]
    # A template: the property itself is the credential rules'; a key inside a JSON string is not.
    assert _found(f"      MasterUserPassword: '{value}'\n", "template.yaml") == []
    secret_string = f"""      SecretString: '{{"username": "admin", "password": "{value}"}}'\n"""
    assert _found(secret_string, "template.yaml") == [(1, found, "password")]


def test_a_heredoc_is_a_string_its_shell_assignments_are_values() -> None:
    text = "\n".join(
        [
            'resource "aws_instance" "web" {',
            "  user_data = <<-EOT",
            "    #!/bin/bash",
            "    export DB_PASSWORD=Xk3x9xLq2mVb7Rt5wY8uPeQ",
            "    export API_TOKEN=$TOKEN_FROM_SSM",
            '    echo "password=${var.db_password}"',
            "  EOT",
            '  tags = { token = "Xk3x9xLq2mVb7Rt5wY8uPeZ" }',
            "  key_name = local.api_token_name",
            "}",
        ]
    )
    found = "High-entropy string"
    assert _found(text) == [(4, found, "DB_PASSWORD"), (8, found, "token")]


def test_a_heredoc_marker_in_a_comment_opens_no_heredoc() -> None:
    password = "Qk3#9xLq!2mVb7@Rt5wY8uPe"
    text = f'# user_data = <<EOF\nresource "aws_db_instance" "db" {{\n  password = "{password}"\n}}\n'
    assert _found(text) == []


def test_an_arn_is_not_a_value() -> None:
    # The keyword detector reads ":secret:prod/db-*" in a Secrets Manager ARN as a value under "secret".
    arn = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:111122223333:secret:Prod/Db-Secret9-*"
    line = f'      Resource: !Sub "{arn}"\n'
    assert _found(line, "template.yaml") == []


def test_the_credential_resource_types_are_those_the_credential_rules_judge() -> None:
    from iacgate.packs import load_packs
    from iacgate.secrets.detect import CREDENTIAL_RESOURCE_TYPES

    rules = [rule for rule in load_packs(("secrets-and-state",)).rules if rule.id.startswith("SEC-CRED-")]
    assert {name for rule in rules for name in rule.resource_types} == CREDENTIAL_RESOURCE_TYPES


def test_in_templates_and_stacks_credential_properties_are_left_only_where_the_rules_judge_them() -> None:
    # The resource last typed above the line: a DB instance's password is SEC-CRED-001's; a Simple AD
    # directory's or a Kubernetes secret's is searched (until 2026-12 neither was).
    value = "Zk3#9xLq!2mVb7@Rt5wY8uPe"
    template = "\n".join(
        [
            "Resources:",
            "  Db:",
            "    Type: AWS::RDS::DBInstance",
            "    Properties:",
            f"      MasterUserPassword: '{value}'",
            "  Ad:",
            "    Type: AWS::DirectoryService::SimpleAD",
            "    Properties:",
            f"      Password: '{value}x'",
        ]
    )
    assert _found(template, "template.yaml") == [(9, "High-entropy string", "Password")]
    resources = [
        {"urn": "u1", "type": "aws:rds/instance:Instance", "inputs": {"password": value}},
        {
            "urn": "u2",
            "type": "kubernetes:core/v1:Secret",
            "inputs": {"stringData": {"password": value + "k"}},
        },
    ]
    stack = json.dumps({"deployment": {"resources": resources}}, indent=2)
    assert _found(stack, "stack.pulumi.json") == [(16, "High-entropy string", "password")]


def test_a_secret_parameter_default_is_searched_under_the_parameter_name() -> None:
    # Until 2026-12 a template parameter's Default was searched under the key "Default" and never judged.
    value = "Zk3#9xLq!2mVb7@Rt5wY8uPe"
    template = "\n".join(
        [
            "Parameters:",
            "  ApiKey:",
            "    Type: String",
            "    NoEcho: true",
            f'    Default: "{value}"',
            "  ApiKeyName:",  # names a secret, holds none
            f'    Default: "{value}1"',
            "Resources:",
            "  Queue:",
            "    Type: AWS::SQS::Queue",
            "    Properties:",
            f'      Default: "{value}2"',  # not a parameter
        ]
    )
    assert _found(template, "template.yaml") == [(5, "High-entropy string", "ApiKey")]
    document = {"Parameters": {"ClientSecret": {"Type": "String", "Default": value}}, "Resources": {}}
    assert _found(json.dumps(document, indent=2), "template.json") == [
        (5, "High-entropy string", "ClientSecret")
    ]


def test_heredocs_are_where_terraform_reads_them() -> None:
    # One reading of heredocs, the comment lexer's (iacgate.comments), since 2026-12. Before, the secrets
    # search had its own: a "<<EOT" in a trailing comment opened a heredoc that never closed, so the
    # credential attribute below was reported twice (here and by SEC-CRED-001)...
    commented = "\n".join(
        [
            'resource "aws_db_instance" "ledger" {',
            '  engine   = "postgres" # the init script is a <<EOT',
            '  password = "Zk3#9xLq!2mVb7@Rt5wY8uPe"',
            "}",
        ]
    )
    assert _found(commented) == []
    # ... and a marker followed by a character Go does not trim (U+001C) closed the heredoc early, so a
    # shell assignment still inside it was read as HCL and left alone.
    script = "\n".join(
        [
            "locals {",
            "  script = <<EOT",
            "echo start",
            "EOT\x1c",
            "export API_TOKEN=Xk3x9xLq2mVb7Rt5wY8uPeQ",
            "EOT",
            "}",
        ]
    )
    assert _found(script) == [(5, "High-entropy string", "API_TOKEN")]
    # A heredoc closed at the first column leaves the resource around it: the credential attribute after it
    # is still SEC-CRED-001's.
    after = "\n".join(
        [
            'resource "aws_db_instance" "ledger" {',
            "  user_data = <<EOT",
            "echo start",
            "EOT",
            '  password = "Zk3#9xLq!2mVb7@Rt5wY8uPe"',
            "}",
        ]
    )
    assert _found(after) == []
