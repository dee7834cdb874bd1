"""``factcheck config``: print the effective configuration and where each value came from.

The TOML output is itself a valid ``factcheck.toml``: each value is followed by a comment
naming its source (``default``, ``pyproject.toml:12``, ...).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("config", help="print the effective configuration and where each value came from",
                       description="Print the effective configuration: the file found from the "
                       "current folder upwards (or --config), with the source of every value.")
    add_config_options(p)
    p.add_argument("--format", "-f", choices=["toml", "json"], default="toml", help="output format")
    p.set_defaults(func=run)


def add_config_options(p: argparse.ArgumentParser) -> None:
    """``--config FILE`` and ``--no-config``, shared with ``factcheck check``."""
    g = p.add_mutually_exclusive_group()
    g.add_argument("--config", type=Path, metavar="FILE",
                   help="use this factcheck.toml or pyproject.toml instead of searching upwards")
    g.add_argument("--no-config", action="store_true", help="ignore configuration files; use defaults")


def run(args: argparse.Namespace) -> int:
    from ..config import resolve

    cfg = resolve(args.config, isolated=args.no_config)
    out = render_json(cfg) if args.format == "json" else render_toml(cfg)
    sys.stdout.write(out)
    return 0


def _entries(cfg: Any) -> list[tuple[str | None, str, Any, str]]:
    """(table, key, value, source) for every effective value, in the order they print."""
    from ..codes import CATALOGUE
    from ..model import Hedge

    rows: list[tuple[str | None, str, Any, str]] = [
        (None, "paths", list(cfg.paths), cfg.source("paths")),
        (None, "language", cfg.language, cfg.source("language")),
        (None, "fail-level", cfg.fail_level.value, cfg.source("fail-level")),
        (None, "display-level", cfg.display_level.value, cfg.source("display-level")),
        (None, "enable", None if cfg.enable is None else list(cfg.enable), cfg.source("enable")),
        (None, "disable", list(cfg.disable), cfg.source("disable")),
        (None, "baseline", None if cfg.baseline is None else str(cfg.baseline), cfg.source("baseline")),
        (None, "rounding", cfg.policy.rounding, cfg.source("rounding")),
        (None, "integer-counts", cfg.policy.integer_counts, cfg.source("integer-counts")),
    ]
    for code in sorted(cfg.severity, key=lambda c: (c not in CATALOGUE, c)):
        rows.append(("severity", code, cfg.severity[code].value, cfg.source(f"severity.{code}")))
    for h in Hedge:
        t = cfg.policy.tolerances.get(h)
        if t is not None:
            rows.append(("tolerances", h.value, _tol(t), cfg.source(f"tolerances.{h.value}")))
    for lang, per in sorted(cfg.policy.languages.items()):
        for h, t in per.items():
            rows.append((f"languages.{lang}", h.value, _tol(t), cfg.source(f"languages.{lang}.{h.value}")))
    for lang, cal in sorted(cfg.policy.calendars.items()):
        rows.append(("calendars", lang, cal, cfg.source(f"calendars.{lang}")))
    return rows


def _tol(t: Any) -> dict[str, Decimal | None]:
    return {"below": t.below, "above": t.above}


def _toml(v: Any) -> str:
    if v is None:
        return "inf"  # only tolerances print None this way; unset top-level keys are comments
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, Decimal):
        return format(v, "f") if v == v.to_integral_value() or v.adjusted() > -7 else str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(_toml(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k} = {_toml(x)}" for k, x in v.items()) + "}"
    return str(v)


def render_toml(cfg: Any) -> str:
    """The effective configuration as a factcheck.toml, each value commented with its source."""
    src = str(cfg.path) if cfg.path else "none (built-in defaults)"
    out = ["# effective factcheck configuration", f"# configuration file: {src}", ""]
    table: str | None = None
    for tab, key, value, source in _entries(cfg):
        if tab != table:
            out.append("")
            out.append(f"[{tab}]")
            table = tab
        if value is None and tab is None:
            what = "every code" if key == "enable" else "none"
            out.append(f"# {key}: {what}  # {source}")
            continue
        out.append(f"{key} = {_toml(value)}  # {source}")
    if "severity" not in {t for t, *_ in _entries(cfg)}:
        out.extend(["", "[severity]", "# no overrides: each finding keeps its own severity"])
    return "\n".join(out) + "\n"


def render_json(cfg: Any) -> str:
    """``{"file": ..., "values": {"fail-level": {"value": ..., "source": ...}, ...}}``."""
    values: dict[str, Any] = {}
    for tab, key, value, source in _entries(cfg):
        name = key if tab is None else f"{tab}.{key}"
        if isinstance(value, dict):
            value = {k: (None if x is None else str(x)) for k, x in value.items()}
        values[name] = {"value": value, "source": source}
    doc = {"file": None if cfg.path is None else str(cfg.path), "values": values}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
