"""The app's court-paper form: what each choice of a ruling's subject is called, and the heading of the hints."""

SENTENCES = {
    "app_ct_hints": {"zh": "怎么填这些日期和选项", "en": "How to fill in these dates and boxes"},
    "app_ruling_unknown": {"zh": "不清楚", "en": "not sure"},
    "app_ruling_preservation": {"zh": "财产保全（或先予执行）", "en": "property preservation (or advance enforcement)"},
    "app_ruling_appealable": {"zh": "不予受理、管辖权异议或驳回起诉", "en": "refusing the case, jurisdiction, or dismissing the claim"},
    "app_ruling_other": {"zh": "其他", "en": "something else"},
}
