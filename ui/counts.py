"""Two numbers a calculator asks: how many were hired (placed), and how many of them count already.

Articles (二) and (四) pay by the workers who have worked 12 months or more with a contract and social insurance,
not by everyone hired or placed. The calculators ask both (each empty until typed), the amount follows the second,
and the page says how many do not count yet only when the engine, with all of them counting by the policy's last
day, gives the benefit (:func:`pending`): a cooperative that is not a workshop is never told that its hires will
count. Both numbers are kept in the URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from engine import employer as emp
from engine import policy
from i18n import N_, Nn_
from ui import format as fmt
from ui import url_state as url
from ui.frame import Page


@dataclass(frozen=True)
class CountWords:
    """The labels and messages of one pair of numbers (msgids; ``pending`` is a singular and plural pair), and the
    engine's fact the second number is (``employer.qualifying_hires``)."""

    total: str
    counting: str
    too_many: str
    pending: tuple[str, str]
    fact: str


WORKSHOP_COUNTS = CountWords(
    total=N_("Registered poor workers the workshop employs"),
    counting=N_("Qualifying hires"),
    too_many=N_("The qualifying hires ({counting}) cannot be more than the registered poor workers employed ({total})."),
    pending=Nn_("{count} worker does not count yet: a worker counts once employed by the workshop for 12 months or "
                "more without a break, with a labour contract and social insurance paid, if that is on or before "
                "{end}, when the policy ends.",
                "{count} workers do not count yet: a worker counts once employed by the workshop for 12 months or "
                "more without a break, with a labour contract and social insurance paid, if that is on or before "
                "{end}, when the policy ends."),
    fact="employer.qualifying_hires",
)

PLACEMENT_COUNTS = CountWords(
    total=N_("Registered poor workers placed into a first job"),
    counting=N_("Qualifying placements"),
    too_many=N_("The qualifying placements ({counting}) cannot be more than the workers placed ({total})."),
    pending=Nn_("{count} placement does not count yet: it counts once the worker has worked 12 months or more in "
                "that first job, with a labour contract and social insurance paid, if that is on or before {end}, "
                "when the policy ends.",
                "{count} placements do not count yet: each counts once the worker has worked 12 months or more in "
                "that first job, with a labour contract and social insurance paid, if that is on or before {end}, "
                "when the policy ends."),
    fact="broker.qualifying_placements",
)


@dataclass(frozen=True)
class Counts:
    """What the visitor typed: ``total`` hired or placed and ``counting`` (each ``None`` until typed); ``valid`` is
    false when more count than were hired (the page has said so beside the field)."""

    total: int | None
    counting: int | None
    valid: bool = True

    @property
    def given(self) -> bool:
        return self.total is not None or self.counting is not None


def hired_and_counting(page: Page, words: CountWords, *, total_param: str, counting_param: str, key_prefix: str,
                       maximum: int) -> Counts:
    """The number hired (optional) and the number that counts; an error beside them when the second is larger."""
    _ = page._
    total = url.number(page, _(words.total), total_param, f"{key_prefix}{total_param}", maximum=maximum,
                       step=1, placeholder=_("optional"))
    counting = url.number(page, _(words.counting), counting_param, f"{key_prefix}{counting_param}",
                          maximum=maximum, step=1)
    total = None if total is None else int(total)
    counting = None if counting is None else int(counting)
    if None not in (total, counting) and counting > total:
        st.error(fmt.md_escape(_(words.too_many).format(counting=fmt.number(counting, page.lang),
                                                       total=fmt.number(total, page.lang))),
                 icon=":material/error:")
        return Counts(total, counting, valid=False)
    return Counts(total, counting)


def if_all_counted(words: CountWords, counts: Counts, facts: Mapping[str, Any], benefit: str) -> Mapping[str, Any]:
    """The engine on the hypothesis the sentence states: every one hired (placed) counts, on the policy's last day."""
    return emp.results({**facts, words.fact: counts.total}, policy.IN_FORCE_UNTIL, None, [benefit])[benefit]


def pending_text(page: Page, words: CountWords, counts: Counts, facts: Mapping[str, Any], *, benefit: str,
                 on: date) -> str:
    """How many hired (placed) do not count yet, and that they count once their 12 months are reached by the policy's
    end: a hypothesis, said only when the engine, with all of them counting on that last day, gives the benefit, and
    a day is left after the day assessed (reading action_after_day_assessed). Otherwise they could never change it
    (not a workshop, no day left), and the card says why. "" when nothing is to be said."""
    if not counts.valid or None in (counts.total, counts.counting) or counts.total <= counts.counting:
        return ""
    if on >= policy.IN_FORCE_UNTIL or if_all_counted(words, counts, facts, benefit)["status"] != "eligible":
        return ""
    waiting = counts.total - counts.counting
    return page.ngettext(*words.pending, waiting).format(
        count=fmt.number(waiting, page.lang), end=fmt.date_text(policy.IN_FORCE_UNTIL, page.lang))


def pending(page: Page, words: CountWords, counts: Counts, facts: Mapping[str, Any], *, benefit: str,
            on: date) -> None:
    """:func:`pending_text`, drawn beside the numbers."""
    text = pending_text(page, words, counts, facts, benefit=benefit, on=on)
    if text:
        st.info(fmt.md_escape(text), icon=":material/schedule:")
