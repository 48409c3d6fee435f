"""Streamlit entry point of a checkout: ``streamlit run app.py``.

The dashboard itself lives in the package (``skillgap.ui``) so ``skillgap app`` works anywhere.
"""

from skillgap.ui.streamlit_app import main

main()
