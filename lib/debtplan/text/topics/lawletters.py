"""What the letters claim: an agreement confirmed in writing or only recorded, the complaint-handling period the
complaint letters ask for, and which rules are law and which are an industry's own conventions."""
from __future__ import annotations

SENTENCES = {
    # the agreement: recorded is not confirmed in writing
    "field_confirmed_on": {"zh": "书面确认收到日期", "en": "confirmed in writing on"},
    "field_confirmed_form": {"zh": "书面确认的形式", "en": "form of the written confirmation"},
    "choices_written_form": {"zh": "信件、邮件、App消息、短信、其他", "en": "letter, email, app message, sms, other"},
    "law_form_letter": {"zh": "信件", "en": "letter"},
    "law_form_email": {"zh": "电子邮件", "en": "email"},
    "law_form_app": {"zh": "App消息", "en": "app message"},
    "law_form_sms": {"zh": "短信", "en": "text message"},
    "law_form_other": {"zh": "其他书面形式", "en": "another written form"},
    "law_form_unknown": {"zh": "形式未记", "en": "form not noted"},
    "law_term_recorded": {"zh": "已记录", "en": "recorded"},
    "law_item_written": {"zh": "对方的书面确认", "en": "the lender's written confirmation"},
    "law_written_yes": {"zh": "已收到（{date}，{form}）", "en": "received ({form}, {date})"},
    "law_written_no": {"zh": "还没有", "en": "not yet"},
    "law_not_confirmed": {"zh": "这个方案还没有书面确认：电话里谈好的只是你自己的记录，不是对方的书面承诺。请把下面的确认函发给{creditor}，收到对方的书面回复（信件、邮件、App消息或短信）后，记下日期和形式。",
                          "en": "This plan is not confirmed in writing yet: what was agreed on the phone is only your own record, not the lender's written word. Send {creditor} the confirmation letter below; when its written answer arrives (a letter, e-mail, app message or text), record the date and the form."},
    "law_confirmed_note": {"zh": "{creditor}已在{date}以{form}书面确认这个方案。请保存好这份书面确认。",
                           "en": "{creditor} confirmed this plan in writing on {date} ({form}). Keep that confirmation safe."},
    "law_status_line": {"zh": "状态：{status}", "en": "Status: {status}"},
    "law_status_recorded": {"zh": "已记录，未书面确认", "en": "recorded, not confirmed in writing"},
    "law_status_confirmed": {"zh": "已书面确认", "en": "confirmed in writing"},
    "law_status_kept": {"zh": "按时还款中", "en": "kept: every payment due was made"},
    "law_status_missed": {"zh": "有一期没还上", "en": "a payment was missed"},
    # complaint letters: the institutions' own handling period
    "law_complaint_reply": {"zh": "根据{rule}（“{quote}”），请在收到本投诉之日起{days}日内作出处理决定并书面告知我（从本信日期算起，为{reply_by}前）。",
                            "en": "Under {rule} (\"{quote}\"), please decide on this complaint and tell me in writing within {days} days of receiving it (counted from the date of this letter, by {reply_by})."},
    "law_complaint_reply_regulator": {"zh": "{rule}要求机构在收到投诉之日起{days}日内作出处理决定并告知投诉人（“{quote}”）。如{creditor}在收到我的投诉后{days}日内（从投诉信日期算起为{reply_by}）没有答复，或者没有纠正，请贵局依法处理，并告知处理结果。",
                                      "en": "{rule} gives the institution {days} days from receiving a complaint to decide on it and tell the complainant (\"{quote}\"). If {creditor} has not answered within {days} days of receiving my complaint (counted from the date of my letter, by {reply_by}), or has not put this right, please deal with it under the rules and tell me the outcome."},
    # what is law and what is a convention
    "law_kind_law": {"zh": "法律", "en": "law"},
    "law_kind_regulation": {"zh": "部门规章", "en": "regulation"},
    "law_kind_convention": {"zh": "行业自律规范，不是法律", "en": "an industry convention, not law"},
    "law_in_force": {"zh": "（现行为{in_force}，对应条文序号未核实）", "en": " (in force now: {in_force}; the matching article was not verified)"},
    "law_order": {"zh": "（{order}）", "en": " ({order})"},
    "law_rule_line": {"zh": "{rule}〔{kind}〕：“{quote}”", "en": "{rule} [{kind}]: \"{quote}\""},
    "law_night_note": {"zh": "夜间（22:00至次日8:00）催收违反的是行业自律规范（中国银行业协会2026年指引、中国互联网金融协会公约），不是法律；一次夜间来电本身并不构成对《民法典》第一千零三十三条私人生活安宁的侵害，反复来电、干扰正常生活的，才可能构成。",
                       "en": "Collection at night (22:00 to 08:00) breaks the industry's own conventions (the China Banking Association's 2026 guideline, the internet-finance association's convention), not the law; a single night call is not by itself an infringement of the peace of private life under Civil Code Art. 1033, though repeated calls that disturb your life may be."},
}
