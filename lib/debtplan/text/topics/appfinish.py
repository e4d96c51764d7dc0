"""The app's words for finding a problem, seeing the figure that changed, and knowing what a button acts on."""

SENTENCES = {
    # a step holding problems says how many on its button
    "app_step_problems": {"zh": "{name}（{n}处要改）", "en": "{name} ({n} to fix)"},
    # Save refused: each field named in words, each a link that opens its step and puts the cursor in it
    "app_not_saved_fields": {
        "zh": "没有保存：下面这些地方要先改正（点一下就会跳到那一项）。您的改动都还在。",
        "en": "Not saved: please correct these first (click one to go to it). Your changes are kept."},
    "app_problem_mark": {"zh": "要改正", "en": "needs correcting"},
    # the line that stays in view on steps 1-3
    "app_summary": {"zh": "每月剩下 {surplus}，可拿出 {available}还债", "en": "Left each month {surplus}; "
                                                                       "to offer lenders {available}"},
    "app_summary_share": {"zh": "{creditor} {share}/月", "en": "{creditor} {share}/month"},
    "app_summary_negative": {"zh": "每月缺 {gap}：先看收支", "en": "Short by {gap} a month: see Money first"},
    "app_summary_stale": {"zh": "有要改正的项，数字还是改之前的", "en": "A field needs correcting: figures are "
                                                                      "from before the change"},
    # step 3: the proposal first, the comparison folded
    "app_plans_proposal": {"zh": "建议的还款方案", "en": "The proposed plans"},
    "app_plans_line": {"zh": "{creditor}：{option}，每月 {monthly}", "en": "{creditor}: {option}, {monthly} a month"},
    "app_plans_none": {"zh": "{creditor}：按现在的钱，没有哪种方案还得起（详见下面的全部方案对比）",
                       "en": "{creditor}: no plan fits the money there is now (see the full comparison below)"},
    "app_plans_compare": {"zh": "全部方案对比（表格和图）",
                          "en": "Compare every plan (tables and charts)"},
    # remove buttons name what they remove
    "app_remove_what": {"zh": "删除{what}", "en": "Delete {what}"},
    "app_remove_asked": {"zh": "要删除的是{what}。确定吗？（保存之后才写进文件）",
                         "en": "You are deleting {what}. Are you sure? (The file changes when you save.)"},
    "app_this_debt": {"zh": "这笔欠款：{name}", "en": "this debt: {name}"},
    "app_this_offer": {"zh": "{debt}的这个方案：{name}", "en": "this offer from {debt}: {name}"},
    "app_this_income": {"zh": "这项收入：{name}", "en": "this income: {name}"},
    "app_this_cost": {"zh": "{list}中的这一项：{name}", "en": "this line of {list}: {name}"},
    "app_this_item": {"zh": "“{list}”中的这一项：{name}", "en": "this entry of “{list}”: {name}"},
    "app_item_number": {"zh": "第{n}项", "en": "item {n}"},
}
