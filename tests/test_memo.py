from skillgap.memo import per_object


class Thing:
    """Unhashable by value, like a taxonomy."""

    __hash__ = None


def test_computed_once_per_object_and_again_for_another():
    calls: list[Thing] = []

    def build(thing: Thing) -> int:
        calls.append(thing)
        return len(calls)

    cached = per_object(build, max_entries=2)
    first, second = Thing(), Thing()
    assert cached(first) == cached(first) == 1
    assert cached(second) == 2
    assert calls == [first, second]
    cached(Thing())  # a third object empties the full cache
    assert cached(first) == 4
