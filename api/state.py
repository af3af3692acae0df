"""What one app holds: one store object, the roster, and the lock that keeps readers off
the store while an ingest rewrites it."""
from __future__ import annotations

import gc
import logging
import threading
from contextlib import contextmanager
from typing import Callable

from graph import queries
from graph.errors import StoreError
from graph.model import Unit
from graph.store import Store

from .settings import Settings

log = logging.getLogger("directives.api")
#: seconds a write waits for another process writing to the same store, then 503
WRITE_LOCK_TIMEOUT = 60


class RWLock:
    """Many readers or one writer; a waiting writer goes before readers that arrive after it."""

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting_writers = 0

    @contextmanager
    def read(self):
        with self._cond:
            while self._writer or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self):
        with self._cond:
            self._waiting_writers += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._waiting_writers -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class AppState:
    def __init__(self, settings: Settings, store_factory: Callable[[], Store]):
        self.settings = settings
        self._factory = store_factory
        self._store: Store | None = None
        self._open_lock = threading.Lock()
        self.lock = RWLock()
        self._roster: list[Unit] | None = None
        self._refs: dict[str, str] = {}

    # --- the store, opened on first use ---------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            with self._open_lock:
                if self._store is None:
                    store = self._factory()
                    if store.stale():  # a write was interrupted: rebuild from the committed texts
                        self._rebuild_if_free(store)
                    self._store = store
        return self._store

    @staticmethod
    def _rebuild_if_free(store: Store) -> None:
        """Bring a stale graph up to date, unless another process (an ingest) is writing to the
        store or it cannot be written: then the last complete graph answers."""
        from ingest.pipeline import rebuild
        directory = getattr(store, "directory", None)
        if directory is None:
            rebuild(store)
            return
        from graph.storelock import try_write_lock
        with try_write_lock(directory) as locked:
            if locked and not getattr(store, "readonly", False) and store.stale():
                try:
                    rebuild(store)
                except StoreError as e:
                    log.warning("the stale graph could not be rebuilt: %s", e)

    @contextmanager
    def _store_lock(self, store: Store):
        """The store's write lock across processes (a CLI ingest into the same directory)."""
        directory = getattr(store, "directory", None)
        if directory is None:
            yield
            return
        from graph.storelock import write_lock
        with write_lock(directory, timeout=WRITE_LOCK_TIMEOUT):
            yield

    def close(self) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except StoreError:
                pass
            self._store = None

    @property
    def pool_size(self) -> int:
        if self.settings.threads:
            return self.settings.threads
        size = getattr(self._store, "pool_size", None)
        return int(size) if size else 4

    @property
    def roster(self) -> list[Unit]:
        if self._roster is None:
            from ingest.units import Roster
            self._roster = list(Roster.load().units.values())
        return self._roster

    def warm(self) -> None:
        """Load the graph and its derived views now, then take them out of the garbage
        collector's scans (a large graph is millions of objects: full collections would stall
        every request for a few hundred milliseconds)."""
        store = self.store
        with self.lock.read():
            queries.warm(store)
        gc.freeze()

    # --- document references -------------------------------------------------------------------
    def document_id(self, store: Store, ref: str, resolve: Callable[[Store, str], str]) -> str:
        """`resolve(store, ref)`, remembered until the next write (citation lookups scan every
        document)."""
        hit = self._refs.get(ref)
        if hit is not None:
            return hit
        doc_id = resolve(store, ref)
        if len(self._refs) >= 4096:
            self._refs.clear()
        self._refs[ref] = doc_id
        return doc_id

    # --- reads and writes ------------------------------------------------------------------
    def read(self, fn, *args, **kwargs):
        """fn(store, *args, **kwargs) under the shared lock."""
        store = self.store
        with self.lock.read():
            return fn(store, *args, **kwargs)

    def write(self, fn, *args, **kwargs):
        """fn(store, ...) alone; afterwards the derived views are rebuilt before readers return."""
        store = self.store
        with self.lock.write():
            try:
                with self._store_lock(store):
                    return fn(store, *args, **kwargs)
            finally:
                self._refs.clear()
                gc.unfreeze()  # let the collector reach what the old graph leaves behind
                queries.invalidate(store)
                queries.warm(store)
                gc.collect()
                gc.freeze()
