"""What ``factcheck check`` does around the evaluation for CI: configuration, suppressions,
code selection, baselines and the fail level.

Kept apart from :mod:`factcheck.cli.check` so that module stays a short list of options.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config, apply_codes, resolve
from ..findings import Severity
from ..report import Report

if TYPE_CHECKING:
    from ..baseline import Baseline

__all__ = ["add_options", "batch_baseline", "configure", "exit_code", "finish", "finish_batch"]

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
        _say_stale(baseline.apply(report, baseline.load(cfg.baseline)), cfg.baseline)


def _say_stale(stale: int, path: Path) -> None:
    if stale:
        print(f"factcheck: {stale} baseline entr{'ies' if stale != 1 else 'y'} in {path} "
              "no longer match a finding (rewrite it with --write-baseline)", file=sys.stderr)


def exit_code(report: Report, cfg: Config, args: argparse.Namespace) -> int:
    """1 when an unsuppressed finding is at or above the fail level (unless --exit-zero)."""
    if args.exit_zero:
        return 0
    return report.exit_code(cfg.fail_level)


def batch_baseline(args: argparse.Namespace, cfg: Config) -> Baseline | None:
    """The baseline a per-document check (--jobs, --dask) applies, read before any document
    is checked (a bad file is an input error, exit 2); None with none or --write-baseline."""
    from .. import baseline

    if args.write_baseline is not None or cfg.baseline is None:
        return None
    return baseline.load(cfg.baseline)


def finish_batch(args: argparse.Namespace, cfg: Config, base: Baseline | None,
                 entries: list[dict[str, Any]], used: Counter[str]) -> None:
    """After every document: write the baseline (--write-baseline), or say how many of its
    entries no document used, as :func:`finish` does for one report."""
    from .. import baseline

    if args.write_baseline is not None:
        n = baseline.write_entries(entries, args.write_baseline)
        print(f"factcheck: wrote {n} finding{'s' * (n != 1)} to {args.write_baseline}", file=sys.stderr)
    elif base is not None and cfg.baseline is not None:
        _say_stale(sum(max(0, n - used[fp]) for fp, n in base.counts.items()), cfg.baseline)
