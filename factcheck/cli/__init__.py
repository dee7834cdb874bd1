"""The ``factcheck`` command: a thin argparse front end over the Python API.

Each subcommand is one module in this package with ``register(subparsers)``; they are
found by scanning the package, so adding a command is adding a module.  Errors in input
or usage print one line and exit 2; tracebacks are shown only with FACTCHECK_DEBUG=1.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find the figures in an article that cannot all be true.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from ..errors import FactcheckError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        rc: int = args.func(args)
        return rc
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # never a traceback for users; say how to get one
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        print(f"factcheck: internal error: {type(exc).__name__}: {exc} "
              "(set FACTCHECK_DEBUG=1 for a traceback)", file=sys.stderr)
        return EXIT_ERROR


def entry() -> None:  # pragma: no cover - console script wrapper
    sys.exit(main())
