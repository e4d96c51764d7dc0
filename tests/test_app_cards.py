"""The follow-up step's collection log in a real Chromium: at 390 px each contact is a card whose labels and values
never overlap ("说了什么" ran into "威胁/辱骂"); at 1280 px no table cell breaks inside a word or a number ("借/呗", a
phone number). Measured on element boxes, with screenshots kept beside the test's files to look at."""
import pytest

from conftest import ROOT
from voila_helpers import voila_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]

#: For each cell of the collection log: its label's and its value's boxes (the label is the ::before of the
#: cell at 390 px: measured as the cell's padding box before the value's first text line), and whether any word
#: or number of the value is broken over two lines.
MEASURE = """() => {
  const out = [];
  for (const td of document.querySelectorAll('table.dp-collection-log tbody td')) {
    if (!td.offsetParent || !td.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(td);
    const lines = [...range.getClientRects()];
    const before = getComputedStyle(td, '::before');
    const tokens = [];
    const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[0-9A-Za-z\\u4e00-\\u9fff][0-9A-Za-z.,:\\-+\\u4e00-\\u9fff]*/g;
      let m;
      while ((m = re.exec(node.data))) {
        const r = document.createRange();
        r.setStart(node, m.index); r.setEnd(node, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
        tokens.push({text: m[0], lines: tops.size});
      }
    }
    out.push({label: td.dataset.label || '', text: td.textContent.trim(), hasBefore: before.content !== 'none',
              box: td.getBoundingClientRect().toJSON(), lines: lines.map(r => r.toJSON()), tokens});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cards")
    profile = tmp / "xiao-li.yaml"
    text = (ROOT / "data/examples/xiao-li.yaml").read_text(encoding="utf-8")
    # a contact whose account runs over several lines, with the caller's phone number
    text = text.replace("""    evidence: 姐姐手机的通话记录截图.png
""", """    evidence: 姐姐手机的通话记录截图.png
  - id: k-3
    at: "2026-11-26 22:40"
    creditor: 借呗
    channel: phone
    contacted: borrower
    caller: "13800138000"
    said: 说如果这周不还清就上门找我单位领导和家里人，还说要把我的照片发到所有通讯录联系人的手机上，让大家都知道我欠钱不还
    threats: true
    insults: true
    evidence: 录音_1126.m4a
""", 1)
    assert "k-3" in text
    profile.write_text(text, encoding="utf-8")
    with voila_app(ROOT / "notebooks/app.ipynb", tmp, profile) as url:
        yield url, tmp


def open_log(browser, url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url, timeout=120000)
    page.wait_for_selector(".dp-app-step .dp-app-view h2", timeout=120000)
    page.get_by_role("button", name="记录与跟进", exact=True).click()
    page.wait_for_selector("table.dp-collection-log", state="visible", timeout=60000)
    page.wait_for_timeout(500)
    return page


def overlaps(a, b) -> bool:
    return a["left"] < b["right"] - 1 and b["left"] < a["right"] - 1 and a["top"] < b["bottom"] - 1 and \
        b["top"] < a["bottom"] - 1


def test_at_390_px_each_collection_card_has_no_overlapping_text(browser, served):
    """Every line of text of a card's cell lies inside that cell's box (a value or its label running out of its
    cell overlaps the next one), and no two cells' lines meet."""
    url, tmp = served
    page = open_log(browser, url, 390)
    try:
        cells = page.evaluate(MEASURE)
        page.locator("table.dp-collection-log").first.screenshot(path=str(tmp / "collections-390.png"))
        assert any(c["label"] == "说了什么" and len(c["lines"]) >= 3 for c in cells)  # the long account wraps
        assert all(c["hasBefore"] for c in cells if c["label"] and c["label"] != "时间")  # shown as cards
        outside = [(c["label"], c["text"][:12]) for c in cells for line in c["lines"]
                   if line["width"] > 0 and (line["top"] < c["box"]["top"] - 1 or line["bottom"] > c["box"]["bottom"] + 1
                                             or line["right"] > c["box"]["right"] + 1)]
        assert not outside, outside
        meeting = [(a["label"], b["label"]) for i, a in enumerate(cells) for b in cells[i + 1:]
                   if any(overlaps(x, y) for x in a["lines"] for y in b["lines"] if x["width"] and y["width"])]
        assert not meeting, meeting
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.close()


def test_at_1280_px_no_cell_breaks_inside_a_word_or_a_number(browser, served):
    url, tmp = served
    page = open_log(browser, url, 1280)
    try:
        cells = page.evaluate(MEASURE)
        page.locator("table.dp-collection-log").first.screenshot(path=str(tmp / "collections-1280.png"))
        assert any(t["text"] == "借呗" for c in cells for t in c["tokens"])
        assert any(t["text"] == "13800138000" for c in cells for t in c["tokens"])
        # a word (a lender, 电话, 家人: a Chinese run of up to 4 characters) or a number or a file name in Latin
        # letters never breaks; a sentence (a longer Chinese run: what was said) may wrap where Chinese wraps
        broken = [(c["label"], t["text"]) for c in cells for t in c["tokens"]
                  if t["lines"] > 1 and (len(t["text"]) <= 4 or not any("\u4e00" <= ch <= "\u9fff" for ch in t["text"]))]
        assert not broken, broken
        # and the table is not cut: its last column ends inside the step's view
        cut = page.evaluate("""() => { const table = document.querySelector('table.dp-collection-log');
            const view = table.closest('.widget-html-content') || document.body;
            const last = [...table.querySelectorAll('th')].pop().getBoundingClientRect();
            return last.right - view.getBoundingClientRect().right; }""")
        assert cut <= 1, cut
    finally:
        page.close()
