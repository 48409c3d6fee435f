"""Analysis: profiles compared with postings, gaps ranked across them, the roadmap, the report."""
