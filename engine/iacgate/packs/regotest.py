"""Running Rego unit tests (``test_*`` rules in ``*_test.rego`` files) in the embedded engine, regopy.

Like ``opa test``: every ``.rego`` file under the given paths is loaded together with the extra policy
modules (the rule-author library), and each ``test_*`` rule passes when it evaluates to ``true``. Used by
``make check-packs`` and the tests today, and meant for a future ``iacgate test`` over custom packs.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regopy

from iacgate.evaluate.base import DEFAULT_MEMORY_LIMIT_MB
from iacgate.evaluate.closure import PACKAGE, ModuleIndex
from iacgate.evaluate.embedded import _captured_stdout, _compile_error
from iacgate.evaluate.isolation import clear_environment, limit_memory
from iacgate.evaluate.safety import check_policies

TestStatus = Literal["passed", "failed", "error"]

# A test is a rule whose head starts a line, as `opa fmt` writes it (`test_x if {`, `test_x := ...`).
_TEST_RULE = re.compile(r"^(test_\w+)\b", re.MULTILINE)
_WITH_WHOLE_INPUT = re.compile(r"\bwith\s+input\s+as\b")
_TIMEOUT_SECONDS = 300


@dataclass(frozen=True)
class RegoTest:
    """One ``test_*`` rule: ``data.<package>.<rule>`` defined in ``file``."""

    package: str
    rule: str
    file: Path

    @property
    def name(self) -> str:
        return f"data.{self.package}.{self.rule}"


@dataclass(frozen=True)
class RegoTestResult:
    test: RegoTest
    status: TestStatus
    message: str = ""

    @property
    def name(self) -> str:
        return self.test.name

    @property
    def file(self) -> Path:
        return self.test.file


@dataclass(frozen=True)
class RegoTestRun:
    results: tuple[RegoTestResult, ...]

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(result.status == "passed" for result in self.results)

    def with_status(self, status: TestStatus) -> tuple[RegoTestResult, ...]:
        return tuple(result for result in self.results if result.status == status)


def is_test_file(path: Path) -> bool:
    return path.name.endswith("_test.rego")


def rego_files(paths: Iterable[Path]) -> list[Path]:
    """The ``.rego`` files named or found under ``paths``, sorted and without duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(item.resolve() for item in path.rglob("*.rego") if item.is_file())
        elif path.suffix == ".rego" and path.is_file():
            found.add(path.resolve())
    return sorted(found)


def tests_in(path: Path, source: str) -> list[RegoTest]:
    """The test rules a test file defines, in order of first appearance."""
    package = PACKAGE.search(source)
    if package is None:
        return []
    names = dict.fromkeys(_TEST_RULE.findall(source))
    return [RegoTest(package.group(1), name, path) for name in names]


# Stands in for "every test" when the compile check of all modules fails.
_COMPILE_PROBE = RegoTest("", "compile", Path("."))


def discover_tests(paths: Iterable[Path]) -> list[RegoTest]:
    return [
        test
        for path in rego_files(paths)
        if is_test_file(path)
        for test in tests_in(path, path.read_text(encoding="utf-8"))
    ]


def _entrypoint(test: RegoTest) -> str:
    return f"{test.package.replace('.', '/')}/{test.rule}"


def _outcome(test: RegoTest, output: object) -> RegoTestResult:
    text = str(output)
    ok = getattr(output, "ok", None)
    if callable(ok) and not ok():
        return RegoTestResult(test, "error", text.splitlines()[0] if text else "evaluation error")
    if text == "undefined":
        return RegoTestResult(test, "failed", "undefined")
    try:
        value = json.loads(text)["expressions"][0]
    except (ValueError, KeyError, IndexError, TypeError):
        return RegoTestResult(test, "error", f"malformed answer from the rego engine: {text[:200]}")
    if value is True:
        return RegoTestResult(test, "passed")
    return RegoTestResult(test, "failed", f"evaluated to {json.dumps(value)[:200]}")


def _evaluate(sources: Sequence[tuple[Path, str]], tests: Sequence[RegoTest]) -> list[RegoTestResult]:
    """Each test's result; with no tests, a compile check of every module: one error result for a
    placeholder test when something does not compile, else nothing."""
    interpreter = regopy.Interpreter()
    failure: str | None = None
    bundle = None
    entrypoints = [_entrypoint(test) for test in tests]
    with _captured_stdout() as captured:
        try:
            for path, source in sources:
                interpreter.add_module(str(path), source)
            bundle = interpreter.build(None if entrypoints else "true", entrypoints)
        except regopy.RegoError as exc:
            failure = str(exc).splitlines()[0] if str(exc) else "rego error"
    if failure is not None or bundle is None or not bundle.ok():
        message = f"policy does not compile: {_compile_error(''.join(captured), failure or '')}"
        if not tests:
            return [RegoTestResult(_COMPILE_PROBE, "error", message)]
        return [RegoTestResult(test, "error", message) for test in tests]
    results: list[RegoTestResult] = []
    for test in tests:
        try:
            output = interpreter.query_bundle_entrypoint(bundle, _entrypoint(test))
        except (regopy.RegoError, ValueError) as exc:
            # regopy raises ValueError when the engine writes malformed JSON (a quoting bug of sprintf).
            results.append(RegoTestResult(test, "error", str(exc).splitlines()[0] if str(exc) else "error"))
            continue
        results.append(_outcome(test, output))
    return results


def _in_worker(files: Sequence[Path], tests: Sequence[RegoTest]) -> list[RegoTestResult] | None:
    """Evaluate in a child process: a crash of the native engine must not take the caller down.

    Returns ``None`` when the child died (a signal, not a test result).
    """
    request = {
        "files": [str(path) for path in files],
        "tests": [[test.package, test.rule, str(test.file)] for test in tests],
    }
    try:
        child = subprocess.run(
            [sys.executable, "-m", "iacgate.packs.regotest"],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [RegoTestResult(test, "error", f"timed out after {_TIMEOUT_SECONDS} s") for test in tests]
    if child.returncode != 0:
        return None
    try:
        answers = json.loads(child.stdout)
    except ValueError:
        return None
    if not tests:
        return [RegoTestResult(_COMPILE_PROBE, answer[0], answer[1]) for answer in answers]
    return [RegoTestResult(test, answer[0], answer[1]) for test, answer in zip(tests, answers, strict=True)]


def _crashed(test: RegoTest) -> RegoTestResult:
    message = "the rego engine (regopy) crashed evaluating this test"
    if _WITH_WHOLE_INPUT.search(test.file.read_text(encoding="utf-8")):
        message += (
            "; regopy 1.5.2 crashes on `with input as ...` when the rule under test calls a function: "
            "write `with input.resource as ... with input.related as ...` instead"
        )
    return RegoTestResult(test, "error", message)


def run_tests(paths: Sequence[Path], policies: Sequence[Path] = ()) -> RegoTestRun:
    """Load every ``.rego`` under ``paths`` plus ``policies``; evaluate each ``test_*`` rule under ``paths``.

    ``policies`` are supporting modules (the library and its test helpers): loaded, their tests not run.

    A module that does not compile fails the whole run: every test is reported as an error naming the
    file and line, since no test result could be trusted. Refused builtins raise ``PackError``. The
    engine runs in a child process; when it crashes, each test file is rerun on its own to name the culprit.
    """
    under_paths = set(rego_files(paths))
    files = rego_files([*paths, *policies])
    sources = [(path, path.read_text(encoding="utf-8")) for path in files]
    check_policies(sources)
    tests = [
        test
        for path, source in sources
        if path in under_paths and is_test_file(path)
        for test in tests_in(path, source)
    ]
    if not tests:
        return RegoTestRun(())
    # Every module compiles together first, as in a scan: a broken policy that no test imports must still
    # fail the run. A crash of this check is no verdict; the per-file runs below then speak.
    compiled = _in_worker([path for path in files if not is_test_file(path)], [])
    if compiled:
        return RegoTestRun(tuple(RegoTestResult(test, "error", compiled[0].message) for test in tests))
    results: list[RegoTestResult] = []
    # One engine per test file, holding only the modules it imports (transitively) and the supporting
    # modules: regopy 1.5.2 corrupts memory or fails to compile ("unable to unify due to cycle") once
    # every pack's policies and tests share one engine, though each pack on its own is fine.
    index = ModuleIndex.of(sources)

    def run_file(test_file: Path) -> list[RegoTestResult]:
        own = [test for test in tests if test.file == test_file]
        needed = set(index.reached_from([test_file]))
        group_files = [path for path in files if path in needed or path not in under_paths]
        found = _in_worker(group_files, own)
        if found is None:
            found = [_crashed(test) for test in own]
        return [_confirmed(result, group_files) for result in found]

    # Each file's engine is a child process, so threads are enough to use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for found in pool.map(run_file, list(dict.fromkeys(test.file for test in tests))):
            results.extend(found)
    return RegoTestRun(tuple(results))


def _confirmed(result: RegoTestResult, files: Sequence[Path]) -> RegoTestResult:
    """A failure is confirmed in a fresh engine holding only that test before it is reported.

    regopy 1.5.2 is not deterministic under load in a long session of ``with`` overrides (seen: a test
    that passes alone came back undefined or as malformed JSON), so a single result cannot be trusted
    either way. A test that fails again is reported with its second answer; one that passes in a fresh
    engine is reported as passed, with a note saying the first engine disagreed.
    """
    if result.status == "passed":
        return result
    again = _in_worker(files, [result.test])
    if again is None or again[0].status != "passed":
        return again[0] if again else result
    return RegoTestResult(result.test, "passed", f"passed in a fresh engine (first answer: {result.message})")


def library_files(policies_root: Path) -> list[Path]:
    """The rule-author library (``policies/lib``), with its test helpers: every rule and test imports it."""
    return rego_files([policies_root / "lib"])


def _worker() -> None:
    """The child side of ``_in_worker``: a request on stdin, one [status, message] per test on stdout.

    The policies under test may be a pull request's: as in a scan (``isolation.py``), the engine gets no
    environment and a memory ceiling, and their ``print`` output goes to stderr, not into the answer.
    """
    request = json.load(sys.stdin)
    answer = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    clear_environment()
    limit_memory(DEFAULT_MEMORY_LIMIT_MB)
    files = [Path(name) for name in request["files"]]
    sources = [(path, path.read_text(encoding="utf-8")) for path in files]
    tests = [RegoTest(package, rule, Path(file)) for package, rule, file in request["tests"]]
    results = _evaluate(sources, tests)
    answer.write(json.dumps([[result.status, result.message] for result in results]))
    answer.flush()


if __name__ == "__main__":
    _worker()
