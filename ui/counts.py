"""Two numbers a calculator asks: how many were hired (placed), and how many of them count already.

Articles (二) and (四) pay by the workers who have worked 12 months or more with a contract and social insurance,
not by everyone hired or placed. The calculators ask both, the amount follows the second, and the page says how
many do not count yet and what makes them count. Both numbers are kept in the URL.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from engine import policy
from i18n import N_, Nn_
from ui import format as fmt
from ui import url_state as url
from ui.frame import Page


@dataclass(frozen=True)
class CountWords:
    """The labels and messages of one pair of numbers (msgids; ``pending`` is a singular and plural pair)."""

    total: str
    counting: str
    too_many: str
    pending: tuple[str, str]


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
)


def hired_and_counting(page: Page, words: CountWords, *, total_param: str, counting_param: str, key_prefix: str,
                       maximum: int) -> int | None:
    """The number that counts, after the number hired (optional); ``None`` when it exceeds that number."""
    _ = page._
    total = url.number(page, _(words.total), total_param, f"{key_prefix}{total_param}", maximum=maximum,
                       value=None, step=1, placeholder=_("optional"))
    counting = int(url.number(page, _(words.counting), counting_param, f"{key_prefix}{counting_param}",
                              maximum=maximum, value=0, step=1))
    if total is not None and counting > total:
        st.error(fmt.md_escape(_(words.too_many).format(counting=fmt.number(counting, page.lang),
                                                       total=fmt.number(int(total), page.lang))),
                 icon=":material/error:")
        return None
    if total is not None and total > counting:
        pending = int(total) - counting
        st.info(fmt.md_escape(page.ngettext(*words.pending, pending).format(
            count=fmt.number(pending, page.lang), end=fmt.date_text(policy.IN_FORCE_UNTIL, page.lang))),
            icon=":material/schedule:")
    return counting
