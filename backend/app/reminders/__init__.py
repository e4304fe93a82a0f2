"""Reminders that arrive with no browser open: claimed from the task table, emailed once."""
