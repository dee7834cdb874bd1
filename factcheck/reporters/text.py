"""``--format text``: findings the way a compiler prints errors, coloured on a terminal."""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from .. import persian
from ..codes import CATALOGUE
from ..findings import Finding, Status
from ..report import Report
from ..verdict import describe
from . import Options, reporter
from ._common import arithmetic, ascii_digits, is_persian, message, shown

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m", "none": "\033[32m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"
_MARK = "\033[1;4m"
#: Longest stretch of an article shown around a finding's figures.
_CONTEXT = 240
_SENTENCE_END = re.compile(r"[.!?؟](?=\s)|[\n]")


@reporter("text")
def render(report: Report, options: Options) -> str:
    c = options.color

    def paint(s: str, code: str) -> str:
        return f"{code}{s}{_RESET}" if c else s

    out: list[str] = []
    for f in shown(report, options):
        loc = report.finding_location(f)
        where = "<no location>"
        if loc is not None:
            where = loc.path
            if loc.line is not None:
                where += f":{loc.line}"
                if loc.column is not None:
                    where += f":{loc.column}"
        label = f.severity.value if f.status is not Status.consistent else "ok"
        tag = "possible " if f.possible else ""
        code = f"{f.code} {f.name}" if f.code else f.status.value
        head = f"{paint(where, _BOLD)}: {paint(tag + label, _COLORS[f.severity.value])}: "
        out.append(f"{head}{message(report, f) or f.status.value} [{code}]")
        fa = f.status is not Status.consistent and is_persian(report, f)
        summary_fa = _persian_summary(f) if fa else ""
        if summary_fa:  # a Persian article's editor reads what the code means in Persian
            out.append(f"    {summary_fa}")
        if f.status is not Status.consistent:
            out.extend(_in_text(report, f.claims, (lambda t: paint(t, _MARK)) if c else None))
        for cid in f.claims:
            claim = report.claims[cid]
            quote = f" «{claim.source.quote}»" if claim.source and claim.source.quote else ""
            cl = report.claim_location(cid)
            at = f" at {cl.path}:{cl.line}:{cl.column}" if cl and cl.line else ""
            said = describe(claim)
            if fa:  # the figure in Persian words and the article's digits
                said = persian.in_script(persian.claim(said, claim.unit), ascii_digits(report, f))
            out.append(f"    {cid} = {said}{quote}{paint(at, _DIM)}")
        if line := arithmetic(report, f):
            out.append(f"    {line}")
        if f.conflict and len(f.conflict) < len(f.claims):
            out.append(f"    همین‌ها به‌تنهایی با هم جور نیستند: {'، '.join(f.conflict)}" if fa else
                       f"    these alone cannot all be right: {', '.join(f.conflict)}")
        if f.status is Status.inconsistent:
            out.extend(f"    {line}" for line in needed_lines(f, ascii_digits(report, f) if fa else None))
        if f.evidence:
            out.append(f"    evidence: {f.evidence}")
        if f.rules and f.rule is None:
            out.append(f"    rules: {', '.join(f.rules)}")
    d = report.summary()
    summary = (f"{d['claims']} claims, {d['rules']} rules: {d['inconsistent']} inconsistent, "
               f"{d['invalid']} invalid, {d['undetermined']} undetermined, {d['consistent']} consistent")
    out.append(paint(summary, _BOLD) if c else summary)
    return "\n".join(out) + "\n"


def _persian_summary(f: Finding) -> str:
    """The code's Persian summary, for a finding whose figures come from Persian text."""
    code = CATALOGUE.get(f.code) if f.code else None
    return code.summary_fa if code is not None else ""


def needed_lines(f: Finding, persian_digits_ascii: bool | None) -> list[str]:
    """What each figure of an inconsistent finding would have to be: in English, or with
    ``persian_digits_ascii`` given, in Persian with the figures in the article's digits
    (ASCII if it is true)."""
    if persian_digits_ascii is not None:
        return _needed_fa(f, persian_digits_ascii)
    return [f"no value of {cid} lets the rest hold" if need is None
            else f"for the rest to hold, {cid} would have to be {_iv(need)}"
            for cid, need in f.needed.items()]


def _needed_fa(f: Finding, ascii_digits: bool) -> list[str]:
    """:func:`needed_lines` in Persian."""
    return [persian.in_script(
        f"هیچ مقداری از {cid} بقیه را برقرار نمی‌کند" if need is None
        else f"برای آنکه بقیه برقرار بماند، {cid} باید {persian.interval(*_bounds(need))} باشد",
        ascii_digits) for cid, need in f.needed.items()]


def _bounds(need: tuple[str, str]) -> tuple[Fraction | float, Fraction | float]:
    def b(s: str) -> Fraction | float:
        if s == "inf":
            return float("inf")
        if s == "-inf":
            return float("-inf")
        return Fraction(s)

    return b(need[0]), b(need[1])


def _iv(need: tuple[str, str]) -> str:
    from ..kinds.base import fmt_iv

    return fmt_iv(*_bounds(need))


def _in_text(report: Report, claim_ids: tuple[str, ...], mark: Callable[[str], str] | None) -> list[str]:
    """The sentences of the article that hold a finding's figures, with the figures marked.

    ``    9 | ... روزانه به [۸۲۲ نفر] خدمات ...``: one line per sentence, prefixed by its line
    number in the file; without colour the figures are in square brackets.
    """
    spans: dict[tuple[str, int], list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}
    for cid in claim_ids:
        claim = report.claims.get(cid)
        doc = report.document_of(cid) if claim is not None else None
        if claim is None or doc is None or claim.source is None or claim.source.span is None:
            continue
        got = report.document_text(doc)
        if got is None:
            continue
        path, text = got
        s, e = claim.source.span
        if e > len(text):
            continue
        texts[path] = text
        start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, s)), default=0)
        spans.setdefault((path, start), []).append((s, e))
    out: list[str] = []
    for (path, start), marks in sorted(spans.items()):
        text = texts[path]
        m = _SENTENCE_END.search(text, max(e for _, e in marks))
        end = m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))
        lo, hi = start, end
        first, last = min(s for s, _ in marks), max(e for _, e in marks)
        if hi - lo > _CONTEXT:  # keep the figures, trim the rest of a long sentence
            lo = max(lo, first - _CONTEXT // 4)
            hi = min(hi, max(last + _CONTEXT // 4, lo + _CONTEXT))
        pieces: list[str] = ["…" if lo > start else ""]
        at = lo
        for s, e in sorted(marks):
            if s < at:
                continue
            pieces.append(text[at:s])
            words = text[s:e]
            pieces.append(mark(words) if mark else f"[{words}]")
            at = e
        pieces.append(text[at:hi])
        pieces.append("…" if hi < end else "")
        line = text.count("\n", 0, first) + 1
        out.append(f"    {line} | " + "".join(pieces).strip().replace("\n", " "))
    return out
