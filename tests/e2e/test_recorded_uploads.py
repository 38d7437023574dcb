"""Recordings made by a real browser pass the upload check.

Chromium's MediaRecorder records a canvas and a tone (as a phone's browser records the camera
and the microphone) and the bytes it produces go through ``check_upload``: this is the format
the story form will receive, with open-ended WebM clusters and fragmented MP4, which the
hand-built samples of the unit tests only imitate.
"""

import base64

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from constellate.core.uploads import UploadRefused, check_upload

pytestmark = pytest.mark.browser

RECORD = """
async (mime) => {
  if (!window.MediaRecorder || !MediaRecorder.isTypeSupported(mime)) return null;
  const tracks = [];
  if (mime.startsWith("video")) {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    document.body.appendChild(canvas);
    const context = canvas.getContext("2d");
    let hue = 0;
    setInterval(() => {
      context.fillStyle = `hsl(${(hue += 10)}, 80%, 50%)`;
      context.fillRect(0, 0, 160, 120);
    }, 30);
    tracks.push(...canvas.captureStream(30).getVideoTracks());
  }
  const audio = new AudioContext();
  await Promise.race([audio.resume(), new Promise((done) => setTimeout(done, 200))]);
  const tone = audio.createOscillator();
  const out = audio.createMediaStreamDestination();
  tone.connect(out);
  tone.start();
  tracks.push(...out.stream.getAudioTracks());
  const recorder = new MediaRecorder(new MediaStream(tracks), { mimeType: mime });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  const stopped = new Promise((done) => (recorder.onstop = done));
  recorder.start(250);
  await new Promise((done) => setTimeout(done, 1200));
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
"""

PICTURE = """
async (mime) => {
  const canvas = document.createElement("canvas");
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext("2d");
  context.fillStyle = "#c00";
  context.fillRect(0, 0, 32, 48);
  const blob = await new Promise((done) => canvas.toBlob(done, mime, 0.9));
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}
"""


@pytest.fixture
def blank_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    yield page
    context.close()


def record(page, mime: str) -> bytes:
    encoded = page.evaluate(RECORD, mime)
    if encoded is None:
        pytest.skip(f"this Chromium cannot record {mime}")
    return base64.b64decode(encoded)


@pytest.mark.parametrize(
    ("mime", "medium", "checked_mime"),
    [
        ("audio/webm;codecs=opus", "audio", "audio/webm"),
        ("video/webm;codecs=vp8,opus", "video", "video/webm"),
        ("video/webm;codecs=vp9,opus", "video", "video/webm"),
        ("audio/mp4", "audio", "audio/mp4"),
        ("video/mp4", "video", "video/mp4"),
    ],
)
def test_a_browser_recording_is_accepted_as_what_it_is(blank_page, mime, medium, checked_mime):
    data = record(blank_page, mime)
    checked = check_upload(SimpleUploadedFile("blob", data), media=["audio", "video"])
    assert (checked.medium, checked.mime, checked.size) == (medium, checked_mime, len(data))
    if medium == "video":
        assert (checked.width, checked.height) == (160, 120)


@pytest.mark.parametrize("mime", ["video/webm;codecs=vp8,opus", "video/mp4"])
def test_a_browser_recording_cut_short_is_refused(blank_page, mime):
    data = record(blank_page, mime)
    with pytest.raises(UploadRefused) as caught:
        check_upload(SimpleUploadedFile("blob", data[: len(data) - 7]), media=["video"])
    assert caught.value.code == "truncated"


@pytest.mark.parametrize(
    ("mime", "extension"),
    [("image/jpeg", ".jpg"), ("image/png", ".png"), ("image/webp", ".webp")],
)
def test_a_picture_made_by_the_browser_is_accepted(blank_page, mime, extension):
    data = base64.b64decode(blank_page.evaluate(PICTURE, mime))
    checked = check_upload(SimpleUploadedFile("canvas", data), media=["image"])
    assert (checked.mime, checked.extension, checked.width, checked.height) == (
        mime,
        extension,
        64,
        48,
    )
