"""Bad input: one clear line naming file, line, field and value; exit code 2; no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LINE = re.compile(r"^factcheck: error: .+$")


def _check(run_cli, tmp_path: Path, name: str, content: str | bytes) -> str:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    before = p.read_bytes()
    proc = run_cli("check", str(p), cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    err = proc.stderr.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert LINE.match(err), err
    assert p.read_bytes() == before, "a user file was modified"
    return err


GOOD_CLAIM = "claims:\n  - {id: a, value: 1, unit: person}\n"

CASES = [
    ("malformed.yaml", "claims:\n  - {id: a, value: 1\n", r"malformed\.yaml:\d+:\d+: invalid YAML"),
    ("unit.yaml", "claims:\n  - id: a\n    value: 1\n    unit: vehicels\n",
     r"unit\.yaml:4:11: claims\[a\]\.unit: unknown unit \(got 'vehicels'\)"),
    ("missing.yaml", GOOD_CLAIM + "rules:\n  - {id: r, kind: part_of, part: a, whole: zz}\n",
     r"missing\.yaml:4:5: rules\[r\]: rule refers to unknown claim 'zz'"),
    ("dup.yaml", GOOD_CLAIM + "  - {id: a, value: 2, unit: person}\n",
     r"dup\.yaml:3:5: claims\[1\]\.id: duplicate id 'a'"),
    ("nan.yaml", "claims:\n  - {id: a, value: .nan}\n", r"nan\.yaml:2:\d+: claims\[a\]\.value: .*finite"),
    ("inf.yaml", "claims:\n  - {id: a, value: .inf}\n", r"inf\.yaml:2:\d+: claims\[a\]\.value: .*finite"),
    ("huge.yaml", "claims:\n  - {id: a, value: 1e400}\n", r"huge\.yaml:2:\d+: claims\[a\]\.value: number out of range"),
    ("empty.yaml", "", r"empty\.yaml:1: empty file"),
    ("scalar.yaml", "42\n", r"scalar\.yaml:1:1: expected a mapping"),
    ("unknown_key.yaml", "claims:\n  - {id: a, value: 1, colour: red}\n",
     r"unknown_key\.yaml:2:\d+: claims\[a\]\.colour: Extra inputs are not permitted \(got 'red'\)"),
    ("bad_hedge.yaml", "claims:\n  - {id: a, value: 1, hedge: roughly-ish}\n",
     r"bad_hedge\.yaml:2:\d+: claims\[a\]\.hedge: Input should be .*\(got 'roughly-ish'\)"),
    ("bad_kind.yaml", GOOD_CLAIM + "rules:\n  - {id: r, kind: total}\n", r"bad_kind\.yaml:4:\d+: rules\[r\]"),
    ("bad_json.json", '{"claims": [ {"id": "a" "value": 1} ]}', r"bad_json\.json:1:\d+: invalid JSON"),
    ("nan.json", '{"claims": [{"id": "a", "value": NaN}]}', r"nan\.json: .*NaN"),
    ("bad_expr.yaml", GOOD_CLAIM + "rules:\n  - {id: r, kind: expr, expr: \"__import__('os').system('x') == a\"}\n",
     r"bad_expr\.yaml:4:\d+: rules\[r\]\.expr: the only call allowed is c\(\"claim-id\"\)"),
    ("bad_period.yaml", "claims:\n  - {id: a, value: 1, unit: person, period: 6 blorps}\n",
     r"bad_period\.yaml:2:\d+: claims\[a\]\.period: unknown duration unit \(got 'blorps'\)"),
    ("bad_date.yaml", "claims:\n  - id: a\n    value: 1\n    period: {start: 2024-02-30, end: 2024-03-01}\n",
     r"bad_date\.yaml:4:21: invalid YAML: day is out of range for month \(got '2024-02-30'\)"),
    ("long_int.yaml", "claims:\n  - id: a\n    value: " + "9" * 5000 + "\n",
     r"long_int\.yaml:3:12: invalid YAML: Exceeds the limit \(4300 digits\) .* \(got '999+\.\.\.'\)"),
    ("bad_id.yaml", "claims:\n  - {id: '1 bad id', value: 1}\n",
     r"bad_id\.yaml:2:\d+: claims\[1 bad id\]\.id: String should match"),
]


@pytest.mark.parametrize(("name", "content", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_bad_claim_files(run_cli, tmp_path: Path, name: str, content: str, pattern: str) -> None:
    err = _check(run_cli, tmp_path, name, content)
    assert re.search(pattern, err), err


def test_invalid_utf8(run_cli, tmp_path: Path) -> None:
    err = _check(run_cli, tmp_path, "latin1.yaml", "claims:\n  - {id: caf\xe9}\n".encode("latin-1"))
    assert "latin1.yaml:2: invalid UTF-8" in err


def test_binary_file(run_cli, tmp_path: Path) -> None:
    err = _check(run_cli, tmp_path, "blob.yaml", b"\x00\x01\x02" * 100)
    assert "binary file" in err


def test_twenty_megabyte_file_is_refused_quickly(run_cli, tmp_path: Path) -> None:
    big = "claims:\n" + "  - {id: a, value: 1}\n" * (20 * 1024 * 1024 // 22)
    err = _check(run_cli, tmp_path, "big.yaml", big)
    assert "file too large" in err and "FACTCHECK_MAX_FILE_BYTES" in err


def test_missing_path(run_cli, tmp_path: Path) -> None:
    proc = run_cli("check", str(tmp_path / "nope.yaml"), cwd=tmp_path)
    assert proc.returncode == 2
    assert "nope.yaml: no such file or directory" in proc.stderr


def test_no_default_folders(run_cli, tmp_path: Path) -> None:
    proc = run_cli("check", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no paths given" in proc.stderr


def test_bad_usage(run_cli, tmp_path: Path) -> None:
    proc = run_cli("check", "--format", "nonsense", cwd=tmp_path)
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr


def test_duplicate_ids_across_files(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_CLAIM, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD_CLAIM, encoding="utf-8")
    proc = run_cli("check", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 2
    pattern = r"b\.yaml:2:5: claim\.id: duplicate id 'a' \(first defined at .*a\.yaml:2\)"
    assert re.search(pattern, proc.stderr), proc.stderr


def test_deeply_nested_yaml_does_not_crash(run_cli, tmp_path: Path) -> None:
    err = _check(run_cli, tmp_path, "deep.yaml", "claims: " + "[" * 5000 + "]" * 5000 + "\n")
    assert "deep.yaml" in err
