"""The one-page summary a resident prints or downloads (issue 17): where to apply names the office after the
county, the total is the engine's (one of each exclusive set, with the reason), names carry the Chinese term.
Issue 26: it says what the screen says where it bears on acting (the policy's end, limits, the date, who pays,
where to go, what is still to answer), in the language's punctuation."""

from __future__ import annotations

import base64
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from engine import catalog, evaluate, policy
from engine.totals import PAID_TO_RESIDENT, total
from i18n import LOCALES
from tests.app.pages_under_test import open_page, t
from ui import format as fmt
from ui.figures import FIGURE_NAMED
from ui.frame import ENDED, Page, load_translations
from ui.summary import summary_html

ON = date(2019, 12, 31)
# 西吉县, born 1974 (45 周岁), 14 months in Jiangsu, would take a post; the city figure typed: both can be applied for.
PROFILE = {"person": {"registered_poor": True, "birth_year": 1974, "city": "guyuan", "county": "640422",
                      "job": {"place": "other_province", "months": 14, "contract": "1_year_or_more",
                              "social_insurance": True},
                      "wants_work": True, "able_to_work": True, "city_rural_income_last_year": 11708}}


def _summary(lang: str) -> str:
    page = Page(lang, load_translations(lang))
    results = [r for r in evaluate(PROFILE, ON, lang)["results"] if r["payee"] in PAID_TO_RESIDENT]
    summed = total(results, lang, payees=PAID_TO_RESIDENT)
    return summary_html(page, results, on=ON, summed=summed, answers=[], link="http://127.0.0.1/r", county="640422")


@pytest.mark.parametrize(("lang", "office", "total_text", "reason"), [
    ("zh_CN", "^西吉县：.*就业服务中心", "11,708元", "总额计入了“公益性岗位”"),
    ("en", r"^Xiji County \(西吉县\): The employment service centre", "11,708 yuan", "The total counts “Public-welfare post”"),
])
def test_the_summary_names_the_office_and_a_total_that_can_be_true(lang, office, total_text, reason):
    html = _summary(lang)
    places = re.findall(r"(?:Where to apply|办理地点)[:：]? ?([^<]*)", html)
    assert places, "every benefit one can apply for says where"
    assert re.search(office, places[0]), places  # the transport subsidy's office, after the county: not its name alone
    assert all(len(place) > len("Xiji County (西吉县)") for place in places), places
    assert total_text in html  # 11,708, not 11,708 + 800
    assert "12,508" not in html
    assert reason in html


# ---------------------------------------------------------------------------------------------
# Issue 26: the paper says what the screen says where it bears on acting
# ---------------------------------------------------------------------------------------------

# A woman of 46 in 西吉县 without a job, who wants a post near home: a post (limited) and the free assessment.
POST_WOMAN = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1973", "city": "guyuan",
              "county": "640422", "job.place": "none", "wants_work": "1", "able_to_work": "1", "urban_months": "0"}


class _Text(HTMLParser):
    """The text a reader sees (no tags, no attributes, no link)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("a", "style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("a", "style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def seen(document: str) -> str:
    parser = _Text()
    parser.feed(document)
    return "\n".join(parser.parts)


def printed(at) -> str:
    """The one-page summary the resident page's print button prints (and a kiosk prints)."""
    for element in at.get("html"):
        found = re.search(r'data-doc="([^"]+)"', element.proto.body)
        if found:
            return base64.b64decode(found.group(1)).decode("utf-8")
    raise AssertionError("no summary to print")


@pytest.mark.parametrize("lang", LOCALES)
def test_the_printout_says_the_policy_ended_the_posts_are_limited_the_date_and_the_office(lang):
    """She could take the paper to the county office today: it says, as the screen does, that the policy ended on
    2020-12-31 and applications are closed, that posts are limited and assigned, the day assessed, who pays and
    where to go."""
    assert policy.has_ended(date.today())
    at = open_page(lang, "pages/resident.py", POST_WOMAN)
    text = seen(printed(at))
    assert t(lang, ENDED).format(end=fmt.date_text(policy.IN_FORCE_UNTIL, lang)) in text
    assert t(lang, catalog.POSTS_ASSIGNED) in text
    assert t(lang, "Situation assessed on {date}.").format(date=fmt.date_text(date(2019, 12, 31), lang)) in text
    county = "西吉县" if lang == "zh_CN" else "Xiji County (西吉县)"
    office = t(lang, catalog.APPLY_COUNTY_HRSS)
    assert t(lang, "{county}: {office}").format(county=county, office=office) in text
    payer = t(lang, "The county human resources and social security bureau")
    assert t(lang, "{payee} by {payer}").format(payee=t(lang, "Paid to you"),
                                                payer=payer[:1].lower() + payer[1:]) in text
    # The figure its amount waits for is named, as on the card; and what is still to answer.
    assert t(lang, FIGURE_NAMED).format(place="固原市" if lang == "zh_CN" else "Guyuan (固原市)", year=2018) in text
    assert t(lang, "To tell you whether you can apply for this, we need to know:") in text


def test_the_chinese_printout_uses_full_width_punctuation():
    """Chinese paper: ：；，。（）, never ASCII ": " "; " (a comma between digits groups thousands)."""
    text = seen(printed(open_page("zh_CN", "pages/resident.py", POST_WOMAN)))
    assert not re.findall(r".{0,12}[:;?!()].{0,12}", text)
    assert not re.findall(r".{0,12},(?!\d).{0,12}", text)
    assert "需带材料：" in text
    assert "办理地点：" in text


@pytest.mark.parametrize(("lang", "notes"), [("zh_CN", 1), ("en", 1)])
def test_every_note_of_a_benefit_one_can_apply_for_is_on_paper(lang, notes):
    """The engine's notes (what limits acting on a benefit) are printed for each benefit one can apply for."""
    html = _summary(lang)
    results = [r for r in evaluate(PROFILE, ON, lang)["results"] if r["payee"] in PAID_TO_RESIDENT]
    printed_notes = [m["text"] for r in results if r["status"] == "eligible" for m in r["notes"]]
    assert len(printed_notes) == notes
    for note in printed_notes:
        assert note in seen(html)
