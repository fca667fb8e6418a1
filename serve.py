"""The site on one machine, compressed: ``streamlit run serve.py`` (what ``make run`` does).

Streamlit's app for ``streamlit_app.py`` and its pages, with :class:`ui.serving.SiteServing` in front: scripts,
styles and fonts gzip-compressed, and a first HTML in the visitor's language that says the site is opening.
Behind nginx (``deploy/``) every process runs this file the same way.
"""

import streamlit as st
from starlette.middleware import Middleware

from ui.serving import SiteServing

app = st.App("streamlit_app.py", middleware=[Middleware(SiteServing)])
