"""Sentences of the negotiation pack (statement, letters, checklist, talking points), in 中文 and English.

Calm, plain, polite; nothing here promises what a lender has not agreed.
"""
from __future__ import annotations

PACK: dict[str, dict[str, str]] = {
    "statement_title": {"zh": "个人经济状况说明", "en": "Statement of my financial situation"},
    "household": {"zh": "家庭情况", "en": "Household"},
    "household_line": {"zh": "成年人 {adults} 人，子女 {children} 人。", "en": "{adults} adult(s), {children} child(ren)."},
    "household_city": {"zh": "成年人 {adults} 人，子女 {children} 人，居住在{city}。",
                       "en": "{adults} adult(s), {children} child(ren), living in {city}."},
    "savings_line": {"zh": "存款：{amount}", "en": "Savings: {amount}"},
    "hardship_title": {"zh": "困难说明", "en": "What happened"},
    "hardship_job_loss": {"zh": "失业", "en": "Loss of job"},
    "hardship_income_drop": {"zh": "收入减少", "en": "Lower income"},
    "hardship_illness": {"zh": "疾病或受伤", "en": "Illness or injury"},
    "hardship_family": {"zh": "家庭变故", "en": "Family emergency"},
    "hardship_business": {"zh": "经营困难", "en": "Business difficulty"},
    "hardship_other": {"zh": "其他原因", "en": "Other"},
    "since": {"zh": "自 {date} 起", "en": "since {date}"},
    "debts_title": {"zh": "全部欠款", "en": "All my debts"},
    "signature": {"zh": "以上情况属实。签名：____________  日期：____________",
                  "en": "I confirm this is true. Signed: ____________  Date: ____________"},
    "letter_title": {"zh": "还款协商申请（致{creditor}）", "en": "Repayment proposal (to {creditor})"},
    "letter_greeting": {"zh": "{creditor}客服/贷后部门：", "en": "Dear {creditor} customer service,"},
    "letter_intro": {"zh": "我是{name}{account}。我在贵方的借款目前共欠 {total}（截至 {date}），其中本金 {principal}。",
                     "en": "I am {name}{account}. As of {date} I owe you {total}, of which {principal} is principal."},
    "letter_account": {"zh": "（账户/借据尾号 {account}）", "en": " (account {account})"},
    "letter_hardship": {"zh": "{reason}{since}，我没能按时还款，对此我很抱歉。{text}",
                        "en": "Because of {reason} {since}, I could not pay on time, and I am sorry for that. {text}"},
    "letter_capacity": {"zh": "我仔细核算了收支（见附上的《个人经济状况说明》）：每月收入 {income}，必要开支 {costs}{others}。"
                              "我每月最多能稳定拿出 {share} 还给贵方。",
                        "en": "I have gone through my income and costs (see the attached statement): {income} a month "
                              "coming in and {costs} of essential costs{others}. I can reliably pay you {share} a month."},
    "letter_others": {"zh": "，同时还要偿还另外 {count} 笔欠款", "en": ", with {count} other debt(s) to repay as well"},
    "letter_ask": {"zh": "因此我恳请贵方同意以下还款方案：", "en": "I therefore ask you to agree to this plan:"},
    "letter_plan_months": {"zh": "分 {months} 期，每月 {monthly}，首期 {first}，以后每月同日还款", "en":
                           "{months} monthly payments of {monthly}, the first on {first}, then on the same day each month"},
    "letter_plan_upfront": {"zh": "一次性支付 {upfront} 结清全部欠款", "en": "a single payment of {upfront} to settle the whole debt"},
    "letter_frozen_yes": {"zh": "方案期间停止计息", "en": "no further interest during the plan"},
    "letter_frozen_no": {"zh": "按合同利率计息", "en": "interest at the contract rate"},
    "letter_waiver_yes": {"zh": "免除已产生的罚息和违约金 {waived}", "en": "waive the penalty interest and fees charged so far, {waived}"},
    "letter_waiver_no": {"zh": "罚息和费用按实际计算", "en": "penalties and fees as charged"},
    "letter_total": {"zh": "按此方案总共偿还 {total}。", "en": "Under this plan I would pay {total} in all."},
    "letter_schedule": {"zh": "还款计划表", "en": "Payment schedule"},
    "letter_confirm": {"zh": "如贵方同意，请以书面形式（短信、App消息或盖章文件）确认方案内容，包括是否停息、是否免罚息、"
                             "是否上报征信。恳请在 {reply_by} 前回复。我会严格按计划还款。",
                       "en": "If you agree, please confirm the plan in writing (text message, app message or a stamped "
                             "letter), including whether interest stops, whether penalties are waived and what is "
                             "reported to the credit bureau. Please reply by {reply_by}. I will keep to the plan."},
    "letter_thanks": {"zh": "感谢您的理解与帮助。", "en": "Thank you for your understanding."},
    "letter_sign": {"zh": "此致\n{name}\n{date}", "en": "Yours sincerely,\n{name}\n{date}"},
    "letter_contact": {"zh": "联系电话：{phone}", "en": "Phone: {phone}"},
    "letter_not_fit": {"zh": "我目前的收入还不足以承担任何一种方案。我会尽力增加收入、减少开支，并恳请贵方暂缓催收，给我{months}个月时间，"
                              "届时我会再次联系贵方提出具体方案。",
                       "en": "My income does not yet cover any plan. I am working to raise my income and cut my costs, "
                             "and I ask you to pause collection for {months} months, after which I will contact you "
                             "again with a concrete plan."},
    "letter_token": {"zh": "目前任何分期方案的月供都超过我的能力。我每月能稳定拿出 {share}。恳请贵方暂停计息和催收，先接受每月 {share} 的还款，"
                           "{months}个月后我会根据收入情况再提出正式方案。（即使“{option}”，每月也需要 {needed}。）",
                     "en": "Every installment plan is more than I can pay each month. I can reliably pay {share} a month. I "
                           "ask you to pause interest and collection and accept {share} a month for now; in {months} "
                           "months I will come back with a full plan. (Even “{option}” would need {needed} a month.)"},
    "period": {"zh": "期数", "en": "No."},
    "due_date": {"zh": "还款日", "en": "Due date"},
    "checklist_title": {"zh": "需要准备的材料", "en": "What to prepare"},
    "check_id": {"zh": "身份证（复印件或照片）", "en": "ID card (a copy or photo)"},
    "check_contract": {"zh": "{creditor}的借款合同或电子借据（App里可以下载）", "en": "The loan contract or e-receipt from {creditor} (downloadable in the app)"},
    "check_records": {"zh": "{creditor}的还款记录（截图或导出）", "en": "Your repayment record with {creditor} (screenshots or export)"},
    "check_income": {"zh": "收入证明（工资条、劳动合同或单位证明）", "en": "Proof of income (payslips, work contract or a letter from your employer)"},
    "check_bank": {"zh": "最近3到6个月的银行流水", "en": "Bank statements for the last 3 to 6 months"},
    "check_statement": {"zh": "本报告中的《个人经济状况说明》（签名）", "en": "The statement of your finances in this report (signed)"},
    "check_job_loss": {"zh": "失业证明：离职证明、解除劳动合同通知或失业登记", "en": "Proof of job loss: leaving certificate, termination notice or unemployment registration"},
    "check_income_drop": {"zh": "收入减少的证明：前后几个月的工资条或流水对比", "en": "Proof of lower income: payslips or statements from before and after"},
    "check_illness": {"zh": "医院诊断证明、病历和医疗费用单据", "en": "Medical diagnosis, records and bills"},
    "check_family": {"zh": "家庭变故的证明（如死亡证明、医疗单据等）", "en": "Proof of the family emergency (e.g. certificates, bills)"},
    "check_business": {"zh": "经营困难的证明（营业执照、经营流水）", "en": "Proof of business difficulty (licence, business statements)"},
    "check_other": {"zh": "能说明困难的其他材料", "en": "Any papers that show your difficulty"},
    "check_log": {"zh": "每次沟通的记录（时间、对方工号、内容）", "en": "A record of every contact (date, staff number, what was said)"},
    "talk_title": {"zh": "沟通要点", "en": "Talking points"},
    "talk_facts": {"zh": "先说事实：我欠{creditor} {total}，其中本金 {principal}；逾期 {days} 天。我愿意还，只是现在还不上原来的月供。",
                   "en": "Start with the facts: I owe {creditor} {total}, {principal} of it principal, {days} days overdue. "
                         "I want to pay; I cannot manage the original payments now."},
    "talk_ask": {"zh": "提出请求：{option}，每月 {monthly}。", "en": "Ask for: {option}, {monthly} a month."},
    "talk_accept": {"zh": "可以接受：{option}，每月 {monthly}。", "en": "You could accept: {option}, {monthly} a month."},
    "talk_limit": {"zh": "底线：每月不要答应超过 {share}。答应还不起的方案，再次逾期通常会让协议作废、全部欠款立即到期。",
                   "en": "Your limit: do not agree to more than {share} a month. A plan you cannot keep usually fails "
                         "at the second missed payment, and then the whole balance falls due."},
    "talk_cap": {"zh": "已收费用中有 {excess} 超过年利率{cap}，法院一般不支持，可以礼貌地提出请对方减免。",
                 "en": "{excess} of the charges is above the {cap}-a-year line courts do not uphold; you can politely ask "
                       "for it to be waived."},
    "talk_questions": {"zh": "一定要问清楚：罚息是否减免？协商期间是否停止计息？是否还会上报征信、怎么上报？能否提供书面协议？",
                       "en": "Be sure to ask: are penalties waived? Does interest stop during the plan? What will be "
                             "reported to the credit bureau, and how? Can I have the agreement in writing?"},
    "talk_record": {"zh": "记下日期、对方姓名或工号、说了什么；谈完在下面的沟通记录里补上。",
                    "en": "Write down the date, the person's name or staff number and what was said; add it to the "
                          "contact log below."},
    "talk_calm": {"zh": "保持礼貌和耐心。对方不能威胁您或骚扰您的家人同事；遇到这种情况可以向银保监部门投诉。",
                  "en": "Stay polite and patient. Collectors may not threaten you or harass your family or "
                        "colleagues; if they do, you can complain to the financial regulator."},
    "rights_title": {"zh": "了解您的权利和法律界限", "en": "Know your rights and the legal limits"},
    "rights_cap": {"zh": "利息、复利、罚息、违约金和其他费用合计超过未还本金年{cap}的部分，法院一般不予支持。",
                   "en": "Interest, compound interest, penalty interest, late fees and other charges together above "
                         "{cap} a year of the unpaid principal are generally not upheld by courts."},
    "rights_apr": {"zh": "贷款机构必须向您展示年化利率（按内部收益率计算）。任何分期或手续费方案，都可以要求对方说明年化利率。",
                   "en": "Lenders must show you the annual percentage rate (by internal rate of return). For any "
                         "installment or fee offer, you can ask for its APR."},
    "rights_card": {"zh": "信用卡：确实有还款意愿但暂时无力还款的，银行可以与您协商个性化分期，最长 {months} 个月；协议应写明欠款总额、还款计划、"
                          "是否继续收取年费利息等，签订后银行应停止催收。",
                    "en": "Credit cards: if you want to pay but cannot for now, the bank may agree a personalised "
                          "installment plan of up to {months} months; the agreement must state the balance, the "
                          "schedule and which fees and interest still apply, and collection stops once it is signed."},
    "rights_record": {"zh": "征信上的逾期记录，从不良行为终止之日起保存 {years} 年。越早还清，记录越早消失。",
                      "en": "A missed-payment record stays on your credit report for {years} years from when the "
                            "default ends: the sooner it ends, the sooner it goes."},
    "rights_private": {"zh": "向个人借的钱（民间借贷），利率超过签约时一年期LPR的4倍（目前为 {cap}）的部分不受保护。",
                       "en": "For money borrowed from private persons, interest above 4 times the one-year LPR at "
                             "signing (now {cap} a year) is not protected."},
    "rights_collect": {"zh": "催收不得威胁、辱骂，不得骚扰您的家人、同事。遇到这种情况，请保留证据并向金融监管部门投诉。",
                       "en": "Collectors may not threaten or insult you or harass your family or colleagues. If "
                             "they do, keep the evidence and complain to the financial regulator."},
    "rights_borrow": {"zh": "不要借新还旧：新的借款通常更贵，会让情况更糟。", "en": "Do not borrow to repay: new loans usually cost more and make things worse."},
    "log_title": {"zh": "沟通记录", "en": "Contact log"},
    "log_empty": {"zh": "还没有记录。每次联系后请补上一行。", "en": "Nothing recorded yet. Add a line after every contact."},
    "log_date": {"zh": "日期", "en": "Date"},
    "log_channel": {"zh": "方式", "en": "Channel"},
    "log_person": {"zh": "对方", "en": "Contact person"},
    "log_offered": {"zh": "我提出", "en": "I offered"},
    "log_asked": {"zh": "对方要求", "en": "They asked"},
    "log_outcome": {"zh": "结果", "en": "Outcome"},
    "log_next": {"zh": "下一步", "en": "Next step"},
    "agreements_title": {"zh": "已达成的协议", "en": "Agreed plans"},
    "agreements_empty": {"zh": "还没有达成协议。达成后请把它写进资料文件的 agreements 部分。",
                         "en": "No plan agreed yet. When you agree one, add it under agreements in your profile."},
    "status": {"zh": "状态", "en": "Status"},
    "status_on_track": {"zh": "按计划", "en": "On track"},
    "status_behind": {"zh": "落后", "en": "Behind"},
    "status_ahead": {"zh": "提前", "en": "Ahead"},
    "due_to_date": {"zh": "到期应还", "en": "Due so far"},
    "paid_to_date": {"zh": "已还", "en": "Paid so far"},
    "next_due": {"zh": "下次还款", "en": "Next payment"},
    "channel_app": {"zh": "App", "en": "App"}, "channel_phone": {"zh": "电话", "en": "Phone"},
    "channel_chat": {"zh": "在线客服", "en": "Chat"}, "channel_letter": {"zh": "信件", "en": "Letter"},
    "channel_email": {"zh": "邮件", "en": "Email"}, "channel_in_person": {"zh": "当面", "en": "In person"},
    "channel_other": {"zh": "其他", "en": "Other"},
}
