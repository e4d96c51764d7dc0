"""Printing a report to an A4 PDF with the machine's headless Chromium (Debian package ``chromium``).

Chromium is started with no network, no first-run work and a fresh, temporary profile folder. A virtual
time budget lets the embedded web font finish loading before the page is printed: without it, a short page
can print before the Chinese font is ready and show empty boxes (seen here).
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..core.errors import DebtplanError

__all__ = ["find_chromium", "print_pdf", "CHROMIUM_FLAGS", "PrintError"]

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-quic",
                  # Nothing may come from the network: any request would go to a closed local port.
                  "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                  "--virtual-time-budget=10000", "--no-pdf-header-footer")


class PrintError(DebtplanError):
    """The report could not be printed to PDF (no browser, or the browser failed)."""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html: str | Path, pdf: str | Path, chromium: str | None = None, timeout: float = 180) -> Path:
    """Print ``html`` to ``pdf`` (A4, as set by the report's print stylesheet); return the PDF's path."""
    browser = chromium or find_chromium()
    if not browser:
        raise PrintError("no Chromium found to print with; install it (Debian: apt-get install chromium) or open "
                         "index.html in any browser and print from there")
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    with tempfile.TemporaryDirectory(prefix="debtplan-chromium-") as profile:
        proc = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}",
                               html.as_uri()], capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
        raise PrintError(f"Chromium could not print {html.name}: {proc.stderr.strip()[-500:]}")
    return pdf
