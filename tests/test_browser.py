"""The exported report opened in a real headless browser (Debian's Chromium): printed to A4 PDF, its pages
counted and read back, and rendered to PNG for a visual check."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from debtplan.report import KernelPool, build_report

from conftest import ROOT, chromium_path

pytestmark = [pytest.mark.slow, pytest.mark.browser]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic",
         # Any request to the network would go to a closed local port: the report must not need one.
         "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]


def tool(name):
    path = shutil.which(name)
    if not path:
        import os

        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing; .ci/run installs poppler-utils")
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils)")
    return path


def print_pdf(html: Path, pdf: Path, tmp: Path) -> None:
    profile_dir = tmp / f"chrome-{pdf.stem}"
    proc = subprocess.run([chromium_path(), *FLAGS, f"--user-data-dir={profile_dir}", "--no-pdf-header-footer",
                           f"--print-to-pdf={pdf}", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert pdf.exists() and pdf.stat().st_size > 10000, proc.stderr[-2000:]


def pages_text(pdf: Path) -> list[str]:
    out = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return out.split("\f")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    chromium_path()
    tmp = tmp_path_factory.mktemp("print")
    result = {}
    with KernelPool() as pool:
        for name, lang in (("xiao-li", "zh"), ("zhang-family", "zh"), ("sam", "en")):
            index = build_report(ROOT / f"data/examples/{name}.yaml", tmp / name, lang=lang, pool=pool)
            pdf = tmp / f"{name}.pdf"
            print_pdf(index, pdf, tmp)
            result[name] = (index, pdf)
    return result, tmp


def test_page_count_and_text(printed):
    result, _ = printed
    for name, (index, pdf) in result.items():
        info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert "(A4)" in info
        debts = len(__import__("debtplan").load_profile(ROOT / f"data/examples/{name}.yaml").debts)
        assert 6 <= pages <= 12 + 6 * debts, (name, pages)
    text = "".join(pages_text(result["xiao-li"][1]))
    assert "债务协商准备报告" in text and "21,260.00" in text and "个人经济状况说明" in text
    assert "□" not in text  # no missing-glyph boxes in the printed text
    en = "".join(pages_text(result["sam"][1]))
    assert "Debt negotiation report" in en and "Repayment proposal (to ICBC credit card)" in en


def test_each_letter_starts_on_its_own_page(printed):
    result, _ = printed
    for name, marker in (("zhang-family", "还款协商申请（致"), ("sam", "Repayment proposal (to ")):
        pages = pages_text(result[name][1])
        starts = [i for i, page in enumerate(pages) if marker in page]
        debts = len(__import__("debtplan").load_profile(ROOT / f"data/examples/{name}.yaml").debts)
        assert len(starts) == debts
        for i in starts:
            first_line = next(line for line in pages[i].splitlines() if line.strip())
            assert marker in first_line, (name, i, first_line)
        # and nothing else shares a letter's pages: the page before each letter ends another section
        for a, b in zip(starts, starts[1:]):
            assert b > a


def test_pages_render_to_png(printed):
    result, tmp = printed
    pdf = result["xiao-li"][1]
    subprocess.run([tool("pdftoppm"), "-r", "40", "-png", "-f", "1", "-l", "3", str(pdf), str(tmp / "page")],
                   check=True)
    pngs = sorted(tmp.glob("page-*.png"))
    assert len(pngs) == 3
    from PIL import Image

    for png in pngs:
        image = Image.open(png).convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 500, f"{png.name} looks blank"
