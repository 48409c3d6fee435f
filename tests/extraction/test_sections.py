from hypothesis import given
from hypothesis import strategies as st

from skillgap.extraction.sections import (
    _TRAILING_HEADING_RE,
    _add_trailing_headings,
    heading_name,
    section_map,
)

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


def test_a_languages_line_stays_in_the_section_it_is_in():
    text = "Skills\nLanguages: Python, SQL\nTools: Docker\n\nInterests: chess\nLanguages: French\n"
    assert at(text, "resume", "SQL") == "skills"
    assert at(text, "resume", "Docker") == "skills"
    outside = "Summary\nLanguages: French, German\n"
    assert at(outside, "resume", "German") == "other"
    assert (
        at("Experience\nAnalyst at Acme\nLanguages: Python\n", "resume", "Python") == "experience"
    )


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


def test_nice_to_have_headings_in_words_the_table_does_not_list() -> None:
    for heading in (
        "Preferred (but not required) qualifications",
        "Skills Preferred",
        "What will give you an edge:",
        "Earn street creds by also knowing these:",
        "It would be great if you have",
        "Requirements (nice to have)",
    ):
        assert heading_name(heading, "job") == "preferred", heading
    assert heading_name("Experience Required", "job") == "requirements"
    assert heading_name("Docker is a plus", "job") is None
    assert heading_name("Great if you know Spark", "job") is None


def test_a_nice_to_have_part_ends_at_the_next_heading_known_or_not() -> None:
    text = "Nice to have\n- Kafka\nOUR DAILY TOOLING\n- Python\n"
    assert at(text, "job", "Kafka") == "preferred"
    assert at(text, "job", "Python") == "other"


def test_a_listed_heading_behind_a_possessive_opens_its_section() -> None:
    text = "About us\nWe sell cars.\nOur Tech Stack\nPython, Terraform\nThe Benefits\n- Gym\n"
    assert at(text, "job", "cars") == "about"
    assert at(text, "job", "Terraform") == "tags"  # the company's stack, not its self-description
    assert at(text, "job", "Gym") == "benefits"
    assert heading_name("Your Qualifications:", "job") == "requirements"
    assert heading_name("My Projects", "resume") == "projects"
    assert heading_name("Our offices", "job") is None  # the rest must be a listed heading


def test_about_headings_name_the_part_they_introduce() -> None:
    assert heading_name("About this role:", "job") == "responsibilities"
    assert heading_name("About our company", "job") == "about"
    assert heading_name("Company Profile", "job") == "about"
    # a team's description often states the role's own work: read sentence by sentence
    assert heading_name("About the team", "job") is None
    text = "About the team\nWe are a startup.\nYou will build models in PyTorch.\n"
    assert at(text, "job", "startup") == "about"
    assert at(text, "job", "PyTorch") == "other"


def test_a_permissive_framing_makes_what_follows_nice_to_have() -> None:
    text = "You don't need to satisfy all of these, but you might have some of them\n- CUDA\n"
    assert at(text, "job", "CUDA") == "preferred"
    assert at(text, "job", "satisfy") == "other"


def test_one_heading_table_for_documents_and_extraction() -> None:
    from skillgap.documents.structure import looks_like_heading

    assert looks_like_heading("Nice-to-haves")
    assert heading_name("Nice-to-haves", "job") == "preferred"


def test_a_heading_glued_to_the_end_of_a_long_line_opens_its_section() -> None:
    text = (
        "Acme builds tools for shops and hires people who like to ship. Key Responsibilities:\n"
        "* Deploy Kubernetes components. Tools/Skills (hands-on experience is must):\n"
        "* Docker\n"
    )
    sections = section_map(text, "job")
    assert sections.at(text.index("Deploy")) == "responsibilities"
    assert sections.at(text.index("Docker")) == "requirements"


def test_a_sentence_that_states_what_the_role_asks_is_a_requirement() -> None:
    text = "Hello all. The ideal candidate should have experience with Docker. Join the fun.\n"
    assert section_map(text, "job").at(text.index("Docker")) == "requirements"


HEADING_PIECES = [
    "Key Responsibilities", "Requirements", "What You Need", ":", ":  ", " ", "\n", "\t", ". ",
    " * ", " - ", "•", "a.", "x",
]  # fmt: skip


@given(st.lists(st.sampled_from(HEADING_PIECES), max_size=14).map("".join))
def test_trailing_headings_are_those_the_expression_finds_anywhere(text: str) -> None:
    expected: dict[int, tuple[int, str | None]] = {}
    for m in _TRAILING_HEADING_RE.finditer(text):  # the whole text, as before the line filter
        name = heading_name(m.group(1), "job")
        if name is not None and m.end() < len(text):
            expected.setdefault(m.end() + 1, (m.end() + 1, name))
    found: dict[int, tuple[int, str | None]] = {}
    _add_trailing_headings(text, found)
    assert found == expected


def test_a_field_between_two_job_board_metadata_fields_is_metadata() -> None:
    text = (
        "Experience level:\nSenior\nRole:\nBackend Developer\nIndustry:\nSoftware\n"
        "Job description\nYou will build APIs in Go.\n"
    )
    assert at(text, "job", "Backend") == "about"
    assert at(text, "job", "APIs") == "responsibilities"
    # the same heading with the role's work under it is the responsibilities part
    described = "Role:\nBackend Developer building APIs\nWith Go and Kafka.\nIndustry:\nSoftware\n"
    assert at(described, "job", "Backend") == "responsibilities"
