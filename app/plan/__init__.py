"""My plan: a one-minute set-up, today's suggestion, the weekly review, reminders and the GP summary."""
