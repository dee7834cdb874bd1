"""Small claim projects for the CI tests: one finding of each severity, and the bundled example."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

#: 28 + 61 offences cannot make 80 (FC101, error).
ERROR = """\
claims:
  - {id: a, value: 28, unit: offence}
  - {id: b, value: 61, unit: offence}
  - {id: total, value: 80, unit: offence}
rules:
  - {id: r_sum, kind: sum, whole: total, parts: [a, b]}
"""

#: A low-confidence comparison that fails: a possible finding, severity warning.
WARNING = """\
claims:
  - {id: c, value: 28, unit: offence}
  - {id: d, value: 61, unit: offence}
rules:
  - {id: r_possible, kind: compare, a: c, op: ">", b: d, confidence: 0.5}
"""

#: A rule whose whole is unstated: undetermined, severity info (FC002).
INFO = """\
claims:
  - {id: e, value: 28, unit: offence}
  - {id: f, unit: offence}
rules:
  - {id: r_undetermined, kind: part_of, part: e, whole: f}
"""


def project(tmp: Path, **files: str) -> Path:
    """A folder with ``claims/NAME.yaml`` for each keyword argument."""
    (tmp / "claims").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp / "claims" / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp


def example(tmp: Path) -> Path:
    """A copy of the bundled example (claims/, rules/, examples/) that a test may edit."""
    for d in ("claims", "rules", "examples"):
        shutil.copytree(ROOT / d, tmp / d)
    return tmp
