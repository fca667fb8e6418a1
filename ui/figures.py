"""A figure the policy relies on and the site lacks, in words a person can act on: which figure, of which place
and year, what it is, where it is published, and, at most as context, a figure we have."""

from __future__ import annotations

from typing import Any

from engine.profile import place_name
from i18n import N_
from ui import format as fmt
from ui.frame import Page

# The figure, named with its place and year, in plain words, with the region's figure as context at most.
FIGURE_NAMED = N_("the rural per-capita disposable income of {place} for {year} (农村常住居民人均可支配收入)")
FIGURE_NAMED_NO_PLACE = N_("the rural per-capita disposable income of your city for {year} (农村常住居民人均可支配收入)")
FIGURE_PLAIN = N_(
    "The amount is not shown because it depends on {figure}: the average yearly income, after taxes and "
    "social-insurance contributions, of a person living in the countryside of that city. We do not have it. {where}"
)
FIGURE_CONTEXT = N_(
    "For comparison only: the whole region's figure for {year} was {amount}. It is not your amount, which uses "
    "your city's own figure."
)


def figure_name(figure: dict[str, Any], page: Page) -> str:
    """The figure with its place and year: "固原市2018年农村常住居民人均可支配收入"."""
    if figure.get("place"):
        return page._(FIGURE_NAMED).format(place=place_name(figure["place"], page.lang), year=figure["year"])
    return page._(FIGURE_NAMED_NO_PLACE).format(year=figure["year"])


def figure_text(figure: dict[str, Any], page: Page) -> str:
    """A missing figure in words a person can act on: which figure, of which year, where it is published."""
    _ = page._
    where = _(figure["published_in"])
    if figure.get("year") is None:
        return _("Missing figure: {label}. {where}").format(label=_(figure["label"]), where=where)
    text = _(FIGURE_PLAIN).format(figure=figure_name(figure, page), where=where)
    context = figure.get("context")
    if context:
        text = fmt.sentences([text, _(FIGURE_CONTEXT).format(year=context["year"],
                                                              amount=fmt.money(context["amount"], page.lang))],
                             page.lang)
    return text
