"""The handbook's build logic, kept free of MkDocs so it can be unit-tested and reused by any generator."""
