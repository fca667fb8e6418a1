"""The minimal Streamlit page the site's pages are compared with in bench/site_bench.py.

Served the same way as the site (same ``streamlit run`` flags, same ``.streamlit/config.toml``). The number
input is there only so that a rerun can be measured the same way as on the site's pages (type, press Enter).
"""

import streamlit as st

st.write("hello")
st.number_input("n", min_value=0, value=0, step=1, key="n")
