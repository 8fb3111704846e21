"""The pure parts: Shamir k of n, the sealed box bound to its vote and key, and the key cards."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ballots import sealing
from ballots.key_cards import CardRefused, make_key, read_cards
from ballots.shamir import PRIME, recover_secret, split_secret


@settings(max_examples=30, deadline=None)
@given(
    secret=st.integers(0, PRIME - 1),
    k=st.integers(1, 5),
    extra=st.integers(0, 3),
    data=st.data(),
)
def test_any_k_of_n_shares_rebuild_the_secret(secret: int, k: int, extra: int, data: st.DataObject) -> None:
    n = k + extra
    coefficients = data.draw(st.lists(st.integers(0, PRIME - 1), min_size=k - 1, max_size=k - 1))
    shares = split_secret(secret, k, n, coefficients)
    chosen = data.draw(st.permutations(shares))[:k]
    assert recover_secret(chosen) == secret


def test_fewer_than_k_shares_give_another_secret() -> None:
    shares = split_secret(12345, 3, 5, [777, 888])
    assert recover_secret(shares[:2]) != 12345


def test_a_ballot_opens_only_for_its_own_vote_and_key() -> None:
    made = make_key("vote:7", 2, 3)
    private = read_cards([c.text for c in made.cards[:2]], "vote:7", made.commitments, 2, made.public_key)
    plain = sealing.ballot_plaintext({1: "for"}, [1, 2, 3])
    sealed = sealing.seal(made.public_key, "vote:7", plain)
    assert len(sealed) == sealing.sealed_size(sealing.ballot_plain_size([1, 2, 3]))
    assert sealing.open_sealed(private, made.public_key, "vote:7", sealed) == plain
    with pytest.raises(sealing.SealError):
        sealing.open_sealed(private, made.public_key, "vote:8", sealed)  # another vote's label
    changed = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(sealing.SealError):
        sealing.open_sealed(private, made.public_key, "vote:7", changed)
    other = make_key("vote:7", 2, 3)
    assert not sealing.key_tag_matches(sealed, other.public_key)


def test_every_ballot_of_a_vote_seals_to_the_same_length() -> None:
    ids = [101, 102, 103, 104]
    blank = sealing.ballot_plaintext({}, ids)
    full = sealing.ballot_plaintext({i: "abstain" for i in ids}, ids)
    assert len(blank) == len(full)


@pytest.mark.parametrize(
    ("cards", "code"),
    [
        ("one", "shares_too_few"),
        ("same twice", "share_repeated"),
        ("mistyped", "share_malformed"),
        ("other vote", "share_for_another_vote"),
        ("other ceremony", "share_wrong"),
    ],
)
def test_bad_key_cards_are_refused_by_name(cards: str, code: str) -> None:
    made = make_key("vote:7", 2, 3)
    texts = [c.text for c in made.cards]
    given_cards = {
        "one": texts[:1],
        "same twice": [texts[0], texts[0].lower()],
        "mistyped": [texts[0], texts[1][:10] + ("A" if texts[1][10] != "A" else "B") + texts[1][11:]],
        "other vote": [texts[0], make_key("vote:8", 2, 3).cards[1].text],
        "other ceremony": [texts[0], make_key("vote:7", 2, 3).cards[1].text],
    }[cards]
    with pytest.raises(CardRefused) as refused:
        read_cards(given_cards, "vote:7", made.commitments, 2, made.public_key)
    assert refused.value.code == code
