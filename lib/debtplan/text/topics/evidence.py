"""Sentences of evidence from her phone (an imported call log, the messages she keeps), the case-number check
and the paid-helper checklist, as the command line, the report's fifth part and the app say them."""
from __future__ import annotations

SENTENCES: dict[str, dict[str, str]] = {
    # the profile's fields (call_imports)
    "field_file": {"zh": "文件名", "en": "file name"},
    "field_sha256": {"zh": "文件指纹（SHA-256）", "en": "file fingerprint (SHA-256)"},
    "field_label": {"zh": "谁的手机", "en": "whose phone"},
    "field_first_day": {"zh": "第一天", "en": "first day"},
    "field_last_day": {"zh": "最后一天", "en": "last day"},
    "field_imported": {"zh": "导入日期", "en": "day imported"},
    "field_numbers": {"zh": "号码", "en": "numbers"},
    "field_region": {"zh": "归属地", "en": "where registered"},
    "field_days": {"zh": "每天的次数", "en": "counts per day"},
    "place_call_imports": {"zh": "第{n}次导入的通话记录", "en": "call log import {n}"},
    "place_numbers": {"zh": "第{n}个号码", "en": "number {n}"},
    "problem_call_days": {
        "zh": "每天的次数写法不对：“{value}”。应写成“2026-11-03 5/4/1”（日期 来电/未接/夜间），用逗号隔开；每个日期只写一次，未接和夜间不能多于来电。",
        "en": "The counts per day cannot be read at '{value}'. Write them as '2026-11-03 5/4/1' (day calls/unanswered/"
              "night), separated by commas; each day once, unanswered and night calls never more than the calls."},
    "problem_call_hash": {"zh": "文件指纹“{value}”不是 64 位的 SHA-256 值。请重新导入文件，不要手改这一行。",
                          "en": "The file fingerprint '{value}' is not a 64-character SHA-256 value. Import the file "
                                "again rather than editing this line."},
    "problem_call_period": {"zh": "最后一天 {value} 早于第一天 {start}。", "en": "The last day {value} is before the first day {start}."},
    # the command line and the app
    "calls_no_numbers": {
        "zh": "请用 --numbers 写出哪些号码是 {creditor} 的催收电话（用逗号隔开）。什么都没有写入。",
        "en": "Name the numbers that called about {creditor} with --numbers (separated by commas). Nothing was written."},
    "calls_suggest_log": {"zh": "您的催收记录里已有、文件里也出现的号码：{numbers}", "en": "Numbers already in your collection log that are in the file: {numbers}"},
    "calls_suggest_top": {"zh": "文件里打来最多的号码：{numbers}", "en": "The numbers that called you most in the file: {numbers}"},
    "calls_none_found": {"zh": "文件 {file} 里没有这些号码打来的电话或短信。什么都没有写入。",
                         "en": "The file {file} holds no calls or messages from these numbers. Nothing was written."},
    "calls_already": {"zh": "文件 {file} 已经在 {date} 导入过（文件指纹相同）。什么都没有写入。",
                      "en": "The file {file} was already imported on {date} (same fingerprint). Nothing was written."},
    "calls_saved": {"zh": "已保存到 {profile}：{numbers} 个号码、{days} 天的次数，另有 {kept} 条您选出的记录。原文件没有复制，只记下文件名和指纹 {sha}。",
                    "en": "Saved to {profile}: the counts of {numbers} numbers over {days} days, and {kept} entries you "
                          "picked. The file itself was not copied; only its name and fingerprint {sha} were kept."},
    "calls_keep_unknown": {"zh": "“{value}”不是这些号码的来电或短信的时间（写成 2026-11-03 22:15）。什么都没有写入。",
                           "en": "'{value}' is not the time of a call or message from these numbers (write it as "
                                 "2026-11-03 22:15). Nothing was written."},
    "calls_profile_full": {"zh": "导入后档案会超过 {kb} KB 的上限。请缩短时间段（只导入和这笔欠款有关的几个月）。什么都没有写入。",
                           "en": "The profile would pass its {kb} kB limit. Import a shorter period (the months that "
                                 "matter for this debt). Nothing was written."},
    "calls_no_limit": {"zh": "每天未接来电的上限还没有核实的规则来源，这里没有按天检查。",
                       "en": "No verified rule gives a daily limit of unanswered calls yet, so days are not checked "
                             "against one."},
    "calls_imported_from": {"zh": "从 {file} 导入（指纹 {sha}）", "en": "imported from {file} (fingerprint {sha})"},
    "calls_list_title": {"zh": "这些号码的来电和短信（用 --keep 时间 选出要保存的，用 --threat 时间 标出您认为是威胁的）：",
                         "en": "Calls and messages from these numbers (pick the ones to keep with --keep TIME, mark the "
                               "ones you find threatening with --threat TIME):"},
    "calls_threat_words": {"zh": "可能是威胁，请您自己判断：{words}", "en": "may be a threat, you decide: {words}"},
    "calls_night_mark": {"zh": "夜间", "en": "night"},
    # the report's fifth part and the complaint letters
    "ev_letter_counts": {
        "zh": "我手机自己的通话记录（从手机导出，文件指纹已保存）显示：{start}至{end}，{creditor} 的催收用 {numbers} 个号码打来 {calls} 次电话，其中 {unanswered} 次未接，{night} 次在晚上10点到早上8点之间。",
        "en": "My phone's own call log (exported from the phone, its file fingerprint kept) shows that from {start} "
              "to {end} {creditor}'s collectors called me {calls} times from {numbers} numbers: {unanswered} calls "
              "unanswered, {night} between 22:00 and 08:00."},
    "ev_letter_counts_over": {
        "zh": "我手机自己的通话记录（从手机导出，文件指纹已保存）显示：{start}至{end}，{creditor} 的催收用 {numbers} 个号码打来 {calls} 次电话，其中 {unanswered} 次未接，{night} 次在晚上10点到早上8点之间；有 {days} 天同一个号码的未接来电超过了行业公约的每天 {limit} 次（这是自律公约，不是法律）。",
        "en": "My phone's own call log (exported from the phone, its file fingerprint kept) shows that from {start} "
              "to {end} {creditor}'s collectors called me {calls} times from {numbers} numbers: {unanswered} calls "
              "unanswered, {night} between 22:00 and 08:00; on {days} days one number's unanswered calls passed the "
              "industry convention's {limit} a day (a self-regulatory convention, not a law)."},
    "ev_calls_title": {"zh": "手机通话记录里的催收电话", "en": "Collection calls in your phone's call log"},
    "ev_calls_intro": {
        "zh": "这些次数是从手机导出的通话记录里数出来的。档案里只保存每个号码每天的次数、文件名和文件指纹，原文件没有复制。投诉时可以附上原文件：指纹相同就说明文件没有改过。",
        "en": "These counts come from the call log exported from the phone. The profile keeps only the counts per "
              "number and day, the file's name and its fingerprint; the file itself was not copied. Attach the "
              "file to a complaint: the same fingerprint shows it was not changed."},
    "ev_calls_mine": {"zh": "{creditor}：打给您的电话", "en": "{creditor}: calls to you"},
    "ev_calls_other": {"zh": "{creditor}：打给{label}的电话（对方手机导出的记录）", "en": "{creditor}: calls to {label} (from their phone's own log)"},
    "ev_chart_day": {"zh": "白天的来电", "en": "daytime calls"},
    "ev_chart_night": {"zh": "晚上10点到早上8点的来电", "en": "calls 22:00-08:00"},
    "ev_chart_over": {"zh": "同一号码未接超过 {limit} 次的日子", "en": "days one number passed {limit} unanswered calls"},
    "ev_chart_y": {"zh": "每天来电次数", "en": "calls a day"},
    "ev_chart_caption": {"zh": "每天的催收来电，深红色斜线是晚上10点到早上8点的来电。", "en": "Collection calls per day; the hatched dark red part are calls between 22:00 and 08:00."},
    "ev_col_number": {"zh": "号码", "en": "number"},
    "ev_col_region": {"zh": "归属地", "en": "registered in"},
    "ev_col_calls": {"zh": "来电", "en": "calls"},
    "ev_col_unanswered": {"zh": "未接", "en": "unanswered"},
    "ev_col_night": {"zh": "夜间（22点-8点）", "en": "night (22:00-08:00)"},
    "ev_col_first": {"zh": "第一次", "en": "first"},
    "ev_col_last": {"zh": "最后一次", "en": "last"},
    "ev_col_day": {"zh": "日期", "en": "day"},
    "ev_days_title": {"zh": "有来电的每一天", "en": "Every day with calls"},
    "ev_days_mark": {"zh": "（▼：同一号码未接超过公约的每天 {limit} 次）", "en": "(▼: one number passed the convention's {limit} unanswered calls)"},
    "ev_col_file": {"zh": "导出文件", "en": "exported file"},
    "ev_col_sha": {"zh": "文件指纹（前16位）", "en": "fingerprint (first 16)"},
    "ev_col_whose": {"zh": "谁的手机", "en": "whose phone"},
    "ev_col_imported": {"zh": "导入日期", "en": "imported"},
    "ev_limit_rule": {"zh": "同一号码每天未接来电不超过 {limit} 次，出自{issuer}《{title}》（{revision}）：这是行业自律规范，不是法律。",
                      "en": "At most {limit} unanswered calls a day to one number comes from the {issuer}'s {title} "
                            "({revision}): a self-regulatory convention, not a law."},
    "ev_night_note": {
        "zh": "晚上10点到早上8点的来电违反行业自律公约的夜间规定（公约不是法律）；一次夜间来电本身并不构成对民法典第一千零三十二条、第一千零三十三条保护的私人生活安宁的侵犯，反复多次的骚扰才是投诉要说明的。",
        "en": "Calls between 22:00 and 08:00 go against the collection conventions' night hours (a convention, not "
              "a law); one night call is not by itself an infringement of the peaceful private life the Civil Code "
              "protects (Art. 1032 and 1033): what a complaint shows is repeated disturbance."},
    "ev_case_title": {"zh": "这份法院文书是真的吗？先看案号", "en": "Is this court paper real? Look at the case number"},
    "ev_case_none": {"zh": "还没有记下任何案号。收到法院文书或自称法院的短信时，把案号记在“法院文书”里，这里会检查它的格式，并告诉您怎样向法院核实。",
                     "en": "No case number has been noted yet. When a court paper or a message claiming to be from "
                           "a court arrives, note its case number under court papers: its form is checked here, "
                           "with how to check it with the court."},
    # the app's follow-up step
    "app_ev_title": {"zh": "从手机导入通话记录", "en": "Import your phone's call log"},
    "app_ev_note": {
        "zh": "用“SMS Backup & Restore”导出的通话记录或短信（.xml），或自己做的表格（CSV，列名：号码,时间,时长,类型）。文件只在这台电脑上读取，不会保存；档案里只记下每个号码每天的次数、文件名和文件指纹，以及您勾选的短信。华为、小米、OPPO、vivo 自带的备份是加密的，读不了。",
        "en": "A call log or messages exported with 'SMS Backup & Restore' (.xml), or a table you made (CSV with the "
              "columns number,time,duration,type). The file is read on this computer and not saved: the profile "
              "keeps only the counts per number and day, the file's name and fingerprint, and the messages you "
              "tick. The phones' own backups (Huawei, Xiaomi, OPPO, vivo) are encrypted and cannot be read."},
    "app_ev_upload": {"zh": "选择文件", "en": "Choose file"},
    "app_ev_label": {"zh": "别人的手机？写是谁（例如：姐姐）", "en": "Someone else's phone? Say whose (e.g. sister)"},
    "app_ev_contacted": {"zh": "这个人是", "en": "This person is"},
    "app_ev_pick": {"zh": "勾选为这笔欠款打来的号码（您催收记录里已有的号码已经勾上）：",
                    "en": "Tick the numbers that called about this debt (those already in your collection log are ticked):"},
    "app_ev_number": {"zh": "{number}（{calls} 次，{region}）", "en": "{number} ({calls} calls, {region})"},
    "app_ev_keep_message": {"zh": "保存这条短信", "en": "keep this message"},
    "app_ev_threat": {"zh": "我认为这是威胁", "en": "I find this a threat"},
    "app_ev_keep": {"zh": "记下这些次数", "en": "Keep these counts"},
    "app_ev_nothing": {"zh": "请先选择文件、欠款，并勾选至少一个号码。", "en": "Choose a file and a debt, and tick at least one number first."},
    "app_ev_kept": {"zh": "已记下 {numbers} 个号码的次数和 {kept} 条短信；点“保存”写入档案。原文件没有保存。",
                    "en": "The counts of {numbers} numbers and {kept} messages are noted; press Save to write them to "
                          "the profile. The file itself was not kept."},
}
