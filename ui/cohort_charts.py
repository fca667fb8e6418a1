"""Charts of the institutions' and brokers' pages: who receives what against a count.

Charts take rows the engine computed and labels already translated; they compute nothing. Each chart has a
table beside it on the page, and colour is never the only signal (each line is named in the legend and the
tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from ui import format as fmt
from ui.charts import BAR_COLOUR, chart_wanted, layered, spec
from ui.employer_charts import MARK_COLOUR, SUBSIDY_COLOUR
from ui.frame import Page


def payee_lines(rows: Sequence[dict[str, Any]], *, count: str, amount: str, payee: str,
                series: Sequence[str], you: int | None = None, height: int = 300) -> dict[str, Any]:
    """One line per payee (``series``, keys of each row) against ``count``; the visitor's count as a rule."""
    long = pd.DataFrame([{count: r["count"], payee: name, amount: r[name]} for r in rows for name in series])
    colours = alt.Scale(domain=list(series), range=[BAR_COLOUR, SUBSIDY_COLOUR, "#4a5560"][: len(series)])
    x = alt.X(f"{count}:Q", title=count, axis=alt.Axis(tickMinStep=1, format=",.0f"))
    y = alt.Y(f"{amount}:Q", title=amount, axis=alt.Axis(format=",.0f"))
    lines = alt.Chart(long).mark_line(point=True, strokeWidth=3).encode(
        x=x, y=y, color=alt.Color(f"{payee}:N", scale=colours, legend=alt.Legend(orient="bottom", title=None)),
        strokeDash=alt.StrokeDash(f"{payee}:N", legend=None),
        tooltip=[alt.Tooltip(f"{payee}:N"), alt.Tooltip(f"{count}:Q", format=",.0f"),
                 alt.Tooltip(f"{amount}:Q", format=",.0f")])
    layers: list[Any] = [lines]
    if you is not None:
        layers.append(alt.Chart(pd.DataFrame({count: [you]})).mark_rule(color=MARK_COLOUR, strokeWidth=2)
                      .encode(x=f"{count}:Q"))
    return layered(*layers, height=height)


def counts_to_show(span: int, you: int, most: int = 20) -> list[int]:
    """About ``most`` evenly spaced counts from 0 to ``span``, with ``span`` and the visitor's ``you``."""
    step = max(1, -(-span // most))
    return sorted({*range(0, span + 1, step), span, you})


def chart_and_table(page: Page, key: str, rows: Sequence[dict[str, Any]], *, count: str, series: Sequence[str],
                    you: int, note: str | None = None) -> None:
    """The figures as a table (money and counts written by Babel) and, when asked for, the payee lines beside it."""
    _ = page._
    table = {count: [fmt.number(r["count"], page.lang) for r in rows]}
    table.update({name: [fmt.money(r[name], page.lang) for r in rows] for name in series})
    if not chart_wanted(page, key):
        st.table(table)
        return
    chart_side, table_side = st.columns([3, 2])
    with chart_side:
        st.vega_lite_chart(spec(payee_lines, list(rows), count=count, amount=_("Yuan"), payee=_("Paid to"),
                                series=tuple(series), you=you), width="stretch")
        if note:
            st.caption(fmt.md_escape(note))
    with table_side:
        st.table(table)
