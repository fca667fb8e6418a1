"""Claims a page makes, checked against the engine for the facts the visitor gave.

The engine's own promises are checked elsewhere (``engine/steps.py``, ``bench/promise_audit.py``). A page adds words
around them: the group a card sits under, an amount heading, who is paid, where to apply, a date, a comparison row,
a table row marked "you", a default already chosen, the take-away link, the printed summary. This module reads what
an AppTest page shows, attributes every status, amount, payee, office and date to an engine result for the facts
the visitor gave (the query parameters and the widgets the visitor set, nothing else), and reports each claim it
cannot attribute as a :class:`Finding`.

It keys on what stays when the wording changes: container keys (``card_<benefit>``, ``choice_<scenario>``,
``where_<benefit>``), the anchors of headings (``group-<key>``, a section's anchor), the engine's own values
formatted the page's way (``ui.format.money``, ``ui.format.date_text``), the texts the engine renders, and
language-level markers (a hypothesis starts with "If" / "如果"). Kinds of finding:

- ``status``: a card's group, a row's or a sentence's status word, against the engine's status;
- ``amount``: an amount no engine result for those facts gives;
- ``payee``: a "paid to …" of another payee than the result's;
- ``office``: an office other than the result's ``apply_at``, or a county the visitor did not give;
- ``date``: a date no engine result for those facts gives (nor the date assessed, nor the policy's dates);
- ``hypothesis``: a comparison row's status or amount worded as the person's own case when it is a choice
  they have not made yet ("If …" / "如果…" must come first);
- ``given``: a choice already made that the visitor never made (a widget's default, a value in the take-away link),
  or an engine sentence that is true only of those facts;
- ``face``: a reading that decides the result (the result's ``face``) missing from the card's face;
- ``printout``: the printed summary leaves out what the screen says where it bears on acting;
- ``punctuation``: ASCII punctuation in Chinese text.

Used by ``tests/app/test_claims_*.py`` on a fixed sample and by ``bench/promise_audit.py --pages N`` on many.
"""

from __future__ import annotations

import base64
import html
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from itertools import combinations
from typing import Any

from engine import catalog, evaluate, policy, totals
from engine.interpretations import INTERPRETATIONS
from engine.messages import DATE_PARAMS, MONEY_PARAMS
from engine.profile import COUNTY_NAMES, FIELDS, ProfileError, parse_text
from engine.questions import BY_FACT, nest
from engine.scenarios import compare
from ui import format as fmt
from ui.frame import load_translations

END, START = policy.IN_FORCE_UNTIL, policy.IN_FORCE_FROM
# Facts that are amounts the visitor types: a page may say them back.
MONEY_FACTS = frozenset({"person.city_rural_income_last_year", "employer.employer_insurance_monthly"})
KINDS = ("status", "amount", "payee", "office", "date", "hypothesis", "given", "face", "printout", "punctuation")

# ---------------------------------------------------------------------------------------------------------------
# Words: amounts, dates, status words and hypothesis markers as each language writes them
# ---------------------------------------------------------------------------------------------------------------

MONEY = {
    "zh_CN": re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)"),
    "en": re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*yuan\b"),
}
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
DATES = {
    "zh_CN": re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    "en": re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS_EN) + r") (\d{4})\b"),
}
# A status a sentence asserts. The negative words are looked for first (不符合条件 holds 符合条件).
NEGATIVE = {
    "zh_CN": re.compile(r"不符合|不能申请|无法申请|来不及|不适合|不在政策执行期|暂时还不能|还不能申请"),
    "en": re.compile(r"(?i)\bnot eligible\b|\bcannot apply\b|\bcan't apply\b|\bcould not apply\b|\bnot before the "
                     r"policy ends\b|\bnot for you\b|\boutside the policy period\b|\bnot yet\b"),
}
POSITIVE = {
    "zh_CN": re.compile(r"可以申请|可申请|能申请|符合条件|即可领取|可以领取"),
    "en": re.compile(r"(?i)\b(?:could|can) apply\b|\beligible\b"),
}
# Words with a status word inside that claim nothing of the person: a condition ("只有…才能申请", "only … can
# apply"), or a question still open ("whether you could apply", "能否申请").
NEUTRAL = {
    "zh_CN": re.compile(r"才能申请|能否申请|是否能申请|是否可以申请"),
    "en": re.compile(r"(?i)\bwhether you (?:could|can) apply\b|\bonly\b[^.;:]{0,80}\bcan apply\b"),
}
# A sentence of the page's own that says the person can apply ("您可以申请2项扶持：…").
APPLY = {"zh_CN": re.compile(r"可以申请|可申请"), "en": re.compile(r"(?i)\b(?:can|could) apply\b")}
# A hypothesis is worded as one: "If you …, you could apply for …" / "如果您…，可申请…".
HYPOTHESIS = {
    "zh_CN": re.compile(r"如果|假如|假设|若您|要是"),
    "en": re.compile(r"(?i)\bif\b|\bsuppose\b|\bwere you to\b"),
}
# ASCII punctuation beside a Chinese character (a URL or a time has none).
CJK = r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’]"
ASCII_IN_CHINESE = re.compile(rf"(?<={CJK})[,;:?!]|[,;:?!](?=\s*{CJK})")
LINK = re.compile(r"(?:https?://|\?lang=)\S*")
ESCAPED = re.compile(r"\\([\\`*_{}\[\]<>()#+\-.!|~$:])")
ICON = re.compile(r":material/[a-z_]+:")
TAG = re.compile(r"<[^>]+>")


def plain(text: Any) -> str:
    """What a reader sees of a Markdown or HTML text: no escapes, icons, emphasis or tags."""
    text = str(text)
    text = ESCAPED.sub(r"\1", text.replace("**", "").replace("### ", ""))
    text = ICON.sub("", text).replace(fmt.WORD_JOINER, "")
    if "<" in text:
        text = html.unescape(TAG.sub(" ", text))
    return re.sub(r"[ \t]+", " ", text).strip()


def money_in(text: str, lang: str) -> list[tuple[str, float]]:
    """Every amount of yuan in ``text``: (as written, value)."""
    found = []
    for match in MONEY[lang].finditer(text):
        number = float(match.group(1).replace(",", ""))
        found.append((match.group(0), number * 10_000 if match.group(0).endswith("万元") else number))
    return found


def dates_in(text: str, lang: str) -> list[tuple[str, date]]:
    """Every date written out in ``text``: (as written, date)."""
    found = []
    for match in DATES[lang].finditer(text):
        try:
            if lang == "zh_CN":
                day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            else:
                day = date(int(match.group(3)), MONTHS_EN.index(match.group(2)) + 1, int(match.group(1)))
        except ValueError:
            continue
        found.append((match.group(0), day))
    return found


def blank(pattern: re.Pattern[str], text: str) -> str:
    """``text`` with each match of ``pattern`` blanked out, every other character where it was."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def status_words(text: str, lang: str) -> tuple[list[str], list[str]]:
    """The positive and the negative status words of ``text`` ("可以申请", "不符合条件"), not counting words that
    claim nothing of the person (:data:`NEUTRAL`)."""
    text = blank(NEUTRAL[lang], text)
    negative = NEGATIVE[lang].findall(text)
    positive = POSITIVE[lang].findall(NEGATIVE[lang].sub(" ", text))
    return positive, negative


def first_claim(text: str, lang: str) -> int | None:
    """Where the first status word or amount of ``text`` starts."""
    text = blank(NEUTRAL[lang], text)
    starts = [m.start() for m in NEGATIVE[lang].finditer(text)]
    starts += [m.start() for m in POSITIVE[lang].finditer(blank(NEGATIVE[lang], text))]
    starts += [m.start() for m in MONEY[lang].finditer(text)]
    return min(starts) if starts else None


def worded_as_hypothesis(text: str, lang: str) -> bool:
    """A hypothesis marker comes before the first status word or amount of ``text``."""
    claim = first_claim(text, lang)
    marker = HYPOTHESIS[lang].search(text)
    return claim is None or (marker is not None and marker.start() < claim)


def ascii_punctuation(text: str) -> list[str]:
    """Chinese text's ASCII punctuation, each with a few characters around it; a link (``https://…``, or the
    ``?lang=…`` of a relative one, as AppTest has no host) is not text."""
    text = LINK.sub(" ", text)
    return [text[max(0, m.start() - 6): m.end() + 6] for m in ASCII_IN_CHINESE.finditer(text)]


def tr(lang: str, msgid: str) -> str:
    return load_translations(lang).gettext(msgid)


# ---------------------------------------------------------------------------------------------------------------
# Findings
# ---------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    """A claim the engine does not back: the page, its language and query, the kind, where on the page, what the
    page says and what the engine says for the facts given."""

    page: str
    lang: str
    params: tuple[tuple[str, str], ...]
    kind: str
    where: str
    says: str
    engine: str

    def __str__(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.params)
        return (f"[{self.kind}] {self.page} {self.lang} ?{query} · {self.where}: page says {self.says[:160]!r}; "
                f"engine: {self.engine[:200]}")


@dataclass
class Report:
    """Claims checked and findings, by page and kind."""

    checked: Counter = field(default_factory=Counter)
    findings: list[Finding] = field(default_factory=list)

    def merge(self, other: Report) -> None:
        self.checked.update(other.checked)
        self.findings.extend(other.findings)

    def untrue(self) -> Counter:
        return Counter((f.page, f.kind) for f in self.findings)

    def of(self, *kinds: str) -> list[Finding]:
        return [f for f in self.findings if not kinds or f.kind in kinds]


# ---------------------------------------------------------------------------------------------------------------
# What a page shows, in order, with where it sits
# ---------------------------------------------------------------------------------------------------------------

KEY_ID = re.compile(r"^\$\$ID-[0-9a-f]+-(.+)$")
TEXT_TYPES = {"markdown", "caption", "info", "success", "warning", "error", "exception", "title", "header",
              "subheader", "metric", "html", "text", "latex", "code", "toast", "alert"}
CHOICE_TYPES = {"selectbox", "radio", "number_input", "multiselect", "text_input", "text_area", "slider",
                "select_slider", "checkbox", "segmented_control", "button_group", "pills", "date_input",
                "time_input", "color_picker", "feedback"}
HEADINGS = {"title", "header", "subheader"}


@dataclass(frozen=True)
class Seen:
    """One element as the reader meets it: its type, its text, the keyed containers it sits in (outermost first),
    whether it is inside an expander, the section (heading anchor) and the results group it falls under."""

    type: str
    text: str
    element: Any
    keys: tuple[str, ...]
    expander: bool
    section: str
    group: str | None

    def inside(self, prefix: str) -> str | None:
        """The innermost key starting with ``prefix`` (``card_``), without it."""
        for key in reversed(self.keys):
            if key.startswith(prefix):
                return key[len(prefix):]
        return None


def _key_of(block: Any) -> str:
    found = KEY_ID.match(getattr(block.proto, "id", "") or "")
    return found.group(1) if found else ""


def _text_of(node: Any) -> str:
    if node.type == "metric":
        return f"{plain(node.label)} {plain(node.value)}"
    if node.type == "html":
        body = str(node.value)
        if "<script" in body or "takeaway-qr" in body:
            return ""
        return plain(body)
    return plain(getattr(node, "value", ""))


def seen(at: Any) -> list[Seen]:
    """Every element of the page's main area in reading order (the sidebar is navigation)."""
    from streamlit.testing.v1.element_tree import Block  # noqa: PLC0415 - the tests' own import

    out: list[Seen] = []
    state: dict[str, Any] = {"section": "", "group": None}

    def walk(node: Any, keys: tuple[str, ...], expander: bool) -> None:
        if isinstance(node, Block):
            key = _key_of(node)
            inner = (*keys, key) if key else keys
            for child in node.children.values():
                walk(child, inner, expander or node.type == "expander")
            return
        if node.type in HEADINGS:
            anchor = getattr(node.proto, "anchor", "") or ""
            if anchor.startswith("group-"):
                state["group"] = anchor.removeprefix("group-")
            else:
                if node.type != "title" and not keys:
                    state["group"] = None
                if anchor:
                    state["section"] = anchor
        text = _text_of(node) if node.type in TEXT_TYPES else ""
        out.append(Seen(node.type, text, node, keys, expander, state["section"], state["group"]))

    walk(at.main, (), False)
    return out


def table_rows(element: Any) -> list[str]:
    """A table's rows as text, header cells included in each (so a row says what its figures are)."""
    try:
        frame = element.value
    except Exception:  # an element AppTest cannot read has no claims to check
        return []
    rows = []
    for index, row in frame.iterrows():
        rows.append(" | ".join([str(index), *(f"{column}: {value}" for column, value in row.items())]))
    return rows


# ---------------------------------------------------------------------------------------------------------------
# What the engine says for the facts given
# ---------------------------------------------------------------------------------------------------------------

def _walk_values(value: Any, key: str = "") -> Iterable[tuple[str, Any]]:
    if isinstance(value, Mapping):
        for inner_key, inner in value.items():
            yield from _walk_values(inner, inner_key)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _walk_values(inner, key)
    else:
        yield key, value


def texts_of(result: Mapping[str, Any]) -> list[str]:
    """Every sentence the engine renders for a result (messages' ``text``), longest first."""
    found = {plain(v) for k, v in _walk_values(result) if k == "text" and isinstance(v, str) and v}
    return sorted(found, key=len, reverse=True)


def readings_of(result: Mapping[str, Any], lang: str) -> list[str]:
    return [plain(tr(lang, INTERPRETATIONS[key].reading)) for key in result.get("interpretations", ())
            if key in INTERPRETATIONS] + [plain(tr(lang, INTERPRETATIONS[key].basis))
                                          for key in result.get("interpretations", ()) if key in INTERPRETATIONS]


def face_texts(result: Mapping[str, Any]) -> list[str]:
    """The sentences the engine puts on the card's face (``face``: a message, a text, or a list of them)."""
    face = result.get("face")
    if not face:
        return []
    items = face if isinstance(face, list) else [face]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(plain(item))
        elif isinstance(item, Mapping) and item.get("text"):
            out.append(plain(item["text"]))
    return [text for text in out if text]


@dataclass
class Said:
    """What the engine gives that a claim may be attributed to: amounts, dates and sentences."""

    amounts: set[float] = field(default_factory=set)
    dates: set[date] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)

    def add_result(self, result: Mapping[str, Any], lang: str) -> Said:
        if result["status"] == "eligible" and result["amount"] is not None:
            self.amounts.add(float(result["amount"]))
        if result["status"] == "not_eligible":
            self.amounts.add(0.0)  # nothing is due: "0 yuan" is true
        for key, value in _walk_values({k: v for k, v in result.items() if k not in ("amount", "clause")}):
            if key in MONEY_PARAMS and isinstance(value, int | float) and not isinstance(value, bool):
                self.amounts.add(float(value))
            if key in (*DATE_PARAMS, "from") and isinstance(value, str):
                with suppress(ValueError):
                    self.dates.add(date.fromisoformat(value))
        texts = texts_of(result) + readings_of(result, lang)
        self.texts.extend(texts)
        for text in texts:
            self.amounts |= {value for _w, value in money_in(text, lang)}
            self.dates |= {day for _w, day in dates_in(text, lang)}
        return self

    def amount_text(self, lang: str) -> str:
        return ", ".join(fmt.money(a, lang) for a in sorted(self.amounts)) or "no amount"


def describe(result: Mapping[str, Any] | None, lang: str) -> str:
    if result is None:
        return "no result"
    amount = "" if result["amount"] is None else f" {fmt.money(result['amount'], lang)}"
    steps = f", {len(result['next'])} step(s)" if result.get("next") else ""
    ruled = ", ruled out" if result.get("ruled_out") else ""
    missing = f", missing {','.join(result['missing'])}" if result.get("missing") else ""
    return f"{result['benefit']} {result['status']}{amount}{steps}{ruled}{missing}"


def group_fits(group: str, result: Mapping[str, Any]) -> bool:  # noqa: PLR0911 - one return a group
    """Whether a results group's heading is true of the engine's result.

    "You can apply" and "paid to your school": due. "Not yet": not due, with a checked step. "We need to know":
    not known, or not due with facts still unknown that decide it. "Not for you": not due, and nothing within the
    policy period makes it due. "Outside the policy period": the date is outside it.
    """
    status = result["status"]
    if group == "apply":
        return status == "eligible" and result["payee"] != "institution"
    if group == "school":
        return status == "eligible"
    if group == "not_yet":
        return status == "not_eligible" and bool(result["next"])
    if group == "need":
        return status == "needs_info" or (status == "not_eligible" and not result["next"] and bool(result["missing"])
                                          and not result.get("ruled_out"))
    if group == "not_for_you":
        return status == "not_eligible" and not result["next"] and (result.get("ruled_out") or not result["missing"])
    if group == "out_of_period":
        return status == "out_of_period"
    return False


# ---------------------------------------------------------------------------------------------------------------
# The pages: which query parameters and widgets are which facts
# ---------------------------------------------------------------------------------------------------------------

def _fact(name: str, text: str | None) -> Any:
    if text is None:
        return None
    try:
        return parse_text(name, text)
    except ProfileError:
        return None


def _bool(text: str | None) -> bool | None:
    return {"1": True, "0": False, "True": True, "False": False}.get(text or "")


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def resident_facts(params: Mapping[str, str]) -> tuple[dict[str, Any], date | None]:
    from ui import answers  # noqa: PLC0415 - the page's own reading of its query

    facts, _rejected = answers.read_answers(params)
    return facts, answers.assessment_date(params.get("year"))


def employer_facts(params: Mapping[str, str]) -> tuple[dict[str, Any], date | None]:
    from engine import employer as emp  # noqa: PLC0415

    on = _date(params.get("on")) or END
    facts: dict[str, Any] = {
        "employer.kind": _fact("employer.kind", params.get("kind")),
        "employer.in_region": _bool(params.get("in_region")),
        "employer.carrier": _fact("employer.carrier", params.get("carrier")),
        "employer.located_in": _fact("employer.located_in", params.get("place")),
        "employer.qualifying_hires": _fact("employer.qualifying_hires", params.get("ws_hires")),
        "employer.insured_hires": _fact("employer.insured_hires", params.get("sme_hires")),
        "employer.trains_hires": _bool(params.get("trains")),
        "incubator.level": _fact("incubator.level", params.get("incubator")),
    }
    if params.get("sme_mode", "typed") == "typed":
        facts["employer.employer_insurance_monthly"] = _fact("employer.employer_insurance_monthly",
                                                             params.get("sme_monthly"))
    else:
        base = _fact("employer.employer_insurance_monthly", params.get("sme_base"))
        rates = {name: _fact("employer.employer_insurance_monthly", params.get(f"sme_rate_{name}"))
                 for name in emp.insurances(on)}
        facts["employer.employer_insurance_monthly"] = emp.monthly_contribution(base, rates, on).monthly
    hires = params.get("tr_hires")
    if facts["employer.in_region"] is True:
        facts["employer.certified_trained_hires"] = _fact("employer.certified_trained_hires", hires)
    elif facts["employer.in_region"] is False:
        facts["employer.out_of_region_hires"] = _fact("employer.out_of_region_hires", hires)
    return {k: v for k, v in facts.items() if v is not None}, on


def institution_facts(params: Mapping[str, str]) -> tuple[dict[str, Any], date | None]:
    facts = {"institution.kind": _fact("institution.kind", params.get("kind"))}
    counts = [_fact("institution.two_after_passed", params.get(k)) for k in ("enrolled", "completed", "passed")]
    if None not in counts and counts[0] >= counts[1] >= counts[2]:
        facts["institution.two_after_passed"] = counts[2]
    return {k: v for k, v in facts.items() if v is not None}, _date(params.get("on")) or END


def broker_facts(params: Mapping[str, str]) -> tuple[dict[str, Any], date | None]:
    facts = {"broker.qualifying_placements": _fact("broker.qualifying_placements", params.get("placements")),
             "broker.kind": _fact("broker.kind", params.get("kind")),
             "broker.sex": _fact("broker.sex", params.get("sex")),
             "broker.birth_year": _fact("broker.birth_year", params.get("birth_year")),
             "broker.birth_month": _fact("broker.birth_month", params.get("birth_month")),
             "broker.joined_employee_insurance": _bool(params.get("joined"))}
    placed = _fact("broker.qualifying_placements", params.get("placed"))
    if placed is not None and facts["broker.qualifying_placements"] is not None \
            and facts["broker.qualifying_placements"] > placed:
        facts["broker.qualifying_placements"] = None  # more counted than placed: the page refuses it
    return {k: v for k, v in facts.items() if v is not None}, _date(params.get("on")) or END


@dataclass(frozen=True)
class PageSpec:
    """A page of the site as the checker reads it.

    ``facts``: the facts and the date a query gives (the visitor's parameters only). ``prefix``: the widgets' key
    prefix, after which comes the query parameter the widget keeps. ``defaults``: the parameters that may have a
    default (the date assessed, how a figure is entered). ``sections``: the benefits a section's "you" row is
    about, by the section's anchor. ``widgets``: widgets kept in no query parameter, by key, and the parameter
    the checker reads them as.
    """

    name: str
    path: str
    prefix: str
    facts: Callable[[Mapping[str, str]], tuple[dict[str, Any], date | None]]
    defaults: frozenset[str]
    sections: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    widgets: Mapping[str, str] = field(default_factory=dict)


# The count each calculator's "you" row is about: a row worded "if all N of yours counted" is the engine on N.
COUNTS = {"workshop_grant": "employer.qualifying_hires", "sme_insurance_subsidy": "employer.insured_hires",
          "broker_fee": "broker.qualifying_placements", "two_after_training_grant": "institution.two_after_passed",
          "two_after_study_aid": "institution.two_after_passed"}


def count_marked(text: str) -> int:
    """The whole number just before a row's "◀" mark, as Babel writes it (``1,500  ◀ …``)."""
    found = re.search(r"(\d[\d,]*)\s*◀", text)
    return int(found.group(1).replace(",", "")) if found else 0


RESIDENT = PageSpec("resident", "pages/resident.py", "res_q_person.", resident_facts,
                    frozenset({"lang", "step", "from"}))
EMPLOYER = PageSpec("employer", "pages/employer.py", "emp_", employer_facts,
                    frozenset({"lang", "on", "date", "sme_mode"}),
                    sections={"workshop": ("workshop_grant",), "sme": ("sme_insurance_subsidy",),
                              "total": ("workshop_grant", "sme_insurance_subsidy")})
INSTITUTION = PageSpec("institution", "pages/institution.py", "inst_", institution_facts,
                       frozenset({"lang", "on", "date"}),
                       sections={"two-after": ("two_after_training_grant", "two_after_study_aid")})
BROKER = PageSpec("broker", "pages/broker.py", "brk_", broker_facts, frozenset({"lang", "on", "date"}),
                  sections={"fee": ("broker_fee",)},
                  widgets={"brk_kind": "kind", "brk_sex": "sex", "brk_birth_year": "birth_year", "brk_birth_month": "birth_month",
                           "brk_joined": "joined"})
PAGES = {spec.name: spec for spec in (RESIDENT, EMPLOYER, INSTITUTION, BROKER)}
# Widgets that hold no fact: the language, the year or date assessed, how a figure is typed, a chart switch.
NOT_A_FACT = re.compile(r"^(lang_switch|res_year|.*_date|.*_mode|.*_chart_shown|.*_file|.*_filter.*|.*_show.*)$")


def param_of(spec: PageSpec, key: str) -> str | None:
    """The query parameter a widget keeps (``emp_ws_hires`` → ``ws_hires``), or its stand-in."""
    if key in spec.widgets:
        return spec.widgets[key]
    if key.startswith(spec.prefix):
        return key[len(spec.prefix):]
    return None


def same_value(given: str | None, shown: str) -> bool:
    """The visitor's ``given`` text and a page's ``shown`` one name the same value ("300" and "300.0")."""
    if given is None:
        return False
    if given == shown:
        return True
    try:
        return float(given) == float(shown)
    except ValueError:
        return False


def _as_param(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ---------------------------------------------------------------------------------------------------------------
# The check
# ---------------------------------------------------------------------------------------------------------------

@dataclass
class Truth:
    """The engine for the facts given: each result, what the page may attribute to it, the comparison rows."""

    facts: dict[str, Any]
    on: date | None
    results: dict[str, dict[str, Any]]
    said: dict[str, Said]
    assumed: dict[str, dict[str, Any]]  # the results for the facts the page used (defaults included)
    rows: dict[str, dict[str, Any]]


def truth_for(spec: PageSpec, lang: str, params: Mapping[str, str], assumed_params: Mapping[str, str]) -> Truth:
    facts, on = spec.facts(params)
    if on is None:
        return Truth(facts, None, {}, {}, {}, {})
    out = evaluate(nest(facts), on, lang)
    results = {r["benefit"]: r for r in out["results"]}
    said = {b: Said().add_result(r, lang) for b, r in results.items()}
    assumed_facts, _on = spec.facts(assumed_params)
    assumed = {r["benefit"]: r for r in evaluate(nest(assumed_facts), on, lang)["results"]}
    rows = {}
    if spec is RESIDENT and policy.in_force(on):
        for found in compare(facts, on, lang):
            changed = nest({**facts, **found["change"]})
            rows[found["scenario"]] = {**found, "result": next(r for r in evaluate(changed, on, lang)["results"]
                                                               if r["benefit"] == found["benefit"])}
    return Truth(facts, on, results, said, assumed, rows)


class _Checker:
    def __init__(self, spec: PageSpec, lang: str, params: Mapping[str, str], given: Mapping[str, str],
                 truth: Truth) -> None:
        self.spec, self.lang, self.params, self.given, self.truth = spec, lang, params, given, truth
        self.report = Report()
        self.query = tuple(sorted(given.items()))

    def check(self, kind: str, ok: bool, where: str, says: str, engine: str) -> None:
        self.report.checked[(self.spec.name, kind)] += 1
        if not ok:
            self.report.findings.append(Finding(self.spec.name, self.lang, self.query, kind, where, says, engine))

    def given_amounts(self) -> set[float]:
        """Amounts the visitor typed (a published figure, a monthly contribution): said back, not claimed."""
        return {float(v) for k, v in self.truth.facts.items() if k in MONEY_FACTS and v is not None}

    # --- the parts of a text the page adds to the engine's sentences
    def added(self, text: str, sources: Iterable[str]) -> str:
        for source in sorted(set(sources), key=len, reverse=True):
            if len(source) >= 4:
                text = text.replace(source, " ")
        return text

    def amounts(self, text: str, said: Said, where: str, engine: str) -> None:
        for line in text.splitlines():
            for written, value in money_in(line, self.lang):
                self.check("amount", value in said.amounts, where, f"{written} in “{line.strip()}”", engine)

    def dates(self, text: str, said: Said, where: str, engine: str) -> None:
        allowed = said.dates | {START, END} | ({self.truth.on} if self.truth.on else set())
        for line in text.splitlines():
            for written, day in dates_in(line, self.lang):
                self.check("date", day in allowed, where, f"{written} in “{line.strip()}”", engine)

    def punctuation(self, text: str, where: str) -> None:
        if self.lang != "zh_CN" or not text:
            return
        bits = ascii_punctuation(text)
        self.check("punctuation", not bits, where, f"{len(bits)}×: " + " … ".join(bits[:6]),
                   "Chinese text takes full-width punctuation")

    # --- cards: card_<benefit>
    def cards(self, elements: list[Seen]) -> set[str]:
        shown: dict[str, list[Seen]] = {}
        for element in elements:
            benefit = element.inside("card_")
            if benefit is not None:
                shown.setdefault(benefit, []).append(element)
        for benefit, parts in shown.items():
            self.card(benefit, parts)
        return set(shown)

    def card(self, benefit: str, parts: list[Seen]) -> None:
        where = f"card_{benefit}"
        result = self.truth.results.get(benefit)
        if result is None:
            self.check("status", False, where, "a card", f"no benefit {benefit!r} in the engine")
            return
        said, engine = self.truth.said[benefit], describe(result, self.lang)
        face = [p for p in parts if not p.expander and p.text]
        text = "\n".join(p.text for p in face)
        groups = {p.group for p in parts if p.group}
        for group in groups:
            self.check("status", group_fits(group, result), where, f"under the group {group!r}", engine)
        offices = [p for p in face if p.inside("where_") == benefit]
        if not groups and offices:  # a page without groups: telling where to apply asserts it can be applied for
            self.check("status", result["status"] == "eligible", where, "where to apply, so: you can apply", engine)
        self.amounts(text, said, where, f"{engine}; amounts the engine gives: {said.amount_text(self.lang)}")
        self.dates(text, said, where, engine)
        self.payee(text, result, where)
        self.office(offices, result, where)
        self.sentences(text, benefit, result, where)
        self.faces(text, result, where)
        self.punctuation(text, where)

    def payee(self, text: str, result: Mapping[str, Any], where: str) -> None:
        from ui.results import PAYEE_TEXT  # noqa: PLC0415 - the page's own words for who is paid

        own = plain(tr(self.lang, PAYEE_TEXT[result["payee"]])) if result["payee"] in PAYEE_TEXT else ""
        for payee, msgid in PAYEE_TEXT.items():
            words = plain(tr(self.lang, msgid))
            if payee != result["payee"] and words in text and words not in own:
                self.check("payee", False, where, words, f"paid to {result['payee']!r}")
            elif payee == result["payee"] and words in text:
                self.check("payee", True, where, words, "")

    def office(self, offices: list[Seen], result: Mapping[str, Any], where: str) -> None:
        if not offices:
            return
        text = "\n".join(p.text for p in offices)
        own = plain(result["apply_at"]["text"]) if result["apply_at"].get("text") else ""
        known = {plain(tr(self.lang, b.apply_at)) for b in catalog.BENEFITS}
        named = [office for office in known if office in text]
        self.check("office", own in text and all(o == own or o in own for o in named), where, text,
                   f"apply at: {own}")
        county = self.truth.facts.get("person.county")
        for code, (zh, _en) in COUNTY_NAMES.items():
            if zh in text:
                self.check("given" if county is None else "office", code == county, where, zh,
                           f"the county given: {county}")

    def sentences(self, text: str, benefit: str, result: Mapping[str, Any], where: str) -> None:
        """An engine sentence on the card that the engine says only for facts the visitor did not give."""
        assumed = self.truth.assumed.get(benefit)
        if assumed is None:
            return
        own = set(texts_of(result))
        for sentence in texts_of(assumed):
            if sentence not in own and len(sentence) >= 6 and sentence in text:
                self.check("given", False, where, sentence, f"for the facts given: {describe(result, self.lang)}")

    def faces(self, text: str, result: Mapping[str, Any], where: str) -> None:
        for sentence in face_texts(result):
            self.check("face", sentence in text, where, "(not on the card's face)", sentence)

    # --- comparison rows: choice_<scenario>
    def rows(self, elements: list[Seen]) -> None:
        shown: dict[str, list[Seen]] = {}
        for element in elements:
            scenario = element.inside("choice_")
            if scenario is not None and element.text and not element.expander:
                shown.setdefault(scenario, []).append(element)
        for scenario, parts in shown.items():
            self.row(scenario, parts)

    def row(self, scenario: str, parts: list[Seen]) -> None:
        where = f"choice_{scenario}"
        row = self.truth.rows.get(scenario)
        if row is None:
            self.check("status", False, where, "a comparison row", "no such row for the facts given")
            return
        result = row["result"]
        said = Said().add_result(result, self.lang)
        said.amounts.add(float(row["amount"]))
        said.dates.add(date.fromisoformat(row["from"]))
        if row.get("by"):  # the last day to act for it (reading action_after_day_assessed)
            said.dates.add(date.fromisoformat(row["by"]))
        needed = [plain(m["text"]) for m in row["still_needed"] if m.get("text")]
        said.texts += needed
        text = "\n".join(p.text for p in parts)
        engine = (f"if {row['change']}: {describe(result, self.lang)}, in time {row['in_time']}; "
                  f"still needed: {len(needed)}")
        self.amounts(text, said, where, engine)
        self.dates(text, said, where, engine)
        added = self.added(text, said.texts)
        positive, negative = status_words(added, self.lang)
        due = result["status"] == "eligible" and row["in_time"]
        for word in positive:
            self.check("status", due, where, word, engine)
        for word in negative:
            self.check("status", not due, where, word, engine)
        own_case = not row["still_needed"] or all(self.truth.facts.get(k) == v for k, v in row["change"].items())
        if not own_case and (positive or negative or money_in(added, self.lang)):
            self.check("hypothesis", worded_as_hypothesis(added, self.lang), where, " ".join(added.split()),
                       f"a choice not made yet ({', '.join(needed)[:120]}): worded as “if …”")
        self.punctuation(text, where)

    # --- the rest of the page: metrics, headlines, tables' "you" rows
    def page_level(self, elements: list[Seen], cards: set[str]) -> None:  # noqa: PLR0912 - one branch a kind
        everything = Said()
        for benefit in cards or self.truth.results:
            result = self.truth.results.get(benefit)
            if result is not None:
                everything.amounts |= self.truth.said[benefit].amounts
                everything.dates |= self.truth.said[benefit].dates
                everything.texts += self.truth.said[benefit].texts
        everything.amounts |= self.given_amounts()
        shown = [self.truth.results[b] for b in cards if b in self.truth.results]
        for payees in (None, totals.PAID_TO_RESIDENT):
            summed = totals.total(shown, self.lang, payees=payees)
            everything.amounts.add(float(summed.amount))
            for entry in summed.left_out:
                everything.texts.append(plain(entry["reason"]["text"]))
        labels = {b: plain(tr(self.lang, catalog.BY_ID[b].label)) for b in cards if b in catalog.BY_ID}
        for element in elements:
            if element.keys and any(k.startswith(("card_", "choice_", "takeaway", "policy_banner", "top_bar"))
                                    for k in element.keys):
                continue
            if element.expander or element.type in HEADINGS:
                continue
            if element.type == "table":
                self.you_rows(element)
                continue
            if not element.text or element.section in ("take-away", "answers", "guidance", "roster", "students",
                                                        "placements", "recognition", "routes", "assessment",
                                                        "employers"):
                continue
            where = f"{element.section or 'page'} {element.type}"
            engine = f"amounts the engine gives here: {everything.amount_text(self.lang)}"
            if element.type in ("metric", "markdown", "caption", "info", "success", "warning"):
                self.amounts(element.text, everything, where, engine)
                self.dates(element.text, everything, where, "dates of the results")
            added = self.added(element.text, everything.texts)
            if APPLY[self.lang].search(NEGATIVE[self.lang].sub(" ", added)) and not HYPOTHESIS[self.lang].search(added):
                for benefit, label in labels.items():
                    if label in added:
                        result = self.truth.results[benefit]
                        self.check("status", result["status"] == "eligible", where, label,
                                   describe(result, self.lang))

    def you_rows(self, element: Seen) -> None:
        marker = "◀"
        benefits = self.spec.sections.get(element.section, ())
        if not benefits:
            return
        said = Said()
        amounts = []
        for benefit in benefits:
            result = self.truth.results[benefit]
            said.amounts |= set(self.truth.said[benefit].amounts)
            amounts.append(float(result["amount"] or 0) if result["status"] == "eligible"
                           else 0.0 if result["status"] == "not_eligible" else None)
        known = [a for a in amounts if a is not None]
        if len(known) == len(amounts):
            said.amounts |= {sum(pair) for pair in combinations(known, 2)} | set(known)
        engine = "; ".join(describe(self.truth.results[b], self.lang) for b in benefits)
        for row in table_rows(element.element):
            if marker not in row:
                continue
            if HYPOTHESIS[self.lang].search(row) and self.truth.on is not None:  # "◀ if all 15 of yours counted"
                count = count_marked(row)
                what_if = {COUNTS[b]: count for b in benefits if b in COUNTS}
                results = evaluate(nest({**self.truth.facts, **what_if}), self.truth.on, self.lang)["results"]
                found = {r["benefit"]: r for r in results if r["benefit"] in benefits}
                hypothetical = Said()
                amounts = [float(found[b]["amount"] or 0) if found[b]["status"] == "eligible" else 0.0
                           for b in benefits]
                hypothetical.amounts |= {sum(pair) for pair in combinations(amounts, 2)} | set(amounts)
                self.amounts(row, hypothetical, f"{element.section} table, your row",
                             f"if {what_if}: " + "; ".join(describe(found[b], self.lang) for b in benefits))
            else:
                self.amounts(row, said, f"{element.section} table, your row", engine)

    # --- widgets: a choice the visitor did not make is not a fact
    def widgets(self, at: Any) -> None:
        for element in seen(at):
            if element.type not in CHOICE_TYPES:
                continue
            key = getattr(element.element, "key", None) or ""
            if not key or NOT_A_FACT.match(key):
                continue
            param = param_of(self.spec, key)
            if param is None or param in self.spec.defaults:
                continue
            value = getattr(element.element, "value", None)
            chosen = value not in (None, [], "")
            label = plain(getattr(element.element, "label", key))
            self.check("given", not chosen or param in self.given, f"widget {key}",
                       f"{label} = {value!r}", "the visitor gave no answer: it starts unanswered")

    # --- the take-away link holds the visitor's answers and nothing else
    def takeaway(self, elements: list[Seen]) -> None:
        for element in elements:
            if element.type != "html" or "takeaway-link" not in str(element.element.value):
                continue
            found = re.search(r"<code>(.*?)</code>", str(element.element.value))
            if not found:
                continue
            link = html.unescape(found.group(1))
            query = dict(part.split("=", 1) for part in link.split("?", 1)[-1].split("&") if "=" in part)
            from urllib.parse import unquote_plus  # noqa: PLC0415

            for key, text in query.items():
                value = unquote_plus(text)
                if key in self.spec.defaults:
                    continue
                self.check("given", same_value(self.given.get(key), value), "take-away link", f"{key}={value}",
                           f"the visitor gave {key}={self.given.get(key)!r}")

    # --- the printed summary
    def summary(self, document: str) -> None:
        check_summary(self, document)


def check(at: Any, spec: PageSpec, lang: str, given: Mapping[str, str], *,
          summary: bool = True) -> Report:
    """Every claim of the page ``at`` (an AppTest after its run) for the facts of ``given`` (the query parameters
    the visitor set, and the widgets they set under their ``spec.widgets`` names)."""
    elements = seen(at)
    assumed = dict(given)
    for element in elements:  # what the page used: the visitor's answers and whatever the widgets hold
        if element.type in CHOICE_TYPES:
            key = getattr(element.element, "key", None) or ""
            param = param_of(spec, key)
            value = _as_param(getattr(element.element, "value", None))
            if param and value is not None and param not in assumed:
                assumed[param] = value
    facts_params = dict(given)
    for element in elements:  # the date assessed may have a default: the page's date is the one assessed
        if element.type == "date_input" and element.element.value is not None and "on" not in given:
            facts_params["on"] = assumed["on"] = _as_param(element.element.value) or ""
    truth = truth_for(spec, lang, facts_params, assumed)
    checker = _Checker(spec, lang, facts_params, given, truth)
    if truth.on is None:
        checker.widgets(at)
        return checker.report
    cards = checker.cards(elements)
    checker.rows(elements)
    checker.page_level(elements, cards)
    checker.widgets(at)
    checker.takeaway(elements)
    if summary:
        for document in printed_documents(elements):
            checker.summary(document)
    return checker.report


# ---------------------------------------------------------------------------------------------------------------
# The printed summary (ui/summary.py), as the page hands it to the print button and the download
# ---------------------------------------------------------------------------------------------------------------

def printed_documents(elements: Iterable[Seen]) -> list[str]:
    """The HTML documents the page offers to print (the print button's ``data-doc``)."""
    out = []
    for element in elements:
        if element.type == "html":
            for data in re.findall(r'data-doc="([^"]+)"', str(element.element.value)):
                out.append(base64.b64decode(data).decode("utf-8"))
    return out


class _Summary(HTMLParser):
    """The summary's headings, cards (with the heading they sit under) and other paragraphs."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.cards: list[tuple[str, str, str]] = []  # (heading, name, text)
        self.other: list[str] = []
        self._tag: list[str] = []
        self._card = -1
        self._buffer: list[str] = []
        self._name: list[str] = []
        self._strong = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "div" and "card" in classes.split() and self._card < 0:
            self._card = len(self._tag)
            self._buffer, self._name = [], []
        if tag == "strong" and self._card >= 0 and not self._name:
            self._strong = True
        if tag in ("h1", "h2", "p", "li", "div") and self._card < 0:
            self._buffer = []
        if tag in ("li", "div", "br", "p") and self._card >= 0:
            self._buffer.append("\n")
        self._tag.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self._tag:
            open_tag = self._tag.pop()
            if open_tag == tag:
                break
        if tag == "strong":
            self._strong = False
        if self._card >= 0 and len(self._tag) == self._card and tag == "div":
            heading = self.headings[-1] if self.headings else ""
            self.cards.append((heading, "".join(self._name).strip(), "".join(self._buffer).strip()))
            self._card = -1
            return
        if self._card < 0 and tag == "h2":
            self.headings.append("".join(self._buffer).strip())
        elif self._card < 0 and tag in ("h1", "p", "li"):
            self.other.append("".join(self._buffer).strip())

    def handle_data(self, data: str) -> None:
        if "style" in self._tag or "title" in self._tag:
            return
        self._buffer.append(data)
        if self._strong:
            self._name.append(data)


def summary_parts(document: str) -> _Summary:
    parser = _Summary()
    parser.feed(document)
    return parser


def check_summary(checker: _Checker, document: str) -> None:  # noqa: PLR0912 - one check a kind of claim
    from ui.results import GROUPS  # noqa: PLC0415 - the page's own group headings

    lang, truth = checker.lang, checker.truth
    parts = summary_parts(document)
    titles = {plain(tr(lang, title)): key for key, title, _icon in GROUPS}
    names = {}
    for benefit in catalog.BENEFITS:
        label = plain(tr(lang, benefit.label))
        names[label] = benefit.id
    everything = Said()
    everything.amounts |= checker.given_amounts()
    printed = set()
    for heading, name, text in parts.cards:
        label = name.split(" · ")[0].strip()
        benefit = names.get(label) or next((b for lab, b in names.items() if label.startswith(lab)), None)
        where = f"summary card {label or name[:30]!r}"
        result = truth.results.get(benefit) if benefit else None
        if result is None:
            checker.check("status", False, where, name, "no engine result by that name")
            continue
        printed.add(benefit)
        said = truth.said[benefit]
        everything.amounts |= said.amounts
        engine = describe(result, lang)
        group = titles.get(heading)
        checker.check("status", group is not None and group_fits(group, result), where, f"under {heading!r}", engine)
        checker.amounts(text, said, where, f"{engine}; amounts: {said.amount_text(lang)}")
        checker.dates(text, said, where, engine)
        own = plain(result["apply_at"]["text"])
        known = {plain(tr(lang, b.apply_at)) for b in catalog.BENEFITS}
        for office in known:
            if office in text:
                checker.check("office", office == own or office in own, where, office, f"apply at: {own}")
        for code, (zh, _en) in COUNTY_NAMES.items():
            if zh in text:
                county = truth.facts.get("person.county")
                checker.check("given" if county is None else "office", code == county, where, zh,
                              f"the county given: {county}")
        for sentence in face_texts(result):
            checker.check("face", sentence in text, where, "(not on the printed card)", sentence)
        if result["status"] == "eligible":  # what bears on acting: the notes the card shows (posts are limited)
            for note in result.get("notes", []):
                if note.get("text"):
                    checker.check("printout", plain(note["text"]) in text, where, "(left out)", plain(note["text"]))
    for said in truth.said.values():  # a paragraph of its own may name any result's amount, or a total
        everything.amounts |= said.amounts
    for shown in ([truth.results[b] for b in printed], list(truth.results.values())):
        everything.amounts.add(float(totals.total(shown, lang, payees=totals.PAID_TO_RESIDENT).amount))
        everything.amounts.add(float(totals.total(shown, lang).amount))
    for paragraph in parts.other + parts.headings:
        checker.amounts(paragraph, everything, "summary", f"amounts: {everything.amount_text(lang)}")
        checker.dates(paragraph, everything, "summary", "dates of the results")
    checker.punctuation("\n".join([*parts.other, *(text for _h, _n, text in parts.cards)]), "summary")
    if policy.has_ended(date.today()):  # every screen says so; a printout taken away must too
        ended = fmt.date_text(END, lang)
        checker.check("printout", ended in "\n".join(parts.other + [t for _h, _n, t in parts.cards]), "summary",
                      "(no word of the policy's end)", f"the policy ended on {ended}")


# ---------------------------------------------------------------------------------------------------------------
# Generated visitors: query parameters for each page, from bench/promise_audit.py's profiles
# ---------------------------------------------------------------------------------------------------------------

def _flat(profile: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in profile.items():
        if key == "date" and not prefix:
            continue
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def resident_params(profile: Mapping[str, Any]) -> dict[str, str]:
    from ui import answers  # noqa: PLC0415

    facts = _flat(profile)
    on = date.fromisoformat(profile["date"])
    params = {"year": str(on.year), "step": "results"}
    for name, value in facts.items():
        if name in BY_FACT and value is not None:
            params[answers.url_key(name)] = answers.encode(value)
    if "person.county" in facts and "person.city" not in facts:
        params.pop("county", None)  # a county is asked after its city
    return params


EMPLOYER_PARAMS = {"employer.kind": "kind", "employer.in_region": "in_region", "employer.carrier": "carrier",
                   "employer.located_in": "place", "employer.qualifying_hires": "ws_hires",
                   "employer.insured_hires": "sme_hires", "employer.employer_insurance_monthly": "sme_monthly",
                   "employer.trains_hires": "trains", "incubator.level": "incubator"}


def employer_params(profile: Mapping[str, Any], rng: random.Random) -> dict[str, str]:
    facts = _flat(profile)
    params = {"on": profile["date"]}
    if rng.random() < 0.3:
        params["incubator"] = rng.choice(FIELDS["incubator.level"].values)
    for name, param in EMPLOYER_PARAMS.items():
        if facts.get(name) is not None:
            params[param] = _as_param(facts[name]) or ""
    hires = facts.get("employer.certified_trained_hires", facts.get("employer.out_of_region_hires"))
    if hires is not None and "in_region" in params:
        params["tr_hires"] = str(hires)
    return params


def institution_params(profile: Mapping[str, Any], rng: random.Random) -> dict[str, str]:
    facts = _flat(profile)
    params = {"on": profile["date"]}
    if facts.get("institution.kind") and rng.random() < 0.7:
        params["kind"] = facts["institution.kind"]
    passed = facts.get("institution.two_after_passed")
    if passed is not None:
        completed = passed + rng.choice([0, 0, 1, 3])
        params.update(passed=str(passed), completed=str(completed), enrolled=str(completed + rng.choice([0, 2])))
    return params


def broker_params(profile: Mapping[str, Any], rng: random.Random) -> tuple[dict[str, str], dict[str, Any]]:
    """The query, and the 4050 section's widgets the visitor sets (they are kept in no parameter)."""
    facts = _flat(profile)
    params = {"on": profile["date"]}
    placements = facts.get("broker.qualifying_placements")
    if placements is not None:
        params["placements"] = str(placements)
        if rng.random() < 0.3:
            params["placed"] = str(placements + rng.choice([0, 2, 12]))
    widgets: dict[str, Any] = {}
    if facts.get("broker.sex") and facts.get("broker.birth_year") and facts.get("broker.joined_employee_insurance") \
            is not None:
        widgets = {"brk_sex": facts["broker.sex"], "brk_birth_year": facts["broker.birth_year"],
                   "brk_joined": facts["broker.joined_employee_insurance"]}
    return params, widgets


def visitors(page: str, count: int, seed: int) -> list[tuple[dict[str, str], dict[str, Any]]]:
    """``count`` generated visitors of ``page``: (query parameters, widgets set), the same for the same seed."""
    from bench.promise_audit import generated_profiles  # noqa: PLC0415 - the audit's generator, near each threshold

    section = {"resident": "person", "employer": "employer", "institution": "institution", "broker": "broker"}[page]
    rng = random.Random(seed)
    out: list[tuple[dict[str, str], dict[str, Any]]] = []
    batch = 0
    while len(out) < count:
        for profile in generated_profiles(count * 8, seed + batch):
            if section not in profile:
                continue
            if page == "resident":
                out.append((resident_params(profile), {}))
            elif page == "employer":
                out.append((employer_params(profile, rng), {}))
            elif page == "institution":
                out.append((institution_params(profile, rng), {}))
            else:
                out.append(broker_params(profile, rng))
            if len(out) == count:
                break
        batch += 1
    return out


# ---------------------------------------------------------------------------------------------------------------
# Running a page
# ---------------------------------------------------------------------------------------------------------------

def run_page(spec: PageSpec, lang: str, params: Mapping[str, str], widgets: Mapping[str, Any] | None = None) -> Any:
    """The page in AppTest with the query ``params``, then the ``widgets`` set one by one (keys to values)."""
    from tests.app.pages_under_test import open_page  # noqa: PLC0415

    at = open_page(lang, spec.path, dict(params))
    for key, value in (widgets or {}).items():
        found = [w for w in at.main.get("radio") + at.main.get("number_input") + at.main.get("selectbox")
                 if getattr(w, "key", None) == key]
        if not found:
            continue
        found[0].set_value(value)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def check_visit(spec: PageSpec, lang: str, params: Mapping[str, str],
                widgets: Mapping[str, Any] | None = None) -> Report:
    """Open the page as a visitor who gave ``params`` (and set ``widgets``) and check every claim it makes."""
    at = run_page(spec, lang, params, widgets)
    given = dict(params)
    for key, value in (widgets or {}).items():
        name = spec.widgets.get(key)
        if name:
            given[name] = _as_param(value) or ""
    return check(at, spec, lang, given)


def sample(page: str, count: int, seed: int, langs: Sequence[str] = ("zh_CN", "en")) -> Report:
    report = Report()
    for params, widgets in visitors(page, count, seed):
        for lang in langs:
            report.merge(check_visit(PAGES[page], lang, params, widgets))
    return report
