"""The app notebook's one call: ``show_app(profile_path, lang, as_of, report_dir)`` draws the app.

Importing this module does the slow imports (the app, the report, printing, the calendar); :func:`show_app`
then waits, in a kernel Voila preheated, until the page is really asked for
(:func:`debtplan.app.serve.wait_for_page_request`), so that the profile and today's date are read then and not
when the kernel was warmed; anywhere else (JupyterLab, papermill) it goes on at once. The app layer may not import
this layer: the report, print and calendar functions are handed to the app here.
"""
from __future__ import annotations

from IPython.display import Javascript, display

from ..app.serve import wait_for_page_request
from ..app.session import open_profile
from ..app.widgets import App
from .calendar import calendar_bytes
from .printing import print_pdf
from .report import build_report

__all__ = ["show_app"]


def show_app(profile_path: str = "", lang: str = "", as_of: str = "", report_dir: str = "") -> None:
    """Wait for the page request (in a preheated kernel), then open the profile and show the app with the
    report, print and calendar buttons working; the browser tab is titled in the profile's language.

    ``profile_path``: the profile file (empty: $DEBTPLAN_PROFILE, else the example); ``lang``: zh or en (empty: the
    profile's); ``as_of``: the date to assess on (empty: the profile's); ``report_dir``: where the report button
    writes (empty: reports/<profile file name>/)."""
    wait_for_page_request()
    app = App(open_profile(profile_path, lang, as_of), report=build_report, print_pdf=print_pdf,
              calendar=calendar_bytes, report_dir=report_dir or None)
    display(Javascript(app.title_js()))
    display(app.widget)
