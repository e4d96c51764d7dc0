"""The app's controls share their empty layouts and styles (debtplan.app.lean), and a shared one cannot change."""
import ipywidgets
import pytest

from debtplan.app import lean as W
from debtplan.app.lean import SharedChangeError
from debtplan.app.session import open_profile
from debtplan.app.widgets import App

from conftest import ROOT


def _live_widgets() -> int:
    return len(ipywidgets.widgets.widget._instances)  # every widget not closed (ipywidgets 8)


def test_controls_share_one_empty_layout_and_style():
    a, b = W.HTML("a"), W.HTML("b")
    assert a.layout is b.layout and a.style is b.style
    assert a.layout.model_id == b.layout.model_id
    plain = ipywidgets.HTML("c")  # ipywidgets' own: a layout of its own, as before
    assert plain.layout is not a.layout


def test_same_values_shared_different_values_not():
    x = W.Text(style={"description_width": "initial"})
    y = W.Text(style={"description_width": "initial"})
    z = W.Text()
    assert x.style is y.style and x.style is not z.style
    assert x.style.description_width == "initial"
    assert W.Button(layout={"width": "auto"}).layout is W.Button(layout={"width": "auto"}).layout


def test_a_shared_layout_refuses_changes_an_own_one_takes_them():
    shared = W.VBox()
    with pytest.raises(SharedChangeError, match="layout=W.Layout"):
        shared.layout.display = "none"
    assert W.HBox().layout.display is None  # nothing changed for the others
    own = W.VBox(layout=W.Layout())
    own.layout.display = "none"
    assert own.layout.display == "none" and W.VBox().layout.display is None


def test_after_closing_every_widget_new_shared_ones_are_made():
    first = W.HTML().layout
    ipywidgets.Widget.close_all()
    second = W.HTML().layout
    assert second is not first and second.comm is not None


def test_the_app_makes_few_widgets():
    ipywidgets.Widget.close_all()
    before = _live_widgets()
    app = App(open_profile(str(ROOT / "data/examples/xiao-li.yaml"), "", ""))
    made = _live_widgets() - before
    # 1,288 with a layout and a style per control; the shared ones leave about 520 for the whole app.
    assert made < 700, made
    app.report_progress.layout.display = None  # the controls that are shown and hidden have their own
    app.conflict_box.layout.display = None


@pytest.mark.parametrize("name", ["xiao-li", "zhang-family"])
def test_the_app_sends_each_control_once_as_it_is_made(monkeypatch, name):
    """Every control is sent to the page with its classes when it is made, not made and then changed: each change
    is one more message on the kernel's one channel to the page (IOPub), and ZeroMQ drops what waits there beyond
    1,000 messages, the kernel's "done" with it (the page then stays blank). Styling each control after making it
    sent 758 changes for Xiao Li and 1,213 for the Zhang family, beside 647 and 1,011 controls."""
    sent = []
    real = ipywidgets.Widget.send_state

    def send_state(self, key=None):
        sent.append((type(self).__name__, key))
        return real(self, key)

    ipywidgets.Widget.close_all()
    monkeypatch.setattr(ipywidgets.Widget, "send_state", send_state)
    App(open_profile(str(ROOT / f"data/examples/{name}.yaml"), "", ""))
    classes = [s for s in sent if s[1] == "_dom_classes" or s[1] == ["_dom_classes"]]
    assert len(classes) <= 2, classes[:5]  # the two lists given their step's class after the kit made them
    assert len(sent) < 50, sent[:20]
