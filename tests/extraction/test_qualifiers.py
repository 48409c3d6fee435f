import pytest

from skillgap.extraction.qualifiers import ClauseIndex


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


@pytest.mark.parametrize(
    ("text", "word", "preferred"),
    [
        ("Requirements: Python is required, Docker preferred.", "Python", False),
        ("Requirements: Python is required, Docker preferred.", "Docker", True),
        ("Must have: Python and PyTorch (Kubernetes optional)", "PyTorch", False),
        ("Must have: Python and PyTorch (Kubernetes optional)", "Kubernetes", True),
        ("You will take advantage of Python and Spark", "Spark", False),
        ("Experience with Docker, Kubernetes and Airflow is a plus", "Docker", True),
        ("Knowledge of Go would be an advantage", "Go", True),
    ],
)
def test_a_level_cue_applies_to_its_own_part_of_the_clause(text, word, preferred):
    assert preferred_cue(*span(text, word)) is preferred


@pytest.mark.parametrize(
    "text",
    [
        "Docker is not required but is a plus.",
        "Docker: not required, but nice to have",
        "Docker is not essential but desirable.",
    ],
)
def test_not_required_but_welcome_is_not_a_negation(text):
    index, start, end = span(text, "Docker")
    assert not index.is_negated(start, end)
    assert index.preferred_cue(start, end)


@pytest.mark.parametrize(
    ("text", "word", "years"),
    [
        ("Requirements: 2+ years with Docker, 4+ years with Kubernetes", "Docker", 2.0),
        ("Requirements: 2+ years with Docker, 4+ years with Kubernetes", "Kubernetes", 4.0),
        ("3+ years experience with AWS, 5+ years with Python", "AWS", 3.0),
        ("We are a 20 years old company using Python.", "Python", None),
        ("Python (5+ years), SQL (3 years)", "SQL", 3.0),
    ],
)
def test_years_go_to_the_skill_they_are_stated_for(text, word, years):
    assert years_near(*span(text, word)) == years


def test_a_bracketed_note_qualifies_only_the_item_before_it() -> None:
    import skillgap

    text = "Experience in any of computer vision (preferred), NLP, Python, Docker (a plus), SQL"
    levels = {s.id: s.level for s in skillgap.extract(text, kind="job").skills}
    assert levels["computer-vision"] == "preferred"
    assert levels["docker"] == "preferred"
    assert levels["nlp"] == levels["python"] == levels["sql"] == "required"


def test_an_inline_cue_holds_for_its_own_bullet_only() -> None:
    import skillgap

    text = "Role: ML engineer * Kafka is a plus * Experience with Docker and Spark"
    levels = {s.id: s.level for s in skillgap.extract(text, kind="job").skills}
    assert levels["kafka"] == "preferred"
    assert levels["docker"] == levels["spark"] == "required"


def test_preferable_is_a_preference_cue() -> None:
    text = "Python is required, with preferable experience in Kafka."
    assert preferred_cue(*span(text, "Kafka")) and not preferred_cue(*span(text, "Python"))


@pytest.mark.parametrize(
    ("text", "word", "subject"),
    [
        ("Degree in Computer Science, Bioinformatics, or a related field", "Bioinformatics", True),
        ("MSc in Statistics or Machine Learning", "Machine Learning", True),
        ("Degree in CS or a related field with a focus on machine learning", "machine", False),
        ("BS in CS with experience in Python", "Python", False),
        ("5 years of Python", "Python", False),
    ],
)
def test_degree_subjects_are_told_from_skills(text: str, word: str, subject: bool) -> None:
    assert ClauseIndex(text).degree_subject(text.index(word)) is subject


def test_years_stated_above_a_list_apply_to_its_items() -> None:
    text = (
        "3+ years of experience in at least one of the following:\n"
        "Javascript/Typescript,\nPython or Node.js\n"
        "1+ years of experience in Agile\nGood communication\n\n"
        "Tools:\nDocker\n"
    )
    index = ClauseIndex(text)
    assert index.list_years(text.index("Python")) == 3
    assert index.list_years(text.index("Typescript")) == 3
    assert index.list_years(text.index("communication")) is None  # below a line of its own years
    assert index.list_years(text.index("Docker")) is None  # its introduction states none


def test_list_years_reach_skills_in_a_posting() -> None:
    from skillgap import extract

    text = "Requirements\n5+ years of experience with:\n- Python\n- Kubernetes\n\nBenefits\n- Gym\n"
    years = {s.id: s.years for s in extract(text, kind="job").skills}
    assert years == {"python": 5.0, "kubernetes": 5.0}


@pytest.mark.parametrize(
    ("text", "word", "level"),
    [
        ("Fluent English is a must while German is an advantage", "English", "required"),
        ("Docker (mandatory)", "Docker", "required"),
        ("Go is a plus, Java is a must", "Go", "preferred"),
        ("Go is a plus, Java is a must", "Java", "required"),
        ("Spark is not required", "Spark", "preferred"),
        ("Kubernetes", "Kubernetes", "preferred"),
    ],
)
def test_a_firm_requirement_holds_under_a_nice_to_have_heading(
    text: str, word: str, level: str
) -> None:
    index, start, end = span(text, word)
    assert index.level("preferred", start, end) == level


def test_the_pipeline_tells_degree_subjects_as_the_text_does() -> None:
    """The pipeline finds "in" and "of" from tokens before it reads a degree's subjects; the text
    path finds them in the text, and both must agree on every mention."""
    from skillgap import extract

    text = (
        "Requirements:\n- MSc in Statistics or Machine Learning\n"
        "- Degree in Computer Science, Bioinformatics, or a related field\n"
        "- Bachelor of Data Science\n- BS in CS with experience in Python\n- Docker and Kafka\n"
    )
    index = ClauseIndex(text)
    profile = extract(text, kind="job")
    mentions = [m for hit in profile.skills for m in hit.mentions]
    assert {m.text for m in mentions} >= {"Machine Learning", "Bioinformatics", "Python", "Docker"}
    for m in mentions:
        assert (m.section == "education") is index.degree_subject(m.start), m.text
    assert any(m.section == "education" for m in mentions)
