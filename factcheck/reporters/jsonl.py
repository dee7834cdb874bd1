"""``--format jsonl``: one JSON object per line, one line per finding shown.

Each line is a finding exactly as in report version 1 (``findings[]``, see docs/report.md),
with its location; streaming tools (``jq -c``, log shippers) read it line by line.
"""

from __future__ import annotations

import json

from ..report import Report
from . import Options, reporter
from ._common import shown


@reporter("jsonl")
def render(report: Report, options: Options) -> str:
    return "".join(json.dumps(report.finding_row(f), ensure_ascii=False) + "\n" for f in shown(report, options))
