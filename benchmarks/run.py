"""Benchmark factcheck against the tools a user would reach for, on the same rule graphs.

    python benchmarks/run.py --sizes 100000 --json out.json

For each size a synthetic rule graph is generated (:mod:`synth`: articles of sums, rates
over calendar periods, shares, changes, repeats, chains and loops, 1% of rules falsified)
and checked by every engine in the same process; the verdicts (which rules fail alone,
which components fail) must be identical, and ``verdicts_agree`` says whether they were.
Also measured: loading the graph from JSON and YAML files, memory per claim, extraction
throughput (when the extraction stage is installed) and the cold start of
``factcheck check`` on the bundled example.  Times are CPU seconds of this process, the
best of ``--repeat`` runs for factcheck and of one run for the baselines (they are
slow); the cold start is wall time of a fresh process.  No number is asserted here.

The two reference propagations the issue quotes, ``python`` (plain-Python float interval
propagation) and ``numpy`` (vectorised: the floor), are timed in two parts: their
``seconds`` are propagating already-built rows to the verdicts, best of ``--repeat``
(what "lower bound" means); ``build_seconds`` beside them is building those rows from the
claim set through factcheck's semantics, once.  ``factcheck / numpy floor`` is printed
per size (``floor_ratio`` in the JSON): the issue's target is within 3x.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from baselines import ENGINES, TWO_PHASE, Verdicts, components  # noqa: E402
from synth import generate  # noqa: E402

from factcheck.evaluate import evaluate  # noqa: E402
from factcheck.files import ClaimSet, load_paths, load_text  # noqa: E402

ALL_ENGINES = ("factcheck", "pint", "z3", "highs", "python", "numpy")
MODULE_OF = {"z3": "z3", "highs": "highspy", "pint": "pint"}


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Silence C-level writes to stdout (HiGHS prints a banner whatever its options)."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 1)
        try:
            yield
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Least CPU time of ``repeat`` runs, and the last result.

    CPU time of this process (all its threads), not wall time: on a shared machine other
    people's jobs stretch wall time by whatever they happen to run, but not CPU time.
    """
    best = float("inf")
    out = None
    for _ in range(repeat):
        # The previous run's result is freed before the clock starts, not by the
        # assignment below (inside the timed span): each run is timed from nothing, as a
        # baseline timed once is.
        out = None
        gc.collect()
        t = time.process_time()
        out = fn()
        best = min(best, time.process_time() - t)
    return best, out


def _screen_seconds(cs: ClaimSet) -> float:
    """CPU seconds of one evaluation spent in the vectorised propagation of every rule
    (alone, then together), the part that the flat-array design makes cheap."""
    import factcheck.evaluate as ev_mod
    from factcheck.screen import Screen

    spent = [0.0]

    def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.process_time() - t
        return wrapper

    orig_screen, orig_joint = ev_mod._screen, Screen.suspect_components
    ev_mod._screen = timed(orig_screen)  # type: ignore[assignment]
    Screen.suspect_components = timed(orig_joint)  # type: ignore[method-assign]
    try:
        evaluate(cs)
    finally:
        ev_mod._screen = orig_screen  # type: ignore[assignment]
        Screen.suspect_components = orig_joint  # type: ignore[method-assign]
    return spent[0]


def factcheck_verdicts(cs: ClaimSet, ev: Any) -> Verdicts:
    comp = components(cs)
    bad = [f for _, f in ev.findings.problems() if f.status.value == "inconsistent"]
    local = frozenset(f.rule for f in bad if f.code != "FC001" and f.rule)
    return Verdicts(local, frozenset(comp[r] for f in bad for r in f.rules))


def _available(engine: str) -> str | None:
    mod = MODULE_OF.get(engine)
    if mod is None:
        return None
    try:
        __import__(mod)
    except ImportError:
        return f"{engine}: skipped, {mod} is not installed (pip install 'factcheck[bench]')"
    return None


def _write_files(data: dict[str, Any], tmp: Path, formats: list[str]) -> dict[str, Path]:
    import yaml

    out = {"json": tmp / "graph.json"}
    out["json"].write_text(json.dumps(data), "utf-8")
    if "yaml" in formats:
        out["yaml"] = tmp / "graph.yaml"
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        out["yaml"].write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def _memory_per_claim(path: Path, n: int) -> tuple[float, float, float]:
    """Bytes per claim held by the loaded claims and their evaluation, at the peak, and
    held once every finding has been read (consistent findings are made when read)."""
    # What a first evaluation loads once (numpy for the screen, unit factors) is not per claim.
    evaluate(load_text(json.dumps(generate(4000, seed=1).data), "warm-up.json"))
    gc.collect()
    tracemalloc.start()
    cs = load_paths([path])
    ev = evaluate(cs)
    held, peak = tracemalloc.get_traced_memory()
    list(ev.findings)
    read, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del cs, ev
    return held / n, peak / n, read / n


def _cold_start(repeat: int) -> dict[str, float]:
    """Wall and CPU seconds of ``factcheck check`` on the bundled example in a fresh process,
    and of the two baselines any Python tool pays: ``python -c pass`` and importing pydantic.

    The best of ``repeat`` runs of each, interleaved so that a burst of load on a shared
    machine hits all three alike.  The unit cache is warm (one run first), as on any machine
    that has run factcheck before.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    commands = {
        "cold_start": [sys.executable, "-m", "factcheck", "check", "claims", "rules"],
        "python_startup": [sys.executable, "-c", "pass"],
        "pydantic_import": [sys.executable, "-c", "import pydantic"],
    }
    subprocess.run(commands["cold_start"], cwd=ROOT, env=env, capture_output=True, check=False)
    best: dict[str, float] = {}
    for _ in range(repeat):
        for name, args in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(args, cwd=ROOT, env=env, capture_output=True, check=False)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            best[f"{name}_seconds"] = min(best.get(f"{name}_seconds", wall), wall)
            best[f"{name}_cpu_seconds"] = min(best.get(f"{name}_cpu_seconds", cpu), cpu)
    return best


def _extraction() -> tuple[float, int] | None:
    """MB of article text extracted per second, on the shared corpus and bundled examples."""
    try:
        from factcheck.extract import extract  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        import yaml

        for p in sorted(corpus.glob("*.yaml")):
            with contextlib.suppress(Exception):
                d = yaml.safe_load(p.read_text("utf-8"))
                if isinstance(d, dict) and isinstance(d.get("text"), str):
                    texts.append(d["text"])
    if not texts:
        return None
    body = "\n\n".join(texts)
    while len(body.encode("utf-8")) < 1_000_000:
        body += "\n\n" + body
    size = len(body.encode("utf-8"))
    extract(texts[0])  # warm up lazy imports
    seconds, _ = _best(lambda: extract(body), 2)
    return size / 1e6 / seconds, size


def bench_size(n: int, engines: list[str], repeat: int, baseline_max: int, notes: list[str],
               extra: bool, formats: list[str]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    g = generate(n, seed=n)
    claims = g.n_claims
    info: dict[str, Any] = {"claims": claims, "rules": g.n_rules, "planted": len(g.planted)}
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files = _write_files(g.data, Path(tmp), formats)
        for fmt, path in files.items():
            # best of two: one load of 10^5 claims from YAML is long enough to catch a burst
            # of other people's work on a shared machine
            runs = min(repeat, 2) if claims <= 200_000 else 1
            info[f"load_{fmt}_seconds"], cs = _best(lambda p=path: load_paths([p]), runs)  # type: ignore[misc]
        if extra:
            (info["bytes_per_claim_held"], info["bytes_per_claim_peak"],
             info["bytes_per_claim_all_read"]) = _memory_per_claim(files["json"], claims)
    evaluate(cs)  # warm the unit cache once, as any long-running process has it
    seconds, ev = _best(lambda: evaluate(cs), repeat)
    # Findings of rules that hold are made when first read; what reading them all costs
    # (a JSON report of every finding does) is reported beside the evaluation.
    t = time.process_time()
    list(ev.findings)
    info["read_all_findings_seconds"] = time.process_time() - t
    info["screen_seconds"] = _screen_seconds(cs)
    truth = factcheck_verdicts(cs, ev)
    planted_found = {r.split(".")[0] + "." for r in truth.components} == set(g.planted)
    info["planted_found"] = planted_found
    if "factcheck" in engines:
        results.append({"claims": claims, "engine": "factcheck", "seconds": seconds,
                        "verdicts_agree": planted_found})
    for engine in engines:
        if engine == "factcheck":
            continue
        why = _available(engine)
        if engine in TWO_PHASE:
            results.append(_two_phase(engine, cs, claims, truth, repeat))
            continue
        if why is None and claims > baseline_max:
            why = f"{engine}: skipped at {claims:,} claims (above --baseline-max {baseline_max:,})"
        if why is not None:
            if why not in notes:
                notes.append(why)
            continue
        with _quiet_stdout():
            secs, verdicts = _best(lambda e=engine: ENGINES[e](cs), 1)  # type: ignore[misc]
        results.append({"claims": claims, "engine": engine, "seconds": secs,
                        "verdicts_agree": verdicts == truth})
    floor = [r["seconds"] for r in results if r["engine"] == "numpy"]
    if floor and "factcheck" in engines:
        info["floor_ratio"] = seconds / floor[0]
    return results, info


def _two_phase(engine: str, cs: ClaimSet, claims: int, truth: Verdicts, repeat: int) -> dict[str, Any]:
    """A reference propagation: its rows built once (``build_seconds``), then propagated to
    the verdicts, best of ``repeat`` (``seconds``).  Run at every size: they are fast."""
    build, propagate = TWO_PHASE[engine]
    build_seconds, problem = _best(lambda: build(cs), 1)
    secs, verdicts = _best(lambda: propagate(problem), repeat)
    return {"claims": claims, "engine": engine, "seconds": secs, "build_seconds": build_seconds,
            "verdicts_agree": verdicts == truth}


def _table(results: list[dict[str, Any]], infos: list[dict[str, Any]]) -> str:
    lines = [f"{'claims':>9}  {'engine':<10} {'seconds':>9}  {'x factcheck':>11}  verdicts"]
    fc = {r["claims"]: r["seconds"] for r in results if r["engine"] == "factcheck"}
    for r in results:
        ratio = r["seconds"] / fc[r["claims"]] if r["claims"] in fc and fc[r["claims"]] else float("nan")
        note = f"  (rows built in {r['build_seconds']:.3f} s, not counted)" if "build_seconds" in r else ""
        lines.append(f"{r['claims']:>9,}  {r['engine']:<10} {r['seconds']:>9.4f}  {ratio:>10.2f}x  "
                     f"{'agree' if r['verdicts_agree'] else 'DIFFER'}{note}")
    lines.append("")
    for i in infos:
        if "floor_ratio" in i:
            lines.append(f"{i['claims']:>9,} claims: factcheck / numpy floor = {i['floor_ratio']:.1f} x "
                         "(target: within 3x)")
    lines.append("")
    lines.append(f"{'claims':>9}  {'load JSON s':>11}  {'load YAML s':>11}  {'B/claim held':>12}  "
                 f"{'B/claim peak':>12}  {'us/claim':>8}  {'screen s':>8}  {'read all s':>10}")
    for i in infos:
        per = fc.get(i["claims"], float("nan")) / i["claims"] * 1e6
        held = i.get("bytes_per_claim_held", float("nan"))
        peak = i.get("bytes_per_claim_peak", float("nan"))
        lines.append(f"{i['claims']:>9,}  {i['load_json_seconds']:>11.3f}  "
                     f"{i.get('load_yaml_seconds', float('nan')):>11.3f}  "
                     f"{held:>12,.0f}  {peak:>12,.0f}  {per:>8.2f}  {i['screen_seconds']:>8.3f}  "
                     f"{i['read_all_findings_seconds']:>10.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    # A graph of 10^6 claims is a file of about 130 MB: above the default size limit.
    os.environ.setdefault("FACTCHECK_MAX_FILE_BYTES", str(1 << 40))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,10000,100000",
                    help="claims per graph, comma-separated (default: 100,10000,100000)")
    ap.add_argument("--engines", default=",".join(ALL_ENGINES),
                    help=f"comma-separated subset of {','.join(ALL_ENGINES)}")
    ap.add_argument("--repeat", type=int, default=3, help="factcheck runs per size; the best counts")
    ap.add_argument("--baseline-max", type=int, default=200_000,
                    help="skip the baselines above this many claims (they take minutes)")
    ap.add_argument("--no-extra", action="store_true",
                    help="skip memory, cold start and extraction measurements")
    ap.add_argument("--no-yaml", action="store_true", help="load from JSON only (YAML is slow at 10^6)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = sorted(set(engines) - set(ALL_ENGINES))
    if unknown:
        ap.error(f"unknown engine(s) {', '.join(unknown)}; choose from {', '.join(ALL_ENGINES)}")
    results: list[dict[str, Any]] = []
    infos: list[dict[str, Any]] = []
    notes: list[str] = []
    for n in sizes:
        formats = ["json"] if args.no_yaml else ["json", "yaml"]
        r, info = bench_size(n, engines, args.repeat, args.baseline_max, notes, not args.no_extra, formats)
        results += r
        infos.append(info)
        print(f"# {info['claims']:,} claims done", file=sys.stderr)
    out: dict[str, Any] = {"results": results, "sizes": infos, "notes": notes,
                           "python": sys.version.split()[0], "cpu_count": os.cpu_count()}
    if not args.no_extra:
        out.update(_cold_start(5))
        ext = _extraction()
        if ext is not None:
            out["extraction_mb_per_second"], out["extraction_bytes"] = ext
            if not (ROOT.parent / "shared" / "corpus").is_dir():
                # Then only the bundled Persian example is read: a different mix of text.
                out["notes"].append("extraction: ../shared/corpus not found; measured on the bundled "
                                    "examples only")
    print(_table(results, infos))
    if "cold_start_seconds" in out:
        print("\ncold start of `factcheck check claims rules`, wall (CPU) seconds, best of 5:")
        for name, label in (("cold_start", "factcheck check"), ("python_startup", "python -c pass"),
                            ("pydantic_import", "python -c 'import pydantic'")):
            wall, cpu = out[f"{name}_seconds"], out[f"{name}_cpu_seconds"]
            print(f"  {label:<34} {wall:6.3f} ({cpu:.3f})  = {wall / out['python_startup_seconds']:4.1f}x "
                  f"python, {wall / out['pydantic_import_seconds']:4.1f}x pydantic")
    if "extraction_mb_per_second" in out:
        print(f"extraction: {out['extraction_mb_per_second']:.2f} MB/s on {out['extraction_bytes']:,} bytes")
    for note in notes:
        print(note)
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    return 0 if all(r["verdicts_agree"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
