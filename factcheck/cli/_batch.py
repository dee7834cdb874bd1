"""``factcheck check --jobs N`` / ``--dask ADDRESS``: many documents, each on its own.

Output is written as each document finishes, in document order.  ``--format json``
wraps the per-document reports in one object (schema ``factcheck-batch/1``, one document
per line); other formats print each document's report in turn.  A document that cannot be
read is reported on stderr (and in the JSON) and the others go on.  The exit code is the
worst of all documents: 2 if one could not be read, else 1 if one has a finding at the
fail level.  A baseline applies to each document as to one report: entries written by a
batch check name their document (claim ids need only be unique within one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..batch import Task, check_many, documents
from ._ci import finish_batch

if TYPE_CHECKING:
    from ..baseline import Baseline
    from ..config import Config
    from ..semantics import Policy

BATCH_SCHEMA = "factcheck-batch/1"


class _Progress:
    """``checked 12/40 documents`` on one line of a terminal's stderr."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.width = 30

    def show(self, done: int) -> None:
        filled = self.width * done // max(1, self.total)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total} documents")
        self.stream.flush()

    def clear(self) -> None:
        self.stream.write("\r\033[K")
        self.stream.flush()


def run_batch(args: argparse.Namespace, paths: list[Path], lang: str | None, color: bool,
              policy: Policy | None = None, config: Config | None = None,
              baseline: Baseline | None = None) -> int:
    docs = documents(paths)
    write = getattr(args, "write_baseline", None) is not None
    tasks = [Task(name, files, args.format, lang, args.show_all, color, policy, config,
                  None if baseline is None else tuple(baseline.for_document(name).items()), write)
             for name, files in docs]
    # What the baseline needs from each document (not the reports: a corpus may be large).
    entries: list[dict[str, Any]] = []
    used: Counter[str] = Counter()
    jobs = args.jobs if args.jobs is not None else 1
    progress = _Progress(len(tasks), sys.stderr) if sys.stderr.isatty() else None
    out: IO[str] = (open(args.output, "w", encoding="utf-8") if args.output is not None  # noqa: SIM115
                    else sys.stdout)
    as_json = args.format == "json"
    worst = 0
    totals: dict[str, int] = {}
    failed = 0
    try:
        if as_json:
            out.write(f'{{"schema": "{BATCH_SCHEMA}", "documents": [')
        for i, o in enumerate(check_many(tasks, jobs=jobs, dask=args.dask)):
            entries.extend(o.baseline_entries)
            used.update(o.baseline_used)
            worst = max(worst, o.exit_code)
            for k, v in o.summary.items():
                totals[k] = totals.get(k, 0) + v
            if o.error is not None:
                failed += 1
                if progress:
                    progress.clear()
                print(f"factcheck: error: {o.error}", file=sys.stderr)
            if as_json:
                entry = json.dumps({"name": o.name, "paths": list(o.paths), "exit_code": o.exit_code,
                                    "error": o.error, "report": None}, ensure_ascii=False)
                if o.output:  # the report, already as JSON (batch.check_document)
                    entry = entry[:-len("null}")] + o.output + "}"
                out.write(("," if i else "") + "\n" + entry)
            else:
                out.write(o.output)
            if progress:
                progress.show(i + 1)
        if as_json:
            summary = {"documents": len(tasks), "failed": failed, **dict(sorted(totals.items()))}
            out.write(f'\n], "summary": {json.dumps(summary)}}}\n')
    finally:
        if progress:
            progress.clear()
        if out is not sys.stdout:
            out.close()
    if config is not None:
        finish_batch(args, config, baseline, entries, used)
    return worst
