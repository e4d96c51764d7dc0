"""The app in Chromium as Xiao Li (zh, on a phone) and Sam (en, on a laptop) meet it: problems she can find (a
mark that is not colour alone, a count on the step button, a refused Save that names each field and takes her
there), figures that follow her typing without Tab or Enter, delete buttons that say what they delete, and a
visible keyboard focus. Screenshots of each case go to $DEBTPLAN_SHOTS when it is set (to be looked at)."""
import os
import re
import time
from pathlib import Path

import pytest

from conftest import ROOT
from voila_helpers import voila_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]
PHONE, LAPTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def served(tmp_path_factory, request):
    name = request.param
    tmp = tmp_path_factory.mktemp(f"finish-{name}")
    profile = tmp / f"{name}.yaml"
    profile.write_bytes((ROOT / f"data/examples/{name}.yaml").read_bytes())
    with voila_app(ROOT / "notebooks/app.ipynb", tmp, profile, DEBTPLAN_REPORT_DIR=str(tmp / "report")) as url:
        yield url, profile


def open_app(browser, url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(url, timeout=120000)
    page.wait_for_selector(".dp-app-step .dp-app-view h2", timeout=120000)
    return page


def box(page, path):
    return page.locator(f".dp-f-{re.sub(r'[^A-Za-z0-9]+', '-', path).strip('-')}").locator("input, textarea, select").first


def shot(page, name):
    folder = os.environ.get("DEBTPLAN_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(float(x)) for x in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


CASES = [("xiao-li", "zh", PHONE), ("sam", "en", LAPTOP)]
WORDS = {"zh": {"save": "保存", "owed": "欠款", "place": "第1笔欠款（借呗）的日利率", "to_fix": "1处要改",
                "not_saved": "没有保存", "saved": "已保存", "debt": "删除这笔欠款：借呗"},
         "en": {"save": "Save", "owed": "Debts", "place": "debt 1 (", "to_fix": "1 to fix", "not_saved": "Not saved",
                "saved": "Saved to", "debt": "Delete this debt: "}}


@pytest.mark.parametrize("served,lang,viewport", [(c[0], c[1], c[2]) for c in CASES], indirect=["served"])
def test_a_refused_save_names_the_field_marks_it_and_takes_her_there(browser, served, lang, viewport):
    url, profile = served
    w = WORDS[lang]
    before = profile.read_bytes()
    page = open_app(browser, url, viewport)
    page.get_by_role("button", name=w["owed"], exact=True).click()
    rate = box(page, "debts[0].daily_rate")
    rate.fill("abc")
    rate.press("Tab")
    page.locator(".dp-f-debts-0-daily-rate .dp-app-problem").wait_for(timeout=30000)
    # the mark: a frame of AA contrast, a sign that is not colour alone, the message styled beside it
    frame = rate.evaluate("e => getComputedStyle(e).borderTopColor")
    width = rate.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)")
    assert contrast(frame, "rgb(255, 255, 255)") >= 4.5 and width >= 2, (frame, width)
    # the page's repairs run on the next frame after a change: wait for them, not for a fixed time
    rate.evaluate("e => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert rate.get_attribute("aria-invalid") == "true"
    said = rate.get_attribute("aria-describedby")  # a screen reader reads the message with the field
    assert said and "abc" in page.locator(f"#{said}").inner_text()
    sign = page.locator(".dp-f-debts-0-daily-rate .dp-app-sign")
    assert sign.inner_text() == "!" and sign.is_visible()
    message = page.locator(".dp-f-debts-0-daily-rate .dp-app-problem")
    colour = message.evaluate("e => getComputedStyle(e).color")
    assert contrast(colour, "rgb(255, 255, 255)") >= 4.5 and colour != "rgb(29, 29, 31)", colour
    # the step button counts it; Save from another step names the field and brings her back to it
    page.locator(".dp-app-nav button").first.click()
    page.wait_for_selector(".dp-app-step-cash_flow", timeout=30000)
    owed = page.locator(".dp-app-nav button").nth(1)
    assert w["to_fix"] in owed.inner_text()
    shot(page, f"problem-count-{lang}-{viewport['width']}")
    page.get_by_role("button", name=w["save"], exact=True).click()
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=w["not_saved"], timeout=30000)
    assert w["place"] in page.locator(".dp-app-refused").inner_text()
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('.dp-f-debts-0-daily-rate')",
                           timeout=30000)
    top = rate.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top <= viewport["height"], top  # scrolled into view
    shot(page, f"refused-{lang}-{viewport['width']}")
    assert profile.read_bytes() == before
    # the link in the refusal takes her there again from another step
    page.locator(".dp-app-nav button").first.click()
    page.wait_for_selector(".dp-app-step-cash_flow", timeout=30000)
    page.locator("a.dp-app-goto").first.click()
    page.wait_for_function("() => document.activeElement && document.activeElement.closest('.dp-f-debts-0-daily-rate')",
                           timeout=30000)
    # corrected: the refusal and the count go; the value was saved: only "saved" is said
    rate = box(page, "debts[0].daily_rate")
    rate.fill("0.0005")
    rate.press("Tab")
    page.wait_for_function("() => !document.querySelector('.dp-app-refused')", timeout=30000)
    page.wait_for_function("t => !document.querySelectorAll('.dp-app-nav button')[1].innerText.includes(t)",
                           arg=w["to_fix"], timeout=30000)  # the count goes from its step button
    page.get_by_role("button", name=w["save"], exact=True).click()
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=w["saved"], timeout=30000)
    assert w["not_saved"] not in page.inner_text("body")
    profile.write_bytes(before)
    page.close()


@pytest.mark.parametrize("served,lang,viewport", [(c[0], c[1], c[2]) for c in CASES], indirect=["served"])
def test_typing_redraws_the_figures_without_tab_or_enter(browser, served, lang, viewport):
    url, profile = served
    from debtplan.calc.assessment import assess
    from debtplan.inputs.profile import load_profile
    from debtplan.inputs.rules import load_rules
    from debtplan.text.i18n import money_text

    page = open_app(browser, url, viewport)
    amount = box(page, "income[0].amount")
    old = int(amount.input_value())
    expected = money_text(assess(load_profile(profile), load_rules()).cash_flow.surplus + 1000, lang, unit=False)
    amount.click()
    page.keyboard.press("End")
    for _ in range(len(str(old))):
        page.keyboard.press("Backspace")
    start = time.perf_counter()
    page.keyboard.type(str(old + 1000), delay=60)  # keystrokes only: no Tab, no Enter
    typed = time.perf_counter()
    page.wait_for_function("t => document.querySelector('.dp-app-view').innerText.includes(t)", arg=expected,
                           timeout=10000)
    shown = time.perf_counter()
    assert page.evaluate("() => document.activeElement.closest('.dp-f-income-0-amount') !== null")  # still typing
    print(f"\n[{lang} {viewport['width']}px] typed in {typed - start:.2f} s, redrawn {shown - typed:.2f} s after the "
          "last keystroke (pause 0.3 s included)")
    # the line of the month's figures is on screen beside the field, and says the new figure
    summary = page.locator(".dp-app-summary-line")
    assert expected in summary.inner_text()
    rect = summary.evaluate("e => e.getBoundingClientRect().toJSON()")
    assert 0 <= rect["top"] and rect["bottom"] <= viewport["height"] + 1, rect
    shot(page, f"typing-{lang}-{viewport['width']}")
    page.close()


@pytest.mark.parametrize("served,lang,viewport", [(c[0], c[1], c[2]) for c in CASES], indirect=["served"])
def test_delete_buttons_name_their_record_and_focus_is_visible(browser, served, lang, viewport):
    url, profile = served
    page = open_app(browser, url, viewport)
    names = page.locator(".dp-app-remove button").evaluate_all("bs => bs.map(b => b.innerText.trim())")
    assert len(names) >= 11 and len(set(names)) == len(names), names
    assert all(n not in ("删除", "Remove", "Delete") for n in names)
    # each name is the button's accessible name (what a screen reader says)
    assert page.get_by_role("button", name=names[0], exact=True).count() == 1
    # the keyboard focus: at least 2 px, in a colour of at least 3:1 against the page
    button = page.locator(".dp-app-remove button").first
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                          "return [s.outlineStyle, s.outlineWidth, s.outlineColor, document.activeElement.innerText]; }")
    assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, style
    assert contrast(style[2], "rgb(255, 255, 255)") >= 3, style
    box(page, "income[0].name").focus()  # a text box too (ipywidgets removes its outline)
    page.keyboard.press("Tab")
    style = page.evaluate("() => { const s = getComputedStyle(document.activeElement); "
                          "return [s.outlineStyle, s.outlineWidth, s.outlineColor, document.activeElement.tagName]; }")
    assert style[3] == "INPUT" and style[0] != "none" and float(style[1].rstrip("px")) >= 2, style
    assert contrast(style[2], "rgb(255, 255, 255)") >= 3, style
    shot(page, f"focus-{lang}-{viewport['width']}")
    # the debt's own button, and its question naming the debt
    page.get_by_role("button", name=WORDS[lang]["owed"], exact=True).click()
    ask = page.locator(".dp-app-remove button", has_text=WORDS[lang]["debt"]).first
    ask.wait_for(timeout=30000)
    what = ask.inner_text().split("：" if lang == "zh" else ": ", 1)[1]
    ask.click()
    question = page.locator(".dp-app-remove .widget-html")  # the one question open
    question.wait_for(timeout=30000)
    assert what in question.inner_text()
    page.close()


@pytest.mark.parametrize("served,lang,viewport", [("xiao-li", "zh", PHONE), ("sam", "en", LAPTOP),
                                                  ("xiao-li", "zh", LAPTOP), ("sam", "en", PHONE)],
                         indirect=["served"])
def test_the_plans_step_shows_the_proposal_first_and_folds_the_comparison(browser, served, lang, viewport):
    url, profile = served
    page = open_app(browser, url, viewport)
    page.locator(".dp-app-nav button").nth(2).click()
    page.wait_for_selector(".dp-app-step-plans .dp-app-proposals", timeout=30000)
    height = page.evaluate("() => document.querySelector('.dp-app').getBoundingClientRect().height")
    print(f"\n[{lang} {viewport['width']}px] plans step {height} px long, comparison folded")
    assert height < (4000 if viewport["width"] < 500 else 2500), height
    assert page.locator(".dp-app-step-plans figure.dp-chart").count() == 0
    assert page.locator(".dp-app-summary-line").is_visible()
    shot(page, f"plans-{lang}-{viewport['width']}")
    page.locator(".dp-app-compare").get_by_text(re.compile("全部方案对比|Compare every plan")).click()
    page.wait_for_selector(".dp-app-step-plans figure.dp-chart", timeout=60000)
    page.locator(".dp-app-compare").get_by_text(re.compile("看一个方案每个月怎么还|See a plan month by month")).click()
    page.wait_for_selector(".dp-app-step-plans .dp-schedule, .dp-app-step-plans .dp-app-stack", timeout=60000)
    page.close()
