"""Latency of the HTTP API: `implementers` and document detail, p50/p95/p99 in milliseconds.

    python benchmarks/bench_api.py [--requests 300] [--documents 20000] [--clients 8]

Two stores: the bundled sample (data/sample ingested), and a synthetic store of ~20k documents
built directly from `graph.model` objects (seeded, deterministic: central directives, provincial
plans implementing them, district plans implementing those). Each store is served by uvicorn on
127.0.0.1 (a free port) and asked over HTTP with keep-alive, one client at a time and then
`--clients` at once. Prints one JSON line per figure. Not run by pytest.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from graph.embedded import EmbeddedStore  # noqa: E402
from benchmarks.names import DISTRICTS, PROVINCES  # noqa: E402
from benchmarks.serve import Server  # noqa: E402
from graph.model import Document, Edge, Evidence, Graph, Level, Mention, MentionKind, Relation, Unit  # noqa: E402

CENTRAL_TYPES = (("Chỉ thị", "CT"), ("Nghị quyết", "NQ"), ("Kết luận", "KL"), ("Quy định", "QĐ"))
DISTRICT_NAMES = DISTRICTS[:12]


def slug(text: str) -> str:
    import re
    import unicodedata
    s = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def synthetic_graph(n_documents: int = 20000, seed: int = 20250701) -> Graph:
    """A deterministic graph of about `n_documents` documents: central directives, plans of the
    provinces implementing them, plans of the districts implementing those."""
    rng = random.Random(seed)
    central = Unit("tw/bo-chinh-tri", "Bộ Chính trị", Level.CENTRAL, None, None, "party")
    units, docs, edges, mentions = [central], [], [], []
    provinces = []
    for p in PROVINCES:
        tinh = Unit(f"{slug(p)}/tinh-uy", f"Tỉnh ủy {p}", Level.PROVINCE, p, None, "party")
        districts = [Unit(f"{slug(p)}/huyen-uy-{slug(d)}", f"Huyện ủy {d}", Level.DISTRICT, p, tinh.id, "party",
                          None, "2025-06-30") for d in DISTRICT_NAMES]
        units += [tinh, *districts]
        provinces.append((tinh, districts))
    n_central = max(10, n_documents // 100)
    per_directive = max(1, (n_documents - n_central) // n_central)
    line = 0

    def add(doc: Document, unit: Unit, target: Document | None, relation: Relation = Relation.IMPLEMENTS):
        nonlocal line
        line += 1
        file = f"bao-cao-{line // 500:03d}.txt"
        text = f"{unit.name} ban hành {doc.aliases[0]}" + (f" về thực hiện {target.aliases[0]}" if target else "")
        docs.append(doc)
        edges.append(Edge(unit.id, doc.id, Relation.ISSUED, 0.9, Evidence(file, line, text)))
        mentions.append(Mention(file, line, 0, 0, len(doc.aliases[0]), doc.aliases[0], doc.id, MentionKind.FULL))
        if target is not None:
            edges.append(Edge(doc.id, target.id, relation, 0.9, Evidence(file, line, text)))
            mentions.append(Mention(file, line, len(text) - len(target.aliases[0]), 0, 0, target.aliases[0], target.id,
                                    MentionKind.FULL, "exact"))

    for i in range(n_central):
        type_, abbr = CENTRAL_TYPES[i % len(CENTRAL_TYPES)]
        year = 2010 + i % 15
        date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        number = f"{i + 1:02d}"
        d = Document(f"{number}-{abbr.lower()}-tw.tw.{year}", type_, number, f"{abbr}/TW", "-", "Trung ương", None,
                     date, (date,), f"về nhiệm vụ số {i + 1} của toàn Đảng", (f"{type_} số {number}-{abbr}/TW",),
                     "Bộ Chính trị", central.id)
        add(d, central, None)
        made = 0
        for tinh, districts in rng.sample(provinces, k=min(len(provinces), max(1, per_directive // 3))):
            if made >= per_directive:
                break
            pdate = f"{year + (1 if rng.random() < 0.3 else 0)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            pn = str(rng.randint(1, 999))
            plan = Document(f"{pn}-kh-tu.{slug(tinh.province)}.{i}", "Kế hoạch", pn, "KH/TU", "-", tinh.name,
                            tinh.province, pdate, (pdate,), None, (f"Kế hoạch số {pn}-KH/TU",), "Ban Thường vụ Tỉnh ủy",
                            tinh.id)
            add(plan, tinh, d)
            made += 1
            for district in rng.sample(districts, k=2):
                if made >= per_directive:
                    break
                dn = str(rng.randint(1, 999))
                ddate = f"{int(pdate[:4]) + (1 if rng.random() < 0.2 else 0)}-{rng.randint(1, 12):02d}-" \
                        f"{rng.randint(1, 28):02d}"
                dplan = Document(f"{dn}-kh-hu.{district.id.replace('/', '.')}.{i}", "Kế hoạch", dn, "KH/HU", "-",
                                 district.name, district.province, ddate, (ddate,), None, (f"Kế hoạch số {dn}-KH/HU",),
                                 "Ban Thường vụ Huyện ủy", district.id)
                add(dplan, district, plan)
                made += 1
    return Graph(tuple(docs), tuple(units), tuple(edges), tuple(mentions))


def ingested(directory: Path, corpus: Path | None = None) -> tuple[Path, int]:
    """A fresh store at `directory` holding `corpus` (the bundled sample by default), and its size."""
    from ingest.pipeline import ingest
    store = EmbeddedStore(directory)
    ingest([corpus or ROOT / "data" / "sample"], store)
    n = sum(1 for _ in store.documents())
    store.close()
    return directory, n


def percentiles(samples: list[float]) -> dict:
    s = sorted(samples)
    q = statistics.quantiles(s, n=100, method="inclusive")
    return {"p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "p99_ms": round(q[98], 2),
            "mean_ms": round(statistics.fmean(s), 2)}


def measure(base: str, path: str, n: int, clients: int = 1) -> list[float]:
    def run(count: int) -> list[float]:
        out = []
        with httpx.Client(base_url=base, timeout=60) as http:
            http.get(path).raise_for_status()  # warm this connection
            for _ in range(count):
                t = time.perf_counter()
                r = http.get(path)
                out.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
        return out

    if clients == 1:
        return run(n)
    with ThreadPoolExecutor(clients) as pool:
        return [x for part in pool.map(run, [n // clients] * clients) for x in part]


def bench(name: str, directory: Path, documents: int, targets: list[tuple[str, str, str]], n: int,
          clients: int) -> None:
    t = time.perf_counter()
    with Server(directory) as base:
        # the app opens the store, loads the graph and builds its derived views before it listens
        print(json.dumps({"store": name, "documents": documents, "figure": "startup (open, load, index)",
                          "ms": round((time.perf_counter() - t) * 1000, 1)}, ensure_ascii=False), flush=True)
        for figure, ref, path in targets:
            body = httpx.get(base + path, timeout=60).json()
            size = {"rows": body["total"]} if "total" in body else {"relations": len(body["incoming"]) +
                                                                    len(body["outgoing"])}
            for c in (1, clients):
                samples = measure(base, path, n, c)
                print(json.dumps({"store": name, "documents": documents, "figure": figure, "ref": ref, **size,
                                  "clients": c, "requests": len(samples), **percentiles(samples)},
                                 ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per figure")
    parser.add_argument("--documents", type=int, default=20000, help="size of the synthetic store")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for the second run")
    args = parser.parse_args(argv)

    def enc(ref: str) -> str:
        return quote(ref, safe="")

    with tempfile.TemporaryDirectory(prefix="directives-bench-") as tmp:
        small, n_small = ingested(Path(tmp) / "sample")
        bench("sample", small, n_small, [
            ("implementers", "Chỉ thị 05", f"/documents/{enc('Chỉ thị 05')}/implementers"),
            ("implementers", "05-ct-tw.tw.2016", "/documents/05-ct-tw.tw.2016/implementers"),
            ("document detail", "05-ct-tw.tw.2016", "/documents/05-ct-tw.tw.2016"),
            ("document detail", "Kế hoạch số 25-KH/TU", f"/documents/{enc('Kế hoạch số 25-KH/TU')}"),
        ], args.requests, args.clients)

        seeds = ROOT.parent / "shared" / "corpus"
        if seeds.is_dir():  # the seed corpus, where this checkout has it
            seed, n_seed = ingested(Path(tmp) / "seed", seeds)
            bench("seed", seed, n_seed, [
                ("implementers", "Nghị quyết 15-NQ/TU", f"/documents/{enc('Nghị quyết 15-NQ/TU')}/implementers"),
                ("implementers", "05-ct-tw.tw.2016", "/documents/05-ct-tw.tw.2016/implementers"),
                ("document detail", "15-nq-tu.tinh-uy-dien-bien.2021", "/documents/15-nq-tu.tinh-uy-dien-bien.2021"),
            ], args.requests, args.clients)

        big = Path(tmp) / "synthetic"
        t = time.perf_counter()
        graph = synthetic_graph(args.documents)
        store = EmbeddedStore(big)
        store.replace_graph(graph)
        store.close()
        print(json.dumps({"store": "synthetic", "documents": len(graph.documents), "edges": len(graph.edges),
                          "mentions": len(graph.mentions), "figure": "build (seconds)",
                          "s": round(time.perf_counter() - t, 1)}), flush=True)
        central = max((d for d in graph.documents if d.unit == "Trung ương"),
                      key=lambda d: sum(1 for e in graph.edges if e.target == d.id))
        plan = next(d for d in graph.documents if d.type == "Kế hoạch" and d.code == "KH/HU")
        bench("synthetic", big, len(graph.documents), [
            ("implementers", central.id, f"/documents/{enc(central.id)}/implementers"),
            ("implementers", central.aliases[0], f"/documents/{enc(central.aliases[0])}/implementers"),
            ("document detail", central.id, f"/documents/{enc(central.id)}"),
            ("document detail", plan.id, f"/documents/{enc(plan.id)}"),
        ], args.requests, args.clients)
    return 0


if __name__ == "__main__":
    sys.exit(main())
