"""The Streamlit dashboard: job seeker, career coach and batch pages.

Run it with ``streamlit run app.py`` in a checkout or ``skillgap app`` anywhere. Pages are small
functions over the library (``skillgap.analyze`` and the renderers); the UI never feeds
back into it.
"""

TAXONOMY_ENV = (
    "SKILLGAP_TAXONOMY"  # a taxonomy file to lay over the built-in one, from `skillgap app`
)
READ_TIMEOUT_ENV = "SKILLGAP_READ_TIMEOUT"  # seconds per uploaded file, from `skillgap app`
MAX_READ_TIMEOUT_S = 300.0


def read_timeout(value: str) -> float:
    """The per-upload time limit ``value`` gives, in seconds; ``ValueError`` (one line) unless it
    is above 0 and at most ``MAX_READ_TIMEOUT_S``."""
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= MAX_READ_TIMEOUT_S:
        raise ValueError(f"must be above 0 and at most {MAX_READ_TIMEOUT_S:g}")
    return seconds
