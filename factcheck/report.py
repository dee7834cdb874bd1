"""The report: documents, claims with their intervals, and findings, as report version 1.

Other tools parse this (see docs/report.md); field names are stable.  Exact numbers are
strings; an unbounded end of an interval is ``null``.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .evaluate import Evaluation
from .findinglist import Findings
from .findings import Finding, Severity
from .model import Claim
from .verdict import exact_str

__all__ = ["SCHEMA", "Location", "Report"]

SCHEMA = "factcheck-report/1"


@dataclass(frozen=True)
class Location:
    """A place in a file: 1-based line and column (columns count code points)."""

    path: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


def _bound(x: Any) -> str | None:
    if x.__class__ is Fraction:  # nearly always: no comparison of a Fraction with floats
        return exact_str(x)
    if x in (math.inf, -math.inf):
        return None
    return exact_str(Fraction(x))


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


@dataclass
class Report:
    """Everything a reporter needs, built from one :class:`Evaluation`."""

    evaluation: Evaluation
    paths: list[str] = field(default_factory=list)
    #: document id -> the path its text was read from (relative to the claim file that named it)
    _doc_paths: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def findings(self) -> Findings:
        return self.evaluation.findings

    @property
    def claims(self) -> dict[str, Claim]:
        return self.evaluation.claims.claims

    def inconsistent(self) -> list[Finding]:
        return self.evaluation.inconsistent

    def problems(self, min_severity: Severity = Severity.info, *, suppressed: bool = False) -> list[Finding]:
        """Findings worth showing: not consistent, at or above a severity, not suppressed
        (with ``suppressed=True``, suppressed ones too)."""
        rank = min_severity.rank
        return [f for _, f in self.findings.problems()
                if f.severity.rank >= rank and (suppressed or not f.suppressed)]

    def exit_code(self, fail_level: Severity = Severity.error) -> int:
        """1 when an unsuppressed finding that is not consistent (inconsistent, invalid or
        undetermined) is at or above ``fail_level``, else 0.

        The one rule for every way of checking: ``factcheck check`` (serial, ``--jobs`` and
        ``--dask``) calls this, so the API's code is the command line's (docs/ci.md).
        """
        return 1 if self.problems(fail_level) else 0

    # -- locations ---------------------------------------------------------------------
    def document_of(self, cid: str) -> str | None:
        c = self.claims[cid]
        if c.source and c.source.document:
            return c.source.document
        origin = self.evaluation.claims.origin.get(f"claims:{cid}")
        if origin:
            return self.evaluation.claims.doc_of_file.get(origin[0])
        return None

    def document_text(self, doc_id: str) -> tuple[str, str] | None:
        """(path, text) of a document's source article if it can be read."""
        cs = self.evaluation.claims
        if doc_id in cs.texts:
            d = cs.documents.get(doc_id)
            known = self._doc_paths.get(doc_id)
            return known or (d.path or doc_id if d else doc_id), cs.texts[doc_id]
        d = cs.documents.get(doc_id)
        if d is None or not d.path:
            return None
        candidates = [Path(d.path)]
        for f, doc in cs.doc_of_file.items():
            if doc == doc_id:
                candidates.insert(0, Path(f).parent / d.path)
        for c in candidates:
            try:
                text = c.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            cs.texts[doc_id] = text
            # Cached with the path it was found at, so later look-ups name the same file.
            self._doc_paths[doc_id] = os.path.normpath(c)
            return self._doc_paths[doc_id], text
        return None

    def claim_location(self, cid: str) -> Location | None:
        """Where the claim's words are in its article, or else where it is in its file."""
        place = self._claim_place(cid)
        return None if place is None else Location(*place)

    def _claim_place(self, cid: str) -> tuple[Any, ...] | None:
        """:meth:`claim_location` as a plain tuple: a report of 10^5 claims looks up
        several per finding, and a frozen dataclass is slow to make."""
        c = self.claims[cid]
        src = c.source
        if src is not None and src.span:
            doc = self.document_of(cid)
            got = self.document_text(doc) if doc else None
            if got is not None:
                path, text = got
                s, e = src.span
                if e <= len(text):
                    return (path, *line_col(text, s), *line_col(text, e))
        o = self.evaluation.claims.origin.get(f"claims:{cid}")
        return (o[0], o[1], o[2]) if o else None

    def finding_location(self, f: Finding) -> Location | None:
        """Primary location: the first claim's words in the article, else the rule in its file."""
        if f.where is not None:
            return Location(*f.where)
        places = [self._claim_place(cid) for cid in f.claims]
        for place in places:
            if place is not None and place[0] and not place[0].endswith((".yaml", ".yml", ".json")):
                return Location(*place)
        if f.rule:
            o = self.evaluation.claims.origin.get(f"rules:{f.rule}")
            if o:
                return Location(o[0], o[1], o[2])
        for place in places:
            if place is not None:
                return Location(*place)
        return None

    # -- report version 1 ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        cs = self.evaluation.claims
        docs = [{"id": d.id, "path": d.path, "lang": d.lang, **({"title": d.title} if d.title else {})}
                for d in cs.documents.values()]
        claims = []
        for cid, c in cs.claims.items():
            lo, hi = self.evaluation.intervals[cid]
            claims.append({
                "id": cid,
                "document": self.document_of(cid),
                "span": list(c.source.span) if c.source and c.source.span else None,
                "text": c.source.quote if c.source and c.source.quote else c.written,
                "value": None if c.value is None else str(c.value),
                "value_max": None if c.value_max is None else str(c.value_max),
                "unit": c.unit,
                "hedge": c.hedge.value,
                "interval": [_bound(lo), _bound(hi)],
            })
        return {
            "schema": SCHEMA,
            "documents": docs,
            "files": list(self.paths),
            "claims": claims,
            "findings": [self.finding_row(f) for f in self.findings],
            "summary": self.summary(),
        }

    def finding_row(self, f: Finding) -> dict[str, Any]:
        """One entry of ``findings`` in report version 1."""
        loc = self.finding_location(f)
        return {
            "id": f.id, "code": f.code, "name": f.name, "rule": f.rule, "rules": list(f.rules),
            "kind": f.kind, "status": f.status.value, "severity": f.severity.value,
            "claims": list(f.claims), "conflict": list(f.conflict),
            "message": f.message, "message_fa": f.message_fa, "arithmetic": f.arithmetic,
            "arithmetic_fa": f.arithmetic_fa,
            "needed": {k: (list(v) if v else None) for k, v in f.needed.items()},
            "confidence": f.confidence, "possible": f.possible, "evidence": f.evidence,
            "suppressed": f.suppressed, "suppression": f.suppression,
            "location": None if loc is None else {
                "path": loc.path, "line": loc.line, "column": loc.column,
                "end_line": loc.end_line, "end_column": loc.end_column},
        }

    def summary(self) -> dict[str, int]:
        """``summary`` of report version 1: claims, rules, and unsuppressed findings of
        each status; findings of rules that hold are counted without being made."""
        cs = self.evaluation.claims
        return {"claims": len(cs.claims), "rules": len(cs.rules), **self.findings.counts()}
