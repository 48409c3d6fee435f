"""The dashboard's main script: page set-up and navigation between the pages.

``streamlit run app.py`` (a checkout) and ``skillgap app`` (anywhere) both run ``main``.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from skillgap.documents.isolation import keep_warm

PAGES_DIR = Path(__file__).resolve().parent / "app_pages"
# Served by the dashboard itself: a ":material/...:" page icon makes browsers fetch the favicon
# from fonts.gstatic.com (the navigation icons come from the font bundled with Streamlit).
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"


def main() -> None:
    """Configure the page and run the one the visitor chose."""
    st.set_page_config(page_title="skillgap", page_icon=str(FAVICON), layout="wide")
    keep_warm(1)  # an idle document reader always ready: no upload waits for one to start
    page = st.navigation(
        [
            st.Page(
                PAGES_DIR / "job_seeker.py",
                title="Job seeker",
                icon=":material/person_search:",
                default=True,
            ),
            st.Page(
                PAGES_DIR / "career_coach.py",
                title="Career coach",
                icon=":material/groups:",
                url_path="coach",
            ),
            st.Page(
                PAGES_DIR / "workspace.py",
                title="Coach workspace",
                icon=":material/folder_shared:",
                url_path="workspace",
            ),
            st.Page(
                PAGES_DIR / "batch.py",
                title="Batch",
                icon=":material/table_view:",
                url_path="batch",
            ),
        ]
    )
    page.run()


if __name__ == "__main__":
    main()
