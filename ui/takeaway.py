"""Take a result away: a QR code of the page's address, the address as text, and a print button.

The address holds the page's answers (no name, ID number or phone number is ever asked), so a
phone that scans the code opens the same result. Kiosk mode is left out of the address: the
phone shows the ordinary site. Behind a proxy, or where phones reach the kiosk by another name
than the kiosk itself (``localhost``), ``ZIZHUTONG_PUBLIC_URL`` gives the address phones use
(``https://zizhutong.example.cn``); the page's path and query are put after it.

For any page: ``from ui import takeaway; takeaway.offer(page)``.
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
from collections.abc import Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st
import zxingcpp
from PIL import Image

from ui import answers, url_state
from ui import format as fmt
from ui.frame import LANG_KEY
from ui.kiosk import KIOSK_KEY

ENV_PUBLIC_URL = "ZIZHUTONG_PUBLIC_URL"
# Query parameters that are about this screen, not about the result.
NOT_IN_LINK = (KIOSK_KEY,)
QR_ERROR = "M"  # 15 % of the code can be lost (a smudge or a glare) and it still reads
QR_SCALE = 5  # pixels per module in the image; the image is scaled on screen and in print

PRINT_SCRIPT = """
<script>
(function () {
  const button = document.getElementById(%s);
  if (!button || button.dataset.ready) { return; }
  button.dataset.ready = "1";
  button.addEventListener("click", function () {
    const source = document.getElementById(%s);
    if (!source) { window.print(); return; }
    const frame = document.createElement("iframe");
    frame.setAttribute("aria-hidden", "true");
    frame.style.position = "fixed"; frame.style.width = "0"; frame.style.height = "0"; frame.style.border = "0";
    frame.srcdoc = new TextDecoder().decode(Uint8Array.from(atob(source.dataset.doc), c => c.charCodeAt(0)));
    frame.onload = function () {
      frame.contentWindow.focus();
      frame.contentWindow.print();
      setTimeout(function () { frame.remove(); }, 60000);
    };
    document.body.appendChild(frame);
  });
})();
</script>
"""


def link(params: Mapping[str, str] | None = None) -> str:
    """The address of this page with ``params`` (default: the current query), without kiosk mode, holding
    only the page's known answers (:func:`known_answers`)."""
    parts = urlsplit(st.context.url or "")
    query = known_answers(st.query_params.to_dict() if params is None else params)
    scheme, netloc, path = parts.scheme, parts.netloc, parts.path
    public = os.environ.get(ENV_PUBLIC_URL, "").strip()
    if public:
        base = urlsplit(public)
        scheme, netloc, path = base.scheme, base.netloc, base.path.rstrip("/") + (path or "/")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def known_answers(params: Mapping[str, str]) -> dict[str, str]:
    """The parameters of ``params`` that are this site's answers: the language, a calculator's kept values
    (ui/url_state.py) and a resident's valid answers (ui/answers.py); nothing else a link happened to carry.
    2.4 KB of junk in an address made the QR code impossible to draw (and the page stopped there)."""
    facts, _rejected = answers.read_answers(params)
    known = {LANG_KEY, answers.STEP_KEY, *url_state.kept_params(), *(answers.url_key(f) for f in facts)}
    if params.get(answers.YEAR_KEY) in answers.YEAR_CHOICES:
        known.add(answers.YEAR_KEY)
    return {k: v for k, v in params.items()
            if k in known and k not in NOT_IN_LINK and len(v) <= MAX_LINK_VALUE}


MAX_LINK_VALUE = 64  # characters: an answer is a number, a date or a choice's short name


LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 - names, not a bind


def phones_can_open(url: str) -> bool:
    """False when the address is this machine's own loopback name: a phone that scans it reaches nothing."""
    if os.environ.get(ENV_PUBLIC_URL, "").strip():
        return True
    host = (urlsplit(url).hostname or "").lower()
    return host not in LOOPBACK_HOSTS and not host.startswith("127.")


class QRCodeTooLong(ValueError):
    """The address holds more than a QR code can."""


def qr_png(url: str) -> bytes:
    """The QR code of ``url`` as a PNG: error correction M, ``QR_SCALE`` pixels a module, a quiet zone of 4 modules.

    Written by libzint through zxing-cpp, which chooses the mask by the standard's penalty score; under a
    millisecond, where segno took 10 ms, a fifth of the server's time for an employer's rerun (issue 18).
    """
    try:
        symbol = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=QR_ERROR)
    except ValueError as error:  # zint: "Input too long for ECC level M"
        raise QRCodeTooLong(str(error)) from error
    modules = symbol.to_image(scale=QR_SCALE, add_quiet_zones=True)
    height, width = modules.shape
    picture = Image.frombuffer("L", (width, height), bytes(modules), "raw", "L", 0, 1).convert("1")
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def qr_image(url: str, alt: str) -> str:
    """An ``<img>`` of the QR code of ``url`` (a PNG data URI, crisp when scaled), with ``alt``."""
    data = base64.b64encode(qr_png(url)).decode("ascii")
    return (f'<img class="takeaway-qr" src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'data-url="{html.escape(url, quote=True)}">')


def offer(page, *, document: str | None = None, params: Mapping[str, str] | None = None) -> str:
    """Draw the take-away: the QR code and address of this page, and a print button.

    ``document`` is a whole HTML page to print instead of the screen (the residents' one-page
    summary); without it the button prints the page itself with the site's print styles.
    Returns the address.
    """
    _ = page._
    url = link(params)
    # TRANSLATORS: heading above the QR code, the link and the print button on every results view.
    st.subheader(_("Take your result with you"), anchor="take-away")
    if page.kiosk and not phones_can_open(url):
        st.warning(fmt.md_escape(_(
            "For the staff: this QR code holds {host}, an address only this machine can open. Set "
            "ZIZHUTONG_PUBLIC_URL to the address phones use and restart the site.").format(
            host=urlsplit(url).hostname or url)), icon=":material/warning:")
    with st.container(horizontal=True, key="takeaway", vertical_alignment="center"):
        try:
            # TRANSLATORS: the text alternative of the QR code image.
            st.html(qr_image(url, _("QR code of the link to this result")))
        except QRCodeTooLong:  # cannot happen with the known answers alone; the page goes on regardless
            # TRANSLATORS: instead of the QR code, when the link is too long to fit in one.
            st.caption(fmt.md_escape(_("This link is too long for a QR code: copy it or print the page.")))
        with st.container(key="takeaway_text"):
            st.markdown(fmt.md_escape(_(
                "Scan the code with your phone's camera to open this result on your phone. The link holds your "
                "answers, and no name, ID number or phone number.")))
            # Plain text, not st.code: the code block loads a 1.5 MB highlighter into the browser (docs/performance.md).
            st.html(f'<p class="takeaway-link"><code>{html.escape(url)}</code></p>')
            print_button(page, document)
    return url


def print_button(page, document: str | None = None) -> None:
    """A button that prints ``document`` (an HTML page) or, without one, the page on screen."""
    _ = page._
    label = _("Print a one-page summary") if document else _("Print this page")
    doc_id = "takeaway-print-doc" if document else "takeaway-print-none"
    data = base64.b64encode(document.encode("utf-8")).decode("ascii") if document else ""
    st.html(
        f'<button type="button" id="takeaway-print" class="takeaway-print">'
        f'{html.escape(label)}</button>'
        + (f'<div id="{doc_id}" data-doc="{data}" hidden></div>' if document else "")
        + PRINT_SCRIPT % (json.dumps("takeaway-print"), json.dumps(doc_id)),
        unsafe_allow_javascript=True,
    )
