"""``--format json``: report version 1 (see docs/report.md)."""

from __future__ import annotations

from .. import jsontext
from ..report import Report
from . import Options, reporter


@reporter("json")
def render(report: Report, options: Options) -> str:
    return jsontext.dumps(report.to_dict()) + "\n"
