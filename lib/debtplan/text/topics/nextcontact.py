"""Next-contact dates ("12月7日等回电"): entered with a contact, listed on the follow-up step, kept in the calendar;
and what an empty calendar says."""

SENTENCES = {
    "app_log_next_contact": {"zh": "下次联系日期（例如对方说12月7日回电）",
                             "en": "Next contact on (e.g. they call back on 7 Dec)"},
    "app_log_next_before_contact": {
        "zh": "下次联系日期“{value}”早于这次联系的日期，请检查。",
        "en": "The next contact date '{value}' is before the date of this contact; please check it."},
    "next_contacts_title": {"zh": "接下来要联系的", "en": "Contacts coming up"},
    "next_contacts_note": {"zh": "记一次联系时填上“下次联系日期”，就会列在这里，也会放进日历文件（提前一天提醒）。",
                           "en": "Give a next contact date when you record a contact: it is listed here and goes "
                                 "into the calendar file (with a reminder the day before)."},
    "next_contacts_none": {"zh": "还没有约好的下次联系。", "en": "No next contact agreed yet."},
    "next_contact_item": {"zh": "{day}：{creditor}（{step}）", "en": "{day}: {creditor} ({step})"},
    "next_contact_today": {"zh": "今天", "en": "today"},
    "next_contact_in_days": {"zh": "还有 {days} 天", "en": "in {days} days"},
    "next_contact_passed": {"zh": "已过 {days} 天，还没有记下这次联系", "en": "{days} days ago, no contact recorded since"},
    "next_contacts_past": {"zh": "已经过了的约定", "en": "Agreed dates that have passed"},
    "app_calendar_empty": {
        "zh": "日历文件里没有日期：资料里还没有约定的还款、寄出信件的答复期限、下次联系日期或法院文书的期限。"
              "在这一步记一次联系时填上“下次联系日期”，或添加达成的协议、寄出的信、收到的法院文书，再按一次这个按钮。",
        "en": "The calendar has no dates: the profile has no agreed payments, no reply-by dates of letters sent, no "
              "next contact dates and no court papers yet. Give a next contact date when you record a contact on "
              "this step, or add an agreement, a letter sent or a court paper, then press this button again."},
    "cli_calendar_empty": {
        "zh": "日历文件 {path} 里没有日期：资料里还没有约定的还款、寄出信件的答复期限、下次联系日期或法院文书的期限。"
              "可以在应用的“记录与跟进”一步添加，或者运行 debtplan log --profile {profile} --creditor 名称 "
              "--outcome 结果 --next-contact 日期，再重新生成日历。",
        "en": "The calendar {path} has no dates: the profile has no agreed payments, no reply-by dates of letters "
              "sent, no next contact dates and no court papers yet. Add them in the app's follow-up step, or run "
              "debtplan log --profile {profile} --creditor NAME --outcome TEXT --next-contact DATE, then make the "
              "calendar again."},
    "cli_calendar_written": {"zh": "已写入 {path}：{count} 个日期。", "en": "Written {path}: {count} dates."},
}
