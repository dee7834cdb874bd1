"""pytest plugin: ``pytest --factcheck`` checks claim files and articles as test items.

Registered through the ``pytest11`` entry point, so it is active wherever factcheck is
installed; it imports nothing from factcheck (and not hypothesis) until it is used.

- ``--factcheck`` collects the files matching the ini options ``factcheck_claims``
  (default ``claims/**/*.yaml`` ... and ``rules/**/*.yaml`` ...) and
  ``factcheck_articles`` (default ``articles/**/*.txt``, ``articles/**/*.md``).  Claim files
  are checked together (rules in ``rules/`` refer to claims in ``claims/``); each rule is
  one test item, failing with the arithmetic when it cannot hold.  Each article is
  checked on its own, one item per inferred relation.
- The ``factcheck_check`` fixture checks paths, claim-file text or generated documents
  and fails the test with readable findings.
- ``--hypothesis-profile=factcheck-ci`` loads a hypothesis profile for CI: derandomised
  (the same examples on every run), no deadline, failing examples printed in full.

See docs/testing.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .findings import Finding
    from .report import Report

__all__ = ["CI_PROFILE", "FactcheckFile", "FactcheckItem", "factcheck_check"]

#: Name of the hypothesis profile for CI, registered by :mod:`factcheck.strategies`.
CI_PROFILE = "factcheck-ci"

_CLAIM_GLOBS = ["claims/**/*.yaml", "claims/**/*.yml", "claims/**/*.json",
                "rules/**/*.yaml", "rules/**/*.yml", "rules/**/*.json"]
_ARTICLE_GLOBS = ["articles/**/*.txt", "articles/**/*.md"]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "checking figures with factcheck")
    group.addoption("--factcheck", action="store_true", default=False,
                    help="collect claim files and articles as test items (see factcheck_claims, "
                         "factcheck_articles)")
    parser.addini("factcheck_claims", type="linelist", default=_CLAIM_GLOBS,
                  help="globs, relative to the rootdir, of claim and rule files that --factcheck checks "
                       "together")
    parser.addini("factcheck_articles", type="linelist", default=_ARTICLE_GLOBS,
                  help="globs, relative to the rootdir, of articles that --factcheck checks one by one")
    parser.addini("factcheck_lang", default="auto", help="language of articles: fa, en or auto")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # Runs before hypothesis' own plugin loads the profile named on the command line.
    try:
        profile = config.getoption("hypothesis_profile")
    except ValueError:  # hypothesis' plugin is not installed
        profile = None
    if profile == CI_PROFILE:
        import factcheck.strategies  # noqa: F401  (registers the profile)


def _regex(glob: str) -> re.Pattern[str]:
    """A glob with ``**`` (any number of folders), ``*`` and ``?`` as a regular expression."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def _matches(config: pytest.Config, path: Path, ini: str) -> bool:
    try:
        rel = path.resolve().relative_to(config.rootpath.resolve()).as_posix()
    except ValueError:
        return False
    return any(_regex(g).match(rel) for g in config.getini(ini))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    if not config.getoption("factcheck"):
        return None
    if _matches(config, file_path, "factcheck_claims"):
        return FactcheckFile.from_parent(parent, path=file_path, article=False)
    if _matches(config, file_path, "factcheck_articles"):
        return FactcheckFile.from_parent(parent, path=file_path, article=True)
    return None


class _Shared:
    """One evaluation of all collected claim files together, done on first use."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.report: Report | None = None
        self.error: Exception | None = None
        self.done = False

    def get(self) -> Report:
        if not self.done:
            self.done = True
            from .errors import FactcheckError
            from .pipeline import check_paths

            root = self.config.rootpath
            files = sorted(p for g in self.config.getini("factcheck_claims") for p in _glob(root, g))
            try:
                self.report = check_paths(files)
            except FactcheckError as exc:
                self.error = exc
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report


def _glob(root: Path, pattern: str) -> Iterator[Path]:
    rx = _regex(pattern)
    prefix = pattern.split("*", 1)[0].rsplit("/", 1)[0] if "/" in pattern.split("*", 1)[0] else ""
    base = root / prefix if prefix else root
    if not base.is_dir():
        return
    for p in base.rglob("*"):
        if p.is_file() and rx.match(p.relative_to(root).as_posix()):
            yield p


_SHARED_KEY = pytest.StashKey[_Shared]()


def _shared(config: pytest.Config) -> _Shared:
    if _SHARED_KEY not in config.stash:
        config.stash[_SHARED_KEY] = _Shared(config)
    return config.stash[_SHARED_KEY]


class FactcheckFile(pytest.File):
    """A claim file or article; its items are the rules it holds (or infers)."""

    def __init__(self, *, article: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article

    def collect(self) -> Iterator[pytest.Item]:
        from .errors import FactcheckError

        try:
            report = self._report()
        except FactcheckError as exc:
            yield FactcheckItem.from_parent(self, name="load", error=str(exc))
            return
        mine = self._rules_here(report)
        for rid in mine:
            yield FactcheckItem.from_parent(self, name=rid, rule=rid)
        for f in report.findings:  # conflicts visible only through a chain of rules
            if f.rule is None and f.rules and f.rules[0] in mine:
                yield FactcheckItem.from_parent(self, name="chain:" + "+".join(f.rules), chain=f.rules)

    def _report(self) -> Report:
        if self.article:
            from .pipeline import check_paths

            lang = self.config.getini("factcheck_lang")
            return check_paths([self.path], lang=None if lang == "auto" else lang)
        return _shared(self.config).get()

    def _rules_here(self, report: Report) -> list[str]:
        if self.article:
            return list(report.evaluation.claims.rules)
        here = self.path.resolve()
        out = []
        for rid in report.evaluation.claims.rules:
            origin = report.evaluation.claims.origin.get(f"rules:{rid}")
            if origin and Path(origin[0]).resolve() == here:
                out.append(rid)
        return out


class FactcheckFailure(Exception):
    """An inconsistent or invalid rule; the message is the finding with its arithmetic."""


class FactcheckItem(pytest.Item):
    """One rule (or chain of rules): passes if it can hold, fails with the arithmetic if not."""

    def __init__(self, *, rule: str | None = None, chain: tuple[str, ...] | None = None,
                 error: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule = rule
        self.chain = chain
        self.error = error

    def _parent_report(self) -> Report:
        parent = self.parent
        assert isinstance(parent, FactcheckFile)
        return parent._report()

    def _finding(self, report: Report) -> Finding | None:
        for f in report.findings:
            if self.chain is not None and f.rule is None and f.rules == self.chain:
                return f
            if self.rule is not None and f.rule == self.rule:
                return f
        return None

    def runtest(self) -> None:
        if self.error is not None:
            raise FactcheckFailure(self.error)
        from .findings import Status
        from .testing import format_findings

        report = self._parent_report()
        f = self._finding(report)
        if f is None or f.suppressed or f.status is Status.consistent:
            return
        if f.status is Status.undetermined:
            pytest.skip(f"{self.name}: undetermined ({f.message})")
        if f.possible:
            import warnings

            warnings.warn(f"possible inconsistency in {self.name}: {f.message}", pytest.PytestWarning,
                          stacklevel=1)
            return
        raise FactcheckFailure(format_findings(report, [f]))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, FactcheckFailure):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"factcheck: {self.name}"


@pytest.fixture(scope="session")
def factcheck_check(request: pytest.FixtureRequest) -> Callable[..., Report]:
    """Check paths (relative to the rootdir), claim-file text or a generated document.

    Session-scoped and stateless, so hypothesis tests may use it with ``@given``.

    ``factcheck_check("claims", "rules")`` fails the test, with each finding and its
    arithmetic, if any relation cannot hold, and returns the report otherwise;
    ``consistent=False`` returns the report without asserting.
    """
    root = request.config.rootpath

    def check(*subjects: Any, lang: str | None = None, consistent: bool = True, **options: Any) -> Report:
        from .testing import assert_consistent, report_of

        if not subjects:
            raise TypeError("factcheck_check needs a path, claim-file text or a document")
        items: list[Any] = []
        for s in subjects:
            is_path = isinstance(s, Path) or (isinstance(s, str) and "\n" not in s)
            if is_path and not Path(s).is_absolute():
                s = root / s
            items.append(s)
        subject: Any = items[0] if len(items) == 1 else [str(i) for i in items]
        if consistent:
            return assert_consistent(subject, lang=lang, **options)
        return report_of(subject, lang=lang, **options)

    return check
