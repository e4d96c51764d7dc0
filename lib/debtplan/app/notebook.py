"""The numbered notebooks' first step: their parameters checked as the command line checks them.

``open_notebook(profile_path, lang, as_of, interactive)`` is the one call a notebook makes after its
``parameters`` cell (papermill's ``-p`` values land there):

* ``lang`` must be ``zh``, ``en`` or empty (the profile's own); ``as_of`` a date or empty; ``interactive``
  ``True``, ``False`` or ``None``. A wrong value stops the notebook with one sentence in both languages
  naming the parameter and what to write, never a traceback.
* A profile that cannot be used (no file there, problems in it) stops a headless run with the sentence
  ``debtplan report`` prints. In JupyterLab or Voila (``interactive``) the forms open anyway and show the
  problems beside their fields.
* ``interactive=None`` (the default): the app's forms when a Jupyter server runs the notebook (JupyterLab,
  Jupyter Notebook, Voila), the static report when it runs headless (papermill, nbconvert ``--execute``), whose
  HTML export then loads nothing from the network.
* In the notebook, an assessment shown as a cell's result is drawn as the report's own tables
  (:func:`register_html_reprs`; a schedule has its own ``_repr_html_``).
* A relative ``profile_path`` is read from the folder papermill was started in when it is not in the notebook's
  own folder (papermill's ``--cwd notebooks`` moves the kernel, not the person's shell).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..core.errors import DebtplanError

__all__ = ["open_notebook", "NotebookParameterError", "served_by_jupyter", "register_html_reprs"]


class NotebookParameterError(DebtplanError):
    """A notebook parameter or its profile cannot be used; shown as its sentence alone (no traceback)."""

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead of a traceback
        return [str(self)]


def served_by_jupyter() -> bool:
    """Whether a Jupyter server started this kernel (JupyterLab and Notebook name the session; Voila says
    it is the server), rather than papermill or nbconvert running the notebook headless."""
    return bool(os.environ.get("JPY_SESSION_NAME")) or os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


def _check(name: str, value: Any, ok: bool, fix_zh: str, fix_en: str) -> None:
    if not ok:
        raise NotebookParameterError(f"参数 {name} = {value!r} 不能用：{fix_zh}\n"
                                     f"The parameter {name} = {value!r} cannot be used: {fix_en}")


def _profile_path(profile_path: str) -> str:
    if not profile_path or Path(profile_path).expanduser().is_absolute() or Path(profile_path).exists():
        return profile_path
    shell = os.environ.get("PWD", "")  # the folder papermill was started in (the kernel inherits it)
    if shell and (Path(shell) / profile_path).exists():
        return str(Path(shell) / profile_path)
    return profile_path


def register_html_reprs(lang: str = "zh") -> bool:
    """In IPython (JupyterLab, Voila, papermill): an :class:`~debtplan.calc.assessment.Assessment` that is a
    cell's result shows as the report's tables (what is owed, then the money coming in and going out), in
    ``lang``. Returns False outside IPython (nothing to register)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebooks
        return False
    shell = get_ipython()
    if shell is None:
        return False
    from ..calc.assessment import Assessment
    from ..present import views

    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(Assessment, lambda a: views.owed_html(a, lang) + views.cash_flow_html(a, lang))
    return True


def open_notebook(profile_path: Any = "", lang: Any = "", as_of: Any = "", interactive: Any = None) -> tuple:
    """``(session, interactive)`` for a notebook's parameters, checked; raises :class:`NotebookParameterError`."""
    from ..core.dates import parse_date
    from ..core.errors import ProfileError
    from ..text.problems import problems_text
    from .session import open_profile

    _check("profile_path", profile_path, isinstance(profile_path, str),
           "写资料文件的路径，例如 data/private/me.yaml", "write the path of a profile file, e.g. data/private/me.yaml")
    _check("lang", lang, lang in ("", "zh", "en"), "写 zh 或 en，或留空（用资料里的语言）",
           "write zh or en, or leave it empty (the profile's own language)")
    _check("as_of", as_of, isinstance(as_of, str), "写日期，例如 2026-12-04，或留空", "write a date such as 2026-12-04, or leave it empty")
    if as_of:
        try:
            parse_date(as_of, "as_of")
        except ValueError:
            _check("as_of", as_of, False, "写日期，例如 2026-12-04，或留空", "write a date such as 2026-12-04, or leave it empty")
    _check("interactive", interactive, interactive is None or isinstance(interactive, bool),
           "写 True 或 False，或 None（自动）", "write True or False, or None (automatic)")
    if interactive is None:
        interactive = served_by_jupyter()
    try:
        session = open_profile(_profile_path(profile_path), lang, as_of)
    except ProfileError as exc:  # no file there, or not a profile: the sentence `debtplan report` prints
        raise NotebookParameterError(problems_text(exc, lang or exc.lang)) from None
    if session.problems and not interactive:
        raise NotebookParameterError(problems_text(session.problems, session.lang))
    register_html_reprs(session.lang)
    return session, interactive
