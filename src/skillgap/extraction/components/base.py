"""What the taxonomy components share: the taxonomy reader for configs, initialization,
serialization and the warning when one runs uninitialized.

Each component keeps the part of the taxonomy it was initialized with as JSON-ready
``patterns`` (as spaCy's ``span_ruler`` keeps its patterns), writes them with the pipeline and
rebuilds its matchers from them on load, so a saved pipeline finds exactly the same skills.
"""

# No ``from __future__ import annotations`` here: spaCy and thinc validate ``initialize`` and the
# registered reader against their signatures at run time, which needs real annotations.

import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy import util
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from skillgap.taxonomy import Taxonomy, default_taxonomy, load_taxonomy

TaxonomyLoader = Callable[[], Taxonomy]
Patterns = list[dict[str, Any]]
_PATTERNS_FILE = "patterns.json"


@spacy.registry.misc("skillgap.taxonomy.v1")
def taxonomy_reader(path: str | None = None, extra: str | None = None) -> TaxonomyLoader:
    """A loader of the taxonomy at ``path`` (the built-in one by default) with the user file
    ``extra`` laid over it, for ``[initialize.components.<name>.taxonomy]`` in a config."""
    if path is None and extra is None:
        return default_taxonomy
    return lambda: load_taxonomy(extra=extra, base=path)


class TaxonomyComponent:
    """A component whose patterns come from the taxonomy, given at ``initialize`` as spaCy's
    rule-based components get theirs (the built-in taxonomy when none is given)."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        self.patterns: Patterns | None = None  # None until initialized or loaded
        self.build([])

    def patterns_of(self, taxonomy: Taxonomy) -> Patterns:
        """The JSON-ready part of ``taxonomy`` this component needs."""
        raise NotImplementedError

    def build(self, patterns: Patterns) -> None:
        """(Re)build the component's look-up structures from ``patterns``."""
        raise NotImplementedError

    def process(self, doc: Doc) -> Doc:
        """Run the component on ``doc``."""
        raise NotImplementedError

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        taxonomy: TaxonomyLoader | None = None,
    ) -> None:
        """Build the patterns from the taxonomy ``taxonomy()`` returns (the built-in one by
        default); spaCy calls this from ``nlp.initialize()``."""
        self.set_patterns(self.patterns_of((taxonomy or default_taxonomy)()))

    def set_patterns(self, patterns: Patterns | None) -> None:
        """Use ``patterns`` (``None``: back to uninitialized)."""
        self.patterns = patterns
        self.build(patterns or [])

    def __call__(self, doc: Doc) -> Doc:
        if self.patterns is None:
            warnings.warn(
                f"skillgap: the '{self.name}' component has no taxonomy and finds nothing; "
                "call nlp.initialize() or use skillgap.load_pipeline()",
                UserWarning,
                stacklevel=3,
            )
        return self.process(doc)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        serializers = {"patterns": lambda: srsly.json_dumps(self.patterns)}
        return util.to_bytes(serializers, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "TaxonomyComponent":
        deserializers = {"patterns": lambda b: self.set_patterns(srsly.json_loads(b))}
        util.from_bytes(data, deserializers, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        serializers = {_PATTERNS_FILE: lambda p: srsly.write_json(p, self.patterns)}
        util.to_disk(path, serializers, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "TaxonomyComponent":
        deserializers = {_PATTERNS_FILE: lambda p: self.set_patterns(srsly.read_json(p))}
        util.from_disk(path, deserializers, exclude)
        return self
