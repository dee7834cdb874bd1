"""Check every passage of the annotated corpus as a raw article and score the findings.

    python benchmarks/corpus_check.py [CORPUS_DIR] [--json] [--require]

Each corpus file holds a passage (``text``), its language and its annotated relations
(``quotes``: exact substrings naming the figures; ``verdict``: consistent, inconsistent or
ambiguous).  The passage goes through the same path as ``factcheck check article.txt``
(extraction, rule inference, evaluation).  A finding is *about* the relation whose quotes
most of its claims lie on (at least two, or one for a single figure; an inconsistent or
ambiguous relation wins a tie, since a wrong figure breaks every relation it is in).

Printed per language:

* **recall**: relations annotated inconsistent that some error finding is about;
* **false alarms**: error findings (inconsistent, not merely ``possible``) about no
  relation annotated inconsistent or ambiguous, also per 20 passages;
* **consistent flagged**: relations annotated consistent that an error finding is about;
* **possible**: warnings (low-confidence relations) that match nothing inconsistent;
* **time per article**, for the whole check and — as the baseline measured in the same
  run — for extraction alone.

``--require`` exits 1 unless recall >= 0.9 and false alarms <= 1 per 20 passages in every
language.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.articles import claimset_from_article  # noqa: E402
from factcheck.evaluate import evaluate  # noqa: E402
from factcheck.extract import extract  # noqa: E402
from factcheck.findings import Finding, Severity, Status  # noqa: E402

#: The shared corpus sits next to the checkout (../shared) or next to its worktree folder.
DEFAULT_CORPUS = next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parent.parent / "shared" / "corpus")
                       if p.is_dir()), ROOT.parent / "shared" / "corpus")
RECALL_TARGET = 0.9
ALARMS_PER_20 = 1.0


@dataclass
class Score:
    passages: int = 0
    inconsistent: int = 0
    found: int = 0
    alarms: int = 0
    consistent: int = 0
    consistent_flagged: int = 0
    possible_unmatched: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    alarm_notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        n = max(self.passages, 1)
        return {
            "passages": self.passages,
            "recall": round(self.found / self.inconsistent, 3) if self.inconsistent else None,
            "inconsistent_relations": self.inconsistent,
            "false_alarms": self.alarms,
            "false_alarms_per_20": round(20 * self.alarms / n, 2),
            "consistent_relations": self.consistent,
            "consistent_flagged": self.consistent_flagged,
            "possible_unmatched": self.possible_unmatched,
            "ms_per_article": round(1000 * self.seconds / n, 1),
            "extract_ms_per_article": round(1000 * self.extract_seconds / n, 1),
            "missed": self.missed,
            "alarms": self.alarm_notes,
        }


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _coverage(f: Finding, claim_spans: dict[str, tuple[int, int]], quotes: list[list[tuple[int, int]]]) -> int:
    """How many of a relation's quotes the finding's claims lie on; 0 unless enough to match.

    A finding matches when at least two of its claims (one, for a finding with a single
    claim or a relation with a single figure) lie on distinct quotes.
    """
    covered: set[int] = set()
    for cid in f.claims:
        span = claim_spans.get(cid)
        if span is None:
            continue
        for qi, occ in enumerate(quotes):
            if qi not in covered and any(s < span[1] and span[0] < e for s, e in occ):
                covered.add(qi)
                break
    numeric = sum(1 for occ in quotes if occ)
    need = min(2, len([c for c in f.claims if c in claim_spans]), numeric)
    return len(covered) if need > 0 and len(covered) >= need else 0


def _attribute(f: Finding, spans: dict[str, tuple[int, int]], rels: list[tuple[dict[str, Any], Any]]) -> int | None:
    """The relation a finding is about: most quotes covered; an inconsistent one wins a tie."""
    best: tuple[int, int, int] | None = None
    for i, (r, quotes) in enumerate(rels):
        cov = _coverage(f, spans, quotes)
        if cov:
            key = (cov, r["verdict"] != "consistent", -i)
            if best is None or key > best:
                best = key
    return None if best is None else -best[2]


def score(corpus: Path) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    paths = sorted(corpus.glob("*.yaml"))
    if paths:  # warm up (the unit registry, lazy imports) so that times are per article, not per process
        first = yaml.safe_load(paths[0].read_text("utf-8"))
        evaluate(claimset_from_article(first["text"], "warmup.txt", first["lang"]))
    for path in paths:
        data = yaml.safe_load(path.read_text("utf-8"))
        text, lang, rid = data["text"], data["lang"], data["id"]
        sc = scores.setdefault(lang, Score())
        sc.passages += 1
        t0 = time.perf_counter()
        extract(text, lang=lang)
        sc.extract_seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        cs = claimset_from_article(text, f"{rid}.txt", lang)
        ev = evaluate(cs)
        sc.seconds += time.perf_counter() - t0
        spans = {cid: c.source.span for cid, c in cs.claims.items() if c.source and c.source.span}
        rels = [(r, [_spans(text, q) for q in r["quotes"]]) for r in data.get("relations", [])]
        bad = [f for f in ev.findings if f.status is Status.inconsistent and not f.suppressed]
        errors = [f for f in bad if f.severity is Severity.error]
        owner = {f.id: _attribute(f, spans, rels) for f in bad}
        for i, (r, _quotes) in enumerate(rels):
            hit = any(owner[f.id] == i for f in errors)
            if r["verdict"] == "inconsistent":
                sc.inconsistent += 1
                sc.found += hit
                if not hit:
                    sc.missed.append(f"{rid}: {r['kind']} {r['quotes']}")
            elif r["verdict"] == "consistent":
                sc.consistent += 1
                sc.consistent_flagged += hit
        for f in bad:
            i = owner[f.id]
            if i is not None and rels[i][0]["verdict"] != "consistent":
                continue
            if f.severity is Severity.error:
                sc.alarms += 1
                sc.alarm_notes.append(f"{rid}: {f.code} {f.message[:120]}")
            else:
                sc.possible_unmatched += 1
    return scores


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--require", action="store_true", help="exit 1 unless the targets are met")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus_check: no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    scores = score(args.corpus)
    out = {lang: s.as_dict() for lang, s in sorted(scores.items())}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for lang, d in out.items():
            print(f"{lang}: {d['passages']} passages | recall {d['recall']} "
                  f"({scores[lang].found}/{d['inconsistent_relations']}) | false alarms {d['false_alarms']} "
                  f"({d['false_alarms_per_20']} per 20 passages) | consistent flagged "
                  f"{d['consistent_flagged']}/{d['consistent_relations']} | possible, unmatched "
                  f"{d['possible_unmatched']} | {d['ms_per_article']} ms per article "
                  f"(extraction alone {d['extract_ms_per_article']} ms)")
            for m in d["missed"]:
                print(f"    missed: {m}")
            for a in d["alarms"]:
                print(f"    false alarm: {a}")
    ok = all((d["recall"] is None or d["recall"] >= RECALL_TARGET) and d["false_alarms_per_20"] <= ALARMS_PER_20
             for d in out.values())
    return 0 if ok or not args.require else 1


if __name__ == "__main__":
    sys.exit(main())
