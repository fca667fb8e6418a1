"""The production settings of `.streamlit/config.toml` (issue 7): a public site shows no internals, sends no
telemetry, refuses cross-site requests and takes uploads no larger than the roster reader accepts."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit import config

from engine.roster.files import MAX_BYTES
from ui.roster import UPLOAD_LIMIT_MB

CONFIG = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text("utf-8"))


@pytest.mark.parametrize(("section", "option", "value"), [
    pytest.param("client", "showErrorDetails", "none", id="no error details or tracebacks for visitors"),
    pytest.param("client", "toolbarMode", "viewer", id="minimal toolbar, no Deploy button"),
    pytest.param("client", "showSidebarNavigation", False, id="the pages draw their own translated navigation"),
    pytest.param("browser", "gatherUsageStats", False, id="no usage statistics"),
    pytest.param("server", "headless", True, id="no browser opened, no e-mail prompt"),
    pytest.param("server", "enableXsrfProtection", True, id="XSRF protection on"),
    pytest.param("client", "disableDataExport", True,
                 id="no raw table export (its CSV keeps =formulas; the pages' downloads neutralise them)"),
    pytest.param("client", "allowedOrigins", [], id="no parent page may drive the site by postMessage"),
    pytest.param("browser", "serverAddress", "localhost",
                 id="set, so Streamlit never asks an outside service for the machine's address"),
    pytest.param("server", "fileWatcherType", "none",
                 id="no module re-imported under running processes when files change (a deploy restarts them)"),
    pytest.param("runner", "postScriptGC", False,
                 id="no full garbage collection after every run: it stalled a process at a job fair (issue 18)"),
])
def test_a_production_setting(section, option, value):
    assert CONFIG[section][option] == value


def test_the_upload_limit_is_the_roster_readers_limit():
    """The server's limit (megabytes), the upload widgets' and the roster reader's are one: the server refuses
    any larger body whatever a widget says, so a larger widget limit would promise what fails."""
    assert CONFIG["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BYTES
    assert UPLOAD_LIMIT_MB * 1024 * 1024 == MAX_BYTES


def test_every_option_is_one_streamlit_knows():
    known = set(config._config_options_template)  # Streamlit keeps its list of options there
    given = {f"{section}.{option}" for section, options in CONFIG.items() for option in options}
    assert given <= known, sorted(given - known)
