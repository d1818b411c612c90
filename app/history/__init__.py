"""/history: sessions and pain check-ins, with their charts."""
