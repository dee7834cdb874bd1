"""The web page's JSON API, in-process through Starlette's TestClient (no browser)."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from typing import Any

import pytest
import yaml
from conftest import ROOT

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")

from fastapi.testclient import TestClient

from factcheck.files import _check_references, load_text
from factcheck.web.app import create_app, extraction_available

TEXT = (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8")


def _strings(claim: dict[str, Any]) -> dict[str, Any]:
    """Numbers as strings, the way the page sends them (digits as written)."""
    out = dict(claim)
    for k in ("value", "value_max", "precision", "scale"):
        if k in out:
            out[k] = str(out[k])
    return out


@pytest.fixture(scope="module")
def seed_state() -> dict[str, Any]:
    claims = yaml.safe_load((ROOT / "claims" / "qom-police.yaml").read_text("utf-8"))
    rules = yaml.safe_load((ROOT / "rules" / "qom-police.yaml").read_text("utf-8"))
    return {"text": TEXT, "name": "qom-police.fa.txt", "lang": "fa", "document": claims["document"],
            "claims": [_strings(c) for c in claims["claims"]], "rules": rules["rules"]}


@pytest.fixture
def state(seed_state: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(seed_state)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(allowed_hosts=["testserver"]))


def _claim(state: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in state["claims"] if c["id"] == cid)


def _statuses(result: dict[str, Any]) -> dict[str, str]:
    return {f["rule"]: f["status"] for f in result["report"]["findings"] if f["rule"]}


# -- the page and its headers -------------------------------------------------------------

class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.handlers: list[str] = []
        self._in: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [k for k, _ in attrs if k.startswith("on")]
        if any(k == "style" for k, _ in attrs):
            self.handlers.append("style")
        if tag == "script":
            self._in = dict(attrs)
            self.scripts.append((self._in, ""))

    def handle_data(self, data: str) -> None:
        if self._in is not None and data.strip():
            self.scripts[-1] = (self._in, self.scripts[-1][1] + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in = None


def test_page_has_no_inline_script_and_a_csp_that_forbids_it(client: TestClient) -> None:
    res = client.get("/")
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("text/html")
    csp = res.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["default-src"] == "'none'"
    assert res.headers["x-content-type-options"] == "nosniff"
    parser = _Scripts()
    parser.feed(res.text)
    assert parser.scripts, "the page loads its script"
    assert all(attrs.get("src") and not body for attrs, body in parser.scripts)
    assert parser.handlers == [], "no inline event handlers or style attributes"


def test_every_asset_the_page_names_is_served_locally(client: TestClient) -> None:
    html = client.get("/").text
    css = client.get("/static/style.css").text
    js = client.get("/static/app.js").text
    refs = re.findall(r'(?:src|href)="(/[^"]+)"', html) + re.findall(r'url\("(/[^"]+)"\)', css)
    refs += ["/static/" + m for m in re.findall(r'from "\./([^"]+)"', js)]
    assert "/static/fonts/Vazirmatn-Regular.woff2" in refs
    for ref in refs:
        r = client.get(ref)
        assert r.status_code == 200, ref
        assert r.content, ref
    for text in (html, css, js):
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), "no external addresses"


def test_unknown_host_is_refused(client: TestClient) -> None:
    assert client.get("/api/info", headers={"host": "attacker.example"}).status_code == 400


def test_info_comes_from_the_registries(client: TestClient) -> None:
    from factcheck.kinds import load_all
    from factcheck.reporters import names

    info = client.get("/api/info").json()
    assert info["formats"] == names()
    assert [k["kind"] for k in info["kinds"]] == sorted(load_all())
    sum_form = next(k for k in info["kinds"] if k["kind"] == "sum")
    assert [(r["name"], r["shape"]) for r in sum_form["roles"]] == [("whole", "one"), ("parts", "terms")]
    count_form = next(k for k in info["kinds"] if k["kind"] == "count")
    assert "items" in [o["name"] for o in count_form["options"]], "enumerated items are not figures"
    assert info["extraction"] == extraction_available()
    from factcheck.codes import CATALOGUE

    assert set(info["codes"]) == set(CATALOGUE)
    assert info["codes"]["FC111"]["fa"] == CATALOGUE["FC111"].summary_fa


def test_every_code_has_a_persian_summary() -> None:
    # Persian pages and `factcheck rules` show it; a new code without one fails here.
    import re

    from factcheck.codes import CATALOGUE
    from factcheck.kinds import load_all

    load_all()
    for c in CATALOGUE.values():
        letters = re.findall(r"[\u0600-\u06FF]", c.summary_fa)
        assert len(letters) >= 10, f"{c.code} has no Persian summary: {c.summary_fa!r}"


def test_openapi_documents_every_endpoint_with_its_body(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/analyze", "/api/evaluate", "/api/import", "/api/export/claims.yaml",
              "/api/report/{fmt}", "/api/graph.svg"):
        body = paths[p]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert body.get("properties") or body.get("$ref"), p
    assert "claims" in paths["/api/evaluate"]["post"]["requestBody"]["content"]["application/json"][
        "schema"]["properties"]
    assert client.get("/docs").status_code == 404, "no interactive docs page (it would load a CDN)"


# -- evaluation of the page's state --------------------------------------------------------

def test_seed_services_total_is_the_one_inconsistency(client: TestClient, state: dict[str, Any]) -> None:
    res = client.post("/api/evaluate", json=state)
    assert res.status_code == 200, res.text
    out = res.json()
    st = _statuses(out)
    assert st.pop("services_total") == "inconsistent"
    assert set(st.values()) == {"consistent"}
    bad = next(f for f in out["report"]["findings"] if f["rule"] == "services_total")
    assert set(bad["needed"]) == {"services_six_months", "stations_daily", "units_daily"}
    assert bad["arithmetic"]
    assert out["described"]["units_daily"] == "more than 2,000 person/day"
    assert bad["location"]["path"] == "examples/qom-police.fa.txt", "the document path of the state"


def test_correcting_a_figure_changes_the_verdict(client: TestClient, state: dict[str, Any]) -> None:
    _claim(state, "services_six_months")["value"] = "1200000"
    out = client.post("/api/evaluate", json=state).json()
    assert _statuses(out)["services_total"] == "consistent"
    _claim(state, "services_six_months")["hedge"] = "less_than"
    _claim(state, "services_six_months")["value"] = "400000"
    out = client.post("/api/evaluate", json=state).json()
    assert _statuses(out)["services_total"] == "inconsistent"


def test_rejecting_or_adding_relations(client: TestClient, state: dict[str, Any]) -> None:
    state["rules"] = [r for r in state["rules"] if r["id"] != "services_total"]
    out = client.post("/api/evaluate", json=state).json()
    assert "inconsistent" not in _statuses(out).values()
    state["rules"].append({"id": "sum_1", "kind": "sum", "whole": "vehicles_registered",
                           "parts": ["motorcycles_registered", "motorcycles_unregistered"]})
    out = client.post("/api/evaluate", json=state).json()
    assert _statuses(out)["sum_1"] == "inconsistent"


def test_decimals_keep_the_digits_as_written(client: TestClient) -> None:
    raw = ('{"claims": [{"id": "a", "value": 1.50, "unit": "percent"}, {"id": "b", "value": "1.5"}],'
           ' "rules": []}')
    res = client.post("/api/evaluate", content=raw, headers={"content-type": "application/json"})
    claims = {c["id"]: c for c in res.json()["report"]["claims"]}
    assert claims["a"]["value"] == "1.50"
    assert claims["a"]["interval"] == ["1.495", "1.505"]
    assert claims["b"]["interval"] == ["1.45", "1.55"]


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"unit": "persn"}, "claims[stations_daily].unit", "unknown unit"),
    ({"value": "twelve"}, "claims[stations_daily].value", "not a number"),
    ({"hedge": "roughly"}, "claims[stations_daily].hedge", "roughly"),
])
def test_a_bad_correction_names_the_field(client: TestClient, state: dict[str, Any], change: dict[str, str],
                                          field: str, words: str) -> None:
    _claim(state, "stations_daily").update(change)
    res = client.post("/api/evaluate", json=state)
    assert res.status_code == 422
    body = res.json()
    assert body["field"] == field
    assert words in body["error"] and "\n" not in body["error"]


def _dumped(cs: Any) -> dict[str, Any]:
    return {k: {i: m.model_dump(mode="json") for i, m in getattr(cs, k).items()}
            for k in ("documents", "claims", "rules")}


@pytest.mark.parametrize("edit", [
    {}, {"value": "20.0"}, {"value": "۲۰"}, {"value": 20}, {"hedge": "range", "value": "18", "value_max": "22"},
])
def test_the_quick_path_reads_a_state_as_its_claim_file_does(state: dict[str, Any], edit: dict[str, Any]) -> None:
    # Corrections skip writing YAML; what is evaluated must still be what is downloaded.
    from factcheck.web.state import StateIn, _fast, _file_data, to_yaml

    _claim(state, "police_share_lead").update(edit)
    st = StateIn.model_validate(state)
    quick = _fast(_file_data(st), "x.yaml")
    slow = load_text(to_yaml(st), "x.yaml")
    assert _dumped(quick) == _dumped(slow)
    assert _dumped(quick)["claims"]["police_share_lead"]["value"] == str(
        __import__("decimal").Decimal(str(edit.get("value", "20"))))


def test_a_duplicate_id_is_refused(client: TestClient, state: dict[str, Any]) -> None:
    state["claims"].append(dict(state["claims"][0]))
    res = client.post("/api/evaluate", json=state)
    assert res.status_code == 422
    assert "duplicate id 'police_share_lead'" in res.json()["error"]


def test_a_rule_naming_a_missing_figure_is_refused(client: TestClient, state: dict[str, Any]) -> None:
    state["rules"].append({"id": "x", "kind": "part_of", "part": "nope", "whole": "pillars"})
    res = client.post("/api/evaluate", json=state)
    assert res.status_code == 422
    assert "unknown claim 'nope'" in res.json()["error"]


def test_only_json_bodies_are_accepted(client: TestClient, state: dict[str, Any]) -> None:
    # A cross-site <form> can post text/plain or form data without a preflight; never JSON.
    for ctype in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"):
        res = client.post("/api/evaluate", content=json.dumps(state), headers={"content-type": ctype})
        assert res.status_code == 415, ctype
    res = client.post("/api/evaluate", content=b"{not json", headers={"content-type": "application/json"})
    assert res.status_code == 400 and "invalid JSON" in res.json()["error"]


def test_size_limit(state: dict[str, Any]) -> None:
    small = TestClient(create_app(max_bytes=2000, allowed_hosts=["testserver"]))
    res = small.post("/api/evaluate", json=state)
    assert res.status_code == 413
    assert "2,000 bytes" in res.json()["error"]

    def chunks() -> Any:  # no Content-Length: the limit is enforced while reading
        data = json.dumps(state).encode()
        for i in range(0, len(data), 500):
            yield data[i:i + 500]

    res = small.post("/api/evaluate", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413
    assert small.post("/api/evaluate", json={"claims": [], "rules": []}).status_code == 200


def test_text_length_limit(client: TestClient) -> None:
    from factcheck.web.state import MAX_TEXT_CHARS

    big = TestClient(create_app(max_bytes=10 * MAX_TEXT_CHARS, allowed_hosts=["testserver"]))
    res = big.post("/api/evaluate", json={"text": "x" * (MAX_TEXT_CHARS + 1)})
    assert res.status_code == 422 and res.json()["field"] == "text"


# -- downloads ------------------------------------------------------------------------------

def test_yaml_download_loads_with_factcheck_and_says_the_same(client: TestClient, state: dict[str, Any]) -> None:
    _claim(state, "police_share_lead")["value"] = "20.0"
    res = client.post("/api/export/claims.yaml", json=state)
    assert res.status_code == 200
    assert res.headers["content-disposition"] == 'attachment; filename="qom-police_fa.claims.yaml"'
    cs = load_text(res.text, "downloaded.yaml")
    _check_references(cs)
    assert str(cs.claims["police_share_lead"].value) == "20.0", "digits as written survive"
    assert cs.claims["police_share_body"].value == 20
    assert "۲۰" in res.text, "a figure written in Persian digits stays so"
    from factcheck.evaluate import evaluate

    again = {f.rule: f.status.value for f in evaluate(cs).findings if f.rule}
    assert again == _statuses(client.post("/api/evaluate", json=state).json())


def test_yaml_download_refuses_a_state_that_would_not_load(client: TestClient, state: dict[str, Any]) -> None:
    _claim(state, "pillars")["unit"] = "no such unit"
    assert client.post("/api/export/claims.yaml", json=state).status_code == 422


def test_report_downloads_use_the_reporter_registry(client: TestClient, state: dict[str, Any]) -> None:
    from factcheck.reporters import names

    for fmt in names():
        res = client.post(f"/api/report/{fmt}", json=state)
        assert res.status_code == 200, fmt
        assert res.headers["content-disposition"].startswith("attachment;")
    rep = client.post("/api/report/json", json=state).json()
    assert rep["schema"] == "factcheck-report/1"
    assert rep["summary"]["inconsistent"] == 1
    res = client.post("/api/report/nonsense", json=state)
    assert res.status_code == 404 and "available:" in res.json()["error"]


@pytest.mark.skipif("sarif" not in __import__("factcheck.reporters").reporters.names(),
                    reason="the SARIF reporter (factcheck/reporters/sarif.py) is not on this branch yet")
def test_sarif_download(client: TestClient, state: dict[str, Any]) -> None:
    res = client.post("/api/report/sarif", json=state)
    assert res.headers["content-type"].startswith("application/sarif+json")
    assert json.loads(res.text)["version"] == "2.1.0"


def test_graph_svg_is_well_formed_and_marks_the_conflict(client: TestClient, state: dict[str, Any]) -> None:
    res = client.post("/api/graph.svg", json=state)
    assert res.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(res.text)
    ns = "{http://www.w3.org/2000/svg}"
    groups = {(g.get("data-claim") or g.get("data-rule")): g.get("class") for g in root.iter(f"{ns}g")}
    assert "inconsistent" in groups["services_total"]
    for cid in ("services_six_months", "stations_daily", "units_daily"):
        assert "inconsistent" in groups[cid]
    assert "consistent" in groups["calls_rate"] and "inconsistent" not in groups["calls_rate"]
    assert "counselling_settled_share" not in groups, "figures in no relation are not drawn"


HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "]]><!--", "&amp;<&>"]


def test_user_text_is_escaped_everywhere(client: TestClient) -> None:
    state = {"text": " ".join(HOSTILE) + " 12 people", "name": "a.txt",
             "document": {"id": "d", "title": HOSTILE[1]},
             "claims": [{"id": "a", "value": "12", "unit": "person", "written": HOSTILE[0],
                         "subject": {"text": HOSTILE[1]}, "source": {"quote": HOSTILE[1]}},
                        {"id": "b", "value": "12", "unit": "person"}],
             "rules": [{"id": "r", "kind": "repeat", "claims": ["a", "b"], "evidence": HOSTILE[0],
                        "note": HOSTILE[1]}]}
    out = client.post("/api/evaluate", json=state)
    assert out.status_code == 200
    root = ET.fromstring(out.json()["graph_svg"])  # parses: nothing broke out of the markup
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "img", "foreignObject")]
    assert not any(k.startswith("on") for e in root.iter() for k in e.attrib)
    # The YAML download keeps the text verbatim (it is data, not markup) and still loads.
    y = client.post("/api/export/claims.yaml", json=state).text
    cs = load_text(y, "x.yaml")
    assert cs.claims["a"].written == HOSTILE[0]
    assert cs.rules["r"].evidence == HOSTILE[0]


# -- opening claim files and articles --------------------------------------------------------

def test_import_claims_and_rules_files(client: TestClient) -> None:
    files = [{"name": n, "content": (ROOT / d / "qom-police.yaml").read_text("utf-8")}
             for n, d in (("claims.yaml", "claims"), ("rules.yaml", "rules"))]
    res = client.post("/api/import", json={"files": files, "text": TEXT})
    assert res.status_code == 200, res.text
    out = res.json()
    assert out["state"]["name"] == "qom-police.fa.txt"
    assert len(out["state"]["claims"]) == 18 and len(out["state"]["rules"]) == 7
    assert _statuses(out["result"])["services_total"] == "inconsistent"
    span = _claim(out["state"], "units_daily")["source"]["span"]
    assert TEXT[span[0]:span[1]] == "روزانه بیش از ۲ هزار نفر"
    # the state goes back to /api/evaluate unchanged
    again = client.post("/api/evaluate", json=out["state"]).json()
    assert _statuses(again) == _statuses(out["result"])


def test_import_of_a_broken_file_is_one_line_with_its_location(client: TestClient) -> None:
    bad = "claims:\n  - id: a\n    value: 3\n    unit: persn\n"
    res = client.post("/api/import", json={"files": [{"name": "mine.yaml", "content": bad}]})
    assert res.status_code == 422
    assert res.json()["error"].startswith("mine.yaml:4:11: claims[a].unit: unknown unit")


ENGLISH = (
    "Police figures for Qom\n\n"
    "The provincial police chief told the council that police stations serve 822 people a day and that "
    "each of the two units, traffic and public places, serves more than 2,000 people a day, so that in "
    "total 400,000 people were served in the last six months.\n"
)


@pytest.mark.skipif(extraction_available(), reason="extraction is installed; see the analyze tests")
def test_analyze_without_extraction_says_so(client: TestClient) -> None:
    res = client.post("/api/analyze", json={"text": ENGLISH})
    assert res.status_code == 501
    assert "extraction" in res.json()["error"]


@pytest.mark.skipif(not extraction_available(), reason="the extraction stage (factcheck.articles) is not installed")
def test_analyze_returns_a_state_that_evaluates(client: TestClient) -> None:
    res = client.post("/api/analyze", json={"text": ENGLISH, "lang": "en", "name": "police.txt"})
    assert res.status_code == 200, res.text
    out = res.json()
    text = out["state"]["text"]
    quotes = [text[c["source"]["span"][0]:c["source"]["span"][1]] for c in out["state"]["claims"]
              if c.get("source", {}).get("span")]
    assert any("822" in q for q in quotes) and any("400,000" in q for q in quotes)
    again = client.post("/api/evaluate", json=out["state"])
    assert again.status_code == 200
    assert _statuses(again.json()) == _statuses(out["result"])


# -- the `factcheck serve` command -------------------------------------------------------------

BLOCK_WEB = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('fastapi', 'starlette', 'uvicorn'):
            raise ImportError(f'No module named {name!r}')
sys.meta_path.insert(0, Block())
from factcheck.cli import main
sys.exit(main(['serve']))
"""


def test_serve_without_the_web_extra_says_how_to_install_it() -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", BLOCK_WEB], capture_output=True, text=True, env=env,
                          timeout=60, check=False)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "pip install 'factcheck[web]'" in lines[0] and "fastapi" in lines[0]


def test_serve_on_a_busy_port_is_a_one_line_error(run_cli: Any) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        proc = run_cli("serve", "--port", str(port), timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith(f"factcheck: error: cannot listen on 127.0.0.1:{port}:")
    assert len(proc.stderr.strip().splitlines()) == 1
    bad = run_cli("serve", "--port", "70000", timeout=60)
    assert bad.returncode == 2 and "--port must be between 0 and 65535" in bad.stderr


def test_serve_warns_when_listening_beyond_this_machine() -> None:
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--host", "0.0.0.0", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr is not None and proc.stdout is not None
        warning = proc.stderr.readline()
        assert warning.startswith("factcheck: warning: listening on 0.0.0.0")
        assert re.match(r"factcheck: serving on http://0\.0\.0\.0:\d+/", proc.stdout.readline())
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize(("host", "local"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                             ("127.0.0.2", True), ("0.0.0.0", False), ("::", False),
                                             ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host: str, local: bool) -> None:
    from factcheck.cli.serve import is_loopback

    assert is_loopback(host) is local


@pytest.mark.skipif(not extraction_available(), reason="the extraction stage (factcheck.articles) is not installed")
def test_an_html_page_becomes_its_text(client: TestClient) -> None:
    page = ("<html><head><title>t</title><style>p {color: red}</style></head><body>"
            "<p>Police stations serve <b>822</b> people a day.</p><script>var x = 5;</script>"
            "<p>In the last six months 400,000&nbsp;people were served.</p></body></html>")
    res = client.post("/api/analyze", json={"text": page, "name": "police.html", "lang": "en"})
    assert res.status_code == 200, res.text
    state = res.json()["state"]
    assert state["name"] == "police.txt"
    assert "<p>" not in state["text"] and "var x" not in state["text"]
    quotes = {state["text"][c["source"]["span"][0]:c["source"]["span"][1]] for c in state["claims"]}
    assert any("822" in q for q in quotes) and any("400,000" in q for q in quotes)
