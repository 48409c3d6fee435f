"""Extraction on small texts written for the traps: ambiguous names, negation, typos, caps."""

from __future__ import annotations

import pytest

from skillgap import extract
from skillgap.taxonomy import load_taxonomy


def ids(text: str, kind: str = "job") -> set[str]:
    return set(extract(text, kind=kind).skill_ids)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Languages: Python, R, SQL", {"python", "r", "sql"}, set()),
        ("Statistical modelling in R and RStudio", {"r"}, set()),
        ("Our R&D team grades projects A to R.", set(), {"r"}),
        ("Backend services are written in Go and Python.", {"golang", "python"}, set()),
        ("We go to conferences. Go to market with us!", set(), {"golang"}),
        ("We raised our Series C round.", set(), {"c-lang"}),
        ("Systems programming in C, C++ and Rust.", {"c-lang", "cpp"}, set()),
        ("JavaScript and TypeScript for the front end.", {"javascript"}, {"java"}),
        ("Java and Spring Boot microservices.", {"java"}, {"javascript"}),
        ("You will spark curiosity and spark new ideas.", set(), {"spark"}),
        ("Big data pipelines with Spark and Kafka.", {"spark"}, set()),
        ("Excel at communication; you excel in teams.", set(), {"excel"}),
        ("Reporting in Microsoft Excel and Tableau.", {"excel"}, set()),
        ("A flask of coffee in the lab.", set(), {"flask"}),
        ("Logistic Regression, Bootstrap Inference, Bayesian Inference", set(), {"css"}),
        ("Angular, Bootstrap, SASS and npm", {"css"}, set()),
        ("REST APIs with Flask and FastAPI.", {"flask", "fastapi", "api-design"}, set()),
    ],
)
def test_ambiguous_names_need_their_meaning(text, present, absent):
    found = ids(text)
    assert present <= found
    assert not (absent & found)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Deep learning with Pytorh and Tensorflow2.", "pytorch"),
        ("Deep learning with Pytorh and Tensorflow2.", "tensorflow"),
        ("Deployed on Kuberntes clusters.", "kubernetes"),
        ("Scripting in Pyhton.", "python"),
        ("Models built with Sci-Kit-Learn.", "scikit-learn"),
        ("Models built with scikit learn.", "scikit-learn"),
        ("Web apps in NodeJS.", "nodejs"),
        ("CI / CD pipelines", "ci-cd"),
    ],
)
def test_typos_and_variants(text, skill):
    assert skill in ids(text)


def test_fuzzy_matches_say_so_with_a_score():
    hit = extract("Experience with Pytorh.", kind="job").get("pytorch")
    assert hit is not None
    assert hit.mentions[0].match == "fuzzy"
    assert 85 <= hit.mentions[0].score < 100


def test_common_words_are_not_fuzzy_skills():
    text = "We value passion, patience, courtesy, docket reviews, and daily walks."
    assert ids(text) == set()


def test_all_caps_skill_lists():
    text = "SKILLS\nPYTHON, SQL, R, GO, SPARK, DOCKER, KUBERNETES"
    assert {"python", "sql", "r", "golang", "spark", "docker", "kubernetes"} <= ids(text, "resume")


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Python required. No experience with Java needed.", "java"),
        ("Python required; Java is not required.", "java"),
        ("Any backend language except Java, ideally Python.", "java"),
        ("I am not familiar with R, but I know Python well.", "r"),
    ],
)
def test_negated_skills_are_never_present(text, negated):
    profile = extract(text, kind="auto")
    assert negated not in profile.skill_ids
    assert negated in {n.id for n in profile.negated}
    assert "python" in profile.skill_ids


def test_positive_mention_wins_over_a_negated_one():
    profile = extract("Java is not required. We use Java 17 for tooling.", kind="job")
    assert "java" in profile.skill_ids
    assert "java" not in {n.id for n in profile.negated}


def test_levels_and_years_in_postings():
    text = (
        "Requirements\n- 5+ years of Python\n- SQL\n"
        "Nice to have\n- Kafka\n\nBonus: Terraform\nDocker experience is a plus."
    )
    profile = extract(text, kind="job")
    python = profile.get("python")
    assert python.level == "required" and python.years == 5
    assert profile.get("sql").level == "required"
    assert profile.get("kafka").level == "preferred"
    assert profile.get("terraform").level == "preferred"
    assert profile.get("docker").level == "preferred"


def test_resume_sections_and_months():
    text = (
        "Jane Roe\njane@example.org\n\nSkills\nPython - Experience - 24 months\n\n"
        "Experience\nBuilt Docker images.\n\nProjects\nA PyTorch image classifier.\n\n"
        "Education\nCourse in statistics."
    )
    profile = extract(text, kind="resume")
    assert profile.kind == "resume"
    assert profile.get("python").mentions[0].section == "skills"
    assert profile.get("python").years == 2
    assert profile.get("docker").mentions[0].section == "experience"
    assert profile.get("pytorch").mentions[0].section == "projects"
    assert profile.get("statistics").mentions[0].section == "education"
    assert profile.get("python").level is None


def test_evidence_offsets_point_at_the_mention():
    text = "Skills: Python, scikit-learn and PostgreSQL.\nBuilt REST APIs in FastAPI."
    profile = extract(text, kind="resume")
    assert profile.skills
    for hit in profile.skills:
        for mention in hit.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_kind_is_detected():
    posting = "About the role\nResponsibilities\nYou will build models.\nRequirements\nPython"
    resume = "Jane Roe\njane@example.org\nEducation\nBSc 2018 - 2021\nProjects\nPython"
    assert extract(posting).kind == "job"
    assert extract(resume).kind == "resume"


def test_a_given_kind_still_records_what_the_text_reads_like():
    posting = "About the role\nResponsibilities\nYou will build models.\nRequirements\nPython"
    resume = "Jane Roe\njane@example.org\nEducation\nBSc 2018 - 2021\nProjects\nPython"
    swapped = extract(posting, kind="resume")
    assert (swapped.kind, swapped.reads_as) == ("resume", "job")
    assert extract(resume, kind="job").reads_as == "resume"
    assert extract(resume, kind="resume").reads_as == "resume"


def test_boilerplate_about_the_company_is_skipped_in_postings():
    text = "About us\nWe sell Java-based kiosks.\nRequirements\n- Python"
    assert ids(text) == {"python"}


def test_a_custom_taxonomy_adds_internal_tools(tmp_path):
    custom = tmp_path / "acme.yaml"
    custom.write_text(
        "skills:\n"
        "  - id: acme-flow\n    name: AcmeFlow\n    phase: other\n    category: tool\n"
        "    kind: hard\n    hours: 10\n    description: Acme's internal workflow engine.\n"
    )
    taxonomy = load_taxonomy(extra=custom)
    profile = extract("Experience with AcmeFlow and Python.", kind="job", taxonomy=taxonomy)
    assert {"acme-flow", "python"} <= profile.skill_ids


def test_a_phrase_broken_by_a_line_break_is_found_without_the_break_around_it():
    text = "Skills\nPython, Natural\nLanguage Processing\nand more"
    hit = extract(text, kind="resume").get("nlp")
    assert hit is not None
    assert hit.mentions[0].text == "Natural\nLanguage Processing"


def test_pipeline_components_are_registered_spacy_factories():
    from skillgap.extraction.pipeline import PIPE_NAMES, get_pipeline

    nlp = get_pipeline()
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    doc = nlp(nlp.make_doc("We use PyTorch and Docker."))
    assert [(s.text, s.label_) for s in doc.spans["skills"]] == [
        ("PyTorch", "pytorch"),
        ("Docker", "docker"),
    ]
    assert doc.spans["skills"][0]._.skillgap_mention.match == "exact"


def test_words_run_together_and_person_names_are_not_skills():
    text = (
        "Position RequirementsThe role. Founded by Bert Roberts. Then adaptProficiency matters. "
        "Apply through Dexian."
    )
    assert ids(text) == set()
    assert "transformers" in ids("Fine-tune BERT and GPT models.")


@pytest.mark.parametrize(
    "text",
    ["Torch Technologies is hiring.", "Wear a glove.", "A pickle jar.", "Bash bugs at the party."],
)
def test_everyday_words_that_name_tools_need_their_context(text):
    assert ids(text) == set()


def test_tool_names_in_their_context():
    text = "Models in torch; saved with pickle and joblib; Bash scripting; GloVe vectors; RAG."
    assert {"pytorch", "model-serialization", "linux", "word-embeddings", "llm"} <= ids(text)


def test_soft_skills_listed_bare_in_a_resume_count_but_not_in_prose():
    assert {"communication", "leadership"} <= ids("Skills\nPython, SQL, Communication, Leadership")
    assert ids("We value open communication with our customers.", "job") == set()


def test_a_resume_skills_section_settles_an_everyday_word_that_names_a_tool():
    resume = (
        "Jane Doe\nTECHNICAL SKILLS\n- Languages: Python, Java, Scala\n"
        "- Other Tools: Excel, R Studio.\nPROJECTS\nExcel at teamwork."
    )
    found = extract(resume, kind="resume")
    excel = next(s for s in found.skills if s.id == "excel")
    assert [resume[m.start : m.end] for m in excel.mentions] == ["Excel"]
    assert excel.mentions[0].section == "skills"  # the one in the projects prose is no tool
    assert "excel" not in ids("Other Tools: Excel, R Studio.", "job")  # a posting's line alone
    skills = "Jane Doe\nSKILLS\nStatistics (Logistic Regression, Bootstrap Inference)\n"
    assert "css" not in ids(skills, "resume")  # the next word still says which meaning


def test_a_name_inside_a_compound_word_is_not_that_skill():
    assert "edge-ai" not in ids("Build cutting-edge AI products with leading-edge AI research.")
    assert "edge-ai" in ids("Deploy models for edge AI on NVIDIA Jetson devices.")
    assert "supervised-learning" in ids("Linear and non-linear regression models.")
    assert "edge-ai" not in ids("Own our core ML tooling.")  # Apple's framework is "Core ML"
    assert "edge-ai" in ids("iOS apps with Core ML and Swift.")


def test_an_acronym_that_is_also_a_verb_counts_only_as_written():
    assert "3d-vision" in ids("Visual SLAM for warehouse robots.")
    assert "3d-vision" not in ids("Our sales results were a slam dunk.")


def test_quantization_on_its_own_is_model_compression():
    assert "model-compression" in ids("Optimize inference latency by quantizing LLMs.")
    assert "model-compression" in ids("Techniques such as quantization and distillation.")


def test_a_word_inside_another_skills_mention_is_no_item_of_a_skill_list():
    # the collaboration phrase's own words do not make "C" or "analytical" an item of a list
    assert "c-lang" not in ids("You will work closely with our C-suite executives and teams.")
    assert "analytical-skills" not in ids("Collaborate with data-science/analytical teams.")
    assert {"analytical-skills", "collaboration"} <= ids(
        "Collaborate with data science teams. Strong analytical and communication skills."
    )


def test_a_context_rule_governs_the_plural_of_its_form_too():
    # "communication" counts bare only in a list of skills; so does "communications"
    assert "communication" not in ids("We serve clients in telecommunications and communications.")
    assert "communication" not in ids("Targeted customer and prospect communications.")
    assert "communication" in ids("Strong communications skills with business teams.")
    assert "communication" in ids("Skills: Python, SQL, communications", "resume")


@pytest.mark.parametrize(
    "text",
    [
        "You are an excellent communicator and a team player.",
        "Skilled communicators who explain complex problems simply.",
        "Effective Communicater, Problem Solving",  # a typo of the word
    ],
)
def test_a_communicator_of_any_kind_states_communication(text: str):
    assert "communication" in ids(text)


@pytest.mark.parametrize(
    ("text", "skill", "found"),
    [
        ("Operate and maintain mass spectrometry instrumentation.", "observability", False),
        ("Add instrumentation, metrics and alerting to our services.", "observability", True),
        ("Customer profiling and segmentation analysis.", "performance-profiling", False),
        ("Profiling Python code to remove CPU bottlenecks.", "performance-profiling", True),
        ("Explain results to executives in plain English.", "english-proficiency", False),
        ("Sponsors include the English Premier League.", "english-proficiency", False),
        ("Fluent spoken and written English is required.", "english-proficiency", True),
        ("Languages: English (native), German (B2)", "english-proficiency", True),
    ],
)
def test_words_with_everyday_meanings_need_the_skills_context(text, skill, found):
    assert (skill in ids(text)) is found
