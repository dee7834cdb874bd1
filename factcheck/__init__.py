"""factcheck: find the figures in an article that cannot all be true.

>>> import factcheck
>>> report = factcheck.check_text('''
... claims:
...   - {id: parts_a, value: 28, unit: offence}
...   - {id: parts_b, value: 61, unit: offence}
...   - {id: total, value: 89, unit: offence}
... rules:
...   - {id: r1, kind: sum, whole: total, parts: [parts_a, parts_b]}
... ''')
>>> [f.status.value for f in report.findings]
['consistent']

Heavy modules are imported on first use, so ``import factcheck`` stays cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "ClaimFileError",
    "FactcheckError",
    "Finding",
    "InputError",
    "Policy",
    "Report",
    "check",
    "check_text",
    "extract",
    "load",
]

if TYPE_CHECKING:
    from .errors import ClaimFileError, FactcheckError, InputError
    from .files import ClaimSet
    from .findings import Finding
    from .model import Claim
    from .report import Report
    from .semantics import Policy

_LAZY = {
    "Claim": "model",
    "ClaimFileError": "errors",
    "FactcheckError": "errors",
    "InputError": "errors",
    "Finding": "findings",
    "Policy": "semantics",
    "Report": "report",
}


def __getattr__(name: str) -> Any:
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"factcheck.{mod}"), name)


def load(*paths: str | Path) -> ClaimSet:
    """Load claim files, folders of them, or articles into one claim set."""
    from .pipeline import load_any

    return load_any([Path(p) for p in paths])


def check(*paths: str | Path, policy: Policy | None = None, lang: str | None = None,
          suppressions: bool = True) -> Report:
    """Check claim files, folders or articles; return a :class:`~factcheck.report.Report`.

    As on the command line, ``ignore:`` entries and ``factcheck: ignore`` comments mark
    their findings suppressed (``suppressions=False`` leaves every finding as found).
    """
    from .pipeline import check_paths
    from .semantics import DEFAULT_POLICY

    return check_paths([Path(p) for p in paths], policy or DEFAULT_POLICY, lang=lang,
                       suppressions=suppressions)


def check_text(text: str, *, path: str = "<string>.yaml", policy: Policy | None = None,
               suppressions: bool = True) -> Report:
    """Check the text of one claim file (YAML, or JSON if ``path`` ends in ``.json``);
    suppressions as in :func:`check`."""
    from .files import _check_references, load_text
    from .pipeline import check_claimset
    from .semantics import DEFAULT_POLICY

    cs = load_text(text, path)
    _check_references(cs)
    return check_claimset(cs, policy or DEFAULT_POLICY, [path], suppressions=suppressions)


def extract(text: str, lang: str | None = None) -> list[Claim]:
    """Extract numeric claims from article text (Persian or English)."""
    try:
        from .extract import extract as _extract  # type: ignore[import-not-found, unused-ignore]
    except ImportError as exc:  # pragma: no cover - present in every full install
        raise NotImplementedError("extraction is not available in this build") from exc
    claims: list[Claim] = _extract(text, lang=lang)
    return claims
