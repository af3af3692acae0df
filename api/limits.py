"""Request limits, applied before a request reaches a route: a request rate per client address
(`DIRECTIVES_RATE_LIMIT`, requests per minute; off unless set) and a cap on the depth of graph
walks (`DIRECTIVES_MAX_DEPTH`: the `depth` and `max_depth` parameters of every endpoint; each
endpoint also has its own cap in its OpenAPI description). Refusals are problem+json: 429 with
`Retry-After`, or 422 naming the parameter."""
from __future__ import annotations

import math
import time
from collections import OrderedDict
from urllib.parse import parse_qsl

from starlette.requests import Request

from . import errors

#: parameters that say how far a walk of the graph goes
DEPTH_PARAMETERS = ("depth", "max_depth")
#: paths a client may always ask (health checks, the page's static files)
UNLIMITED = ("/health", "/viz/static/")
#: client addresses remembered at most (the least recently seen are forgotten first)
MAX_CLIENTS = 10_000


class TokenBucket:
    """Per-client buckets of `burst` tokens, refilled at `per_minute` tokens a minute."""

    def __init__(self, per_minute: int, burst: int | None = None, clock=time.monotonic):
        self.rate = per_minute / 60.0
        self.burst = float(burst or per_minute)
        self.clock = clock
        self.clients: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """0 when `client` may go on (one token taken), else the seconds until it may."""
        now = self.clock()
        tokens, last = self.clients.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1:
            tokens -= 1
        else:
            wait = (1 - tokens) / self.rate
        self.clients[client] = (tokens, now)
        while len(self.clients) > MAX_CLIENTS:
            self.clients.popitem(last=False)
        return wait


class Limits:
    """ASGI middleware: the rate limit and the depth cap."""

    def __init__(self, app, rate_limit: int | None = None, rate_burst: int | None = None,
                 max_depth: int | None = None):
        self.app = app
        self.bucket = TokenBucket(rate_limit, rate_burst) if rate_limit else None
        self.max_depth = max_depth

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"].startswith(UNLIMITED):
            return await self.app(scope, receive, send)
        if self.bucket is not None:
            client = (scope.get("client") or ("unknown", 0))[0]
            wait = self.bucket.take(client)
            if wait:
                seconds = max(1, math.ceil(wait))
                response = errors.problem(Request(scope), 429, f"too many requests from {client}: at most "
                                          f"{self.bucket.rate * 60:g} a minute (DIRECTIVES_RATE_LIMIT); try again "
                                          f"in {seconds} s", "too-many-requests", headers={"Retry-After": str(seconds)})
                return await response(scope, receive, send)
        if self.max_depth is not None and scope.get("query_string"):
            for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True):
                if name in DEPTH_PARAMETERS and value.strip().lstrip("+").isdigit() and int(value) > self.max_depth:
                    message = f"at most {self.max_depth} (DIRECTIVES_MAX_DEPTH)"
                    response = errors.problem(Request(scope), 422, f"{name}: {message}", "validation",
                                              errors=[{"in": "query", "name": name, "message": message}])
                    return await response(scope, receive, send)
        return await self.app(scope, receive, send)
