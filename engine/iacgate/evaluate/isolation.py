"""Running untrusted Rego in a forked child: a deadline, a memory ceiling, no environment, no stdout.

rego-cpp evaluates in-process, in C++, and cannot be interrupted from Python; a runaway comprehension
grew to 19.7 GB before the kernel killed it. So a scan's queries run in a child forked from the
evaluator, which answers one request after another:

- the parent waits for each answer until the scan's deadline, then kills the child;
- the child's address space may grow by at most the memory ceiling (``RLIMIT_AS`` over what it held when
  forked; Linux); past it rego-cpp's allocation fails and the child aborts;
- the child empties its C environment first (``clearenv``), so ``opa.runtime()``, should a spelling ever
  get past ``safety.py``, has nothing to return, and nothing else from the environment reaches the engine;
- the engine's stdout (``print`` in a policy) goes to stderr when debugging and nowhere otherwise: never
  into a report written on stdout.

The child is forked with its first piece of work (inherited, nothing serialised); later requests come
as bytes over a pipe. Answers are bytes the caller's code wrote in the child (JSON for the evaluator), so
the parent never unpickles anything the engine could have touched. The child marks its progress in shared
memory, so that the parent can say what it was doing when it stopped it.

Measured on the shared 2-core machine: a fork costs about 2 ms and the child's set-up about as much,
once per scan; a later unit costs its request's pickle. Without ``os.fork`` (Windows) the work runs
in-process, without these limits.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import mmap
import os
import select
import signal
import struct
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Literal

try:
    import resource
except ImportError:  # pragma: no cover - not on Windows
    resource = None  # type: ignore[assignment]

Mark = Callable[[int], None]
# Answers one request (``None``: the work the child was forked with), marking its steps.
Handler = Callable[[bytes | None, Mark], bytes]
Cause = Literal["deadline", "memory", "crash"]

_SLOT = struct.Struct("q")
_HEADER = struct.Struct("!Q")
_CHUNK = 1 << 16
_MEMORY_SIGNS = ("std::bad_alloc", "MemoryError", "Cannot allocate memory", "out of memory")
_CLOSE_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Budget:
    """What a child may use: until ``deadline`` (``time.monotonic()``), ``memory_mb`` more memory than it
    held when forked (0: no ceiling); ``debug`` sends the engine's print output to stderr."""

    deadline: float
    memory_mb: int = 0
    debug: bool = False


class Stopped(Exception):
    """The child gave no answer: it ran past the deadline, out of memory, or crashed.

    ``progress`` is the last mark the child made for the request (0: none), ``detail`` a line saying how
    it ended.
    """

    def __init__(self, cause: Cause, progress: int, detail: str) -> None:
        super().__init__(f"{cause}: {detail}")
        self.cause = cause
        self.progress = progress
        self.detail = detail


def can_isolate() -> bool:
    return hasattr(os, "fork") and resource is not None


class Child:
    """A forked child answering requests in turn under one budget; ``close`` ends it.

    Without ``os.fork`` the handler runs in-process on each call instead.
    """

    def __init__(self, handle: Handler, budget: Budget) -> None:
        self._budget = budget
        self._pid: int | None = None
        self._first: bytes | None = None
        # The parent keeps no reference to the handler (nor to what it closes over) once it has forked.
        self._inline: Handler | None = None
        if not can_isolate():
            self._inline = handle
            self._first = handle(None, lambda _step: None)
            return
        self._shared = mmap.mmap(-1, _SLOT.size)
        self._errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        requests_in, self._requests = os.pipe()
        self._answers, answers_out = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            for descriptor in (requests_in, self._requests, self._answers, answers_out):
                os.close(descriptor)
            self._release()
            raise
        if pid == 0:  # pragma: no cover - the child never returns, and its coverage is not collected
            os.close(self._requests)
            os.close(self._answers)
            _serve(handle, budget, self._shared, requests_in, answers_out, self._errors.fileno())
        self._pid = pid
        os.close(requests_in)
        os.close(answers_out)

    def answer(self) -> bytes:
        """The answer to the work the child was forked with, or to the request last sent."""
        if self._first is not None:
            first, self._first = self._first, None
            return first
        return self._receive()

    def ask(self, request: bytes) -> bytes:
        """Send one request and wait for its answer."""
        if self._inline is not None:
            return self._inline(request, lambda _step: None)
        self.send(request)
        return self._receive()

    def send(self, request: bytes) -> None:
        """Send one request; ``answer`` waits for it. Children sent requests in turn work side by side."""
        if self._inline is not None:
            self._first = self._inline(request, lambda _step: None)
            return
        if self._pid is None:
            raise Stopped("crash", 0, "the evaluating process has already ended")
        _SLOT.pack_into(self._shared, 0, 0)
        # A child that is gone cannot take the request: receiving then says how it ended.
        with contextlib.suppress(BrokenPipeError):
            _write_all(self._requests, _HEADER.pack(len(request)) + request)

    def _receive(self) -> bytes:
        header = self._read(_HEADER.size)
        if header is not None and len(header) == _HEADER.size:
            body = self._read(_HEADER.unpack(header)[0])
            if body is not None and len(body) == _HEADER.unpack(header)[0]:
                return body
        raise self._stop(timed_out=header is None or self._timed_out)

    _timed_out = False

    def _read(self, size: int) -> bytes | None:
        """``size`` bytes from the child, fewer when it closed its end, ``None`` past the deadline."""
        chunks: list[bytes] = []
        wanted = size
        while wanted:
            remaining = self._budget.deadline - time.monotonic()
            ready = select.select([self._answers], [], [], remaining)[0] if remaining > 0 else []
            if not ready:
                self._timed_out = True
                return None
            chunk = os.read(self._answers, min(wanted, _CHUNK))
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)

    def _stop(self, timed_out: bool) -> Stopped:
        progress = _SLOT.unpack_from(self._shared, 0)[0]
        status = self._end(kill=True)
        self._errors.seek(0)
        text = self._errors.read().decode("utf-8", "replace")
        self._release()
        if timed_out:
            return Stopped("deadline", progress, "stopped at the deadline")
        last = next((line.strip() for line in reversed(text.splitlines()) if line.strip()), "")
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        sign = next((sign for sign in _MEMORY_SIGNS if sign in text), None)
        if killed or sign is not None:
            # Only the kernel kills it without us: its out-of-memory killer.
            return Stopped("memory", progress, sign or "killed by the kernel")
        how = f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else f"exit {os.WEXITSTATUS(status)}"
        return Stopped("crash", progress, f"{how}: {last}" if last else how)

    def _end(self, kill: bool) -> int:
        """Close the pipes and reap the child: killed, or given a moment to exit on its own."""
        pid, self._pid = self._pid, None
        if pid is None:
            return 0
        for descriptor in (self._requests, self._answers):
            with contextlib.suppress(OSError):
                os.close(descriptor)
        if not kill:
            # An idle child exits when its requests end (unless a grandchild forked meanwhile holds the pipe).
            until = time.monotonic() + _CLOSE_WAIT_SECONDS
            while time.monotonic() < until:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    return status
                time.sleep(0.002)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        return os.waitpid(pid, 0)[1]

    def _release(self) -> None:
        self._shared.close()
        self._errors.close()

    def close(self) -> None:
        """End the child; idle, it exits on its own. Safe to call more than once."""
        self._first = None
        if self._pid is not None:
            self._end(kill=False)
            self._release()


def run_in_child(work: Callable[[Mark], bytes], budget: Budget) -> bytes:
    """``work(mark)`` once in a forked child under ``budget``: its bytes, or ``Stopped``."""
    child = Child(lambda _request, mark: work(mark), budget)
    try:
        return child.answer()
    finally:
        child.close()


def _serve(
    handle: Handler, budget: Budget, shared: mmap.mmap, requests: int, answers: int, errors: int
) -> None:
    """The child: answer the first piece of work, then each request, until the requests end."""
    code = 1
    try:
        _confine(budget, errors)

        def mark(step: int) -> None:
            _SLOT.pack_into(shared, 0, step)

        request: bytes | None = None
        while True:
            answer = handle(request, mark)
            _flush_c_streams()
            _write_all(answers, _HEADER.pack(len(answer)) + answer)
            request = _read_request(requests)
            if request is None:
                code = 0
                return
    except BaseException:
        with contextlib.suppress(BaseException):
            traceback.print_exc()
            sys.stderr.flush()
    finally:
        _flush_c_streams()
        os._exit(code)


def _read_request(requests: int) -> bytes | None:
    header = _read_exactly(requests, _HEADER.size)
    if header is None:
        return None
    body = _read_exactly(requests, _HEADER.unpack(header)[0])
    if body is None:
        raise EOFError("the request ended early")
    return body


def _read_exactly(descriptor: int, size: int) -> bytes | None:
    chunks: list[bytes] = []
    wanted = size
    while wanted:
        chunk = os.read(descriptor, min(wanted, _CHUNK))
        if not chunk:
            return None
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _confine(budget: Budget, errors: int) -> None:
    """No environment for the engine, its output away from stdout, and the memory ceiling."""
    clear_environment()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if not budget.debug:
        # A crash is the parent's to report, in one line; Python's dump of it is for debugging.
        faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(2 if budget.debug else devnull, 1)
    os.dup2(errors, 2)
    os.close(devnull)
    sys.stdout = sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 - lives as long as the child
    limit_memory(budget.memory_mb)


def limit_memory(memory_mb: int) -> None:
    """Let this process's address space grow by at most ``memory_mb`` (0: no ceiling; Linux only)."""
    if memory_mb <= 0 or resource is None:
        return
    held = _address_space()
    if held is not None:
        ceiling = held + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))


def clear_environment() -> None:
    """Empty the C environment the engine reads (``opa.runtime()``) one variable at a time (``clearenv``
    would leave ``environ`` NULL, on which rego-cpp crashes); Python's copy, ``os.environ``, stays for
    iacgate's own code in the process (where its cache lives)."""
    libc = ctypes.CDLL(None)
    environ = ctypes.POINTER(ctypes.c_char_p).in_dll(libc, "environ")
    names: list[bytes] = []
    index = 0
    while environ and environ[index] is not None:
        names.append(environ[index].split(b"=", 1)[0])
        index += 1
    for name in names:
        libc.unsetenv(name)


def _address_space() -> int | None:
    """The process's virtual size in bytes (Linux); ``None`` where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _flush_c_streams() -> None:
    """rego-cpp's print writes through C stdio, which ``os._exit`` would not flush."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).fflush(None)
