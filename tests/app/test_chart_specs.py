"""The charts' Vega-Lite specs: built a layer at a time (ui.charts.layered), they are what Altair's own layering
gives, and each chart of the site is valid against the Vega-Lite schema (the pages skip validation for speed)."""

from __future__ import annotations

from datetime import date

import altair as alt
import jsonschema
import pandas as pd
import pytest

from engine import employer as emp
from ui import charts, cohort_charts, employer_charts

ON = date(2019, 6, 1)
FACTS = {"employer.carrier": "workshop", "employer.located_in": "poor_village"}


def test_layered_is_what_altair_layering_gives():
    rows = pd.DataFrame({"n": [0, 10, 20], "yuan": [0, 2000, 4000]})
    you = pd.DataFrame({"n": [10], "yuan": [2000], "label": ["you"]})
    line = alt.Chart(rows).mark_line().encode(x="n:Q", y="yuan:Q")
    label = alt.Chart(you).mark_text(dx=8).encode(x="n:Q", y="yuan:Q", text="label:N")
    expected = alt.layer(line, label).properties(height=300).configure_view(strokeWidth=0).to_dict(validate=False)
    assert charts.layered(line, label, height=300) == expected


def grant() -> dict:
    you = employer_charts.Marker(40, 30_000, "You")
    following = employer_charts.Marker(100, 60_000, "Next")
    overlap = employer_charts.Marker(100, 60_000, "100")
    return employer_charts.grant_steps(emp.grant_curve(FACTS, ON, 40), hires="Hires", amount="Grant", you=you,
                                       following=following, overlap=overlap)


def support() -> dict:
    rows = emp.support_curve({**FACTS, "employer.kind": "sme", "employer.monthly_contribution": 500}, ON, 40)
    return employer_charts.support_areas(rows, hires="Hires", amount="Support", grant="Grant", subsidy="Subsidy",
                                         you=employer_charts.Marker(40, 30_000, "You"))


def payees() -> dict:
    rows = [{"count": n, "School": 6000 * n, "Students": 3000 * n} for n in range(0, 41, 10)]
    return cohort_charts.payee_lines(rows, count="Passed", amount="Yuan", payee="Paid to",
                                     series=("School", "Students"), you=35)


def timeline() -> dict:
    rows = [{"month": m, "amount": 800 if m >= 12 else 0} for m in range(25)]
    return charts.timeline_chart(rows, month="Months", amount="Yuan", rule_month=12, rule_label="claimable",
                                 now=10, now_label="you are here", end_month=20, end_label="policy ends")


def scenarios() -> dict:
    rows = [{"label": "Another province", "amount": 800, "status_text": "You can apply", "amount_text": "800元",
             "status": "eligible", "eligible": True},
            {"label": "Home county", "amount": 0, "status_text": "Not for you", "amount_text": "0元",
             "status": "not_eligible", "eligible": False}]
    return charts.scenario_chart(rows, label="Choice", amount="Yuan", status="Status", money=str)


@pytest.mark.parametrize("build", [grant, support, payees, timeline, scenarios])
def test_every_chart_is_valid_vega_lite(build):
    spec = build()
    jsonschema.validate(spec, alt.vegalite.v6.schema.core.load_schema())
    assert spec["config"]["view"]["strokeWidth"] == 0
    assert all(layer["data"]["name"] in spec["datasets"] for layer in spec["layer"])
