"""Suppressions: known findings silenced with a reason, and suppressions that silence nothing.

Two places may suppress a finding, each with a required reason:

* a claim or rule in a claim file: ``ignore: [{code: FC111, reason: "..."}]`` silences
  findings with that code that involve the claim (or come from the rule);
* an article: ``<!-- factcheck: ignore FC111 the total counts visits, not people -->``
  silences findings with that code whose claims are quoted in the paragraph the comment
  sits in — or, when the comment stands alone between blank lines, the next paragraph.

A suppression that matches no finding is itself reported as FC004
(``suppression.unused``), the way ruff reports an unused ``noqa`` (RUF100), so stale
suppressions do not hide the next real problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from . import persian
from .codes import CATALOGUE, lookup
from .errors import ClaimFileError, InputError
from .findings import Finding, Severity, Status
from .report import Report

__all__ = ["COMMENT", "UNUSED", "Suppression", "apply", "collect", "parse_comments"]

UNUSED = "FC004"
#: ``<!-- factcheck: ignore FC101[,FC111 ...] reason -->`` (the body may span lines).
COMMENT = re.compile(r"<!--\s*factcheck\s*:(.*?)-->", re.S)
_CODE_LIKE = re.compile(r"^FC\d+$", re.I)


@dataclass(frozen=True)
class Suppression:
    """One code silenced at one place, with the reason given."""

    code: str
    reason: str
    scope: str  # "claim", "rule" or "article"
    target: str  # claim id, rule id, or article path
    where: tuple[str, int, int] | None  # where the suppression is written
    lines: tuple[int, int] | None = None  # article lines it covers (inclusive)


def parse_comments(text: str, path: str) -> list[Suppression]:
    """Suppression comments in an article; malformed ones raise :class:`InputError`."""
    lines = text.split("\n")
    out: list[Suppression] = []
    for m in COMMENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
        body = m.group(1).split()
        if not body or body[0] != "ignore":
            got = body[0] if body else ""
            raise InputError(f"unknown factcheck directive (expected 'ignore') (got {got!r})",
                             path=path, line=line, column=col, field="factcheck comment")
        codes: list[str] = []
        i = 1
        while i < len(body):
            tokens = [t for t in body[i].split(",") if t]
            resolved = []
            for t in tokens:
                try:
                    resolved.append(lookup(t).code)
                except KeyError:
                    if _CODE_LIKE.match(t):
                        raise InputError(f"unknown code {t!r} (see `factcheck rules`)", path=path,
                                         line=line, column=col, field="factcheck comment") from None
                    resolved = []
                    break
            if not resolved:
                break
            codes.extend(resolved)
            i += 1
        if not codes:
            raise InputError("expected a code after 'ignore', e.g. "
                             "<!-- factcheck: ignore FC111 reason -->", path=path, line=line,
                             column=col, field="factcheck comment")
        reason = " ".join(body[i:])
        if not reason:
            raise InputError(f"a suppression needs a reason after the code: <!-- factcheck: ignore "
                             f"{','.join(codes)} <why this is not a problem> -->", path=path, line=line,
                             column=col, field="factcheck comment")
        span = _paragraph(lines, line)
        out.extend(Suppression(c, reason, "article", path, (path, line, col), span) for c in codes)
    return out


def _paragraph(lines: list[str], line: int) -> tuple[int, int]:
    """Lines (1-based, inclusive) of the paragraph a comment on ``line`` applies to."""

    def blank(n: int) -> bool:
        return not lines[n - 1].strip()

    lo = hi = line
    while lo > 1 and not blank(lo - 1):
        lo -= 1
    while hi < len(lines) and not blank(hi + 1):
        hi += 1
    para = "\n".join(lines[lo - 1:hi])
    if COMMENT.sub("", para).strip():
        return lo, hi
    # The comment stands alone: it covers the next paragraph.
    nxt = hi + 1
    while nxt <= len(lines) and blank(nxt):
        nxt += 1
    if nxt > len(lines):
        return lo, hi
    end = nxt
    while end < len(lines) and not blank(end + 1):
        end += 1
    return nxt, end


def collect(report: Report) -> list[Suppression]:
    """Every suppression in the claim files and the articles behind a report."""
    cs = report.evaluation.claims
    out: list[Suppression] = []
    for section, items in (("claim", cs.claims), ("rule", cs.rules)):
        for item_id, item in items.items():
            origin = cs.origin.get(f"{section}s:{item_id}")
            where = (origin[0], origin[1] or 1, origin[2] or 1) if origin else None
            for ig in item.ignore:
                if ig.code not in CATALOGUE:
                    p, ln, col = origin or (None, None, None)
                    raise ClaimFileError(f"unknown code {ig.code!r} (see `factcheck rules`)", path=p,
                                         line=ln, column=col, field=f"{section}s[{item_id}].ignore")
                out.append(Suppression(ig.code, ig.reason, section, item_id, where))
    seen: set[str] = set()
    for doc_id in cs.documents:
        got = report.document_text(doc_id)
        if got is None or got[0] in seen:
            continue
        seen.add(got[0])
        out.extend(parse_comments(got[1], got[0]))
    return out


def _same_file(a: str, b: str) -> bool:
    return a == b or Path(a).resolve() == Path(b).resolve()


def _matches(s: Suppression, f: Finding, report: Report) -> bool:
    if f.code != s.code:
        return False
    if s.scope == "claim":
        return s.target in f.claims
    if s.scope == "rule":
        return s.target in f.rules
    assert s.lines is not None
    for cid in f.claims:
        loc = report.claim_location(cid)
        if (loc is not None and loc.line is not None and _same_file(loc.path, s.target)
                and s.lines[0] <= loc.line <= s.lines[1]):
            return True
    return False


class _Index:
    """Suppressions by code and target, so that a finding is matched against those that
    could match it (a claim file may suppress a code on thousands of rules)."""

    def __init__(self, sups: list[Suppression]) -> None:
        self.by_target: dict[tuple[str, str, str], list[int]] = {}
        self.articles: dict[str, list[int]] = {}
        for k, s in enumerate(sups):
            if s.scope == "article":
                self.articles.setdefault(s.code, []).append(k)
            else:
                self.by_target.setdefault((s.code, s.scope, s.target), []).append(k)

    def candidates(self, f: Finding) -> list[int]:
        """Numbers, in order, of the suppressions that :func:`_matches` may accept for
        ``f``: those of its code naming one of its claims or rules, and its code's
        article comments."""
        code, by_target = f.code, self.by_target
        if code is None:
            return []
        ks = [k for cid in f.claims for k in by_target.get((code, "claim", cid), ())]
        ks += [k for rid in f.rules for k in by_target.get((code, "rule", rid), ())]
        ks += self.articles.get(code, ())
        return sorted(set(ks))


def apply(report: Report) -> list[Suppression]:
    """Mark suppressed findings (with their reason) and add FC004 for unused suppressions.

    Returns the suppressions that matched nothing.
    """
    sups = collect(report)
    # Only findings that are not consistent can be suppressed: those of rules that hold
    # are not looked at (nor made, on a large evaluation).
    problems = dict(report.findings.problems())
    changes: dict[int, Finding] = {}
    used: set[int] = set()
    candidates = _Index(sups).candidates
    for i, f in problems.items():
        if f.suppressed:
            continue
        for k in candidates(f):
            s = sups[k]
            if _matches(s, f, report):
                used.add(k)
                problems[i] = changes[i] = replace(f, suppressed=True, suppression=s.reason)
                break
    # A chain conflict silenced as a whole also silences its rules' "part of a conflict" verdicts.
    for chain in [f for f in problems.values() if f.kind == "chain" and f.suppressed]:
        for i, f in problems.items():
            if f.kind != "chain" and f.code == chain.code and f.rule in chain.rules and not f.suppressed:
                problems[i] = changes[i] = replace(f, suppressed=True, suppression=chain.suppression)
    unused = [s for k, s in enumerate(sups) if k not in used]
    cat = CATALOGUE[UNUSED]
    added: list[Finding] = []
    for s in unused:
        where = s.target if s.scope == "article" else f"{s.scope} {s.target!r}"
        added.append(Finding(
            id=f"f{len(report.findings) + len(added) + 1}", status=Status.invalid, severity=Severity(cat.severity),
            kind="suppression", rule=s.target if s.scope == "rule" else None,
            rules=(s.target,) if s.scope == "rule" else (),
            claims=(s.target,) if s.scope == "claim" else (),
            code=UNUSED, name=cat.name,
            message=f"unused suppression: no {s.code} finding at {where} to ignore "
                    f"(reason given: {s.reason})",
            message_fa=persian.unused_suppression(s.code, s.scope, s.target, s.reason),
            where=s.where,
        ))
    report.evaluation.findings = report.findings.replaced(changes, added)
    return unused
