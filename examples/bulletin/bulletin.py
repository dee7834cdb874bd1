"""A small data pipeline: a monthly bulletin of emergency calls, rendered from counts.

It writes the bulletin twice: as text for readers, and as a factcheck claim file stating
every figure in the text and how the figures relate.  Its tests (test_bulletin.py) prove
with hypothesis that whatever the data, the bulletin adds up.

    python bulletin.py            # the March 2024 bulletin's claim file, to stdout
"""

from __future__ import annotations

import calendar
import datetime as dt
import sys
from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Month:
    """The data: calls taken per region in one month, and last month's total."""

    year: int
    month: int
    calls: dict[str, int]
    previous_total: int


@dataclass(frozen=True)
class Bulletin:
    text: str
    claims: dict[str, Any]  # a factcheck claim file: claims and rules

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.claims, allow_unicode=True, sort_keys=False)


def render(m: Month, *, change_against_new: bool = False) -> Bulletin:
    """The bulletin for month ``m``.

    ``change_against_new`` plants a classic bug: the change on last month is divided by
    this month's total instead of last month's.
    """
    total = sum(m.calls.values())
    days = calendar.monthrange(m.year, m.month)[1]
    first, last = dt.date(m.year, m.month, 1), dt.date(m.year, m.month, days)
    per_day = round(total / days)
    top = max(sorted(m.calls), key=m.calls.__getitem__)
    share = f"{100 * m.calls[top] / total:.1f}"
    base = total if change_against_new else m.previous_total
    change = f"{100 * abs(total - m.previous_total) / base:.1f}"
    direction = "increase" if total >= m.previous_total else "decrease"
    name = f"{calendar.month_name[m.month]} {m.year}"

    lines = [f"Emergency lines took {total:,} calls in {name}, about {per_day:,} a day."]
    lines += [f"  {region}: {n:,} calls" for region, n in sorted(m.calls.items())]
    lines.append(f"{top} alone took {share} percent of them.")
    lines.append(f"That is {'up' if direction == 'increase' else 'down'} {change} percent "
                 f"on last month's {m.previous_total:,}.")

    period = {"start": first.isoformat(), "end": last.isoformat(), "text": name}
    regions = {region: f"calls_{region.lower().replace(' ', '_')}" for region in m.calls}
    claims: list[dict[str, Any]] = [
        {"id": "total", "value": total, "unit": "call", "precision": 1, "period": period},
        {"id": "per_day", "value": per_day, "unit": "call / day", "hedge": "about", "precision": 1},
        {"id": "top_share", "value": share, "unit": "percent"},
        {"id": "previous_total", "value": m.previous_total, "unit": "call", "precision": 1},
        {"id": "change", "value": change, "unit": "percent"},
    ]
    claims += [{"id": cid, "value": m.calls[region], "unit": "call", "precision": 1}
               for region, cid in sorted(regions.items())]
    rules = [
        {"id": "regions_add_up", "kind": "sum", "whole": "total", "parts": sorted(regions.values())},
        {"id": "daily_average", "kind": "rate", "total": "total", "rate": "per_day"},
        {"id": "top_share_of_total", "kind": "percent_of", "share": "top_share", "part": regions[top],
         "whole": "total"},
        {"id": "change_on_last_month", "kind": "percent_change", "old": "previous_total", "new": "total",
         "change": "change", "direction": direction},
    ]
    doc = {"document": {"id": f"bulletin-{m.year}-{m.month:02d}", "lang": "en", "title": name},
           "claims": claims, "rules": rules}
    return Bulletin("\n".join(lines) + "\n", doc)


MARCH_2024 = Month(2024, 3, {"North": 12_204, "South": 9_871, "East": 7_412, "West": 11_062}, 38_517)

if __name__ == "__main__":
    sys.stdout.write(render(MARCH_2024).to_yaml())
