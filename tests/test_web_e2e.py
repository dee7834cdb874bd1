"""The real page in headless Chromium: `factcheck serve` in a subprocess, driven by Playwright.

Chromium is Debian's package (.ci/run installs it); Playwright's own browser download is
not used.  Screenshots go to FACTCHECK_SCREENSHOTS (a folder) when it is set, else to the
test's temporary folder.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install -e '.[web]'")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra)")
CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
if not Path(CHROMIUM).exists():  # pragma: no cover - .ci/run installs it
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from playwright.sync_api import Page, expect  # noqa: E402

from factcheck.evaluate import evaluate  # noqa: E402
from factcheck.files import _check_references, load_text  # noqa: E402
from factcheck.web.app import extraction_available  # noqa: E402

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
SEED_TEXT = (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8")
SEED_FILES = [ROOT / "claims" / "qom-police.yaml", ROOT / "rules" / "qom-police.yaml"]
BAD = re.compile(r"\binconsistent\b")
GOOD = re.compile(r"(^|\s)consistent\b")

# Our own English sentences carrying the seed article's service figures.
ENGLISH = (
    "Police figures for Qom\n\n"
    "The provincial police chief told the council that police stations serve 822 people a day and that "
    "each of the two units, traffic and public places, serves more than 2,000 people a day, so that in "
    "total 400,000 people were served in the last six months.\n"
)


# -- the server and the browser ---------------------------------------------------------------

@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "serve", "--port", "0"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline() if proc.stdout else ""))
    reader.start()
    reader.join(60)
    match = re.search(r"http://127\.0\.0\.1:\d+/", first[0] if first else "")
    if not match:
        proc.kill()
        pytest.fail(f"factcheck serve did not start: {first} {proc.stderr.read() if proc.stderr else ''}")
    url = match.group(0)
    for _ in range(200):  # the socket is bound before the line is printed; wait for the app
        try:
            with urllib.request.urlopen(url + "api/info", timeout=5) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(server)
    expect(pg.locator("body")).to_have_attribute("data-state", "input")
    yield pg
    ctx.close()
    # A refused correction is a 422 the page shows to the editor; Chromium also logs it.
    unexpected = [e for e in errors if "status of 422" not in e]
    assert unexpected == [], "the page logged errors (a CSP violation shows here too)"


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = os.environ.get("FACTCHECK_SCREENSHOTS")
    out = Path(d) if d else tmp_path_factory.mktemp("screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def _files(paths: list[Path]) -> list[dict[str, Any]]:
    return [{"name": p.name if p.parent.name != "rules" else "rules.yaml", "mimeType": "application/yaml",
             "buffer": p.read_bytes()} for p in paths]


def _open(page: Page, text: str, files: list[dict[str, Any]]) -> None:
    page.fill("#text", text)
    page.set_input_files("#file", files)
    expect(page.locator("body")).to_have_attribute("data-state", "ready")


def _mark(page: Page, cid: str) -> Any:
    return page.locator(f'mark.fig[data-claims~="{cid}"]')


def _download(page: Page, button: str) -> Path:
    with page.expect_download() as info:
        page.click(button)
    path = info.value.path()
    assert path is not None
    return Path(path)


def _claims_file(text: str, doc: dict[str, Any], figures: list[tuple[str, str, str, str, str]],
                 rules: list[dict[str, Any]]) -> dict[str, Any]:
    """A claim file whose spans are found in ``text`` (code points, as the server counts)."""
    claims = []
    for cid, quote, value, unit, hedge in figures:
        s = text.index(quote)
        claims.append({"id": cid, "value": value, "unit": unit, "hedge": hedge,
                       "source": {"document": doc["id"], "span": [s, s + len(quote)], "quote": quote}})
    body = yaml.safe_dump({"document": doc, "claims": claims, "rules": rules}, allow_unicode=True, sort_keys=False)
    return {"name": "claims.yaml", "mimeType": "application/yaml", "buffer": body.encode()}


# -- the seed article --------------------------------------------------------------------------

def _seed_finding() -> Any:
    """The seed article's one inconsistent finding, as the engine explains it."""
    from factcheck.files import load_paths

    return next(f for f in evaluate(load_paths(SEED_FILES)).findings if f.status.value == "inconsistent")


def test_seed_article_services_total_red_then_corrected(page: Page, shots: Path) -> None:
    _open(page, SEED_TEXT, _files(SEED_FILES))
    involved = ("services_six_months", "stations_daily", "units_daily")
    for cid in involved:
        expect(_mark(page, cid)).to_have_class(BAD)
    for cid in ("vehicles_total", "calls_hourly"):
        expect(_mark(page, cid)).to_have_class(GOOD)
    expect(page.locator('li.relation[data-rule="services_total"]')).to_have_class(BAD)
    expect(page.locator("#summary")).to_contain_text("1 cannot hold")
    card = page.locator("#findings .finding.inconsistent")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("the last 6 months")        # the arithmetic in words
    expect(card.locator("table.needed tbody tr")).to_have_count(3)  # what each figure would have to be
    expect(card.locator("table.needed")).to_contain_text("at least 863,048.5 person")
    # the English page explains in English, even for a Persian article
    expect(card.locator(".message")).to_have_text(_seed_finding().message)

    # hovering and focusing a figure shows its value, unit, hedge and interval
    _mark(page, "units_daily").hover()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    for words in ("units_daily", "2000", "person / day", "more than", "at least 2,000 person / day"):
        expect(tip).to_contain_text(words)
    _mark(page, "stations_daily").focus()
    expect(tip).to_contain_text("821.5 to 822.5 person / day")
    page.screenshot(path=str(shots / "web-fa.png"), full_page=True)
    page.screenshot(path=str(shots / "web-fa-top.png"))

    # correct the total: 1,200,000 over six months is possible
    _mark(page, "services_six_months").click()
    page.fill("#fe-value", "1200000")
    for cid in involved:
        expect(_mark(page, cid)).to_have_class(GOOD)
    expect(page.locator("#summary")).to_contain_text("nothing inconsistent")

    got = _download(page, "#dl-yaml")
    cs = load_text(got.read_text("utf-8"), "downloaded.yaml")
    _check_references(cs)
    assert cs.claims["services_six_months"].value == 1200000
    verdicts = {f.rule: f.status.value for f in evaluate(cs).findings}
    assert verdicts["services_total"] == "consistent"
    assert "inconsistent" not in verdicts.values()

    report = json.loads(_download(page, "#dl-json").read_text("utf-8"))
    assert report["summary"]["inconsistent"] == 0
    svg = ET.fromstring(_download(page, "#dl-svg").read_text("utf-8"))
    assert svg.tag.endswith("svg")
    info = json.loads(urllib.request.urlopen(page.url + "api/info").read())
    expect(page.locator("#dl-sarif")).to_be_enabled() if "sarif" in info["formats"] else \
        expect(page.locator("#dl-sarif")).to_be_disabled()

    # a reload keeps the corrected state (for this tab only)
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-state", "ready")
    expect(_mark(page, "services_six_months")).to_have_class(GOOD)
    _mark(page, "services_six_months").click()
    expect(page.locator("#fe-value")).to_have_value("1200000")

    page.click("#fe-revert")  # back to the article's figure: red again
    expect(_mark(page, "services_six_months")).to_have_class(BAD)


def test_reject_restore_and_add_relations(page: Page) -> None:
    _open(page, SEED_TEXT, _files(SEED_FILES))
    rel = page.locator('li.relation[data-rule="services_total"]')
    rel.get_by_role("button", name="Reject").click()
    expect(page.locator("#summary")).to_contain_text("nothing inconsistent")
    expect(_mark(page, "services_six_months")).not_to_have_class(BAD)
    expect(rel).to_have_class(re.compile(r"\brejected\b"))
    got = load_text(_download(page, "#dl-yaml").read_text("utf-8"), "x.yaml")
    assert "services_total" not in got.rules, "a rejected relation is not downloaded"
    rel.get_by_role("button", name="Restore").click()
    expect(_mark(page, "services_six_months")).to_have_class(BAD)

    # add a relation between two marked figures: 310 thousand motorcycles are not part of 50 thousand
    _mark(page, "motorcycles_registered").click()
    _mark(page, "motorcycles_unregistered").click()
    page.select_option("#add-kind", "part_of")
    expect(page.locator('#add-fields select[data-role="part"]')).to_have_value("motorcycles_registered")
    expect(page.locator('#add-fields select[data-role="whole"]')).to_have_value("motorcycles_unregistered")
    page.click("#add-submit")
    added = page.locator('li.relation[data-rule="part_of_1"]')
    expect(added).to_have_class(BAD)
    expect(_mark(page, "motorcycles_registered")).to_have_class(BAD)
    expect(page.locator("#graph svg g[data-rule='part_of_1']")).to_have_class(BAD)
    added.get_by_role("button", name="Remove").click()
    expect(page.locator('li.relation[data-rule="part_of_1"]')).to_have_count(0)
    expect(_mark(page, "motorcycles_registered")).to_have_class(GOOD)


def test_a_bad_correction_shows_the_error_and_keeps_the_verdicts(page: Page) -> None:
    _open(page, SEED_TEXT, _files(SEED_FILES))
    _mark(page, "stations_daily").click()
    page.fill("#fe-unit", "persn / day")
    expect(page.locator("#error")).to_contain_text("claims[stations_daily].unit: unknown unit")
    expect(_mark(page, "stations_daily")).to_have_class(BAD)
    page.fill("#fe-unit", "person / day")
    expect(page.locator("#error")).to_be_hidden()


# -- English, through extraction and inference ----------------------------------------------------

@pytest.mark.skipif(not extraction_available(), reason="the extraction stage (factcheck.articles) is not installed")
def test_english_paste_marks_the_services_total(page: Page, shots: Path) -> None:
    page.fill("#text", ENGLISH)
    page.select_option("#lang", "en")
    page.click("#check")
    expect(page.locator("body")).to_have_attribute("data-state", "ready")
    total = page.locator("mark.fig", has_text="400,000")
    expect(total).to_have_class(BAD)
    expect(page.locator("mark.fig", has_text="822")).to_have_class(BAD)
    page.screenshot(path=str(shots / "web-en.png"), full_page=True)
    total.click()
    page.fill("#fe-value", "1200000")
    expect(total).to_have_class(GOOD)
    cs = load_text(_download(page, "#dl-yaml").read_text("utf-8"), "x.yaml")
    _check_references(cs)
    assert "inconsistent" not in {f.status.value for f in evaluate(cs).findings}


PERSIAN = (
    "آمار خدمات پلیس\n\n"
    "به گفته‌ی فرمانده، کلانتری‌های استان روزانه به ۸۲۲ نفر خدمات می‌دهند و در هر یک از واحدهای راهور و "
    "اماکن نیز روزانه بیش از ۲ هزار نفر خدمت می‌گیرند؛ شمار کل خدمت‌گیرندگان در ۶ ماه گذشته ۴۰۰ هزار نفر "
    "بوده است.\n"
)


@pytest.mark.skipif(not extraction_available(), reason="the extraction stage (factcheck.articles) is not installed")
def test_persian_paste_marks_the_services_total(page: Page, shots: Path) -> None:
    page.fill("#text", PERSIAN)
    page.click("#check")
    expect(page.locator("body")).to_have_attribute("data-state", "ready")
    total = page.locator("mark.fig", has_text="۴۰۰ هزار نفر")
    expect(total).to_have_class(BAD)
    expect(page.locator("mark.fig", has_text="۸۲۲")).to_have_class(BAD)
    expect(page.locator("#article p").nth(2)).to_have_attribute("dir", "auto")
    page.screenshot(path=str(shots / "web-fa-paste.png"), full_page=True)
    total.click()
    page.fill("#fe-value", "۱۲۰۰۰۰۰")  # Persian digits are numbers too
    expect(total).to_have_class(GOOD)
    cs = load_text(_download(page, "#dl-yaml").read_text("utf-8"), "x.yaml")
    _check_references(cs)
    assert "inconsistent" not in {f.status.value for f in evaluate(cs).findings}


def test_english_page_from_a_claim_file(page: Page, shots: Path) -> None:
    doc = {"id": "en", "path": "police.en.txt", "lang": "en"}
    figures = [("stations_daily", "822 people a day", "822", "person / day", "exact"),
               ("units_daily", "more than 2,000 people a day", "2000", "person / day", "more_than"),
               ("served_six_months", "400,000 people", "400000", "person", "exact")]
    rules = [{"id": "services_total", "kind": "rate", "total": "served_six_months", "duration": "6 month",
              "rate": ["stations_daily", {"claim": "units_daily", "times": 2}]}]
    _open(page, ENGLISH, [_claims_file(ENGLISH, doc, figures, rules)])
    expect(_mark(page, "served_six_months")).to_have_class(BAD)
    expect(_mark(page, "served_six_months")).to_have_text("400,000 people")
    if not extraction_available():
        page.screenshot(path=str(shots / "web-en.png"), full_page=True)


def test_add_a_rate_with_a_multiplier(page: Page) -> None:
    doc = {"id": "en", "path": "police.en.txt", "lang": "en"}
    figures = [("stations_daily", "822 people a day", "822", "person / day", "exact"),
               ("units_daily", "more than 2,000 people a day", "2000", "person / day", "more_than"),
               ("served_six_months", "400,000 people", "400000", "person", "exact")]
    _open(page, ENGLISH, [_claims_file(ENGLISH, doc, figures, [])])
    expect(page.locator("#relations")).to_contain_text("No relations yet")
    page.select_option("#add-kind", "rate")
    for cid in ("served_six_months", "stations_daily", "units_daily"):
        _mark(page, cid).click()
    expect(page.locator('#add-fields select[data-role="total"]')).to_have_value("served_six_months")
    rates = page.locator('#add-fields select[data-role="rate"] option:checked')
    expect(rates).to_have_count(2)
    page.fill('#add-fields input[data-times="rate"]', "1, 2")
    page.fill('#add-fields input[data-option="duration"]', "6 month")
    page.click("#add-submit")
    expect(page.locator('li.relation[data-rule="rate_1"]')).to_have_class(BAD)
    expect(page.locator('li.relation[data-rule="rate_1"]')).to_contain_text("2 × units_daily")
    cs = load_text(_download(page, "#dl-yaml").read_text("utf-8"), "x.yaml")
    rule = cs.rules["rate_1"]
    assert [(t.claim, t.times) for t in rule.rate] == [("stations_daily", 1), ("units_daily", 2)]  # type: ignore[attr-defined]


# -- escaping and offsets ---------------------------------------------------------------------

HOSTILE = '<script>window.pwned=1</script> "><img src=x onerror="window.pwned=2"> <b>bold</b>'


def test_hostile_article_renders_as_text(page: Page) -> None:
    text = f"{HOSTILE}\nThere were 12 fights & 12 brawls.\n"
    doc = {"id": "h", "path": "h.txt"}
    figures = [("fights", "12 fights", "12", "case", "exact"), ("brawls", "12 brawls", "12", "case", "exact"),
               ("tag", '"><img src=x', "1", "dimensionless", "exact")]
    rules = [{"id": "same", "kind": "repeat", "claims": ["fights", "brawls"], "evidence": HOSTILE}]
    _open(page, text, [_claims_file(text, doc, figures, rules)])
    article = page.locator("#article")
    expect(article.locator("p").first).to_have_text(HOSTILE)
    assert article.locator("img, script, b").count() == 0
    assert page.locator("#side img, #side script, #tip img").count() == 0
    expect(_mark(page, "tag")).to_have_text('"><img src=x')
    expect(page.locator('li.relation[data-rule="same"] .evidence')).to_have_text(HOSTILE)
    assert page.evaluate("() => window.pwned") is None


# Emoji outside the BMP (two UTF-16 units), a skin-tone modifier and ZWJ sequence, ZWNJ inside
# Persian words, and combining marks (Persian fatha, Latin acute): spans must land on the figure.
UNICODE_TEXT = (
    "👮🏽‍♂️ گزارش پلیس 🚓🚓\n"
    "کلانتری‌ها روزانه به ۸۲۲ نفر خدمت می‌دهند 😀 و واحدها روزانه بیش از ۲ هزار نفر.\n"
    "Café́ 𝟙𝟚 report: in six months 400,000 people were served 👍🏿.\n"
    "دَر ۶ ماه گذشته ۴۰۰ هزار نفر خدمت گرفتند.\n"
)


def test_offsets_survive_emoji_zwnj_and_combining_marks(page: Page) -> None:
    doc = {"id": "u", "path": "u.txt", "lang": "fa"}
    figures = [("stations_daily", "روزانه به ۸۲۲ نفر", "822", "person / day", "exact"),
               ("units_daily", "روزانه بیش از ۲ هزار نفر", "2000", "person / day", "more_than"),
               ("served_en", "400,000 people", "400000", "person", "exact"),
               ("served_fa", "۴۰۰ هزار نفر", "400000", "person", "exact")]
    rules = [{"id": "total", "kind": "rate", "total": "served_fa", "duration": "6 month",
              "rate": ["stations_daily", {"claim": "units_daily", "times": 2}]},
             {"id": "same", "kind": "repeat", "claims": ["served_en", "served_fa"]}]
    _open(page, UNICODE_TEXT, [_claims_file(UNICODE_TEXT, doc, figures, rules)])
    for cid, quote, *_ in figures:
        expect(_mark(page, cid)).to_have_text(quote)
    expect(_mark(page, "served_fa")).to_have_class(BAD)
    lines = [ln for ln in UNICODE_TEXT.split("\n")]
    paras = page.locator("#article p")
    for i, ln in enumerate(lines):
        expect(paras.nth(i)).to_have_text(ln or "\u200b")
    # each paragraph chooses its own direction
    assert {paras.nth(i).get_attribute("dir") for i in range(len(lines))} == {"auto"}


def _utf16_offsets(text: str) -> list[int]:
    out, u = [0], 0
    for ch in text:
        u += len(ch.encode("utf-16-le")) // 2
        out.append(u)
    return out


_CHARS = st.one_of(
    st.sampled_from(["\u200c", "\u200d", "\u064e", "\u0301", "😀", "👍", "\U0001F3FF", "🚓", "𝟙", "ک", "۸",
                     "a", " ", "\n"]),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)


def test_code_point_to_utf16_conversion_matches_python(page: Page) -> None:
    page.evaluate("async () => { window.fcOffsets = await import('/static/offsets.js'); }")

    @settings(max_examples=60, deadline=None)
    @given(st.text(_CHARS, max_size=40))
    def check(text: str) -> None:
        got = page.evaluate("(t) => Array.from(window.fcOffsets.utf16Table(t))", text)
        assert got == _utf16_offsets(text)
        back = page.evaluate("(t) => { const c = window.fcOffsets.converter(t); const out = [];"
                             " for (let u = 0; u <= t.length; u++) out.push(c.toCodePoint(u)); return out; }", text)
        table = _utf16_offsets(text)
        for u, cp in enumerate(back):
            assert table[cp] <= u and (cp == len(text) or table[cp + 1] > u)
        if text:
            s, e = len(text) // 3, len(text) - len(text) // 3
            assert page.evaluate("([t, s, e]) => window.fcOffsets.sliceCodePoints(t, s, e)", [text, s, e]) == text[s:e]

    check()


def test_persian_interface(page: Page, shots: Path) -> None:
    page.click("#ui-lang")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "fa")
    expect(page.locator("#check")).to_have_text("بررسی رقم‌ها")
    _open(page, SEED_TEXT, _files(SEED_FILES))
    expect(page.locator("#summary")).to_have_text("۱۸ رقم، ۷ رابطه: ۱ رابطه ناممکن")
    expect(_mark(page, "services_six_months")).to_have_class(BAD)
    rel = page.locator('li.relation[data-rule="services_total"]')
    expect(rel.locator(".badge")).to_have_text("ناسازگار")
    expect(page.locator("#findings table.needed")).to_contain_text("دست‌کم ۸۶۳٬۰۴۸٫۵ person")
    from factcheck.codes import lookup
    summary = page.locator("#findings .finding.inconsistent .summary")
    expect(summary).to_have_text(lookup("FC111").summary_fa)
    expect(summary).to_have_attribute("dir", "rtl")
    # ... and the finding is explained in Persian: the engine's message_fa, right to left
    message = page.locator("#findings .finding.inconsistent .message")
    expect(message).to_have_text(_seed_finding().message_fa)
    expect(message).to_have_attribute("dir", "rtl")
    expect(message).to_contain_text("۸۶۳٬۰۴۸٫۵")
    _mark(page, "units_daily").hover()
    expect(page.locator("#tip")).to_contain_text("بیش از")
    page.screenshot(path=str(shots / "web-fa-ui.png"))
    # the choice is remembered, and English comes back with one click
    page.reload()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.click("#ui-lang")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.locator("#check")).to_have_text("Check figures")


# -- the arithmetic in Persian -----------------------------------------------------------------

_VISUAL = """(el, pieces) => {
  // Each piece (found in order, one after another, in the element's text) as drawn: its box.
  const nodes = [];
  let text = "";
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
  let from = 0;
  return pieces.map((p) => {
    const at = text.indexOf(p, from);
    if (at < 0) return null;
    from = at + p.length;
    const [node, start] = nodes.filter(([, s]) => s <= at).pop();
    const range = document.createRange();
    range.setStart(node, at - start);
    range.setEnd(node, Math.min(node.data.length, at - start + p.length));
    const b = range.getBoundingClientRect();
    return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
  });
}"""


def _read_right_to_left(page: Page, locator: Any, pieces: list[str]) -> None:
    """The pieces, in the order the text has them, are drawn right to left (a later one
    left of an earlier one on its line, or on a later line)."""
    boxes = locator.evaluate(_VISUAL, pieces)
    assert None not in boxes, (pieces, boxes)
    for i in range(1, len(pieces)):
        pa, pb = boxes[i - 1], boxes[i]
        next_line = pb["top"] >= pa["bottom"] - 2
        assert next_line or pb["right"] <= pa["left"] + 1, \
            f"{pieces[i]!r} is not drawn after {pieces[i - 1]!r}: {pa} {pb}"


def test_persian_page_shows_the_persian_arithmetic_right_to_left(page: Page, shots: Path) -> None:
    seed = _seed_finding()
    page.click("#ui-lang")
    _open(page, SEED_TEXT, _files(SEED_FILES))
    arith = page.locator("#findings .finding.inconsistent .arithmetic")
    expect(arith).to_have_text(seed.arithmetic_fa)
    expect(arith).to_have_attribute("dir", "rtl")
    expect(arith).to_have_attribute("lang", "fa")
    # drawn as read: the rates first (at the right), the total needed, then the total stated
    _read_right_to_left(page, arith, ["(۸۲۲", "نفر در روز", "بیش از ۲٬۰۰۰", "۶ ماه گذشته", "۱۷۹", "۱۸۶",
                                      "۸۶۳٬۰۴۸٫۵", "۴۵۰٬۰۰۰", "۴۰۰٬۰۰۰ نفر)"])
    card = page.locator("#findings .finding.inconsistent")
    assert arith.bounding_box()["x"] + arith.bounding_box()["width"] <= card.bounding_box()["x"] + \
        card.bounding_box()["width"]
    page.screenshot(path=str(shots / "web-fa-arithmetic.png"))
    # the English page keeps the English arithmetic, left to right
    page.click("#ui-lang")
    expect(arith).to_have_text(seed.arithmetic)
    expect(arith).to_have_attribute("dir", "ltr")


def test_persian_arithmetic_isolates_claim_ids_and_expressions(page: Page) -> None:
    text = "در این شهر ۱۰ مورد ثبت شد: ۴ مورد در مرکز، و در هر یک از دو بخش دیگر ۵ مورد.\n"
    doc = {"id": "fa", "path": "cases.fa.txt", "lang": "fa"}
    claims: list[dict[str, Any]] = []
    for cid, quote, value in [("total", "۱۰ مورد", 10), ("centre", "۴ مورد", 4), ("each", "۵ مورد", 5)]:
        s = text.index(quote)
        claims.append({"id": cid, "value": value, "unit": "case", "precision": 1,
                       "source": {"document": "fa", "span": [s, s + len(quote)], "quote": quote}})
    claims.append({"id": "rest", "unit": "case"})
    rules = [{"id": "r1", "kind": "sum", "whole": "total", "parts": ["rest", "centre"]},
             {"id": "r2", "kind": "sum", "whole": "rest", "parts": [{"claim": "each", "times": 2}]},
             {"id": "r3", "kind": "expr", "expr": "total >= centre * 4"}]
    body = yaml.safe_dump({"document": doc, "claims": claims, "rules": rules}, allow_unicode=True, sort_keys=False)
    page.click("#ui-lang")
    _open(page, text, [{"name": "claims.yaml", "mimeType": "application/yaml", "buffer": body.encode()}])
    report = evaluate(load_text(body, "claims.yaml")).findings
    chain = next(f for f in report if f.kind == "chain")
    expr = next(f for f in report if f.rule == "r3")
    chain_line = page.locator(".finding.inconsistent .arithmetic", has_text="قاعده‌های دیگر")
    expect(chain_line).to_have_text(chain.arithmetic_fa)
    # each claim id is isolated left to right (its brackets, «[rest: ذکر نشده]», stay paired)
    assert chain_line.locator("bdi").all_text_contents() == ["total", "rest", "rest", "centre", "each"], \
        chain_line.inner_html()
    # ... and read first: the id at the right of its figure
    _read_right_to_left(page, chain_line, ["total", "۱۰ مورد", "centre", "۴ مورد"])
    expr_line = page.locator(".finding.inconsistent .arithmetic", has_text="برقرار نیست")
    expect(expr_line).to_have_text(expr.arithmetic_fa)
    assert expr_line.locator("bdi").first.text_content() == "total >= centre * 4"
    # the expression reads left to right inside the Persian line
    _read_right_to_left(page, expr_line, ["رابطهٔ", "total >= centre * 4", "برای"])
    box = expr_line.locator("bdi").first.evaluate(_VISUAL, ["total", "centre"])
    assert box[0]["right"] <= box[1]["left"] + 1
