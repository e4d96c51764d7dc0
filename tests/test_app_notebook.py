"""The app notebook shows the reader one library call; that call waits for the page request before it reads
the profile or the date (the preheated kernel's rule, tests/test_app_preheat.py)."""
import json

from conftest import ROOT

APP = ROOT / "notebooks" / "app.ipynb"


def test_the_app_notebook_is_the_parameters_and_one_call():
    cells = [c for c in json.loads(APP.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert "tags" in cells[0]["metadata"] and "parameters" in cells[0]["metadata"]["tags"]
    code = [line for c in cells[1:] for line in "".join(c["source"]).splitlines() if line.strip()]
    assert code == ["from debtplan.run.app_notebook import show_app", "show_app(profile_path, lang, as_of, report_dir)"]
    assert not any("#" in line or "wait_for_page_request" in line for line in code)  # no plumbing shown


def test_show_app_waits_for_the_page_before_it_reads_the_profile(monkeypatch, tmp_path):
    from debtplan.run import app_notebook

    calls = []
    monkeypatch.setattr(app_notebook, "wait_for_page_request", lambda: calls.append("wait"))
    real_open = app_notebook.open_profile
    monkeypatch.setattr(app_notebook, "open_profile", lambda *a: calls.append("open") or real_open(*a))
    shown = []
    monkeypatch.setattr(app_notebook, "display", lambda obj: shown.append(obj))
    profile = tmp_path / "sam.yaml"
    profile.write_bytes((ROOT / "data/examples/sam.yaml").read_bytes())
    assert app_notebook.show_app(str(profile), "en", "", str(tmp_path / "out")) is None
    assert calls == ["wait", "open"]
    title, widget = shown
    assert "document.title" in title.data and type(widget).__name__ == "VBox"
