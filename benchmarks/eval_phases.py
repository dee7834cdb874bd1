"""Where one evaluation spends its time, phase by phase, as shares of the whole.

    python benchmarks/eval_phases.py --claims 100000

A synthetic rule graph (:mod:`synth`, 1% of rules falsified) is loaded once and
evaluated ``--repeat`` times; one more run is timed with CPU timers wrapped around the
evaluator's phases:

- ``claims``: float intervals of every claim (``claimcols.claim_columns``);
- ``screen``: the vectorised passes over all rules, alone and together (``flat``/``screen``);
- ``exact``: every exact propagation (local confirmation, explanations, chains);
- ``float``: every sequential float propagation (checks before the exact ones);
- ``findings``: building the verdict of each rule;
- ``rest``: everything else (compiling rules by their kinds, checking units, ...).

Timers cost a little, so the phases are printed as shares of the timed run, beside the
untimed best run in CPU seconds.  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

import factcheck.builders as builders  # noqa: E402
import factcheck.conflicts as conflicts  # noqa: E402
import factcheck.evaluate as ev_mod  # noqa: E402
from factcheck.files import load_paths  # noqa: E402
from factcheck.screen import Screen  # noqa: E402


def _timed(spent: dict[str, float], name: str, fn: Callable[..., Any],
           key: Callable[..., str] | None = None) -> Callable[..., Any]:
    def wrapper(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            phase = key(*a, **k) if key else name
            spent[phase] = spent.get(phase, 0.0) + time.process_time() - t
    return wrapper


def phases(cs: Any) -> tuple[float, dict[str, float]]:
    """CPU seconds of one timed evaluation and the seconds of each phase."""
    spent: dict[str, float] = {}
    by_exactness = lambda *a, **k: "exact" if k.get("exact") else "float"  # noqa: E731
    patches = [
        (builders, "claim_columns", _timed(spent, "claims", builders.claim_columns)),  # type: ignore[attr-defined]
        (ev_mod, "_screen", _timed(spent, "screen", ev_mod._screen)),
        (Screen, "suspect_components", _timed(spent, "screen", Screen.suspect_components)),
    ]
    # The same function is imported by several modules: each module's name is patched.
    for mod in (ev_mod, conflicts):
        patches.append((mod, "propagate", _timed(spent, "", mod.propagate, key=by_exactness)))  # type: ignore[attr-defined]
        patches.append((mod, "finding", _timed(spent, "findings", mod.finding)))  # type: ignore[attr-defined]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, fn in patches:
        setattr(obj, name, fn)
    try:
        t = time.process_time()
        ev_mod.evaluate(cs)
        total = time.process_time() - t
    finally:
        for obj, name, fn in saved:
            setattr(obj, name, fn)
    spent["rest"] = total - sum(spent.values())
    return total, spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--repeat", type=int, default=3, help="untimed runs; the best is printed")
    ap.add_argument("--json", type=Path, help="also write the numbers here")
    args = ap.parse_args(argv)
    g = generate(args.claims, seed=args.claims)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.json"
        path.write_text(json.dumps(g.data), encoding="utf-8")
        cs = load_paths([path])
    ev_mod.evaluate(cs)  # warm caches and imports, as a long-running process has them
    best = float("inf")
    for _ in range(args.repeat):
        t = time.process_time()
        ev_mod.evaluate(cs)
        best = min(best, time.process_time() - t)
    total, spent = phases(cs)
    print(f"{g.n_claims:,} claims, {g.n_rules:,} rules, {len(g.planted)} planted conflicts")
    print(f"evaluation: {best:.3f} CPU s (best of {args.repeat}); timed run {total:.3f} s")
    for name in ("claims", "rest", "screen", "float", "exact", "findings"):
        share = spent.get(name, 0.0) / total
        print(f"  {name:9s} {share:6.1%}  ~{share * best:.3f} s")
    if args.json:
        args.json.write_text(json.dumps({"claims": g.n_claims, "seconds": best, "timed_seconds": total,
                                         "phases": spent}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
