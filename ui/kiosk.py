"""Kiosk mode: the site on a shared touch screen at a job fair.

Turned on by ``?kiosk=1`` (kept for the session, ``?kiosk=0`` turns it off) or, on a dedicated
machine, by the environment variable ``ZIZHUTONG_KIOSK=1`` (then always on). In kiosk mode:

- large touch targets (at least 48 px) and a larger base font;
- Streamlit's menu, toolbar, "Deploy" and the sidebar are hidden; a Home button and big role
  buttons on the home page take their place;
- numbers are answered on an on-screen keypad: no keyboard is needed anywhere;
- after ``ZIZHUTONG_KIOSK_IDLE_SECONDS`` (default 120) without a touch, a countdown shows for
  ``ZIZHUTONG_KIOSK_WARNING_SECONDS`` (default 30, at most half the idle time) and then the
  browser loads the home page afresh: a new session, nothing of the last visitor left;
- no file downloads.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

import streamlit as st

KIOSK_KEY = "kiosk"  # the query parameter and the session-state key
ENV_KIOSK = "ZIZHUTONG_KIOSK"
ENV_IDLE = "ZIZHUTONG_KIOSK_IDLE_SECONDS"
ENV_WARNING = "ZIZHUTONG_KIOSK_WARNING_SECONDS"
DEFAULT_IDLE_SECONDS = 120
DEFAULT_WARNING_SECONDS = 30
MIN_IDLE_SECONDS = 4
TRUE_WORDS = {"1", "true", "yes", "on"}

# Touch targets of at least 48 px (3rem at 16 px; the kiosk's base font is larger still).
CSS = """
html { font-size: 20px; }
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stMainMenu"],
[data-testid="stAppDeployButton"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stDownloadButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { max-width: 64rem; padding-top: 1.5rem; padding-bottom: 4rem; }
[data-testid="stMain"] button, [data-testid="stMain"] [data-testid="stPageLink"] a {
  min-height: 3rem; min-width: 3rem; user-select: none; }
[data-testid="stMain"] [data-testid="stPageLink"] a { display: flex; align-items: center; padding: 0.25rem 0.75rem; }
[data-testid="stRadioOption"] { min-height: 3rem; display: flex; align-items: center;
  padding: 0.25rem 1rem 0.25rem 0.75rem; border: 1px solid #6b7785; border-radius: 0.5rem; margin: 0 0.5rem 0.5rem 0; }
[data-testid="stRadioOption"] > div { align-items: center; }
[data-testid="stRadioOption"] p, [data-testid="stMain"] button p { font-size: 1.1rem !important; }
[data-testid="stExpander"] summary { min-height: 3rem; align-items: center; }
[data-testid="stNumberInputContainer"], [data-baseweb="select"] > div, [data-testid="stDateInputField"] {
  min-height: 3rem; }
[data-testid="stNumberInputStepDown"], [data-testid="stNumberInputStepUp"] { min-width: 3rem !important;
  min-height: 3rem; }
.linked-list a { display: inline-block; min-height: 3rem; line-height: 3rem; }
[data-testid="stMarkdownContainer"] li > a:only-child, [data-testid="stMarkdownContainer"] p > a:only-child {
  display: inline-flex; align-items: center; min-height: 3rem; }
div[class*="st-key-role_"] [data-testid="stPageLink"] a { min-height: 5rem; font-size: 1.4rem; font-weight: 600;
  border: 2px solid #1f5f8b; border-radius: 0.75rem; justify-content: center; }
div[class*="st-key-role_"] [data-testid="stPageLink"] a p { font-size: 1.4rem; }
div[class*="st-key-role_"] [data-testid="stPageLink"] a [data-testid="stIconMaterial"] { font-size: 2rem !important; }
div[class*="st-key-role_"] { height: 100%; justify-content: space-between; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p, div[class*="_keypad"] > div > div:first-child p {
  font-size: 1.15rem !important; font-weight: 600; }
.kiosk-keypad-value.empty { font-size: 1.1rem; font-weight: 400; color: #4a5560; }
.kiosk-keypad-value { font-size: 1.6rem; font-weight: 700; border: 2px solid #1a1d21; border-radius: 0.5rem;
  padding: 0.25rem 1rem; min-width: 8rem; text-align: right; display: inline-block; }
div[class*="_keypad"] button { min-width: 5.5rem; min-height: 4rem; }
div[class*="_keypad"] button p { font-size: 1.6rem !important; font-weight: 600; }
div[class*="_key_back"] button p, div[class*="_key_clear"] button p { font-size: 1.2rem !important; }
div[class*="_keypad"] button[data-testid="stBaseButton-secondary"]:active { background: #dbe7f0; }
.takeaway-qr { width: 14.5rem; }
.takeaway-print { min-height: 3rem; }
/* The countdown is a bar along the bottom of the screen: the result and its QR code stay visible above it. */
#kiosk-idle { position: fixed; left: 0; right: 0; bottom: 0; z-index: 1000001; display: flex;
  justify-content: center; pointer-events: none; }
#kiosk-idle[hidden] { display: none; }
#kiosk-idle > div { background: #fff; color: #1a1d21; border: 3px solid #1f5f8b; border-radius: 1rem 1rem 0 0;
  padding: 1rem 2rem; max-width: 40rem; margin: 0 1rem; text-align: center; font-size: 1.2rem;
  box-shadow: 0 -4px 16px rgba(0, 0, 0, 0.25); pointer-events: auto; }
#kiosk-idle p { margin: 0.25rem 0; }
#kiosk-idle .kiosk-idle-count { font-size: 2.2rem; font-weight: 700; }
#kiosk-idle button { min-height: 3.5rem; min-width: 10rem; font-size: 1.3rem; border-radius: 0.5rem; border: 0;
  background: #1f5f8b; color: #fff; cursor: pointer; }
"""

# Installed once per browser document; a later run only updates its settings (language, home).
# Streamlit's HTML sanitiser drops a script whose text has "<" before a letter: build nodes with
# createElement, never with markup in strings.
IDLE_SCRIPT = """
<script>
(function () {
  const settings = %s;
  window.zztKiosk = settings;
  // After a reset, Back must not bring the last visitor's page again: a page reached by Back or Forward (or
  // restored from the back-forward cache) once this tab has been reset goes home instead.
  function backAfterReset() {
    const reset = Number(sessionStorage.getItem("zztKioskReset") || 0);
    const entry = performance.getEntriesByType("navigation")[0];
    return reset > 0 && entry && entry.type === "back_forward";
  }
  if (backAfterReset()) { window.location.replace(settings.home); return; }
  if (!window.zztKioskShown) {
    window.zztKioskShown = true;
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && Number(sessionStorage.getItem("zztKioskReset") || 0) > 0) {
        window.location.replace(window.zztKiosk.home);
      }
    });
  }
  if (window.zztKioskTimer) { return; }
  let last = Date.now();
  let box = null;
  function make(tag, parent, attributes) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(function (pair) { element.setAttribute(pair[0], pair[1]); });
    parent.appendChild(element);
    return element;
  }
  function overlay() {
    if (box) { return box; }
    box = make("div", document.body, {id: "kiosk-idle"});
    box.hidden = true;
    const dialog = make("div", box, {role: "alertdialog", "aria-modal": "true",
                                     "aria-labelledby": "kiosk-idle-title", "aria-describedby": "kiosk-idle-text"});
    make("strong", make("p", dialog, {id: "kiosk-idle-title"}));
    make("p", dialog, {"class": "kiosk-idle-count", "aria-live": "assertive"});
    make("p", dialog, {id: "kiosk-idle-text"});
    make("button", dialog, {type: "button"});
    return box;
  }
  function touched() {
    last = Date.now();
    if (box && !box.hidden) { box.hidden = true; }
  }
  ["pointerdown", "touchstart", "keydown", "wheel"].forEach(function (name) {
    document.addEventListener(name, touched, {capture: true, passive: true});
  });
  window.zztKioskTimer = setInterval(function () {
    const s = window.zztKiosk;
    const left = Math.ceil(s.idle - (Date.now() - last) / 1000);
    if (left <= 0) {
      clearInterval(window.zztKioskTimer);
      sessionStorage.setItem("zztKioskReset", String(Date.now()));
      sessionStorage.setItem("zztKioskHome", s.home);  // for the first HTML's own check (ui/serving.py)
      window.location.replace(s.home);
      return;
    }
    if (left <= s.warning) {
      const o = overlay();
      o.querySelector("strong").textContent = s.title;
      o.querySelector(".kiosk-idle-count").textContent = s.count.replace("{seconds}", left);
      o.querySelector("#kiosk-idle-text").textContent = s.text;
      o.querySelector("button").textContent = s.button;
      if (o.hidden) { o.hidden = false; o.querySelector("button").focus(); }
    }
  }, 250);
})();
</script>
"""


def machine_kiosk() -> bool:
    """The machine is a dedicated kiosk (``ZIZHUTONG_KIOSK=1``): kiosk mode always, for everyone."""
    return os.environ.get(ENV_KIOSK, "").strip().lower() in TRUE_WORDS


def active() -> bool:
    """Is this session in kiosk mode? ``?kiosk=1`` turns it on for the session, ``?kiosk=0`` off."""
    if machine_kiosk():
        return True
    requested = st.query_params.get(KIOSK_KEY)
    if requested is not None:
        st.session_state[KIOSK_KEY] = requested.strip().lower() in TRUE_WORDS
    return bool(st.session_state.get(KIOSK_KEY, False))


def _seconds(name: str, default: int) -> int:
    try:
        return int(float(os.environ.get(name, "")))
    except ValueError:
        return default


def idle_seconds() -> int:
    """Seconds without a touch before the session is cleared (``ZIZHUTONG_KIOSK_IDLE_SECONDS``)."""
    return max(MIN_IDLE_SECONDS, _seconds(ENV_IDLE, DEFAULT_IDLE_SECONDS))


def warning_seconds() -> int:
    """Seconds of visible countdown before the clearing: at most half the idle time."""
    return max(1, min(_seconds(ENV_WARNING, DEFAULT_WARNING_SECONDS), idle_seconds() // 2))


def keep_in_url() -> None:
    """Put ``kiosk=1`` back in the address after Streamlit cleared it on a change of page."""
    if st.query_params.get(KIOSK_KEY) != "1":
        st.query_params[KIOSK_KEY] = "1"


def home_url(lang: str) -> str:
    """The home page of this server in kiosk mode and ``lang``, as a path (``/?kiosk=1&lang=en``)."""
    path = urlsplit(st.context.url or "").path or "/"
    pages = ("resident", "employer", "institution", "broker", "policy")
    head, _sep, tail = path.rstrip("/").rpartition("/")
    base = head if tail in pages else path.rstrip("/")
    return f"{base}/?{urlencode({KIOSK_KEY: '1', 'lang': lang})}"


def setup(page) -> None:
    """Kiosk styles and the idle timer; call once per run from the frame, in kiosk mode only."""
    _ = page._
    keep_in_url()
    st.html(f"<style>{CSS}</style>")
    settings = {
        "idle": idle_seconds(), "warning": warning_seconds(), "home": home_url(page.lang),
        # TRANSLATORS: kiosk mode: the title of the warning shown to a visitor who stopped touching the screen.
        "title": _("Are you still there?"),
        # TRANSLATORS: kiosk mode: the countdown; keep {seconds} as it is.
        "count": _("{seconds} s"),
        "text": _("For your privacy, this screen will soon clear your answers and return to the start for the "
                  "next visitor. Touch anywhere to continue."),
        "button": _("Continue"),
    }
    with st.sidebar:  # the sidebar is hidden in kiosk mode; the script runs all the same
        st.html(IDLE_SCRIPT % json.dumps(settings, ensure_ascii=False), unsafe_allow_javascript=True)


def _parse(text: str, whole: bool) -> float | int | None:
    if text in ("", "."):
        return None
    return int(text) if whole else float(text)


def _press(key: str, symbol: str, whole: bool, bounds: tuple[float, float],
           on_change: Callable[[float | int | None], None]) -> None:
    """A keypad key: digits append, "." starts decimals, "back" deletes one, "clear" empties. A number below
    ``bounds`` is (minimum, maximum): a number below the minimum is the start of one ("19" of a year), kept on the
    display but not yet an answer; one above the maximum is not taken."""
    minimum, maximum = bounds
    text = st.session_state.get(key, "")
    if symbol == "clear":
        text = ""
    elif symbol == "back":
        text = text[:-1]
    elif symbol == ".":
        if whole or "." in text:
            return
        text = (text or "0") + "."
    else:
        text = symbol if text == "0" else text + symbol
    value = _parse(text, whole)
    if value is not None and value > maximum:
        return  # a number too large is not taken; the display shows the last good one
    st.session_state[key] = text
    on_change(None if value is not None and value < minimum else value)


def number_pad(label: str, value: float | int | None, *, key: str, maximum: float, whole: bool,
               on_change: Callable[[float | int | None], None], shown: str, delete_label: str,
               clear_label: str, help_text: str | None = None, minimum: float = 0) -> None:
    """A number answered by taps on big keys (0-9, "." for decimals, delete, clear).

    ``value`` is the current answer; ``shown`` is how it is written for the visitor ("45 years of
    age"); every tap calls ``on_change`` with the new value (``None`` when empty).
    """
    buffer_key = f"{key}_typed"
    text = st.session_state.get(buffer_key)
    typed = None if text is None else _parse(text, whole)
    begun = value is None and typed is not None and typed < minimum  # "19" of a year being typed
    if text is None or (typed != value and not begun):
        text = "" if value is None else (str(int(value)) if float(value).is_integer() else str(value))
        st.session_state[buffer_key] = text
    if begun:
        shown = text
    with st.container(border=True, key=f"{key}_keypad"):
        st.markdown(f"**{label}**", help=help_text)
        empty = " empty" if value is None else ""
        st.html(f'<p><output class="kiosk-keypad-value{empty}" aria-live="polite">{html.escape(shown)}</output></p>')
        rows = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("0",) if whole else ("0", "."))
        for row in rows:
            with st.container(horizontal=True, gap="small"):
                for symbol in row:
                    st.button(symbol, key=f"{key}_key_{'dot' if symbol == '.' else symbol}", on_click=_press,
                              args=(buffer_key, symbol, whole, (minimum, maximum), on_change))
        with st.container(horizontal=True, gap="small"):
            st.button(delete_label, key=f"{key}_key_back", icon=":material/backspace:", on_click=_press,
                      args=(buffer_key, "back", whole, (minimum, maximum), on_change))
            st.button(clear_label, key=f"{key}_key_clear", icon=":material/clear:", on_click=_press,
                      args=(buffer_key, "clear", whole, (minimum, maximum), on_change))
