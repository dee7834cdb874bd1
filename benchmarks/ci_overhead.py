"""What CI-grade output costs on top of checking: suppressions, codes, baselines, each format.

Generates a synthetic rule graph (:mod:`synth`), writes it as a claim file with a
suppression on every tenth rule, and times, in one run: loading and evaluation (the
baseline), then suppressions + code selection, rendering every registered output format,
and writing and applying a baseline.  Prints each as seconds and as a ratio to the
evaluation.

    python benchmarks/ci_overhead.py [--claims 5000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from synth import generate

from factcheck import baseline, suppress
from factcheck.config import Config, apply_codes
from factcheck.pipeline import check_paths
from factcheck.reporters import Options, get, names


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--claims", type=int, default=5000)
    args = ap.parse_args()
    data = generate(args.claims, seed=1, rate=0.02).data
    for i, rule in enumerate(data["rules"]):
        if i % 10 == 0:
            rule["ignore"] = [{"code": "FC101", "reason": "benchmark"}]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "claims.yaml"
        f.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        t0 = time.perf_counter()
        report = check_paths([f])
        t_eval = time.perf_counter() - t0
        rows: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        suppress.apply(report)
        apply_codes(report, Config(disable=("FC002",)))
        rows.append(("suppressions + codes", time.perf_counter() - t0))
        for name in names():
            t0 = time.perf_counter()
            get(name)(report, Options())
            rows.append((f"format {name}", time.perf_counter() - t0))
        t0 = time.perf_counter()  # last: applying the baseline leaves nothing to render
        baseline.write(report, Path(tmp) / "b.json")
        baseline.apply(report, baseline.load(Path(tmp) / "b.json"))
        rows.append(("baseline write + apply", time.perf_counter() - t0))
    n_claims, n_rules = len(data["claims"]), len(data["rules"])
    print(f"{n_claims} claims, {n_rules} rules, {len(report.findings)} findings")
    print(f"{'step':<24} {'seconds':>8} {'÷ evaluation':>13}")
    print(f"{'load + evaluate':<24} {t_eval:>8.3f} {1:>13.3f}")
    for name, t in rows:
        print(f"{name:<24} {t:>8.3f} {t / t_eval:>13.3f}")


if __name__ == "__main__":
    main()
