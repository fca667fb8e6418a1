"""The age is 周岁 (full years) on the day assessed, worked out from the date of birth (issue 17).

Article (六) says "年满40周岁以上"; a resident asked "how old are you?" may answer in 虚岁, one or two years more.
The site asks the year of birth on the ID card; on 31 December (the day a year is assessed) everyone born in year Y
is (year − Y) full years old. The expectations are written out by hand from the calendar.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from engine import evaluate
from engine.age import age_on
from engine.questions import relevant_facts
from engine.roster.persons import evaluate_batch

DEC_31 = date(2019, 12, 31)


@pytest.mark.parametrize(("year", "month", "on", "age"), [
    pytest.param(1979, None, DEC_31, 40, id="born 1979, 31 Dec 2019: 40 周岁 (虚岁 41)"),
    pytest.param(1980, None, DEC_31, 39, id="born 1980, 31 Dec 2019: 39 周岁 (虚岁 40 or 41)"),
    pytest.param(1980, 12, DEC_31, 39, id="born Dec 1980: 39 on the last day of 2019"),
    pytest.param(1980, None, date(2019, 6, 1), None, id="year only, 1 June: 38 or 39, the month is needed"),
    pytest.param(1980, 5, date(2019, 6, 1), 39, id="born May 1980, 1 June 2019: 39"),
    pytest.param(1980, 7, date(2019, 6, 1), 38, id="born July 1980, 1 June 2019: 38"),
    pytest.param(1980, 6, date(2019, 6, 1), None, id="born June 1980, 1 June 2019: the day is needed"),
    pytest.param(1980, 6, date(2019, 6, 30), 39, id="born June 1980, 30 June 2019: the birthday has passed"),
    pytest.param(1980, 1, date(2021, 1, 1), None, id="born January, 1 January 2021: the day is needed"),
    pytest.param(1980, 2, date(2021, 1, 1), 40, id="born February 1980, 1 January 2021: 40"),
    pytest.param(2020, None, DEC_31, None, id="born after the day assessed: no age"),
])
def test_the_age_in_full_years(year, month, on, age):
    assert age_on(year, month, on) == age


def _post(profile: dict, on: date = DEC_31) -> dict:
    facts = {"registered_poor": True, "wants_work": True, "able_to_work": True, "disabled": False, **profile}
    return next(r for r in evaluate({"person": facts}, on, "en")["results"] if r["benefit"] == "public_welfare_post")


@pytest.mark.parametrize(("profile", "status"), [
    pytest.param({"birth_year": 1979}, "eligible", id="born 1979: 40 on 31 Dec 2019, a post"),
    pytest.param({"birth_year": 1980}, "not_eligible", id="born 1980: 39, no post yet"),
    pytest.param({"birth_year": 1980, "age": 41}, "not_eligible", id="a stated 41 (虚岁) loses to the birth year"),
    pytest.param({"birth_year": 1979, "age": 38}, "eligible", id="a stated 38 loses to the birth year too"),
    pytest.param({"age": 40}, "eligible", id="no birth year: a stated age is used"),
])
def test_a_birth_year_decides_the_post_age(profile, status):
    assert _post(profile)["status"] == status


def test_the_hint_of_a_39_year_old_holds_by_the_birth_year():
    """Born 1980: 39 on 31 Dec 2019, "turning 40" in 12 months; on 31 Dec 2020 the birth year alone gives 40."""
    now = _post({"birth_year": 1980})
    step = next(s for s in now["next"] if "person.age" in s["change"])
    assert (step["change"]["person.age"], step["months"], step["from"]) == (40, 12, "2020-12-31")
    assert "on the day assessed you were 39" in now["unmet"][0]["text"]
    assert _post({"birth_year": 1980}, date(2020, 12, 31))["status"] == "eligible"


@pytest.mark.parametrize(("birth_year", "school_asked"), [
    pytest.param(1990, True, id="born 1990: 29 on 31 Dec 2019, school-leaver questions asked"),
    pytest.param(1989, False, id="born 1989: 30, not asked"),
])
def test_the_questionnaire_asks_the_year_of_birth_and_reads_it_in_full_years(birth_year, school_asked):
    first = relevant_facts({}, DEC_31)
    assert "person.birth_year" in first
    assert "person.age" not in first  # never "how old are you?"
    shown = relevant_facts({"person.registered_poor": True, "person.birth_year": birth_year}, DEC_31)
    assert ("person.two_after_student" in shown) is school_asked


def test_a_roster_works_out_the_age_the_same_way():
    rows = [{"person.registered_poor": True, "person.wants_work": True, "person.able_to_work": True,
             "person.disabled": False, **extra}
            for extra in ({"person.birth_year": 1979}, {"person.birth_year": 1980}, {"person.birth_year": 1980,
                          "person.age": 41}, {"person.age": 40}, {"person.birth_year": 1980, "person.birth_month": 6})]
    frame = pd.DataFrame(rows)
    for on in (DEC_31, date(2020, 6, 15)):
        batch = evaluate_batch(frame, on, ["public_welfare_post"])["public_welfare_post.status"].astype(str).tolist()
        one_by_one = [_post({k.removeprefix("person."): v for k, v in row.items()}, on)["status"] for row in rows]
        assert batch == one_by_one, on


def _4050(broker: dict, on: date = DEC_31) -> str:
    facts = {"kind": "person", "joined_employee_insurance": True, **broker}
    result = next(r for r in evaluate({"broker": facts}, on, "en")["results"] if r["benefit"] == "broker_4050_insurance")
    return result["status"]


@pytest.mark.parametrize(("broker", "on", "status"), [
    pytest.param({"sex": "woman", "birth_year": 1979}, DEC_31, "eligible", id="woman born 1979: 40 周岁, a “4050” person"),
    pytest.param({"sex": "woman", "birth_year": 1980}, DEC_31, "not_eligible", id="woman born 1980: 39 (虚岁 40 or 41)"),
    pytest.param({"sex": "man", "birth_year": 1969}, DEC_31, "eligible", id="man born 1969: 50"),
    pytest.param({"sex": "man", "birth_year": 1970}, DEC_31, "not_eligible", id="man born 1970: 49"),
    pytest.param({"sex": "man", "birth_year": 1960}, date(2019, 6, 1), "eligible", id="man 58 or 59 mid-year: either way 50+"),
    pytest.param({"sex": "woman", "birth_year": 1979}, date(2019, 6, 1), "needs_info", id="woman 39 or 40 on 1 June: the month"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 5}, date(2019, 6, 1), "eligible", id="born May: 40"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 7}, date(2019, 6, 1), "not_eligible", id="July: 39"),
    pytest.param({"sex": "woman", "birth_year": 1980, "is_4050": True}, DEC_31, "not_eligible",
                 id="a stated yes loses to the birth year"),
    pytest.param({"is_4050": True}, DEC_31, "eligible", id="no birth year: the stated answer is used"),
])
def test_a_brokers_4050_status_is_worked_out_in_full_years(broker, on, status):
    assert _4050(broker, on) == status
