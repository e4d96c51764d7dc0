"""Every sentence a user reads, in 中文 and English, and locale formatting of money, rates and dates.

``t(key, lang, **params)`` returns the sentence; ``money_text``/``rate_text``/``date_text`` format numbers
for the reader (``1,234.56 元`` / ``CNY 1,234.56``; ``2026年11月28日`` / ``28 Nov 2026``). Plain, calm words:
the reader may be frightened. Nothing here promises what a lender has not agreed.
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from ..core.money import round_money

__all__ = ["t", "money_text", "rate_text", "date_text", "months_text", "LANGS", "TEXT", "category_name",
           "option_name", "reason_text", "warning_text", "product_name"]

LANGS = ("zh", "en")

TEXT: dict[str, dict[str, str]] = {
    # --- headings
    "report_title": {"zh": "债务协商准备报告", "en": "Debt negotiation report"},
    "prepared_for": {"zh": "为 {name} 准备，数据截至 {date}", "en": "Prepared for {name}, figures as of {date}"},
    "contents": {"zh": "目录", "en": "Contents"},
    "nb1_title": {"zh": "第一步：我的收支", "en": "Step 1: my money each month"},
    "nb2_title": {"zh": "第二步：我现在欠多少", "en": "Step 2: what I owe today"},
    "nb3_title": {"zh": "第三步：还款方案", "en": "Step 3: repayment plans"},
    "nb4_title": {"zh": "第四步：协商材料", "en": "Step 4: negotiation pack"},
    "nb1_intro": {"zh": "改动下面表格里的金额，结余和图表会随之更新；点“保存到文件”写回资料文件（旧版本保留为 .bak）。",
                  "en": "Change an amount in the form below and the surplus and chart update; Save to file writes "
                        "the profile back (the previous version is kept as .bak)."},
    "nb2_intro": {"zh": "在下面选择一笔债和它的产品（借呗、花呗……），参数会按预设填好，可以按合同修改。",
                  "en": "Below, pick a debt and its product; the preset fills the fields, which you can change to "
                        "match your contract."},
    "nb3_intro": {"zh": "每笔债的可选方案、建议方案和理由；在下面选一个方案查看它的还款过程。",
                  "en": "The options for each debt, the proposal and why; pick a plan below to see it month by month."},
    "nb4_intro": {"zh": "打印这一部分带去协商。每次联系债权人后，用下面的表格记一笔。",
                  "en": "Print this part for the negotiation. After each contact with a lender, add it with the form "
                        "below."},
    "offline_note": {"zh": "本报告在您的电脑上生成，不联网，不上传任何信息。",
                     "en": "This report was made on your computer. Nothing was sent anywhere."},
    # --- cash flow
    "income": {"zh": "每月收入（税后）", "en": "Monthly income (after tax)"},
    "fixed_costs": {"zh": "固定开支", "en": "Fixed costs"},
    "flexible_costs": {"zh": "日常开支", "en": "Flexible costs"},
    "savings_contribution": {"zh": "每月存款", "en": "Monthly saving"},
    "surplus": {"zh": "每月可用于还债的钱", "en": "Money left for debts each month"},
    "available": {"zh": "建议用于还债（留出{buffer}备用）", "en": "To offer lenders (keeping {buffer} back)"},
    "surplus_sentence": {
        "zh": "您每月收入 {income}，开支 {costs}，剩下 {surplus}。留出 {buffer} 应急后，每月可以拿出 {available} 还债。",
        "en": "Each month you have {income} coming in and {costs} going out, leaving {surplus}. Keeping {buffer} "
              "back for the unexpected, you can offer {available} a month to your lenders."},
    "negative_sentence": {
        "zh": "您每月的开支比收入多 {gap}。在减少开支或增加收入之前，任何还款方案都很难坚持。先保证基本生活。",
        "en": "Each month you spend {gap} more than comes in. Until that changes, no repayment plan can last. "
              "Look after your basic needs first."},
    "irregular_note": {"zh": "{name}收入不固定：按最近{given}个月中最低的{used}个月平均计算，为 {amount}。",
                       "en": "{name} varies: we counted the average of the lowest {used} of the last {given} months, "
                             "{amount}."},
    "irregular_stated": {"zh": "{name}收入不固定，我们按您填写的 {amount} 计算。填上最近几个月的实际收入（recent），结果会更稳妥。",
                         "en": "{name} varies: we used the {amount} you gave. List the last months' amounts (recent) "
                               "for a safer figure."},
    "ratios": {"zh": "几个常用比例", "en": "Ratios lenders look at"},
    "ratio_payments": {"zh": "合同月供占收入", "en": "Contract payments / income"},
    "ratio_debt": {"zh": "总欠款 / 年收入", "en": "Total owed / a year's income"},
    "ratio_savings": {"zh": "存款可支撑基本生活（月）", "en": "Months your savings cover"},
    "category": {"zh": "类别", "en": "Category"},
    "amount": {"zh": "金额", "en": "Amount"},
    "share": {"zh": "占比", "en": "Share"},
    "benchmark": {"zh": "同类家庭参考", "en": "Typical for a household like yours"},
    "benchmark_title": {"zh": "和全国平均水平比", "en": "Compared with official averages"},
    "benchmark_note": {
        "zh": "参考值：{title}（{year}年），按您家的人口折算（系数 {scale}）{approx}。超过参考值{threshold}倍的项目，债权人可能会问起。",
        "en": "Benchmark: {title} ({year}), scaled to your household (factor {scale}){approx}. Lenders may ask "
              "about spending more than {threshold} times the benchmark."},
    "benchmark_approx": {"zh": "；城镇/农村数值按总量比例估算", "en": "; the urban/rural figure is an estimate from the totals"},
    "flag_high": {"zh": "{category}每月 {spent}，是参考值 {benchmark} 的 {ratio} 倍。协商时可能需要说明原因，或考虑减少。",
                  "en": "{category}: {spent} a month, {ratio} times the benchmark of {benchmark}. Be ready to explain "
                        "it, or consider cutting it."},
    "no_flags": {"zh": "各项日常开支都在正常范围内。", "en": "Your flexible spending is within the usual range."},
    "what_if": {"zh": "如果情况变化", "en": "What if things change"},
    "income_down": {"zh": "收入减少", "en": "Income down"},
    "cost_cut": {"zh": "每月少花", "en": "Spend less each month"},
    "one_off": {"zh": "一次性资金", "en": "One-off amount"},
    # --- owed
    "creditor": {"zh": "债权人", "en": "Lender"},
    "product": {"zh": "产品", "en": "Product"},
    "principal": {"zh": "本金", "en": "Principal"},
    "unpaid_interest": {"zh": "未还利息", "en": "Unpaid interest"},
    "penalty_interest": {"zh": "罚息", "en": "Penalty interest"},
    "compound_interest": {"zh": "复利", "en": "Compound interest"},
    "fees": {"zh": "违约金等费用", "en": "Late fees"},
    "total_owed": {"zh": "今天共欠", "en": "Owed today"},
    "court_cap_excess": {"zh": "超过法院支持上限的部分", "en": "Above what a court would uphold"},
    "days_overdue": {"zh": "逾期天数", "en": "Days overdue"},
    "owed_sentence": {"zh": "截至 {date}，您在{creditor}共欠 {total}，其中本金 {principal}，逾期产生的费用 {charges}。",
                      "en": "On {date} you owe {creditor} {total}: {principal} of principal and {charges} in charges "
                            "for paying late."},
    "growth_sentence": {"zh": "如果什么都不还，每过一周大约多欠 {week}，{days}天后共欠 {later}。",
                        "en": "If nothing is paid, this grows by about {week} a week, to {later} in {days} days."},
    "current_sentence": {"zh": "{creditor}目前没有逾期，剩余本金 {principal}。",
                         "en": "{creditor} is up to date: {principal} of principal left."},
    "cap_sentence": {"zh": "其中 {excess} 超过了年利率{cap}的上限，法院一般不支持，协商时可以提出。",
                     "en": "{excess} of this is above the {cap}-a-year line that courts do not uphold; you can say so."},
    "cost_of_waiting": {"zh": "拖延的代价（未来180天）", "en": "The cost of waiting (next 180 days)"},
    "assumptions": {"zh": "我们的假设（请对照您的合同）", "en": "What we assumed (check your contract)"},
    "assume_penalty_mult": {"zh": "{creditor}：逾期后按日利率的{mult}倍计罚息（{rate}/天）。", "en":
                            "{creditor}: when overdue, the daily rate is {mult} times the contract rate ({rate} a day)."},
    "assume_penalty_fixed": {"zh": "{creditor}：逾期金额每天收取{rate}。", "en": "{creditor}: {rate} a day on the overdue amount."},
    "assume_base_balance": {"zh": "{creditor}：罚息按全部欠款计算。", "en": "{creditor}: charges run on the whole balance."},
    "assume_base_overdue": {"zh": "{creditor}：罚息只按逾期部分 {amount} 计算。", "en": "{creditor}: charges run on the overdue part, {amount}."},
    "assume_compound": {"zh": "{creditor}：未还利息也计罚息（复利），每{days}天计入本金。",
                        "en": "{creditor}: unpaid interest is charged too (compound), added every {days} days."},
    "assume_late_fee": {"zh": "{creditor}：每期违约金为最低还款额的{rate}。", "en": "{creditor}: a late fee of {rate} of the minimum payment each month."},
    "assume_grace": {"zh": "{creditor}：有{days}天宽限期。", "en": "{creditor}: {days} days' grace."},
    "assume_source": {"zh": "来源：{source}（{date}）", "en": "Source: {source} ({date})"},
    "assume_yours": {"zh": "（您在资料中修改过）", "en": "(you changed this in your profile)"},
    "assume_not_due": {"zh": "尚未到期部分的利息不计入“今天共欠”，它属于以后的月供。",
                       "en": "Interest on the part not yet due is not in 'owed today': it belongs to future payments."},
    # --- options
    "options_title": {"zh": "可以向{creditor}提出的方案", "en": "Plans you could ask {creditor} for"},
    "opt_keep_contract": {"zh": "补上逾期，按原合同还", "en": "Pay the arrears, keep the contract"},
    "opt_installments": {"zh": "分{months}期（按合同利率）", "en": "{months} months at the contract rate"},
    "opt_penalty_waiver": {"zh": "免罚息，分{months}期", "en": "Penalties waived, {months} months"},
    "opt_interest_frozen": {"zh": "停息挂账，分{months}期", "en": "Interest frozen, {months} months"},
    "opt_deferral": {"zh": "先缓{defer}个月，再分{term}期", "en": "{defer} months' pause, then {term} months"},
    "opt_product_installments": {"zh": "产品自带分期，{months}期（按手续费）", "en": "The product's own installments, {months} months (fees)"},
    "opt_offer": {"zh": "对方提出的方案：{label}（{months}期）", "en": "Their offer: {label} ({months} months)"},
    "opt_settlement": {"zh": "一次性结清（减免部分利息罚息）", "en": "One-off settlement (part of charges waived)"},
    "offer_sentence": {"zh": "“{label}”：每月 {monthly}，共 {months} 期，总共要还 {total}，折合年化利率 {apr}（按内部收益率计算，含手续费）{fee}。",
                       "en": "“{label}”: {monthly} a month for {months} months, {total} in all: a true annual rate "
                             "(APR, by internal rate of return, fees included) of {apr}{fee}."},
    "offer_fee_note": {"zh": "，而不是表面上的每月{fee}（年{simple}）", "en": ", not the {fee} a month ({simple} a year) it sounds like"},
    "monthly_payment": {"zh": "月供", "en": "Monthly"},
    "upfront": {"zh": "先付", "en": "Paid at once"},
    "total_paid": {"zh": "总共要还", "en": "Total paid"},
    "cost": {"zh": "本金之外多付", "en": "Paid above principal"},
    "apr": {"zh": "年化利率", "en": "APR"},
    "months": {"zh": "期数", "en": "Months"},
    "fits": {"zh": "能负担", "en": "Affordable"},
    "fits_stress": {"zh": "收入降{drop}仍能负担", "en": "Still with income {drop} lower"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "share_sentence": {"zh": "给{creditor}的还款额度：每月 {share}。", "en": "Money for {creditor}: {share} a month."},
    # --- proposal reasons
    "reason_fits": {
        "zh": "建议提出：{option}，每月 {monthly}。它在您给{creditor}的额度 {share} 之内（已留出{buffer}备用），",
        "en": "Propose: {option}, {monthly} a month. It fits the {share} a month you can give {creditor} "
              "(with {buffer} kept back), "},
    "reason_stress_ok": {"zh": "收入减少{drop}时也还得起；", "en": "and it still works if your income falls by {drop}. "},
    "reason_stress_no": {"zh": "但如果收入再减少{drop}就会吃紧；", "en": "but it would be tight if your income fell by {drop}. "},
    "reason_saving": {"zh": "比“{alt}”少付 {saving}。", "en": "It costs {saving} less than “{alt}”. "},
    "reason_end": {"zh": "总共还 {total}。", "en": "In all you would pay {total}."},
    "reason_none": {
        "zh": "目前没有您负担得起的方案：给{creditor}的额度是每月 {share}，最低的方案“{option}”也需要每月 {needed}。"
              "先向对方说明实际情况，请求更长期限或停息；同时看看能否增加收入或减少开支。",
        "en": "No plan fits yet: you can give {creditor} {share} a month, and the lowest plan, {option}, needs "
              "{needed} a month. Explain your situation and ask for a longer term or an interest freeze; meanwhile "
              "look for ways to raise income or cut costs."},
    "fallback": {"zh": "如果对方不同意，可以接受的底线：{option}，每月 {monthly}。不要答应超过 {share} 的月供。",
                 "en": "If they refuse, you could accept: {option}, {monthly} a month. Do not agree to more than "
                       "{share} a month."},
    "apr_warning": {"zh": "注意：这个方案的年化利率 {apr} 超过{cap}。", "en": "Note: this plan's APR of {apr} is above {cap}."},
    # --- strategies
    "priority_title": {"zh": "先联系谁", "en": "Who to contact first"},
    "priority_line": {"zh": "{creditor}：不还的话每周多欠 {week}", "en": "{creditor}: grows by {week} a week if unpaid"},
    "priority_note": {"zh": "按拖延的代价排序：越往前，越值得先谈。每一家都要联系，不要让任何一家觉得被忽略。",
                      "en": "In order of what waiting costs: the higher, the sooner to talk. Contact every lender; "
                            "none should feel ignored."},
    "strategies_title": {"zh": "几笔债一起还：三种分配方式", "en": "Several debts: three ways to share the money"},
    "strategy_pro-rata": {"zh": "按比例分配（每家都有份）", "en": "Pro rata (every lender gets a share)"},
    "strategy_avalanche": {"zh": "先还利率最高的", "en": "Highest rate first"},
    "strategy_snowball": {"zh": "先还金额最小的", "en": "Smallest balance first"},
    "debt_free": {"zh": "还清时间", "en": "Debt-free"},
    "never": {"zh": "按现在的额度还不清", "en": "not with this amount"},
    "strategy_assumption": {"zh": "假设逾期费用已停止、按合同利率计息，每月共还 {monthly}。",
                            "en": "Assumes charges stop and the contract rate applies, paying {monthly} a month in all."},
    # --- warnings
    "warn_negative_surplus": {"zh": "每月开支比收入多 {amount}：先处理基本生活。",
                              "en": "You spend {amount} a month more than you earn: deal with that first."},
    "warn_no_income": {"zh": "资料里没有收入。", "en": "No income is listed."},
    "warn_no_feasible_option": {"zh": "{creditor}：没有负担得起的方案，最低需要每月 {needed}（额度 {share}）。",
                                "en": "{creditor}: no plan fits; the lowest needs {needed} a month (you have {share})."},
    "warn_not_stress_proof": {"zh": "{creditor}：建议的方案在收入减少{drop}时会吃紧。",
                              "en": "{creditor}: the proposed plan would be tight if income fell by {drop}."},
    "warn_apr_above_cap": {"zh": "{creditor}：方案的年化利率 {apr} 超过{cap}。", "en": "{creditor}: the plan's APR of {apr} is above {cap}."},
    "warn_court_cap_excess": {"zh": "{creditor}：已收费用中有 {amount} 超过法院支持的上限。",
                              "en": "{creditor}: {amount} of the charges is above what a court would uphold."},
    "warn_payment_late": {"zh": "{creditor}：协议还款已晚了 {days} 天，还差 {amount}。请尽快补上并联系对方。",
                          "en": "{creditor}: an agreed payment is {days} days late; {amount} is missing. Pay it soon "
                                "and tell the lender."},
    "warn_agreement_above_share": {"zh": "{creditor}：已约定每月还 {amount}，超过了按您的收支能给这一家的 {share}。"
                                         "如果坚持不了，请在下次还款日之前主动联系对方调整，不要等到再次逾期。",
                                   "en": "{creditor}: the agreed {amount} a month is more than the {share} your budget "
                                         "can give this lender. If you cannot keep it, ask to adjust it before the "
                                         "next due date rather than missing a payment again."},
    "warnings": {"zh": "需要注意", "en": "Please note"},
    "proposal_title": {"zh": "建议方案", "en": "What to propose"},
    "chart_budget": {"zh": "每月的钱去了哪里", "en": "Where the money goes each month"},
    "chart_waiting": {"zh": "什么都不还时欠款的增长", "en": "What you owe if nothing is paid"},
    "chart_cap_line": {"zh": "法院支持的上限（年{cap}）", "en": "Most a court upholds ({cap} a year)"},
    "chart_days": {"zh": "从今天起的天数", "en": "Days from today"},
    "chart_balance": {"zh": "各方案剩余欠款", "en": "Balance left under each plan"},
    "chart_month": {"zh": "月", "en": "Month"},
    "chart_monthly": {"zh": "月供与可用额度", "en": "Monthly payment against the money available"},
    "chart_total": {"zh": "总共要还", "en": "Total paid"},
    "chart_heatmap": {"zh": "能负担的期限和利率（绿色=负担得起）", "en": "Terms and rates you can afford (green = affordable)"},
    "chart_rate": {"zh": "年利率", "en": "Annual rate"},
    "chart_term": {"zh": "期数（月）", "en": "Term (months)"},
    "chart_strategies": {"zh": "三种分配方式：总欠款随时间变化", "en": "Three ways to share: total owed over time"},
    "chart_tracking": {"zh": "协议计划与实际还款", "en": "Agreed plan and payments made"},
    "planned": {"zh": "计划累计", "en": "Planned (cumulative)"},
    "paid": {"zh": "实际累计", "en": "Paid (cumulative)"},
    "currency_unit": {"zh": "元", "en": "CNY"},
    # --- form labels (widgets)
    "w_save": {"zh": "保存到文件", "en": "Save to file"},
    "w_saved": {"zh": "已保存：{path}（旧版本保留为 .bak）", "en": "Saved: {path} (the previous version is kept as .bak)"},
    "w_invalid": {"zh": "请先改正：", "en": "Please fix first: "},
    "w_debt": {"zh": "哪笔债", "en": "Debt"},
    "w_option": {"zh": "方案", "en": "Plan"},
    "w_add_contact": {"zh": "添加这条记录", "en": "Add this contact"},
    "w_added": {"zh": "已添加。", "en": "Added."},
    "w_add_line": {"zh": "添加一项", "en": "Add a line"},
    "w_add_debt": {"zh": "添加一笔债", "en": "Add a debt"},
    "w_adults": {"zh": "成年人数", "en": "Adults"},
    "w_children": {"zh": "子女数", "en": "Children"},
    "w_area": {"zh": "居住地", "en": "Where you live"},
    "w_area_urban": {"zh": "城镇", "en": "Town or city"},
    "w_area_rural": {"zh": "农村", "en": "Countryside"},
    "w_area_all": {"zh": "不区分", "en": "Either"},
    "w_balance": {"zh": "存款余额", "en": "Savings now"},
    "w_monthly_contribution": {"zh": "每月存入", "en": "Saved each month"},
    "w_name": {"zh": "名称", "en": "Name"},
    "w_amount": {"zh": "金额", "en": "Amount"},
    "w_rate": {"zh": "利率", "en": "Rate"},
    "w_principal": {"zh": "本金", "en": "Principal"},
    "w_daily_rate": {"zh": "日利率（如 0.0005）", "en": "Daily rate (e.g. 0.0005)"},
    "w_annual_rate": {"zh": "年利率（如 0.12）", "en": "Annual rate (e.g. 0.12)"},
    "w_overdue_since": {"zh": "第一次逾期的还款日", "en": "First missed due date"},
    "w_overdue_amount": {"zh": "逾期金额", "en": "Overdue amount"},
    "w_unpaid_interest": {"zh": "未还利息", "en": "Unpaid interest"},
    "w_penalty_multiplier": {"zh": "罚息倍数", "en": "Penalty multiplier"},
    "w_channel": {"zh": "联系方式", "en": "Channel"},
    "w_person": {"zh": "对方姓名或工号", "en": "Person or staff no."},
    "w_offered": {"zh": "我提出", "en": "I offered"},
    "w_asked": {"zh": "对方要求", "en": "They asked"},
    "w_outcome": {"zh": "结果", "en": "Outcome"},
    "w_next_step": {"zh": "下一步", "en": "Next step"},
}

CATEGORY_NAMES = {
    "food": ("食品", "Food"), "clothing": ("衣着", "Clothing"), "housing": ("居住", "Housing"),
    "rent": ("房租/房贷", "Rent or mortgage"), "utilities": ("水电燃气", "Utilities"),
    "household": ("日用品及服务", "Household goods"), "transport": ("交通", "Transport"),
    "communication": ("通信", "Phone and internet"), "education": ("教育文化娱乐", "Education and leisure"),
    "childcare": ("子女教育/托管", "Childcare and school"), "leisure": ("娱乐", "Leisure"),
    "health": ("医疗保健", "Health"), "insurance": ("保险", "Insurance"), "personal": ("个人开支", "Personal"),
    "other": ("其他", "Other"),
}
GROUP_NAMES = {"transport": ("交通通信", "Transport and communications"),
               "education": ("教育文化娱乐", "Education, culture and leisure"),
               "household": ("生活用品及服务", "Household goods and services"),
               "food": ("食品烟酒", "Food, drink and tobacco"), "other": ("其他用品及服务", "Other goods and services")}

PRODUCT_NAMES = {"jiebei": ("借呗", "Jiebei"), "huabei": ("花呗", "Huabei"), "weilidai": ("微粒贷", "Weilidai"),
                 "credit-card": ("信用卡", "Credit card"), "generic": ("其他贷款", "Other loan")}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str, **params: Any) -> str:
    """The sentence ``key`` in ``lang``, with ``params`` filled in."""
    entry = TEXT[key]
    text = entry.get(_lang(lang)) or entry["zh"]
    return text.format(**params) if params else text


def money_text(value: Decimal | None, lang: str, unit: bool = True, currency: str = "CNY") -> str:
    """``1,234.56 元`` (zh) or ``CNY 1,234.56`` (en).

    >>> money_text(Decimal("21260"), "zh"), money_text(Decimal("-5.5"), "en")
    ('21,260.00 元', '-CNY 5.50')
    """
    if value is None:
        return "—"
    v = round_money(Decimal(value))
    body = f"{abs(v):,.2f}"
    sign = "-" if v < 0 else ""
    if not unit:
        return sign + body
    if _lang(lang) == "zh":
        return f"{sign}{body} {'元' if currency == 'CNY' else currency}"
    return f"{sign}{currency} {body}"


def rate_text(value: Decimal | None, lang: str, places: int = 2) -> str:
    """A rate as a percentage: ``13.03%``; ``—`` for None.

    >>> rate_text(Decimal("0.130335"), "en")
    '13.03%'
    """
    if value is None:
        return "—"
    return f"{Decimal(value) * 100:.{places}f}%"


def date_text(value: _dt.date | None, lang: str) -> str:
    """``2026年11月28日`` or ``28 Nov 2026``.

    >>> date_text(_dt.date(2026, 11, 28), "zh"), date_text(_dt.date(2026, 11, 28), "en")
    ('2026年11月28日', '28 Nov 2026')
    """
    if value is None:
        return "—"
    if _lang(lang) == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%d %b %Y").lstrip("0")


def months_text(n: int | None, lang: str) -> str:
    if n is None:
        return t("never", lang)
    return f"{n} 个月" if _lang(lang) == "zh" else f"{n} month{'s' if n != 1 else ''}"


def category_name(category: str, lang: str, group: bool = False) -> str:
    names = (GROUP_NAMES.get(category) if group else None) or CATEGORY_NAMES.get(category, (category, category))
    return names[0] if _lang(lang) == "zh" else names[1]


def product_name(product: str, lang: str) -> str:
    names = PRODUCT_NAMES.get(product, (product, product))
    return names[0] if _lang(lang) == "zh" else names[1]


def option_name(option: Any, lang: str) -> str:
    """A plain name for an option (:class:`debtplan.calc.options.Option`)."""
    kind = option.kind
    if kind == "deferral":
        defer = sum(1 for p in option.payments if p == 0)
        return t("opt_deferral", lang, defer=defer, term=option.months - defer)
    return t(f"opt_{kind}", lang, months=option.months, label=getattr(option, "label", ""))


def reason_text(debt_assessment: Any, assessment: Any, lang: str) -> str:
    """Why this proposal, in one or two plain sentences."""
    p = debt_assessment.proposal
    o = p.option
    creditor = debt_assessment.debt.creditor
    share = money_text(debt_assessment.share, lang)
    buffer = rate_text(assessment.settings["buffer_rate"], lang, 0)
    drop = rate_text(assessment.settings["stress_income_drop"], lang, 0)
    if not p.fits:
        return t("reason_none", lang, creditor=creditor, share=share, option=option_name(o, lang),
                 needed=money_text(p.needed_monthly, lang))
    text = t("reason_fits", lang, option=option_name(o, lang), monthly=money_text(o.monthly_payment, lang),
             creditor=creditor, share=share, buffer=buffer)
    if o.upfront and not o.months:
        text = text.replace(money_text(o.monthly_payment, lang), money_text(o.upfront, lang))
    text += t("reason_stress_ok" if p.survives_stress else "reason_stress_no", lang, drop=drop)
    if p.alternative is not None and p.saving and p.saving > 0:
        text += t("reason_saving", lang, saving=money_text(p.saving, lang), alt=option_name(p.alternative, lang))
    text += t("reason_end", lang, total=money_text(o.total_paid, lang))
    if p.apr_above_cap:
        text += " " + t("apr_warning", lang, apr=rate_text(o.apr, lang),
                        cap=rate_text(assessment.limits.apr_warning, lang, 0))
    return text


def warning_text(warning: Any, lang: str) -> str:
    params = {}
    for k, v in warning.params.items():
        if k in ("amount", "needed", "share"):
            params[k] = money_text(v, lang)
        elif k in ("apr", "drop", "cap"):
            params[k] = rate_text(v, lang, 2 if k == "apr" else 0)
        else:
            params[k] = v
    return t(f"warn_{warning.code}", lang, **params)
