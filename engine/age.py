"""Ages in full years (周岁) on the day assessed, as far as the facts given settle them.

The policy's ages are 周岁: "年满40周岁以上" (Article 6 (六)), the “4050” women of 40 and men of 50 (Article 4 (四)).
Asked "how old are you?", older rural people often answer in 虚岁, one or two years more, and the extra year flips a
result. So the site asks the year of birth on the ID card (and, where it matters, the month). A year of birth leaves
two possible ages on most days, a month of birth one, except in the month of the birthday itself:

- on 31 December everyone born in year Y is (year − Y); on another day they are (year − Y − 1) or (year − Y);
- with the month, it is one age, unless the day assessed is in the month of birth (before its last day).

An age test ("40 or more") is settled whenever every birthday the facts allow gives the same answer: someone born in
1957 is 61 or 62 on 1 June 2019, aged 40 or more either way. Only a test that the possible ages straddle asks for
more, and ``missing`` names it: the month when only the year is known; when the birthday is in the month assessed,
the day decides, which the county checks on the ID card (a stated age in full years, or a stated “4050” answer,
that fits the birth date is taken). Without a year of birth, a stated age (``person.age``) or a stated answer
(``broker.is_4050``) is used; with one, a stated answer counts only in that last case.

:class:`AgeAtLeast` is the one test every rule uses, on one profile and on a roster alike; :class:`TurnAge` is the
wait until it holds, dated from the birth date; :class:`AgeWords` is the age a message shows, never one number
that is not known ("61 or 62").
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from engine.logic import Const, Context, Expr, Fact, Lookup, Param
from engine.messages import Message
from engine.remedies import Guard, Outcome, Plan, Remedy, Wait, allowed
from i18n import N_

if TYPE_CHECKING:
    import pandas as pd

AGE, BIRTH_YEAR, BIRTH_MONTH = "person.age", "person.birth_year", "person.birth_month"
# TRANSLATORS: an age in full years that is one of two numbers, when the day of birth is not known ("61 or 62").
TWO_AGES = N_("{least} or {most}")


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def ages_on(birth_year: int, birth_month: int | None, on: date) -> tuple[int, int]:
    """The least and the greatest age in full years on ``on`` of someone born in ``birth_year`` (and
    ``birth_month``): equal on 31 December, and with the month unless ``on`` is in the month of birth before its
    last day."""
    years = on.year - birth_year
    if birth_month is None:
        return (years, years) if (on.month, on.day) == (12, 31) else (years - 1, years)
    if birth_month != on.month:
        passed = years if birth_month < on.month else years - 1
        return passed, passed
    return (years, years) if on.day == _last_day(on.year, on.month) else (years - 1, years)


def age_on(birth_year: int, birth_month: int | None, on: date) -> int | None:
    """The age in full years on ``on``, or ``None`` when the day of birth (or the month) would be needed, or when
    the person is not yet born."""
    least, most = ages_on(birth_year, birth_month, on)
    return least if least == most and least >= 0 else None


def turning(birth_year: int, birth_month: int | None, years: int) -> tuple[date, date]:
    """The first day on which someone born in ``birth_year`` (and ``birth_month``) may be ``years`` old, and the
    first day on which they surely are (as :func:`ages_on` counts)."""
    year = birth_year + years
    if birth_month is None:
        return date(year, 1, 1), date(year, 12, 31)
    return date(year, birth_month, 1), date(year, birth_month, _last_day(year, birth_month))


@dataclass(frozen=True)
class Born:
    """Whose birth facts: ``person`` (who may also state an age) or ``broker``."""

    who: str

    @property
    def year(self) -> str:
        return f"{self.who}.birth_year"

    @property
    def month(self) -> str:
        return f"{self.who}.birth_month"

    @property
    def age(self) -> str:
        return f"{self.who}.age"

    def ages(self, facts: Mapping[str, Any], on: date) -> tuple[int, int] | None:
        """The least and greatest age on ``on`` the facts allow, or ``None`` when they tell nothing of it."""
        year, stated = facts.get(self.year), facts.get(self.age)
        if year is None:
            return None if stated is None else (stated, stated)
        month = facts.get(self.month)
        least, most = ages_on(year, month, on)
        if least < most and month is not None and stated is not None and least <= stated <= most:
            return stated, stated  # the day decides: an age stated in full years that fits it is taken
        return least, most


PERSON, BROKER = Born("person"), Born("broker")


def stated_when_the_day_decides(test: Expr, stated: str) -> Callable[[Context, Any], bool]:
    """A reading's decider (``Rule.decides``): the stated answer ``stated`` (the age in full years, or the “4050”
    answer) is what settles the age ``test``: without it the birth date leaves the test open (the birthday is in the
    month assessed), with it the test is settled (reading ``age_stated_when_the_day_decides``)."""

    def when(ctx: Context, _now: Any) -> bool:
        if ctx.facts.get(stated) is None:
            return False
        without = Context({name: value for name, value in ctx.facts.items() if name != stated}, ctx.params)
        return test.one(without) is None and test.one(ctx) is not None
    return when


# Why the leap-day reading never decides a result the site can show: it does not ask the day of birth.
NO_DAY_ASKED = ("the site asks the month of birth, not the day: by the month's last day every birthday of that month "
                "is taken as passed, which is a reading only for someone born on 29 February, whom the site cannot "
                "tell apart")


def settled(ages: tuple[int, int] | None, required: Any) -> bool | None:
    """Whether every possible age is ``required`` or more (``True``), none is (``False``), or it depends."""
    if ages is None or required is None:
        return None
    least, most = ages
    if least >= required:
        return True
    return False if most < required else None


@dataclass(frozen=True, eq=False)
class AgeAtLeast(Expr):
    """The age in full years on the day assessed is ``required`` or more: settled when every birthday the birth
    facts allow gives the same answer.

    ``answer``: a fact that states the answer itself (``broker.is_4050``), taken when there is no year of birth
    (or no ``required``, a broker's sex unknown) and when the day of birth decides, never against the month.
    """

    required: Expr
    born: Born = PERSON
    answer: str | None = None

    def _verdict(self, facts: Mapping[str, Any], on: date, required: Any) -> bool | None:
        verdict = settled(self.born.ages(facts, on), required)
        if verdict is None and self.answer is not None and not self._needs_month(facts, required):
            return facts.get(self.answer)
        return verdict

    def _needs_month(self, facts: Mapping[str, Any], required: Any) -> bool:
        """Only the year of birth is known, with what is required: the month, not a stated answer, settles it."""
        return facts.get(self.born.year) is not None and required is not None and facts.get(self.born.month) is None

    def one(self, ctx: Context) -> bool | None:
        return self._verdict(ctx.facts, ctx.params["date"], self.required.one(ctx))

    def missing(self, ctx: Context) -> set[str]:
        """What to give to settle it: the age (the questionnaire asks the year of birth) or the stated answer; the
        sex for a “4050” test; the month when the year leaves two ages; the day when the month does, which only a
        stated age in full years (or a stated answer) gives here."""
        if self.one(ctx) is not None:
            return set()
        stated = {self.answer or self.born.age}
        if ctx.facts.get(self.born.year) is None:
            return stated
        if self.required.one(ctx) is None:
            return self.required.missing(ctx)
        if ctx.facts.get(self.born.month) is None:
            return {self.born.month}
        return stated

    def facts(self) -> set[str]:
        return {self.born.year, self.born.month, self.answer or self.born.age} | self.required.facts()

    def many(self, frame: pd.DataFrame, params: Mapping[str, Any]) -> pd.Series:
        """The same test over a roster's columns, at once (no Python call a row)."""
        import numpy as np  # noqa: PLC0415 - rosters only (issue 15)
        import pandas as pd  # noqa: PLC0415

        on: date = params["date"]

        def numbers(name: str) -> np.ndarray:
            column = Fact(name).many(frame, params)
            return pd.to_numeric(column, errors="coerce").astype("Float64").to_numpy(dtype=float, na_value=np.nan)

        if isinstance(self.required, Const | Param):
            value = self.required.one(Context({}, params))
            required = np.full(len(frame), np.nan if value is None else float(value))
        else:
            required = pd.to_numeric(self.required.many(frame, params), errors="coerce").astype("Float64").to_numpy(
                dtype=float, na_value=np.nan)
        year, month, stated = numbers(self.born.year), numbers(self.born.month), numbers(self.born.age)
        years = on.year - year
        in_month = month == on.month
        last_day = on.day == _last_day(on.year, on.month)
        month_known = ~np.isnan(month)
        exact = np.where(month < on.month, years, years - 1)  # the month of birth is not the month assessed
        least = np.where(month_known, np.where(in_month & (not last_day), years - 1, np.where(in_month, years, exact)),
                         years if (on.month, on.day) == (12, 31) else years - 1)
        most = np.where(month_known, np.where(in_month, years, exact), years)
        fits = month_known & (least < most) & (stated >= least) & (stated <= most)  # the day decides
        no_year = np.isnan(year)
        least = np.where(fits | no_year, stated, least)
        most = np.where(fits | no_year, stated, most)
        holds, fails = least >= required, most < required  # NaN compares False: neither
        verdict = pd.array(np.where(holds, True, False), dtype="boolean")
        verdict[~(holds | fails)] = pd.NA
        if self.answer is not None:
            needs_month = ~no_year & ~np.isnan(required) & ~month_known
            answer = Fact(self.answer).many(frame, params).astype("boolean").array
            use = ~(holds | fails) & ~needs_month
            verdict[use] = answer[use]
        return pd.Series(verdict, index=frame.index)


@dataclass(frozen=True, eq=False)
class AgeWords(Expr):
    """The age a message shows: one number when it is known, "61 or 62" when the day of birth is not."""

    born: Born = PERSON

    def one(self, ctx: Context) -> Any:
        ages = self.born.ages(ctx.facts, ctx.params["date"])
        if ages is None:
            return None
        least, most = ages
        return least if least == most else [Message(TWO_AGES, {"least": least, "most": most}).as_dict()]

    def facts(self) -> set[str]:
        return {self.born.year, self.born.month, self.born.age}


@dataclass(frozen=True)
class TurnAge(Remedy):
    """Waiting until the age of :class:`AgeAtLeast` reaches the parameter ``param``.

    From a year (and month) of birth, the step is dated the first day (in whole months from the day assessed) on
    which every birthday they allow has passed, and nothing has to change but time; ``earliest`` is when the first
    of them may have, and ``surely`` the very day every one has (the birth month's last day, or 31 December for a
    year alone), which :func:`engine.steps.timing` uses when whole months would overshoot the policy's end (born in
    1980, assessed 1 June 2019: 40 surely on 31 December 2020). From a stated age alone it is a wait of whole years
    (:class:`Wait`): a 39-year-old may turn 40 tomorrow and surely has in 12 months.
    """

    param: str
    part: Message
    born: Born = PERSON
    guard: Guard | None = None  # as Wait's: whether the wait is a step at all (a disability asked first)
    guard_facts: tuple[str, ...] = ()

    def facts(self) -> set[str]:
        return {self.born.age, self.born.year, self.born.month, *self.guard_facts}

    def missing(self, ctx: Context) -> set[str]:
        if self.guard is not None and self.guard(ctx.facts) is None:
            return {name for name in self.guard_facts if ctx.facts.get(name) is None}
        if ctx.facts.get(self.born.year) is None:
            return {self.born.age} if ctx.facts.get(self.born.age) is None else set()
        return set()  # a year of birth dates the step: by 31 December of the year the age is surely reached

    def plan(self, ctx: Context) -> Outcome:
        from engine.steps import months_until  # noqa: PLC0415 - steps import the rules, which import this

        blocked = allowed(self.guard, ctx.facts)
        if blocked is not None:
            return blocked
        year = ctx.facts.get(self.born.year)
        if year is None:
            return Wait(self.born.age, self.param, self.part, unit_months=12, whole_units=True).plan(ctx)
        on, required, month = ctx.params["date"], ctx.params[self.param], ctx.facts.get(self.born.month)
        maybe, surely = turning(year, month, required)
        if surely <= on:
            return Plan({}, 0, None)
        least, _ = ages_on(year, month, on)
        part = Message(self.part.id, {**self.part.params, "more": required - least, "required": required},
                       self.part.plural, self.part.count)
        return Plan({}, months_until(on, surely), part, months_until(on, maybe) if maybe > on else 0, surely=surely)


# The “4050” people of Article 4 (四): women aged 40 or more, men aged 50 or more (in full years).
AGE_4050 = {"woman": 40, "man": 50}
IS_4050, BROKER_SEX, BROKER_BIRTH_YEAR, BROKER_BIRTH_MONTH = (
    "broker.is_4050", "broker.sex", "broker.birth_year", "broker.birth_month")
# The same test for a broker, the age required by sex; a stated ``broker.is_4050`` only where the birth facts cannot
# tell (no year of birth, no sex, or a birthday in the month assessed).
IS_4050_TEST = AgeAtLeast(Lookup(Fact(BROKER_SEX), Const(AGE_4050)), BROKER, answer=IS_4050)
