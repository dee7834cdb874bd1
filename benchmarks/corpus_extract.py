"""Extraction over the development corpus: quote recall, values right, characters per second.

Usage: python benchmarks/corpus_extract.py [CORPUS_DIR] [--size MB] [--repeat N]

For each language it prints
  - quote recall: quotes whose every figure (benchmarks/corpus_values.yaml, annotated by hand)
    is covered by an extracted claim with the right value (and unit, where annotated);
  - figures found / values right: the same per figure, found = any claim overlaps the quote;
  - characters per CPU second of ``factcheck.extract`` on the corpus text repeated to SIZE MB,
    and of a baseline measured in the same run on the same text: a regular-expression
    digit scanner (what a naive extractor does), with the baseline's own quote recall.
The corpus default is ../shared/corpus beside the repository (as CI lays it out), else
/work/shared/corpus.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extract import extract  # noqa: E402
from factcheck.numbers import normalize_digits  # noqa: E402

_BASELINE = re.compile(r"[0-9۰-۹٠-٩](?:[0-9۰-۹٠-٩,٬.٫]*[0-9۰-۹٠-٩])?")


def baseline(text: str, lang: str | None = None) -> list[tuple[tuple[int, int], Decimal, str]]:
    """The naive extractor: every digit run is a number (no words, scales, hedges or units)."""
    out = []
    for m in _BASELINE.finditer(text):
        try:
            v = Decimal(normalize_digits(m.group()).replace(",", ""))
        except InvalidOperation:
            continue
        out.append(((m.start(), m.end()), v, "dimensionless"))
    return out


def ours(text: str, lang: str | None = None) -> list[tuple[tuple[int, int], Decimal, str]]:
    out = []
    for c in extract(text, lang):
        assert c.source is not None and c.source.span is not None and c.value is not None
        out.append((c.source.span, c.value, c.unit))
        if c.value_max is not None:
            out.append((c.source.span, c.value_max, c.unit))
    return out


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _matches(fig: str, value: Decimal, unit: str) -> bool:
    want, _, want_unit = fig.partition(" ")
    if value != Decimal(want):
        return False
    return not want_unit or unit == want_unit or unit.startswith(want_unit + " /")


def score(docs: list[dict[str, Any]], values: dict[str, dict[str, list[str]]],
          fn: Callable[[str, str | None], list[tuple[tuple[int, int], Decimal, str]]]) -> dict[str, int]:
    s = {"quotes": 0, "quotes_right": 0, "figures": 0, "found": 0, "right": 0}
    for d in docs:
        found = fn(d["text"], d["lang"])
        for quote, figs in values[d["id"]].items():
            if not figs:
                continue
            s["quotes"] += 1
            best_found, best_right = 0, 0
            for qs, qe in _occurrences(d["text"], quote):
                near = [(v, u) for (a, b), v, u in found if a < qe and b > qs]
                n_found = sum(1 for _ in figs) if near else 0
                n_right = sum(1 for f in figs if any(_matches(f, v, u) for v, u in near))
                best_found, best_right = max(best_found, n_found), max(best_right, n_right)
            s["figures"] += len(figs)
            s["found"] += best_found
            s["right"] += best_right
            s["quotes_right"] += best_right == len(figs)
    return s


def throughput(fn: Callable[[str, str | None], object], text: str, lang: str, repeat: int) -> float:
    # CPU time of this process, not wall time: the machine may be shared, and the goal is
    # characters per second on one core.
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn(text, lang)
        best = min(best, time.process_time() - t)
    return len(text) / best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--size", type=float, default=1.0, help="MB of text per language for the speed run")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    corpus = args.corpus
    if corpus is None:
        corpus = next((p for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()),
                      None)
    if corpus is None or not corpus.is_dir():
        print("corpus folder not found; pass it as the first argument", file=sys.stderr)
        return 2
    values = yaml.safe_load((ROOT / "benchmarks" / "corpus_values.yaml").read_text("utf-8"))
    docs = [yaml.safe_load(p.read_text("utf-8")) for p in sorted(corpus.glob("*.yaml"))]
    missing = [d["id"] for d in docs if d["id"] not in values]
    if missing:
        print(f"no annotation for {', '.join(missing)} in benchmarks/corpus_values.yaml", file=sys.stderr)
        return 2
    print(f"corpus: {corpus} ({len(docs)} passages)")
    for lang in ("fa", "en"):
        group = [d for d in docs if d["lang"] == lang]
        s, b = score(group, values, ours), score(group, values, baseline)
        body = "\n".join(d["text"] for d in group)
        body = body * max(1, int(args.size * 1_000_000 / len(body)))
        ours_cps = throughput(ours, body, lang, args.repeat)
        base_cps = throughput(baseline, body, lang, args.repeat)
        q = s["quotes"]
        print(f"\n[{lang}] {len(group)} passages, {q} quotes with figures, {s['figures']} figures")
        print(f"  quote recall (all figures right): {s['quotes_right'] / q:.3f}  ({s['quotes_right']}/{q})"
              f"   baseline {b['quotes_right'] / q:.3f}")
        print(f"  figures found: {s['found'] / s['figures']:.3f}   values right: {s['right'] / s['figures']:.3f}"
              f"   baseline values right {b['right'] / b['figures']:.3f}")
        bpc = len(body.encode("utf-8")) / len(body)  # UTF-8 bytes per character
        print(f"  speed on {len(body) / 1e6:.2f} M characters: {ours_cps / 1e6:.2f} M chars/s"
              f" ({ours_cps * bpc / 1e6:.2f} MB/s of UTF-8)   baseline {base_cps / 1e6:.2f} M chars/s"
              f"   ratio {ours_cps / base_cps:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
