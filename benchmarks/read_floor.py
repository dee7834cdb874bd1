"""How much of compiling a large problem is reading its pydantic objects out of memory.

    python benchmarks/read_floor.py --claims 100000

A synthetic rule graph (:mod:`synth`, 1% of rules falsified) is loaded once.  Each round
first sweeps a buffer larger than the machine's caches (so every object starts cold, as
it does after loading or after the previous evaluation), then times in CPU seconds, best
of ``--repeat`` rounds:

- ``objects``: one pass over every object compiling reads, taking the fields it reads in
  one C-level call per object: every claim (and its figure as a float), every rule, every
  term of a sum or a rate, the period of every rate's total.  No arithmetic, no lookups:
  what any compiler of these objects pays at least;
- ``__init__`` and ``compile``: :class:`factcheck.evaluate._Run` built (claims as
  columns) and every rule compiled, as one evaluation does them.

The share of ``objects`` in ``__init__ + compile`` is what a faster compiler over the same
objects cannot remove (see docs/performance.md).  Nothing is asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

import factcheck.evaluate as ev  # noqa: E402
from factcheck.claimtable import FIELDS as _FIELDS  # noqa: E402
from factcheck.files import ClaimSet, load_paths  # noqa: E402
from factcheck.semantics import DEFAULT_POLICY  # noqa: E402

#: The fields compiling reads of each rule, by kind (the kinds of the synthetic graphs).
_RULE_FIELDS = {
    "sum": ("whole", "remainder", "parts"), "rate": ("total", "rate", "duration"),
    "percent_of": ("share", "part", "whole"), "part_of": ("part", "whole"), "repeat": ("claims",),
    "percent_change": ("old", "new", "change", "factor", "direction"),
}
_TERM = attrgetter("claim", "times")
_PERIOD = attrgetter("duration", "calendar")


def _objects(cs: ClaimSet) -> int:
    # Every claim once: the fields its interval is made of, and its figure as a float.
    figures = [float(v) for v, *_ in map(_FIELDS, cs.claims.values()) if v is not None]
    read = len(figures)
    # Rules grouped by their model class (as the evaluator does: no field read).
    by_type: dict[type, list[Any]] = {}
    for rule in cs.rules.values():
        by_type.setdefault(type(rule), []).append(rule)
    for rules in by_type.values():
        kind = rules[0].kind
        rows = list(map(attrgetter(*_RULE_FIELDS[kind]), rules))
        read += len(rows)
        if kind in ("sum", "rate"):  # their terms, and a rate total's period
            terms = list(map(_TERM, chain.from_iterable(row[_RULE_FIELDS[kind].index(
                "parts" if kind == "sum" else "rate")] for row in rows)))
            read += len(terms)
        if kind == "rate":
            totals = map(cs.claims.__getitem__, (row[0] for row in rows))
            read += len([_PERIOD(p) for p in map(attrgetter("period"), totals) if p is not None])
    return read


def _evict(size: int = 128 << 20) -> None:
    """Write every cache line of a buffer four times the size of a large L3 cache."""
    buf = bytearray(size)  # zero-filled in place: every line written
    del buf


def _best(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        _evict()
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--repeat", type=int, default=5, help="rounds; the best counts")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.json"
        path.write_text(json.dumps(generate(args.claims, seed=args.claims, rate=0.01).data), encoding="utf-8")
        cs = load_paths([path])
    ev.evaluate(cs)  # imports and caches, as a long-running process has them
    gc.disable()
    try:
        objects = _best(lambda: _objects(cs), args.repeat)
        runs: list[Any] = []
        init = _best(lambda: runs.append(ev._Run(cs, DEFAULT_POLICY)), args.repeat)
        compile_ = float("inf")
        for _ in range(args.repeat):
            runs.clear()
            run = ev._Run(cs, DEFAULT_POLICY)
            _evict()
            t = time.process_time()
            run.compile()
            compile_ = min(compile_, time.process_time() - t)
            del run
    finally:
        gc.enable()
    both = init + compile_
    print(f"{len(cs.claims):,} claims, {len(cs.rules):,} rules; best of {args.repeat}, caches swept first, CPU ms")
    print(f"  objects (each read once)   {objects * 1e3:8.1f}")
    print(f"  _Run.__init__              {init * 1e3:8.1f}")
    print(f"  _Run.compile               {compile_ * 1e3:8.1f}")
    print(f"  objects / (init + compile) {objects / both:8.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
