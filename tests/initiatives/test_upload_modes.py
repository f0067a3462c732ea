"""Every kind of pixel a founder's JPEG, PNG or WebP can hold is stored as it looks: sent
through the real pitch form, read back from the stored (re-encoded) file, pixel by pixel.
A 16-bit greyscale PNG stays grey instead of turning white, transparency stays transparent,
black and white becomes greyscale and CMYK becomes RGB."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from initiatives.models import Pitch

pytestmark = pytest.mark.django_db

SIZE = (8, 8)
MIDDLE = (4, 4)


def upload(image, kind="PNG", **options):
    """An upload of `image` saved by Pillow as `kind`, exactly as a founder's file would be."""
    out = io.BytesIO()
    image.save(out, format=kind, **options)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[kind]
    return SimpleUploadedFile(f"afbeelding.{extension}", out.getvalue(), content_type=f"image/{extension}")


def with_corner(mode, fill, corner):
    """A `mode` image of `fill`, with a different top-left pixel."""
    image = Image.new(mode, SIZE, fill)
    image.putpixel((0, 0), corner)
    return image


def black_and_white():
    return upload(with_corner("1", 1, 0))


def grey():
    return upload(Image.new("L", SIZE, 128))


def grey_jpeg():
    return upload(Image.new("L", SIZE, 128), "JPEG")


def grey_16_bit():
    """Mid-grey in 16 bits (128 × 257), with a black and a white pixel in the top row."""
    image = with_corner("I;16", 128 * 257, 0)
    image.putpixel((1, 0), 65535)
    return upload(image)


def grey_16_bit_with_transparent_value():
    return upload(with_corner("I;16", 128 * 257, 1000), transparency=1000)


def grey_with_alpha():
    image = with_corner("LA", (100, 255), (100, 0))
    image.putpixel((1, 0), (100, 128))
    return upload(image)


def grey_with_transparent_value():
    return upload(with_corner("L", 128, 7), transparency=7)


def palette(transparency=None):
    image = with_corner("P", 1, 0)
    image.putpalette([255, 255, 255, 40, 120, 60])
    return upload(image, **({} if transparency is None else {"transparency": transparency}))


def palette_with_transparency():
    return palette(transparency=0)


def rgb_with_transparent_colour():
    return upload(with_corner("RGB", (40, 120, 60), (1, 2, 3)), transparency=(1, 2, 3))


def rgba(kind="PNG"):
    image = with_corner("RGBA", (200, 30, 30, 255), (0, 0, 0, 0))
    image.putpixel((1, 0), (200, 30, 30, 128))
    return upload(image, kind, **({"lossless": True} if kind == "WEBP" else {}))


def rgba_webp():
    return rgba("WEBP")


def cmyk_jpeg():
    """Red in CMYK: no cyan, full magenta and yellow, no black."""
    return upload(Image.new("CMYK", (16, 16), (0, 255, 255, 0)), "JPEG", quality=95)


#: What is sent, the stored mode, and pixels as (x, y) → value; None is "any value": the
#: colour of a fully transparent pixel does not matter.
CASES = [
    (black_and_white, "L", {(0, 0): 0, MIDDLE: 255}),
    (grey, "L", {(0, 0): 128, MIDDLE: 128}),
    (grey_jpeg, "L", {MIDDLE: 128}),
    (grey_16_bit, "L", {(0, 0): 0, (1, 0): 255, MIDDLE: 128}),
    (grey_16_bit_with_transparent_value, "LA", {(0, 0): (None, 0), MIDDLE: (128, 255)}),
    (grey_with_alpha, "LA", {(0, 0): (None, 0), (1, 0): (100, 128), MIDDLE: (100, 255)}),
    (grey_with_transparent_value, "LA", {(0, 0): (None, 0), MIDDLE: (128, 255)}),
    (palette, "RGB", {(0, 0): (255, 255, 255), MIDDLE: (40, 120, 60)}),
    (palette_with_transparency, "RGBA", {(0, 0): (None, None, None, 0), MIDDLE: (40, 120, 60, 255)}),
    (rgb_with_transparent_colour, "RGBA", {(0, 0): (None, None, None, 0), MIDDLE: (40, 120, 60, 255)}),
    (rgba, "RGBA", {(0, 0): (None, None, None, 0), (1, 0): (200, 30, 30, 128), MIDDLE: (200, 30, 30, 255)}),
    (rgba_webp, "RGBA", {(0, 0): (None, None, None, 0), (1, 0): (200, 30, 30, 128), MIDDLE: (200, 30, 30, 255)}),
    (cmyk_jpeg, "RGB", {MIDDLE: (255, 0, 0)}),
]


def matches(actual, expected, tolerance):
    actual = actual if isinstance(actual, tuple) else (actual,)
    expected = expected if isinstance(expected, tuple) else (expected,)
    return len(actual) == len(expected) and all(
        e is None or abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True)
    )


@pytest.mark.parametrize(("make", "mode", "pixels"), CASES, ids=[make.__name__ for make, *_ in CASES])
def test_each_kind_of_pixel_is_stored_as_it_looks(submit, pitch_data, make, mode, pixels):
    sent = make()
    assert submit(pitch_data, image=sent).status_code == 200
    with Pitch.objects.get().image.open("rb") as f, Image.open(f) as stored:
        stored.load()
        assert stored.mode == mode
        tolerance = 0 if stored.format == "PNG" else 6  # JPEG and WebP are stored lossy
        for xy, expected in pixels.items():
            assert matches(stored.getpixel(xy), expected, tolerance), (xy, stored.getpixel(xy), expected)
