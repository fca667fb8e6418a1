"""The residents' page: next steps that can be done in time, the year a certificate is for, a job named as a job,
and the timeline's own dates, through Streamlit's AppTest in both languages."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.app.pages_under_test import open_page

SKILLS = {"registered_poor": "1", "birth_year": "1974", "unemployment_insurance_years": "2"}


def open_resident(lang: str, **params: str) -> AppTest:
    return open_page(lang, "pages/resident.py", params)


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [s.value for s in at.success] + [c.value for c in at.caption]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(parts).replace("\\", "")


@pytest.mark.parametrize(("lang", "year", "label"), [
    ("zh_CN", "2019", "您在2019年取得职业资格证书或职业技能等级证书了吗？"),
    ("en", "2018", "Did you obtain a vocational qualification or skill-level certificate in 2018?"),
])
def test_the_certificate_question_names_the_year_checked(lang, year, label):
    """当年取得: the certificate is one of the year checked, not of the year the page is opened in."""
    at = open_resident(lang, year=year, step="skills", **SKILLS)
    assert label in [r.label for r in at.radio]
    results = open_resident(lang, year=year, step="results", **SKILLS, certificate_this_year="none")
    assert label in shown(results)  # the list of answers says the same


@pytest.mark.parametrize(("lang", "late", "offered"), [
    ("zh_CN", "已没有时间", "最迟在政策截止日"),
    ("en", "no day is left for it", "when the policy ends"),
])
def test_on_the_policys_last_day_no_course_is_offered(lang, late, offered):
    """Checking 2020 (assessed 31 December 2020): a course and its certificate can no longer be done in time; checking
    2019, the step names its last day."""
    at = open_resident(lang, year="2020", step="results", registered_poor="1", birth_year="1974",
                       training_certificate="0")
    assert not [s.value for s in at.success if "培训结业" in s.value or "finishing a course" in s.value]
    assert late in shown(at)
    at = open_resident(lang, year="2019", step="results", registered_poor="1", birth_year="1974",
                       training_certificate="0")
    assert any(offered in s.value for s in at.success)


@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("zh_CN", "您现在有工作", "无业0个月"),
    ("en", "You are in work now", "without work for 0 months"),
])
def test_a_man_with_a_job_is_not_told_he_has_been_without_work_0_months(lang, said, unsaid):
    at = open_resident(lang, year="2019", step="results", registered_poor="1", birth_year="1974",
                       urban_months="12", **{"job.place": "other_province", "job.months": "3",
                                              "job.contract": "1_year_or_more", "job.social_insurance": "1"})
    text = shown(at)
    assert said in text
    assert unsaid not in text


def test_the_timeline_dates_months_behind_and_before_the_policy():
    """20 months in the job on 31 December 2019: months 0–2 fell before 1 July 2018, not after the policy ended."""
    at = open_resident("en", year="2019", step="results", registered_poor="1", birth_year="1974",
                       **{"job.place": "other_province", "job.months": "20", "job.contract": "1_year_or_more",
                          "job.social_insurance": "1"})
    (table,) = [t for t in at.table if "Reached on" in t.value.columns]
    reached = list(table.value["Reached on"])
    assert len(set(reached)) == len(reached)
    assert list(table.value.iloc[:4, 2]) == ["before the policy began"] * 3 + ["0 yuan"]
    assert "policy ended" not in list(table.value.iloc[:, 2])


@pytest.mark.parametrize(("lang", "document"), [("zh_CN", "2019年取得的证书"), ("en", "The certificate obtained in 2019")])
def test_the_certificate_to_bring_names_its_year(lang, document):
    """"需要带的材料：{year}年取得的证书" showed its placeholder: the document's name is filled like any message."""
    at = open_resident(lang, year="2019", step="results", registered_poor="1", birth_year="1994",
                       unemployment_insurance_years="1.5", certificate_this_year="junior")
    card = "\n".join(m.value for m in at.markdown).replace("\\", "")
    assert document in card
    assert "{year}" not in card
