"""Privacy rights: a learner's data as a download (export.py), the erasure of an account and
the retention rules (services.py), the daily retention task (tasks.py)."""
