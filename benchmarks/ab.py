"""Same-run comparisons of this checkout against a git revision, shared by the A/B scripts
(``explain_ab.py``, ``load_ab.py``, ``ci_overhead.py``).

The revision's ``factcheck`` package is exported with ``git archive``; each round runs one
fresh process per checkout, alternating between them, so that both see the same drift of
a shared machine; the best of all rounds counts.  Each process prints one JSON object:
CPU seconds per step, and a ``digest`` of what it computed, which must be equal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The name this checkout's column has in the tables.
THIS = "this checkout"


def arguments(ap: argparse.ArgumentParser, repeat: str) -> None:
    """The options every A/B script takes (``repeat`` says what is repeated per process)."""
    ap.add_argument("--base", default="main", help="the git revision to compare with")
    ap.add_argument("--claims", type=int, default=100_000, help="size of the synthetic graph")
    ap.add_argument("--rate", type=float, default=0.01, help="share of rules falsified")
    ap.add_argument("--rounds", type=int, default=3, help="processes per checkout, alternating")
    ap.add_argument("--repeat", type=int, default=3, help=f"{repeat} per process; the best counts")


def export(rev: str, dest: Path) -> None:
    """The ``factcheck`` package as it is at ``rev``, under ``dest``."""
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "factcheck"], check=True,
                         capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as t:
        t.extractall(dest, filter="data")


def alternate(checkouts: dict[str, Path], child: str, args: Callable[[Path], list[str]],
              rounds: int) -> tuple[dict[str, dict[str, float]], dict[str, str]]:
    """Run ``child`` (Python source) in a fresh process per checkout and round, with the
    command-line ``args(path)``; the least time of each step per checkout, and each
    checkout's digest."""
    best: dict[str, dict[str, float]] = {}
    digests: dict[str, str] = {}
    for _ in range(rounds):
        for name, path in checkouts.items():
            out = subprocess.run([sys.executable, "-c", child, *args(path)],
                                 check=True, capture_output=True, text=True).stdout
            got = json.loads(out)
            digests[name] = got.pop("digest")
            mine = best.setdefault(name, {})
            for k, v in got.items():
                mine[k] = min(mine.get(k, v), v)
    return best, digests


def report(title: str, steps: Sequence[str], best: dict[str, dict[str, float]], digests: dict[str, str],
           base: str, *, width: int = 14, ratio_digits: int = 2) -> int:
    """Print the table (each checkout's best per step, and base / this checkout) and
    whether the digests agree; the exit code: 0 if they do, 1 if not."""
    print(title)
    print(f"{'':16s}" + "".join(f"{s:>{width}s}" for s in steps))
    for name in best:
        print(f"{name:16s}" + "".join(f"{best[name][s]:{width}.4f}" for s in steps))
    b, t = best[base], best[THIS]
    print(f"{'ratio':16s}" + "".join(f"{b[s] / t[s]:{width - 1}.{ratio_digits}f}x" for s in steps))
    same = digests[base] == digests[THIS]
    print("findings identical" if same else f"FINDINGS DIFFER: {digests}")
    return 0 if same else 1
