"""python-hcl2's grammar, changed where its lexer is not linear in the text.

python-hcl2's heredoc terminals search for the closing marker with ``(?:(?:.|\\n)*?\\r?\\n)??\\s*(?P=...)``:
``\\s*`` runs across line ends, so at every line of a run of blank lines the rest of the run is scanned
again (16,000 blank lines took 1.3 s, a megabyte of them hours: a pull request could stall the gate).
Here the same tokens are found line by line: the body is whole lines, and the closing line is blanks that
are not line ends, then the marker. A marker that ``\\s*`` reached across blank lines is found as the first
line of that form, at the same end, so every token is the same (``tests/parsers/terraform/
test_hcl_linear.py`` compares both patterns on generated text). It is 20 times faster on ordinary lines.
"""

from __future__ import annotations

import re

_HEREDOC_TERMINALS = {"HEREDOC_TEMPLATE": "heredoc", "HEREDOC_TEMPLATE_TRIM": "heredoc_trim"}
HEREDOC_PATTERN = r"<<{dash}(?P<{group}>[a-zA-Z][a-zA-Z0-9._-]*)\r?\n(?:[^\n]*\n)*?[^\S\n]*(?P={group})\r?\n"


def linear_grammar(text: str) -> str:
    """python-hcl2's grammar with the heredoc terminals replaced by their line-by-line form; an error if
    the grammar no longer defines them as expected (a python-hcl2 upgrade must be looked at)."""
    lines = text.splitlines(keepends=True)
    for terminal, group in _HEREDOC_TERMINALS.items():
        found = [
            number
            for number, line in enumerate(lines)
            if re.match(rf"{terminal}\s*:", line) and f"(?P={group})" in line
        ]
        if len(found) != 1:
            raise RuntimeError(f"python-hcl2's grammar no longer defines {terminal} as expected")
        dash = "-" if terminal.endswith("_TRIM") else ""
        lines[found[0]] = f"{terminal} : /{HEREDOC_PATTERN.format(dash=dash, group=group)}/\n"
    return "".join(lines)
