"""Extraction: text to a spaCy Doc with skill spans, then to a ``DocumentProfile``.

One module per pipeline component, kind detection, the shared Doc data and ``extract()``
(``skillgap.extraction.extract``).
"""
