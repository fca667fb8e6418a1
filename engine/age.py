"""The age in full years (周岁) on the day assessed, from the date of birth on the ID card.

The policy's ages are 周岁: "年满40周岁以上" (Article 6 (六)), the “4050” women of 40 and men of 50. Asked "how old
are you?", older rural people often answer in 虚岁, one or two years more, and the extra year flips a result. So the
site asks the year of birth (and, for a roster or the command line, the month), and the engine works out the 周岁:

- on 31 December, the last day of a year the questionnaire assesses, everyone born in year Y is (year − Y);
- on another day, the month decides it unless it is the month assessed, where the day would be needed.

When the birth date decides the age, it wins over a stated ``person.age`` (which may be 虚岁); when it cannot (the
birthday falls in the month assessed), a stated age is kept and otherwise the age stays unknown. Pure Python for
one profile, pandas for a roster.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from engine.logic import map_distinct

if TYPE_CHECKING:
    import pandas as pd

AGE, BIRTH_YEAR, BIRTH_MONTH = "person.age", "person.birth_year", "person.birth_month"


def _last_day_of_month(on: date) -> bool:
    return (on + timedelta(days=1)).month != on.month


def age_on(birth_year: int, birth_month: int | None, on: date) -> int | None:
    """The age in full years on ``on`` of someone born in ``birth_year`` (and ``birth_month``), or ``None`` when
    the day of birth would be needed, or when the person is not yet born."""
    years = on.year - birth_year
    if birth_month is None:
        birthday_passed = True if (on.month, on.day) == (12, 31) else None
    elif birth_month != on.month:
        birthday_passed = birth_month < on.month
    else:  # the birthday is in the month assessed: passed for sure only on its last day
        birthday_passed = True if _last_day_of_month(on) else None
    if birthday_passed is None:
        return None
    age = years if birthday_passed else years - 1
    return age if age >= 0 else None


def ages_on(birth_year: int, birth_month: int | None, on: date) -> tuple[int, int]:
    """The least and the greatest age in full years the person can have on ``on`` (equal when it is known)."""
    known = age_on(birth_year, birth_month, on)
    if known is not None:
        return known, known
    return on.year - birth_year - 1, on.year - birth_year


# The “4050” people of Article 4 (四): women aged 40 or more, men aged 50 or more (in full years).
AGE_4050 = {"woman": 40, "man": 50}
IS_4050, BROKER_SEX, BROKER_BIRTH_YEAR, BROKER_BIRTH_MONTH = (
    "broker.is_4050", "broker.sex", "broker.birth_year", "broker.birth_month")


def with_age(facts: Mapping[str, Any], on: date) -> dict[str, Any]:
    """``facts`` with ``person.age`` worked out from the birth year and month, and a broker's “4050” status from
    the sex and the birth year and month, when they decide it (a birthday in the month assessed may not)."""
    out = dict(facts)
    if out.get(BIRTH_YEAR) is not None:
        age = age_on(out[BIRTH_YEAR], out.get(BIRTH_MONTH), on)
        if age is not None:
            out[AGE] = age
    if out.get(BROKER_SEX) is not None and out.get(BROKER_BIRTH_YEAR) is not None:
        least, most = ages_on(out[BROKER_BIRTH_YEAR], out.get(BROKER_BIRTH_MONTH), on)
        required = AGE_4050[out[BROKER_SEX]]
        if least >= required or most < required:
            out[IS_4050] = least >= required
        else:
            out.pop(IS_4050, None)  # 39 or 40 on that day: the day of birth decides, not a stated answer
    return out


def with_ages(frame: pd.DataFrame, on: date) -> pd.DataFrame:
    """The same for every row of a roster (nullable integer columns): the age column as :func:`with_age` gives it,
    by :func:`age_on` once for each distinct year and month of birth."""
    import pandas as pd  # noqa: PLC0415 - rosters only

    if BIRTH_YEAR not in frame.columns:
        return frame
    months = frame[BIRTH_MONTH].astype("Int64").fillna(0) if BIRTH_MONTH in frame.columns else 0
    born = frame[BIRTH_YEAR].astype("Int64") * 100 + months  # 197406; 197400 when the month is not known
    derived = map_distinct(born, lambda key: age_on(int(key) // 100, int(key) % 100 or None, on)).astype("Float64")
    stated = frame[AGE].astype("Float64") if AGE in frame.columns else pd.Series(pd.NA, index=frame.index,
                                                                                 dtype="Float64")
    out = frame.copy()
    out[AGE] = derived.where(derived.notna(), stated)
    return out
