"""Laws of the arithmetic, as properties (hypothesis).

- soundness: figures written truthfully (rounded as written, hedged honestly) about a true
  world never yield an inconsistency; propagation never empties a domain that contains a
  solution, whatever float rounding does;
- sensitivity: moving one figure beyond its tolerance always yields an inconsistency;
- invariance: restating a claim in another unit or digit script changes no verdict;
- order independence: shuffling claims and rules changes no verdict.

The richer generators of factcheck.strategies are exercised in test_laws_strategies.py.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evaluate import evaluate
from factcheck.files import _check_references, load_text
from factcheck.propagate import Linear, Mul, Problem, propagate

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def _verdicts(doc: dict[str, Any]) -> dict[str, str]:
    cs = load_text(yaml.safe_dump(doc, allow_unicode=True), "law.yaml")
    _check_references(cs)
    return {f.rule or ",".join(f.rules): f.status.value for f in evaluate(cs).findings}


def _written(x: int, draw: Any) -> dict[str, Any]:
    """How a reporter might write the true count ``x``: exactly, rounded, or hedged."""
    style = draw(st.sampled_from(["exact", "rounded", "about", "more_than", "nearly", "thousands"]))
    if style == "exact" or x < 10:
        return {"value": x}
    digits = len(str(x))
    keep = draw(st.integers(min_value=1, max_value=max(1, digits - 1)))
    p = 10 ** (digits - keep)
    if style == "rounded":
        return {"value": (x + p // 2) // p * p}
    if style == "about":
        return {"value": (x + p // 2) // p * p, "hedge": "about"}
    if style == "more_than":
        return {"value": x // p * p, "hedge": "more_than"}
    if style == "nearly":
        v = -(-x // p) * p
        return {"value": v, "hedge": "nearly"} if x >= v * 0.9 else {"value": x}
    if x >= 1000:  # "680 thousand"
        v = (x + 500) // 1000 * 1000
        return {"value": v, "scale": 1000}
    return {"value": x}


@st.composite
def sum_worlds(draw: Any) -> dict[str, Any]:
    parts = draw(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=5))
    unit = draw(st.sampled_from(["person", "vehicle", "call", "dose"]))
    claims = [{"id": f"p{i}", "unit": unit, **_written(x, draw)} for i, x in enumerate(parts)]
    claims.append({"id": "total", "unit": unit, **_written(sum(parts), draw)})
    rules = [{"id": "r", "kind": "sum", "whole": "total", "parts": [f"p{i}" for i in range(len(parts))]}]
    return {"claims": claims, "rules": rules}


@st.composite
def rate_worlds(draw: Any) -> dict[str, Any]:
    per_hour = draw(st.integers(min_value=1, max_value=10**5))
    hours = draw(st.sampled_from([24, 24 * 7]))
    unit_total = "call / day" if hours == 24 else "call / week"
    return {
        "claims": [
            {"id": "h", "unit": "call / hour", **_written(per_hour, draw)},
            {"id": "t", "unit": unit_total, **_written(per_hour * hours, draw)},
        ],
        "rules": [{"id": "r", "kind": "rate", "total": "t", "rate": "h"}],
    }


@st.composite
def share_worlds(draw: Any) -> dict[str, Any]:
    whole = draw(st.integers(min_value=1, max_value=10**7))
    part = draw(st.integers(min_value=0, max_value=whole))
    pct = Fraction(part * 100, whole)
    places = draw(st.integers(min_value=0, max_value=2))
    shown = round(Decimal(pct.numerator) / Decimal(pct.denominator), places)
    return {
        "claims": [
            {"id": "part", "unit": "vote", **_written(part, draw)},
            {"id": "whole", "unit": "vote", **_written(whole, draw)},
            {"id": "share", "unit": "percent", "value": str(shown)},
        ],
        "rules": [{"id": "r", "kind": "percent_of", "share": "share", "part": "part", "whole": "whole"}],
    }


@settings(max_examples=150, deadline=None)
@given(st.one_of(sum_worlds(), rate_worlds(), share_worlds()))
def test_soundness_truthful_figures_are_never_flagged(doc: dict[str, Any]) -> None:
    assert "inconsistent" not in _verdicts(doc).values(), doc


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=5),
       st.integers(min_value=1, max_value=10**6), st.booleans())
def test_sensitivity_a_total_moved_beyond_tolerance_is_flagged(parts: list[int], shift: int, up: bool) -> None:
    claims = [{"id": f"p{i}", "unit": "case", "value": x, "precision": 1} for i, x in enumerate(parts)]
    total = sum(parts) + (shift if up else -shift)
    if total < 0:
        total = sum(parts) + shift
    claims.append({"id": "t", "unit": "case", "value": total, "precision": 1})
    rule = {"id": "r", "kind": "sum", "whole": "t", "parts": [c["id"] for c in claims[:-1]]}
    doc = {"claims": claims, "rules": [rule]}
    # Each figure admits ±0.5, so a total off by >= 1 + 0.5 × (parts + 1) cannot hold.
    if shift > 0.5 * (len(parts) + 1):
        assert _verdicts(doc)["r"] == "inconsistent"


ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**5), st.integers(min_value=1, max_value=10**7),
       st.sampled_from(["more_than", "about", "exact", "nearly", "less_than"]),
       st.sampled_from([PERSIAN, ARABIC]))
def test_invariance_under_units_and_digit_scripts(per_hour: int, total: int, hedge: str, script: Any) -> None:
    def doc(total_claim: dict[str, Any], hour_value: Any) -> dict[str, Any]:
        return {
            "claims": [{"id": "h", "unit": "call / hour", "value": hour_value, "precision": 1},
                       {"id": "t", "hedge": hedge, **total_claim}],
            "rules": [{"id": "r", "kind": "rate", "total": "t", "rate": "h"}],
        }

    want = _verdicts(doc({"unit": "call / day", "value": total, "precision": 1}, per_hour))
    # The daily total restated per week: value and rounding unit both times 7.
    weekly = doc({"unit": "call / week", "value": total * 7, "precision": 7}, per_hour)
    # The same figures written in Persian or Arabic-Indic digits.
    digits = doc({"unit": "call / day", "value": str(total).translate(script), "precision": 1},
                 str(per_hour).translate(script))
    assert _verdicts(weekly) == want
    assert _verdicts(digits) == want


@settings(max_examples=100, deadline=None)
@given(st.one_of(sum_worlds(), rate_worlds(), share_worlds()), st.randoms(use_true_random=False),
       st.integers(min_value=1, max_value=3))
def test_order_independence(doc: dict[str, Any], rnd: random.Random, bump: int) -> None:
    # Perturb one figure so that some documents are inconsistent too.
    last = doc["claims"][-1]
    last["value"] = str(Decimal(str(last["value"])) * bump)
    shuffled = {"claims": list(doc["claims"]), "rules": list(doc["rules"])}
    rnd.shuffle(shuffled["claims"])
    rnd.shuffle(shuffled["rules"])
    assert _verdicts(shuffled) == _verdicts(doc)


# -- the propagation core on its own ------------------------------------------------------

@st.composite
def problems_with_a_solution(draw: Any) -> tuple[Problem, list[Fraction]]:
    """Random sums and products over variables, with domains around a known solution."""
    n = draw(st.integers(min_value=2, max_value=6))
    point = [Fraction(draw(st.integers(min_value=-10**6, max_value=10**6)),
                      draw(st.integers(min_value=1, max_value=1000))) for _ in range(n)]
    p = Problem()
    for x in point:
        w = Fraction(draw(st.integers(min_value=0, max_value=1000)), draw(st.integers(min_value=1, max_value=1000)))
        p.var(x - w, x + w)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if draw(st.booleans()):
            k = draw(st.integers(min_value=1, max_value=n))
            idx = draw(st.lists(st.integers(min_value=0, max_value=n - 1), min_size=k, max_size=k, unique=True))
            coefs = [Fraction(draw(st.integers(min_value=-50, max_value=50)),
                              draw(st.integers(min_value=1, max_value=7))) for _ in idx]
            value = sum(a * point[i] for a, i in zip(coefs, idx, strict=True))
            p.add(Linear(tuple(coefs), tuple(idx), value, value))
        else:
            x, y = draw(st.integers(min_value=0, max_value=n - 1)), draw(st.integers(min_value=0, max_value=n - 1))
            z = p.var(point[x] * point[y], point[x] * point[y])
            p.add(Mul(z, x, y))
            point.append(point[x] * point[y])
    return p, point


@settings(max_examples=200, deadline=None)
@given(problems_with_a_solution())
def test_propagation_never_loses_a_solution(arg: tuple[Problem, list[Fraction]]) -> None:
    problem, point = arg
    for exact in (False, True):
        res = propagate(problem, exact=exact)
        assert res.failed is None
        for v, x in enumerate(point):
            # Result holds the variables the constraints touch; the others keep their domain.
            lo, hi = res.lo.get(v, problem.lo[v]), res.hi.get(v, problem.hi[v])
            assert lo <= x <= hi, (v, x, lo, hi)
