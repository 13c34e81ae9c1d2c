"""Problems found while scanning that are not findings: unreadable files, unresolved modules, skipped inputs.

They travel beside findings to every report (SARIF ``toolExecutionNotifications``) and an ``error``
notification makes the gate fail closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from iacgate.errors import ParseError

Level = Literal["error", "warning", "note"]


@dataclass(frozen=True)
class Notification:
    level: Level
    message: str
    file: str | None = None
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        where = self.file or ""
        if where and self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message

    @classmethod
    def from_parse_error(cls, error: ParseError) -> Notification:
        position = error.position
        return cls("error", error.detail, position.file, position.line, position.column)
