"""Extraction and end-to-end checking on generated articles (factcheck.strategies.articles).

For each language: the share of generated figures that extraction reads back with their
value, hedge and unit; the share of truthful articles that check clean; and, per kind of
planted error, the share of articles where a finding points at the planted figure.

    python benchmarks/generated_articles.py [--examples N] [--seed S]

With ``--seed`` the same articles are drawn on every run, so a before/after comparison
measures the change and not the draw.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

# Run from a checkout, the checkout's factcheck is the one measured (as benchmarks/run.py does).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import factcheck
from factcheck.strategies import Article, articles
from factcheck.units import canonical


def _same_unit(a: str, b: str) -> bool:
    ca, cb = canonical(a), canonical(b)
    return (ca.dims, ca.lo, ca.hi) == (cb.dims, cb.lo, cb.hi)


def _read_back(a: Article) -> tuple[int, int]:
    got = factcheck.extract(a.text, lang=a.lang)
    ok = 0
    for exp in a.expected:
        s, e = exp.span
        ok += any(c.source is not None and c.source.span is not None and c.source.span[0] < e
                  and s < c.source.span[1] and c.value == exp.claim.value and c.hedge is exp.claim.hedge
                  and _same_unit(c.unit, exp.claim.unit) for c in got)
    return ok, len(a.expected)


def _hits(a: Article, path: Path) -> tuple[bool, bool]:
    """(no inconsistency at all, a finding touches the planted figure)."""
    report = factcheck.check(path)
    bad = report.inconsistent()
    if a.planted is None:
        return not bad, False
    spans = [x.span for x in a.expected if x.claim.id == a.planted.claim]
    for f in bad:
        for cid in f.claims:
            src = report.claims[cid].source
            if src is not None and src.span is not None and any(
                    src.span[0] < e and s < src.span[1] for s, e in spans):
                return False, True
    return not bad, False


def _measure(lang: str, err: str | None, n: int, tmp: Path,
             tally: collections.Counter[tuple[str, str]], fixed: int | None = None) -> None:
    """Tally ``n`` generated articles of one language and planted error (None: truthful)."""

    @settings(max_examples=n, phases=[Phase.generate], deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(articles(lang=lang, errors=None if err is None else [err]))
    def run(a: Article) -> None:
        found, total = _read_back(a)
        tally[(lang, "figures")] += total
        tally[(lang, "figures read")] += found
        clean, hit = _hits(a, a.write(tmp))
        key = err or "truthful"
        tally[(lang, key)] += 1
        tally[(lang, key + " ok")] += clean if err is None else hit

    (run if fixed is None else seed(fixed)(run))()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=50)
    ap.add_argument("--seed", type=int, default=None, help="draw the same articles on every run")
    args = ap.parse_args()
    n = args.examples
    tmp = Path(tempfile.mkdtemp(prefix="factcheck-articles-"))
    tally: collections.Counter[tuple[str, str]] = collections.Counter()
    runs = [(lang, err) for lang in ("fa", "en") for err in (None, "wrong_total", "share_mismatch",
                                                               "misconverted_rate")]
    for lang, err in runs:
        _measure(lang, err, n, tmp, tally, args.seed)
    for lang in ("fa", "en"):
        print(f"{lang}: figures read back {tally[(lang, 'figures read')]}/{tally[(lang, 'figures')]}")
        print(f"{lang}: truthful articles clean {tally[(lang, 'truthful ok')]}/{tally[(lang, 'truthful')]}")
        for err in ("wrong_total", "share_mismatch", "misconverted_rate"):
            print(f"{lang}: planted {err} found {tally[(lang, err + ' ok')]}/{tally[(lang, err)]}")


if __name__ == "__main__":
    main()
