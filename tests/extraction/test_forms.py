from skillgap.extraction.forms import compact_key, spelling_variants, strip_version


def test_compact_key_ignores_case_separators_and_dots():
    assert compact_key("Sci-Kit-Learn") == compact_key("scikit-learn") == "scikitlearn"
    assert compact_key("Node.JS") == compact_key("NodeJS")
    assert compact_key("C++") == "c++" != compact_key("C#")


def test_strip_version_only_removes_a_trailing_number():
    assert strip_version("tensorflow2") == "tensorflow"
    assert strip_version("python3.11") == "python"
    assert strip_version("s3") == "s3"  # a name that is mostly digits keeps them


def test_variants_cover_spacing_hyphens_camel_case_and_plurals():
    assert {"scikit-learn", "scikit learn", "scikitlearn"} <= spelling_variants("scikit-learn")
    assert {"tensorflow", "tensor flow"} <= spelling_variants("TensorFlow")
    assert {"node.js", "node js", "nodejs"} <= spelling_variants("Node.js")
    assert {"ci/cd", "ci cd", "cicd"} <= spelling_variants("CI/CD")
    assert "llms" in spelling_variants("LLM")
    assert "data structure" in spelling_variants("data structures")


def test_variants_do_not_singularise_one_word_names():
    assert "panda" not in spelling_variants("pandas")
    assert "statistic" not in spelling_variants("statistics")
