"""Passwords in connection strings, a detector written the detect-secrets way (a ``RegexBasedDetector``
with a denylist): the library's ``BasicAuthDetector`` finds ``scheme://user:password@host`` URLs only.

ADO.NET, ODBC and JDBC-style connection strings (SQL Server and Azure SQL, MySQL, PostgreSQL's keyword
form, Oracle) write the password as ``Password=...;`` or ``Pwd=...;`` among other ``key=value`` pairs
separated by semicolons. A value is reported when the text around it is such a string (a semicolon and
another connection keyword: server, host, data source, user id, database...), and when it is written out:
an interpolation (``${var.pw}``, ``$(PW)``, ``#{pw}``, ``%s``), a placeholder in brackets (``<password>``,
``{password}``, ``[password]``) or a mask (``***``) is not a password.
"""

from __future__ import annotations

import re
from typing import Any

from detect_secrets.core.potential_secret import PotentialSecret
from detect_secrets.plugins.base import RegexBasedDetector
from detect_secrets.util.code_snippet import CodeSnippet

# The password: after a start, a separator, a quote or a space, up to the next separator or quote.
_PASSWORD = re.compile(
    r"(?i)(?:^|(?<=[;\"'\s{]))(?:password|pwd)\s*=\s*(?![$%{<\[*#(])"
    r"(?!(?:true|false|yes|no|null|none)(?:[;\"'\s`]|$))([^;\"'\s`]+)"
)
# Another member of the same connection string.
_CONNECTION = re.compile(
    r"(?i)(?:server|host|data\s+source|user\s+id|uid|user(?:name)?|database|initial\s+catalog|port|"
    r"address|addr|network\s+address|dsn|driver|provider)\s*=\s*[^;\s]"
)


class ConnectionStringDetector(RegexBasedDetector):
    """Scans for the password of a ``key=value;`` connection string."""

    secret_type = "Connection String Password"
    denylist = [_PASSWORD]

    def analyze_line(
        self,
        filename: str,
        line: str,
        line_number: int = 0,
        context: CodeSnippet | None = None,
        raw_context: CodeSnippet | None = None,
        **kwargs: Any,
    ) -> set[PotentialSecret]:
        if ";" not in line or not _CONNECTION.search(line):
            return set()
        found: set[PotentialSecret] = super().analyze_line(
            filename=filename, line=line, line_number=line_number, context=context, raw_context=raw_context
        )
        return found
