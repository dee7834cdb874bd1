"""Checking many articles: documents per second, serial and in parallel, with identical output.

    python benchmarks/many_documents.py --documents 2000 --jobs 1,2
    python benchmarks/many_documents.py --documents 500 --jobs 1,2 --dask   # also --dask local

A folder of ``--documents`` article files is written from real-looking text: the
articles of ``tests/articles``, the bundled examples and, when ``../shared/corpus`` is
next to the checkout, the corpus passages, in both languages, cycled.  Each setting runs
``python -m factcheck check DIR --no-config -f json`` in a fresh process (the whole
command: start-up, reading, extraction, inference, evaluation, rendering) and is timed in
wall seconds — what parallel checking shortens — and in the CPU seconds of the process and
its workers.  The first setting is the baseline of the ratios; every setting's JSON output
must be identical to it.  Exit code 1 if any output differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _texts() -> list[tuple[str, str]]:
    """(name, text) of every article this checkout and the shared corpus hold."""
    import yaml

    out = [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "tests" / "articles").glob("*.txt"))]
    out += [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    for p in sorted(corpus.glob("*.yaml")) if corpus.is_dir() else ():
        doc = yaml.safe_load(p.read_text("utf-8"))
        out.append((f"{doc['id']}.txt", doc["text"]))
    return out


def _write(folder: Path, n: int) -> int:
    """``n`` article files in ``folder``; their total size in bytes."""
    texts = _texts()
    size = 0
    for i in range(n):
        name, text = texts[i % len(texts)]
        data = text.encode("utf-8")
        (folder / f"{i:06d}-{name}").write_bytes(data)
        size += len(data)
    return size


def _run(folder: Path, setting: list[str], out: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds (this child and its workers) of one check, and its output's digest."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(folder), "--no-config", "-f", "json",
                           "-o", str(out), *setting], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"factcheck check {' '.join(setting)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, hashlib.sha256(out.read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=2000)
    ap.add_argument("--jobs", default="1,2", help="--jobs values to run, by commas (the first is the baseline)")
    ap.add_argument("--dask", action="store_true", help="also run with --dask local (needs the 'dask' extra)")
    ap.add_argument("--json", type=Path, help="write the results here as JSON")
    args = ap.parse_args(argv)
    settings = [["--jobs", j] for j in args.jobs.split(",")]
    if args.dask:
        settings.append(["--dask", "local"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        size = _write(folder, args.documents)
        rows = []
        for setting in settings:
            wall, cpu, digest = _run(folder, setting, Path(tmp) / "out.json")
            rows.append({"setting": " ".join(setting), "wall_seconds": wall, "cpu_seconds": cpu, "digest": digest})
    base = rows[0]
    print(f"{args.documents:,} articles, {size / 1e6:.2f} MB, {os.cpu_count()} CPUs")
    print(f"{'setting':<16} {'wall s':>8} {'CPU s':>8} {'docs/s':>8} {'MB/s':>6} {'speed-up':>9}  output")
    for r in rows:
        same = r["digest"] == base["digest"]
        print(f"{r['setting']:<16} {r['wall_seconds']:>8.2f} {r['cpu_seconds']:>8.2f} "
              f"{args.documents / r['wall_seconds']:>8.1f} {size / 1e6 / r['wall_seconds']:>6.2f} "
              f"{base['wall_seconds'] / r['wall_seconds']:>8.2f}x  {'identical' if same else 'DIFFERS'}")
    if args.json:
        args.json.write_text(json.dumps({"documents": args.documents, "bytes": size, "results": rows}, indent=2))
    return 0 if all(r["digest"] == base["digest"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
