"""Many documents: --jobs and --dask give the serial results, in order; bad documents are reported."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from factcheck.batch import Task, check_document, check_many, documents
from factcheck.cli._batch import _Progress

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate

LIMIT = 60_000


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six synthetic documents, the Qom example as a claims/ + rules/ pair, one malformed
    file and one over the size limit."""
    root = tmp_path / "corpus"
    (root / "claims").mkdir(parents=True)
    (root / "rules").mkdir()
    (root / "wire").mkdir()
    shutil.copy(ROOT / "claims" / "qom-police.yaml", root / "claims")
    shutil.copy(ROOT / "rules" / "qom-police.yaml", root / "rules")
    for i in range(6):
        g = generate(60, seed=i, rate=0.3 if i % 2 else 0.0)
        (root / "wire" / f"story{i}.json").write_text(json.dumps(g.data), "utf-8")
    (root / "wire" / "broken.yaml").write_text("claims: [\n", "utf-8")
    big = generate(800, seed=9).data
    (root / "wire" / "huge.json").write_text(json.dumps(big), "utf-8")
    assert (root / "wire" / "huge.json").stat().st_size > LIMIT
    return root


def _batch(run_cli, corpus: Path, *extra: str) -> tuple[int, dict[str, object], str]:
    proc = run_cli("check", str(corpus), "--format", "json", *extra,
                   env={"FACTCHECK_MAX_FILE_BYTES": str(LIMIT)})
    return proc.returncode, json.loads(proc.stdout), proc.stderr


def test_documents_pair_claims_and_rules_folders(corpus: Path) -> None:
    docs = dict(documents([corpus]))
    assert docs[str(corpus / "qom-police")] == (str(corpus / "claims" / "qom-police.yaml"),
                                                 str(corpus / "rules" / "qom-police.yaml"))
    assert len(docs) == 9
    assert list(docs) == sorted(docs)


def test_jobs_equal_serial_and_report_bad_documents(run_cli, corpus: Path) -> None:
    rc1, serial, err1 = _batch(run_cli, corpus, "--jobs", "1")
    rc3, parallel, err3 = _batch(run_cli, corpus, "--jobs", "3")
    assert parallel == serial
    assert rc1 == rc3 == 2  # one document could not be read
    assert err1 == err3
    docs = serial["documents"]  # type: ignore[index]
    assert [d["name"] for d in docs] == sorted(d["name"] for d in docs)
    errors = {Path(d["name"]).name: d["error"] for d in docs if d["error"]}
    assert set(errors) == {"broken", "huge"}
    assert "invalid YAML" in errors["broken"] and "file too large" in errors["huge"]
    assert err1.count("factcheck: error:") == 2
    ok = [d for d in docs if not d["error"]]
    assert len(ok) == 7 and all(d["report"]["schema"] == "factcheck-report/1" for d in ok)
    assert serial["summary"]["documents"] == 9 and serial["summary"]["failed"] == 2  # type: ignore[index]


def test_batch_report_equals_checking_the_document_alone(run_cli, corpus: Path) -> None:
    _, serial, _ = _batch(run_cli, corpus, "--jobs", "2")
    story = corpus / "wire" / "story1.json"
    alone = run_cli("check", str(story), "--format", "json")
    entry = next(d for d in serial["documents"] if d["paths"] == [str(story)])  # type: ignore[index]
    assert entry["report"] == json.loads(alone.stdout)
    assert entry["exit_code"] == alone.returncode == 1


def test_text_output_is_in_document_order(run_cli, corpus: Path) -> None:
    proc = run_cli("check", str(corpus / "wire"), "--jobs", "2", env={"FACTCHECK_MAX_FILE_BYTES": str(LIMIT)})
    serial = run_cli("check", str(corpus / "wire"), "-j", "1", env={"FACTCHECK_MAX_FILE_BYTES": str(LIMIT)})
    assert proc.stdout == serial.stdout and proc.returncode == serial.returncode == 2
    firsts = [line.split(":")[0] for line in proc.stdout.splitlines() if ": error:" in line]
    assert firsts == sorted(firsts) and firsts


def test_bad_jobs_value_is_a_usage_error(run_cli) -> None:
    proc = run_cli("check", "--jobs", "-1")
    assert proc.returncode == 2 and "must be >= 0" in proc.stderr and "Traceback" not in proc.stderr


def test_progress_bar_counts_documents() -> None:
    buf = io.StringIO()
    bar = _Progress(4, buf)
    bar.show(1)
    bar.show(4)
    bar.clear()
    assert "1/4 documents" in buf.getvalue() and "[" + "#" * 30 + "] 4/4" in buf.getvalue()


def _tasks(corpus: Path) -> list[Task]:
    return [Task(name, files) for name, files in documents([corpus / "wire", corpus / "claims"])]


def test_dask_cluster_gives_serial_results(run_cli, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    monkeypatch.setenv("FACTCHECK_MAX_FILE_BYTES", str(LIMIT))
    serial = [check_document(t) for t in _tasks(corpus)]
    # Workers are threads of this process, reachable over TCP by the command line below.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  protocol="tcp://", host="127.0.0.1", dashboard_address=None) as cluster:
        on_dask = list(check_many(_tasks(corpus), dask=cluster.scheduler_address))
        assert on_dask == serial
        # The command line, as a client of the same scheduler.
        rc, via_cli, _ = _batch(run_cli, corpus, "--dask", cluster.scheduler_address)
    rc1, via_serial, _ = _batch(run_cli, corpus, "--jobs", "1")
    assert via_cli == via_serial and rc == rc1 == 2


def test_dask_local_cluster_from_the_command_line(run_cli, corpus: Path) -> None:
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    rc, local, _ = _batch(run_cli, corpus, "--dask", "local", "--jobs", "2")
    rc1, serial, _ = _batch(run_cli, corpus, "--jobs", "1")
    assert local == serial and rc == rc1


def test_unreachable_scheduler_is_one_line(run_cli, corpus: Path) -> None:
    pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
    proc = run_cli("check", str(corpus), "--dask", "tcp://127.0.0.1:9", timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factcheck: error: cannot reach the Dask scheduler")
    assert "Traceback" not in proc.stderr


def test_policy_reaches_every_worker(tmp_path: Path) -> None:
    from factcheck.semantics import Policy

    # 3000 written plainly is 2500-3500 under the default rounding, 2999.5-3000.5 when the
    # last digit counts: 2000 + 1100 is consistent with the first only.
    doc = tmp_path / "doc.yaml"
    doc.write_text("claims:\n  - {id: t, value: 3000, unit: person}\n"
                   "  - {id: a, value: 2000, unit: person, precision: 1}\n"
                   "  - {id: b, value: 1100, unit: person, precision: 1}\n"
                   "rules:\n  - {id: r, kind: sum, whole: t, parts: [a, b]}\n", "utf-8")
    strict = Policy(rounding="last-digit")
    default = [Task("doc", (str(doc),)), Task("doc2", (str(doc),))]
    last_digit = [Task("doc", (str(doc),), policy=strict), Task("doc2", (str(doc),), policy=strict)]
    assert [o.exit_code for o in check_many(default, jobs=2)] == [0, 0]
    assert [o.exit_code for o in check_many(last_digit, jobs=2)] == [1, 1]


@pytest.mark.parametrize("options", [
    ("--fail-level", "info", "--display-level", "warning"),
    ("--fail-level", "warning"),
])
def test_levels_and_code_selection_apply_per_document_as_serially(run_cli, tmp_path: Path,
                                                                  options: tuple[str, ...]) -> None:
    root = tmp_path / "docs"
    (root / "claims").mkdir(parents=True)
    (root / "rules").mkdir()
    shutil.copy(ROOT / "claims" / "qom-police.yaml", root / "claims")
    shutil.copy(ROOT / "rules" / "qom-police.yaml", root / "rules")
    g = generate(60, seed=1, rate=0.3)
    (root / "story.json").write_text(json.dumps(g.data), "utf-8")
    # The Qom example's one error is FC111; disabling it leaves that document clean.
    (tmp_path / "factcheck.toml").write_text('disable = ["rate.total-below-rate"]\n', "utf-8")
    proc = run_cli("check", "docs", "--format", "json", "--jobs", "2", *options, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    batch = json.loads(proc.stdout)
    # Each document's report is spliced in as its worker wrote it: the text is what
    # writing the parsed entry again gives, one document per line.
    lines = proc.stdout.split("\n")
    assert [line.rstrip(",") for line in lines[1:-2]] == [json.dumps(d, ensure_ascii=False)
                                                         for d in batch["documents"]]
    codes = []
    for doc in batch["documents"]:
        serial = run_cli("check", *doc["paths"], "--format", "json", *options, cwd=tmp_path)
        assert doc["report"] == json.loads(serial.stdout)
        assert doc["exit_code"] == serial.returncode
        codes.append(serial.returncode)
    assert proc.returncode == max(codes)
    qom = next(d for d in batch["documents"] if d["name"].endswith("qom-police"))
    assert [f["severity"] for f in qom["report"]["findings"] if f["code"] == "FC111"] == ["none"]


def _twins(root: Path, total_a: int, total_b: int) -> None:
    """Two documents with the same claim ids (allowed: ids are per document)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, total in (("a", total_a), ("b", total_b)):
        (root / f"{name}.yaml").write_text(
            "claims:\n"
            f"  - {{id: total, value: {total}, unit: person}}\n"
            "  - {id: p1, value: 601, unit: person}\n"
            "  - {id: p2, value: 502, unit: person}\n"
            "rules:\n"
            "  - {id: r, kind: sum, whole: total, parts: [p1, p2]}\n", "utf-8")


def test_a_baseline_written_and_applied_by_a_batch_check(run_cli, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _twins(docs, 1003, 1003)  # both documents say 601 + 502 = 1,003: FC101 in each
    base = tmp_path / "baseline.json"
    wrote = run_cli("check", str(docs), "--jobs", "2", "--write-baseline", str(base))
    assert wrote.returncode == 0, wrote.stderr  # every current finding is accepted
    assert "wrote 2 findings" in wrote.stderr
    entries = json.loads(base.read_text("utf-8"))["findings"]
    assert sorted(e["document"] for e in entries) == [str(docs / "a"), str(docs / "b")]
    assert len({e["fingerprint"] for e in entries}) == 1  # same ids, same figures
    # Applied per document, each report is what checking that document alone with the
    # baseline gives; both findings are accepted, and nothing is stale.
    proc = run_cli("check", str(docs), "--jobs", "2", "--baseline", str(base), "--format", "json")
    assert proc.returncode == 0 and "no longer match" not in proc.stderr, proc.stderr
    for doc in json.loads(proc.stdout)["documents"]:
        alone = run_cli("check", *doc["paths"], "--baseline", str(base), "--format", "json")
        assert doc["report"]["findings"] == json.loads(alone.stdout)["findings"]
        assert [f["suppression"] for f in doc["report"]["findings"] if f["code"] == "FC101"] == ["baseline"]
    # A new finding fails, and the entry it replaced is reported stale.
    _twins(docs, 1003, 903)
    proc = run_cli("check", str(docs), "--jobs", "2", "--baseline", str(base), "--format", "json")
    assert proc.returncode == 1
    assert "1 baseline entry" in proc.stderr and "no longer match" in proc.stderr
    bad = [d["name"] for d in json.loads(proc.stdout)["documents"] if d["exit_code"] == 1]
    assert bad == [str(docs / "b")]


def test_a_batch_baseline_names_documents(run_cli, tmp_path: Path) -> None:
    # Only document a's finding is in the baseline: b's identical finding (same claim ids,
    # same figures) must not be accepted by a's entry.
    docs = tmp_path / "docs"
    _twins(docs, 1003, 1103)
    base = tmp_path / "baseline.json"
    assert run_cli("check", str(docs), "--jobs", "2", "--write-baseline", str(base)).returncode == 0
    _twins(docs, 1003, 1003)
    proc = run_cli("check", str(docs), "--jobs", "2", "--baseline", str(base), "--format", "json")
    assert proc.returncode == 1
    bad = [d["name"] for d in json.loads(proc.stdout)["documents"] if d["exit_code"] == 1]
    assert bad == [str(docs / "b")]


def test_a_baseline_written_by_a_serial_check_applies_to_a_batch(run_cli, tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    assert run_cli("check", "--write-baseline", str(base), cwd=ROOT).returncode == 0
    example = (str(ROOT / "claims"), str(ROOT / "rules"))
    proc = run_cli("check", *example, "--jobs", "2", "--baseline", str(base))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    unbaselined = run_cli("check", *example, "--jobs", "2")
    assert unbaselined.returncode == 1  # the Qom example's conflict, accepted above


def test_a_bad_baseline_stops_a_batch_before_any_document(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text('{"schema": "nope"}', "utf-8")
    proc = run_cli("check", str(ROOT / "claims"), "--jobs", "2", "--baseline", str(bad))
    assert proc.returncode == 2 and "not a factcheck baseline" in proc.stderr
    assert proc.stdout == ""
