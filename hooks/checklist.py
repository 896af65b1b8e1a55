"""Hook: turn the action plan into a saved checklist (issue 4)."""
