"""Rules over the rows of a roster: which people on a list count toward a benefit.

An employer's workers (articles 二 and 五, :mod:`engine.rules.workers`), a school's "two-after"
students (十一, :mod:`engine.rules.students`) and a broker's placed workers (四,
:mod:`engine.rules.placements`) are each checked row by row against the clause's conditions on one
person. Each condition is a three-valued expression like the benefit rules', so it evaluates on
one row or on a whole roster at once, and says why a person does not count, what is not known, and,
where the list's owner can change it, the smallest step that makes it hold ("2 more months").
The conditions on the organisation itself stay in the benefit rules, which the count is given to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from engine.logic import Expr
from engine.messages import Text
from i18n import N_


@dataclass(frozen=True)
class RowCondition:
    """One condition on a person, with what to say when it fails or is unknown, and how to meet it.

    ``fix`` is ``None`` when the list's owner cannot change it (whether the person is registered
    poor). ``params`` are expressions whose values the messages show; a message that counts ("1 more
    month", "2 more months") is a singular and plural pair whose form follows its first parameter. ``wait`` names the param that
    says how many units the fix takes, ``wait_unit`` the months of one unit (a number, or the parameter
    that holds it): a fix that cannot be done before the policy ends is not offered.
    """

    id: str
    test: Expr
    unmet: Text
    unknown: str
    fix: Text | None = None
    params: Mapping[str, Expr] = field(default_factory=dict)
    wait: str | None = None
    wait_unit: int | str = 1

    @property
    def fact(self) -> str:
        (name,) = self.test.facts()
        return name


@dataclass(frozen=True)
class RowRule:
    """The people a benefit counts: every condition must hold. ``all_met`` says so for one who counts.

    ``count_fact``: the profile's count that the people who count give the benefit rule (one count per meaning:
    article 二's hires are not article 五's)."""

    id: str
    benefit: str
    article: int
    clause: str
    conditions: tuple[RowCondition, ...]
    all_met: Text
    count_fact: str
    interpretations: tuple[str, ...] = ()


# A person's status for one rule.
COUNTS, DOES_NOT_COUNT, NOT_KNOWN = "counts", "does_not_count", "needs_info"
STATUS_TEXT = {
    COUNTS: N_("Counts"),
    DOES_NOT_COUNT: N_("Does not count"),
    NOT_KNOWN: N_("Not known yet"),
}
# How the reasons and steps are put together (the parts are the conditions' messages).
STEPS_TO_COUNT = N_("{steps} → counts.")
FILL_IN = N_("Fill in or correct: {columns}.")
TOO_LATE_TO_COUNT = N_("That cannot be done before the policy ends on {end}: the row will not count under it.")
