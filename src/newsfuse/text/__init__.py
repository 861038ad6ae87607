"""Small text helpers shared by every stage: whitespace, words, sentences, calendar dates."""
