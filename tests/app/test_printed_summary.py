"""The one-page summary a resident prints or downloads (issue 17): where to apply names the office after the
county, the total is the engine's (one of each exclusive set, with the reason), names carry the Chinese term."""

from __future__ import annotations

import re
from datetime import date

import pytest

from engine import evaluate
from engine.totals import PAID_TO_RESIDENT, total
from ui.frame import Page, load_translations
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
