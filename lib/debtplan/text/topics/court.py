"""Sentences of court papers: the fields recorded from a paper and the hints shown beside them, the periods a
small claim, a summons and a ruling start, the answer and the objection (which admit nothing unless she says
so), what counts as received, and what happens next, each with the article it comes from."""
from __future__ import annotations

SENTENCES: dict[str, dict[str, str]] = {
    # ---- the fields of a court paper (labels) and the hints beside them in the app's form
    "field_plaintiff": {"zh": "原告/申请人（文书上写的公司全称）", "en": "claimant (the company named on the paper)"},
    "field_paper_date": {"zh": "文书落款日期", "en": "date printed on the paper"},
    "field_admits_loan": {"zh": "在答辩状里写明确认借款", "en": "say in the answer that I do not deny the loan"},
    "field_small_claims": {"zh": "小额诉讼案件", "en": "small-claims case"},
    "field_answer_by": {"zh": "法院定的答辩截止日", "en": "answer date set by the court"},
    "field_hearing": {"zh": "开庭日期（传票上写的）", "en": "hearing date (on the summons)"},
    "field_ruling_kind": {"zh": "裁定的内容", "en": "what the ruling is about"},
    "choices_ruling_kind": {"zh": "不清楚、财产保全（或先予执行）、不予受理/管辖权异议/驳回起诉（可上诉）、其他",
                            "en": "not sure, property preservation (or advance execution), refusing the case / "
                                  "jurisdiction / dismissing the claim (can be appealed), other"},
    "hint_received": {"zh": "填您或家人真正收到的那一天，不是文书上印的落款日期。同住的成年家属代您签收的，以家属签收的日期为准"
                            "（《民事诉讼法》第八十八条）。通过短信、App等电子方式送达的，以送达信息到达您手机等系统的日期为准"
                            "（第九十条第二款）；按最高人民法院的司法解释（第一百三十五条第二款，据转引），这一般就是法院系统"
                            "显示发送成功的日期，除非您能证明实际到达的日期更晚，所以请保存短信和截图。",
                      "en": "Enter the day you, or your family, actually received it, not the date printed on the "
                            "paper. If an adult family member living with you signed for it, that day counts (Civil "
                            "Procedure Law Art. 88). Served electronically (text message, app): the day it reached "
                            "your phone counts (Art. 90 para. 2); under the Supreme People's Court interpretation "
                            "(Art. 135 para. 2, as quoted) that is normally the day the court's system shows it as "
                            "sent, unless you can show it arrived later, so keep the messages and screenshots."},
    "hint_paper_date": {"zh": "文书末尾印的日期。对方主张的金额通常算到这一天，我们也按这一天核对。",
                        "en": "The date printed at the end of the paper. The amount claimed is usually counted to "
                              "that day, so we check it against our figure for the same day."},
    "hint_plaintiff": {"zh": "照抄文书上原告或申请人的公司全称（例如“重庆蚂蚁消费金融有限公司”），不要写App或产品的名字。",
                       "en": "Copy the claimant's full company name from the paper, not the app's or the "
                             "product's name."},
    "hint_admits_loan": {"zh": "默认不勾：答辩状里不写“确认借款”。只有您确认借款本身没有争议、愿意这样写时才勾选。",
                         "en": "Left unticked, the answer does not say you accept the loan. Tick it only if the "
                               "loan itself is not in dispute and you want to say so."},
    "hint_small_claims": {"zh": "文书上写了“小额诉讼程序”才勾选：小额诉讼一审终审，不能上诉（《民事诉讼法》第一百六十五条）。",
                          "en": "Tick only if the paper says the small-claims procedure applies: a small claim is "
                                "decided in one instance, with no appeal (Civil Procedure Law Art. 165)."},
    "hint_answer_by": {"zh": "小额诉讼的答辩期由法院确定，照抄通知上写的日期。",
                       "en": "In a small claim the court sets the answer period: copy the date the notice gives."},
    "hint_hearing": {"zh": "传票上写的开庭日期。无正当理由不到庭，法院可以缺席判决（《民事诉讼法》第一百四十七条）。",
                     "en": "The hearing date on the summons. If you stay away without a proper reason, the court "
                           "can decide without you (Civil Procedure Law Art. 147)."},
    "hint_ruling_kind": {"zh": "看裁定书的标题和结尾：财产保全裁定只能申请复议；不予受理、管辖权异议、驳回起诉的裁定可以上诉；"
                               "其他裁定一般不能上诉。",
                         "en": "Look at the ruling's title and last lines: a property-preservation ruling can only "
                               "be reviewed; a ruling refusing the case, on jurisdiction or dismissing the claim can "
                               "be appealed; other rulings usually cannot."},
    "problem_court_date_order": {"zh": "“{value}”和收到日期 {received} 对不上：文书落款日期不会晚于收到的日期，法院定的答辩截止日和"
                                       "开庭日不会早于收到的日期。请对照文书改正其中一个日期。",
                                 "en": "'{value}' does not fit the day received ({received}): a paper is dated "
                                       "before it arrives, and the answer date and hearing the court sets come after. "
                                       "Check both dates against the paper and correct one."},
    # ---- kinds, acts and what happens when a date is missed
    "ct_act_review": {"zh": "向作出裁定的法院申请复议（不是上诉）", "en": "ask the court that made it for a review (not an appeal)"},
    "ct_act_ruling_unknown": {"zh": "对裁定申请复议或上诉（先看裁定书写的是哪一种）",
                              "en": "ask for a review of the ruling, or appeal it (check which the ruling names)"},
    "ct_act_answer": {"zh": "提交答辩状（小额诉讼，法院定的期限）", "en": "file your answer (small claim: the court's date)"},
    "ct_act_hearing": {"zh": "出庭", "en": "attend the hearing"},
    "ct_missed_review": {"zh": "过了复议期，裁定照样执行；复议期间也不停止执行（《民事诉讼法》第一百一十一条）。",
                         "en": "After the review period the ruling stands; a review does not stop it being carried "
                               "out meanwhile (Civil Procedure Law Art. 111)."},
    "ct_missed_absence": {"zh": "被告经传票传唤，无正当理由拒不到庭的，法院可以缺席判决（《民事诉讼法》第一百四十七条）。"
                                "去不了的，开庭前就联系法院说明理由。",
                          "en": "A defendant summoned who stays away without a proper reason can be judged in "
                                "absence (Civil Procedure Law Art. 147). If you cannot go, tell the court before the "
                                "hearing and say why."},
    "ct_cal_hearing": {"zh": "开庭：{creditor}（传票）", "en": "Hearing: {creditor} (summons)"},
    "ct_cal_hearing_desc": {"zh": "请按传票上的时间、地点出庭，带上身份证和材料。不到庭的后果：{article}。不是法律意见，请咨询12348或律师。",
                            "en": "Go to the hearing at the time and place on the summons, with your ID and papers. "
                                  "If you stay away: {article}. Not legal advice: call 12348 or ask a lawyer."},
    "ct_hearing_line": {"zh": "开庭：{due}（传票上的日期）。无正当理由不到庭，法院可以缺席判决（{article}）。",
                        "en": "Hearing: {due} (the date on the summons). If you stay away without a proper reason, "
                              "the court can decide without you ({article})."},
    "ct_due_court_set": {"zh": "{act}：最迟 {due}（法院在文书上定的日期；{article}）。",
                         "en": "{act}: by {due} at the latest (the date the court set on the paper; {article})."},
    "ct_unverified": {"zh": "（这一条的司法解释条文号据二手资料转引，未能核对原文；请以文书和法院告知为准。）",
                      "en": "(The interpretation's article is quoted from secondary sources and could not be "
                            "checked in its text; go by what the paper and the court tell you.)"},
    "ct_ruling_unknown": {"zh": "没有记录这份裁定的内容，所以按最早可能的期限（复议5天）提醒。财产保全裁定只能申请复议；"
                                "不予受理、管辖权异议、驳回起诉的裁定可以在10天内上诉（{article}）。",
                          "en": "What this ruling is about was not recorded, so the earliest possible period (5 days "
                                "for a review) is shown. A property-preservation ruling can only be reviewed; a "
                                "ruling refusing the case, on jurisdiction or dismissing the claim can be appealed "
                                "within 10 days ({article})."},
    "ct_none_small_claims_judgment": {"zh": "这是小额诉讼的判决：一审终审，不能上诉，送达后即发生法律效力（{article}）。"
                                            "请尽快按判决还款或与对方协商，并拨打12348咨询。",
                                      "en": "This is a small-claims judgment: decided in one instance, it cannot be "
                                            "appealed and takes effect once served ({article}). Pay as it says or "
                                            "talk to the lender soon, and call 12348 for advice."},
    "ct_none_small_claims_no_date": {"zh": "小额诉讼的答辩期由法院确定（最长15天），没有记录法院定的日期，所以这里算不出期限："
                                           "请把通知上的日期记下来，并按最短的可能尽快答辩。",
                                     "en": "In a small claim the court sets the answer period (at most 15 days). "
                                           "Its date is not recorded, so no date is computed here: record the date "
                                           "on the notice, and answer as soon as you can."},
    "ct_small_claims": {"zh": "这是小额诉讼：一审终审，判决后不能上诉（{article}）。答辩和举证要一次做好。",
                        "en": "This is a small claim: decided in one instance, with no appeal after the judgment "
                              "({article}). Make your answer and evidence complete the first time."},
    "ct_none_ruling_other": {"zh": "这类裁定不能上诉：只有不予受理、管辖权异议、驳回起诉的裁定可以上诉（{article}）。"
                                   "有疑问请拨打12348。",
                             "en": "This kind of ruling cannot be appealed: only rulings refusing the case, on "
                                   "jurisdiction or dismissing the claim can ({article}). Call 12348 if unsure."},
    # ---- what counts as received
    "ct_received_title": {"zh": "哪一天算“收到”", "en": "Which day counts as \"received\""},
    "ct_received_family": {"zh": "同住的成年家属代您签收的，以家属签收的日期为送达日期，期限从第二天开始算（{cite}）。",
                           "en": "If an adult family member living with you signed for it, the day they signed is "
                                 "the day of service; the period starts the next day ({cite})."},
    "ct_received_electronic": {"zh": "通过短信、App等电子方式送达的，以送达信息到达您手机等特定系统的日期为送达日期（{cite}）；"
                                     "一般就是法院系统显示发送成功的日期，除非您能证明实际到达的日期不同（{cite2}）。请保存短信和截图。",
                               "en": "Served electronically (text message, app), the day the message reached your "
                                     "phone or other system is the day of service ({cite}); that is normally the day "
                                     "the court's system shows it as sent, unless you can show it arrived on another "
                                     "day ({cite2}). Keep the messages and screenshots."},
    "ct_received_not_printed": {"zh": "文书上印的落款日期不是收到的日期：期限从真正收到（送达）的第二天算起。",
                                "en": "The date printed on the paper is not the day you received it: the period "
                                      "counts from the day after it was actually served."},
    # ---- what happens next
    "ct_next_title": {"zh": "接下来可能发生什么", "en": "What can happen next"},
    "ct_next_late_objection": {"zh": "支付令的异议超过15天才提出的，视为没有提出（{cite}）。",
                               "en": "An objection to a payment order made after the 15 days counts as none ({cite})."},
    "ct_next_objection_lawsuit": {"zh": "书面异议成立的，法院裁定终结督促程序，支付令失效，案件转入诉讼，除非申请人不同意起诉（{cite}）。",
                                  "en": "When a written objection holds, the court ends the payment-order procedure, "
                                        "the order lapses and the matter becomes a lawsuit, unless the applicant "
                                        "does not want to sue ({cite})."},
    "ct_next_freeze": {"zh": "进入强制执行后，法院可以查询、冻结、划拨您的存款，扣留、提取收入，但要保留您和家人的生活必需费用（{cite}）。",
                       "en": "Once enforcement starts, the court can look into, freeze and take money from your "
                             "accounts and withhold part of your income, leaving what you and your family need to "
                             "live on ({cite})."},
    "ct_next_report": {"zh": "收到执行通知后没有履行的，您必须如实报告现在和之前一年的财产情况；拒绝报告或虚假报告可以被罚款、拘留（{cite}）。",
                       "en": "If you do not pay after the enforcement notice, you must report your property now "
                             "and over the past year truthfully; refusing or lying can bring a fine or detention "
                             "({cite})."},
    "ct_next_limits": {"zh": "不履行的，法院还可以限制高消费；只有有能力履行而拒不履行、或者违反财产报告等义务的，"
                             "才会被列入失信被执行人名单（{cite}）。",
                       "en": "If you do not pay, the court can also limit high "
                             "spending; only someone able to pay who refuses, or who breaks duties such as the "
                             "property report, is put on the list of defaulters ({cite})."},
    "ct_next_limits_unchecked": {"zh": "限制高消费和失信名单的具体条件规定在最高人民法院的专门规定里，这里未能核对原文，以法院告知为准。",
                                 "en": "The conditions for the spending limits and the list are in Supreme People's "
                                       "Court provisions whose text was not checked here: go by what the court tells you."},
    "ct_next_exit": {"zh": "法院还可以限制出境、在征信系统记录、通过媒体公布不履行义务的信息（{cite}）。",
                     "en": "The court can also stop you leaving the country, record the failure in the credit "
                           "system and publish it ({cite})."},
    "ct_next_extension": {"zh": "因不可抗拒的事由或者其他正当理由（如住院）耽误了期限的，可以在障碍消除后10天内申请顺延，"
                                "由法院决定（{cite}）。",
                          "en": "If you missed a period for a reason beyond your control or another proper reason "
                                "(a stay in hospital, say), you can ask the court to extend it within 10 days of the "
                                "obstacle ending; the court decides ({cite})."},
    "ct_cite_unverified": {"zh": "，据转引，未核对原文", "en": ", as quoted, not checked in its text"},
    # ---- the answer and the objection: nothing admitted unless she says so
    "ct_tpl_claimant_blank": {"zh": "__________（照抄文书上的公司全称）", "en": "__________ (the company's full name as on the paper)"},
    "ct_tpl_objection_received": {"zh": "异议人于{received}收到贵院支付令。", "en": "I received the court's payment order on {received}."},
    "ct_tpl_defence_received": {"zh": "答辩人于{received}收到起诉状副本。", "en": "I received the copy of the complaint on {received}."},
    "ct_tpl_willing_if_owed": {"zh": "如经核实确有欠款，我愿意在能力范围内还款，只是暂时无力一次还清（{hardship}）：按我的收支，"
                                     "每月可以拿出 {share}，请求在法院主持下调解、分期还款。",
                               "en": "If a debt is shown to be owed, I am willing to repay what I can, but I cannot pay "
                                     "it all at once for now ({hardship}): on my income and costs I can pay {share} a "
                                     "month, and I ask for a court-led mediation and payment in instalments."},
    "ct_tpl_admit": {"zh": "答辩人确认借款。", "en": "I do not deny the loan."},
    "ct_tpl_dispute": {"zh": "{side}主张 {claimed}，{me}对其中 {excess} 有异议：按合同条款计算，截至{date}（文书日期）本金为 {principal}，"
                             "连同利息和费用合计 {computed}，计算见附件。",
                       "en": "The {side} claims {claimed}; {me} dispute {excess} of it: on the contract terms, on "
                             "{date} (the paper's date) the principal was {principal}, and {computed} with interest "
                             "and charges; the figures are attached."},
    "ct_tpl_no_excess": {"zh": "{side}主张 {claimed}。按合同条款计算，截至{date}（文书日期）合计 {computed}（计算见附件），"
                               "主张的金额没有超过这个数。",
                         "en": "The {side} claims {claimed}. On the contract terms, {computed} was owed on {date} (the "
                               "paper's date; figures attached), so the claim is not more than that."},
    "ct_tpl_no_figures": {"zh": "{side}主张 {claimed}。", "en": "The {side} claims {claimed}."},
    "ct_side_applicant": {"zh": "申请人", "en": "applicant"},
    "ct_side_claimant": {"zh": "原告", "en": "claimant"},
    "ct_me_objector": {"zh": "异议人", "en": "I"},
    "ct_me_defendant": {"zh": "答辩人", "en": "I"},
    "ct_tpl_hardship_only": {"zh": "注意：按我们的计算，这份异议里没有针对债务本身（是否存在、数额、期限）的理由。只说无力清偿、"
                                   "请求延期或分期的异议，不影响支付令的效力（{cite}）：到期不还、也没有针对债务本身的书面异议，"
                                   "对方可以申请强制执行。对借款或数额有具体异议的，请写明理由；否则请尽快与对方协商还款。",
                             "en": "Note: on our figures this objection gives no ground against the debt itself "
                                   "(whether it exists, the amount, the due date). An objection that only says you "
                                   "cannot pay, or asks for more time or instalments, does not stop the order "
                                   "({cite}): if you neither pay nor object to the debt itself in writing, the "
                                   "lender can ask for enforcement. If you do dispute the loan or the amount, write "
                                   "down why; otherwise talk to the lender about repaying soon."},
    "ct_att_title": {"zh": "附件：欠款计算（按合同条款，截至{date}）", "en": "Attachment: what is owed (on the contract terms, on {date})"},
    "ct_att_principal": {"zh": "未还本金", "en": "principal unpaid"},
    "ct_att_interest": {"zh": "到期未付利息", "en": "interest due and unpaid"},
    "ct_att_penalty": {"zh": "罚息", "en": "penalty interest"},
    "ct_att_compound": {"zh": "复利", "en": "compound interest"},
    "ct_att_fees": {"zh": "违约金等费用", "en": "late fees"},
    "ct_att_total": {"zh": "合计", "en": "total"},
    "ct_att_claimed": {"zh": "对方主张", "en": "amount claimed"},
    "ct_att_days": {"zh": "逾期天数：{days} 天。", "en": "Days overdue: {days}."},
}
