"""Shared fixtures: the bundled sample, a store with it ingested, the real CLI, ../shared."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
SAMPLE_GOLD = ROOT / "data" / "sample_gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SHARED_MISSING = "../shared (seed corpus and gold) is not in this checkout"
CLI_TIMEOUT = 120


def shared_present() -> bool:
    return (SHARED / "corpus").is_dir() and (SHARED / "gold" / "seeds").is_dir()


def console_script() -> list[str]:
    """The installed `directives` console script next to the interpreter, else `python -m cli.main`."""
    script = Path(sys.executable).with_name("directives")
    if script.exists() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "cli.main"]


def cli_environ(env: dict | None = None) -> dict:
    """The environment of a CLI run: no inherited $DIRECTIVES_STORE, UTF-8 streams."""
    out = {k: v for k, v in os.environ.items() if k != "DIRECTIVES_STORE"}
    out.update(PYTHONUTF8="1", PYTHONIOENCODING="utf-8")
    out.update(env or {})
    return out


def run_cli(*args, env: dict | None = None, timeout: float = CLI_TIMEOUT, cwd: str | os.PathLike | None = None,
            input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real console script with `args`; text in and out, UTF-8."""
    return subprocess.run([sys.executable, "-m", "cli.main", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", env=cli_environ(env), cwd=cwd or ROOT, timeout=timeout, input=input)


def start_cli(*args, env: dict | None = None, cwd: str | os.PathLike | None = None) -> subprocess.Popen:
    """Start the real console script in the background (output discarded); the caller waits or kills it."""
    return subprocess.Popen([sys.executable, "-m", "cli.main", *map(str, args)], env=cli_environ(env),
                            cwd=cwd or ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(name="run_cli", scope="session")
def run_cli_fixture():
    return run_cli


@pytest.fixture(name="start_cli", scope="session")
def start_cli_fixture():
    return start_cli


@pytest.fixture(name="console_script", scope="session")
def console_script_fixture() -> list[str]:
    """The command that runs `directives` (for tools that take a --cli)."""
    return console_script()


@pytest.fixture(name="cli_environ", scope="session")
def cli_environ_fixture() -> dict:
    return cli_environ()


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_gold_dir() -> Path:
    return SAMPLE_GOLD


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """An EmbeddedStore with data/sample ingested once. Read it; do not write to it."""
    from graph.embedded import EmbeddedStore
    from ingest.pipeline import ingest

    store = EmbeddedStore(tmp_path_factory.mktemp("sample-store"))
    report = ingest([SAMPLE], store)
    assert not report.errors, report.errors
    yield store
    store.close()


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """../shared (corpus/, gold/seeds/, tools/score.py); the test is skipped without it."""
    if not shared_present():
        pytest.skip(SHARED_MISSING)
    return SHARED


def pytest_configure(config):
    config.addinivalue_line("markers", "shared: needs ../shared (seed corpus and gold); skipped without it")


def pytest_collection_modifyitems(config, items):
    if shared_present():
        return
    skip = pytest.mark.skip(reason=SHARED_MISSING)
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


def wait_until_serving(proc: subprocess.Popen, url: str, timeout: float = 60, why=lambda: ""):
    """The first answer of a `directives serve` subprocess at `url`; fails the test if the process
    exits or does not answer within `timeout` seconds (`why()`: what to show then, e.g. its log)."""
    import time
    import httpx
    deadline = time.monotonic() + timeout
    while True:
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            assert proc.poll() is None, f"directives serve exited: {why()}"
            assert time.monotonic() < deadline, f"directives serve did not answer: {why()}"
            time.sleep(0.1)


def stop_process(proc: subprocess.Popen, timeout: float = 20) -> str:
    """Terminate a server subprocess (kill it if it lingers); what it printed, if piped."""
    proc.terminate()
    try:
        out = proc.communicate(timeout=timeout)[0]
    except subprocess.TimeoutExpired:
        proc.kill()
        out = proc.communicate()[0]
    return out or ""

