"""Answers of earlier scans, reused for queries asked again with the same input.

An embedded query's answer is a function of three things only: the bundle asked (its cache key: every
policy's text, the router, rego-cpp's version and the bundle format), the entrypoint, and the input
document. Policies cannot read the clock, randomness, the network or the environment (``safety.py``
refuses those builtins; the built-in packs are checked the same way where they are written), so asking
again gives the same answer. A scan therefore looks each query up by the sha256 of those three, and
evaluates only what it does not find: a pre-commit run over a module of which one file changed, or a CI
run of a pull request whose plan changes a few resources (with the cache of its main branch restored),
evaluates the resources whose document changed, their neighbours included, and reuses the rest.

- Only answers are kept, never errors: an input on which a builtin fails fails the scan every time.
- The key is the exact text of the document (``json.dumps``, which tells ``1`` from ``1.0`` and ``true``
  from ``1``) and the source of ``rego_input.py``, which turns that text's value into engine input, so
  equal keys mean equal engine input; another change of the engine's settings must bump
  ``ANSWERS_FORMAT``.
- Storage is one SQLite file in the cache directory of the engine's version (``iacgate.cache``: a private
  directory, never in the scanned tree or a git work tree), opened only when it is the user's own and
  nobody else can write it, and only when its schema is exactly the one written here (no trigger, view or
  other table). The evaluating children read it; the scan writes what it evaluated once, at the end.
- Whoever can write the cache directory as the user can write a false answer, as they could write a
  false bundle or parse result: see ``docs/security.md`` for how CI keeps caches to trusted runs.
  ``--no-answer-cache`` (and ``--debug``, which must show the policies' ``print``) evaluates everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regopy

from iacgate import __version__
from iacgate.cache import debug, directory, is_own
from iacgate.evaluate import rego_input
from iacgate.evaluate.safety import code_only

# Bump when the meaning of a stored answer or of its key changes (the engine's settings, such as strict
# builtin errors; a change of rego_input.py is a new key by itself).
ANSWERS_FORMAT = "1"
KIND = f"answers-{regopy.__version__}"
_FILE = "answers.sqlite3"
# Rows kept: the least recently used go first past it (about 700 bytes each on disk: 70 MB).
MAX_ROWS = 100_000
# A reused answer's last use is written again only when older than this: most runs then write nothing.
_TOUCH_SECONDS = 24 * 3600
_SCHEMA = (
    (
        "table",
        "answers",
        "CREATE TABLE answers (key BLOB PRIMARY KEY, answer TEXT NOT NULL, used INTEGER NOT NULL)"
        " WITHOUT ROWID",
    ),
    ("index", "answers_used", "CREATE INDEX answers_used ON answers (used)"),
)
_BUSY_SECONDS = 2.0
# The time builtins (safety.py allows the pure ones): with a zone they read the host's time-zone data,
# which no key holds, so an answer could differ on a runner with other data.
_TIME_CALL = re.compile(r"\btime\s*\.")


def reads_time_zones(source: str) -> bool:
    """Whether a policy may call a time builtin (conservatively: any ``time.`` in its code). Answers of
    scans whose policies do are not kept: they may depend on the host's time-zone data. The built-in
    packs call none (a test holds them to that), so only custom policies are looked at."""
    return _TIME_CALL.search(code_only(source)) is not None


def _converter() -> str:
    """The digest of the code that turns a document into engine input: its change is a new key."""
    try:
        return hashlib.sha256(Path(rego_input.__file__).read_bytes()).hexdigest()
    except OSError:
        return __version__


_CONVERTER = _converter()


def document_digest(document: Any) -> bytes | None:
    """The sha256 of ``document``'s exact JSON text; None for a document JSON cannot hold (it is
    evaluated, and fails, as it would without the cache)."""
    try:
        text = json.dumps(document, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def query_key(bundle: str, entrypoint: str, document: bytes) -> bytes:
    """The key of asking ``entrypoint`` of the bundle keyed ``bundle`` with the document of that digest."""
    prefix = f"{ANSWERS_FORMAT}\0{__version__}\0{_CONVERTER}\0{bundle}\0{entrypoint}\0"
    return hashlib.sha256(prefix.encode() + document).digest()


@dataclass(frozen=True)
class Fresh:
    """An answer evaluated by this scan, to be kept: its key and its JSON text."""

    key: bytes
    answer: str


def store_path() -> Path | None:
    """Where the answers are kept, or None without a (private) cache directory. Absolute: SQLite opens it
    by a ``file:`` URI, which a relative ``IACGATE_CACHE_DIR`` cannot be."""
    found = directory(KIND)
    return found.absolute() / _FILE if found is not None else None


def _own(path: Path) -> bool:
    """The file is the current user's and nobody else can write it (absent: False)."""
    try:
        status = path.stat()
    except OSError:
        return False
    if not is_own(status):
        debug(f"answer cache {path} ignored: not owned by the current user, or writable by others")
        return False
    return True


def _schema_ok(connection: sqlite3.Connection, path: Path) -> bool:
    rows = {
        (kind, name, sql)
        for kind, name, sql in connection.execute("SELECT type, name, sql FROM sqlite_master")
    }
    if rows != set(_SCHEMA):
        debug(f"answer cache {path} ignored: not the schema this iacgate writes")
        return False
    return True


def _settings(connection: sqlite3.Connection) -> None:
    # A file someone else shaped must not run SQL of its own (triggers, views) nor load code.
    connection.execute("PRAGMA trusted_schema = OFF")


class _Foreign(Exception):
    """The file is not a store this iacgate wrote (another schema, or not SQLite at all)."""


def _connect(path: Path, read_only: bool) -> sqlite3.Connection | None:
    """A connection to the store, or None while it cannot be used (locked, unreadable); ``_Foreign`` when
    the file is not this iacgate's store."""
    uri = f"{path.as_uri()}?mode={'ro' if read_only else 'rw'}"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=_BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        debug(f"answer cache {path} not opened: {error}")
        return None
    try:
        _settings(connection)
        if _schema_ok(connection, path):
            return connection
        connection.close()
        raise _Foreign
    except sqlite3.OperationalError as error:  # locked by another scan, or unreadable: not its content
        debug(f"answer cache {path} not used now: {error}")
    except sqlite3.DatabaseError as error:  # not a database, or a damaged one
        debug(f"answer cache {path} ignored: {error}")
        connection.close()
        raise _Foreign from None
    connection.close()
    return None


class AnswerReader:
    """Looks answers up (in an evaluating child); every failure reads as "not found"."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._opened = False

    def get(self, key: bytes) -> tuple[bool, Any]:
        """(True, answer) when an earlier scan kept one for ``key``, else (False, None)."""
        if not self._opened:
            self._opened = True
            if _own(self._path):
                with contextlib.suppress(_Foreign):
                    self._connection = _connect(self._path, read_only=True)
        if self._connection is None:
            return False, None
        try:
            row = self._connection.execute("SELECT key, answer FROM answers WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            debug(f"answer cache {self._path} unreadable ({error}); evaluated instead")
            self.close()
            return False, None
        # The row itself says whose answer it is (one record holds key and answer: WITHOUT ROWID).
        if row is None or row[0] != key or not isinstance(row[1], str):
            return False, None
        try:
            return True, json.loads(row[1])
        except (ValueError, RecursionError):
            debug(f"answer cache {self._path}: an answer is not JSON; evaluated instead")
            return False, None

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()


@contextlib.contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """One transaction (the connection is in autocommit mode, where each statement would be its own)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _created(path: Path) -> sqlite3.Connection | None:
    """A new store at ``path`` (0600), with the schema; None when it cannot be made (what is there cannot
    be replaced: a directory, a read-only cache directory). Built beside it and renamed into place, so
    another scan never finds a store without its schema (and takes it for a foreign one)."""
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".answers-", suffix=".tmp")
        os.close(handle)
        building = sqlite3.connect(Path(temporary).as_uri() + "?mode=rw", uri=True, isolation_level=None)
        try:
            _settings(building)
            with _transaction(building):
                for _kind, _name, sql in _SCHEMA:
                    building.execute(sql)
        finally:
            building.close()
        os.replace(temporary, path)
        temporary = None
        return _connect(path, read_only=False)
    except (OSError, sqlite3.Error, _Foreign) as error:
        debug(f"answer cache {path} not created: {error or type(error).__name__}")
        return None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def keep(path: Path, fresh: Iterable[Fresh], reused: Iterable[bytes]) -> None:
    """Store this scan's evaluated answers and mark the reused ones as used now; then drop the least
    recently used rows past ``MAX_ROWS``. A store that cannot be written is no error (the next scan
    evaluates again); one that is not this iacgate's is replaced."""
    rows = [(item.key, item.answer) for item in fresh]
    touched = list(reused)
    if not rows and not touched:
        return
    now = int(time.time())
    try:
        connection = _connect(path, read_only=False) if _own(path) else _created(path) if rows else None
    except _Foreign:
        # Replaced by a store of this iacgate's: what the file held was never read.
        connection = _created(path) if rows else None
    if connection is None:
        return
    try:
        with _transaction(connection):
            connection.executemany(
                "INSERT OR REPLACE INTO answers (key, answer, used) VALUES (?, ?, ?)",
                [(key, answer, now) for key, answer in rows],
            )
            connection.executemany(
                "UPDATE answers SET used = ? WHERE key = ? AND used < ?",
                [(now, key, now - _TOUCH_SECONDS) for key in touched],
            )
            if rows:
                (count,) = connection.execute("SELECT count(*) FROM answers").fetchone()
                if count > MAX_ROWS:
                    connection.execute(
                        "DELETE FROM answers WHERE key IN (SELECT key FROM answers ORDER BY used LIMIT ?)",
                        (count - MAX_ROWS,),
                    )
    except sqlite3.Error as error:
        debug(f"answer cache {path} not written: {error}")
    finally:
        connection.close()


def fresh_of(found: Mapping[str, Any]) -> list[Fresh]:
    """The evaluated answers a child reported (``{key hex: answer JSON}``), refusing anything else."""
    kept: list[Fresh] = []
    for key, answer in found.items():
        try:
            raw = bytes.fromhex(key)
        except ValueError:
            continue
        if len(raw) == 32 and isinstance(answer, str):
            kept.append(Fresh(raw, answer))
    return kept
