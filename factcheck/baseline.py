"""Baselines: accept the findings a project already has, and fail only on new ones.

A finding is keyed by its code, the ids of its claims and the figures those claims state
(value, range end, unit, hedge, precision, scale) — never by line numbers, which drift
with every edit above them (the reason ruff never shipped a line-keyed baseline).  A
finding whose figures change is therefore new again; moving or reformatting a claim file
keeps it accepted.  The file is JSON, sorted and readable in review.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import jsontext
from .errors import InputError
from .findings import Finding
from .model import Claim
from .report import Report

__all__ = ["SCHEMA", "Baseline", "apply", "apply_counting", "entries", "fingerprint", "load", "write",
           "write_entries"]

SCHEMA = "factcheck-baseline/1"


def _figure(c: Claim) -> dict[str, str | None]:
    def s(x: object) -> str | None:
        return None if x is None else str(x)

    return {"value": s(c.value), "value_max": s(c.value_max), "unit": c.unit, "hedge": c.hedge.value,
            "precision": s(c.precision), "scale": s(c.scale)}


def _key(f: Finding, claims: dict[str, Claim]) -> dict[str, Any]:
    key: dict[str, Any] = {"code": f.code or f.status.value,
                           "claims": {cid: _figure(claims[cid]) for cid in sorted(f.claims) if cid in claims}}
    if not f.claims:
        # Findings on no claim (an unused suppression comment): its rules and words identify it.
        key["rules"] = sorted(f.rules)
        key["message"] = f.message
    return key


def fingerprint(f: Finding, claims: dict[str, Claim]) -> str:
    """A stable id of a finding: code + claim ids + their figures (no line numbers).

    >>> from factcheck.findings import Finding, Severity, Status
    >>> c = {"a": Claim(id="a", value=3), "b": Claim(id="b", value=4)}
    >>> f = Finding("f1", Status.inconsistent, Severity.error, "sum", "r", ("r",), ("a", "b"), "FC101")
    >>> g = Finding("f9", Status.inconsistent, Severity.error, "sum", "r", ("r",), ("b", "a"), "FC101")
    >>> fingerprint(f, c) == fingerprint(g, c)
    True
    >>> fingerprint(f, c) == fingerprint(f, {**c, "b": Claim(id="b", value=5)})
    False
    """
    blob = json.dumps(_key(f, claims), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Baseline:
    """Accepted fingerprints, with how many findings each may accept.

    Entries written by a batch check (``--jobs``, ``--dask``) name their document, since
    claim ids need only be unique within one; ``for_document`` gives what one document
    may use.  ``counts`` holds every entry, for a check of everything as one report.
    """

    path: str
    counts: Counter[str]
    documents: dict[str, Counter[str]] = field(default_factory=dict)
    #: The entries that name no document (all of ``counts`` when none does).
    shared: Counter[str] | None = None

    def for_document(self, name: str) -> Counter[str]:
        """Entries that name no document, and those of ``name``."""
        shared = self.counts if self.shared is None else self.shared
        return shared + self.documents.get(name, Counter())


def entries(report: Report) -> list[dict[str, Any]]:
    """The baseline entries of every current, unsuppressed finding, as :func:`write` writes them."""
    rows = []
    for _, f in report.findings.problems():
        if f.suppressed:
            continue
        rows.append({
            "fingerprint": fingerprint(f, report.claims),
            "code": f.code, "name": f.name, "rule": f.rule,
            "claims": {cid: _describe(report.claims[cid]) for cid in f.claims if cid in report.claims},
            "message": f.message,
        })
    return rows


def _describe(c: Claim) -> str:
    from .verdict import describe

    return describe(c)


def write(report: Report, path: Path) -> int:
    """Write every current, unsuppressed finding to ``path``; return how many."""
    return write_entries(entries(report), path)


def write_entries(rows: list[dict[str, Any]], path: Path) -> int:
    """Write baseline entries (of one report, or of several documents checked apart)."""
    rows = sorted(rows, key=lambda r: (r["code"] or "", r["rule"] or "", r["fingerprint"]))
    doc = {"schema": SCHEMA, "findings": rows}
    try:
        path.write_text(jsontext.dumps(doc) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write baseline: {exc.strerror}", path=str(path)) from None
    return len(rows)


def load(path: Path) -> Baseline:
    """Read a baseline file; a missing or malformed one is an input error (exit 2)."""
    p = str(path)
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise InputError("baseline file not found (create it with --write-baseline)", path=p) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read baseline: {exc}", path=p) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=p, line=exc.lineno, column=exc.colno) from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        got = doc.get("schema") if isinstance(doc, dict) else type(doc).__name__
        raise InputError(f"not a factcheck baseline: expected schema {SCHEMA!r} (got {got!r})",
                         path=p, line=1, column=1, field="schema")
    rows = doc.get("findings")
    if not isinstance(rows, list):
        raise InputError(f"expected a list (got {type(rows).__name__})", path=p, field="findings")
    counts: Counter[str] = Counter()
    shared: Counter[str] = Counter()
    documents: dict[str, Counter[str]] = {}
    for i, row in enumerate(rows):
        fp = row.get("fingerprint") if isinstance(row, dict) else None
        if not isinstance(fp, str) or not fp:
            raise InputError(f"entry without a fingerprint (got {row!r})", path=p,
                             field=f"findings[{i}].fingerprint")
        counts[fp] += 1
        doc = row.get("document")
        if doc is None:
            shared[fp] += 1
        elif isinstance(doc, str):
            documents.setdefault(doc, Counter())[fp] += 1
        else:
            raise InputError(f"expected a document name (got {doc!r})", path=p,
                             field=f"findings[{i}].document")
    return Baseline(p, counts, documents, shared)


def apply(report: Report, baseline: Baseline) -> int:
    """Mark findings the baseline accepts as suppressed; return how many entries went unused."""
    return sum(_apply(report, baseline).values())


def apply_counting(report: Report, baseline: Baseline) -> Counter[str]:
    """:func:`apply`, returning how many times each fingerprint accepted a finding
    (documents checked apart add these up to find the entries nothing used)."""
    left = _apply(report, baseline)
    return Counter({fp: n - left[fp] for fp, n in baseline.counts.items() if n - left[fp] > 0})


def _apply(report: Report, baseline: Baseline) -> Counter[str]:
    left = Counter(baseline.counts)
    changes = {}
    for i, f in report.findings.problems():
        if f.suppressed:
            continue
        fp = fingerprint(f, report.claims)
        if left[fp] > 0:
            left[fp] -= 1
            changes[i] = replace(f, suppressed=True, suppression="baseline")
    report.evaluation.findings = report.findings.replaced(changes)
    return left
