"""Layer 1, core: money, dates, the domain model, errors, paths. Imports nothing from debtplan."""
