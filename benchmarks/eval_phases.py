"""Where one evaluation spends its time, phase by phase, as shares of the whole.

    python benchmarks/eval_phases.py --claims 100000

A synthetic rule graph (:mod:`synth`, 1% of rules falsified) is loaded once and
evaluated ``--repeat`` times; one more run is timed with CPU timers wrapped around the
evaluator's phases:

- ``claims``: float intervals of every claim (``claimcols.claim_columns``);
- ``compile``: kinds compiling their rules into float columns, all at once
  (``colbuild.compile_kind``), and exactly, one flagged rule at a time
  (``builders.Compiler.rule``);
- ``screen``: the vectorised passes over all rules, alone and together (``flat``/``screen``);
- ``float``: every sequential float propagation (checks before the exact ones);
- ``exact``: every exact propagation (local confirmation, explanations, chains);
- ``explain``: the rest of explaining conflicts: deletion, "would have to be", messages
  (``conflicts.explain``, ``minimal_claims``, ``chains``);
- ``findings``: building the verdict of each rule (``verdict.finding``, ``Finding.for_rule``);
- ``rest``: everything else (grouping rules by kind, the loops over rules, ...).

Each phase counts its own time only (a timer pauses while a nested one runs: a
propagation inside an explanation counts as ``float`` or ``exact``).  Timers cost a
little, so the phases are printed as shares of the timed run, beside the untimed best
run in CPU seconds.  Nothing is asserted.
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
import factcheck.colbuild as colbuild  # noqa: E402
import factcheck.conflicts as conflicts  # noqa: E402
import factcheck.evaluate as ev_mod  # noqa: E402
from factcheck.files import load_paths  # noqa: E402
from factcheck.findings import Finding  # noqa: E402
from factcheck.screen import Screen  # noqa: E402

#: Time spent in timers nested inside the running one, per level of nesting.
_NESTED: list[float] = []


def _timed(spent: dict[str, float], name: str, fn: Callable[..., Any],
           key: Callable[..., str] | None = None) -> Callable[..., Any]:
    def wrapper(*a: Any, **k: Any) -> Any:
        t = time.process_time()
        _NESTED.append(0.0)
        try:
            return fn(*a, **k)
        finally:
            elapsed = time.process_time() - t
            inner = _NESTED.pop()
            if _NESTED:
                _NESTED[-1] += elapsed
            phase = key(*a, **k) if key else name
            spent[phase] = spent.get(phase, 0.0) + elapsed - inner
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
    patches += [
        (colbuild, "compile_kind", _timed(spent, "compile", colbuild.compile_kind)),
        (builders.Compiler, "rule", _timed(spent, "compile", builders.Compiler.rule)),
        (Finding, "for_rule", _timed(spent, "findings", Finding.for_rule)),
    ]
    for mod, name in ((ev_mod, "explain"), (conflicts, "minimal_claims"), (ev_mod, "chains")):
        patches.append((mod, name, _timed(spent, "explain", getattr(mod, name))))
    # The same function is imported by several modules: each module's name is patched.
    for mod in (ev_mod, conflicts):
        patches.append((mod, "propagate", _timed(spent, "", mod.propagate, key=by_exactness)))
        patches.append((mod, "finding", _timed(spent, "findings", mod.finding)))
    # Questions that only need an answer (fails?) or one claim's bounds go to propagation
    # directly: the same runs, timed alike.
    fails_exactness = lambda *a, **k: "exact" if k.get("exact", a[3] if len(a) > 3 else False) else "float"  # noqa: E731
    patches.append((conflicts, "fails", _timed(spent, "", conflicts.fails, key=fails_exactness)))
    patches.append((conflicts, "bounds_alone", _timed(spent, "exact", conflicts.bounds_alone)))
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, fn in patches:
        setattr(obj, name, fn)
    try:
        t = time.process_time()
        ev = ev_mod.evaluate(cs)
        total = time.process_time() - t
        del ev  # freed outside the timed span (as run.py times it)
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
        ev = ev_mod.evaluate(cs)
        best = min(best, time.process_time() - t)
        del ev  # freed outside the timed span
    total, spent = phases(cs)
    print(f"{g.n_claims:,} claims, {g.n_rules:,} rules, {len(g.planted)} planted conflicts")
    print(f"evaluation: {best:.3f} CPU s (best of {args.repeat}); timed run {total:.3f} s")
    for name in ("claims", "compile", "screen", "float", "exact", "explain", "findings", "rest"):
        share = spent.get(name, 0.0) / total
        print(f"  {name:9s} {share:6.1%}  ~{share * best:.3f} s")
    if args.json:
        args.json.write_text(json.dumps({"claims": g.n_claims, "seconds": best, "timed_seconds": total,
                                         "phases": spent}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
