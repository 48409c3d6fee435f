"""The page scripts ``st.navigation`` runs; each one calls a page module of ``skillgap.ui``."""
