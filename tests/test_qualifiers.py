import pytest

from skillgap.qualifiers import ClauseIndex


def span(text: str, word: str) -> tuple[ClauseIndex, int, int]:
    start = text.index(word)
    return ClauseIndex(text), start, start + len(word)


def is_negated(index: ClauseIndex, start: int, end: int) -> bool:
    return index.is_negated(start, end)


def preferred_cue(index: ClauseIndex, start: int, end: int) -> bool:
    return index.preferred_cue(start, end)


def years_near(index: ClauseIndex, start: int, end: int) -> float | None:
    return index.years_near(start, end)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("No experience with Java is needed.", "Java"),
        ("Java is not required for this role.", "Java"),
        ("Any language except Java.", "Java"),
        ("I am not familiar with R yet.", "R"),
        ("We do not need Scala here.", "Scala"),
        ("No prior experience with Java, Scala or Go needed.", "Scala"),
        ("Kotlin: not required", "Kotlin"),
    ],
)
def test_negated(text, word):
    assert is_negated(*span(text, word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Strong Java skills required.", "Java"),
        ("No degree needed. Java experience essential.", "Java"),
        ("Not required: a degree.\nPython required.", "Python"),
        ("Experience with Java is not required, but Python is.", "Python"),
        ("Deploy models without downtime using Kubernetes.", "Kubernetes"),
    ],
)
def test_not_negated(text, word):
    assert not is_negated(*span(text, word))


def test_preferred_cues_stay_in_their_clause():
    text = "Python required. Spark is a plus.\nKafka experience; Airflow nice to have"
    assert not preferred_cue(*span(text, "Python"))
    assert preferred_cue(*span(text, "Spark"))
    assert not preferred_cue(*span(text, "Kafka"))
    assert preferred_cue(*span(text, "Airflow"))


@pytest.mark.parametrize(
    ("text", "word", "years"),
    [
        ("5+ years of Python", "Python", 5.0),
        ("Python (3 years)", "Python", 3.0),
        ("Python - Experience - 24 months", "Python", 2.0),
        ("at least three years with SQL", "SQL", 3.0),
        ("2-4 years experience in Go", "Go", 2.0),
        ("Python since 2019", "Python", None),
        ("Worked at Acme 2018 - 2020 using Python", "Python", None),
        ("5 years of Java.\nPython", "Python", None),
    ],
)
def test_years(text, word, years):
    assert years_near(*span(text, word)) == years
