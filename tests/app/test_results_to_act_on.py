"""Results a person can act on (issue 12), through AppTest in both languages: what they can apply for, named
first; the money that is theirs and what it leaves out; a missing figure named with its city and year; what to
bring and where to go on the card; posts limited; the 两后生's fees waived and the school's money apart; the
policy's end on every page; a cohort that starts empty.
"""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from engine import catalog, policy
from i18n import LOCALES
from tests.app.pages_under_test import open_page, t, tn
from ui import format as fmt
from ui import takeaway
from ui.figures import FIGURE_CONTEXT, FIGURE_NAMED
from ui.frame import ENDED

POST_WOMAN = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "1973", "city": "guyuan",
              "county": "640422", "job.place": "none", "wants_work": "1", "able_to_work": "1", "urban_months": "0"}
TWO_AFTER = {"year": "2019", "step": "results", "registered_poor": "1", "birth_year": "2002", "two_after_student": "1",
             "tech_school_semesters": "1", "training_passed": "1"}
PAGES = ["streamlit_app.py", "pages/resident.py", "pages/employer.py", "pages/institution.py", "pages/broker.py",
         "pages/policy.py"]


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [s.value for s in at.subheader] + [str(m.value) for m in at.metric]
    return "\n".join(parts).replace("\\", "")


def label(benefit: str, lang: str) -> str:
    return t(lang, catalog.BY_ID[benefit].label)


@pytest.mark.parametrize("lang", LOCALES)
def test_the_woman_who_qualifies_for_a_post_reads_it_first_and_the_figure_by_name(lang):
    at = open_page(lang, "pages/resident.py", POST_WOMAN)
    text = shown(at)
    names = fmt.words([label("public_welfare_post", lang), label("special_ability_assessment", lang)], lang)
    headline = tn(lang, ("You can apply for {count} benefit: {names}.", "You can apply for {count} benefits: {names}."),
                  2).format(count=2, names=names)
    assert headline in text
    assert at.metric[0].label == t(lang, "First-year amount you can apply for, paid to you")
    # The figure: Guyuan's, of 2018 (the year before a 2019 situation), never the region's in its place.
    city = "固原市" if lang == "zh_CN" else "Guyuan (固原市)"
    assert t(lang, FIGURE_NAMED).format(place=city, year=2018) in text
    assert t(lang, FIGURE_CONTEXT).format(year=2018, amount=fmt.money(11_708, lang)) in text
    assert fmt.money(11_708, lang) not in at.metric[0].value
    # What to bring and where, and that posts are limited, on the card.
    assert t(lang, catalog.POSTS_ASSIGNED) in text
    assert t(lang, "Household registration booklet") in text
    assert ("西吉县" if lang == "zh_CN" else "Xiji County") in text
    assert "12333" in text
    # The question of the figure names it too.
    at = open_page(lang, "pages/resident.py", {**POST_WOMAN, "step": "post"})
    labels = [n.label for n in at.number_input]
    assert any(t(lang, FIGURE_NAMED).format(place=city, year=2018) in lab for lab in labels), labels


@pytest.mark.parametrize("lang", LOCALES)
def test_a_two_after_student_sees_his_money_apart_from_the_schools_and_the_fees_waived(lang):
    at = open_page(lang, "pages/resident.py", TWO_AFTER)
    text = shown(at)
    assert at.metric[0].value == fmt.money(3_000, lang)
    assert t(lang, "Paid to your school for you") in text
    assert t(lang, "Not counted: {amount} to your school for your training ({name}); it is not paid to you.").format(
        amount=fmt.money(6_000, lang), name=label("two_after_training_grant", lang)) in text
    assert t(lang, catalog.FEES_WAIVED) in text
    # What he can apply for is his: the school's grant is not among it.
    names = fmt.words([label("two_after_study_aid", lang), label("special_ability_assessment", lang)], lang)
    headline = tn(lang, ("You can apply for {count} benefit: {names}.", "You can apply for {count} benefits: {names}."),
                  2).format(count=2, names=names)
    assert headline in text


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LOCALES)
def test_every_page_says_the_policy_has_ended(page, lang):
    assert policy.has_ended(date.today()), "these tests run after 2020"
    at = open_page(lang, page)
    notice = t(lang, ENDED).format(end=fmt.date_text(policy.IN_FORCE_UNTIL, lang))
    assert notice in [w.value.replace("\\", "") for w in at.warning]


@pytest.mark.parametrize(("today", "ended"), [(date(2020, 12, 31), False), (date(2021, 1, 1), True),
                                               (date(2018, 7, 1), False)])
def test_the_policy_has_ended_after_its_last_day(today, ended):
    assert policy.has_ended(today) is ended


@pytest.mark.parametrize(("url", "public", "can"), [
    ("http://127.0.0.1:8501/resident?x=1", "", False), ("http://localhost:8501/", "", False),
    ("http://0.0.0.0:8501/", "", False), ("http://127.0.1.1/", "", False),
    ("http://192.168.1.20:8501/", "", True), ("https://zizhutong.example.cn/resident", "", True),
    ("http://127.0.0.1:8501/", "https://zizhutong.example.cn", True),
])
def test_a_kiosk_knows_whether_phones_can_open_its_qr_code(monkeypatch, url, public, can):
    monkeypatch.setenv(takeaway.ENV_PUBLIC_URL, public)
    assert takeaway.phones_can_open(url) is can
