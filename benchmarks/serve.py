"""uvicorn on loopback for the benchmarks: a free port, the API over a store, stopped on exit."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from graph.embedded import EmbeddedStore


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """uvicorn in a thread on loopback, stopped on exit."""

    def __init__(self, directory: Path):
        import uvicorn
        from api.app import create_app
        from api.settings import Settings
        self.port = free_port()
        app = create_app(store_factory=lambda: EmbeddedStore(directory), settings=Settings(store=str(directory)))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=30)
