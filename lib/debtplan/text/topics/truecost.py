"""Sentences of the true cost of a loan: who lent it, which ceiling applies to that kind of lender, the loan's
all-in annual cost with every fee counted, and what to do when it is above the ceiling (calc/truecost.py,
present/truecost.py, data/rules/lenders.yaml)."""

SENTENCES = {
    # ---- the profile's fields (core/schema.py)
    "field_lender_kind": {"zh": "出借方类型", "en": "kind of lender"},
    "field_lender": {"zh": "合同上的出借方", "en": "lender named on the contract"},
    "field_funder": {"zh": "实际出资机构（助贷）", "en": "institution funding the loan (facilitation)"},
    "field_contract_date": {"zh": "合同签订日期", "en": "contract date"},
    "field_loan_amount": {"zh": "借款金额（放款时）", "en": "amount lent at the start"},
    "choices_lender_kind": {
        "zh": "bank_card（银行信用卡）、bank_loan（银行贷款）、consumer_finance（消费金融公司）、micro_lender（小额贷款公司）、"
              "facilitation（助贷平台，由其他机构出资）、private（个人或其他出借人）",
        "en": "bank_card, bank_loan, consumer_finance (consumer finance company), micro_lender (licensed micro-lender), "
              "facilitation (loan-facilitation platform funded by another institution), private (private lender)"},
    # ---- the app's debts step (app/steps/debts.py)
    "app_lender_kind_product": {"zh": "按产品通常的出借方", "en": "the product's usual lender"},
    "app_contractual_payment": {"zh": "合同每月还款（本金+利息，不含费用）", "en": "monthly payment in the contract (principal + interest, fees apart)"},
    "app_fees": {"zh": "随借款收取的费用（担保费、会员费、服务费、保险费）", "en": "Fees charged with the loan (guarantee, membership, service, insurance)"},
    "app_add_fee": {"zh": "添加一项费用", "en": "Add a fee"},
    "app_fee_guarantee": {"zh": "担保费", "en": "guarantee fee"},
    "app_fee_membership": {"zh": "会员费", "en": "membership fee"},
    "app_fee_service": {"zh": "服务费", "en": "service fee"},
    "app_fee_insurance": {"zh": "保险费", "en": "insurance premium"},
    "app_fee_other": {"zh": "其他费用", "en": "other fee"},
    "app_fee_each_payment": {"zh": "每期随还款收取", "en": "with each payment"},
    "app_fee_start": {"zh": "放款时一次性收取或扣除", "en": "once, when the loan was made (or kept back from it)"},
    # ---- warnings (calc/assessment.py)
    "warn_loan_cost_above_ceiling": {
        "zh": "{creditor}：算上所有费用，这笔借款的综合年化成本是 {apr}，超过适用的年化{cap}上限；整笔借款比按{cap}计算多付 {amount}。",
        "en": "{creditor}: with every fee counted, this loan costs {apr} a year, above the {cap} ceiling that applies; "
              "over the whole loan that is {amount} more than at {cap} a year."},
    "warn_private_needs_date": {
        "zh": "{creditor}：民间借贷的上限是合同成立时一年期LPR的4倍，请填写合同签订日期（2019年8月20日以后）。",
        "en": "{creditor}: a private loan's ceiling is 4 times the one-year LPR at the contract date; enter the "
              "contract date (from 20 August 2019 on)."},
    # ---- the report's second part (present/truecost.py)
    "tc_title": {"zh": "谁借给您的钱，这笔借款真正花多少", "en": "Who lent you the money, and what each loan really costs"},
    "tc_intro": {
        "zh": "不同的出借方适用不同的上限。“借款综合年化成本”算上了利息和担保费、会员费、服务费、保险费，按您实际拿到的钱计算"
              "（中国人民银行公告〔2021〕第3号：月内部收益率×12）。它说的是这笔借款本身；后面“方案的年利率”说的是某个还款方案收多少，是另一个数。",
        "en": "Different lenders have different ceilings. The \u201call-in cost of the loan\u201d counts the interest and "
              "the guarantee, membership, service and insurance fees, over the money you actually received (PBoC "
              "announcement [2021] No. 3: 12 \u00d7 the monthly internal rate of return). It describes the loan itself; "
              "\u201cthe rate this plan charges\u201d, later, is what a repayment plan charges: a different figure."},
    "tc_kind_bank_card": {"zh": "银行信用卡", "en": "bank credit card"},
    "tc_kind_bank_loan": {"zh": "银行贷款", "en": "bank loan"},
    "tc_kind_consumer_finance": {"zh": "消费金融公司", "en": "consumer finance company"},
    "tc_kind_micro_lender": {"zh": "小额贷款公司", "en": "licensed micro-lender"},
    "tc_kind_facilitation": {"zh": "助贷平台（由其他机构出资）", "en": "loan-facilitation platform (funded by another institution)"},
    "tc_kind_private": {"zh": "个人或其他出借人（民间借贷）", "en": "private lender"},
    "tc_col_kind": {"zh": "出借方类型", "en": "Kind of lender"},
    "tc_col_ceiling": {"zh": "适用上限", "en": "Ceiling"},
    "tc_col_cost": {"zh": "借款综合年化成本", "en": "All-in cost of the loan"},
    "tc_col_excess": {"zh": "超过上限多付", "en": "Paid beyond the ceiling"},
    "tc_no_fees": {"zh": "没有填写费用", "en": "no fees entered"},
    "tc_no_figure": {"zh": "无固定数字", "en": "no fixed figure"},
    "tc_unknown": {"zh": "需要合同日期", "en": "needs the contract date"},
    "tc_kind_assumed": {"zh": "未填写（按持牌机构的上限计算）", "en": "not given (the licensed lenders' ceiling used)"},
    "tc_kind_product": {"zh": "（这个产品通常的出借方，请以您的合同为准）", "en": " (this product's usual lender; your contract names the real one)"},
    "tc_funder": {"zh": "，出资方：{funder}", "en": ", funded by {funder}"},
    "tc_ceiling_reduce": {
        "zh": "{creditor}：持牌机构的借款，利息、复利、罚息、违约金和其他费用合计超过年利率{cap}的部分，您请求时法院应当调减。依据：{source}",
        "en": "{creditor}: for a licensed lender, when you ask, the court reduces the part of interest, compound "
              "interest, penalty interest, late fees and other charges together above {cap} a year. Source: {source}"},
    "tc_ceiling_card": {
        "zh": "{creditor}：信用卡没有固定的上限数字；发卡银行收取的利息、复利、违约金等明显过高的，您可以请求法院予以适当减少。依据：{source}",
        "en": "{creditor}: a credit card has no fixed ceiling; you can ask the court to reduce interest, compound "
              "interest, late fees and other charges that are clearly excessive. Source: {source}"},
    "tc_ceiling_within": {
        "zh": "{creditor}：2025年10月1日起发放的助贷借款，借款人承担的综合融资成本（含担保费、服务费）应在年化{cap}以内。依据：{source}",
        "en": "{creditor}: for a facilitated loan made from 1 October 2025, the total cost to the borrower, guarantee and "
              "service fees included, must stay within {cap} a year. Source: {source}"},
    "tc_ceiling_private": {
        "zh": "{creditor}：民间借贷，超过合同成立时一年期LPR四倍（{cap}）的利息不受法律保护。依据：{source}",
        "en": "{creditor}: private lending; interest above four times the one-year LPR at the contract date ({cap}) "
              "is not supported by the courts. Source: {source}"},
    "tc_ceiling_private_date": {
        "zh": "{creditor}：民间借贷的上限是合同成立时一年期LPR的四倍，需要合同签订日期才能算出。依据：{source}",
        "en": "{creditor}: private lending; the ceiling is four times the one-year LPR at the contract date, which is "
              "needed to compute it. Source: {source}"},
    "tc_unverified": {"zh": "（只找到二手资料，是律师的解读，未核对原文）", "en": " (only secondary sources found: lawyers' reading, the original text not checked)"},
    "tc_cost": {
        "zh": "{creditor}：借款综合年化成本 {apr}（每月 {monthly}×12），您实际拿到 {received}，每月连费用共还 {payment}，费用合计 {fees}。",
        "en": "{creditor}: all-in cost of the loan {apr} a year (12 \u00d7 {monthly} a month): you received {received} "
              "and pay {payment} a month with the fees; the fees come to {fees}."},
    "tc_above": {
        "zh": "这超过了年化{cap}的上限：整笔借款比同样金额、同样期数、按年化{cap}等额还款多付 {excess}。您可以要求退还已多付的部分、停止收取超出的费用。",
        "en": "That is above the {cap} ceiling: over the whole loan you pay {excess} more than a loan of the same amount "
              "and months at {cap} a year in equal installments. You can ask for what you paid beyond it back, and for "
              "it to stop being charged."},
    "tc_within": {"zh": "在年化{cap}的上限以内。", "en": "That is within the {cap} ceiling."},
    "tc_card_charges": {
        "zh": "信用卡没有固定的上限：如果利息和违约金明显过高，您可以请求法院适当减少（法释〔2021〕10号 第二条）。",
        "en": "A credit card has no fixed ceiling: if the interest and late fees are clearly excessive, you can ask the "
              "court to reduce them (SPC bank-card provisions, Fashi [2021] No. 10, Art. 2)."},
    # ---- the letter asking for the excess back (present/truecost.py, part 5)
    "tc_letter_section": {"zh": "借款成本超过上限：要求退还的信", "en": "A loan that costs more than its ceiling: a letter asking for the excess back"},
    "tc_letter_title": {"zh": "关于退还超出年化{cap}部分费用的申请（{creditor}）", "en": "Request to refund the charges above {cap} a year ({creditor})"},
    "tc_letter_to": {"zh": "{lender}：", "en": "To {lender}:"},
    "tc_letter_facts": {
        "zh": "我在贵方的借款{account}：实际到手 {received}，分 {months} 期，每期连同担保费、服务费等共还 {payment}，费用合计 {fees}。"
              "按中国人民银行公告〔2021〕第3号的方法（内部收益率，按实际到手金额计算）折算，这笔借款的综合年化成本为 {apr}。",
        "en": "My loan with you{account}: I received {received}, to be repaid in {months} monthly payments of {payment} "
              "each, guarantee, service and other fees included; the fees come to {fees}. Computed as PBoC announcement "
              "[2021] No. 3 requires (internal rate of return over the amount actually received), the loan costs {apr} a year."},
    "tc_letter_rule": {"zh": "这超过了适用的年化{cap}上限。依据：{source}", "en": "This is above the {cap} ceiling that applies. Source: {source}"},
    "tc_letter_ask": {
        "zh": "整笔借款比按年化{cap}计算多收 {excess}。请：一、退还我已多付的部分；二、停止收取超过年化{cap}的利息和费用，并重新出具还款计划；"
              "三、在收到本信后15日内书面答复。",
        "en": "Over the whole loan, that is {excess} more than at {cap} a year. Please: 1. refund what I have already paid "
              "beyond it; 2. stop charging interest and fees above {cap} a year and send me a corrected repayment "
              "schedule; 3. reply in writing within 15 days of receiving this letter."},
    "tc_letter_then": {
        "zh": "如果贵方不处理，我将向国家金融监督管理总局（电话12378）投诉，并在诉讼中请求法院调减。",
        "en": "If you do not, I will complain to the National Financial Regulatory Administration (hotline 12378) and, "
              "in any lawsuit, ask the court to reduce the charges."},
    "tc_letter_sign": {"zh": "借款人：{name}\n日期：{date}", "en": "Borrower: {name}\nDate: {date}"},
    "tc_letter_account": {"zh": "（账户 {account}）", "en": " (account {account})"},
    # ---- figures for a court defence (part 5)
    "tc_defence_title": {"zh": "在法院答辩时可以用的数字", "en": "Figures for a defence in court"},
    "tc_defence_line": {
        "zh": "{creditor}：借款综合年化成本 {apr}，适用上限年化{cap}（{source}）；整笔借款超出上限 {excess}。答辩时请求法院调减超过年化{cap}的部分，并把已多付的部分抵扣本金。",
        "en": "{creditor}: all-in cost of the loan {apr} a year; the ceiling that applies is {cap} a year ({source}); over "
              "the whole loan {excess} beyond it. In your defence, ask the court to reduce the part above {cap} a year "
              "and to count what you paid beyond it against the principal."},
    # ---- the proposal letter, for a private loan (present/pack.py)
    "letter_cap_excess_private": {
        "zh": "其中 {excess} 是超过合同成立时一年期贷款市场报价利率四倍（年利率{cap}）的部分，人民法院不予支持（《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条），请从欠款中扣除这部分。",
        "en": "Of this, {excess} is above four times the one-year loan prime rate at the contract date ({cap} a year), "
              "which the courts do not support (SPC provisions on private lending, Art. 25); please take it off what I owe."},
    # ---- talking points (present/pack.py)
    "talk_loan_cost": {
        "zh": "算上担保费等所有费用，这笔借款的综合年化成本是 {apr}，超过年化{cap}的上限，多出 {excess}。请退还多收的部分，并按不超过{cap}重新计算。",
        "en": "With the guarantee and every other fee counted, this loan costs {apr} a year, above the {cap} ceiling, "
              "{excess} more over the loan. Please refund what was charged beyond it and recompute at no more than {cap}."},
    "talk_card_reduce": {
        "zh": "如果利息和违约金明显过高，我可以请求法院适当减少（法释〔2021〕10号 第二条）；希望我们协商解决。",
        "en": "If the interest and late fees are clearly excessive, I can ask the court to reduce them (Fashi [2021] "
              "No. 10, Art. 2); I would rather we settle it between us."},
}
