"""Charts of the employers' page: the workshop grant's steps, and total support against hires.

Charts take rows the engine computed (``engine.employer``) and labels already translated; they
compute nothing. Each chart has a table beside it on the page, and colour is never the only signal:
the employer's position and the next band are written on the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd

from ui.charts import BAR_COLOUR, MUTED_COLOUR, layered

MARK_COLOUR = "#b5480b"  # the employer's own position: 5.1:1 on white
SUBSIDY_COLOUR = "#6a9fc4"
TEXT_COLOUR = "#222222"


@dataclass(frozen=True)
class Marker:
    """A point written on a chart: where, and what it says."""

    x: float
    y: float
    text: str


def _label_layers(marker: Marker, *, x: Any, y: Any, names: tuple[str, str], span: float, colour: str,
                  dy: int) -> list[alt.Chart]:
    """A text label beside a point, kept inside the chart (right-aligned on the right half), on a white halo
    so that it stays readable where it crosses a line."""
    align = "right" if marker.x > span * 0.55 else "left"
    frame = pd.DataFrame({names[0]: [marker.x], names[1]: [marker.y], "label": [marker.text]})
    style = {"align": align, "dx": -8 if align == "right" else 8, "dy": dy, "fontSize": 13, "fontWeight": "bold",
             "lineBreak": "\n", "baseline": "bottom" if dy < 0 else "top"}
    base = alt.Chart(frame).encode(x=x, y=y, text="label:N")
    halo = base.mark_text(**style, stroke="white", strokeWidth=5, strokeJoin="round", color="white")
    return [halo, base.mark_text(**style, color=colour)]


def grant_steps(rows: Sequence[dict[str, Any]], *, hires: str, amount: str, you: Marker | None,
                following: Marker | None, overlap: Marker | None, height: int = 320) -> dict[str, Any]:
    """The grant as a step line against qualifying hires, the employer's position and the next band."""
    frame = pd.DataFrame({hires: [r["hires"] for r in rows], amount: [r["amount"] for r in rows]})
    span = float(frame[hires].max())
    top = float(frame[amount].max() or 1)
    x = alt.X(f"{hires}:Q", title=hires, scale=alt.Scale(domain=[0, span], nice=False),
              axis=alt.Axis(tickMinStep=1, format=",.0f"))
    y = alt.Y(f"{amount}:Q", title=amount, scale=alt.Scale(domain=[0, top * 1.18]), axis=alt.Axis(format=",.0f"))
    layers: list[alt.Chart] = [
        alt.Chart(frame).mark_line(interpolate="step-after", strokeWidth=3, color=BAR_COLOUR).encode(
            x=x, y=y, tooltip=[alt.Tooltip(f"{hires}:Q", format=",.0f"), alt.Tooltip(f"{amount}:Q", format=",.0f")]),
    ]
    if overlap is not None:
        rule = pd.DataFrame({hires: [overlap.x]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[4, 4], color=MUTED_COLOUR).encode(x=f"{hires}:Q"))
        layers += _label_layers(Marker(overlap.x, top * 1.12, overlap.text), x=x, y=y, names=(hires, amount),
                                span=span, colour="#4a5560", dy=0)
    if following is not None:
        point = pd.DataFrame({hires: [following.x], amount: [following.y]})
        layers.append(alt.Chart(point).mark_point(size=90, shape="diamond", filled=True, color=BAR_COLOUR)
                      .encode(x=x, y=y))
        layers += _label_layers(following, x=x, y=y, names=(hires, amount), span=span, colour=BAR_COLOUR, dy=-14)
    if you is not None:
        point = pd.DataFrame({hires: [you.x], amount: [you.y]})
        layers.append(alt.Chart(point).mark_point(size=140, filled=True, color=MARK_COLOUR).encode(x=x, y=y))
        near_axis = you.y < top * 0.15  # below the point would sit on the axis labels
        layers += _label_layers(you, x=x, y=y, names=(hires, amount), span=span, colour=MARK_COLOUR,
                                dy=-12 if near_axis else 16)
    return layered(*layers, height=height)


def support_areas(rows: Sequence[dict[str, Any]], *, hires: str, amount: str, grant: str, subsidy: str | None,
                  you: Marker | None, height: int = 300) -> dict[str, Any]:
    """Grant and subsidy stacked against hires that count for both, with the employer's position.

    ``subsidy`` is ``None`` when the subsidy is not known: the chart shows the grant alone.
    """
    records = [{hires: r["hires"], amount: r["grant"] or 0, "part": grant, "order": 0} for r in rows]
    if subsidy is not None:
        records += [{hires: r["hires"], amount: r["subsidy"] or 0, "part": subsidy, "order": 1} for r in rows]
    long = pd.DataFrame(records)
    parts = [grant] if subsidy is None else [grant, subsidy]
    span = float(long[hires].max())
    x = alt.X(f"{hires}:Q", title=hires, scale=alt.Scale(domain=[0, span], nice=False), axis=alt.Axis(format=",.0f"))
    y = alt.Y(f"sum({amount}):Q", title=amount, stack="zero", axis=alt.Axis(format=",.0f"))
    areas = alt.Chart(long).mark_area(interpolate="step-after", opacity=0.9).encode(
        x=x, y=y,
        color=alt.Color("part:N", title=None, sort=parts,
                        scale=alt.Scale(domain=parts, range=[BAR_COLOUR, SUBSIDY_COLOUR][:len(parts)]),
                        legend=alt.Legend(orient="top", direction="vertical", labelLimit=320)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip(f"{hires}:Q", format=",.0f"), alt.Tooltip("part:N", title=" "),
                 alt.Tooltip(f"{amount}:Q", format=",.0f")],
    )
    layers: list[alt.Chart] = [areas]
    if you is not None:
        point = pd.DataFrame({hires: [you.x], amount: [you.y]})
        y_plain = alt.Y(f"{amount}:Q")
        layers.append(alt.Chart(point).mark_point(size=140, filled=True, color=MARK_COLOUR)
                      .encode(x=x, y=y_plain))
        layers += _label_layers(you, x=x, y=y_plain, names=(hires, amount), span=span, colour=MARK_COLOUR, dy=-14)
    return layered(*layers, height=height)
