"""Ceilings on what the evaluation of one root module may build, so that a configuration cannot make the
gate run for hours or fill memory: ``count = 100000000``, ``for`` expressions nested over
``range(1000)``, a local module that calls itself.

Past a ceiling, evaluation stops with ``BudgetExceeded``: not an ``EvalError``, so ``try()`` and
``can()`` cannot turn it into a default. The root module is then reported as an error naming the file
and line of the resource or module call being evaluated, and the gate fails closed (exit 3). The
ceilings are far above real configurations: the largest root module of the real-module corpus takes
10,000 steps and 86 instances.
"""

from __future__ import annotations

from dataclasses import dataclass

# Instances of one resource or module call (count, for_each): more is an error at its block.
MAX_INSTANCES = 10_000
# Resource and module instances of one root module, the modules it calls included.
MAX_TOTAL_INSTANCES = 100_000
# Module calls nested in one another (a local module that calls itself never ends).
MAX_MODULE_DEPTH = 32
# Evaluation steps of one root module: one per expression evaluated, plus the size of each list, map
# and string (per 64 characters) a function or template builds. A step is 1 to 3 microseconds: this
# ceiling is reached in a few seconds.
MAX_WORK = 2_000_000


class BudgetExceeded(Exception):
    """A ceiling was passed; ``file`` and ``line`` name where, once someone who knows has said so."""

    def __init__(self, message: str, file: str | None = None, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def located(self, file: str, line: int) -> BudgetExceeded:
        return self if self.file is not None else BudgetExceeded(self.message, file, line)


@dataclass
class Budget:
    """What one root module's evaluation has spent so far (shared by every module instance of it)."""

    work: int = 0
    instances: int = 0

    def charge(self, units: int) -> None:
        self.work += units
        if self.work > MAX_WORK:
            raise BudgetExceeded(
                f"evaluation needs more than {MAX_WORK:,} steps (iacgate's ceiling for one root module)"
            )

    def charge_size(self, value: object) -> None:
        if isinstance(value, list | dict):
            self.charge(len(value))
        elif isinstance(value, str):
            self.charge(len(value) // 64)

    def expand(self, count: int) -> None:
        """Count ``count`` more instances; past the ceiling of the root module, stop."""
        self.instances += count
        if self.instances > MAX_TOTAL_INSTANCES:
            raise BudgetExceeded(
                f"the root module has more than {MAX_TOTAL_INSTANCES:,} resource and module instances "
                "(iacgate's ceiling)"
            )
