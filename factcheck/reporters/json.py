"""``--format json``: report version 1 (see docs/report.md)."""

from __future__ import annotations

import json

from ..report import Report
from . import Options, reporter


@reporter("json")
def render(report: Report, options: Options) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
