"""Every propagation of one evaluation, replayed with the generic loop and the current one.

    python benchmarks/propagate_replay.py --claims 100000

A synthetic rule graph (:mod:`synth`) is evaluated once while every call of
``propagate`` (the local checks, deletion, explanations, chains: the "float" and "exact"
phases of ``eval_phases.py``) is recorded.  The calls are then replayed in order, with
fresh caches each time, by the frozen copy of the generic loop that
``tests/test_propagate_reference.py`` compares results with, and by
:func:`factcheck.propagate.propagate`; the best of ``--repeat`` CPU times of each is
printed, with their ratio, in the same process.  The replay counts only propagation: calls
that ``conflicts`` answers without propagating are not in the recording.  No timing is
asserted; ``--check`` first compares every result of the two (failing constraint, emptied
variable, every bound and its type) and exits 1 on a difference.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import propagate_reference as reference  # noqa: E402
from synth import generate  # noqa: E402

import factcheck.conflicts as conflicts  # noqa: E402
import factcheck.evaluate as evaluate  # noqa: E402
import factcheck.propagate as prop  # noqa: E402
from factcheck.files import load_text  # noqa: E402

Call = tuple[prop.Problem, bool, list[int] | None, dict[int, Any] | None, int | None]


def record(claims: int) -> list[Call]:
    cs = load_text(json.dumps(generate(claims, seed=claims).data), "graph.json")
    calls: list[Call] = []
    real = prop.propagate

    def recording(problem: prop.Problem, **kw: Any) -> prop.Result:
        only, domains = kw.get("only"), kw.get("domains")
        calls.append((problem, kw.get("exact", False), None if only is None else list(only),
                      None if domains is None else dict(domains), kw.get("max_steps")))
        return real(problem, **kw)

    # Explanations also ask propagation only whether it fails, or for one claim's bounds:
    # the same runs, recorded as the propagations they are.
    real_fails, real_alone = conflicts.fails, conflicts.bounds_alone

    def fails(problem: prop.Problem, only: list[int], domains: dict[int, Any] | None = None,
              exact: bool = False) -> bool:
        calls.append((problem, exact, list(only), None if domains is None else dict(domains), None))
        return real_fails(problem, only, domains, exact)

    def bounds_alone(problem: prop.Problem, only: list[int], v: int, domain: tuple[Any, Any]) -> Any:
        calls.append((problem, True, list(only), {v: domain}, None))
        return real_alone(problem, only, v, domain)

    for mod in (evaluate, conflicts):
        mod.propagate = recording  # type: ignore[attr-defined]
    conflicts.fails, conflicts.bounds_alone = fails, bounds_alone  # type: ignore[assignment]
    try:
        evaluate.evaluate(cs)
    finally:
        for mod in (evaluate, conflicts):
            mod.propagate = real  # type: ignore[attr-defined]
        conflicts.fails, conflicts.bounds_alone = real_fails, real_alone  # type: ignore[assignment]
    return calls


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--repeat", type=int, default=5, help="replays of each; the best is printed")
    ap.add_argument("--check", action="store_true", help="first compare every result of the two loops")
    args = ap.parse_args(argv)
    calls = record(args.claims)
    if args.check:
        for problem, exact, only, domains, steps in calls:
            want = reference._propagate(problem, exact, only, domains, steps)
            got = prop._propagate(problem, exact, only, domains, steps)
            same = (got.failed is want.failed and got.empty_var == want.empty_var
                    and all(list(g) == list(w) and all(type(g[v]) is type(w[v]) and g[v] == w[v] for v in w)
                            for g, w in ((got.lo, want.lo), (got.hi, want.hi))))
            if not same:
                print(f"different results: exact={exact} only={only} domains={domains}")
                return 1
        print(f"{len(calls):,} propagations: the same results from both loops")
    # The problems keep their variables and constraints; only caches are reset, so the
    # constraints are copied out and put back after each reset.
    saved = [(p, p.lo[:], p.hi[:], p.flo[:], p.fhi[:], p.constraints[:])
             for p in {id(c[0]): c[0] for c in calls}.values()]

    def reset() -> None:
        for p, lo, hi, flo, fhi, cons in saved:
            p.__init__()  # type: ignore[misc]
            p.lo, p.hi, p.flo, p.fhi, p.constraints = lo[:], hi[:], flo[:], fhi[:], cons[:]

    def generic() -> None:
        for problem, exact, only, domains, steps in calls:
            reference._propagate(problem, exact, only, domains, steps)

    def current() -> None:
        for problem, exact, only, domains, steps in calls:
            prop.propagate(problem, exact=exact, only=only, domains=domains, max_steps=steps)

    best = {"generic": float("inf"), "current": float("inf")}
    gc.disable()
    for _ in range(args.repeat):
        for name, fn in (("generic", generic), ("current", current)):
            reset()
            t = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - t)
    gc.enable()
    n_exact = sum(1 for c in calls if c[1])
    print(f"{len(calls):,} propagations ({n_exact:,} exact) of one evaluation, {args.claims:,} claims")
    print(f"generic loop {best['generic']:.3f} CPU s, current {best['current']:.3f} CPU s "
          f"(best of {args.repeat}): x{best['generic'] / best['current']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
