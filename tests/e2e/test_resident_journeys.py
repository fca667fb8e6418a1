"""The journeys of the residents' issue, each opened from its link, in both languages, at desktop and
phone size: the right card in the right group, with the right amount and explanation."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.streamlit_server import open_page
from tests.money import yuan
from ui import frame as ui_frame

pytestmark = pytest.mark.e2e

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
BASE = "year=2019&step=results&registered_poor=1"
JOURNEYS = {
    "province_14_months": (f"{BASE}&birth_year=1989&job.place=other_province&job.months=14&job.contract=1_year_or_more"
                           "&job.social_insurance=1", "transport_subsidy", {"zh_CN": "800元", "en": "800 yuan"}),
    "province_9_months": (f"{BASE}&birth_year=1989&job.place=other_province&job.months=9&job.contract=1_year_or_more"
                          "&job.social_insurance=1", "transport_subsidy",
                          {"zh_CN": "再干满3个月", "en": "3 more months in this job"}),
    "post_at_45": (f"{BASE}&birth_year=1974&job.place=none&wants_work=1&able_to_work=1&city=guyuan"
                   "&city_rural_income_last_year=12000", "public_welfare_post", {"zh_CN": "1,000元", "en": "1,000 yuan"}),
    "two_after_passed": (f"{BASE}&birth_year=2002&two_after_student=1&tech_school_semesters=1&training_passed=1",
                         "two_after_study_aid", {"zh_CN": "3,000元", "en": "3,000 yuan"}),
    "business_13_months": (f"{BASE}&birth_year=1984&job.place=none&business.kind=individual&business.months=13"
                           "&business.employs_others=1", "startup_subsidy", {"zh_CN": "1万元", "en": "10,000 yuan"}),
}
TOTALS = {"province_14_months": 800, "post_at_45": 12000, "two_after_passed": 3000, "business_13_months": 10000}


def money(amount: int, lang: str) -> str:
    return yuan(amount, lang)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
@pytest.mark.parametrize("journey", JOURNEYS)
def test_journey(browser: Browser, base_url: str, journey: str, lang: str, size: str):
    query, benefit, expected = JOURNEYS[journey]
    context = browser.new_context(viewport=SIZES[size], locale="en-US")
    try:
        tab = context.new_page()
        open_page(tab, f"{base_url}/resident?lang={lang}&{query}")
        card = tab.locator(f".st-key-card_{benefit}")
        expect(card).to_contain_text(expected[lang])
        if journey in TOTALS:
            expect(tab.get_by_test_id("stMetricValue").first).to_have_text(money(TOTALS[journey], lang))
        assert tab.evaluate("document.documentElement.scrollWidth") <= SIZES[size]["width"]
        assert not tab.get_by_test_id("stException").count()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_hand_edited_link_with_bad_values(browser: Browser, base_url: str, lang: str):
    context = browser.new_context(viewport=SIZES["phone"], locale="en-US")
    try:
        tab = context.new_page()
        open_page(tab, f"{base_url}/resident?lang={lang}&year=2019&step=you&registered_poor=1&birth_year=1719"
                       "&job.months=-4&city=paris")
        warning = ui_frame.load_translations(lang).gettext(
            "Some answers in this link were not valid and were left out: {keys}").split("{keys}")[0].strip()
        expect(tab.get_by_test_id("stAlertContentWarning").filter(has_text=warning.rstrip(":："))).to_be_visible()
        expect(tab.get_by_test_id("stAlertContentError").first).to_be_visible()
        assert not tab.get_by_test_id("stException").count()
        assert "birth_year=1719" not in tab.url or tab.get_by_role("spinbutton").first.input_value() == ""
    finally:
        context.close()
