"""Terraform's functions give Terraform's value, its error (which ``try()``/``can()`` see), or
``Unknown``: never a value Terraform would not give, and never a Python exception that costs the module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.graph.model import Unknown
from iacgate.notifications import Notification
from parsers.terraform.support import scan


def _evaluate(tmp_path: Path, expression: str) -> tuple[Any, tuple[Notification, ...]]:
    """The value of ``expression`` as one argument of a resource, and the scan's notifications."""
    (tmp_path / "main.tf").write_text(
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n  policy = {expression}\n}}\n', encoding="utf-8"
    )
    scanned = scan(tmp_path)
    return scanned.resources["aws_s3_bucket.b"].attributes.get("policy"), scanned.notifications


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('try(index(["a"], "b"), "missing")', "missing"),
        ('can(index(["a"], "b"))', False),
        ('index(["a", "b"], "b")', 1),
        ('try(lookup({}, "k"), "none")', "none"),
    ],
)
def test_functions_terraform_refuses_are_errors_try_sees(
    tmp_path: Path, expression: str, expected: Any
) -> None:
    # index() of a missing item raised StopIteration: "internal error", every resource of the module gone.
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


def test_a_missing_item_without_try_is_an_error_at_its_line_and_the_module_is_still_judged(
    tmp_path: Path,
) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "ok" {\n  availability_zone = "us-east-1a"\n  size = 10\n}\n'
        'resource "aws_ebs_volume" "x" {\n  availability_zone = "us-east-1a"\n'
        '  encrypted = index(["a"], "b") >= 0\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert set(scanned.resources) == {"aws_ebs_volume.ok", "aws_ebs_volume.x"}
    encrypted = scanned.resources["aws_ebs_volume.x"].attributes["encrypted"]
    assert isinstance(encrypted, Unknown) and "index(): item not found" in encrypted.reason
    assert not any("internal error" in note.message for note in scanned.notifications)


def test_a_pattern_python_cannot_read_is_unknown_not_an_error(tmp_path: Path) -> None:
    # \Q...\E quotes text in RE2; Python refuses it. try() must not turn that into its default.
    value, _ = _evaluate(tmp_path, 'try(regex("\\\\Qa.b\\\\E", "a.b"), "default")')
    assert isinstance(value, Unknown) and "regex()" in value.reason


@pytest.mark.parametrize(
    "expression",
    [
        'yamldecode("a: 2001-12-14")',
        'can(yamldecode("a: !!binary aGk="))',
        'try(yamldecode("<<: {a: 1}"), "default")',
        '!can(textdecodebase64("YQ==", "Shift_JIS"))',
        'try(textencodebase64("a", "windows-1252"), "")',
    ],
)
def test_a_real_function_iacgate_does_not_run_is_unknown_even_under_try(
    tmp_path: Path, expression: str
) -> None:
    # It counted as an error: can() was false and try() gave its default, known values Terraform never gives.
    value, notes = _evaluate(tmp_path, expression)
    assert isinstance(value, Unknown) and "is not evaluated statically" in value.reason
    assert not notes


def test_a_count_from_can_of_such_a_function_is_unknown_not_zero(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'resource "aws_ebs_volume" "v" {\n  count = can(textdecodebase64("YQ==", "Shift_JIS")) ? 1 : 0\n'
        '  availability_zone = "us-east-1a"\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert list(scanned.resources) == ["aws_ebs_volume.v"]
    assert [(note.level, note.line) for note in scanned.notifications] == [("warning", 1)]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [('strcontains("abc", "b")', True), ('!can(strcontains("abc", "b"))', False)],
)
def test_strcontains_runs(tmp_path: Path, expression: str, expected: bool) -> None:
    assert _evaluate(tmp_path, expression)[0] == expected


def test_a_function_terraform_does_not_have_is_still_an_error(tmp_path: Path) -> None:
    # Terraform's try() falls back on "Call to unknown function" too.
    assert _evaluate(tmp_path, 'try(nosuchfunction("a"), "default")')[0] == "default"
    value, _ = _evaluate(tmp_path, 'nosuchfunction("a")')
    assert isinstance(value, Unknown) and "call to unknown function nosuchfunction()" in value.reason


@pytest.mark.parametrize(
    ("expression", "reason"),
    [
        ("terraform.workspace", "terraform.workspace is the workspace selected when Terraform runs"),
        ("path.cwd", "path.cwd is the absolute directory Terraform runs in"),
        ("abspath(path.module)", "abspath() depends on the directory Terraform runs in"),
        ('pathexpand("~/x")', "pathexpand() of ~ is the home directory of whoever runs Terraform"),
        ('issensitive("x")', "issensitive(): iacgate does not track which values are sensitive"),
        ("yamlencode({ a = 1 })", "yamlencode() output (go-cty-yaml's layout) is not reproduced statically"),
    ],
)
def test_values_that_depend_on_the_run_are_unknown(tmp_path: Path, expression: str, reason: str) -> None:
    # They were "default", ".", the path as given, false and JSON: values Terraform may not give.
    value, _ = _evaluate(tmp_path, expression)
    assert value == Unknown(reason)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Go's strings.Title: the first letter of each word, the rest untouched.
        ('title("aBC dEF")', "ABC DEF"),
        ('title("hello_world-x.y")', "Hello_world-X.Y"),
        ('title("élan vital")', "Élan Vital"),
        # Go's url.QueryEscape.
        ('urlencode("a b/c?d=é~")', "a+b%2Fc%3Fd%3D%C3%A9~"),
        # Go's big.Int SetString with a base: no underscore, prefix or blank.
        ('can(parseint("1_0", 10))', False),
        ('can(parseint("0x1f", 16))', False),
        ('can(parseint(" 12", 10))', False),
        ('parseint("-FF", 16)', -255),
        ('parseint("aA", 62)', 656),
        ('parseint("12345678901234567890123", 10)', 12345678901234567890123),
        ('pathexpand("x/~")', "x/~"),
        ('can(pathexpand("~other/x"))', False),
        ('trimspace("\\u0085 a \\t")', "a"),
        # Exact numbers: 2**53 + 1 is not 2**53.
        ("9007199254740993 == 9007199254740992", False),
        ("9007199254740993 == 9007199254740993", True),
        ("index([9007199254740992, 9007199254740993], 9007199254740993)", 1),
    ],
)
def test_functions_give_terraforms_value(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected and type(value) is type(expected)
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # cty's format(): Go's integer verbs, which Python's "%" read as decimals or refused.
        ('format("%x-%X-%o-%b", 255, 255, 8, 5)', "ff-FF-10-101"),
        ('format("%#x %#o %08.3d|%-5d|%+05d", 255, 8, 5, -5, 5)', "0xff 010      005|-5   |+0005"),
        # %[n] picks an argument; the next verb goes on from it.
        ('format("%[2]s %[1]s %s", "a", "b")', "b a b"),
        # %v: a string as it is, a number as Go's shortest %g, the rest (bool, null, list, map) as JSON.
        ('format("%v|%v|%v|%v", null, [1, "a"], { k = true }, true)', 'null|[1,"a"]|{"k":true}|true'),
        ('format("%v %v %v %g", 100000, 1000000, 0.00001, 1234567)', "100000 1e+06 1e-05 1.234567e+06"),
        ('format("%#v", "x")', '"x"'),
        ('format("%q", "a\\\\b\\"c")', '"a\\\\b\\"c"'),
        ('try(format("%v", ["x"]), "fallback")', '["x"]'),
        ('formatlist("%[1]s-%[1]s", ["a", "b"])', ["a-a", "b-b"]),
        # What Terraform refuses: a fraction for %d, a verb it does not have, a verb without its argument.
        ('can(format("%d", 3.5))', False),
        ('can(format("%y", 1))', False),
        ('can(format("%s %s", "a"))', False),
        ('can(format("50%", 1))', False),
    ],
)
def test_format_gives_ctys_text(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Go's encoding/json escapes <, > and & (the documented jsonencode() behaviour).
        ('jsonencode({ c = "<a>&b" })', '{"c":"\\u003ca\\u003e\\u0026b"}'),
        # Numbers as big.Float Text('f', -1): never Python's exponent form.
        ("jsonencode([1e20, 1.5e-7, 0.1])", "[100000000000000000000,0.00000015,0.1]"),
        ("tostring(1e20)", "100000000000000000000"),
        ('"v${1.5e-7}"', "v0.00000015"),
    ],
)
def test_json_and_number_text_are_terraforms(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


def test_a_json_number_beyond_a_double_is_unknown_and_the_resource_stays(tmp_path: Path) -> None:
    # It was inf: the resource was dropped ("policy is inf, which is not a JSON number").
    value, notes = _evaluate(tmp_path, 'jsondecode("1e400")')
    assert isinstance(value, Unknown) and "jsondecode()" in value.reason
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('replace("hello", "/(l+)/", "[$1]")', "he[ll]o"),
        ('replace("hello", "/(l+)/", "[$${1}]")', "he[ll]o"),
        # Go's Regexp.Expand: a name by name, the longest name ("$1x" is group "1x": empty), "$$" is "$".
        ('replace("hello", "/(?P<x>l+)/", "[$x|$${x}]")', "he[ll|ll]o"),
        ('replace("hello", "/(l+)/", "[$1x]")', "he[]o"),
        ('replace("a.b", "/[.]/", "$$")', "a$b"),
        # Backslashes are text, not Python's escapes ("\\1" was group 1, "\\d" an error).
        ('replace("a.b", "/([.])/", "\\\\1\\\\d")', "a\\1\\db"),
        ('replace("a.b", "/[.]|(z)/", "<$1$9>")', "a<>b"),
    ],
)
def test_replace_with_a_pattern_expands_as_go_does(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # go-cty: size 0 is the whole list as one chunk (it was three empty chunks).
        ("chunklist([1, 2, 3], 0)", [[1, 2, 3]]),
        ("chunklist([1, 2, 3], 2)", [[1, 2], [3]]),
        ("can(chunklist([1], -1))", False),
        # coalescelist() skips null and fails when every list is empty (it gave [], hiding try()'s fallback).
        ('coalescelist(null, [], ["a"])', ["a"]),
        ('try(coalescelist([], []), ["x"])', ["x"]),
        # element(): a negative index counts from the end (Terraform 1.10); a fraction is an error.
        ('element(["a", "b", "c"], -1)', "c"),
        ('can(element(["a", "b"], 1.5))', False),
    ],
)
def test_collection_functions_follow_go_cty(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        (
            'cidrsubnets("10.1.0.0/16", 4, 4, 8, 4)',
            ["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"],
        ),
        # Past the end of the prefix is Terraform's error ("not enough remaining address space"), not
        # a subnet outside it (10.0.1.0/25 was given).
        ('can(cidrsubnets("10.0.0.0/24", 1, 1, 1))', False),
        ('try(cidrsubnets("10.0.0.0/24", 1, 1, 1), [])', []),
        # Each extension is at least one bit (0 gave the prefix itself).
        ('can(cidrsubnets("10.0.0.0/24", 0))', False),
    ],
)
def test_cidrsubnets_stays_inside_its_prefix(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Go's filepath.Base and filepath.Dir (what Terraform's basename() and dirname() are).
        ('basename("a/b/")', "b"),
        ('basename("")', "."),
        ('basename("foo/bar/baz.txt")', "baz.txt"),
        ('dirname("/a")', "/"),
        ('dirname("a/b/")', "a/b"),
        ('dirname("a")', "."),
        ('dirname("a//b/./c")', "a/b"),
    ],
)
def test_basename_and_dirname_are_gos(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('setproduct(["a", "b"], ["x", "y"])', [["a", "x"], ["a", "y"], ["b", "x"], ["b", "y"]]),
        ('setproduct(["a"], [])', []),
        ('indent(2, "[\n  foo,\n]\n")', "[\n    foo,\n  ]\n  "),
        ("log(16, 2)", 4),
        # The example of Terraform's documentation.
        (
            'base64sha512("hello world")',
            "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==",
        ),
        ('templatestring(local.t, { name = "w" })', "hello w"),
        # The template must be a reference: a literal is a template already rendered in place.
        ('can(templatestring("x", {}))', False),
    ],
)
def test_functions_that_were_left_unknown_run(tmp_path: Path, expression: str, expected: Any) -> None:
    # They were unknown ("is not evaluated statically"): values Terraform knows from the files.
    (tmp_path / "main.tf").write_text(
        'locals {\n  t = "hello $${name}"\n}\n'
        f'resource "aws_s3_bucket" "b" {{\n  bucket = "b"\n  policy = {expression}\n}}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert scanned.resources["aws_s3_bucket.b"].attributes["policy"] == expected
    assert not scanned.notifications


def test_for_each_over_setproduct_makes_one_instance_per_pair(tmp_path: Path) -> None:
    # setproduct() was unknown: for_each unknown, "evaluated as one instance" with unknown values.
    (tmp_path / "main.tf").write_text(
        'locals {\n  pairs = setproduct(["a", "b"], [10, 20])\n}\n'
        'resource "aws_ebs_volume" "v" {\n'
        '  for_each          = { for p in local.pairs : "${p[0]}-${p[1]}" => p }\n'
        "  availability_zone = each.value[0]\n  size              = each.value[1]\n}\n",
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert {key: r.attributes["size"] for key, r in scanned.resources.items()} == {
        'aws_ebs_volume.v["a-10"]': 10,
        'aws_ebs_volume.v["a-20"]': 20,
        'aws_ebs_volume.v["b-10"]': 10,
        'aws_ebs_volume.v["b-20"]': 20,
    }
    assert not scanned.notifications


@pytest.mark.parametrize(
    "expression", ['format("%99999999d", 1)', 'format("%.99999999f", 1)', 'indent(99999999, "a\\nb")']
)
def test_a_huge_width_or_indent_is_paid_for_before_it_is_built(tmp_path: Path, expression: str) -> None:
    # 100 MB of padding was built, then charged a sixty-fourth of its size: under the ceiling, kept.
    (tmp_path / "main.tf").write_text(f'resource "aws_s3_bucket" "b" {{\n  policy = {expression}\n}}\n')
    scanned = scan(tmp_path)
    assert not scanned.resources
    assert [note.message for note in scanned.notifications] == [
        "evaluation needs more than 2,000,000 steps (iacgate's ceiling for one root module); "
        "module . not evaluated"
    ]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # Go's encoding/csv: quoting, blank lines skipped, the header's names as keys.
        (
            'csvdecode("a,b\\n\\"x, y\\",\\"q\\"\\"z\\"\\n\\n3,\\n")',
            [{"a": "x, y", "b": 'q"z'}, {"a": "3", "b": ""}],
        ),
        ('csvdecode("a,b")', []),
        ('can(csvdecode("a,b\\n1,2,3"))', False),
        ('can(csvdecode("a,b\\n1,x\\"y"))', False),
        ('can(csvdecode(""))', False),
        # RFC 3339 instants compared, offsets and fractions included.
        ('timecmp("2017-11-22T01:00:00-01:00", "2017-11-22T01:00:00Z")', 1),
        ('timecmp("2017-11-22T00:00:00.000000001Z", "2017-11-22T00:00:00Z")', 1),
        ('timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00+00:00")', 0),
        ('can(timecmp("2017-11-22", "2017-11-22T00:00:00Z"))', False),
    ],
)
def test_csvdecode_and_timecmp_run(tmp_path: Path, expression: str, expected: Any) -> None:
    # Both were unknown ("is not evaluated statically"): a CSV file of rules made for_each unknown.
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # go-cty-yaml's resolution: YAML 1.1 words, decimal numbers (leading zeros and "_" included),
        # "0x1" a string, quoted and block scalars strings.
        (
            "yamldecode(\"a: 1\\nb: [x, '2']\\nc: on\\nd: ~\\ne: 1_000\\nf: 0777\\ng: 0x1\\nh: |\\n x\\n\")",
            {"a": 1, "b": ["x", "2"], "c": True, "d": None, "e": 1000, "f": 777, "g": "0x1", "h": "x\n"},
        ),
        ('yamldecode("- &a {x: 1.5}\\n- *a\\n")', [{"x": 1.5}, {"x": 1.5}]),
        ('yamldecode("")', None),
        ('can(yamldecode("a: ["))', False),
        ('can(yamldecode("---\\na: 1\\n---\\nb: 2\\n"))', False),
    ],
)
def test_yamldecode_runs_as_go_cty_yaml(tmp_path: Path, expression: str, expected: Any) -> None:
    # It was unknown: yamldecode(file("config.yaml")) feeding for_each made the instances unknown.
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


def test_a_yaml_alias_bomb_stops_at_the_ceiling(tmp_path: Path) -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(8)
    ]
    (tmp_path / "bomb.yaml").write_text("\n".join(levels) + "\n", encoding="utf-8")
    (tmp_path / "main.tf").write_text(
        'resource "aws_s3_bucket" "b" {\n  policy = length(yamldecode(file("bomb.yaml")))\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    assert not scanned.resources
    assert [note.message for note in scanned.notifications] == [
        "evaluation needs more than 2,000,000 steps (iacgate's ceiling for one root module); "
        "module . not evaluated"
    ]


@pytest.mark.parametrize("text", [" 5", "5 ", "1_000", "\u0665", "0x10"])
def test_a_string_is_a_number_only_as_cty_parses_it(tmp_path: Path, text: str) -> None:
    # Python's int() read " 5", "1_000" and an Arabic-Indic digit; Terraform's tonumber() refuses them.
    value, notes = _evaluate(tmp_path, f'try(tonumber("{text}"), "refused")')
    assert value == "refused"
    assert not notes


def test_a_string_of_many_digits_is_still_a_number_error_not_a_crash(tmp_path: Path) -> None:
    value, notes = _evaluate(tmp_path, f'try(tonumber("{"9" * 5000}"), "refused")')
    assert value == "refused"
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # The examples of Terraform's documentation.
        ('textencodebase64("Hello World", "UTF-16LE")', "SABlAGwAbABvACAAVwBvAHIAbABkAA=="),
        ('textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")', "Hello World"),
        ('textencodebase64("é", "iso-8859-1")', "6Q=="),
        ('can(textencodebase64("€", "ISO-8859-1"))', False),
        ('can(textdecodebase64("not base64!", "UTF-8"))', False),
    ],
)
def test_text_encodings_run_for_the_encodings_go_and_python_share(
    tmp_path: Path, expression: str, expected: Any
) -> None:
    # They were unknown: a Windows user_data written with textencodebase64(..., "UTF-16LE") included.
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # cty refuses named and unnamed groups in one pattern (the unnamed ones were dropped silently).
        ('try(regex("(?P<a>x)(y)", "xy"), "refused")', "refused"),
        ('try(regexall("(?P<a>x)(y)", "xy"), "refused")', "refused"),
        ('regex("(?P<a>x)(?P<b>y)?", "x")', {"a": "x", "b": None}),
        ('regex("(x)(y)?", "x")', ["x", None]),
    ],
)
def test_regex_groups_follow_cty(tmp_path: Path, expression: str, expected: Any) -> None:
    value, notes = _evaluate(tmp_path, expression)
    assert value == expected
    assert not notes
