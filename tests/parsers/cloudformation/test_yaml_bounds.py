"""YAML alias expansion is bounded by counting nodes: a "billion laughs" template is one error naming its
file and line, found before anything is built (issue #13 §3)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
import yaml
from tests.parsers.cloudformation.conftest import parse_files

from iacgate import yamlio


def laughs(levels: int, width: int = 9) -> str:
    """Nine levels of nine aliases: 31 nodes written, about 4.3e8 once expanded."""
    lines = ["  a: &a [" + ", ".join(['"lol"'] * width) + "]"]
    for number in range(1, levels):
        name, previous = chr(ord("a") + number), chr(ord("a") + number - 1)
        lines.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * width) + "]")
    return "\n".join(lines) + "\n"


def template(mappings: str, tags: str) -> str:
    return (
        'AWSTemplateFormatVersion: "2010-09-09"\n'
        "Mappings:\n"
        f"{mappings}"
        "Resources:\n"
        "  Bucket:\n"
        "    Type: AWS::S3::Bucket\n"
        "    Properties:\n"
        f"      Tags: {tags}\n"
    )


def test_billion_laughs_template_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "bomb.yaml").write_text(template(laughs(9), "*i"), encoding="utf-8")
    tracemalloc.start()
    try:
        result = parse_files(tmp_path, ["bomb.yaml"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not result.resources
    [error] = [note for note in result.notifications if note.level == "error"]
    assert error.file == "bomb.yaml"
    # The first level whose expansion passes the budget: f (9**5 leaves) on line 8.
    assert error.line == 8
    assert "aliases expand this document beyond" in error.message
    assert "refused" in error.message
    # Refused while counting: a few MB of Python objects, not the gigabytes of building the tree.
    assert peak < 30_000_000


def test_alias_to_an_enclosing_node_is_refused(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").write_text(template("  a: &a [1, *a]\n", "*a"), encoding="utf-8")
    result = parse_files(tmp_path, ["loop.yaml"])
    [error] = [note for note in result.notifications if note.level == "error"]
    assert (error.file, error.line) == ("loop.yaml", 3)
    assert "alias refers to a node that contains it" in error.message


def test_ordinary_anchors_still_parse(tmp_path: Path) -> None:
    tags = "&tags [{Key: team, Value: data}, {Key: env, Value: prod}]"
    text = template("  m: {a: 1}\n", tags) + (
        "  Other:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *tags\n"
    )
    (tmp_path / "anchors.yaml").write_text(text, encoding="utf-8")
    result = parse_files(tmp_path, ["anchors.yaml"])
    assert not [note for note in result.notifications if note.level == "error"]
    tags_by_id = {resource.id.rsplit("/", 1)[-1]: resource.tags for resource in result.resources}
    assert tags_by_id["Bucket"] == tags_by_id["Other"] == {"team": "data", "env": "prod"}


@pytest.mark.parametrize(("budget", "line"), [(89, 1), (10, 2), (90, None)])
def test_budget_counts_nodes_added_by_aliases(budget: int, line: int | None) -> None:
    # Written: the mapping, key a, a's list and its 9 items, key b, b's list = 14 nodes (an alias is its
    # anchor's node again). Expanded: b's list holds a's 10 nodes 9 times = 1 + 1 + 10 + 1 + 91 = 104,
    # 90 more than written. The error marks the first node whose own expansion passes the limit.
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [" + ", ".join(["*a"] * 9) + "]\n"
    if line is None:
        assert yamlio.safe_load(text, budget=budget)["b"][8] == list(range(1, 10))
        return
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yamlio.safe_load(text, budget=budget)
    assert caught.value.problem_mark is not None
    assert caught.value.problem_mark.line + 1 == line
    assert f"({14:,} written, {budget:,} more allowed)" in str(caught.value.problem)


def test_safe_load_refuses_the_bomb_as_a_yaml_error_with_its_line() -> None:
    # Configuration and waivers read through yamlio.safe_load: their error handlers print file:line.
    with pytest.raises(yaml.YAMLError) as caught:
        yamlio.safe_load("x:\n" + laughs(9) + "y: *i\n")
    error = caught.value
    assert isinstance(error, yaml.MarkedYAMLError)
    assert error.problem_mark is not None and error.problem_mark.line + 1 == 7
    assert error.problem is not None and "aliases expand this document" in error.problem


def test_deep_but_unaliased_documents_are_not_limited() -> None:
    # The budget is on nodes added by aliases, never on what the file writes out itself.
    items = ", ".join(f"{{k: {number}}}" for number in range(60_000))
    assert len(yamlio.safe_load(f"x: [{items}]\n", budget=10)["x"]) == 60_000
