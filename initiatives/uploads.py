"""Images that founders upload with a pitch: checked by what they are, not by their name,
and re-encoded, so that only the pixels are kept.

A file is refused when it is larger than PITCH_IMAGE_MAX_BYTES, when Pillow does not read
it as JPEG, PNG or WebP (whatever its name or content type says), when it has more pixels
than PITCH_IMAGE_MAX_PIXELS (a decompression bomb is refused before it is decoded), or when
it cannot be decoded completely (a corrupt or truncated file). Everything happens in
memory: nothing is written to storage for a refused file.

What is kept is a fresh encoding of the pixels, in the same format, turned upright by its
EXIF orientation: EXIF (GPS position, camera, dates), XMP, ICC profiles and comments are
not copied.
"""

import io
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _refuse(message, code):
    raise ValidationError(message, code=code)


def clean_image(upload):
    """The re-encoded image of an uploaded file, as a ContentFile named after the upload,
    or a ValidationError with a message for the founder."""
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
    return _reencode(image, upload.name)


def _reencode(image, name):
    kind = image.format
    upright = ImageOps.exif_transpose(image)
    if kind == "JPEG":
        pixels = upright.convert("RGB") if upright.mode not in ("RGB", "L") else upright
        options = {"quality": 85, "optimize": True}
    else:
        pixels = upright.convert("RGBA") if upright.mode not in ("RGB", "RGBA", "L", "LA") else upright
        options = {"optimize": True} if kind == "PNG" else {"quality": 85}
    # A new image of the pixels only: no info dictionary, so no EXIF, XMP, ICC or comment.
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    clean.save(out, format=kind, **options)
    stem = get_valid_filename(PurePath(name or "image").stem)[:60] or "image"
    return ContentFile(out.getvalue(), name=f"{stem}.{FORMATS[kind]}")
