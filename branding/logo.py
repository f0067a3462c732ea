"""Checks of an uploaded logo: a small PNG, JPEG or WebP, or an SVG that is only a
drawing. The site shows the logo in an <img>, where an SVG's scripts never run, but the
file is also served as it is from /media/, where they would: so an SVG with scripts, event
handlers, embedded HTML or links to other files is refused."""

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from PIL import Image

EXTENSIONS = ["svg", "png", "jpg", "jpeg", "webp"]
MAX_BYTES = 512 * 1024
RASTER_FORMATS = {"PNG", "JPEG", "WEBP"}
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
#: Elements that run code, embed other documents or change attributes over time.
FORBIDDEN_ELEMENTS = frozenset(
    {"script", "foreignobject", "iframe", "embed", "object", "audio", "video", "animate", "set", "handler", "listener"}
)

validate_extension = FileExtensionValidator(EXTENSIONS)


def _local(name):
    return name.rsplit("}", 1)[-1].lower()


def check_svg(data):
    """ValidationError unless `data` is an SVG drawing without scripts or outside links."""
    unsafe = ValidationError(
        _("This SVG contains scripts, event handlers or links to other files. Save it as a plain drawing."),
        code="logo_unsafe",
    )
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True)
    except (ElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise ValidationError(_("This is not a valid SVG file."), code="logo_invalid") from error
    if root.tag != f"{SVG_NAMESPACE}svg":
        raise ValidationError(_("This is not a valid SVG file."), code="logo_invalid")
    for element in root.iter():
        if not isinstance(element.tag, str) or _local(element.tag) in FORBIDDEN_ELEMENTS:
            raise unsafe
        for name, value in element.attrib.items():
            local, value = _local(name), value.strip().lower()
            if local.startswith("on") or (local == "href" and not value.startswith("#")):
                raise unsafe
            if "url(" in value.replace("url(#", "") or "javascript:" in value:
                raise unsafe
        text = (element.text or "").lower()
        if _local(element.tag) == "style" and ("@import" in text or "url(" in text.replace("url(#", "")):
            raise unsafe


def check_raster(file):
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except Exception as error:  # Pillow raises many kinds for a broken file
        raise ValidationError(_("This is not a valid PNG, JPEG or WebP image."), code="logo_invalid") from error
    if image_format not in RASTER_FORMATS:
        raise ValidationError(_("This is not a valid PNG, JPEG or WebP image."), code="logo_invalid")


def validate_logo(file):
    if getattr(file, "_committed", False):  # stored before: it was checked then
        return
    validate_extension(file)
    if file.size > MAX_BYTES:
        raise ValidationError(_("The logo may be at most 512 KB."), code="logo_too_large")
    file.seek(0)
    if file.name.lower().endswith(".svg"):
        check_svg(file.read())
    else:
        check_raster(file)
    file.seek(0)
