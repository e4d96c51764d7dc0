"""The words of the plan tables that stand in for charts when a profile has more debts than are drawn."""
from __future__ import annotations

SENTENCES: dict[str, dict[str, str]] = {
    "charts_for_largest": {
        "zh": "图表只画了欠得最多的 {count} 笔。这一笔的数字都在表里：上面的表是每个方案的月供、是否负担得起和一共要还多少，"
              "下面两张表是剩余欠款怎么减少、每月这么多钱最短能分几期还清。",
        "en": "Charts are drawn for the {count} largest debts only. This debt's figures are all in the tables: the one "
              "above gives each plan's monthly payment, whether it fits and the total paid; the two below show how the "
              "balance goes down and the shortest plan the money can pay."},
    "balance_now": {"zh": "现在", "en": "Now"},
    "balance_after": {"zh": "{months} 个月后", "en": "After {months} months"},
    "paid_off_after": {"zh": "还清需要", "en": "Paid off in"},
    "in_months": {"zh": "{months} 个月", "en": "{months} months"},
    "shortest_term": {"zh": "最短能分几期", "en": "Shortest plan that fits"},
    "no_term_fits": {"zh": "{months} 期以内都还不上", "en": "none up to {months} months"},
    "fitting_terms_title": {
        "zh": "每月 {share} 能负担的最短期数，按年利率（期数更长也负担得起）",
        "en": "The shortest plan whose monthly payment fits {share}, at each yearly rate (longer plans fit too)"},
}
