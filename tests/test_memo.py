from skillgap.memo import per_object, per_text


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


def test_texts_are_computed_once_and_kept_only_as_their_hash():
    calls: list[str] = []

    def classify(line: str, kind: str) -> str:
        calls.append(line)
        return f"{kind}:{len(line)}"

    cached = per_text(classify, max_entries=2)
    secret = "".join(["Jane Doe, ", "555 0100"])  # built at run time: no interned constant
    assert cached(secret, "resume") == cached(secret, "resume") == "resume:18"
    assert cached(secret, "job") == "job:18"  # every argument is part of the key
    assert len(calls) == 2
    cached("Skills", "resume")  # a third entry empties the full cache
    assert cached(secret, "resume") == "resume:18"
    assert len(calls) == 4
    cells = [cell.cell_contents for cell in cached.__closure__ or ()]
    (cache,) = [c for c in cells if isinstance(c, dict)]
    assert cache and all(isinstance(key, int) for key in cache)  # hashes, not the lines
    assert secret not in cache.values()
