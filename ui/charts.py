"""Altair charts with labels in the visitor's language; every chart has a table beside it.

Charts take rows the engine computed and translated labels; they compute nothing themselves.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from ui.frame import Page

# Colour is never the only signal: bars carry their amount as text, and status is a word.
BAR_COLOUR = "#1f5f8b"
MUTED_COLOUR = "#9aa5b1"
VIEW_CONFIG = {"view": {"continuousWidth": 300, "continuousHeight": 300, "strokeWidth": 0}}


def chart_wanted(page: Page, key: str) -> bool:
    """Whether the visitor asked for the chart (a switch, off at first).

    Vega's code is 260 KB compressed and takes seconds to start on a cheap phone; the page's first screen does
    not wait for it. Every chart's figures are in a table drawn whether or not the chart is.
    """
    return st.toggle(page._("Show as a chart"), key=f"{key}_chart_shown")


def layered(*charts: alt.Chart, height: int | dict[str, int]) -> dict[str, Any]:
    """Single-mark charts drawn over each other, as one Vega-Lite spec (a dict for ``st.vega_lite_chart``).

    The spec ``alt.layer(*charts).properties(height=height).configure_view(strokeWidth=0)`` gives, built one
    chart at a time: ``alt.layer`` deep-copies every layer and merges their parameters, which made a chart of
    eight layers cost 0.1 s on each rerun that changed it (docs/performance.md); this costs a fifth of that.
    """
    layers, datasets = [], {}
    for chart in charts:
        one = chart.to_dict(validate=False)
        datasets.update(one.pop("datasets", {}))
        one.pop("$schema", None)
        one.pop("config", None)
        layers.append(one)
    return {"config": VIEW_CONFIG, "layer": layers, "height": height, "$schema": alt.SCHEMA_URL, "datasets": datasets}


def scenario_chart(rows: Sequence[dict[str, Any]], *, label: str, amount: str, status: str,
                   money: Callable[[float], str]) -> dict[str, Any]:
    """Horizontal bars: what each choice brings in the first year, with the amount written on it."""
    frame = pd.DataFrame(
        {label: [r["label"] for r in rows], amount: [r["amount"] for r in rows],
         status: [r["status_text"] for r in rows], "text": [r["amount_text"] for r in rows],
         "eligible": [r["eligible"] for r in rows]}
    )
    base = alt.Chart(frame).encode(
        y=alt.Y(f"{label}:N", sort=None, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X(f"{amount}:Q", title=amount, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{label}:N"), alt.Tooltip("text:N", title=amount), alt.Tooltip(f"{status}:N")],
    )
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        color=alt.condition(alt.datum.eligible, alt.value(BAR_COLOUR), alt.value(MUTED_COLOUR))
    )
    text = base.mark_text(align="left", dx=4, fontSize=13).encode(text="text:N")
    return layered(bars, text, height={"step": 38})


def timeline_chart(rows: Sequence[dict[str, Any]], *, month: str, amount: str, rule_month: int | None,
                   rule_label: str, now: int | None = None, now_label: str = "", end_month: int | None = None,
                   end_label: str = "") -> dict[str, Any]:
    """A step line of what the months in a job unlock, with the month it starts and the policy's end marked."""
    frame = pd.DataFrame({month: [r["month"] for r in rows], amount: [r["amount"] for r in rows]})
    line = alt.Chart(frame).mark_line(interpolate="step-after", strokeWidth=3, color=BAR_COLOUR, point=True).encode(
        x=alt.X(f"{month}:Q", title=month, axis=alt.Axis(tickMinStep=1)),
        y=alt.Y(f"{amount}:Q", title=amount, axis=alt.Axis(format=",.0f")),
        tooltip=[alt.Tooltip(f"{month}:Q"), alt.Tooltip(f"{amount}:Q", format=",.0f")],
    )
    layers = [line]
    if rule_month is not None:
        marker = pd.DataFrame({month: [rule_month], "label": [rule_label]})
        layers.append(alt.Chart(marker).mark_rule(strokeDash=[4, 4], color="#444").encode(x=f"{month}:Q"))
        layers.append(alt.Chart(marker).mark_text(align="right", dx=-6, fontSize=13, color="#222").encode(
            x=f"{month}:Q", y=alt.value(130), text="label:N"))
    if end_month is not None:
        end = pd.DataFrame({month: [end_month], "label": [end_label]})
        layers.append(alt.Chart(end).mark_rule(color="#b3261e", strokeWidth=2).encode(x=f"{month}:Q"))
        layers.append(alt.Chart(end).mark_text(align="left", dx=6, fontSize=13, color="#b3261e").encode(
            x=f"{month}:Q", y=alt.value(20), text="label:N"))
    if now is not None:
        here = pd.DataFrame({month: [now], "label": [now_label]})
        layers.append(alt.Chart(here).mark_point(shape="triangle-up", size=160, filled=True, color="#b3261e")
                      .encode(x=f"{month}:Q", y=alt.value(250)))
        layers.append(alt.Chart(here).mark_text(align="left", dx=8, fontSize=13, color="#b3261e").encode(
            x=f"{month}:Q", y=alt.value(236), text="label:N"))
    return layered(*layers, height=260)


@st.cache_data(max_entries=512, show_spinner=False)
def _cached_spec(builder: str, args: tuple, kwargs: tuple) -> dict:
    module, name = builder.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)(*args, **dict(kwargs))


def spec(builder: Callable, *args: Any, **kwargs: Any) -> dict:
    """The Vega-Lite spec ``builder(*args, **kwargs)`` returns, for ``st.vega_lite_chart``: built once per
    distinct input for all sessions (inputs are small and hold no personal data), without Altair's schema
    validation."""
    return _cached_spec(f"{builder.__module__}.{builder.__qualname__}", args, tuple(sorted(kwargs.items())))
