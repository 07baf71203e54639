from storyline.ingest.identity import article_id, clean_text, normalise_for_identity


def test_typography_and_spacing_do_not_change_identity():
    a = "The minister said: \u201cWe will act.\u201d\n\nTwo\u00a0people \u2014 both guards \u2014 were hurt."
    b = 'The minister said: "We will act."  Two people - both guards - were hurt.'
    assert article_id(a) == article_id(b)


def test_a_changed_word_changes_identity():
    assert article_id("Three workers were killed.") != article_id("Five workers were killed.")
    assert article_id("three workers were killed") != article_id("Three workers were killed")


def test_id_is_sixteen_hex_digits_and_stable():
    value = article_id("Some report text.")
    assert len(value) == 16 and int(value, 16) >= 0
    assert value == article_id("Some report text.")


def test_clean_text_keeps_paragraphs_and_drops_control_characters():
    raw = "\ufeffFirst line.  \r\nSecond\x19 line.\r\n\r\n\r\n\r\nNew paragraph.\x00\n"
    assert clean_text(raw) == "First line.\nSecond line.\n\nNew paragraph."


def test_normalise_collapses_whitespace_but_keeps_case_and_words():
    assert normalise_for_identity("  A\tb\n\nC  ") == "A b C"
