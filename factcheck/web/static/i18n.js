// The page's own words in English and Persian.  The engine's findings come in both
// languages (message and message_fa, arithmetic and arithmetic_fa): on the Persian page
// each finding is introduced by its code's Persian summary (/api/info) and explained by
// its Persian message and Persian arithmetic.

const STRINGS = {
  en: {
    "tagline": "the figures in an article that cannot all be true",
    "dl.yaml": "Claims + rules (YAML)", "dl.json": "Report (JSON)", "dl.sarif": "Report (SARIF)",
    "dl.svg": "Graph (SVG)", "dl.sarif.missing": "SARIF reporter not installed",
    "ui.other": "فارسی", "ui.other.label": "نمایش به فارسی",
    "lang": "Language", "lang.auto": "detect", "lang.fa": "Persian", "lang.en": "English",
    "open": "Open files", "check": "Check figures", "article.label": "article text",
    "placeholder": "Paste an article here (Persian or English), or open a .txt, .md or .html file. "
      + "A claim file (.yaml, .json) loads its claims and rules for the text pasted here.",
    "edit": "Edit the text",
    "legend.inconsistent": "cannot hold", "legend.invalid": "invalid relation",
    "legend.undetermined": "undetermined", "legend.consistent": "consistent", "legend.none": "in no relation",
    "h.findings": "Findings", "h.figure": "Figure", "h.relations": "Relations", "h.add": "Add a relation",
    "h.graph": "Rule graph",
    "figure.hint": "Select a marked figure to correct its value, hedge or unit.",
    "fe.value": "Value", "fe.max": "Up to", "fe.hedge": "Hedge", "fe.unit": "Unit",
    "fe.revert": "Revert", "fe.pick": "Use in a new relation",
    "add.kind": "Kind", "add.submit": "Add relation",
    "times.label": "times each counts", "times.hint": "× each, in order (e.g. 1, 2)", "optional": "optional", "list.hint": "comma-separated",
    "summary": "{claims} figures, {rules} relations: ", "summary.bad": "{n} cannot hold",
    "summary.good": "nothing inconsistent", "summary.invalid": ", {n} invalid",
    "summary.undetermined": ", {n} undetermined",
    "all.hold": "Every relation can hold.", "no.relations": "No relations yet: add one below.",
    "th.figure": "figure", "th.written": "as written", "th.stated": "stated interval",
    "th.needed": "would have to be",
    "tip.value": "value", "tip.unit": "unit", "tip.hedge": "hedge", "tip.interval": "interval",
    "tip.verdict": "verdict", "tip.needed": "would have to be", "unstated": "unstated",
    "status.inconsistent": "inconsistent", "status.invalid": "invalid", "status.undetermined": "undetermined",
    "status.consistent": "consistent", "status.none": "in no relation", "status.rejected": "rejected",
    "status.noverdict": "no verdict", "possibly": "possibly {s}",
    "origin.inferred": "inferred, confidence {p}%", "origin.editor": "added here", "origin.file": "from file",
    "accepted": "{o}; accepted",
    "accept": "Accept", "reject": "Reject", "restore": "Restore", "remove": "Remove",
    "iv.none": "no value would do", "iv.any": "any value", "iv.least": "at least {x}", "iv.most": "at most {x}",
    "iv.range": "{a} to {b}",
    "hedge.exact": "exact", "hedge.about": "about", "hedge.nearly": "nearly", "hedge.more_than": "more than",
    "hedge.at_least": "at least", "hedge.less_than": "less than", "hedge.at_most": "at most", "hedge.range": "range",
    "err.paste": "Paste an article first.",
    "err.noextract": "This build cannot extract figures from text; open a claim file for it instead.",
    "err.start.noextract": "Extraction is not installed in this build: open a claim file to check its figures.",
    "err.toolarge": "{name} is {size} bytes; the limit is {limit}.",
    "err.onearticle": "Open one article at a time.", "opened": "Opened {name}.",
    "err.notadded": "The relation was not added: {e}", "err.graph": "The graph could not be drawn.",
    "err.start": "The page could not start: {e}",
    "recheck": "Checking again replaces the figures and relations, and your corrections.",
  },
  fa: {
    "tagline": "رقم‌هایی از یک خبر که نمی‌توانند همه با هم درست باشند",
    "dl.yaml": "ادعاها و رابطه‌ها (YAML)", "dl.json": "گزارش (JSON)", "dl.sarif": "گزارش (SARIF)",
    "dl.svg": "نمودار (SVG)", "dl.sarif.missing": "گزارش‌گر SARIF نصب نیست",
    "ui.other": "English", "ui.other.label": "Show in English",
    "lang": "زبان", "lang.auto": "تشخیص خودکار", "lang.fa": "فارسی", "lang.en": "انگلیسی",
    "open": "باز کردن پرونده", "check": "بررسی رقم‌ها", "article.label": "متن خبر",
    "placeholder": "متن خبر را این‌جا بچسبانید (فارسی یا انگلیسی) یا یک پرونده‌ی ‎.txt، ‎.md یا ‎.html باز کنید. "
      + "پرونده‌ی ادعا (‎.yaml، ‎.json) ادعاها و رابطه‌هایش را برای متنی که این‌جاست می‌آورد.",
    "edit": "ویرایش متن",
    "legend.inconsistent": "ناممکن", "legend.invalid": "رابطه‌ی نامعتبر",
    "legend.undetermined": "نامعلوم", "legend.consistent": "سازگار", "legend.none": "بی‌رابطه",
    "h.findings": "یافته‌ها", "h.figure": "رقم", "h.relations": "رابطه‌ها", "h.add": "افزودن رابطه",
    "h.graph": "نمودار رابطه‌ها",
    "figure.hint": "برای اصلاح مقدار، قید یا یکای یک رقم، آن را در متن برگزینید.",
    "fe.value": "مقدار", "fe.max": "تا", "fe.hedge": "قید", "fe.unit": "یکا",
    "fe.revert": "بازگرداندن", "fe.pick": "در رابطه‌ی تازه",
    "add.kind": "نوع", "add.submit": "افزودن رابطه",
    "times.label": "ضریب هر رقم", "times.hint": "ضریب هر کدام به ترتیب (مثلاً 1, 2)", "optional": "اختیاری", "list.hint": "با ویرگول جدا کنید",
    "summary": "{claims} رقم، {rules} رابطه: ", "summary.bad": "{n} رابطه ناممکن",
    "summary.good": "ناسازگاری نیست", "summary.invalid": "، {n} نامعتبر",
    "summary.undetermined": "، {n} نامعلوم",
    "all.hold": "همه‌ی رابطه‌ها ممکن‌اند.", "no.relations": "هنوز رابطه‌ای نیست: از پایین بیفزایید.",
    "th.figure": "رقم", "th.written": "چنان که نوشته شده", "th.stated": "بازه‌ی گفته‌شده",
    "th.needed": "باید باشد",
    "tip.value": "مقدار", "tip.unit": "یکا", "tip.hedge": "قید", "tip.interval": "بازه",
    "tip.verdict": "داوری", "tip.needed": "باید باشد", "unstated": "گفته نشده",
    "status.inconsistent": "ناسازگار", "status.invalid": "نامعتبر", "status.undetermined": "نامعلوم",
    "status.consistent": "سازگار", "status.none": "بی‌رابطه", "status.rejected": "رد شده",
    "status.noverdict": "بی‌داوری", "possibly": "شاید {s}",
    "origin.inferred": "استنباط‌شده، اطمینان {p}٪", "origin.editor": "افزوده‌ی شما", "origin.file": "از پرونده",
    "accepted": "{o}؛ پذیرفته",
    "accept": "پذیرفتن", "reject": "رد کردن", "restore": "بازگرداندن", "remove": "حذف",
    "iv.none": "هیچ مقداری جور نمی‌شود", "iv.any": "هر مقداری", "iv.least": "دست‌کم {x}", "iv.most": "حداکثر {x}",
    "iv.range": "{a} تا {b}",
    "hedge.exact": "دقیق", "hedge.about": "حدود", "hedge.nearly": "نزدیک به", "hedge.more_than": "بیش از",
    "hedge.at_least": "دست‌کم", "hedge.less_than": "کمتر از", "hedge.at_most": "حداکثر", "hedge.range": "بازه",
    "err.paste": "نخست متن خبر را بچسبانید.",
    "err.noextract": "این نسخه نمی‌تواند رقم‌ها را از متن بیرون بکشد؛ پرونده‌ی ادعای آن را باز کنید.",
    "err.start.noextract": "استخراج در این نسخه نصب نیست: برای بررسی رقم‌ها پرونده‌ی ادعا باز کنید.",
    "err.toolarge": "{name} {size} بایت است؛ سقف {limit} بایت است.",
    "err.onearticle": "هر بار یک خبر باز کنید.", "opened": "{name} باز شد.",
    "err.notadded": "رابطه افزوده نشد: {e}", "err.graph": "نمودار کشیده نشد.",
    "err.start": "صفحه آغاز نشد: {e}",
    "recheck": "بررسی دوباره رقم‌ها و رابطه‌ها و اصلاح‌های شما را جایگزین می‌کند.",
  },
};

let current = "en";

export function uiLang() { return current; }

/** Choose the page language: the saved choice, else the browser's. */
export function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem("factcheck.ui"); } catch { /* storage may be off */ }
  if (saved in STRINGS) return saved;
  return (navigator.language || "en").toLowerCase().startsWith("fa") ? "fa" : "en";
}

export function setLang(lang) {
  current = lang in STRINGS ? lang : "en";
  try { localStorage.setItem("factcheck.ui", current); } catch { /* ignore */ }
  document.documentElement.lang = current;
  document.documentElement.dir = current === "fa" ? "rtl" : "ltr";
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-placeholder]")) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of document.querySelectorAll("[data-i18n-label]")) e.setAttribute("aria-label", t(e.dataset.i18nLabel));
}

/** The string for `key` in the page language, with `{name}` filled from `vars`. */
export function t(key, vars = {}) {
  const s = STRINGS[current][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** Numbers as the page language writes them (Persian digits in Persian). */
export function numberFormat() {
  return new Intl.NumberFormat(current === "fa" ? "fa-IR" : "en-US", { maximumSignificantDigits: 8 });
}
