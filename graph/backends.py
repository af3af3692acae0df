"""Which store the commands and the API use: `DIRECTIVES_BACKEND` (embedded | neo4j).

embedded: the directory `--store` / `$DIRECTIVES_STORE` (SQLite + networkx, no server).
neo4j: the server of `NEO4J_URI` (`NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`; see
`graph.neo4j_store.settings_from_env`); the store directory is not used.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from .errors import InputError, StoreError
from .store import Store

BACKENDS = ("embedded", "neo4j")


def backend_name(env: Mapping[str, str] | None = None) -> str:
    env = os.environ if env is None else env
    name = (env.get("DIRECTIVES_BACKEND") or "embedded").strip().lower()
    if name not in BACKENDS:
        raise InputError(f"unknown DIRECTIVES_BACKEND {name!r} ({', '.join(BACKENDS)})")
    return name


def open_store(directory: str | os.PathLike | None = None, *, backend: str | None = None, create: bool = True,
               readonly: bool = False, env: Mapping[str, str] | None = None) -> Store:
    """The configured store. `create=False`: a missing store is a StoreError (reading commands)."""
    name = backend or backend_name(env)
    if name == "neo4j":
        from .neo4j_store import Neo4jStore, settings_from_env
        s = settings_from_env(env)
        return Neo4jStore(s["uri"], s["user"] or "", s["password"], s["database"], readonly=readonly, create=create,
                          timeout=s["timeout"], pool_size=s["pool_size"])
    if name != "embedded":
        raise InputError(f"unknown backend {name!r} ({', '.join(BACKENDS)})")
    from .embedded import DB_NAME, EmbeddedStore
    directory = Path(directory if directory is not None else
                     ((os.environ if env is None else env).get("DIRECTIVES_STORE") or "./data/store"))
    if not create and not (directory / DB_NAME).exists():
        raise StoreError(f"no store at {directory} (run `directives ingest` first)")
    return EmbeddedStore(directory, readonly=readonly)


def describe(store: Store) -> str:
    """Where a store lives, for messages."""
    uri = getattr(store, "uri", None)
    if uri:
        return f"neo4j {uri} database {getattr(store, 'database', '?')}"
    return f"embedded {getattr(store, 'directory', '?')}"
