"""Extraction throughput of `ingest.pipeline.analyse` on one core, dense and sparse.

    python -m benchmarks.bench_extract /tmp/bench/c10k/corpus [../shared/corpus ...] [--tries 3]

For each folder: the texts as they are, and the same texts with nine in ten of their lines
that hold a document code left out (sparse: what reports read like between their lists of
plans). Texts are read before the clock starts; the figure is CPU time (`process_time`), the
best of `--tries` runs, so that other work on a shared machine weighs less. One JSON line per
figure on stdout.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.pipeline import analyse  # noqa: E402
from ingest.read import Source, iter_paths, read  # noqa: E402
from ingest.registry import Registry  # noqa: E402
from ingest.units import Roster  # noqa: E402

MB = 1_000_000
_CODED_LINE = re.compile(r"\d+\s*[-/]\s*[A-ZĐ]")


def sparse(source: Source, keep_every: int = 10) -> Source:
    """The text with all but one in `keep_every` of its lines holding a code left out."""
    out, seen = [], 0
    for line in source.text.split("\n"):
        if _CODED_LINE.search(line):
            seen += 1
            if seen % keep_every:
                continue
        out.append(line)
    return Source(source.name, "\n".join(out), source.format)


def measure(label: str, sources: list[Source], roster: Roster, registry: Registry, tries: int) -> dict:
    nbytes = sum(len(s.text.encode("utf-8")) for s in sources)
    best, mentions = None, 0
    for _ in range(tries):
        t0 = time.process_time()
        mentions = sum(len(analyse(s, roster, registry).citations) for s in sources)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    return {"figure": "extraction", "corpus": label, "files": len(sources), "mb": round(nbytes / MB, 3),
            "mentions": mentions, "mentions_per_kb": round(mentions / max(nbytes, 1) * 1000, 2),
            "cpu_seconds": round(best, 3), "mb_s": round(nbytes / MB / best, 2),
            "mentions_s": round(mentions / best), "us_per_mention": round(best / max(mentions, 1) * 1e6, 1)}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--tries", type=int, default=3)
    a = ap.parse_args(argv)
    roster, registry = Roster.load(), Registry.load()
    for folder in a.folders:
        sources = [read(p) for p in iter_paths([folder])]
        analyse(sources[0], roster, registry)  # imports and compiled patterns out of the clock
        for label, texts in ((folder, sources), (f"{folder} (sparse)", [sparse(s) for s in sources])):
            print(json.dumps(measure(label, texts, roster, registry, a.tries), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
