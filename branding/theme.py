"""The site's colours as NL Design System design tokens, and the contrast rules they obey.

The stylesheet (static/css/meedoen.css) reads each colour *role* from the token a
municipality's NL Design System theme sets (`--utrecht-link-color`, ...), with Meedoen's
own colour as the fallback. `ROLES` names each role's token and default; a test keeps
the stylesheet's `:root` block and this table the same.

A role's colour comes from, first to last: the Branding setting's own field, the
municipality's pasted theme (`parse_theme`), a colour derived from another role (a
button's hover shade from the primary colour), Meedoen's default. `effective_colours`
works that out; `check_contrast` measures every pair of colours the stylesheet puts on
top of each other (`PAIRS`) against WCAG 2.x AA; `theme_css` writes the result as the
`:root` block of /branding.css, in plain `#rrggbb` values only.
"""

import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

#: WCAG 2.x AA: normal text, and what a user must see to operate a control (focus rings,
#: the border of a form field).
TEXT = Decimal("4.5")
GRAPHICS = Decimal("3")

HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


@dataclass(frozen=True)
class Role:
    name: str
    token: str  # the NL Design System token the stylesheet reads
    default: str
    label: object  # a lazy, translatable noun: "the %s #abcdef"
    field: str = ""  # the Branding field that sets it, if any
    derived_from: str = ""  # a role this one follows when only that one is set


ROLES = {
    role.name: role
    for role in (
        Role("text", "--utrecht-document-color", "#1b1b1f", _("text colour"), "text_color"),
        Role(
            "background",
            "--utrecht-document-background-color",
            "#ffffff",
            _("background colour"),
            "background_color",
        ),
        Role(
            "primary",
            "--utrecht-button-primary-action-background-color",
            "#0b4f8a",
            _("primary colour"),
            "primary_color",
        ),
        Role(
            "primary_text",
            "--utrecht-button-primary-action-color",
            "#ffffff",
            _("text colour of buttons"),
            "primary_text_color",
        ),
        Role(
            "primary_hover",
            "--utrecht-button-primary-action-hover-background-color",
            "#073a66",
            _("colour of buttons under the mouse"),
            derived_from="primary",
        ),
        Role(
            "primary_tint",
            "--utrecht-button-secondary-action-hover-background-color",
            "#e6eff8",
            _("light primary colour"),
            derived_from="primary",
        ),
        Role("link", "--utrecht-link-color", "#0b4f8a", _("link colour"), "link_color", derived_from="primary"),
        Role(
            "link_hover", "--utrecht-link-hover-color", "#073a66", _("link colour under the mouse"), derived_from="link"
        ),
        Role("focus", "--utrecht-focus-outline-color", "#1b1b1f", _("focus colour"), "focus_color"),
        Role(
            "focus_inverse",
            "--utrecht-focus-inverse-outline-color",
            "#ffd84d",
            _("focus colour in the menu bar"),
        ),
        Role("border", "--utrecht-form-control-border-color", "#767680", _("border colour of form fields")),
        Role("error", "--utrecht-feedback-danger-color", "#b00020", _("error colour")),
        Role("success", "--utrecht-feedback-safe-color", "#1d5e2c", _("success colour")),
    )
}

#: Colours of the stylesheet that no setting or token changes, but that lie on (or under)
#: colours that do: they are part of the check.
FIXED = {
    "text_muted": ("#4a4a55", _("muted text colour")),
    "surface": ("#f4f6f8", _("colour of grey areas")),
    "accent": ("#8a3b00", _("accent colour")),
    "notice": ("#fff4cc", _("colour of notices")),
}

#: Every pair the stylesheet uses: (foreground, background, minimum ratio).
PAIRS = (
    ("text", "background", TEXT),
    ("text", "surface", TEXT),
    ("text", "primary_tint", TEXT),  # hero, call to action, questions
    ("text", "notice", TEXT),
    ("text", "focus_inverse", TEXT),  # the skip link
    ("text_muted", "background", TEXT),
    ("text_muted", "surface", TEXT),
    ("accent", "background", TEXT),
    ("link", "background", TEXT),
    ("link", "surface", TEXT),
    ("link", "primary_tint", TEXT),
    ("link_hover", "background", TEXT),
    ("primary_text", "primary", TEXT),  # buttons, the menu bar, the current page number
    ("primary_text", "primary_hover", TEXT),
    ("primary", "background", TEXT),  # secondary buttons, key figures
    ("primary", "surface", TEXT),
    ("primary_hover", "primary_tint", TEXT),  # theme tags, secondary buttons under the mouse
    ("error", "background", TEXT),
    ("success", "background", TEXT),
    ("focus", "background", GRAPHICS),
    ("focus", "surface", GRAPHICS),
    ("focus", "primary_tint", GRAPHICS),
    ("focus_inverse", "primary", GRAPHICS),  # focus in the menu bar
    ("border", "background", GRAPHICS),
)


# --- Colours and contrast -------------------------------------------------------------


def parse_hex(value):
    """`#abc` or `#aabbcc` as an (r, g, b) tuple of 0-255; ValueError otherwise."""
    value = value.strip()
    if not HEX.match(value):
        raise ValueError(value)
    digits = value[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def to_hex(rgb):
    return "#" + "".join(f"{round(channel):02x}" for channel in rgb)


def normalise(value):
    """A colour as lowercase `#rrggbb`."""
    return to_hex(parse_hex(value))


def relative_luminance(colour):
    """WCAG 2.x relative luminance of a hex colour or an (r, g, b) tuple."""
    rgb = parse_hex(colour) if isinstance(colour, str) else colour

    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    """The WCAG 2.x contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(first, second, weight):
    """`weight` of `first` with the rest `second`, in sRGB (as CSS color-mix in srgb)."""
    a, b = parse_hex(first), parse_hex(second)
    return to_hex(weight * x + (1 - weight) * y for x, y in zip(a, b, strict=True))


def shade(colour, against):
    """A hover shade of `colour`: a fifth darker or lighter, whichever stands out more
    against `against` (its text, or the page)."""
    darker, lighter = mix(colour, "#000000", 0.8), mix(colour, "#ffffff", 0.8)
    return max((darker, lighter), key=lambda candidate: contrast_ratio(candidate, against))


def format_ratio(ratio):
    """A ratio as people read it, never rounded up (4.48 is not 4.5): `4,48` in Dutch."""
    value = Decimal(str(ratio)).quantize(Decimal("0.01"), rounding=ROUND_FLOOR).normalize()
    return number_format(value if value != value.to_integral() else value.to_integral())


# --- What the colours are -------------------------------------------------------------


def effective_colours(fields=None, theme=None):
    """Every role's colour (and the fixed ones) as `#rrggbb`: from `fields` (role name ->
    colour, set in the setting), else the pasted theme's token (`theme`, token -> colour),
    else derived from the role it follows when that one was set, else the default."""
    fields = {name: normalise(value) for name, value in (fields or {}).items() if value}
    theme = theme or {}
    colours, chosen = {}, set()

    def colour(name):
        if name in colours:
            return colours[name]
        role = ROLES[name]
        if name in fields:
            value, chosen_here = fields[name], True
        elif role.token in theme:
            value, chosen_here = theme[role.token], True
        elif role.derived_from and (colour(role.derived_from) and role.derived_from in chosen):
            value, chosen_here = derive(name), True
        else:
            value, chosen_here = role.default, False
        colours[name] = value
        if chosen_here:
            chosen.add(name)
        return value

    def derive(name):
        source = colour(ROLES[name].derived_from)
        if name == "primary_hover":
            return shade(source, colour("primary_text"))
        if name == "primary_tint":
            return mix(source, colour("background"), 0.1)
        if name == "link_hover":
            return shade(source, colour("background"))
        return source  # the link follows the primary colour

    for name in ROLES:
        colour(name)
    colours.update({name: default for name, (default, _label) in FIXED.items()})
    return colours


def label(name):
    return ROLES[name].label if name in ROLES else FIXED[name][1]


def _contrast_message(fg_label, fg, bg_label, bg, ratio, minimum):
    return _(
        "The %(foreground)s %(foreground_colour)s on the %(background)s %(background_colour)s has a "
        "contrast of %(ratio)s:1; at least %(minimum)s:1 is needed."
    ) % {
        "foreground": fg_label,
        "foreground_colour": fg,
        "background": bg_label,
        "background_colour": bg,
        "ratio": format_ratio(ratio),
        "minimum": number_format(minimum),
    }


contrast_message = lazy(_contrast_message, str)


@dataclass(frozen=True)
class Failure:
    foreground: str
    background: str
    ratio: float
    minimum: Decimal
    message: object


def check_contrast(colours):
    """The pairs of `PAIRS` that fail WCAG AA with these colours, each with its message."""
    failures = []
    for fg, bg, minimum in PAIRS:
        ratio = contrast_ratio(colours[fg], colours[bg])
        # Compare unrounded: 4.49 fails 4.5, as WCAG says.
        if ratio < float(minimum):
            message = contrast_message(label(fg), colours[fg], label(bg), colours[bg], ratio, minimum)
            failures.append(Failure(fg, bg, ratio, minimum, message))
    return failures


def theme_css(colours):
    """The `:root` block of /branding.css: every role's token with its colour."""
    lines = [f"    {role.token}: {colours[name]};" for name, role in ROLES.items()]
    return ":root {\n" + "\n".join(lines) + "\n}\n"


# --- A municipality's own NL Design System theme --------------------------------------

#: The blocks a theme may hold: `:root` or a theme class (`.utrecht-theme`,
#: `.denhaag-theme`, `.voorbeeld-theme`), alone or in a list.
THEME_SELECTOR = re.compile(r"^(?::root|\.[a-z][a-z0-9-]*-theme)(?:\s*,\s*(?::root|\.[a-z][a-z0-9-]*-theme))*$")
PROPERTY = re.compile(r"^--[a-zA-Z0-9_-]+$")
#: The only characters a token's value may hold, and the only functions it may call:
#: no url(), image-set(), expression(), attr(), escapes, markup or at-rules.
VALUE_CHARACTERS = re.compile(r"^[\w\s#%.,()/+*'\"-]*$")
FUNCTION = re.compile(r"([a-zA-Z-]+)\s*\(")
ALLOWED_FUNCTIONS = frozenset({"var", "calc", "min", "max", "clamp", "rgb", "rgba", "hsl", "hsla", "color-mix"})
COMMENT = re.compile(r"/\*.*?\*/", re.S)
VAR = re.compile(r"^var\(\s*(--[a-zA-Z0-9_-]+)\s*(?:,\s*(.+))?\)$", re.S)
RGB = re.compile(r"^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*(1|1\.0+|100%)\s*)?\)$")
NAMED = {"white": "#ffffff", "black": "#000000"}
MAX_THEME_LENGTH = 500_000


FORBIDDEN_TEXT = ("@import", "@font-face", "</style", "<script", "expression(", "javascript:", "\\")
#: An icon inside a token (as themes have): a quoted data: image, which loads nothing.
DATA_URL = re.compile(r"""url\(\s*(?:"data:image/[^"]*"|'data:image/[^']*')\s*\)""", re.I)


def _split(text, separators):
    """`text` cut at `separators` outside quotes and parentheses: (part, separator) pairs,
    the last with separator ""."""
    part, quote, depth = [], "", 0
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators:
            yield "".join(part), char
            part = []
            continue
        part.append(char)
    yield "".join(part), ""


def _not_allowed(part):
    return ValidationError(
        _(
            "A theme may only hold custom properties (--name: value;) in a :root or .…-theme block. "
            "This is not allowed: %(part)s"
        ),
        code="theme_syntax",
        params={"part": part.strip()[:80] or "}"},
    )


def parse_theme(text):
    """The custom properties of a pasted NL Design System theme (its `theme.css`) as a
    dict, name -> value; ValidationError when it holds anything else: other selectors or
    properties, at-rules, url() (but for an icon as a quoted data: image, which is left
    out), functions other than var(), calc() and colours, markup or escapes. Nothing of
    it is ever sent to a browser: /branding.css holds only the colours read from it."""
    if len(text) > MAX_THEME_LENGTH:
        raise ValidationError(_("The theme is too long (at most 500,000 characters)."), code="theme_too_long")
    css = COMMENT.sub("", text)
    lowered = css.lower()
    for forbidden in FORBIDDEN_TEXT:
        if forbidden in lowered:
            raise _not_allowed(forbidden)
    parts = list(_split(css, "{}"))
    declarations = {}
    for index in range(0, len(parts) - 1, 2):
        (selector, opening), (body, closing) = parts[index], parts[index + 1]
        if opening != "{" or closing != "}" or not THEME_SELECTOR.match(selector.strip()):
            raise _not_allowed(selector or body)
        for declaration, _separator in _split(body, ";"):
            if not declaration.strip():
                continue
            name, colon, value = declaration.partition(":")
            name, value = name.strip(), value.strip()
            if not colon or not PROPERTY.match(name) or not value:
                raise ValidationError(
                    _("Only custom properties (--name: value;) are allowed, not: %(part)s"),
                    code="theme_declaration",
                    params={"part": declaration.strip()[:80]},
                )
            plain = DATA_URL.sub("", value)
            functions = {function.lower().lstrip("-") for function in FUNCTION.findall(plain)}
            if not VALUE_CHARACTERS.match(plain) or functions - ALLOWED_FUNCTIONS:
                raise ValidationError(
                    _("The value of %(name)s is not allowed (no url(), @import or other functions): %(value)s"),
                    code="theme_value",
                    params={"name": name, "value": value[:80]},
                )
            if plain == value:  # an icon is checked, but never a colour
                declarations[name] = value
    if len(parts) % 2 == 0 or parts[-1][0].strip():
        raise _not_allowed(parts[-1][0] or parts[-2][0])
    return declarations


def resolve(declarations, name, seen=()):
    """The value of token `name`, following var() within the theme; None when the theme
    does not set it."""
    if name in seen or name not in declarations:
        return None
    value = declarations[name].strip()
    match = VAR.match(value)
    while match:
        found = resolve(declarations, match.group(1), (*seen, name))
        if found is not None:
            return found
        if match.group(2) is None:
            return None
        value = match.group(2).strip()
        match = VAR.match(value)
    return value


def parse_colour(value):
    """A CSS colour of a theme (`#abc`, `#aabbcc`, opaque `rgb()`, white, black) as
    `#rrggbb`, or None when it is none of these."""
    value = value.strip().lower()
    if value in NAMED:
        return NAMED[value]
    if HEX.match(value):
        return normalise(value)
    match = RGB.match(value)
    if match and all(int(channel) <= 255 for channel in match.groups()[:3]):
        return to_hex(int(channel) for channel in match.groups()[:3])
    return None


def theme_colours(declarations):
    """The colours the pasted theme gives our roles (token -> `#rrggbb`); ValidationError
    when it sets one of them to something we cannot measure."""
    colours = {}
    for role in ROLES.values():
        value = resolve(declarations, role.token)
        if value is None:
            continue
        colour = parse_colour(value)
        if colour is None:
            raise ValidationError(
                _(
                    "The theme sets %(token)s to %(value)s: its contrast cannot be checked. "
                    "Use a colour such as #0b4f8a."
                ),
                code="theme_colour",
                params={"token": role.token, "value": value[:80]},
            )
        colours[role.token] = colour
    return colours
