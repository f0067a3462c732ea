"""Images that founders upload with a pitch: checked by what they are, not by their name,
and re-encoded, so that only the pixels are kept.

A file is refused when it is larger than PITCH_IMAGE_MAX_BYTES, when Pillow does not read
it as JPEG, PNG or WebP (whatever its name or content type says), when it has more pixels
than PITCH_IMAGE_MAX_PIXELS (a decompression bomb is refused before it is decoded), or when
it cannot be decoded completely (a corrupt or truncated file). Everything happens in
memory: nothing is written to storage for a refused file.

What is kept is a fresh encoding of the pixels, in the same format, turned upright by its
EXIF orientation: EXIF (GPS position, camera, dates), XMP, ICC profiles and comments are
not copied. Nor is the founder's file name, which may say who they are: the file gets a
random, unguessable name (unguessable_name).
"""

import io
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageMath, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
OPTIONS = {"JPEG": {"quality": 85, "optimize": True}, "PNG": {"optimize": True}, "WEBP": {"quality": 85}}


def _refuse(message, code):
    raise ValidationError(message, code=code)


def unguessable_name(extension):
    """A random file name (128 bits): the founder's own file name is never stored,
    and an image in the public media cannot be found by trying names."""
    return f"{secrets.token_urlsafe(16)}.{extension}"


def clean_image(upload):
    """The re-encoded image of an uploaded file, as a ContentFile with an unguessable
    name, or a ValidationError with a message for the founder."""
    max_bytes = settings.MEEDOEN_PITCH_IMAGE_MAX_BYTES
    max_pixels = settings.MEEDOEN_PITCH_IMAGE_MAX_PIXELS
    if upload.size > max_bytes:
        _refuse(
            _("The image is too large. Choose an image of at most %(size)s MB.") % {"size": max_bytes // (1024 * 1024)},
            "too_large",
        )
    wrong_type = _("This file is not a JPEG, PNG or WebP image. Choose a photo or picture in one of those formats.")
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=list(FORMATS))
            if image.format not in FORMATS:
                _refuse(wrong_type, "wrong_type")
            width, height = image.size
            if width * height > max_pixels:
                _refuse(
                    _("The image has too many pixels. Choose an image of at most %(pixels)s megapixels.")
                    % {"pixels": max_pixels // 1_000_000},
                    "too_many_pixels",
                )
            image.load()
            if getattr(image, "n_frames", 1) > 1:
                image.seek(0)  # an animated PNG or WebP keeps its first frame only
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        if isinstance(error, UnidentifiedImageError):
            _refuse(wrong_type, "wrong_type")
        _refuse(_("The image has too many pixels. Choose a smaller image."), "too_many_pixels")
    except (OSError, SyntaxError, ValueError, EOFError):
        _refuse(_("The image could not be read: the file seems damaged. Choose another file."), "corrupt")
    return _reencode(image)


def _pixels(image, kind):
    """The image in a mode that `kind` stores as it looks. A plain convert() is wrong for
    two kinds of PNG: 16-bit greyscale (I;16) would be clipped to white instead of scaled to
    8 bits, and a palette with a transparent colour would lose its transparency. Black and
    white (1) becomes L; CMYK (JPEG) becomes RGB; transparency is kept as an alpha channel
    (LA or RGBA). The format stays the same, and a JPEG has no transparency to flatten."""
    if image.mode.startswith("I"):  # 0-65535 in a PNG: scale, not clip
        grey = image.point(lambda value: value / 257).convert("L")
        if "transparency" in image.info:  # one transparent grey value (tRNS) becomes alpha
            opaque = ImageMath.lambda_eval(
                lambda a: (a["grey"] != a["clear"]) * 255, grey=image.convert("I"), clear=image.info["transparency"]
            )
            grey = Image.merge("LA", (grey, opaque.convert("L")))
        image = grey
    alpha = image.has_transparency_data
    if kind == "JPEG":
        mode = "L" if image.mode in ("1", "L") else "RGB"
    elif kind == "PNG" and image.mode in ("1", "L", "LA"):
        mode = "LA" if alpha else "L"
    else:  # WebP stores RGB and RGBA only; a palette is expanded
        mode = "RGBA" if alpha else "RGB"
    return image if image.mode == mode else image.convert(mode)


def _reencode(image):
    kind = image.format
    pixels = _pixels(ImageOps.exif_transpose(image), kind)
    # A new image of the pixels only: no info dictionary, so no EXIF, XMP, ICC or comment.
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format=kind, **OPTIONS[kind])
    return ContentFile(out.getvalue(), name=unguessable_name(FORMATS[kind]))
