"""No sentence is silently cut: one longer than the model's input is translated clause by clause and rejoined."""

from __future__ import annotations

import random

import pytest

from reader.translate.clauses import join_translations, split_to_fit

COUNTRIES = ["Russia", "China", "Viet Nam", "Laos", "Cuba", "Belarus", "Iran", "Syria", "Nicaragua", "Venezuela"]


def delegation_list(count: int) -> str:
    """A KCNA-style list of delegations and well-wishers: one sentence, thousands of characters."""
    parts = [
        f"the delegation of the Friendship Society of {COUNTRIES[i % len(COUNTRIES)]} No. {i} led by its chairman"
        f" Comrade Ivan Petrovich{i}; the visiting group of the Workers' Union {i} and its secretary"
        for i in range(count)
    ]
    return "Present at the reception were " + ", ".join(parts) + "."


def _words(text: str) -> int:
    return len(text.split())


def test_split_to_fit_cuts_at_semicolons_then_commas_then_and() -> None:
    sentence = "Present were the delegation of A, the delegation of B and the delegation of C."
    assert split_to_fit(sentence, _words, 6) == [
        ("Present were the delegation of A,", " "),
        ("the delegation of B", " "),
        ("and the delegation of C.", ""),
    ]
    assert split_to_fit("A b; c d, e f.", _words, 4) == [("A b;", " "), ("c d, e f.", "")]
    assert split_to_fit("Short.", _words, 6) == [("Short.", "")]


def test_split_to_fit_keeps_every_character_and_respects_the_limit() -> None:
    generator = random.Random(9)
    for _ in range(200):
        words = [generator.choice(["a", "bb", "ccc,", "dd;", "and", "x" * generator.randint(1, 40)])
                 for _ in range(generator.randint(1, 150))]
        text = (" " * generator.randint(1, 2)).join(words)
        limit = generator.randint(1, 20)
        clauses = split_to_fit(text, len, limit)
        assert "".join(clause + space for clause, space in clauses) == text
        assert all(len(clause) <= limit for clause, _ in clauses)
        assert join_translations([c for c, _ in clauses], [s for _, s in clauses]) == text


def test_a_long_list_of_delegations_comes_back_whole_from_the_echo_model(
    echo_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = delegation_list(40)
    assert len(echo_engine._tokenizer.encode(sentence)) > 1024  # CTranslate2's default would cut it at 1,024 pieces
    # A lower limit than the real 1,024 keeps the test quick (decoding cost grows with the square of a clause's
    # length) and makes it cut the sentence into many clauses.
    monkeypatch.setattr(echo_engine, "max_input_pieces", 200)
    assert echo_engine.translate_batch(["Short one.", sentence, "Another."]) == ["Short one.", sentence, "Another."]


def test_every_model_input_is_under_the_limit_which_is_passed_explicitly(
    echo_engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[list[list[str]], dict[str, object]]] = []
    translator = echo_engine._translator

    class Recording:
        def translate_batch(self, batch, **options):  # type: ignore[no-untyped-def]
            calls.append((batch, options))
            return translator.translate_batch(batch, **options)

    monkeypatch.setattr(echo_engine, "_translator", Recording())
    monkeypatch.setattr(echo_engine, "max_input_pieces", 96)
    sentence = delegation_list(6)
    assert echo_engine.translate_batch([sentence]) == [sentence]
    assert len(calls) >= 1
    assert all(options["max_input_length"] == 96 for _, options in calls)
    inputs = [tokens for batch, _ in calls for tokens in batch]
    assert len(inputs) > 1 and all(len(tokens) < 96 for tokens in inputs)
