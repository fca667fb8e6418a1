"""Start Streamlit processes and nginx in front of them, on loopback, for a demo, a test or a benchmark.

Used by ``deploy/run_local.py`` (the demo), ``tests/deploy/test_scale_out.py`` (the scale-out test) and
``bench/site_bench.py`` (which serves the site and a minimal page the same way). Production runs the same
``streamlit run`` command under a process manager and Debian's nginx with ``deploy/nginx-site.conf``.
"""

from __future__ import annotations

import os
import re
import shutil
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE_TEMPLATE = Path(__file__).resolve().with_name("nginx-site.conf")
STREAMLIT_FLAGS = ("--server.headless", "true", "--browser.gatherUsageStats", "false")


def streamlit_command(script: str, port: int, address: str = "127.0.0.1") -> list[str]:
    """``streamlit run`` with the project's flags (the rest comes from ``.streamlit/config.toml``)."""
    return [sys.executable, "-m", "streamlit", "run", script, *STREAMLIT_FLAGS, "--server.address", address,
            "--server.port", str(port)]


def start_streamlit(script: str, port: int, log: Path, cwd: Path = ROOT) -> subprocess.Popen:
    """One Streamlit process serving ``script`` (relative to ``cwd``); output goes to ``log``."""
    with log.open("ab") as out:
        return subprocess.Popen(streamlit_command(script, port), cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)


def healthy(url: str, timeout: float = 2) -> bool:
    """True if ``url`` (``http://`` or ``https://127.0.0.1:PORT``) answers ``/_stcore/health`` with 200.

    Over https the certificate is not checked: these are loopback addresses served with the throwaway
    certificate of :func:`self_signed_certificate`.
    """
    try:
        # Only loopback URLs built by this module and the tests are opened.
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout,  # noqa: S310
                                    context=loopback_tls() if url.startswith("https:") else None) as response:
            return response.status == 200
    except OSError:
        return False


def loopback_tls() -> ssl.SSLContext:
    """A client TLS context for the local nginx, whose certificate is self-signed: not verified."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: process exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        if healthy(url):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """Stop one process this module started (SIGTERM, then SIGKILL)."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def rss_mb(pid: int) -> float:
    """Resident set size of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


# ---------------------------------------------------------------------------------------------
# nginx
# ---------------------------------------------------------------------------------------------

def nginx_binary() -> str | None:
    """Debian's nginx (often in /usr/sbin, which is not on every user's PATH), or None."""
    found = shutil.which("nginx")
    if found:
        return found
    for candidate in ("/usr/sbin/nginx", "/usr/local/sbin/nginx"):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


# The lines of deploy/nginx-site.conf that a local rendering changes (each must be there: a renamed line would
# otherwise leave a production path or port in a loopback run without anyone noticing).
PRODUCTION_HTTPS_LISTEN = "listen 443 ssl;"
PRODUCTION_HTTP_LISTEN = "listen 80;"
PRODUCTION_REDIRECT = "return 301 https://$host$request_uri;"
PRODUCTION_BACKEND = "    server 127.0.0.1:8501 max_fails=1 fail_timeout=10s;\n"
PRODUCTION_CERTIFICATE = "ssl_certificate     /etc/ssl/zizhutong/fullchain.pem;"
PRODUCTION_KEY = "ssl_certificate_key /etc/ssl/zizhutong/privkey.pem;"
PRODUCTION_ACCESS_LOG = "access_log /var/log/nginx/zizhutong.access.log zizhutong;"
PLAIN_HTTP_BLOCK = re.compile(r"# BEGIN plain http.*?# END plain http\n", re.DOTALL)


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"deploy/nginx-site.conf no longer has {old.strip()!r}: update deploy/cluster.py")
    return text.replace(old, new)


def site_config(listen: str, backends: list[str], template: Path = SITE_TEMPLATE, *, http_listen: str | None = None,
                certificate: Path | None = None, key: Path | None = None, access_log: Path | None = None) -> str:
    """``deploy/nginx-site.conf`` for a local run: https on ``listen`` and one ``server`` line per Streamlit process.

    ``http_listen``: where the plain-http server (redirects to https, and the health check) listens; without it
    that server is left out. ``certificate``/``key``/``access_log`` replace the production paths when given.
    """
    servers = "\n".join(f"    server {b} max_fails=1 fail_timeout=10s;" for b in backends)
    text = template.read_text(encoding="utf-8")
    text = _replace(text, PRODUCTION_HTTPS_LISTEN, f"listen {listen} ssl;")
    text = _replace(text, PRODUCTION_BACKEND, servers + "\n")
    if http_listen is None:
        if not PLAIN_HTTP_BLOCK.search(text):
            raise ValueError("deploy/nginx-site.conf no longer marks its plain http server: update deploy/cluster.py")
        text = PLAIN_HTTP_BLOCK.sub("", text)
    else:
        text = _replace(text, PRODUCTION_HTTP_LISTEN, f"listen {http_listen};")
        https_port = listen.rsplit(":", 1)[-1]
        text = _replace(text, PRODUCTION_REDIRECT, f"return 301 https://$host:{https_port}$request_uri;")
    if certificate is not None and key is not None:
        text = _replace(text, PRODUCTION_CERTIFICATE, f"ssl_certificate     {certificate};")
        text = _replace(text, PRODUCTION_KEY, f"ssl_certificate_key {key};")
    if access_log is not None:
        text = _replace(text, PRODUCTION_ACCESS_LOG, f"access_log {access_log} zizhutong;")
    return text


def self_signed_certificate(directory: Path, days: int = 2) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1 and localhost, and its key, made with the ``openssl`` command.

    For loopback runs only (the demo, the tests): browsers are told to accept it (``ignore_https_errors``).
    Kept if already there (one per prefix).
    """
    certificate, key = directory / "selfsigned.crt", directory / "selfsigned.key"
    if certificate.exists() and key.exists():
        return certificate, key
    openssl = shutil.which("openssl") or "/usr/bin/openssl"
    result = subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-days", str(days), "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"openssl could not make a certificate (Debian: apt-get install openssl):\n{result.stderr}")
    key.chmod(0o600)
    return certificate, key


def local_nginx_config(prefix: Path, listen: str, backends: list[str], http_listen: str | None = None) -> str:
    """A whole nginx.conf for a user-owned ``prefix``: logs, temp files, pid and a throwaway certificate there;
    the site included with its own log format (no query strings, no session ids), as in production."""
    certificate, key = self_signed_certificate(prefix)
    site = prefix / "site.conf"
    site.write_text(site_config(listen, backends, http_listen=http_listen, certificate=certificate, key=key,
                                access_log=prefix / "access.log"), encoding="utf-8")
    temp = "\n".join(f"    {name}_temp_path {prefix / 'temp' / name};"
                     for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""# Generated by deploy/cluster.py for a local run; the site itself is deploy/nginx-site.conf.
worker_processes 1;
error_log {prefix / 'error.log'} info;
events {{
    worker_connections 1024;
}}
http {{
{temp}
    include {site};
}}
"""


def start_nginx(prefix: Path, listen: str, backends: list[str], http_listen: str | None = None) -> subprocess.Popen:
    """nginx in the foreground as the current user, everything under ``prefix`` (a fresh directory).

    It serves https on ``listen`` with a throwaway self-signed certificate, and plain http (redirects to
    https) on ``http_listen`` if given.
    """
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (Debian: apt-get install nginx)")
    for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / name).mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    conf.write_text(local_nginx_config(prefix, listen, backends, http_listen), encoding="utf-8")
    # As root, nginx would switch its workers to "nobody", who cannot use a private temp prefix.
    user = "user root;" if os.geteuid() == 0 else ""
    command = [binary, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log"),
               "-g", f"daemon off; pid {prefix / 'nginx.pid'}; {user}"]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=(prefix / "nginx.out").open("wb"))
