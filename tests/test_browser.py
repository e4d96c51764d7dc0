"""The exported report opened in a real headless browser (Debian's Chromium): printed to A4 PDF, its pages
counted and read back, and rendered to PNG for a visual check."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, chromium_path

pytestmark = [pytest.mark.slow, pytest.mark.browser]
def tool(name):
    path = shutil.which(name)
    if not path:
        import os

        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing; .ci/run installs poppler-utils")
        pytest.skip(f"{name} is not installed (apt-get install poppler-utils)")
    return path


def print_pdf(html: Path, pdf: Path, tmp: Path) -> None:
    """The product's own printing (debtplan.run.printing), as `debtplan report --pdf` uses it."""
    from debtplan.run.printing import print_pdf as product_print

    product_print(html, pdf, chromium=chromium_path())
    assert pdf.exists() and pdf.stat().st_size > 1000


def pages_text(pdf: Path) -> list[str]:
    out = subprocess.run([tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    return out.split("\f")


def fonts(pdf: Path) -> str:
    return subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True).stdout


def test_chinese_text_is_drawn_with_the_embedded_font(tmp_path):
    """Chromium prints a web font as a Type 3 font. With the embedded subset the Chinese text uses it; the
    control page without it does not (it falls back to whatever the machine has, or to empty boxes)."""
    from debtplan.present.styles import page_html

    body = "<h1>债务协商准备报告</h1><p>每月可以拿出 1,494.00 元还债。</p>"
    with_font, without = tmp_path / "with.html", tmp_path / "without.html"
    with_font.write_text(page_html("报告", "zh", body), encoding="utf-8")
    without.write_text(page_html("报告", "zh", body, font_css=""), encoding="utf-8")
    print_pdf(with_font, tmp_path / "with.pdf", tmp_path)
    print_pdf(without, tmp_path / "without.pdf", tmp_path)
    assert "Type 3" in fonts(tmp_path / "with.pdf")
    assert "Type 3" not in fonts(tmp_path / "without.pdf")


@pytest.fixture(scope="session")  # once a run: its tests may interleave with other files' report readers
def printed(tmp_path_factory, example_report):
    chromium_path()
    tmp = tmp_path_factory.mktemp("print")
    result = {}
    for name, lang in (("xiao-li", "zh"), ("zhang-family", "zh"), ("sam", "en")):
        index = example_report(name, lang)
        pdf = tmp / f"{name}.pdf"
        print_pdf(index, pdf, tmp)
        result[name] = (index, pdf)
    return result, tmp


def test_page_count_and_text(printed):
    result, _ = printed
    for name, (_index, pdf) in result.items():
        info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
        assert "(A4)" in info
        debts = len(__import__("debtplan").load_profile(ROOT / f"data/examples/{name}.yaml").debts)
        # part 5 carries, for everyone, her credit record, the case-number check and the paid-helper checklist
        # (about 4-6 A4 pages besides the court, collection and letter parts): a bound that still catches a blow-up
        assert 6 <= pages <= 18 + 6 * debts, (name, pages)
    text = "".join(pages_text(result["xiao-li"][1]))
    assert "债务协商准备报告" in text and "21,260.00" in text and "个人经济状况说明" in text
    assert "Type 3" in fonts(result["xiao-li"][1])  # the embedded Chinese web font drew the text
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


def test_report_command_prints_pdf(tmp_path):
    import sys

    chromium_path()
    proc = subprocess.run([str(Path(sys.executable).parent / "debtplan"), "report", "--profile",
                           str(ROOT / "data/examples/sam.yaml"), "--out", str(tmp_path / "r"), "--pdf"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = tmp_path / "r" / "index.pdf"
    assert pdf.exists() and str(pdf) in proc.stdout
    assert "Debt negotiation report" in "".join(pages_text(pdf))
