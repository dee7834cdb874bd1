"""The rule graph drawn as a standalone SVG: figures on one side, relations on the other.

Layout is done here, on the server, from the networkx graph of :mod:`factcheck.graph`:
each connected component is a band; figures keep their order in the article, relations
sit at the mean height of their figures (a one-pass barycentre ordering, which keeps
edges short without a numeric layout library).  Everything from the user is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..files import ClaimSet
from ..findings import Finding, Status
from ..graph import build_graph
from ..verdict import describe

__all__ = ["render_svg", "verdicts"]

ROW = 34          # vertical pitch of one node
BOX_H = 26
CLAIM_X, CLAIM_W = 16, 300
RULE_X, RULE_W = 420, 250
WIDTH = RULE_X + RULE_W + 16
BAND_GAP = 18
LABEL_CHARS = 42

#: Fill and stroke per verdict; the page's stylesheet uses the same colours.
COLOURS = {
    "inconsistent": ("#fde2e1", "#c62828"),
    "invalid": ("#fff1d6", "#b26a00"),
    "undetermined": ("#eeeeee", "#757575"),
    "consistent": ("#e3f4e6", "#2e7d32"),
    "none": ("#ffffff", "#546e7a"),
}
_RANK = {"invalid": 3, "inconsistent": 4, "undetermined": 1, "consistent": 2, "none": 0}


def verdicts(findings: Iterable[Finding]) -> tuple[dict[str, str], dict[str, str]]:
    """The worst verdict of each rule and of each claim, from the (unsuppressed) findings."""
    rules: dict[str, str] = {}
    claims: dict[str, str] = {}

    def worse(d: dict[str, str], k: str, s: str) -> None:
        if _RANK[s] > _RANK[d.get(k, "none")]:
            d[k] = s

    for f in findings:
        if f.suppressed:
            continue
        for r in f.rules:
            worse(rules, r, f.status.value)
        for c in f.claims:
            # a figure is red only if it takes part in a conflict; other verdicts colour it less
            s = f.status.value if f.status is not Status.inconsistent else "inconsistent"
            worse(claims, c, s)
    return rules, claims


def _clip(s: str, n: int = LABEL_CHARS) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _order_key(cs: ClaimSet, cid: str, index: dict[str, int]) -> tuple[int, int]:
    c = cs.claims[cid]
    start = c.source.span[0] if c.source and c.source.span else 1 << 30
    return start, index[cid]


def render_svg(cs: ClaimSet, findings: Sequence[Finding], title: str = "factcheck rule graph") -> str:
    """The graph of claims that take part in at least one rule, coloured by verdict."""
    import networkx as nx

    rule_v, claim_v = verdicts(findings)
    g = build_graph(cs)
    index = {cid: i for i, cid in enumerate(cs.claims)}
    bands = []
    for comp in nx.connected_components(g):
        rules = [n[1] for n in comp if n[0] == "rule"]
        if not rules:
            continue
        claims = sorted((n[1] for n in comp if n[0] == "claim"), key=lambda c: _order_key(cs, c, index))
        bands.append((claims, rules))
    bands.sort(key=lambda b: _order_key(cs, b[0][0], index) if b[0] else (0, 0))

    out: list[str] = []
    y = 40
    edges: list[str] = []
    nodes: list[str] = []
    for claims, rules in bands:
        cy = {cid: y + i * ROW for i, cid in enumerate(claims)}
        want = {r: sum(cy[c[1]] for c in g.neighbors(("rule", r))) / max(1, g.degree(("rule", r)))
                for r in rules}
        ry: dict[str, float] = {}
        nxt = float(y)
        for r in sorted(rules, key=lambda r: (want[r], r)):
            ry[r] = max(want[r], nxt)
            nxt = ry[r] + ROW
        for r in rules:
            status = rule_v.get(r, "none")
            colour = COLOURS[status][1]
            for _, (_, cid) in g.edges(("rule", r)):
                x1, y1 = CLAIM_X + CLAIM_W, cy[cid] + BOX_H / 2
                x2, y2 = RULE_X, ry[r] + BOX_H / 2
                mx = (x1 + x2) / 2
                width = "2.2" if status == "inconsistent" else "1.2"
                edges.append(f'<path class="edge {status}" d="M{x1:.0f},{y1:.0f} C{mx:.0f},{y1:.0f} '
                             f'{mx:.0f},{y2:.0f} {x2:.0f},{y2:.0f}" fill="none" stroke="{colour}" '
                             f'stroke-width="{width}"/>')
        for cid in claims:
            status = claim_v.get(cid, "none")
            fill, stroke = COLOURS[status]
            label = f"{cid}: {describe(cs.claims[cid])}"
            nodes.append(_node("claim", cid, CLAIM_X, cy[cid], CLAIM_W, fill, stroke, label, status))
        for r in rules:
            status = rule_v.get(r, "none")
            fill, stroke = COLOURS[status]
            label = f"{cs.rules[r].kind} · {r}"
            nodes.append(_node("rule", r, RULE_X, ry[r], RULE_W, fill, stroke, label, status))
        bottom = max([*cy.values(), *ry.values()]) + ROW
        y = int(bottom) + BAND_GAP
    unrelated = sum(1 for cid in cs.claims if g.degree(("claim", cid)) == 0)
    height = max(y, 60) + 24
    caption = (f"{len(cs.claims) - unrelated} figures in relations, {len(cs.rules)} relations"
               + (f"; {unrelated} figures in no relation are not drawn" if unrelated else ""))
    if not bands:
        caption = "no relations to draw"
    out.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
               f'viewBox="0 0 {WIDTH} {height}" font-family="Vazirmatn, \'DejaVu Sans\', sans-serif" '
               f'font-size="12" role="img" aria-label={quoteattr(title)}>')
    out.append(f"<title>{escape(title)}</title>")
    out.append(f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>')
    out.append(f'<text x="{CLAIM_X}" y="22" fill="#37474f" font-weight="bold">figures</text>')
    out.append(f'<text x="{RULE_X}" y="22" fill="#37474f" font-weight="bold">relations</text>')
    out.append(f'<text x="{CLAIM_X}" y="{height - 10}" fill="#607d8b">{escape(caption)}</text>')
    out.extend(edges)
    out.extend(nodes)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _node(kind: str, ident: str, x: float, y: float, w: float, fill: str, stroke: str, label: str,
          status: str) -> str:
    return (f'<g class="node {kind} {status}" data-{kind}={quoteattr(ident)}>'
            f"<title>{escape(label)} ({status if status != 'none' else 'no verdict'})</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{BOX_H}" rx="5" fill="{fill}" '
            f'stroke="{stroke}" stroke-width="{"2" if status == "inconsistent" else "1"}"/>'
            f'<text x="{x + 8:.0f}" y="{y + 17:.0f}" fill="#212121" direction="ltr" '
            f'unicode-bidi="embed">{escape(_clip(label))}</text></g>')
