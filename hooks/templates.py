"""Hook: embed interactive template fillers (issue 3)."""
