"""A bounded loopback load test: concurrent readers and one writer for a fixed time.

    python -m benchmarks.bench_load [--seconds 30] [--readers 16]

The bundled sample (`data/sample`) is ingested into a temporary store and served by uvicorn on
127.0.0.1 (a free port) with an API key. For `--seconds`, `--readers` threads (one keep-alive
httpx client each) ask a mix of reads — implementers (direct and transitive), coverage, document
detail, search, graph, the documents list, units — while ONE writer thread posts new distinct
texts to `POST /ingest/text` (with the key), each a new district plan carrying out Chỉ thị
05-CT/TW. Afterwards every acknowledged write is checked: its file is in the store, its plan
answers `GET /documents/{ref}` with the right unit, and it is among the implementers of Chỉ thị 05
(`lost` counts those that fail any check). An error is any non-2xx answer or exception.

Prints one JSON line per figure: the machine (cores, load average before and after), reads
(requests, requests/s, errors), latency per kind of read (p50/p95/p99 ms), writes (writes,
writes/s, errors, latency) and lost documents. `run_load()` is what tests/test_reliability.py
calls for a short run.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from benchmarks.serve import free_port  # noqa: E402

SAMPLE = ROOT / "data" / "sample"
KEY = "bench-load-key"
DIRECTIVE = "05-ct-tw.tw.2016"

#: (kind, path, query): what the readers ask, in turn
READS = [
    ("implementers", f"/documents/{quote('Chỉ thị 05')}/implementers", {"transitive": "false"}),
    ("transitive implementers", f"/documents/{quote('Chỉ thị 05')}/implementers", {"transitive": "true"}),
    ("coverage", f"/documents/{quote('KL 01')}/coverage", {"province": "Sơn La", "level": "district"}),
    ("document detail", f"/documents/{DIRECTIVE}", {}),
    ("search", "/search", {"q": "tua chua"}),
    ("graph", "/graph", {"node": "Chỉ thị 05", "depth": "2"}),
    ("documents list", "/documents", {"type": "Kế hoạch", "limit": "20"}),
    ("units", "/units", {"province": "Lai Châu"}),
]
#: district committees of the roster that issue the writer's plans, in turn
DISTRICTS = ["Mường Nhé", "Tủa Chùa", "Tuần Giáo", "Tam Đường", "Phong Thổ", "Sìn Hồ", "Mường Tè", "Than Uyên",
             "Quỳnh Nhai", "Thuận Châu", "Mường La", "Mộc Châu", "Mai Sơn", "Sông Mã"]
FIRST_NUMBER = 5001  # plan numbers the sample does not use


def plan_text(n: int) -> tuple[str, str, str]:
    """(file name, text, district) of the writer's n-th plan (0-based): Kế hoạch số {5001+n}-KH/HU."""
    district = DISTRICTS[n % len(DISTRICTS)]
    number = FIRST_NUMBER + n
    day, month = 1 + n % 28, 1 + n % 12
    text = (f"Ngày {day}/{month}/2022, Ban Thường vụ Huyện ủy {district} ban hành Kế hoạch số {number}-KH/HU "
            f"về thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo "
            f"tư tưởng, đạo đức, phong cách Hồ Chí Minh.\n\nCác chi bộ trực thuộc đăng ký việc làm theo; cuối năm "
            f"Huyện ủy {district} sơ kết, đánh giá kết quả thực hiện Kế hoạch.\n")
    return f"tai-{number}.txt", text, district


def percentiles(samples: list[float]) -> dict:
    if not samples:
        return {"p50_ms": None, "p95_ms": None, "p99_ms": None}
    s = sorted(samples)

    def at(q: float) -> float:
        return round(s[min(len(s) - 1, int(q * len(s)))] * 1000, 1)
    return {"p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99)}


class _Server:
    """`directives serve` over the embedded store `directory` in its own process (its own GIL: the
    load generator does not share it), on a free loopback port, with the API key."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self.log_file = open(directory.parent / "serve.log", "wb")  # noqa: SIM115 - closed on exit

    def __enter__(self) -> str:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DIRECTIVES_", "NEO4J_"))}
        env.update(DIRECTIVES_API_KEY=KEY, PYTHONUTF8="1")
        self.proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--store", str(self.directory),
                                      "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                                     cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.log_file)
        base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    return base
            except httpx.TransportError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError("the API server did not start")
            time.sleep(0.1)

    def __exit__(self, *exc):
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        self.log_file.close()


def run_load(seconds: float = 30.0, readers: int = 16, work: Path | None = None) -> dict:
    """Serve a copy of the sample, load it for `seconds` with `readers` reader threads and one
    writer, check every acknowledged write; the figures as a dict."""
    from graph.embedded import EmbeddedStore
    from ingest.pipeline import ingest

    with tempfile.TemporaryDirectory(prefix="directives-load-", dir=work) as tmp:
        directory = Path(tmp) / "store"
        store = EmbeddedStore(directory)
        report = ingest([SAMPLE], store)
        if report.errors:
            raise RuntimeError(f"the sample did not ingest: {report.errors}")
        documents_before = sum(1 for _ in store.documents())
        store.close()

        lock = threading.Lock()
        latencies: dict[str, list[float]] = {kind: [] for kind, _, _ in READS}
        errors: list[str] = []
        writes: list[tuple[int, str, str]] = []  # (n, file, district) acknowledged
        write_latency: list[float] = []
        write_errors: list[str] = []
        stop = threading.Event()
        load_before = os.getloadavg()

        with _Server(directory) as base:
            start = threading.Barrier(readers + 2)

            def reader(i: int) -> None:
                mine: dict[str, list[float]] = {kind: [] for kind, _, _ in READS}
                bad: list[str] = []
                with httpx.Client(base_url=base, timeout=120) as http:
                    start.wait()
                    k = i
                    while not stop.is_set():
                        kind, path, query = READS[k % len(READS)]
                        k += 1
                        t = time.perf_counter()
                        try:
                            r = http.get(path, params=query)
                            if not 200 <= r.status_code < 300:
                                bad.append(f"{kind}: {r.status_code} {r.text[:200]}")
                            else:
                                mine[kind].append(time.perf_counter() - t)
                        except Exception as e:  # noqa: BLE001 - every failure is an error
                            bad.append(f"{kind}: {type(e).__name__}: {e}")
                with lock:
                    for kind, samples in mine.items():
                        latencies[kind] += samples
                    errors.extend(bad)

            def writer() -> None:
                with httpx.Client(base_url=base, timeout=120, headers={"X-API-Key": KEY}) as http:
                    start.wait()
                    n = 0
                    while not stop.is_set():
                        name, text, district = plan_text(n)
                        t = time.perf_counter()
                        try:
                            r = http.post("/ingest/text", json={"name": name, "text": text})
                            body = r.json() if r.status_code == 200 else None
                            if body is not None and body["ingested"] == 1 and body["failed"] == 0:
                                write_latency.append(time.perf_counter() - t)
                                writes.append((n, name, district))
                            else:
                                write_errors.append(f"{name}: {r.status_code} {r.text[:200]}")
                        except Exception as e:  # noqa: BLE001
                            write_errors.append(f"{name}: {type(e).__name__}: {e}")
                        n += 1

            threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(readers)]
            threads.append(threading.Thread(target=writer, daemon=True))
            for t in threads:
                t.start()
            start.wait()
            began = time.monotonic()
            time.sleep(seconds)
            stop.set()
            for t in threads:
                t.join(timeout=300)
            elapsed = time.monotonic() - began
            hung = sum(t.is_alive() for t in threads)
            load_after = os.getloadavg()

            # every acknowledged write: answerable over HTTP, and among the implementers of Chỉ thị 05
            missing: list[str] = []
            with httpx.Client(base_url=base, timeout=120) as http:
                implementers = http.get(f"/documents/{DIRECTIVE}/implementers",
                                        params={"transitive": "false", "limit": 1000}).json()
                implementing = {row["document"] for row in implementers["items"]}
                for n, name, district in writes:
                    ref = f"Kế hoạch số {FIRST_NUMBER + n}-KH/HU"
                    r = http.get(f"/documents/{quote(ref, safe='')}")
                    detail = r.json() if r.status_code == 200 else {}
                    if detail.get("unit") != f"Huyện ủy {district}":
                        missing.append(f"{ref}: {r.status_code} {r.text[:200]}")
                    elif not any(o["relation"] == "implements" and o["target"] == DIRECTIVE
                                 for o in detail["outgoing"]):
                        missing.append(f"{ref}: does not implement {DIRECTIVE}")
                    elif detail["id"] not in implementing:
                        missing.append(f"{ref}: not among the implementers of {DIRECTIVE}")
                total = http.get("/health").json()["documents"]

        store = EmbeddedStore(directory, readonly=True)  # and in the store itself, after the server is gone
        try:
            files = set(store.files())
            documents_after = sum(1 for _ in store.documents())
        finally:
            store.close()
        missing += [f"{name}: not in the store's files" for _, name, _ in writes if name not in files]
        lost = len({m.split(":")[0] for m in missing})

    reads = sum(len(v) for v in latencies.values()) + len(errors)
    return {
        "machine": {"cpus": os.cpu_count(), "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in load_after]},
        "seconds": round(elapsed, 2), "readers": readers, "hung_threads": hung,
        "reads": {"requests": reads, "requests_per_s": round(reads / elapsed, 1), "errors": len(errors),
                  "error_samples": errors[:5]},
        "latency": {kind: {"requests": len(v), **percentiles(v)} for kind, v in latencies.items()},
        "writes": {"writes": len(writes), "writes_per_s": round(len(writes) / elapsed, 2), "errors": len(write_errors),
                   "error_samples": write_errors[:5], **percentiles(write_latency)},
        "documents": {"before": documents_before, "after": documents_after, "served": total},
        "lost": lost, "lost_samples": missing[:5],
        "errors": len(errors) + len(write_errors) + hung,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="how long the readers and the writer run")
    parser.add_argument("--readers", type=int, default=16, help="concurrent reader threads")
    args = parser.parse_args(argv)
    r = run_load(args.seconds, args.readers)

    def line(**fields) -> None:
        print(json.dumps(fields, ensure_ascii=False), flush=True)

    line(figure="machine", **r["machine"], seconds=r["seconds"], readers=r["readers"])
    line(figure="reads", **{k: v for k, v in r["reads"].items() if k != "error_samples" or v})
    for kind, figures in r["latency"].items():
        line(figure="latency", kind=kind, **figures)
    line(figure="writes", **{k: v for k, v in r["writes"].items() if k != "error_samples" or v})
    line(figure="documents", **r["documents"])
    line(figure="lost", lost=r["lost"], **({"samples": r["lost_samples"]} if r["lost_samples"] else {}))
    line(figure="errors", errors=r["errors"], hung_threads=r["hung_threads"])
    return 0 if r["errors"] == 0 and r["lost"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
