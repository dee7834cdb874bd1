"""Synthetic rule graphs shaped like newsroom articles, with planted inconsistencies.

Each *article* is one connected component of about 25 claims and 14 rules, built from true
values and then written the way a report would write them:

- two *stories*, each with a total and 2-5 parts (``sum``), a daily rate and its total over
  six calendar months (``rate``), the share of the first part in the total
  (``percent_of``), last year's total and the percentage change (``percent_change``), and
  the total repeated in the headline as "about" (``repeat``);
- a grand total of the two stories (a *chain*: a sum of sums), which the headline figure
  of the first story is part of (``part_of``, closing a *loop* through a shared figure);
- a second account of the first story's total, "about" the same, broken into two further
  parts (``sum`` plus ``repeat``: another loop).

Every figure is written from the true values, so an untouched article is consistent.  In
``round(rate * articles)`` articles one figure is then falsified; some falsifications
break one rule on its own, others (the "chain" plant) only the combination of several.
The generator is deterministic for a given seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CLAIMS_PER_ARTICLE", "Graph", "generate"]

#: Average claims per article (parts vary from 2 to 5 per story).
CLAIMS_PER_ARTICLE = 25
PLANTS = ("sum", "rate", "share", "change", "repeat", "chain")


@dataclass
class Graph:
    """A claim file's data plus what was planted where."""

    data: dict[str, Any]
    planted: dict[str, str] = field(default_factory=dict)  # article prefix -> plant kind

    @property
    def n_claims(self) -> int:
        return len(self.data["claims"])

    @property
    def n_rules(self) -> int:
        return len(self.data["rules"])


def _dec(x: float, places: int) -> str:
    """A decimal string with ``places`` digits after the point (the figure as written)."""
    return f"{x:.{places}f}"


def _story(rng: random.Random, p: str, claims: list[dict[str, Any]], rules: list[dict[str, Any]],
           plant: str | None) -> int:
    """Add one story's claims and rules; return its true total."""
    k = rng.randint(2, 5)
    parts = [rng.randint(100, 90_000) for _ in range(k)]
    total = sum(parts)
    for i, v in enumerate(parts):
        claims.append({"id": f"{p}p{i}", "value": v, "unit": "person", "precision": 1})
    written_total = round(total * 1.3) if plant == "sum" else total
    claims.append({"id": f"{p}t", "value": written_total, "unit": "person", "precision": 1})
    rules.append({"id": f"{p}sum", "kind": "sum", "whole": f"{p}t",
                  "parts": [f"{p}p{i}" for i in range(k)]})
    # A rate per day and its total over six months (181 to 186 days in any calendar).
    rate = rng.randint(20, 5000)
    days = 182
    rtotal = rate * days if plant != "rate" else rate * days * 2
    claims.append({"id": f"{p}r", "value": rate, "unit": "case / day", "precision": 1})
    claims.append({"id": f"{p}rt", "value": rtotal, "unit": "case", "precision": 1,
                   "period": {"duration": "6 month"}})
    rules.append({"id": f"{p}rate", "kind": "rate", "total": f"{p}rt", "rate": f"{p}r"})
    # The first part's share of the total, written to one decimal place.
    share = 100 * parts[0] / total
    if plant == "share":
        share = min(share * 1.5 + 5, 99.9)
    claims.append({"id": f"{p}s", "value": _dec(share, 1), "unit": "percent"})
    rules.append({"id": f"{p}share", "kind": "percent_of", "share": f"{p}s", "part": f"{p}p0",
                  "whole": f"{p}t"})
    # Last year's total and the change to this year's, in percent to one decimal place.
    old = rng.randint(max(1, total // 2), total * 2)
    change = 100 * (total - old) / old
    direction = "increase" if change >= 0 else "decrease"
    if plant == "change":
        change = change + 25 if change >= 0 else change - 25
    claims.append({"id": f"{p}o", "value": old, "unit": "person", "precision": 1})
    claims.append({"id": f"{p}c", "value": _dec(abs(change), 1), "unit": "percent"})
    rules.append({"id": f"{p}change", "kind": "percent_change", "old": f"{p}o", "new": f"{p}t",
                  "change": f"{p}c", "direction": direction})
    # The headline restates the total as "about" (10 percent either way).
    head = total * 2 if plant == "repeat" else total
    claims.append({"id": f"{p}h", "value": head, "unit": "person", "hedge": "about", "precision": 1})
    rules.append({"id": f"{p}repeat", "kind": "repeat", "claims": [f"{p}t", f"{p}h"]})
    return total


def _article(rng: random.Random, a: int, claims: list[dict[str, Any]], rules: list[dict[str, Any]],
             plant: str | None) -> None:
    p = f"a{a}."
    story_plant = plant if plant in ("sum", "rate", "share", "change", "repeat") else None
    first = rng.randrange(2)
    t1 = _story(rng, f"{p}x", claims, rules, story_plant if first == 0 else None)
    t2 = _story(rng, f"{p}y", claims, rules, story_plant if first == 1 else None)
    # Chain: the grand total is a sum of the two stories' totals.
    claims.append({"id": f"{p}g", "value": t1 + t2, "unit": "person", "precision": 1})
    rules.append({"id": f"{p}grand", "kind": "sum", "whole": f"{p}g", "parts": [f"{p}xt", f"{p}yt"]})
    # Loop: the first story's headline figure is part of the grand total.
    rules.append({"id": f"{p}headpart", "kind": "part_of", "part": f"{p}xh", "whole": f"{p}g"})
    # Loop: a second account of the first total, "about" the same, in two parts.  The chain
    # plant inflates both parts by 15%: each rule alone still holds, but the exact parts
    # of the first story pin its total down, and the two accounts cannot then agree.
    scale = 1.15 if plant == "chain" else 1.0
    d = rng.randint(1, max(1, t1 - 1))
    dv, ev = round(d * scale), round((t1 - d) * scale)
    claims.append({"id": f"{p}zd", "value": dv, "unit": "person", "precision": 1})
    claims.append({"id": f"{p}ze", "value": ev, "unit": "person", "precision": 1})
    # Written between the two accounts, "about" covers both the first total and the parts.
    zv = round(t1 * 1.07) if plant == "chain" else dv + ev
    claims.append({"id": f"{p}z", "value": zv, "unit": "person", "hedge": "about", "precision": 1})
    rules.append({"id": f"{p}zsum", "kind": "sum", "whole": f"{p}z", "parts": [f"{p}zd", f"{p}ze"]})
    rules.append({"id": f"{p}zsame", "kind": "repeat", "claims": [f"{p}xt", f"{p}z"]})


def generate(n_claims: int, *, seed: int = 0, rate: float = 0.01) -> Graph:
    """A rule graph of about ``n_claims`` claims with ``rate`` of its rules falsified.

    The number of planted articles is ``round(rate * rules)``, at least one, at most one
    per article.
    """
    rng = random.Random(seed)
    n_articles = max(1, round(n_claims / CLAIMS_PER_ARTICLE))
    n_planted = min(n_articles, max(1, round(rate * n_articles * 14)))
    planted_at = set(rng.sample(range(n_articles), n_planted))
    claims: list[dict[str, Any]] = []
    rules: list[dict[str, Any]] = []
    planted: dict[str, str] = {}
    for a in range(n_articles):
        plant = rng.choice(PLANTS) if a in planted_at else None
        if plant:
            planted[f"a{a}."] = plant
        _article(rng, a, claims, rules, plant)
    return Graph({"claims": claims, "rules": rules}, planted)
