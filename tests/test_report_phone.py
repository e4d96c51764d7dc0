"""The printed report read on a phone: the three examples opened in Chromium at 390x844 (and 1280x800).
No sideways page scroll, no table cut, no column a character wide, no number broken over two lines, chart text
at least 10 px; printing still shows the print layout (the A4 pages are those of a wide screen)."""
import pytest

from debtplan.present.charts import MIN_FONT_PT
from conftest import chromium_path

pytestmark = [pytest.mark.slow, pytest.mark.browser]
EXAMPLES = ("xiao-li", "sam", "zhang-family")

#: What a reader meets, measured in the page: each entry is a list of problems (empty when all is well).
MEASURE = r"""(minFontPt) => {
  const vw = document.documentElement.clientWidth, bad = {page: [], cells: [], numbers: [], charts: []};
  if (document.documentElement.scrollWidth > vw) bad.page.push(`page ${document.documentElement.scrollWidth} px wide`);
  const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const inScrollBox = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
  for (const e of document.querySelectorAll('body *')) {
    if (!visible(e) || e.closest('svg') || inScrollBox(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > vw + 0.5 || r.left < -0.5) bad.page.push(`${e.tagName}.${e.className} ends at ${Math.round(r.right)}`);
  }
  for (const c of document.querySelectorAll('td, th')) {
    if (!visible(c) || c.innerText.trim().length < 2) continue;
    const cs = getComputedStyle(c), width = c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    if (width < 1.5 * parseFloat(cs.fontSize)) bad.cells.push(`${c.innerText.trim().slice(0, 12)}: ${Math.round(width)} px`);
  }
  // A number (digits with their separators, or a phone number) drawn on two lines.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !visible(node.parentElement) || node.parentElement.closest('svg')) continue;
    for (const m of node.data.matchAll(/\d[\d,.]*\d/g)) {
      const range = document.createRange();
      range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) bad.numbers.push(m[0]);
    }
  }
  for (const svg of document.querySelectorAll('figure.dp-chart svg')) {
    if (!visible(svg)) continue;
    const px = minFontPt * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    if (px < 10) bad.charts.push(`smallest chart text ${px.toFixed(1)} px`);
  }
  for (const k of Object.keys(bad)) bad[k] = bad[k].slice(0, 8);
  return bad;
}"""


@pytest.fixture(scope="module")
def reports(example_report):
    chromium_path()
    return {name: example_report(name) for name in EXAMPLES}


@pytest.mark.parametrize("width, height", [(390, 844), (1280, 800)])
@pytest.mark.parametrize("name", EXAMPLES)
def test_the_report_reads_on_a_phone_and_a_wide_screen(reports, browser, name, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(reports[name].as_uri())
    page.wait_for_timeout(300)
    bad = page.evaluate(MEASURE, MIN_FONT_PT)
    page.close()
    assert bad == {"page": [], "cells": [], "numbers": [], "charts": []}, (name, width, bad)


def test_printing_keeps_the_wide_layout(reports, browser):
    """On paper the schedule is the three-group table and charts fit the page; the phone's one-group schedule and
    its scrolling charts are screen only, so the A4 pages do not change with the width of the window."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(reports["sam"].as_uri())
    page.emulate_media(media="print")
    shown = page.evaluate("""() => ({
      wide: [...document.querySelectorAll('table.dp-schedule')].filter(e => e.getClientRects().length).length,
      narrow: [...document.querySelectorAll('table.dp-schedule-narrow')].filter(e => e.getClientRects().length).length,
      minWidth: [...document.querySelectorAll('figure.dp-chart svg')].map(s => getComputedStyle(s).minWidth)})""")
    page.emulate_media(media="screen")
    phone = page.evaluate("""() => [...document.querySelectorAll('table.dp-schedule-narrow')]
                                   .filter(e => e.getClientRects().length).length""")
    page.close()
    assert shown["wide"] > 0 and shown["narrow"] == 0, shown
    assert set(shown["minWidth"]) <= {"auto", "0px"}, shown["minWidth"]
    assert phone == shown["wide"]  # the screen of a phone shows each schedule once, in one group
