"""Settings of the HTTP API, from the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

DEFAULT_STORE = "./data/store"
DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    store: str = DEFAULT_STORE
    #: writes (ingest, remove) need the header X-API-Key with this value; None: writes are open
    api_key: str | None = None
    #: origins allowed by CORS; empty: no CORS headers; ("*",): any origin
    cors_origins: tuple[str, ...] = ()
    #: limit of one write request's body (all uploaded files together)
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    #: worker threads for the blocking store calls; None: the store's connection pool size, else 4
    threads: int | None = None
    #: requests a minute per client address (bursts up to `rate_burst`); None: no limit
    rate_limit: int | None = None
    rate_burst: int | None = None
    #: the largest `depth` / `max_depth` of a graph walk any endpoint accepts; None: each endpoint's own cap
    max_depth: int | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> "Settings":
        env = os.environ if env is None else env
        origins = tuple(o.strip() for o in env.get("DIRECTIVES_CORS_ORIGINS", "").split(",") if o.strip())
        values = {
            "store": env.get("DIRECTIVES_STORE") or DEFAULT_STORE,
            "api_key": env.get("DIRECTIVES_API_KEY") or None,
            "cors_origins": origins,
            "max_upload_bytes": _int(env, "DIRECTIVES_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD),
            "threads": _int(env, "DIRECTIVES_THREADS", None),
            "rate_limit": _int(env, "DIRECTIVES_RATE_LIMIT", None),
            "rate_burst": _int(env, "DIRECTIVES_RATE_BURST", None),
            "max_depth": _int(env, "DIRECTIVES_MAX_DEPTH", None),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _int(env: Mapping[str, str], name: str, default):
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a whole number, not {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be positive, not {value}")
    return value
