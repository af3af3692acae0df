"""Markdown table of `benchmarks.run` output: python -m benchmarks.table < results.jsonl"""
from __future__ import annotations

import json
import sys

SKIP = {"figure", "size", "value", "unit", "baseline", "baseline_unit", "target", "ok", "units", "note"}


def fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1000 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def main() -> int:
    rows = [json.loads(line) for line in sys.stdin if line.strip().startswith("{")]
    print("| figure | size | value | unit | baseline | target | ok | details |")
    print("| --- | ---: | ---: | --- | --- | ---: | :---: | --- |")
    for r in rows:
        base = "–"
        if r.get("baseline") is not None:
            base = f"{fmt(r['baseline'])} {r.get('baseline_unit') or ''}".strip()
        details = ", ".join(f"{k} {fmt(v)}" for k, v in r.items() if k not in SKIP and v is not None)
        ok = {True: "yes", False: "**no**", None: ""}[r.get("ok")]
        if r.get("note") == "timeout":
            details = "timeout; " + details
        print(f"| {r['figure']} | {r['size']:,} | {fmt(r.get('value'))} | {r.get('unit') or ''} | {base} | "
              f"{fmt(r.get('target'))} | {ok} | {details} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
