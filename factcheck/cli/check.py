"""``factcheck check``: check claim files, folders and articles."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..reporters import names

    p = sub.add_parser("check", help="check claim files, folders or articles",
                       description="Check claim files, folders or articles; exit 1 if any "
                       "relation cannot hold.")
    p.add_argument("paths", nargs="*", type=Path,
                   help="files or folders (default: `paths` from the configuration, else claims/ and "
                   "rules/ of the current directory)")
    p.add_argument("--format", "-f", choices=names(), default="text", help="output format")
    p.add_argument("--output", "-o", type=Path, help="write the report to this file")
    p.add_argument("--lang", choices=["fa", "en", "auto"], default=None,
                   help="language of articles (default: the configuration's, else detect)")
    p.add_argument("--show-all", action="store_true", help="also list consistent relations")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    p.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                   help="check each document on its own, N at a time in parallel processes "
                   "(0: one per CPU core); output is the same as with --jobs 1")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="check each document on its own on a Dask cluster: a scheduler address "
                   "such as tcp://host:8786, or 'local' (needs the 'dask' extra)")
    from . import _ci

    _ci.add_options(p)
    p.set_defaults(func=run)


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number (got {text!r})") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0 (got {n})")
    return n or (os.cpu_count() or 1)


def run(args: argparse.Namespace) -> int:
    from ..errors import UsageError
    from ..pipeline import check_paths
    from ..reporters import Options, get
    from . import _ci

    cfg = _ci.configure(args)
    paths: list[Path] = args.paths
    if not paths:
        paths = cfg.check_paths()
        if not paths:
            raise UsageError("no paths given and no claims/ or rules/ folder here")
    to_tty = args.output is None and sys.stdout.isatty()
    color = args.color == "always" or (args.color == "auto" and to_tty and not os.environ.get("NO_COLOR"))
    if args.jobs is not None or args.dask is not None:
        from ._batch import run_batch

        rc = run_batch(args, paths, cfg.lang(), color, cfg.policy, cfg, _ci.batch_baseline(args, cfg))
        return 0 if args.exit_zero and rc == 1 else rc
    report = check_paths(paths, cfg.policy, lang=cfg.lang())
    _ci.finish(report, cfg, args)
    text = get(args.format)(report, Options(color=color, show_all=args.show_all,
                                            min_severity=cfg.display_level.value))
    if args.output is not None:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return _ci.exit_code(report, cfg, args)
