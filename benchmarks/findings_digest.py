"""A fingerprint of every finding on four synthetic graphs, to show a change keeps verdicts.

    python benchmarks/findings_digest.py            # one SHA-256 per graph
    python benchmarks/findings_digest.py --dump F   # also every finding's fields, as JSON

Run it before and after a change to the evaluator (for instance in a ``git worktree`` of
the older commit): equal digests mean byte-identical findings — statuses, codes,
messages, arithmetic, needed intervals, conflicts — on graphs with every share of planted
conflicts, from all rules falsified to 1%.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from synth import generate  # noqa: E402

from factcheck.evaluate import evaluate  # noqa: E402
from factcheck.files import load_text  # noqa: E402

#: (claims, seed, share of articles with a planted conflict)
GRAPHS = [(800, 1, 1.0), (3000, 2, 0.3), (20000, 3, 0.01), (5000, 4, 0.1)]


def findings(n: int, seed: int, rate: float) -> list[dict[str, Any]]:
    g = generate(n, seed=seed, rate=rate)
    cs = load_text(json.dumps(g.data), "graph.json")
    return [f.field_values() for f in evaluate(cs).findings]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, help="write every finding's fields here as JSON")
    args = ap.parse_args(argv)
    everything = []
    for n, seed, rate in GRAPHS:
        fs = findings(n, seed, rate)
        text = json.dumps(fs, sort_keys=True, default=str, ensure_ascii=False)
        print(f"{n:>6} claims  seed {seed}  rate {rate:<4}  {len(fs):>6} findings  "
              f"{hashlib.sha256(text.encode()).hexdigest()[:16]}")
        everything.append(fs)
    if args.dump:
        args.dump.write_text(json.dumps(everything, sort_keys=True, default=str, ensure_ascii=False, indent=0),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
