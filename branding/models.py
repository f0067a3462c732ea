from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from pages import publiccache

from . import theme
from .logo import validate_logo

validate_colour = RegexValidator(theme.HEX, _("Enter a colour as #rrggbb, for example #0b4f8a."), code="colour")


def colour_field(verbose_name, help_text):
    return models.CharField(verbose_name, max_length=7, blank=True, validators=[validate_colour], help_text=help_text)


def colour_panel(name):
    role = next(role for role in theme.ROLES.values() if role.field == name)
    return FieldPanel(name, widget=forms.TextInput(attrs={"placeholder": role.default, "size": 8}))


EMPTY = _("Empty: the colour of the NL Design System theme below, or Meedoen's own (shown in grey).")


@register_setting(icon="image")
class Branding(BaseSiteSetting):
    """The municipality's look: its logo and colours, as NL Design System design tokens."""

    logo = models.FileField(
        _("logo"),
        upload_to="branding/",
        blank=True,
        validators=[validate_logo],
        help_text=_(
            "SVG, PNG, JPEG or WebP, at most 512 KB. Shown in the header and the admin, with the "
            "municipality's name as its text."
        ),
    )
    primary_color = colour_field(_("primary colour"), format_lazy("{} {}", _("Buttons and the menu bar."), EMPTY))
    primary_text_color = colour_field(
        _("text colour of buttons"), format_lazy("{} {}", _("Text on the primary colour."), EMPTY)
    )
    link_color = colour_field(_("link colour"), _("Empty: the primary colour."))
    focus_color = colour_field(
        _("focus colour"), format_lazy("{} {}", _("The outline around what has keyboard focus."), EMPTY)
    )
    background_color = colour_field(_("background colour"), EMPTY)
    text_color = colour_field(_("text colour"), EMPTY)
    theme_tokens = models.TextField(
        _("NL Design System theme"),
        blank=True,
        help_text=_(
            "Optional: paste the CSS of your NL Design System theme (its theme.css: custom properties "
            "in a :root or .…-theme block). Meedoen takes the colours of its --utrecht-… tokens; the "
            "fields above come first."
        ),
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                colour_panel("primary_color"),
                colour_panel("primary_text_color"),
                colour_panel("link_color"),
                colour_panel("focus_color"),
                colour_panel("background_color"),
                colour_panel("text_color"),
            ],
            heading=_("Colours"),
            help_text=_(
                "Every combination of colours the site uses is checked when you save: text needs a "
                "contrast of at least 4.5:1, focus outlines and borders of form fields 3:1 (WCAG AA)."
            ),
        ),
        FieldPanel("theme_tokens"),
    ]

    class Meta:
        verbose_name = _("look and logo")

    def field_colours(self):
        """The colours set in the fields, role name -> `#rrggbb` (invalid ones left out)."""
        colours = {}
        for role in theme.ROLES.values():
            value = getattr(self, role.field, "") if role.field else ""
            if value and theme.HEX.match(value.strip()):
                colours[role.name] = theme.normalise(value)
        return colours

    def theme_colours(self):
        """The colours the pasted theme gives the roles' tokens (ValidationError if invalid)."""
        if not self.theme_tokens.strip():
            return {}
        return theme.theme_colours(theme.parse_theme(self.theme_tokens))

    def colours(self):
        """Every role's colour as the site shows it."""
        try:
            from_theme = self.theme_colours()
        except ValidationError:  # saved before a stricter check: the fields and defaults
            from_theme = {}
        return theme.effective_colours(self.field_colours(), from_theme)

    def clean(self):
        super().clean()
        for role in theme.ROLES.values():
            value = getattr(self, role.field, "") if role.field else ""
            if value and theme.HEX.match(value.strip()):
                setattr(self, role.field, theme.normalise(value))
        try:
            from_theme = self.theme_colours()
        except ValidationError as error:
            raise ValidationError({"theme_tokens": error}) from error
        fields = self.field_colours()
        failures = theme.check_contrast(theme.effective_colours(fields, from_theme))
        errors = {}
        for failure in failures:
            source = self._source(failure.foreground, fields, from_theme) or self._source(
                failure.background, fields, from_theme
            )
            errors.setdefault(source or NON_FIELD_ERRORS, []).append(failure.message)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _source(name, fields, from_theme):
        """The form field that gave role `name` its colour, if any."""
        role = theme.ROLES.get(name)
        if role is None:
            return None
        if name in fields:
            return role.field
        if role.token in from_theme:
            return "theme_tokens"
        if role.derived_from:
            return Branding._source(role.derived_from, fields, from_theme)
        return None

    @classmethod
    def for_request_cached(cls, request):
        """The request's setting, kept under the public cache's generation (a save starts a
        new one): no query on a page. An unsaved default when there is none yet."""
        found = getattr(request, "_meedoen_branding", None)
        if found is not None:
            return found
        site = Site.find_for_request(request)
        found = None
        if site is not None:
            found = publiccache.remember(
                publiccache.key("branding", site.pk), lambda: cls.base_queryset().filter(site=site).first()
            )
        found = found or cls(site=site)
        request._meedoen_branding = found
        return found
