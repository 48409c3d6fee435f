"""The Streamlit dashboard: job seeker, career coach and batch pages.

Run it with ``streamlit run app.py`` in a checkout or ``skillgap app`` anywhere. Pages are small
functions over the library (``skillgap.analyze`` and the renderers); the UI never feeds
back into it.
"""

TAXONOMY_ENV = (
    "SKILLGAP_TAXONOMY"  # a taxonomy file to lay over the built-in one, from `skillgap app`
)
READ_TIMEOUT_ENV = "SKILLGAP_READ_TIMEOUT"  # seconds per uploaded file, from `skillgap app`
