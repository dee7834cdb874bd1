"""Explaining conflicts, before and after a change: this checkout against a git revision,
timed in the same run.

    python benchmarks/explain_ab.py --base main --claims 100000 --rounds 5
    python benchmarks/explain_ab.py --base main --steps __init__,compile   # other steps

The revision's ``factcheck`` package is exported (``git archive``) to a temporary
directory.  Each round times, in a fresh process per checkout and alternating between
them (a shared machine drifts: both see the same drift), the best of ``--repeat``
evaluations of one synthetic graph (:mod:`synth`, ``--rate`` of rules falsified, 1%
by default) in CPU seconds:
the whole ``evaluate()``, and within it the two steps that explain conflicts,
``_Run.check_alone`` (rules that fail on their own: confirmed exactly, smallest
conflicting claims, what each claim would have to be, messages) and ``_Run.find_chains``
(conflicts through several rules); ``--steps`` names other methods of ``_Run`` to time
(``__init__``: claims as columns; ``compile``: every rule compiled).  The best of all
rounds is printed per checkout, with
the ratio base / this checkout; the findings of both are compared and must be identical.
Nothing is asserted beyond that.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: Run in each checkout's process: times, and a digest of the findings.
_CHILD = r"""
import dataclasses, hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import factcheck.evaluate as ev
from factcheck.files import load_paths
from pathlib import Path
cs = load_paths([Path(sys.argv[2])])
repeat = int(sys.argv[3])
spent = {name: [] for name in sys.argv[4].split(",")}
for name, times in spent.items():
    def timed(*a, _f=getattr(ev._Run, name), _t=times, **k):
        t = time.process_time()
        try:
            return _f(*a, **k)
        finally:
            _t.append(time.process_time() - t)
    setattr(ev._Run, name, timed)
res = ev.evaluate(cs)  # warm caches and imports, as a long-running process has them
# (every field by name: a revision from before Finding.field_values reads them the same way)
names = [f.name for f in dataclasses.fields(res.findings[0])] if res.findings else []
text = json.dumps([{n: getattr(f, n) for n in names} for f in res.findings], sort_keys=True, default=str)
for times in spent.values():
    times.clear()
total = []
for _ in range(repeat):
    t = time.process_time()
    ev.evaluate(cs)
    total.append(time.process_time() - t)
print(json.dumps({"evaluate": min(total), **{k: min(v) for k, v in spent.items()},
                  "digest": hashlib.sha256(text.encode()).hexdigest()[:16]}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sys.path.insert(0, str(HERE))
    from ab import THIS, alternate, arguments, export, report

    arguments(ap, "evaluations")
    ap.add_argument("--steps", default="check_alone,find_chains", help="methods of _Run to time, by commas")
    args = ap.parse_args(argv)
    from synth import generate

    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "graph.json"
        graph.write_text(json.dumps(generate(args.claims, seed=args.claims, rate=args.rate).data), encoding="utf-8")
        base = Path(tmp) / "base"
        export(args.base, base)
        checkouts = {args.base: base, THIS: ROOT}
        best, digests = alternate(checkouts, _CHILD, lambda path: [str(path), str(graph), str(args.repeat),
                                                                   args.steps], args.rounds)
    return report(f"{args.claims:,} claims, {args.rate:.0%} falsified; "
                  f"best of {args.rounds} processes x {args.repeat} evaluations, CPU s",
                  ("evaluate", *args.steps.split(",")), best, digests, args.base)

if __name__ == "__main__":
    raise SystemExit(main())
