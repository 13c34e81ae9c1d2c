"""One base error and one subclass per stage, so the CLI maps each to an exit code without guessing."""

from __future__ import annotations

from dataclasses import dataclass


class IacgateError(Exception):
    """Base of every error iacgate raises on purpose; the message is one line meant for a person."""

    exit_code = 3


class UsageError(IacgateError):
    """The command line asked for something that cannot be done."""

    exit_code = 2


class ConfigError(IacgateError):
    """iacgate.yaml (or a file it names) is missing, malformed or fails its schema."""

    exit_code = 2


class PackError(IacgateError):
    """A rule pack's manifest or policies are invalid, or a policy uses a refused builtin."""

    exit_code = 2


@dataclass(frozen=True)
class Position:
    """Where in a file a problem is; line and column are 1-based, 0 when not known."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.file}:{self.line}:{self.column}"
        if self.line:
            return f"{self.file}:{self.line}"
        return self.file


class ParseError(IacgateError):
    """An input file could not be read or understood; the gate fails closed on it."""

    exit_code = 3

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(f"{position}: {message}")
        self.position = position
        self.detail = message


class EvaluationError(IacgateError):
    """A policy could not be evaluated (engine error, builtin failure, malformed answer)."""

    exit_code = 3
