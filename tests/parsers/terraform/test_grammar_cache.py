"""The compiled HCL grammar is cached as plain JSON and reads back as the parser that was built."""

from __future__ import annotations

from pathlib import Path

import hcl2.parser
import pytest

from iacgate.cache import Entry, digest, read_json, write_json
from iacgate.parsers.terraform import grammar_cache
from iacgate.parsers.terraform.grammar import linear_grammar

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

    monkeypatch.setenv("IACGATE_CACHE_DIR", str(tmp_path / "cache"))
    grammar = linear_grammar(Path(hcl2.parser.__file__).with_name("hcl2.lark").read_text(encoding="utf-8"))
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
