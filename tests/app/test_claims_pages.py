"""Every claim a page makes is the engine's, for generated visitors of every page in both languages.

The visitors are ``bench/promise_audit.py``'s profiles near each article's thresholds, turned into the query each
page reads (and, on the brokers' page, the widgets of the “4050” section), with some answers left out: a fixed
sample here (a few seconds of CPU a page), the big sweep in ``bench/promise_audit.py --pages N``. Each finding
names the page, the language, the query, where the claim is, what the page says and what the engine says for the
facts given (``tests/claims.py``).
"""

from __future__ import annotations

import pytest

from i18n import LOCALES
from tests import claims

SEED = 2026
SAMPLE = {"resident": 24, "employer": 16, "institution": 8, "broker": 8}
VISITS = [(page, lang, index, params, widgets)
          for page, count in SAMPLE.items()
          for index, (params, widgets) in enumerate(claims.visitors(page, count, SEED))
          for lang in LOCALES]


@pytest.mark.parametrize(("page", "lang", "index", "params", "widgets"), VISITS,
                         ids=[f"{page}-{lang}-{index}" for page, lang, index, _p, _w in VISITS])
def test_every_claim_on_the_page_is_the_engines(page, lang, index, params, widgets):
    report = claims.check_visit(claims.PAGES[page], lang, params, widgets)
    assert sum(report.checked.values()) > 0, "the page made no claim the checker could read"
    if report.findings:
        pytest.fail(f"{len(report.findings)} claim(s) the engine does not make:\n"
                    + "\n".join(str(f) for f in report.findings[:40]), pytrace=False)
