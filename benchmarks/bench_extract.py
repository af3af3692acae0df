"""Extraction throughput on one core, dense and sparse: the extract stage alone
(`ingest.pipeline.citations`: layout, contexts, citations with their dates, issuers and subjects)
and the whole analysis of a text (`ingest.pipeline.analyse`: the same and the relations it states).

    python -m benchmarks.bench_extract /tmp/bench/c10k/corpus [../shared/corpus ...] [--tries 3]

For each folder: the texts as they are, and the same texts with nine in ten of their lines
that hold a document code left out (sparse: what reports read like between their lists of
plans). Texts are read before the clock starts; the figure is CPU time (`process_time`), the
best of `--tries` runs, so that other work on a shared machine weighs less. Each run is a fresh
process that has analysed none of the texts: `mb_s` is its first pass, with the caches the
pipeline keeps from text to text (unit names, letterheads, headings) empty at the start, as
in an ingest; `warm_mb_s` a second pass over the same texts (what a long ingest approaches once
its archive's names have been seen; on a small corpus the first pass is mostly cache filling).
One JSON line per figure on stdout.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.pipeline import analyse, citations  # noqa: E402
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


STAGES = {"extract": lambda s, roster, registry: citations(s, roster, registry),
          "analyse": lambda s, roster, registry: analyse(s, roster, registry).citations}


def measure(stage: str, label: str, sources: list[Source], tries: int) -> dict:
    nbytes = sum(len(s.text.encode("utf-8")) for s in sources)
    runs = []
    for _ in range(tries):
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as fresh:
            runs.append(fresh.submit(one_run, stage, sources).result())
    cold, warm, mentions = min(r[0] for r in runs), min(r[1] for r in runs), runs[0][2]
    return {"figure": "extraction", "stage": stage, "corpus": label, "files": len(sources),
            "mb": round(nbytes / MB, 3), "mentions": mentions, "mentions_per_kb": round(mentions / max(nbytes, 1) * 1000, 2),
            "cpu_seconds": round(cold, 3), "mb_s": round(nbytes / MB / cold, 2),
            "mentions_s": round(mentions / cold), "us_per_mention": round(cold / max(mentions, 1) * 1e6, 1),
            "warm_cpu_seconds": round(warm, 3), "warm_mb_s": round(nbytes / MB / warm, 2)}


def one_run(stage: str, sources: list[Source]) -> tuple[float, float, int]:
    """(CPU seconds of a first pass of `stage` over `sources`, of a second pass, mentions), in this process."""
    roster, registry, run = Roster.load(), Registry.load(), STAGES[stage]
    run(Source("warm-up.txt", _WARM_UP, "txt"), roster, registry)  # imports and compiled patterns
    seconds = []
    for _ in range(2):
        t0 = time.process_time()
        mentions = sum(len(run(s, roster, registry)) for s in sources)
        seconds.append(time.process_time() - t0)
    return seconds[0], seconds[1], mentions


_WARM_UP = "Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Huyện ủy đã ban hành Kế hoạch."


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--tries", type=int, default=3)
    a = ap.parse_args(argv)
    for folder in a.folders:
        sources = [read(p) for p in iter_paths([folder])]
        for label, texts in ((folder, sources), (f"{folder} (sparse)", [sparse(s) for s in sources])):
            for stage in STAGES:
                print(json.dumps(measure(stage, label, texts, a.tries), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
