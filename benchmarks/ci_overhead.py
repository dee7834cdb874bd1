"""What CI-grade output costs on top of checking: suppressions, codes, baselines, each format.

Generates a synthetic rule graph (:mod:`synth`), writes it as a claim file with a
suppression on every tenth rule, and times, in one process: loading and evaluation (the
baseline), then suppressions + code selection, rendering every registered output format,
and writing and applying a baseline.  Prints each in CPU seconds and as a ratio to the
evaluation.

    python benchmarks/ci_overhead.py [--claims 5000]
    python benchmarks/ci_overhead.py --claims 100000 --base 823b81b --rounds 3

With ``--base REV`` the revision's ``factcheck`` package is exported (``git archive``) and
both checkouts are measured in fresh processes, alternating (a shared machine drifts: both
see the same drift); the best of all rounds counts, the ratio base / this checkout is
printed per step, and every rendered output of both must be identical.  Nothing is asserted
beyond that.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _graph(claims: int, path: Path) -> None:
    """The claim file: a synthetic graph (2% falsified) with FC101 ignored on every tenth rule."""
    import yaml

    sys.path.insert(0, str(HERE))
    from synth import generate

    data = generate(claims, seed=1, rate=0.02).data
    for i, rule in enumerate(data["rules"]):
        if i % 10 == 0:
            rule["ignore"] = [{"code": "FC101", "reason": "benchmark"}]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def measure(path: Path, package: Path) -> dict[str, Any]:
    """CPU seconds of each step on the claim file, with the ``factcheck`` under ``package``,
    and a digest of each step's output."""
    sys.path.insert(0, str(package))
    from factcheck import baseline, suppress
    from factcheck.config import Config, apply_codes
    from factcheck.pipeline import check_paths
    from factcheck.reporters import Options, get, names

    seconds: dict[str, float] = {}
    digests: dict[str, str] = {}
    t = time.process_time()
    report = check_paths([path])
    seconds["load + evaluate"] = time.process_time() - t
    t = time.process_time()
    unused = suppress.apply(report)
    apply_codes(report, Config(disable=("FC002",)))
    seconds["suppressions + codes"] = time.process_time() - t
    digests["suppressions + codes"] = str(len(unused))
    for name in names():
        t = time.process_time()
        out = get(name)(report, Options())
        seconds[f"format {name}"] = time.process_time() - t
        digests[f"format {name}"] = hashlib.sha256(out.encode()).hexdigest()[:16]
    t = time.process_time()  # last: applying the baseline leaves nothing to render
    written = baseline.write(report, path.with_suffix(".baseline.json"))
    accepted = baseline.apply(report, baseline.load(path.with_suffix(".baseline.json")))
    seconds["baseline write + apply"] = time.process_time() - t
    digests["baseline write + apply"] = f"{written}/{accepted}"
    return {"seconds": seconds, "digests": digests, "findings": len(report.findings),
            "claims": len(report.claims), "rules": len(report.evaluation.claims.rules)}


def _child(path: Path, package: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", str(path), "--package", str(package)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=5000)
    ap.add_argument("--base", help="a git revision to compare with, in the same run")
    ap.add_argument("--rounds", type=int, default=3, help="processes per checkout with --base, alternating")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--package", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.package)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "claims.yaml"
        _graph(args.claims, graph)
        if not args.base:
            got = _child(graph, ROOT)
            _print(got, {"this checkout": got["seconds"]})
            return 0
        from ab import export

        base = Path(tmp) / "base"
        export(args.base, base)
        checkouts = {args.base: base, "this checkout": ROOT}
        best: dict[str, dict[str, float]] = {}
        digests: dict[str, dict[str, str]] = {}
        for _ in range(args.rounds):
            for name, package in checkouts.items():
                got = _child(graph, package)
                digests[name] = got["digests"]
                mine = best.setdefault(name, {})
                for k, v in got["seconds"].items():
                    mine[k] = min(mine.get(k, v), v)
    _print(got, best, args.base)
    differ = [k for k in digests[args.base] if digests[args.base][k] != digests["this checkout"].get(k)]
    print("outputs identical" if not differ else f"OUTPUTS DIFFER: {', '.join(differ)}")
    return 1 if differ else 0


def _print(got: dict[str, Any], best: dict[str, dict[str, float]], base: str | None = None) -> None:
    print(f"{got['claims']} claims, {got['rules']} rules, {got['findings']} findings; CPU seconds"
          + (", best of each checkout's rounds" if base else ""))
    names = list(best)
    print(f"{'step':<24}" + "".join(f"{n[:16]:>17}" for n in names)
          + (f"{'ratio':>8}" if base else f"{'÷ evaluation':>14}"))
    for step in next(iter(best.values())):
        row = f"{step:<24}" + "".join(f"{best[n][step]:>17.3f}" for n in names)
        if base:
            row += f"{best[base][step] / best['this checkout'][step]:>7.2f}x"
        else:
            row += f"{best['this checkout'][step] / best['this checkout']['load + evaluate']:>14.3f}"
        print(row)


if __name__ == "__main__":
    sys.exit(main())
