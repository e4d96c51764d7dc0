"""The app through Voila in Chromium (Playwright), walked as Xiao Li (zh) and as Sam (en) would.

Also prints how long the first step takes to appear after opening the app and how long an edit takes to be
redrawn, as measured in the browser (``pytest -s`` shows them; they are figures, not assertions).
"""
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest

from debtplan.inputs.profile import load_profile

from conftest import ROOT
from voila_helpers import voila_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]
BIN = Path(sys.executable).parent

WORDS = {
    "zh": {"amount": "金额", "save": "保存", "saved": "已保存", "not_saved": "没有保存", "debts": "欠款",
           "log": "记录与跟进", "add_debt": "添加一笔债", "creditor": "债权人", "product": "产品", "principal": "本金",
           "outcome": "结果", "add_contact": "添加这条记录", "add_agreement": "添加已达成的协议",
           "add_payment": "添加一笔还款", "bad": "不是金额", "report": "生成打印报告（网页和 PDF）",
           "report_done": "报告已生成", "title": "债务协商助手", "new_debt": "花呗", "preset": "花呗",
           "existing": "借呗"},
    "en": {"amount": "Amount", "save": "Save", "saved": "Saved to", "not_saved": "Not saved", "debts": "Debts",
           "log": "Log and follow-up", "add_debt": "Add a debt", "creditor": "Lender", "product": "Product",
           "principal": "Principal", "outcome": "Outcome", "add_contact": "Add this contact",
           "add_agreement": "Add an agreed plan", "add_payment": "Add a payment", "bad": "is not an amount",
           "report": "Make the printable report (web page and PDF)", "report_done": "The report is ready",
           "title": "Debt negotiation helper", "new_debt": "Huabei", "preset": "Huabei", "existing": None},
}


@pytest.fixture(scope="module")
def app_server(tmp_path_factory, request):
    """The one-notebook app as `make app` serves it, on a copy of the profile; reports go to tmp/report. One
    server per profile for the module (each page opened gets a kernel of its own, reading the file afresh); the
    tests on one profile leave it as the walk expects it (the report writes no record, leaving saves nothing)."""
    name = request.param
    tmp_path = tmp_path_factory.mktemp(f"walk-{name}")
    profile = tmp_path / f"{name}.yaml"
    profile.write_bytes((ROOT / f"data/examples/{name}.yaml").read_bytes())
    with voila_app(ROOT / "notebooks/app.ipynb", tmp_path, profile,
                   DEBTPLAN_REPORT_DIR=str(tmp_path / "report")) as url:
        yield url, profile, tmp_path


def open_app(browser, url):
    context = browser.new_context(locale="de-DE")  # the app's language comes from the profile, not the browser
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, timeout=120000)
    page.wait_for_selector(".dp-app-step .dp-app-view h2", timeout=120000)
    return page, time.perf_counter() - start


def field(page, path: str):
    """The input of the field editing ``path`` (its class is dp-f- and the path with - for punctuation)."""
    import re

    return page.locator(f".dp-f-{re.sub(r'[^A-Za-z0-9]+', '-', path).strip('-')}").locator("input, textarea, select")


def type_into(page, path: str, text: str):
    box = field(page, path).first
    box.fill(text)
    box.press("Enter")


def body_has(page, text: str, timeout: int = 30000):
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=timeout)


def view_has(page, text: str, timeout: int = 30000):
    page.wait_for_function("t => [...document.querySelectorAll('.dp-app-view')].some(v => v.innerText.includes(t))",
                           arg=text, timeout=timeout)


@pytest.mark.parametrize("app_server,lang", [("xiao-li", "zh"), ("sam", "en")], indirect=["app_server"])
def test_walk_through_the_app(browser, app_server, lang):
    url, profile, tmp = app_server
    w = WORDS[lang]
    page, opened = open_app(browser, url)
    assert page.title() == w["title"]
    assert "Select items to open" not in page.inner_text("body")

    # an edit on step 1: measured from Enter to the redrawn figure
    amount = field(page, "income[0].amount").first
    old = amount.input_value()
    new = str(int(old) + 1000)
    amount.fill(new)
    start = time.perf_counter()
    amount.press("Enter")
    surplus = load_profile(profile)
    before = surplus.income[0].amount
    page.wait_for_function("() => document.querySelector('.dp-app-mark').innerText.includes('●')", timeout=30000)
    from debtplan.calc.assessment import assess
    from debtplan.inputs.rules import load_rules
    from debtplan.text.i18n import money_text

    expected = assess(surplus, load_rules()).cash_flow.surplus + 1000
    view_has(page, money_text(expected, lang, unit=False))
    redraw = time.perf_counter() - start
    print(f"\n[{lang}] first step drawn {opened:.2f} s after opening; edit redrawn in {redraw:.2f} s")

    # a debt added by preset
    page.get_by_role("button", name=w["debts"], exact=True).click()
    page.locator(".dp-app-new").get_by_label(w["creditor"]).fill("Huabei 2" if lang == "en" else "花呗")
    page.locator(".dp-app-new").get_by_label(w["product"]).select_option(label=w["preset"])
    page.locator(".dp-app-new").get_by_label(w["principal"]).fill("4500")
    page.locator(".dp-app-new").get_by_label(w["principal"]).press("Tab")
    page.get_by_role("button", name=w["add_debt"], exact=True).click()
    new_debt = "Huabei 2" if lang == "en" else "花呗"
    view_has(page, new_debt)
    n_debts = len(surplus.debts) + 1

    # a call logged, an agreement and two payments
    page.get_by_role("button", name=w["log"], exact=True).click()
    form = page.locator(".dp-app-log-form")
    form.get_by_label(w["creditor"]).select_option(label=new_debt)
    form.get_by_label(w["outcome"]).fill("同意停息分期" if lang == "zh" else "They will consider a freeze")
    form.get_by_label(w["outcome"]).press("Tab")
    page.get_by_role("button", name=w["add_contact"], exact=True).click()
    view_has(page, "同意停息分期" if lang == "zh" else "They will consider a freeze")
    page.get_by_role("button", name=w["add_agreement"], exact=True).click()
    field(page, "agreements[0].monthly_payment").wait_for(timeout=30000)
    field(page, "agreements[0].creditor").select_option(label=new_debt)
    type_into(page, "agreements[0].start_date", "2026-12-10")
    type_into(page, "agreements[0].months", "12")
    type_into(page, "agreements[0].monthly_payment", "380")
    field(page, "agreements[0].interest_frozen").check()
    page.get_by_role("button", name=w["add_payment"], exact=True).click()
    field(page, "payments[0].amount").wait_for(timeout=30000)
    page.get_by_role("button", name=w["add_payment"], exact=True).click()
    field(page, "payments[1].amount").wait_for(timeout=30000)
    type_into(page, "payments[1].date", "2026-11-10")  # a payment made: not after today

    if lang == "zh":
        # issue 13: a collection call recorded in the browser is flagged at once; the calendar is downloaded
        collection = page.locator(".dp-app-collection-form")
        moment = collection.get_by_label("时间（日期和几点几分，例如 2026-11-28 21:30）")
        moment.fill("2026年11月27日 22:40")
        moment.press("Tab")
        collection.get_by_text("2026年11月27日 22:40").wait_for(timeout=30000)  # shown back as read
        collection.get_by_label("联系了谁").select_option(label="单位")
        collection.get_by_label("说了什么").fill("打到我单位，说再不还就上门")
        collection.get_by_label("说了什么").press("Tab")
        collection.locator(".dp-app-field-bool input").first.check()  # threats
        page.get_by_role("button", name="添加这条催收记录", exact=True).click()
        view_has(page, "联系了第三人、威胁")
        page.get_by_role("button", name="下载日历文件（.ics）", exact=True).click()
        link = page.locator("a.dp-app-calendar-link")
        link.wait_for(timeout=30000)
        with page.expect_download(timeout=30000) as info:
            link.click()
        download = info.value
        assert download.suggested_filename == profile.stem + ".ics"
        from icalendar import Calendar

        events = Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
        first = [e for e in events if e.decoded("dtstart") == dt.date(2026, 12, 10)]
        assert first and "花呗" in str(first[0].get("summary")) and "第1/12期" in str(first[0].get("summary"))

    # meanwhile, `debtplan log` writes to the file: both must survive the save
    creditor = surplus.debts[0].creditor
    subprocess.run([str(BIN / "debtplan"), "log", "--profile", str(profile), "--creditor", creditor,
                    "--channel", "phone", "--outcome", "written by the command"], check=True, capture_output=True)
    page.get_by_role("button", name=w["save"], exact=True).click()
    body_has(page, w["saved"])
    saved = load_profile(profile)
    assert saved.income[0].amount == before + 1000
    assert len(saved.debts) == n_debts and saved.debts[-1].product == "huabei"
    assert [c.outcome for c in saved.negotiations][-2:] == [
        "written by the command", "同意停息分期" if lang == "zh" else "They will consider a freeze"]
    a = saved.agreements[-1]
    assert (a.creditor, a.start_date, a.months, str(a.monthly_payment), a.interest_frozen) == (
        new_debt, dt.date(2026, 12, 10), 12, "380", True)
    assert [p.date for p in saved.payments][-1] == dt.date(2026, 11, 10) and len(saved.payments) >= 2
    if lang == "zh":
        k = saved.collections[-1]
        assert (k.at, k.contacted, k.threats, k.said) == (dt.datetime(2026, 11, 27, 22, 40), "employer", True,
                                                          "打到我单位，说再不还就上门")

    # reload: everything is there
    page.close()
    page, _ = open_app(browser, url)
    assert field(page, "income[0].amount").first.input_value() == new
    page.get_by_role("button", name=w["log"], exact=True).click()
    view_has(page, "written by the command")
    view_has(page, "同意停息分期" if lang == "zh" else "They will consider a freeze")
    assert field(page, "payments[1].date").first.input_value() == "2026-11-10"

    # "abc" in an amount: refused, the message beside the field, the file untouched
    before_bytes = profile.read_bytes()
    page.get_by_role("button", name=w["debts"], exact=True).click()
    type_into(page, "debts[0].principal", "abc")
    error = page.locator(".dp-f-debts-0-principal .dp-app-error")
    error.get_by_text(w["bad"]).wait_for(timeout=30000)
    page.get_by_role("button", name=w["save"], exact=True).click()
    body_has(page, w["not_saved"])
    assert profile.read_bytes() == before_bytes
    assert field(page, "debts[0].principal").first.input_value() == "abc"
    page.close()


@pytest.mark.parametrize("app_server", ["xiao-li"], indirect=True)
def test_report_button_writes_html_and_pdf(browser, app_server):
    url, profile, tmp = app_server
    page, _ = open_app(browser, url)
    start = time.perf_counter()
    page.get_by_role("button", name=WORDS["zh"]["report"], exact=True).click()
    body_has(page, "正在生成", timeout=30000)  # progress is shown while it works
    body_has(page, WORDS["zh"]["report_done"], timeout=400000)
    print(f"\nreport from the app in {time.perf_counter() - start:.1f} s")
    assert (tmp / "report" / "index.html").stat().st_size > 10000
    assert (tmp / "report" / "index.pdf").read_bytes()[:4] == b"%PDF"
    link = page.locator("a.dp-app-download").first
    assert link.get_attribute("download") == "index.html"
    page.close()


@pytest.mark.parametrize("app_server", ["sam"], indirect=True)
def test_leaving_with_unsaved_changes_asks_first(browser, app_server):
    url, profile, tmp = app_server
    page, _ = open_app(browser, url)
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.get_by_role("button", name="Debts", exact=True).click()  # a gesture, but nothing changed:
    page.wait_for_timeout(500)
    page.close(run_before_unload=True)  # closes without a question
    assert asked == []
    page, _ = open_app(browser, url)
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    type_into(page, "savings.balance", "1234")
    page.wait_for_selector(".dp-app-unsaved", timeout=30000)
    page.close(run_before_unload=True)
    page.wait_for_timeout(1000)
    assert asked == ["beforeunload"]
