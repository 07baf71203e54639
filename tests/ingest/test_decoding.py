import pytest

from storyline.errors import InputError
from storyline.ingest.decoding import decode_text, detect_format, refuse_binary


def test_latin1_pound_sign_is_read_as_pound_not_a_central_european_letter():
    data = "The fine was \u00a3300 and costs of \u00a3150, the magistrates said.".encode("latin-1")
    text, encoding = decode_text(data, "x.txt")
    assert "\u00a3300" in text and "\u0141" not in text
    assert encoding in ("cp1252", "latin-1")


def test_windows_1252_curly_quotes():
    data = b"He called it \x93deliberate and calculated\x94 in court."
    text, _ = decode_text(data, "x.txt")
    assert "\u201cdeliberate and calculated\u201d" in text


def test_utf8_and_utf16_with_bom():
    assert decode_text("caf\u00e9".encode("utf-8"), "a")[0] == "caf\u00e9"
    assert decode_text("caf\u00e9 report".encode("utf-16"), "a")[0] == "caf\u00e9 report"


def test_forced_encoding_that_does_not_fit_names_the_byte():
    with pytest.raises(InputError) as caught:
        decode_text(b"abc \xff def", "bad.txt", "utf-8")
    assert caught.value.code == "E105" and "0xff" in str(caught.value) and "offset 4" in str(caught.value)


def test_bytes_no_encoding_reads_are_undecodable():
    data = bytes(range(0x80, 0x100)) * 40
    with pytest.raises(InputError) as caught:
        decode_text(data, "noise.txt")
    assert caught.value.code == "E105" and "noise.txt" in str(caught.value)


@pytest.mark.parametrize("data, what", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"some text\x00\x00\x01\x02", "NUL"),
])
def test_binary_inputs_are_refused_with_what_they_look_like(data, what):
    with pytest.raises(InputError) as caught:
        refuse_binary(data, "thing.bin")
    assert caught.value.code == "E104" and what in str(caught.value)


def test_wire_copy_with_a_few_control_bytes_is_still_text():
    refuse_binary(b"COURTS Lead\x19\nA man was jailed for four years yesterday.\n" * 20, "pa.txt")


@pytest.mark.parametrize("name, data, expected", [
    ("a.txt", b"<html>", "text"),
    ("a.HTML", b"plain", "html"),
    ("feed.xml", b'<?xml version="1.0"?><rss version="2.0">', "feed"),
    ("sitemap.xml", b'<?xml version="1.0"?><urlset>', "xml"),
    ("x.warc.gz", b"\x1f\x8b", "warc"),
    (None, b"WARC/1.0\r\n", "warc"),
    (None, b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (None, b"<!DOCTYPE html><html><body><p>x</p>", "html"),
    (None, b'{"text": "x"}\n', "jsonl"),
    (None, b"date 2026-01-01 Something happened.", "text"),
    ("notes", b"<BEGIN ANNO>\nVerbatim@1.2@1.3\n", "text"),
])
def test_detect_format(name, data, expected):
    assert detect_format(name, data) == expected
