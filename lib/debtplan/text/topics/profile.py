"""Sentences of the profile's own fields and choices that the forms show (core/schema.py, app/steps/debts.py)."""

SENTENCES = {
    # the repayment methods of core/conventions.py METHOD_NAMES, as the debt form's dropdown names them
    "app_method_interest_only_then_annuity": {"zh": "先息后本再等额", "en": "Interest only, then equal payments"},
}
