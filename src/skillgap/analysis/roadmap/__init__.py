"""The learning plan: gaps turned into months that follow the ML engineer roadmap."""
