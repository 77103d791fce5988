"""Resume and receipt codes: readable, unambiguous, forgiving when typed."""
from app import codes


def test_codes_look_like_k7qm_3xpd_and_avoid_lookalikes():
    for _ in range(200):
        code = codes.new_code()
        assert len(code) == 9 and code[4] == "-"
        assert not set(code) & set("01ILOSU5V")


def test_typed_codes_are_normalised():
    assert codes.normalise(" k7qm 3xpd ") == "K7QM-3XPD"
    assert codes.normalise("K7QM–3XPD") == "K7QM-3XPD"
    assert codes.normalise("K7QM3XP") is None
    assert codes.normalise("K7QM-3XP0") is None


def test_codes_are_stored_as_digests():
    assert codes.digest("K7QM-3XPD") != "K7QM-3XPD" and len(codes.digest("K7QM-3XPD")) == 64
