"""The compiled HCL grammar is cached as plain JSON and reads back as the parser that was built."""

from __future__ import annotations

import json
import lzma
from pathlib import Path

import pytest

from iacgate.cache import Entry, digest, read_json, write_json
from iacgate.parsers.terraform import grammar_cache
from iacgate.parsers.terraform.load import hcl_grammar

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"
SAMPLE = """\
resource "aws_s3_bucket" "b" {
  bucket = "${var.prefix}-logs"
  tags   = { for k, v in var.tags : k => v if v != null }
  policy = <<-EOT
    %{ for s in local.statements }${s}%{ endfor }
  EOT
  count  = var.enabled ? length(var.names) : 0
}
"""


def test_the_grammar_reads_back_from_json_as_it_was_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lark import __version__

    monkeypatch.setattr(grammar_cache, "SHIPPED", tmp_path / "none.json.xz")  # the cache, not the package
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    grammar = hcl_grammar()
    built = grammar_cache.parser(grammar)
    key = digest(grammar, __version__, "lalr")
    entry = Entry(tmp_path / "cache" / grammar_cache.KIND / key, grammar_cache.KIND, key)
    stored = read_json(entry)
    assert isinstance(stored, dict) and set(stored) == {"data", "memo"}
    assert not entry.path.read_bytes().startswith(b"\x80")  # not a pickle
    loaded = grammar_cache.parser(grammar)
    assert loaded is not built
    assert loaded.parse(SAMPLE) == built.parse(SAMPLE)
    # An entry with a consistent header but not a grammar: built again, and stored again.
    write_json(entry, {"data": {"parser": {}}, "memo": {"1": {}}})
    rebuilt = grammar_cache.parser(grammar)
    assert rebuilt.parse(SAMPLE) == built.parse(SAMPLE)
    assert read_json(entry) != {"data": {"parser": {}}, "memo": {"1": {}}}
    assert grammar_cache.parser(grammar).parse(SAMPLE) == built.parse(SAMPLE)


def test_the_package_ships_the_grammar_the_installed_versions_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh machine (an empty cache) reads the grammar instead of spending 2 s building it. Stale after
    a python-hcl2 or Lark upgrade: run `make grammar`."""
    from lark import Lark, __version__

    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    grammar = hcl_grammar()
    shipped = grammar_cache._shipped(digest(grammar, __version__, "lalr"))
    assert shipped is not None, "the shipped grammar is for other python-hcl2/Lark versions: run make grammar"
    from hcl2.postlexer import PostLexer

    built = Lark(grammar, parser="lalr", postlex=PostLexer())
    loaded = grammar_cache.parser(grammar)
    # Lark numbers its states differently from one build to the next: the same trees are what counts.
    sources = [SAMPLE] + [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.tf"))[:80]]
    for source in sources:
        assert loaded.parse(source) == built.parse(source)
    assert not (tmp_path / "cache" / grammar_cache.KIND).exists() or not any(
        (tmp_path / "cache" / grammar_cache.KIND).iterdir()
    ), "read from the package, nothing built or cached"


def test_a_shipped_grammar_of_other_versions_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.json.xz"
    payload = json.loads(lzma.decompress(grammar_cache.SHIPPED.read_bytes()))
    payload["key"] = "0" * 64
    payload["payload"] = {"data": {"parser": {}}, "memo": {}}  # would not parse anything if it were used
    other.write_bytes(lzma.compress(json.dumps(payload).encode()))
    monkeypatch.setattr(grammar_cache, "SHIPPED", other)
    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    grammar = hcl_grammar()
    assert grammar_cache.parser(grammar).parse(SAMPLE).data == "start"
