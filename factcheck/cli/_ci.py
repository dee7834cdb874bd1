"""What ``factcheck check`` does around the evaluation for CI: configuration, suppressions,
code selection, baselines and the fail level.

Kept apart from :mod:`factcheck.cli.check` so that module stays a short list of options.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, apply_codes, resolve
from ..findings import Severity
from ..report import Report

__all__ = ["add_options", "check_batch", "configure", "exit_code", "finish"]

LEVELS = ("error", "warning", "info")


def add_options(p: argparse.ArgumentParser) -> None:
    from .config import add_config_options

    add_config_options(p)
    p.add_argument("--fail-level", choices=LEVELS,
                   help="lowest severity that makes the exit code 1 (default: error)")
    p.add_argument("--display-level", choices=LEVELS,
                   help="lowest severity shown (default: info); independent of --fail-level")
    p.add_argument("--exit-zero", action="store_true",
                   help="exit 0 even when findings are at or above the fail level (errors in input "
                   "or usage still exit 2)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--baseline", type=Path, metavar="FILE",
                   help="accept the findings recorded in FILE; report only new ones")
    g.add_argument("--write-baseline", type=Path, metavar="FILE",
                   help="record every current finding in FILE (and accept them in this run)")


def configure(args: argparse.Namespace) -> Config:
    """The configuration file's values, overridden by the options given on the command line."""
    cfg = resolve(args.config, isolated=args.no_config)

    def opt(value: object, flag: str) -> tuple[object, str] | None:
        return None if value is None else (value, flag)

    lang = getattr(args, "lang", None)
    return cfg.with_options(
        language=opt(lang, "--lang"),
        fail_level=opt(args.fail_level and Severity(args.fail_level), "--fail-level"),
        display_level=opt(args.display_level and Severity(args.display_level), "--display-level"),
        baseline=opt(args.baseline, "--baseline"),
    )


def finish(report: Report, cfg: Config, args: argparse.Namespace) -> None:
    """Code selection and severities, then the baseline (suppressions are already applied
    by :func:`factcheck.pipeline.check_paths`)."""
    from .. import baseline

    apply_codes(report, cfg)
    if args.write_baseline is not None:
        n = baseline.write(report, args.write_baseline)
        print(f"factcheck: wrote {n} finding{'s' * (n != 1)} to {args.write_baseline}", file=sys.stderr)
        baseline.apply(report, baseline.load(args.write_baseline))
    elif cfg.baseline is not None:
        stale = baseline.apply(report, baseline.load(cfg.baseline))
        if stale:
            print(f"factcheck: {stale} baseline entr{'ies' if stale != 1 else 'y'} in {cfg.baseline} "
                  "no longer match a finding (rewrite it with --write-baseline)", file=sys.stderr)


def exit_code(report: Report, cfg: Config, args: argparse.Namespace) -> int:
    """1 when an unsuppressed finding is at or above the fail level (unless --exit-zero)."""
    if args.exit_zero:
        return 0
    return report.exit_code(cfg.fail_level)


def check_batch(args: argparse.Namespace, cfg: Config) -> None:
    """Refuse what per-document checking (--jobs, --dask) does not apply, rather than ignore it."""
    from ..errors import UsageError

    if args.baseline is not None or args.write_baseline is not None or cfg.baseline is not None:
        raise UsageError("baselines apply to one report: they cannot be used with --jobs or --dask")
