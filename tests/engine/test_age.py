"""The age is 周岁 (full years) on the day assessed, worked out from the date of birth (issues 17 and 26).

Article (六) says "年满40周岁以上"; a resident asked "how old are you?" may answer in 虚岁, one or two years more.
The site asks the year of birth on the ID card. A year of birth leaves two ages on every day but 31 December, a
month of birth one (except in that month): an age test is settled whenever every birthday the facts allow gives the
same answer, and only a test the possible ages straddle asks for more. The expectations are written out by hand
from the calendar; the properties compare with every concrete birth date.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pandas as pd
import pytest
from helpers import result_for
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import evaluate
from engine.age import IS_4050_TEST, age_on, ages_on
from engine.cli import main
from engine.evaluate import params_on
from engine.logic import Context
from engine.questions import relevant_facts
from engine.roster.persons import evaluate_batch
from engine.steps import TOO_LATE

DEC_31 = date(2019, 12, 31)
JUNE_1 = date(2019, 6, 1)
POST = {"registered_poor": True, "wants_work": True, "able_to_work": True}
NOT_DISABLED, DISABLED, DISABLED_UNKNOWN = {"disabled": False}, {"disabled": True}, {"disabled": None}


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


@pytest.mark.parametrize(("year", "month", "on", "ages"), [
    pytest.param(1957, None, JUNE_1, (61, 62), id="born 1957, 1 June 2019: 61 or 62"),
    pytest.param(1979, None, JUNE_1, (39, 40), id="born 1979, 1 June 2019: 39 or 40"),
    pytest.param(1979, None, date(2019, 1, 1), (39, 40), id="1 January: 39 or 40"),
    pytest.param(1979, None, DEC_31, (40, 40), id="31 December: 40"),
    pytest.param(1979, 6, JUNE_1, (39, 40), id="born in the month assessed: 39 or 40"),
    pytest.param(1979, 6, date(2019, 6, 30), (40, 40), id="on the last day of that month: 40"),
    pytest.param(1980, 2, date(2020, 2, 29), (40, 40), id="born February 1980, 29 February 2020: 40"),
    pytest.param(1980, 2, date(2019, 2, 28), (39, 39), id="born February 1980, 28 February 2019: 39"),
])
def test_the_ages_a_birth_date_allows(year, month, on, ages):
    assert ages_on(year, month, on) == ages


def _post(profile: dict, on: date = DEC_31, lang: str | None = "en") -> dict:
    facts = {**POST, **NOT_DISABLED, **profile}
    return next(r for r in evaluate({"person": facts}, on, lang)["results"] if r["benefit"] == "public_welfare_post")


@pytest.mark.parametrize(("profile", "status"), [
    pytest.param({"birth_year": 1979}, "eligible", id="born 1979: 40 on 31 Dec 2019, a post"),
    pytest.param({"birth_year": 1980}, "not_eligible", id="born 1980: 39, no post yet"),
    pytest.param({"birth_year": 1980, "age": 41}, "not_eligible", id="a stated 41 (虚岁) loses to the birth year"),
    pytest.param({"birth_year": 1979, "age": 38}, "eligible", id="a stated 38 loses to the birth year too"),
    pytest.param({"age": 40}, "eligible", id="no birth year: a stated age is used"),
])
def test_a_birth_year_decides_the_post_age(profile, status):
    assert _post(profile)["status"] == status


@pytest.mark.parametrize(("profile", "on", "status", "missing"), [
    pytest.param({"birth_year": 1957}, JUNE_1, "eligible", [], id="born 1957, 1 June 2019: 61 or 62, a post either way"),
    pytest.param({"birth_year": 1979}, JUNE_1, "needs_info", ["person.birth_month"],
                 id="born 1979, 1 June 2019: 39 or 40, the month decides"),
    pytest.param({"birth_year": 1979, "birth_month": 5}, JUNE_1, "eligible", [], id="born May 1979: 40 on 1 June"),
    pytest.param({"birth_year": 1979, "birth_month": 7}, JUNE_1, "not_eligible", [], id="born July 1979: 39 on 1 June"),
    pytest.param({"birth_year": 1979, "birth_month": 6}, JUNE_1, "needs_info", ["person.age"],
                 id="born June 1979, assessed 1 June: the day decides (the county checks it)"),
    pytest.param({"birth_year": 1979, "birth_month": 6}, date(2019, 6, 30), "eligible", [],
                 id="born June 1979, assessed 30 June: the birthday has passed"),
    pytest.param({"birth_year": 1979, "birth_month": 6, "age": 40}, JUNE_1, "eligible", [],
                 id="born June 1979, a stated 40 that fits the day"),
    pytest.param({"birth_year": 1979, "birth_month": 6, "age": 39}, JUNE_1, "not_eligible", [],
                 id="born June 1979, a stated 39 that fits the day"),
    pytest.param({"birth_year": 1979, "birth_month": 6, "age": 42}, JUNE_1, "needs_info", ["person.age"],
                 id="born June 1979, a stated 42 (虚岁?) that cannot be is not taken"),
    pytest.param({"birth_year": 1979, "age": 40}, JUNE_1, "needs_info", ["person.birth_month"],
                 id="born 1979, a stated 40 does not stand in for the month"),
    pytest.param({"birth_year": 1979}, DEC_31, "eligible", [], id="31 December: born 1979 is 40"),
    pytest.param({"birth_year": 1980}, DEC_31, "not_eligible", [], id="31 December: born 1980 is 39"),
    pytest.param({"birth_year": 1979}, date(2019, 1, 1), "needs_info", ["person.birth_month"],
                 id="1 January 2019: born 1979 is 39 or 40"),
    pytest.param({"birth_year": 1978}, date(2019, 1, 1), "eligible", [], id="1 January 2019: born 1978 is 40 or 41"),
    pytest.param({"birth_year": 1979, "birth_month": 1}, date(2019, 1, 1), "needs_info", ["person.age"],
                 id="born January 1979, assessed 1 January: the day decides"),
    pytest.param({"birth_year": 1979, "birth_month": 1}, date(2019, 1, 31), "eligible", [],
                 id="born January 1979, assessed 31 January: 40"),
    pytest.param({"birth_year": 1979, "birth_month": 12}, date(2019, 12, 1), "needs_info", ["person.age"],
                 id="born December 1979, assessed 1 December: the day decides"),
    pytest.param({**DISABLED, "birth_year": 2003}, JUNE_1, "needs_info", ["person.birth_month"],
                 id="disabled, born 2003: 15 or 16, the month decides the working age"),
    pytest.param({**DISABLED, "birth_year": 2004}, JUNE_1, "not_eligible", [],
                 id="disabled, born 2004: 14 or 15, under 16; 16 during 2020, surely by its last day (a step)"),
    pytest.param({**DISABLED, "birth_year": 2005}, JUNE_1, "not_eligible", [], id="disabled, born 2005: 16 only in 2021"),
    pytest.param({**DISABLED, "birth_year": 2002}, JUNE_1, "eligible", [], id="disabled, born 2002: 16 or 17"),
    pytest.param({**DISABLED, "birth_year": 2003, "birth_month": 5}, JUNE_1, "eligible", [],
                 id="disabled, born May 2003: 16"),
    pytest.param({**DISABLED, "birth_year": 2003, "birth_month": 7}, JUNE_1, "not_eligible", [],
                 id="disabled, born July 2003: 15"),
    pytest.param({**DISABLED, "birth_year": 1990}, JUNE_1, "eligible", [],
                 id="disabled, born 1990: 28 or 29, the age relaxed"),
    pytest.param({**DISABLED_UNKNOWN, "birth_year": 1990}, JUNE_1, "needs_info", ["person.disabled"],
                 id="born 1990, disability unknown: under 40 either way, only the disability is asked"),
    pytest.param({**DISABLED_UNKNOWN, "birth_year": 1979}, JUNE_1, "needs_info",
                 ["person.birth_month", "person.disabled"], id="born 1979, disability unknown: the month or it"),
    pytest.param({**DISABLED_UNKNOWN, "birth_year": 1957}, JUNE_1, "eligible", [], id="born 1957: no disability asked"),
    pytest.param({"birth_year": 1957}, date(2021, 1, 1), "out_of_period", [], id="2021-01-01: after the policy"),
    pytest.param({"birth_year": 1957}, date(2018, 6, 30), "out_of_period", [], id="2018-06-30: before the policy"),
    pytest.param({"age": 40}, JUNE_1, "eligible", [], id="no birth date: a stated age"),
    pytest.param({}, JUNE_1, "needs_info", ["person.age"], id="no age at all: the age (asked as the year of birth)"),
])
def test_an_age_test_is_settled_whenever_every_birthday_agrees(profile, on, status, missing):
    person = {k: v for k, v in {**POST, **NOT_DISABLED, **profile}.items() if v is not None}
    result = next(r for r in evaluate({"person": person}, on, "en")["results"] if r["benefit"] == "public_welfare_post")
    assert (result["status"], result["missing"]) == (status, missing)


@pytest.mark.parametrize(("profile", "on", "en", "zh"), [
    pytest.param({"birth_year": 1980}, JUNE_1, "on the day assessed you were 38 or 39", "核算日您38或39周岁",
                 id="born 1980, 1 June 2019: 38 or 39"),
    pytest.param({"birth_year": 1980, "birth_month": 3}, JUNE_1, "on the day assessed you were 39", "核算日您39周岁",
                 id="born March 1980: 39"),
    pytest.param({"birth_year": 1980}, DEC_31, "on the day assessed you were 39", "核算日您39周岁",
                 id="31 December: 39"),
    pytest.param({**DISABLED, "birth_year": 2004}, JUNE_1, "on the day assessed you were 14 or 15", "核算日您14或15周岁",
                 id="disabled, born 2004: under 16, 14 or 15"),
])
def test_a_message_never_states_an_age_that_is_not_known(profile, on, en, zh):
    english = " ".join(m["text"] for m in _post(profile, on, "en")["unmet"])
    chinese = "".join(m["text"] for m in _post(profile, on, "zh_CN")["unmet"])
    assert en in english
    assert zh in chinese


def test_the_step_of_a_39_year_old_holds_by_the_birth_year():
    """Born 1980: 39 on 31 Dec 2019, "turning 40" in 12 months; on 31 Dec 2020 the birth year alone gives 40."""
    now = _post({"birth_year": 1980})
    (step,) = now["next"]
    assert (step["change"], step["months"], step["from"]) == ({}, 12, "2020-12-31")
    assert "on the day assessed you were 39" in now["unmet"][0]["text"]
    assert _post({"birth_year": 1980}, date(2020, 12, 31))["status"] == "eligible"


@pytest.mark.parametrize(("profile", "on", "expected"), [
    pytest.param({"birth_year": 1980}, DEC_31, (12, "2020-12-31"), id="born 1980, 31 Dec 2019: 40 on 31 Dec 2020"),
    pytest.param({"birth_year": 1980, "birth_month": 3}, JUNE_1, (10, "2020-04-01"),
                 id="born March 1980: 40 by 31 March 2020, apply from 1 April"),
    pytest.param({"birth_year": 1979, "birth_month": 7}, JUNE_1, (2, "2019-08-01"), id="born July 1979: from 1 August"),
    pytest.param({"birth_year": 1979}, date(2018, 7, 1), (18, "2020-01-01"),
                 id="born 1979, 1 July 2018: 40 by 31 Dec 2019 whatever the birthday"),
    pytest.param({**DISABLED, "birth_year": 2004, "birth_month": 3}, JUNE_1, (10, "2020-04-01"),
                 id="disabled, born March 2004: 16 by 31 March 2020"),
    # 40 on some day of 2020, surely by its last day: the step is dated then, on the policy's last day (whole months
    # from 1 June would overshoot it), and the month need not be asked.
    pytest.param({"birth_year": 1980}, JUNE_1, (19, "2020-12-31"),
                 id="born 1980, 1 June 2019: 40 during 2020, surely by 31 December 2020"),
    pytest.param({"birth_year": 1981}, JUNE_1, ("late", TOO_LATE), id="born 1981: 40 only in 2021"),
    pytest.param({"birth_year": 1980, "birth_month": 12}, JUNE_1, (19, "2020-12-31"),
                 id="born December 1980: 40 on a day of December 2020, surely by its last day"),
    pytest.param({"birth_year": 1981, "birth_month": 1}, JUNE_1, ("late", TOO_LATE),
                 id="born January 1981: 40 only in January 2021"),
])
def test_the_step_to_an_age_is_dated_from_the_birth_date(profile, on, expected):
    facts = {**POST, "disabled": False, **profile}
    result = result_for({"person": facts}, "public_welfare_post", on=on, lang="en")  # every step checked
    if expected[0] == "ask":
        assert (result["next"], result["ruled_out"], result["missing"]) == ([], False, expected[1])
    elif expected[0] == "late":
        assert (result["next"], result["ruled_out"]) == ([], True)
        assert [m["id"] for m in result["too_late"]] == [expected[1]]
    else:
        (step,) = result["next"]
        assert (step["change"], step["months"], step["from"]) == ({}, *expected)


@pytest.mark.parametrize(("birth_year", "on", "school_asked"), [
    pytest.param(1990, DEC_31, True, id="born 1990: 29 on 31 Dec 2019, school-leaver questions asked"),
    pytest.param(1989, DEC_31, False, id="born 1989: 30, not asked"),
    pytest.param(1988, JUNE_1, False, id="born 1988: 30 or 31 on 1 June 2019, not asked"),
    pytest.param(1989, JUNE_1, True, id="born 1989: 29 or 30 on 1 June 2019, asked"),
])
def test_the_questionnaire_asks_the_year_of_birth_and_reads_it_in_full_years(birth_year, on, school_asked):
    first = relevant_facts({}, on)
    assert "person.birth_year" in first
    assert "person.age" not in first  # never "how old are you?"
    shown = relevant_facts({"person.registered_poor": True, "person.birth_year": birth_year}, on)
    assert ("person.two_after_student" in shown) is school_asked


@pytest.mark.parametrize(("birth_year", "on", "month_asked"), [
    pytest.param(1979, JUNE_1, True, id="born 1979, 1 June 2019: 39 or 40, the month is asked"),
    pytest.param(1979, DEC_31, False, id="born 1979, 31 Dec 2019: 40, no month"),
    pytest.param(1957, JUNE_1, False, id="born 1957: 61 or 62, no month"),
])
def test_the_questionnaire_asks_the_month_only_when_it_decides(birth_year, on, month_asked):
    answers = {"person.registered_poor": True, "person.birth_year": birth_year, "person.wants_work": True,
               "person.able_to_work": True, "person.disabled": False}
    assert ("person.birth_month" in relevant_facts(answers, on)) is month_asked
    assert "person.birth_month" not in relevant_facts({"person.registered_poor": True}, on)  # the year comes first


ROSTER_ROWS = [
    {"person.birth_year": 1979}, {"person.birth_year": 1980}, {"person.birth_year": 1980, "person.age": 41},
    {"person.age": 40}, {"person.birth_year": 1980, "person.birth_month": 6}, {"person.birth_year": 1957},
    {"person.birth_year": 1979, "person.birth_month": 6, "person.age": 40}, {"person.birth_year": 1979,
    "person.disabled": None}, {"person.birth_year": 2003, "person.disabled": True},
]


def _row_profile(row: dict) -> dict:
    facts = {"person.registered_poor": True, "person.wants_work": True, "person.able_to_work": True,
             "person.disabled": False, **row}
    return {"person": {k.removeprefix("person."): v for k, v in facts.items() if v is not None}}


def test_a_roster_works_out_the_age_the_same_way():
    frame = pd.DataFrame([{f"person.{k}": v for k, v in _row_profile(row)["person"].items()} for row in ROSTER_ROWS])
    for on in (DEC_31, JUNE_1, date(2020, 6, 15), date(2019, 1, 1)):
        batch = evaluate_batch(frame, on, ["public_welfare_post"])["public_welfare_post.status"].astype(str).tolist()
        one_by_one = [next(r for r in evaluate(_row_profile(row), on, None)["results"]
                           if r["benefit"] == "public_welfare_post")["status"] for row in ROSTER_ROWS]
        assert batch == one_by_one, on


def test_the_command_line_batch_gives_each_person_their_own_answer(tmp_path, capsys):
    """`python -m engine batch` on a registry of birth years only, 1 June 2019: born 1957 can apply, born 1979 is
    asked the month, born 1985 cannot; each row as `evaluate` gives it alone."""
    rows = [{"person.registered_poor": "是", "person.wants_work": "是", "person.able_to_work": "是",
             "person.disabled": "否", "person.birth_year": str(year), "person.birth_month": month}
            for year in (1957, 1979, 1985, 2003) for month in ("", "5", "6", "7")]
    pd.DataFrame(rows).to_csv(tmp_path / "registry.csv", index=False)
    assert main(["batch", str(tmp_path / "registry.csv"), "--date", JUNE_1.isoformat(), "--out",
                 str(tmp_path / "out.csv")]) == 0
    capsys.readouterr()
    out = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    expected = []
    for row in rows:
        facts = {"birth_year": int(row["person.birth_year"]), **({"birth_month": int(row["person.birth_month"])}
                                                                  if row["person.birth_month"] else {})}
        expected.append(_post(facts, JUNE_1, None)["status"])
    assert out["public_welfare_post.status"].tolist() == expected
    assert expected[:4] == ["eligible"] * 4  # born 1957: 61 or 62, whatever the month
    assert expected[4:8] == ["needs_info", "eligible", "needs_info", "not_eligible"]  # born 1979


def _4050(broker: dict, on: date = DEC_31) -> dict:
    facts = {"kind": "person", "joined_employee_insurance": True, **broker}
    return next(r for r in evaluate({"broker": facts}, on, "en")["results"] if r["benefit"] == "broker_4050_insurance")


@pytest.mark.parametrize(("broker", "on", "status", "missing"), [
    pytest.param({"sex": "woman", "birth_year": 1979}, DEC_31, "eligible", [], id="woman born 1979: 40 周岁, a “4050” person"),
    pytest.param({"sex": "woman", "birth_year": 1980}, DEC_31, "not_eligible", [], id="woman born 1980: 39 (虚岁 40 or 41)"),
    pytest.param({"sex": "man", "birth_year": 1969}, DEC_31, "eligible", [], id="man born 1969: 50"),
    pytest.param({"sex": "man", "birth_year": 1970}, DEC_31, "not_eligible", [], id="man born 1970: 49"),
    pytest.param({"sex": "man", "birth_year": 1960}, JUNE_1, "eligible", [], id="man 58 or 59 mid-year: either way 50+"),
    pytest.param({"sex": "woman", "birth_year": 1979}, JUNE_1, "needs_info", ["broker.birth_month"],
                 id="woman 39 or 40 on 1 June: the month"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 5}, JUNE_1, "eligible", [], id="born May: 40"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 7}, JUNE_1, "not_eligible", [], id="July: 39"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 6}, JUNE_1, "needs_info", ["broker.is_4050"],
                 id="born June, assessed 1 June: the day decides"),
    pytest.param({"sex": "woman", "birth_year": 1979, "birth_month": 6, "is_4050": True}, JUNE_1, "eligible", [],
                 id="born June, the day decides: a stated yes is taken"),
    pytest.param({"sex": "woman", "birth_year": 1979, "is_4050": True}, JUNE_1, "needs_info", ["broker.birth_month"],
                 id="a stated yes does not stand in for the month"),
    pytest.param({"sex": "woman", "birth_year": 1980, "is_4050": True}, DEC_31, "not_eligible", [],
                 id="a stated yes loses to the birth year"),
    pytest.param({"is_4050": True}, DEC_31, "eligible", [], id="no birth year: the stated answer is used"),
    pytest.param({"birth_year": 1979}, DEC_31, "needs_info", ["broker.sex"], id="a birth year without the sex: the sex"),
    pytest.param({"birth_year": 1979, "is_4050": True}, DEC_31, "eligible", [], id="no sex: the stated answer"),
    pytest.param({}, DEC_31, "needs_info", ["broker.is_4050"], id="nothing known: the answer"),
])
def test_a_brokers_4050_status_is_worked_out_in_full_years(broker, on, status, missing):
    result = _4050(broker, on)
    assert (result["status"], result["missing"]) == (status, missing)


# --- properties: the status is what every concrete birth date gives, when they agree -------------------------

def _birth_dates(year: int, month: int | None) -> list[date]:
    months = [month] if month is not None else range(1, 13)
    return [date(year, m, d) for m in months for d in range(1, calendar.monthrange(year, m)[1] + 1)]


def _age(born: date, on: date) -> int:
    """Full years on ``on``: the birthday this year is the same day of the month, or the month's last day when the
    month is shorter (born 29 February: 28 February)."""
    birthday = date(on.year, born.month, min(born.day, calendar.monthrange(on.year, born.month)[1]))
    return on.year - born.year - (on < birthday)


DATES = st.dates(min_value=date(2018, 1, 1), max_value=date(2021, 6, 30)) | st.sampled_from(
    [date(2018, 7, 1), date(2018, 12, 31), date(2019, 1, 1), JUNE_1, date(2019, 6, 30), DEC_31, date(2020, 2, 29),
     date(2020, 12, 31)])
MONTHS = st.none() | st.integers(1, 12)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year=st.integers(1940, 2010), month=MONTHS, on=DATES, disabled=st.sampled_from([True, False, None]))
def test_the_post_status_is_what_every_birth_date_gives_when_they_agree(year, month, on, disabled):
    person = {**POST, "birth_year": year, **({} if month is None else {"birth_month": month}),
              **({} if disabled is None else {"disabled": disabled})}
    found = _post_of(person, on)
    ages = {_age(born, on) for born in _birth_dates(year, month)}  # born by 2010, assessed from 2018
    concrete = {_post_of({**{k: v for k, v in person.items() if k not in {"birth_year", "birth_month"}}, "age": a}, on)
                ["status"] for a in ages}
    if len(concrete) == 1:
        assert found["status"] == concrete.pop(), (ages, found["missing"])
        if "person.birth_month" in found["missing"]:  # only to date the step (16 or 40 on some day of the period),
            # or a straddle of 16 beside an age of 40 that the policy's period cannot reach (born 2003, 1 January 2019)
            assert (found["status"], found["next"]) == ("not_eligible", [])
            assert not found["ruled_out"] or found["too_late"], found
    else:
        assert found["status"] == "needs_info", (ages, concrete)
        assert ("person.birth_month" if month is None else "person.age") in found["missing"]
    assert "person.birth_year" not in found["missing"]


def _post_of(person: dict, on: date) -> dict:
    return next(r for r in evaluate({"person": person}, on, None)["results"] if r["benefit"] == "public_welfare_post")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(year=st.integers(1955, 1985), month=MONTHS, on=DATES, sex=st.sampled_from(["woman", "man"]))
def test_the_4050_status_is_what_every_birth_date_gives_when_they_agree(year, month, on, sex):
    broker = {"sex": sex, "birth_year": year, **({} if month is None else {"birth_month": month})}
    found = _4050(broker, on)
    if not date(2018, 7, 1) <= on <= date(2020, 12, 31):
        assert found["status"] == "out_of_period"
        return
    required = {"woman": 40, "man": 50}[sex]
    answers = {_age(born, on) >= required for born in _birth_dates(year, month)}
    if len(answers) == 1:
        assert found["status"] == ("eligible" if answers.pop() else "not_eligible")
    else:
        assert found["status"] == "needs_info"
        assert found["missing"] == ["broker.birth_month" if month is None else "broker.is_4050"]


@st.composite
def rosters(draw: st.DrawFn) -> tuple[date, list[dict]]:
    """A day and rows whose ages sit at the tests' edges that day: born the year that makes them 15, 16, 39 or 40
    (or any year), in the month assessed or not, with a stated age that fits or not."""
    on = draw(DATES)
    rows = []
    for _ in range(draw(st.integers(1, 20))):
        required = draw(st.sampled_from([16, 40]))
        edge = st.sampled_from([-1, 0, 0, 1]).map(lambda shift, r=required: on.year - r + shift)
        rows.append({
            "person.birth_year": draw(edge | edge | st.none() | st.integers(1940, 2010)),
            "person.birth_month": draw(st.sampled_from([None, on.month, on.month, on.month % 12 + 1])
                                       | st.integers(1, 12)),
            "person.age": draw(st.none() | st.integers(required - 2, required + 1)),
            "person.disabled": draw(st.none() | st.booleans()),
            "person.registered_poor": draw(st.sampled_from([True, True, None])),
            "person.wants_work": True, "person.able_to_work": True,
        })
    return on, rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=rosters())
def test_a_roster_gives_each_row_what_evaluate_gives_that_person_alone(case):
    on, rows = case
    batch = evaluate_batch(pd.DataFrame(rows), on, ["public_welfare_post"])["public_welfare_post.status"]
    alone = [_post_of({k.removeprefix("person."): v for k, v in row.items() if v is not None}, on)["status"]
             for row in rows]
    assert batch.astype(str).tolist() == alone


@st.composite
def brokers(draw: st.DrawFn) -> tuple[date, list[dict]]:
    """A day and brokers born about 40 or 50 years before it (the edges of “4050”), some facts unknown."""
    on = draw(DATES)
    rows = []
    for _ in range(draw(st.integers(1, 15))):
        sex = draw(st.sampled_from(["woman", "man", "woman", "man", None]))
        edge = on.year - {"woman": 40, "man": 50, None: 45}[sex] + draw(st.sampled_from([-1, 0, 0, 1]))
        rows.append({"broker.sex": sex, "broker.birth_year": draw(st.sampled_from([None, edge, edge])),
                     "broker.birth_month": draw(st.sampled_from([None, on.month]) | st.integers(1, 12)),
                     "broker.is_4050": draw(st.none() | st.booleans())})
    return on, rows


@settings(max_examples=100, deadline=None)
@given(case=brokers())
def test_the_4050_test_over_a_table_gives_each_row_its_own_answer(case):
    """The same “4050” test over a table's columns (as every rule is, for rosters) and on each broker alone."""
    on, rows = case
    params = params_on(on)
    together = IS_4050_TEST.many(pd.DataFrame(rows), params).tolist()
    alone = [IS_4050_TEST.one(Context({k: v for k, v in row.items() if v is not None}, params)) for row in rows]
    assert [None if pd.isna(v) else bool(v) for v in together] == alone


def test_every_birth_date_of_a_year_is_listed():
    """The oracle of the properties: 365 or 366 days, the month's days."""
    assert len(_birth_dates(2019, None)) == 365
    assert len(_birth_dates(2020, None)) == 366
    assert _birth_dates(2020, 2)[-1] == date(2020, 2, 29)
    assert _age(date(1980, 2, 29), date(2019, 2, 28)) == 39
    assert _age(date(1980, 3, 1), date(2019, 2, 28)) == 38
    assert _age(date(1979, 6, 2), JUNE_1) == 39
    assert _age(date(1979, 6, 1), JUNE_1) == 40
    assert _age(date(1979, 6, 1), JUNE_1 - timedelta(days=1)) == 39
