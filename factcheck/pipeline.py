"""The end-to-end job: paths in, :class:`~factcheck.report.Report` out.

Claim files (``.yaml``, ``.yml``, ``.json``) are loaded as they are.  Articles (``.txt``,
``.md``, ``.html``) go through extraction and rule inference first, when those stages
are installed (:mod:`factcheck.articles`).
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .evaluate import evaluate
from .files import SUFFIXES, ClaimSet, _check_references, expand, load_text, read_file
from .report import Report
from .semantics import DEFAULT_POLICY, Policy

__all__ = ["ARTICLE_SUFFIXES", "check_claimset", "check_paths", "load_any"]

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def load_any(paths: list[Path], *, lang: str | None = None) -> ClaimSet:
    """Load claim files and articles into one :class:`ClaimSet`."""
    cs = ClaimSet()
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(expand([p]))
            files.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in ARTICLE_SUFFIXES
                                and not any(part.startswith(".") for part in q.parts)))
        elif p.exists():
            files.append(p)
        else:
            raise InputError("no such file or directory", path=str(p))
    for f in files:
        text = read_file(f)
        if f.suffix in SUFFIXES:
            cs.add(load_text(text, str(f)))
        elif f.suffix.lower() in ARTICLE_SUFFIXES:
            cs.add(_article(text, str(f), lang))
        else:
            raise InputError(f"unsupported file type {f.suffix!r}: expected a claim file "
                             f"({', '.join(SUFFIXES)}) or an article ({', '.join(ARTICLE_SUFFIXES)})",
                             path=str(f))
    _check_references(cs)
    return cs


def _article(text: str, path: str, lang: str | None) -> ClaimSet:
    try:
        from .articles import claimset_from_article  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise InputError("checking raw articles needs the extraction stage, which is not "
                         "installed in this build", path=path) from None
    cs: ClaimSet = claimset_from_article(text, path, lang=lang)
    return cs


def check_claimset(cs: ClaimSet, policy: Policy = DEFAULT_POLICY, paths: list[str] | None = None, *,
                   suppressions: bool = True) -> Report:
    """Evaluate and wrap in a report; with ``suppressions``, apply every ``ignore:`` entry
    and ``factcheck: ignore`` comment (an unused one becomes an FC004 finding)."""
    report = Report(evaluate(cs, policy), paths or [])
    if suppressions:
        from .suppress import apply

        apply(report)
    return report


def check_paths(paths: list[Path], policy: Policy = DEFAULT_POLICY, *, lang: str | None = None,
                suppressions: bool = True) -> Report:
    """Load, evaluate and wrap in a report (suppressions applied unless told not to)."""
    cs = load_any(paths, lang=lang)
    return check_claimset(cs, policy, [str(p) for p in paths], suppressions=suppressions)
