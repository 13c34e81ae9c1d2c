"""The pre-commit scenario of ``run.py``: ``iacgate hook`` on one changed file of a 50-resource module.

Measured three ways in the same run, each a fresh process, median of ``--repeat``:

- ``hook-warm``: caches filled by an untimed first run (parse cache, compiled Rego bundle, validated
  rule-pack manifests), what every commit after the first sees, every query evaluated
  (``--no-answer-cache``: the changed file's resources are new to the engine). Floor 0.35 s on a 2-core
  machine (#19).
- ``hook-rerun``: the same with the answers of the first run reused (nothing changed since): shown, not
  a floor.
- ``hook-cold``: no cache at all (``IACGATE_CACHE_DIR=""``), the very first run on a machine.
- ``python -c pass``: the interpreter alone, the peer the hook's figures are read against, since the
  machine's load moves both alike.

Python's bytecode cache is allowed in a directory under ``.generated`` (``PYTHONPYCACHEPREFIX``): an
installed package has its ``.pyc`` files, and ``PYTHONDONTWRITEBYTECODE`` in a developer's shell would
otherwise add the compile time of every module to each run.
"""

from __future__ import annotations

import getpass
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate_terraform import write_module

HOOK_RESOURCES = 50
HOOK_FLOOR = 0.35

Measure = Callable[..., Any]  # run.measure(tool, command, path, resources, repeat, timeout, env)


def bench_cache(name: str) -> Path:
    """A cache for the warm runs, outside the checkout: iacgate does not use a cache that lies inside a git
    work tree (a pull request could commit one of its own)."""
    return Path(tempfile.gettempdir()) / f"iacgate-bench-{getpass.getuser()}" / name


def _environment(cache: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["IACGATE_CACHE_DIR"] = cache
    env["PYTHONPYCACHEPREFIX"] = str(Path(__file__).resolve().parent / ".generated" / "pycache")
    return env


def hook_rows(
    generated: Path, iacgate: str, seed: int, repeat: int, timeout: float, measure: Measure
) -> list[tuple[str, bool]]:
    module = generated / f"hook-{HOOK_RESOURCES}-seed{seed}"
    changed = next(path for path in write_module(module, HOOK_RESOURCES, seed) if path.name != "providers.tf")

    def hook(path: Path) -> list[str]:
        return [iacgate, "hook", "--no-answer-cache", str(path)]

    def rerun(path: Path) -> list[str]:
        return [iacgate, "hook", str(path)]

    def interpreter(_path: Path) -> list[str]:
        return [sys.executable, "-c", "pass"]

    warm_env = _environment(str(bench_cache("hook-cache")))
    measure("prime", rerun, changed, HOOK_RESOURCES, 1, timeout, warm_env)  # fills the caches, untimed
    rows = [
        measure("hook-warm", hook, changed, HOOK_RESOURCES, repeat, timeout, warm_env),
        measure("hook-cold", hook, changed, HOOK_RESOURCES, repeat, timeout, _environment("")),
        measure("python", interpreter, changed, 0, repeat, timeout, _environment("")),
        measure("hook-rerun", rerun, changed, HOOK_RESOURCES, repeat, timeout, warm_env),
    ]
    warm, cold, python, _rerun = rows
    print()
    print(f"pre-commit hook: one changed file ({changed.name}) of a {HOOK_RESOURCES}-resource module")
    for m in rows:
        print(f"{m.tool:<14} {m.seconds:>8.2f} s {m.peak_mb:>8.1f} MB  {m.error or ''}")
    ok = not warm.error and warm.seconds < HOOK_FLOOR
    verdict = f"{'PASS' if ok else 'FAIL'} (hook-warm < {HOOK_FLOOR:g} s)"
    if not (warm.error or cold.error or python.error) and python.seconds > 0:
        print(
            f"hook-warm = x{warm.seconds / python.seconds:.1f} python -c pass, "
            f"hook-cold = x{cold.seconds / python.seconds:.1f}, "
            f"cold/warm = x{cold.seconds / warm.seconds:.1f}"
        )
    print(verdict)
    return [(verdict, ok)]
