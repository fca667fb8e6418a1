"""Home page of 就业扶贫政策自助通: which policy this is, what the site does, and what the policy offers.

The home page shows only pages that exist; the overview of benefits comes from ``engine.catalog``
and each benefit links to its article on the policy page.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from engine import policy
from engine.catalog import BENEFITS, ROLES
from i18n import N_
from ui import errors
from ui import format as fmt
from ui.blocks import LinkedItem, linked_list
from ui.frame import ROLE_PAGES, SITE_NAME, Page, frame, policy_title

ROLE_HEADINGS = {
    "resident": N_("For registered poor workers and their families"),
    "employer": N_("For employers, workshops and incubation parks"),
    "institution": N_("For technical schools and training institutions"),
    "broker": N_("For labour brokers and intermediaries"),
}
ROLE_ICONS = {
    "resident": ":material/person:",
    "employer": ":material/factory:",
    "institution": ":material/school:",
    "broker": ":material/handshake:",
}


def article_link(number: int, page: Page) -> tuple[str, str]:
    """Label and address of an article on the policy page: "第（六）条" / "Article 6 (六)"."""
    return policy.citation(number, page.lang), f"policy?{urlencode(page.query)}#art-{number}"


def introduction(page: Page) -> None:
    _ = page._
    st.title(_(SITE_NAME), anchor=False)
    title = policy_title(page)
    st.markdown(fmt.md_escape(_(
        "The Ningxia policy {number} {title} helped registered poor workers (建档立卡贫困劳动力) into work "
        "and business from {start} to {end}."
    ).format(
        number=policy.POLICY_ID, title=f"《{title}》" if page.lang == "zh_CN" else f"“{title}”",
        start=fmt.date_text(policy.IN_FORCE_FROM, page.lang), end=fmt.date_text(policy.IN_FORCE_UNTIL, page.lang),
    )))
    st.markdown(fmt.md_escape(_(
        "Check in a few minutes what the policy offers you, how much and where to apply; or read what it offered "
        "and to whom, and its full text, article by article, in Chinese and in English."
    )))
    st.page_link("pages/policy.py", label=_("Read the policy text"), icon=":material/gavel:",
                 query_params=page.query)


def role_chooser(page: Page) -> None:
    """Big buttons to the page of each role that has one."""
    _ = page._
    st.header(_("Who are you?"), anchor="roles")
    # At a kiosk the roles stand two by two, so all four are on the first screen.
    columns = st.columns(2) if page.kiosk else [st.container()]
    for number, (role, (script, label, icon)) in enumerate(ROLE_PAGES.items()):
        with columns[number % len(columns)], st.container(border=True, key=f"role_{role}"):
            st.markdown(f"**{fmt.md_escape(_(ROLE_HEADINGS[role]))}**")
            st.page_link(script, label=_(label), icon=icon, query_params=page.query,
                         width="stretch" if page.kiosk else "content")


def benefits_overview(page: Page) -> None:
    """The benefits of the policy, grouped by who claims them, each with a link to its article."""
    _ = page._
    # TRANSLATORS: heading of the overview of the policy's subsidies and services on the home page.
    st.header(_("What the policy offers"), anchor="offers")
    for role in ROLES:
        benefits = [benefit for benefit in BENEFITS if benefit.role == role]
        if not benefits:
            continue
        st.subheader(_(ROLE_HEADINGS[role]), anchor=f"role-{role}", icon=ROLE_ICONS[role])
        st.caption(page.ngettext("{count} benefit", "{count} benefits", len(benefits)).format(
            count=fmt.number(len(benefits), page.lang)))
        linked_list([LinkedItem(_(b.label), _(b.summary), *article_link(b.article, page)) for b in benefits],
                    page.lang)


def main() -> None:
    page = frame(SITE_NAME)
    introduction(page)
    role_chooser(page)
    benefits_overview(page)


errors.run(main)
