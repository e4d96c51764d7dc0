"""Her credit record: how long a negative record stays, each plan's effect on it, her free reports, objections to
a wrong record, and a plan that is about to break (present/credit.py, app/steps/credit.py)."""

SENTENCES = {
    # ---- the profile's fields (core/schema.py, section credit_objections)
    "place_credit_objections": {"zh": "第{n}条征信异议", "en": "credit objection {n}"},
    "field_institution": {"zh": "报送机构", "en": "reporting institution"},
    "field_shows": {"zh": "报告上显示的（错误）", "en": "what the report shows (wrongly)"},
    "field_should_show": {"zh": "正确的应该是", "en": "what is right"},
    "field_send_to": {"zh": "异议寄给", "en": "objection sent to"},
    "field_sent": {"zh": "提出异议的日期", "en": "date the objection was sent"},
    "field_answered": {"zh": "收到书面答复的日期", "en": "date the written answer came"},
    "choices_objection_kind": {
        "zh": "按约还款后仍显示逾期 overdue_after_plan、金额不对 wrong_amount、日期不对 wrong_date、不是我的贷款 not_mine、其他 other",
        "en": "overdue_after_plan, wrong_amount, wrong_date, not_mine, other"},
    "choices_objection_to": {"zh": "报送机构 institution、征信中心 credit_centre",
                             "en": "institution (the lender that reported it), credit_centre (the credit reference centre)"},
    "cr_kind_overdue_after_plan": {"zh": "按约还款后仍显示逾期", "en": "marked overdue although the agreed plan was kept"},
    "cr_kind_wrong_amount": {"zh": "金额不对", "en": "wrong amount"},
    "cr_kind_wrong_date": {"zh": "日期不对", "en": "wrong date"},
    "cr_kind_not_mine": {"zh": "不是我的贷款", "en": "a debt that is not mine"},
    "cr_kind_other": {"zh": "其他错误", "en": "another error"},
    "cr_to_institution": {"zh": "报送机构（贷款机构）", "en": "the reporting institution (the lender)"},
    "cr_to_credit_centre": {"zh": "中国人民银行征信中心", "en": "the PBoC Credit Reference Center"},

    # ---- the report's section
    "cr_title": {"zh": "您的征信记录", "en": "Your credit record"},
    "cr_intro": {"zh": "逾期会记进您的信用报告。不良记录自逾期结束（欠款还清）之日起保存{years}年，然后删除（征信业管理条例第十六条）。"
                       "所以越早还清，记录越早消失。下面是每个方案的还清月份和不良记录最晚消除的月份。",
                 "en": "Arrears go on your credit report. A negative record is kept {years} years from the day the arrears "
                       "end (the debt is repaid), then deleted (Credit Reporting Regulations Art. 16). So the sooner it is "
                       "repaid, the sooner the record goes. Below: for each plan, the month the debt is cleared and the "
                       "latest month its negative record is removed."},
    "cr_reported": {"zh": "报送到哪里：中国人民银行征信中心（以合同和您的信用报告为准）。有些网贷平台也报送百行征信：哪些平台报送，未确认。",
                    "en": "Where it is reported: the PBoC Credit Reference Center (check your contract and your report). "
                          "Some online lending platforms also report to Baihang Credit: which ones is unconfirmed."},
    "cr_reported_card": {"zh": "报送到哪里：中国人民银行征信中心（银行的信用卡和贷款都报送）。",
                         "en": "Where it is reported: the PBoC Credit Reference Center (banks report their cards and loans)."},
    "cr_not_overdue": {"zh": "这笔没有逾期：按合同按时还款，不会产生不良记录。",
                       "en": "This debt is not overdue: paying on time as the contract says adds no negative record."},
    "cr_proposed": {"zh": "按建议的方案（{option}），{cleared}还清，不良记录最晚{gone}消除。",
                    "en": "With the proposed plan ({option}), it is cleared in {cleared} and its negative record is "
                          "removed by {gone} at the latest."},
    "cr_proposed_current": {"zh": "按建议的方案（{option}），{cleared}还清。",
                            "en": "With the proposed plan ({option}), it is cleared in {cleared}."},
    "cr_col_option": {"zh": "方案", "en": "plan"},
    "cr_col_cleared": {"zh": "还清月份", "en": "cleared in"},
    "cr_col_gone": {"zh": "不良记录最晚消除", "en": "record removed by (latest)"},
    "cr_col_note": {"zh": "说明", "en": "note"},
    "cr_no_record": {"zh": "没有不良记录", "en": "no negative record"},
    "cr_arrears_first": {"zh": "先一次还清逾期部分，记录从那时起算", "en": "arrears paid at once: the record counts from then"},
    "cr_settled_mark": {"zh": "协商减免结清：一般标注为“协商结清”或有减免（未确认）",
                        "en": "settled for less: usually marked as settled by agreement or with an amount waived (unconfirmed)"},
    "cr_latest_note": {"zh": "“最晚”：从逾期结束算起。如果贷款机构在方案开始时就停止报告逾期，记录会更早消除；这要看它怎么报送，请在协议里写明。",
                       "en": "\"At the latest\": counted from when the arrears end. If the lender stops reporting arrears when "
                             "the plan starts, the record goes sooner; that depends on how it reports: have it written into "
                             "the agreement."},
    "cr_statement": {"zh": "记录保存期间，您可以在报告上加一段本人声明，说明逾期的原因（如失业、生病），征信机构应当记载（第十六条第二款）。",
                     "en": "While the record is kept, you may add your own statement to it explaining the arrears (job loss, "
                           "illness...); the credit bureau must record it (Art. 16(2))."},
    "cr_free_title": {"zh": "免费查自己的信用报告", "en": "Your own report, free"},
    "cr_free": {"zh": "每年可以免费查{n}次自己的信用报告（第十七条）。渠道：", "en": "You can get your own credit report free {n} "
                "times a year (Art. 17). Where:"},
    "cr_scam_title": {"zh": "“征信修复”是骗局", "en": "Paid \"credit repair\" is a scam"},
    "cr_scam": {"zh": "没有“征信修复”这回事：真实的逾期记录谁也删不掉，只会在{years}年后自动删除；错误的记录由报送机构免费更正（下面的异议）。"
                      "收费说能“修复征信”、“洗白”、“删除逾期”的都是骗子，还可能盗用您的个人信息。",
                "en": "There is no such thing as \"credit repair\": nobody can delete a true overdue record, which is deleted "
                      "by itself after {years} years; a wrong record is corrected free by the institution that reported it "
                      "(see objections below). Anyone who charges to \"repair\" or \"clean\" your record is a fraudster "
                      "and may misuse your personal data."},

    # ---- objections
    "cr_obj_title": {"zh": "记录有错：提出异议", "en": "A wrong record: object to it"},
    "cr_obj_intro": {"zh": "如果报告里有错（按约还款后仍显示逾期、金额或日期不对、不是您的贷款），可以向报送机构或征信中心提出异议，免费。"
                           "对方收到后要先标注“存在异议”，{days}日内核查处理，并书面答复您（征信业管理条例第二十五条）。",
                     "en": "If your report is wrong (marked overdue although you kept the plan, a wrong amount or date, a debt "
                           "that is not yours), object to it with the institution that reported it or the credit reference "
                           "centre, free. Once it has your objection it marks the record as disputed, checks it within "
                           "{days} days and answers you in writing (Credit Reporting Regulations Art. 25)."},
    "cr_obj_empty": {"zh": "还没有记录异议。在 App 的“记录与跟进”一步填写“征信记录有错”。",
                     "en": "No objection recorded. Fill in \"A wrong credit record\" on the app's log and follow-up step."},
    "cr_obj_col_kind": {"zh": "错在哪里", "en": "what is wrong"},
    "cr_obj_col_sent": {"zh": "寄出日期", "en": "sent"},
    "cr_obj_col_due": {"zh": "应答复日期", "en": "answer due by"},
    "cr_obj_col_status": {"zh": "状态", "en": "status"},
    "cr_obj_draft": {"zh": "还没寄出：先寄出下面的异议申请", "en": "not sent yet: send the objection below"},
    "cr_obj_waiting": {"zh": "等待答复", "en": "waiting for the answer"},
    "cr_obj_answered": {"zh": "{date}已答复", "en": "answered on {date}"},
    "cr_obj_late": {"zh": "已过期未答复", "en": "no answer in time"},
    "cr_obj_no_answer": {"zh": "{institution}到{date}还没有书面答复您的异议。可以向当地人民银行分支机构投诉，或拨打人民银行金融消费权益保护咨询投诉电话12363"
                               "（原则上先向该机构投诉；第二十六条原文未见，未确认）。投诉时带上异议申请的副本和寄出凭证。",
                         "en": "{institution} has not answered your objection in writing by {date}. You can complain to the "
                               "local PBoC branch, or call the PBoC's financial consumer complaint line 12363 (in principle "
                               "after complaining to the institution first; the text of Art. 26 was not seen: unconfirmed). "
                               "Bring a copy of the objection and proof that you sent it."},
    "cr_obj_when": {"zh": "{institution}：收到答复前保留寄出凭证；如果{date}还没有书面答复，可以向当地人民银行分支机构投诉，或拨打12363。",
                    "en": "{institution}: keep proof of sending until it answers; if no written answer has come by {date}, "
                          "you can complain to the local PBoC branch or call 12363."},
    "cr_letter_title": {"zh": "征信异议申请", "en": "Objection to a credit record"},
    "cr_letter_to": {"zh": "致：{to}", "en": "To: {to}"},
    "cr_letter_body": {"zh": "我是{name}（身份证号后四位：{id4}）。我的个人信用报告中，{institution}报送的信息有错误：{kind}。"
                             "报告上显示：{shows}。正确的情况是：{should_show}。",
                       "en": "I am {name} (ID card ending {id4}). My personal credit report holds wrong information "
                             "reported by {institution}: {kind}. The report shows: {shows}. What is right: {should_show}."},
    "cr_letter_ask": {"zh": "根据《征信业管理条例》第二十五条，请对这条信息作出存在异议的标注，自收到本异议之日起{days}日内核查处理，更正错误，并把结果书面答复我。",
                      "en": "Under Art. 25 of the Credit Reporting Regulations, please mark this information as disputed, "
                            "check and handle it within {days} days of receiving this objection, correct the error and "
                            "answer me in writing."},
    "cr_letter_attach": {"zh": "附：身份证复印件；信用报告中有错的一页；能证明正确情况的材料（还款记录、协议、转账凭证等）。",
                         "en": "Enclosed: a copy of my ID card; the page of the credit report that is wrong; what shows the "
                               "right facts (payment records, the agreement, transfer receipts...)."},
    "cr_letter_blank": {"zh": "（请填写）", "en": "(fill in)"},

    # ---- a plan that is about to break
    "cr_plans_title": {"zh": "协议方案还付得起吗", "en": "Can you keep each agreed plan?"},
    "cr_plans_intro": {"zh": "按您现在填写的收入和开支：每个已经约定的方案，收入再少多少就付不起了。",
                       "en": "With the income and costs you entered now: how far your income could fall before each agreed "
                             "plan no longer fits."},
    "cr_plans_col_next": {"zh": "下一期", "en": "next payment"},
    "cr_plans_col_room": {"zh": "本月可用于这笔", "en": "you have for it this month"},
    "cr_plans_col_drop": {"zh": "收入最多还能少", "en": "income may fall by at most"},
    "cr_plans_fits": {"zh": "付得起", "en": "fits"},
    "cr_plans_breaks": {"zh": "付不起：先请求调整", "en": "does not fit: ask to vary it first"},
    "cr_plan_drop": {"zh": "{creditor}：收入每月再少{amount}（{share}）以上，这个方案就付不起了。",
                     "en": "{creditor}: if your income falls by more than {amount} a month ({share}), this plan no longer fits."},
    "cr_vary_warn": {"zh": "{date}应还{creditor}{payment}，但您这个月只有{room}可以用来还这笔。请在还款日之前就联系{creditor}请求调整方案，不要等到逾期。",
                     "en": "{payment} is due to {creditor} on {date}, but this month you have only {room} for it. Contact "
                           "{creditor} before the due date and ask to vary the plan: do not wait until it is missed."},
    "cr_vary_card": {"zh": "信用卡的个性化分期协议：双方签署后银行应停止催收，但您不履行协议时除外，也就是违约后可以恢复催收（商业银行信用卡业务监督管理办法第七十条，原文经转载核对，未确认）。",
                     "en": "A credit card's personalised instalment agreement: once signed, the bank stops collection, except "
                           "when you do not keep to it, so after a missed payment collection can resume (rules on commercial "
                           "banks' credit card business, Art. 70, read through a copy: unconfirmed)."},
    "cr_vary_other": {"zh": "一般来说，再次逾期会让方案作废、全部欠款到期（这是贷款机构的通常做法，不是法律规定，看您的协议）。",
                      "en": "Usually a second missed payment voids the plan and makes the whole balance due (lenders' usual "
                            "practice, not a rule of law: see your agreement)."},
    "cr_vary_title": {"zh": "调整还款方案申请", "en": "Request to vary the repayment plan"},
    "cr_vary_body": {"zh": "我是{name}。我们约定了还款方案，从{start}开始每月还款，我想守约。现在我的收入减少（或必要开支增加），下一期{date}应还{payment}，"
                           "我每月最多只能拿出{room}来还这笔。为了不违约，我在这一期到期之前提出申请：",
                     "en": "I am {name}. We agreed a repayment plan with monthly payments from {start}, and I want to keep "
                           "to it. My income has fallen (or my essential costs have risen): {payment} is due on {date}, and "
                           "the most I can pay towards this debt each month is {room}. So that I do not break the plan, I "
                           "am asking before this payment is due:"},
    "cr_vary_ask": {"zh": "请求把每月还款调整为{suggested}，共{months}期还清剩余的{left}。",
                    "en": "please change the monthly payment to {suggested}, over {months} months, to repay the {left} left."},
    "cr_vary_pause": {"zh": "请求暂停还款几个月（停息），等我的收入恢复后再按新方案还款；剩余{left}。",
                      "en": "please pause the payments for a few months, without interest, until my income recovers, then "
                            "agree a new schedule for the {left} left."},
    "cr_vary_close": {"zh": "请在{date}之前书面答复。调整后的方案请写明：每期金额和日期、是否还计利息和费用、征信怎样报送。附：收入和开支说明、收入减少的证明。",
                      "en": "Please answer in writing before {date}. Please state in the new plan: each payment and its date, "
                            "whether interest and fees still apply, and what is reported to the credit bureau. Enclosed: a "
                            "statement of my income and costs, and proof that my income fell."},
    "cr_plans_none": {"zh": "还没有记录已约定的方案。", "en": "No agreed plan recorded yet."},

    # ---- the calendar
    "cr_cal_answer": {"zh": "{institution}应答复征信异议", "en": "{institution} should have answered your credit objection"},
    "cr_cal_answer_desc": {"zh": "征信业管理条例第二十五条：收到异议后{days}日内核查处理并书面答复。没有答复：向当地人民银行分支机构投诉，或拨打12363。",
                           "en": "Credit Reporting Regulations Art. 25: checked within {days} days of receiving the objection and "
                                 "answered in writing. No answer: complain to the local PBoC branch, or call 12363."},

    # ---- the app
    "app_cr_title": {"zh": "征信记录有错（异议）", "en": "A wrong credit record (objections)"},
    "app_cr_add": {"zh": "记下一条错误记录", "en": "Add a wrong record"},
    "app_cr_note": {"zh": "查到信用报告有错时记一条：哪家机构报送的、错在哪里、报告上显示的和正确的情况。报告会写好异议申请；寄出后填上日期，"
                          "日历里会有{days}天的答复期限；收到答复后填上答复日期。",
                    "en": "When your credit report is wrong, add an entry: which institution reported it, what is wrong, what "
                          "the report shows and what is right. The report drafts the objection; once sent, enter the date and "
                          "the {days}-day answer period goes into the calendar; when the answer comes, enter its date."},
}
