"""benchmarks/corpus_check.py scores findings against annotated relations."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")


def _load():
    spec = importlib.util.spec_from_file_location("corpus_check", ROOT / "benchmarks" / "corpus_check.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["corpus_check"] = mod  # dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


def test_scores_recall_false_alarms_and_consistent_relations(tmp_path: Path, capsys):
    passages = [
        {"id": "en-a", "lang": "en",
         "text": "The line received 41,549 calls, of which 26,908 were questions and 17,000 led to a dispatch.\n"
                 "Police recorded 89 offences, of which 28 were thefts and 61 were burglaries.\n",
         "relations": [
             {"kind": "sum", "quotes": ["41,549 calls", "26,908", "17,000"], "verdict": "inconsistent"},
             {"kind": "sum", "quotes": ["89 offences", "28", "61"], "verdict": "consistent"}]},
        # an error finding about a relation annotated consistent is a false alarm
        {"id": "fa-b", "lang": "fa",
         "text": "در این روز ۴۱ هزار و ۵۴۹ تماس گرفته شد که ۲۶ هزار و ۹۰۸ تماس به پرسش‌ها و ۱۷ هزار تماس به "
                 "اعزام مربوط بود.\n",
         "relations": [{"kind": "sum", "quotes": ["۴۱ هزار و ۵۴۹ تماس", "۲۶ هزار و ۹۰۸ تماس", "۱۷ هزار تماس"],
                        "verdict": "consistent"}]},
    ]
    for p in passages:
        (tmp_path / f"{p['id']}.yaml").write_text(yaml.safe_dump(p, allow_unicode=True), "utf-8")
    mod = _load()
    assert mod.main([str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["en"]["recall"], out["en"]["false_alarms"], out["en"]["consistent_flagged"]) == (1.0, 0, 0)
    assert (out["fa"]["recall"], out["fa"]["false_alarms"], out["fa"]["consistent_flagged"]) == (None, 1, 1)
    assert mod.main([str(tmp_path), "--require", "--json"]) == 1  # 1 false alarm in 1 passage: 20 per 20
