"""Normalising, language detection and redaction."""
from app.analysis import detect_language, redact
from app.analysis.normalise import normalise


def test_normalise_folds_accents_text_speak_and_arabic_letter_variants():
    assert normalise("Nie stać nas, głodny") == "nie stac nas, glodny"
    assert normalise("cant afford nuthin cos im SKINT soooo") == "cant afford nuthin because i am skint soo"
    assert normalise("يضربني") == normalise("یضربنی")


def test_detect_language_uses_script_letters_and_model():
    assert detect_language("We cannot afford the heating this winter") == "en"
    assert detect_language("Nie stać nas na jedzenie dla dzieci") == "pl"
    assert detect_language("Nu ne permitem să plătim facturile") == "ro"
    assert detect_language("Děti chodí do školy hladové") == "cs"
    assert detect_language("Doma je zima, nemôžeme si dovoliť kúrenie") == "sk"
    assert detect_language("لا نستطيع دفع فواتير الكهرباء") == "ar"
    assert detect_language("ہمارے پاس پیسے نہیں ہیں") == "ur"
    assert detect_language("ساڈے کول پیسے نئیں نیں") == "pa"
    assert detect_language("پارەمان نییە بۆ خواردن") == "ckb"


def test_detect_language_falls_back_to_hint_or_unknown():
    assert detect_language("ok", hint="pl") == "pl"
    assert detect_language("12345") == "unknown"
    assert detect_language("12345", hint="ur") == "ur"


def test_redact_removes_contact_details_names_addresses_and_schools():
    text = ("My name is Sarah Jones, call 07700 900123 or sarah.j@example.com. We live at 12 Harehills Lane, "
            "LS9 6AB. NI QQ 12 34 56 C. My son Jayden goes to Park View Primary and Mr Khan teaches him at St Marys.")
    out = redact(text, school_names=["St Marys"])
    for secret in ("Sarah", "07700", "example.com", "Harehills Lane", "LS9 6AB", "QQ 12", "Jayden", "Park View", "Khan", "St Marys"):
        assert secret not in out
    assert "[phone]" in out and "[email]" in out and "[postcode]" in out and "[school]" in out


def test_redact_keeps_ordinary_words_and_other_scripts_names():
    assert redact("I'm Tired and I'm Polish, we live in LS9") == "I'm Tired and I'm Polish, we live in LS9"
    assert "علی" not in redact("میرا نام علی ہے")
    assert "Kasia" not in redact("Mam na imię Kasia")
