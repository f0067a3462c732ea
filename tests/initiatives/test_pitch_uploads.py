"""Images sent with a pitch: good ones are kept re-encoded without metadata, every kind of
bad file is refused with a clear message and leaves nothing in storage."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from initiatives.models import Pitch
from tests.helpers import text_of

from .conftest import image_file

pytestmark = pytest.mark.django_db


def exif_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (52.0, 22.0, 30.0)  # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (4.0, 53.0, 10.0)
    return exif


def private_root():
    return Pitch._meta.get_field("image").storage.location


def stored_files(settings):
    roots = [settings.MEDIA_ROOT, private_root()]
    return [
        os.path.join(d, f) for root in roots if os.path.exists(root) for d, _, files in os.walk(root) for f in files
    ]


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_a_good_image_is_kept_re_encoded_and_private(submit, pitch_data, settings, kind):
    response = submit(pitch_data, image=image_file(kind, size=(120, 80)))
    assert response.status_code == 200
    pitch = Pitch.objects.get()
    assert (pitch.image_width, pitch.image_height) == (120, 80)
    [path] = stored_files(settings)
    assert path.startswith(str(private_root()))
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
    with Image.open(path) as stored:
        assert stored.format == kind


def test_gps_and_camera_data_are_stripped(submit, pitch_data):
    upload = image_file("JPEG", size=(80, 60), exif=exif_with_gps().tobytes())
    with Image.open(io.BytesIO(upload.read())) as original:
        assert original.getexif().get_ifd(0x8825)  # the test file really carries a position
    upload.seek(0)
    assert submit(pitch_data, image=upload).status_code == 200
    with Pitch.objects.get().image.open("rb") as f, Image.open(f) as stored:
        assert not stored.getexif() and "exif" not in stored.info
        assert stored.size == (80, 60)


def test_a_sideways_photo_is_turned_upright(submit, pitch_data):
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    assert submit(pitch_data, image=image_file("JPEG", size=(80, 60), exif=exif.tobytes())).status_code == 200
    with Pitch.objects.get().image.open("rb") as f, Image.open(f) as stored:
        assert stored.size == (60, 80)


def pdf_named_jpg():
    return SimpleUploadedFile("foto.jpg", b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF", content_type="image/jpeg")


def html_named_png():
    return SimpleUploadedFile("foto.png", b"<html><script>alert(1)</script></html>", content_type="image/png")


def gif_named_jpg():
    upload = image_file("GIF", name="foto.jpg")
    upload.content_type = "image/jpeg"
    return upload


def svg():
    return SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')


def oversized():
    return SimpleUploadedFile("groot.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024 + 1), content_type="image/jpeg")


def decompression_bomb():
    """A small PNG file that claims 20,000 × 20,000 pixels (400 megapixels)."""
    out = io.BytesIO()
    Image.new("1", (20_000, 20_000)).save(out, format="PNG", optimize=True)
    return SimpleUploadedFile("bom.png", out.getvalue(), content_type="image/png")


def too_many_pixels():
    """Under Pillow's bomb limit but over the portal's: 8,000 × 6,000 = 48 megapixels."""
    out = io.BytesIO()
    Image.new("1", (8000, 6000)).save(out, format="PNG")
    return SimpleUploadedFile("panorama.png", out.getvalue(), content_type="image/png")


def truncated_jpeg():
    data = image_file("JPEG", size=(400, 300), quality=95).read()
    return SimpleUploadedFile("kapot.jpg", data[: len(data) // 2], content_type="image/jpeg")


def garbage_png():
    """A PNG whose compressed pixel data is overwritten halfway."""
    out = io.BytesIO()
    Image.effect_noise((200, 200), 64).convert("RGB").save(out, format="PNG")
    data = bytearray(out.getvalue())
    data[len(data) // 2 : len(data) // 2 + 400] = b"\xff" * 400
    return SimpleUploadedFile("kapot.png", bytes(data), content_type="image/png")


BAD_FILES = [
    (pdf_named_jpg, "geen JPEG-, PNG- of WebP-afbeelding"),
    (html_named_png, "geen JPEG-, PNG- of WebP-afbeelding"),
    (gif_named_jpg, "geen JPEG-, PNG- of WebP-afbeelding"),
    (svg, "geen JPEG-, PNG- of WebP-afbeelding"),
    (oversized, "te groot"),
    (decompression_bomb, "te veel pixels"),
    (too_many_pixels, "te veel pixels"),
    (truncated_jpeg, "beschadigd"),
    (garbage_png, "beschadigd"),
]


@pytest.mark.parametrize(("make", "message"), BAD_FILES, ids=[make.__name__ for make, _ in BAD_FILES])
def test_a_bad_file_is_refused_and_nothing_is_written(submit, pitch_data, settings, make, message):
    response = submit(pitch_data, image=make())
    assert response.status_code == 400
    assert not Pitch.objects.exists()
    assert message in text_of(response)
    assert stored_files(settings) == []


def test_after_another_error_the_image_is_asked_for_again(submit, pitch_data, settings):
    response = submit({**pitch_data, "email": "niet-goed"}, image=image_file("PNG"))
    assert response.status_code == 400
    assert "Kies je afbeelding opnieuw" in text_of(response)
    assert stored_files(settings) == []
    assert submit(pitch_data, image=image_file("PNG")).status_code == 200
