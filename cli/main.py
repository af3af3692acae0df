"""`directives` — the command line. Errors become one line on stderr and an exit code."""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from graph.errors import DirectivesError

DEFAULT_STORE = "./data/store"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 0
    try:
        return args.run(args) or 0
    except DirectivesError as e:
        hints = getattr(e, "suggestions", None) or getattr(e, "candidates", None)
        print(f"directives: {e}" + (f" (did you mean: {', '.join(hints)}?)" if getattr(e, "suggestions", None)
                                    and hints else ""), file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("directives: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="directives",
        description="Citation graph of Vietnamese Party directives: ingest texts, resolve citations, "
                    "ask who implemented what.")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    from . import commands
    for name, (func, help_, configure) in commands.COMMANDS.items():
        p = sub.add_parser(name, help=help_, description=help_)
        p.add_argument("--store", default=os.environ.get("DIRECTIVES_STORE", DEFAULT_STORE),
                       help="store directory (default $DIRECTIVES_STORE or ./data/store)")
        configure(p)
        p.set_defaults(run=func)
    return parser


def emit(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=1))


def store_path(args) -> Path:
    return Path(args.store)


if __name__ == "__main__":
    sys.exit(main())
