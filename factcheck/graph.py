"""The rule graph: claims and rules as nodes of a networkx graph, edges where a rule uses a claim.

Connected components bound how far a conflict can reach, so each is evaluated on its own.
"""

from __future__ import annotations

from typing import Any

from .files import ClaimSet

__all__ = ["build_graph", "components"]


def build_graph(cs: ClaimSet, rules: list[str] | None = None) -> Any:
    """A bipartite :class:`networkx.Graph` of ``("claim", id)`` and ``("rule", id)`` nodes."""
    import networkx as nx

    from .kinds import load_all

    reg = load_all()
    g = nx.Graph()
    for cid in cs.claims:
        g.add_node(("claim", cid))
    for rid in rules if rules is not None else list(cs.rules):
        rule = cs.rules[rid]
        g.add_node(("rule", rid), kind=rule.kind)
        for cid in reg[rule.kind].claim_ids(rule):
            g.add_edge(("rule", rid), ("claim", cid))
    return g


def components(cs: ClaimSet, rules: list[str]) -> list[list[str]]:
    """Rule ids grouped by connected component, in input order, components with >= 2 rules."""
    import networkx as nx

    g = build_graph(cs, rules)
    order = {r: i for i, r in enumerate(rules)}
    out = []
    for comp in nx.connected_components(g):
        rs = sorted((n[1] for n in comp if n[0] == "rule"), key=order.__getitem__)
        if len(rs) >= 2:
            out.append(rs)
    out.sort(key=lambda rs: order[rs[0]])
    return out
