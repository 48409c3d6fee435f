"""The non-English warning."""

from __future__ import annotations

import pytest

from skillgap.documents.language import english_warning

ENGLISH = "We are looking for an engineer who has experience with Python and the cloud. " * 3
SKILL_LIST = "Python, PyTorch, TensorFlow, Docker, Kubernetes, Spark, Airflow, SQL, " * 5


@pytest.mark.parametrize(
    "text",
    [
        "Nous recherchons un ingénieur pour notre équipe à Paris. Vous avez une expérience "
        "avec les données et vous êtes à l'aise avec Python et le cloud pour des projets.",
        "Wir suchen eine Entwicklerin mit Erfahrung in der Datenanalyse und mit Python, die "
        "gerne im Team arbeitet und Freude an neuen Aufgaben hat.",
        "我们正在寻找一名机器学习工程师，负责模型训练与部署，熟悉深度学习框架。",
    ],
    ids=["french", "german", "chinese"],
)
def test_other_languages_are_flagged(text: str) -> None:
    assert english_warning(text) is not None


@pytest.mark.parametrize("text", [ENGLISH, SKILL_LIST, "Python", ""])
def test_english_and_keyword_lists_pass(text: str) -> None:
    assert english_warning(text) is None


def test_the_non_latin_share_of_letters_decides_the_script_check() -> None:
    latin, cyrillic = "Python é " * 20, "Питон "
    assert english_warning(latin + cyrillic * 5) is None  # 25 of 165 letters
    assert english_warning(latin + cyrillic * 20) is not None  # 100 of 240 letters
