"""Loading and evaluating, before and after a change: this checkout against a git revision,
timed in the same run.

    python benchmarks/load_ab.py --base main --claims 100000 --rounds 5

The revision's ``factcheck`` package is exported (``git archive``) to a temporary
directory.  One synthetic graph (:mod:`synth`, ``--rate`` of rules falsified) is written
as JSON and as block-style YAML (as ``run.py`` writes them).  Each round runs, in a fresh
process per checkout and alternating between them (a shared machine drifts: both see
the same drift), after a warm-up on a small graph (imports, caches), the best of
``--repeat`` of each, in CPU seconds:

- ``load json`` and ``load yaml``: ``load_paths`` of the file;
- ``evaluate``: ``evaluate()`` of the loaded JSON graph (each evaluation after the first
  finds the claims as cold as the first: they fill about 125 MB of heap at 10^5);
- ``load+evaluate``: the JSON file loaded and evaluated once, in one span — what a
  ``factcheck check`` of the file spends in the engine.

What the previous step made is freed before the clock starts.  The best of all rounds is
printed per checkout, with the ratio base / this checkout; the findings of both are
compared and must be identical.  Nothing is asserted beyond that.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STEPS = ("load json", "load yaml", "evaluate", "load+evaluate")

#: Run in each checkout's process: times, and a digest of the findings.
_CHILD = r"""
import gc, hashlib, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from factcheck.evaluate import evaluate
from factcheck.files import load_paths
small, big_json, big_yaml, repeat = Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5])
evaluate(load_paths([small]))  # imports and caches, as a long-running process has them

def best(step):
    out, least = None, float("inf")
    for _ in range(repeat):
        out = None  # the previous result is freed outside the timed span
        gc.collect()
        t = time.process_time()
        out = step()
        least = min(least, time.process_time() - t)
    return least, out

times = {}
times["load yaml"], _ = best(lambda: load_paths([big_yaml]))
_ = None
times["load json"], cs = best(lambda: load_paths([big_json]))
times["evaluate"], res = best(lambda: evaluate(cs))
names = [f.name for f in __import__("dataclasses").fields(res.findings[0])] if res.findings else []
text = json.dumps([{n: getattr(f, n) for n in names} for f in res.findings], sort_keys=True, default=str)
res = cs = None
times["load+evaluate"], _ = best(lambda: evaluate(load_paths([big_json])))
print(json.dumps({**times, "digest": hashlib.sha256(text.encode()).hexdigest()[:16]}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sys.path.insert(0, str(HERE))
    from ab import THIS, alternate, arguments, export, report

    arguments(ap, "runs of each step")
    args = ap.parse_args(argv)
    import yaml
    from synth import generate

    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for name, n in (("small", 1000), ("big", args.claims)):
            data = generate(n, seed=n, rate=args.rate).data
            files[f"{name}.json"] = Path(tmp) / f"{name}.json"
            files[f"{name}.json"].write_text(json.dumps(data), encoding="utf-8")
            if name == "big":
                dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
                files["big.yaml"] = Path(tmp) / "big.yaml"
                files["big.yaml"].write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
        base = Path(tmp) / "base"
        export(args.base, base)
        checkouts = {args.base: base, THIS: ROOT}
        best, digests = alternate(checkouts, _CHILD, lambda path: [
            str(path), str(files["small.json"]), str(files["big.json"]), str(files["big.yaml"]), str(args.repeat)],
            args.rounds)
    return report(f"{args.claims:,} claims, {args.rate:.0%} falsified; "
                  f"best of {args.rounds} processes x {args.repeat} runs, CPU s",
                  STEPS, best, digests, args.base, width=15, ratio_digits=3)

if __name__ == "__main__":
    raise SystemExit(main())
