"""Checking many documents: one at a time, in parallel processes, or on a Dask cluster.

A corpus is split into *documents*, each checked on its own (ids need only be unique
within one document):

- an article (``.txt``, ``.md``, ``.html``) is a document;
- a claim file is a document, together with the files of the same name in sibling
  ``claims/`` and ``rules/`` folders (``claims/qom.yaml`` + ``rules/qom.yaml``), the
  layout a repository of checked articles keeps.

:func:`check_many` yields one :class:`Outcome` per document in a fixed order (sorted by
path), whatever runs them: the worker function is the same, so parallel and Dask results
are identical to serial ones.  A document that cannot be read — missing, too large, not
UTF-8, malformed — gives an outcome with ``error`` set and the others go on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .config import Config
    from .report import Report
    from .semantics import Policy

__all__ = ["Outcome", "Task", "check_document", "check_many", "documents"]

#: Folders whose same-named files form one document (claims in one, rules in the other).
PAIRED_FOLDERS = ("claims", "rules")


@dataclass(frozen=True)
class Task:
    """One document to check and how to render its report (plain data: it is pickled)."""

    name: str
    paths: tuple[str, ...]
    format: str = "json"
    lang: str | None = None
    show_all: bool = False
    color: bool = False
    policy: Policy | None = None  # None: the default policy
    #: Code selection, severities and fail/display levels, as the serial check applies them
    #: (None: the defaults).
    config: Config | None = None
    #: The baseline entries this document may use, fingerprint -> how many findings each
    #: accepts (None: no baseline); see :meth:`factcheck.baseline.Baseline.for_document`.
    baseline: tuple[tuple[str, int], ...] | None = None
    #: Record every current finding as a baseline entry, and accept it (--write-baseline).
    write_baseline: bool = False


@dataclass(frozen=True)
class Outcome:
    """The rendered report of one document, or why it could not be checked."""

    name: str
    paths: tuple[str, ...]
    #: The rendered report; for ``json``, report version 1 on one line, to be embedded.
    output: str = ""
    exit_code: int = 0
    error: str | None = None
    summary: dict[str, int] = field(default_factory=dict)
    #: With ``Task.write_baseline``: the document's baseline entries.
    baseline_entries: tuple[dict[str, Any], ...] = ()
    #: With ``Task.baseline``: how many findings each fingerprint accepted.
    baseline_used: dict[str, int] = field(default_factory=dict)


def documents(paths: Iterable[Path]) -> list[tuple[str, tuple[str, ...]]]:
    """Split files and folders into documents: ``(name, file paths)``, sorted by name.

    A path that does not exist becomes a document of its own, which then fails to load
    (so it is reported like any other unreadable document).
    """
    from .files import SUFFIXES
    from .pipeline import ARTICLE_SUFFIXES

    wanted = (*SUFFIXES, *ARTICLE_SUFFIXES)
    groups: dict[str, list[str]] = {}
    for p in paths:
        if p.is_dir():
            files = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in wanted
                           and not any(part.startswith(".") for part in q.relative_to(p).parts))
        else:
            files = [p]
        for f in files:
            groups.setdefault(_document_name(f), []).append(str(f))
    return [(name, tuple(dict.fromkeys(fs))) for name, fs in sorted(groups.items())]


def _document_name(f: Path) -> str:
    from .pipeline import ARTICLE_SUFFIXES

    if f.suffix.lower() in ARTICLE_SUFFIXES:
        return str(f)
    if f.parent.name in PAIRED_FOLDERS:
        return str(f.parent.parent / f.stem)
    return str(f.parent / f.stem)


def check_document(task: Task) -> Outcome:
    """Check one document and render its report; never raises for a bad document."""
    from .errors import FactcheckError
    from .findings import Severity
    from .pipeline import check_paths
    from .reporters import Options, get

    try:
        from .semantics import DEFAULT_POLICY

        report = check_paths([Path(p) for p in task.paths], task.policy or DEFAULT_POLICY, lang=task.lang)
        display, fail = "info", Severity.error
        if task.config is not None:
            from .config import apply_codes

            apply_codes(report, task.config)
            display, fail = task.config.display_level.value, task.config.fail_level
        rows, used = _baseline(report, task)
        if task.format == "json":
            # Embedded in the batch's own JSON, as written there (one line, the standard
            # separators): the parent splices it in, instead of parsing an indented
            # rendering and writing it again.
            import json

            out = json.dumps(report.to_dict(), ensure_ascii=False)
        else:
            out = get(task.format)(report, Options(color=task.color, show_all=task.show_all,
                                                   min_severity=display))
    except FactcheckError as exc:
        return Outcome(task.name, task.paths, exit_code=2, error=str(exc))
    except RecursionError:
        return Outcome(task.name, task.paths, exit_code=2, error=f"{task.paths[0]}: nested too deeply")
    except Exception as exc:  # one broken document must not stop a corpus
        return Outcome(task.name, task.paths, exit_code=2,
                       error=f"{task.paths[0]}: internal error: {type(exc).__name__}: {exc}")
    # As in each report's own summary; statuses no finding has are left out.
    summary = {status: n for status, n in report.findings.counts().items() if n}
    # The serial check's rule, from the same function (Report.exit_code).
    return Outcome(task.name, task.paths, out, report.exit_code(fail), None, summary, rows, used)


def _baseline(report: Report, task: Task) -> tuple[tuple[dict[str, Any], ...], dict[str, int]]:
    """Apply the task's baseline to one document's report, as the serial check applies it
    to the whole (after code selection and severities)."""
    from collections import Counter

    from . import baseline

    if task.write_baseline:
        rows = tuple({**r, "document": task.name} for r in baseline.entries(report))
        baseline.apply(report, baseline.Baseline(task.name, Counter(r["fingerprint"] for r in rows)))
        return rows, {}
    if task.baseline is not None:
        used = baseline.apply_counting(report, baseline.Baseline(task.name, Counter(dict(task.baseline))))
        return (), dict(used)
    return (), {}


class _Future(Protocol):
    def result(self) -> Outcome: ...


def _ordered(submit: Callable[[Task], _Future], tasks: Iterable[Task], window: int) -> Iterator[Outcome]:
    """Results in task order, with at most ``window`` tasks in flight (bounded memory)."""
    pending: deque[_Future] = deque()
    it = iter(tasks)
    for t in it:
        pending.append(submit(t))
        if len(pending) >= window:
            break
    while pending:
        yield pending.popleft().result()
        nxt = next(it, None)
        if nxt is not None:
            pending.append(submit(nxt))


def check_many(tasks: Iterable[Task], *, jobs: int = 1, dask: str | None = None) -> Iterator[Outcome]:
    """Check documents; yield outcomes in the order of ``tasks``.

    ``jobs`` > 1 runs them in that many processes; ``dask`` is the address of a Dask
    scheduler (``tcp://host:8786``) or ``"local"`` for a cluster on this machine with
    ``jobs`` workers.  Either way the outcomes equal those of ``jobs=1``.
    """
    if dask is not None:
        yield from _dask(tasks, dask, jobs)
    elif jobs <= 1:
        for t in tasks:
            yield check_document(t)
    else:
        import concurrent.futures as cf
        import multiprocessing as mp

        # Import the engine before the workers fork, so that each starts warm.
        from . import evaluate, pipeline, reporters  # noqa: F401

        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            yield from _ordered(lambda t: pool.submit(check_document, t), tasks, 4 * jobs)


def _dask(tasks: Iterable[Task], address: str, jobs: int) -> Iterator[Outcome]:
    from .errors import UsageError

    try:
        import distributed
    except ImportError:
        raise UsageError("--dask needs Dask: pip install 'factcheck[dask]'") from None
    import logging

    # A command-line user wants the reports, not the cluster's start-up chatter.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    dist: Any = distributed  # Dask's own functions are untyped
    cluster: Any = None
    client: Any
    try:
        if address == "local":
            n = jobs if jobs > 1 else (os.cpu_count() or 1)
            cluster = dist.LocalCluster(n_workers=n, threads_per_worker=1, dashboard_address=None)
            client = dist.Client(cluster)
        else:
            client = dist.Client(address, timeout="5s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise UsageError(f"cannot reach the Dask scheduler at {address!r}: {exc}") from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _ordered(lambda t: client.submit(check_document, t, pure=False), tasks, 8 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
