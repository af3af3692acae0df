"""One writer at a time per embedded store directory, across processes; and the words for why a
store cannot be written.

Every write that spans several transactions (an ingest: the texts' facts, then the graph rebuilt
from all of them) holds an exclusive `flock` on `<store>/directives.lock` from start to end. Two
ingests into one store are therefore serialised: the second waits, then adds its files to what
the first committed, and the graph it rebuilds holds both. Readers never take the lock, except
to bring a stale graph up to date, and then only if no writer holds it (else they answer from the
last graph, which is consistent). The lock is released by the kernel when its process dies (kill
-9 included), so it never goes stale.
"""
from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import StoreError

LOCK_NAME = "directives.lock"


@contextmanager
def write_lock(directory: str | os.PathLike, *, timeout: float | None = None,
               on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the store's write lock (creating the directory if needed). Waits for another writer,
    calling `on_wait()` once when it has to; `timeout` seconds at most (None: as long as it takes),
    then StoreError. A directory that cannot be written is a StoreError saying why."""
    fd = _open(Path(directory))
    try:
        if not _try(fd):
            if on_wait is not None:
                on_wait()
            deadline = None if timeout is None else time.monotonic() + timeout
            while not _try(fd):
                if deadline is not None and time.monotonic() >= deadline:
                    raise StoreError(f"store at {directory} is being written by another process "
                                     f"(waited {timeout:g} s)")
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def try_write_lock(directory: str | os.PathLike) -> Iterator[bool]:
    """The write lock if it is free at once: yields True (held until the block ends), else False;
    also False when the directory cannot be written (a read-only medium: nobody writes there)."""
    try:
        fd = _open(Path(directory))
    except StoreError:
        yield False
        return
    try:
        yield _try(fd)
    finally:
        os.close(fd)


def _open(directory: Path) -> int:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        return os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as e:
        verb = "create store" if not directory.is_dir() else "write to store"
        raise StoreError(f"cannot {verb} at {directory}: {why(e, directory)}") from None


def _try(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def why(error: BaseException, directory: str | os.PathLike | None = None) -> str:
    """A short reason, in words, for an OSError or sqlite3.Error met writing a store."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return "no space left on the device"
        if error.errno == errno.EROFS:
            return "the file system is read-only"
        if error.errno == errno.EFBIG:
            return "the file size limit was reached"
        if error.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        return error.strerror or str(error)
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "") or ""
        if name.startswith("SQLITE_FULL"):
            return "no space left on the device (database or disk is full)"
        if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or "readonly" in str(error):
            if directory is not None and not writable(directory):
                return "the store directory is read-only"
        if name.startswith("SQLITE_IOERR") and directory is not None:
            if not writable(directory):
                return "the store directory is read-only"
            if full(directory):
                return f"no space left on the device ({error})"
            if _file_size_limited():
                return f"the file size limit (ulimit -f) was reached, or the disk failed ({error})"
        return str(error)
    return str(error)


def writable(directory: str | os.PathLike) -> bool:
    """Whether files can be created and written in `directory` (a read-only mount or an immutable
    directory says no even to root)."""
    return os.access(directory, os.W_OK)


def full(directory: str | os.PathLike) -> bool:
    """Whether the file system of `directory` has (almost) no room left."""
    try:
        st = os.statvfs(directory)
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 64 * 1024


def _file_size_limited() -> bool:
    import resource
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY
