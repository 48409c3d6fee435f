"""``HashKeys`` finds exactly the values that are among its hashes."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from skillgap.extraction.doc_data import HashKeys

HASHES = st.integers(min_value=0, max_value=2**64 - 1)


@given(st.sets(HASHES, max_size=300), st.lists(HASHES, max_size=300), st.data())
def test_where_and_contains_agree_with_set_membership(keys, others, data) -> None:
    chosen = data.draw(st.lists(st.sampled_from(sorted(keys)), max_size=50)) if keys else []
    values = data.draw(st.permutations([*others, *chosen]))
    array = np.array(values, dtype=np.uint64)
    table = HashKeys(keys)
    expected = [v in keys for v in values]
    assert table.contains(array).tolist() == expected
    assert table.where(array).tolist() == [i for i, found in enumerate(expected) if found]


def test_values_sharing_a_hashs_low_bits_are_told_apart() -> None:
    table = HashKeys([5])
    size = len(table.bitmap)
    values = np.array([5, 5 + size, 5 + 7 * size, 2**63 + 5], dtype=np.uint64)
    assert table.contains(values).tolist() == [True, False, False, False]
    assert table.where(values).tolist() == [0]


def test_an_empty_table_finds_nothing() -> None:
    values = np.array([0, 1, 2**64 - 1], dtype=np.uint64)
    assert not HashKeys(()).contains(values).any()
    assert len(HashKeys(()).where(values)) == 0
