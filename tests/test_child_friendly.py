"""Child-friendly pages: faces carry words, pictures carry text, Listen and recorded readings."""
import shutil
import wave

from tests.journeys import start


def test_faces_are_real_radios_with_words(visitor):
    page = start(visitor, "children", "9-11")
    radios = page.soup.select("main input[type=radio]")
    assert len(radios) == 6  # five faces and prefer not to say
    for radio in radios:
        label = page.soup.find("label", attrs={"for": radio["id"]})
        assert label.get_text(strip=True), "every face has words"
        face = label.find(class_="face")
        assert face is None or face["aria-hidden"] == "true"


def test_picture_options_always_have_text(visitor):
    start(visitor, "children", "9-11")
    page = visitor.get("/en/c/children/q/things_to_do")
    icons = page.soup.select("main img.icon")
    assert icons and all(img["alt"] == "" for img in icons)
    assert all(img.find_parent("label").get_text(strip=True) for img in icons)


def test_listen_button_is_hidden_until_javascript_finds_speech(visitor):
    page = start(visitor, "children", "9-11")
    listen = page.soup.select_one("button[data-listen]")
    assert listen is not None and listen.has_attr("hidden") and listen["type"] == "button"


def test_assisted_consultations_say_a_grown_up_can_read_aloud(visitor):
    assert "A grown-up can read the questions to you" in visitor.get("/en/c/children/").text()
    assert "A grown-up can read the questions to you" not in visitor.get("/en/c/parents-carers/").text()


def test_recorded_reading_is_offered_when_the_definition_has_one(test_app, tester, tmp_path):
    static = tmp_path / "static"
    shutil.copytree(test_app.static_folder, static)
    (static / "audio").mkdir(exist_ok=True)
    with wave.open(str(static / "audio" / "hello.wav"), "wb") as recording:
        recording.setnchannels(1), recording.setsampwidth(2), recording.setframerate(8000)
        recording.writeframes(b"\x00\x00" * 800)
    test_app.static_folder = str(static)
    page = start(tester, "audio", "9-11")
    audio = page.soup.select_one("main audio")
    assert audio is not None and audio["src"].startswith("/static/audio/hello.wav?v=")
    assert tester.client.get(audio["src"]).status_code == 200
