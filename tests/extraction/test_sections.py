from skillgap.extraction.sections import heading_name, section_map

RESUME = """Jane Roe
jane@example.org

Technical Skills
Python, SQL

EXPERIENCE
Data analyst, built dashboards

Projects:
Image classifier

Education
BSc Mathematics
"""

POSTING = """Senior ML Engineer
About us
We build robots.
What you'll need:
- Python
Nice to have: Spark
- Kubernetes
Preferred Qualifications
- Go
"""


def at(text: str, kind: str, needle: str) -> str:
    return section_map(text, kind).at(text.index(needle))


def test_resume_sections_follow_headings():
    assert at(RESUME, "resume", "jane@") == "other"
    assert at(RESUME, "resume", "Python") == "skills"
    assert at(RESUME, "resume", "dashboards") == "experience"
    assert at(RESUME, "resume", "Image") == "projects"
    assert at(RESUME, "resume", "Mathematics") == "education"


def test_posting_sections_and_inline_labels():
    assert at(POSTING, "job", "robots") == "about"
    assert at(POSTING, "job", "Python") == "requirements"
    assert at(POSTING, "job", "Spark") == "preferred"
    # an inline "Label: content" line does not change the lines after it
    assert at(POSTING, "job", "Kubernetes") == "requirements"
    assert at(POSTING, "job", "Go") == "preferred"


def test_long_lines_and_unknown_phrases_are_not_headings():
    assert heading_name("Skills", "resume") == "skills"
    assert heading_name("WHAT YOU’LL NEED:", "job") == "requirements"
    long_line = "I have skills in many areas of data engineering and more"
    assert heading_name(long_line, "resume") is None
    assert heading_name("Favourite dishes", "resume") is None
