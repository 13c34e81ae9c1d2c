"""python-hcl2's grammar, with the terminals whose patterns are slow on long input rewritten to match
exactly the same text faster, and those that read text differently from HashiCorp's scanner corrected.
Each rewrite replaces one definition, which must read exactly as expected: a python-hcl2 upgrade that
changes one is an error here, to be looked at, not silently mixed.

Heredocs: python-hcl2 searches for the closing marker with ``(?:(?:.|\\n)*?\\r?\\n)??\\s*(?P=...)``, where
``\\s*`` runs across line ends, so at every line of a run of blank lines the rest of the run is scanned
again (16,000 blank lines took 1.3 s, a megabyte of them hours: a pull request could stall the gate).
Here the tokens are found line by line, as HashiCorp's scanner does (``scan_tokens.rl``,
``heredocLiteralEOL``): the body is whole lines that are not a closing line, and the closing line is one
whose content, trimmed of Go's blanks (``bytes.TrimSpace``), is the marker. python-hcl2 allowed no blank
after the marker, so ``EOT `` closed nothing and the heredoc swallowed the rest of the file, resources
included; Terraform closes it there. 20 times faster on ordinary lines too.

Strip markers: python-hcl2 allowed ``~`` in a quoted string's directives (``%{~ if x ~}``) but not in its
interpolations, so a valid ``"a ${~ x ~} b"`` was a syntax error (exit 3); HCL's grammar has it in both.

Escapes: python-hcl2 read ``$${`` and ``%%{`` with the text up to the next ``}`` as one literal; HCL
reads only the three characters as the literal ``${`` or ``%{``, and what follows as usual.

Quoted strings: ``STRING_CHARS`` tried four look-aheads before each character (30 MB: 6 s and 3.4 GB of
backtracking stack). A character other than ``$`` and ``%`` passes them all, so runs of those are taken
at once, and ``$``/``%`` keep their own conditions: the same matches in 0.3 s.

Both repeat possessively (``*+``, ``++``): the heredoc body takes only lines that are not a closing
line, and nothing follows the string's repetition, so giving back what they took could never make a
match; the regular expression engine then keeps no state per line or run (30 MB in no memory beyond
the text, where the lazy and greedy forms held 100 and 500 MB).

``tests/parsers/terraform/test_hcl_linear.py`` compares the string rewrite with the original, and the
heredoc one with a line-by-line model of HashiCorp's scanner, on generated text.
"""

from __future__ import annotations

import re

# Go's unicode.IsSpace (what bytes.TrimSpace removes) but the line feed that ends the line: Python's \s
# also holds \x1c-\x1f, which Go's does not, so a "\x1cEOT" line closes nothing in Terraform.
GO_BLANK = r"[\t\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_HEREDOC = (
    r"<<{dash}(?P<{group}>[a-zA-Z][a-zA-Z0-9._-]*)\r?\n"
    r"(?:(?!{blank}*(?P={group}){blank}*\n)[^\n]*\n)*+{blank}*(?P={group}){blank}*\n"
)
_ORIGINAL_HEREDOC = (
    r"<<{dash}(?P<{group}>[a-zA-Z][a-zA-Z0-9._-]*)\r?\n(?:(?:.|\n)*?\r?\n)??\s*(?P={group})\r?\n"
)

# terminal -> (its definition in python-hcl2's grammar, the faster one): name and priority as written.
REWRITES: dict[str, tuple[str, str]] = {
    # "$${" is the literal "${" and nothing more (HCL's scanner): python-hcl2 took the text up to the next
    # "}" as literal too, so "$${ ${local.a} }" kept "${local.a}" as text instead of interpolating it.
    "ESCAPED_INTERPOLATION.2": (r"\$\$\{[^}]*\}", r"\$\$\{"),
    "ESCAPED_DIRECTIVE.2": (r"%%\{[^}]*\}", r"%%\{"),
    "STRING_CHARS.1": (
        r"(?:(?!\$\$\{)(?!\$\{)(?!%%\{)(?!%\{)[^" + '"' + r"\\]|\\.|(?:\$(?!\$?\{))|(?:%(?!%?\{)))+",
        r"(?:[^" + '"' + r"\\$%]+|\\.|\$(?!\$?\{)|%(?!%?\{))++",
    ),
    "HEREDOC_TEMPLATE": (
        _ORIGINAL_HEREDOC.format(dash="", group="heredoc"),
        _HEREDOC.format(dash="", group="heredoc", blank=GO_BLANK),
    ),
    "HEREDOC_TEMPLATE_TRIM": (
        _ORIGINAL_HEREDOC.format(dash="-", group="heredoc_trim"),
        _HEREDOC.format(dash="-", group="heredoc_trim", blank=GO_BLANK),
    ),
}

# Rules whose python-hcl2 production (as written) is narrower than HCL's: (written, HCL's).
RULE_REWRITES: dict[str, tuple[str, str]] = {
    "interpolation": (
        "INTERP_START expression RBRACE",
        "INTERP_START STRIP_MARKER? expression STRIP_MARKER? RBRACE",
    ),
}


def definition(grammar: str, terminal: str) -> str:
    """The pattern a grammar gives ``terminal`` (``NAME.priority`` as written), without its slashes."""
    found = [
        line.split(":", 1)[1].strip()
        for line in grammar.splitlines()
        if re.match(rf"{re.escape(terminal)}\s*:", line)
    ]
    if len(found) != 1 or not (found[0].startswith("/") and found[0].endswith("/")):
        raise RuntimeError(f"python-hcl2's grammar no longer defines {terminal} as one pattern")
    return found[0][1:-1]


def linear_grammar(text: str) -> str:
    """python-hcl2's grammar with the terminals of ``REWRITES`` replaced; an error if one of them is no
    longer defined as expected."""
    lines = text.splitlines(keepends=True)
    for terminal, (original, faster) in REWRITES.items():
        if definition(text, terminal) != original:
            raise RuntimeError(f"python-hcl2's grammar changed {terminal}; check grammar.py's rewrite")
        number = next(i for i, line in enumerate(lines) if re.match(rf"{re.escape(terminal)}\s*:", line))
        lines[number] = f"{terminal} : /{faster}/\n"
    for rule, (written, hcl) in RULE_REWRITES.items():
        found = [i for i, line in enumerate(lines) if re.match(rf"\??{re.escape(rule)}\s*:", line)]
        if len(found) != 1 or lines[found[0]].split(":", 1)[1].strip() != written:
            raise RuntimeError(f"python-hcl2's grammar changed rule {rule}; check grammar.py's rewrite")
        lines[found[0]] = f"{rule}: {hcl}\n"
    return "".join(lines)
