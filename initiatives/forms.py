"""Forms residents fill in on initiative pages."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import uploads


class InitiativeContactForm(forms.Form):
    """A message to an initiative, relayed by e-mail. `website` is a honeypot: people
    never see it, scripts fill it in."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("The initiative can answer you at this address."),
    )
    message = forms.CharField(
        label=_("Your message"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my name, e-mail address and message are passed on to this initiative."),
        error_messages={"required": _("We can only pass on your message with your permission.")},
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Your message could not be sent."))
        return ""


class SignUpForm(forms.Form):
    """A resident's sign-up for a pitch event. `website` is a honeypot, as above."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send your confirmation and a personal link to change or cancel your sign-up here."),
    )
    seats = forms.TypedChoiceField(label=_("Number of seats"), coerce=int, empty_value=None)
    role = forms.ChoiceField(
        label=_("How do you come?"),
        choices=[
            ("attend", _("I come to watch and listen")),
            ("help", _("I want to help the initiatives on stage")),
        ],
        initial="attend",
        widget=forms.RadioSelect,
    )
    accessibility_needs = forms.CharField(
        label=_("Do you need anything to take part? (optional)"),
        help_text=_("For example a wheelchair space, a hearing loop or a sign language interpreter."),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wants_updates = forms.BooleanField(
        label=_("Send me news about what happens next with the initiatives of this evening."),
        help_text=_("We e-mail you when we report back on what was done. Every e-mail has a link to stop."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree that the municipality keeps my name and e-mail address for this event."),
        error_messages={"required": _("We can only sign you up with your permission.")},
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, max_seats=2, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, max_seats + 1)]
        self.fields["seats"].initial = 1
        self.fields["seats"].error_messages["invalid_choice"] = _("Choose between 1 and %(max)s seats.") % {
            "max": max_seats
        }

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("We could not sign you up. Please try again."), code="honeypot")
        return ""


class ChangeSeatsForm(forms.Form):
    """A different number of seats, from the personal manage page."""

    seats = forms.TypedChoiceField(label=_("Number of seats"), coerce=int, empty_value=None)

    def __init__(self, *args, max_seats=2, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seats"].choices = [(n, str(n)) for n in range(1, max_seats + 1)]


def _phone(value):
    allowed = set("0123456789 +-()")
    if not set(value) <= allowed or not 6 <= sum(c.isdigit() for c in value) <= 15:
        raise forms.ValidationError(_("Enter a phone number with digits only, for example 06 12345678."))


class WebAddressField(forms.URLField):
    """A web address: http or https only. URLField's own validator is replaced, not joined
    by a second one, so a bad address gets its message once."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class PitchForm(forms.Form):
    """A changemaker's pitch. Everything typed here is plain text; `fax` is the honeypot
    (people never see it, scripts fill it in), since `website` is a real field here."""

    honeypot_name = "fax"

    initiative_name = forms.CharField(label=_("Name of your initiative"), max_length=120)
    summary = forms.CharField(
        label=_("Your initiative in one sentence"),
        max_length=200,
        help_text=_("For example: 'A vegetable garden for and by the residents of the Lindenhof'."),
    )
    description = forms.CharField(
        label=_("Tell us more"),
        min_length=50,
        max_length=5000,
        # static/js/char_count.js shows a live count under a textarea marked like this.
        widget=forms.Textarea(
            attrs={
                "rows": 10,
                "data-char-count": "",
                "data-count-short": _("Characters: %(count)s. Still needed: %(remaining)s."),
                "data-count-enough": _("Characters: %(count)s of at most %(max)s."),
            }
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    neighbourhoods = forms.ModelMultipleChoiceField(
        label=_("Neighbourhoods"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Where does it happen? Choose none if it is for the whole town."),
    )
    stage = forms.ChoiceField(
        label=_("How far are you?"),
        choices=[("idea", _("It is an idea")), ("running", _("It is already running"))],
        initial="idea",
        widget=forms.RadioSelect,
    )
    needs = forms.MultipleChoiceField(
        label=_("What does your initiative need?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    needs_explanation = forms.CharField(
        label=_("Explain what you need (optional)"),
        help_text=_("For example: 'Three volunteers on Saturday mornings' or 'a room for 20 people'."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    wished_event = forms.ModelChoiceField(
        label=_("At which pitch night would you like to pitch? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("No preference"),
    )
    founder_name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a confirmation and a personal link to follow your pitch here."),
    )
    phone = forms.CharField(label=_("Phone number (optional)"), max_length=30, required=False, validators=[_phone])
    organisation = forms.CharField(label=_("Organisation (optional)"), max_length=120, required=False)
    website = WebAddressField(
        label=_("Website (optional)"),
        max_length=300,
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address that starts with http:// or https://.")},
    )
    image = forms.FileField(
        label=_("A photo or picture (optional)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    wants_updates = forms.BooleanField(
        label=_("Send me news when the municipality reports back on my initiative."),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree that the municipality keeps my pitch and contact details to review it and to contact me."),
        error_messages={"required": _("We can only take your pitch with your permission.")},
    )
    fax = forms.CharField(required=False, label=_("Leave this field empty"))

    SECTIONS = [
        (_("Your initiative"), ["initiative_name", "summary", "description", "stage", "themes", "neighbourhoods"]),
        (_("What you need"), ["needs", "needs_explanation", "wished_event"]),
        (
            _("About you"),
            ["founder_name", "email", "phone", "organisation", "website", "image", "wants_updates", "fax"],
        ),
    ]

    def sections(self):
        """The fields in groups, each with its heading, for the template (consent comes last)."""
        return [(heading, [self[name] for name in names]) for heading, names in self.SECTIONS]

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        theme, neighbourhood = apps.get_model("pages", "Theme"), apps.get_model("pages", "Neighbourhood")
        event = apps.get_model("initiatives", "PitchEventPage")
        need = apps.get_model("initiatives", "InitiativeNeed")
        self.fields["themes"].queryset = theme.objects.filter(locale=locale).order_by("name")
        self.fields["neighbourhoods"].queryset = neighbourhood.objects.filter(locale=locale).order_by("name")
        self.fields["wished_event"].queryset = (
            event.objects.live().public().filter(locale=locale, end__gte=timezone.now()).order_by("start")
        )
        self.fields["needs"].choices = need.Kind.choices
        # The limits are said before sending, in the language of the request.
        description = self.fields["description"]
        description.help_text = gettext(
            "What do you want to do, for whom, and what have you done already? "
            "At least %(min)s characters, at most %(max)s."
        ) % {
            "min": number_format(description.min_length),
            "max": number_format(description.max_length, force_grouping=True),
        }
        self.fields["image"].help_text = gettext(
            "JPEG, PNG or WebP, at most %(size)s MB. We remove location data and other details from the file."
        ) % {"size": settings.MEEDOEN_PITCH_IMAGE_MAX_BYTES // (1024 * 1024)}

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        return uploads.clean_image(upload) if upload else None

    def clean_fax(self):
        if self.cleaned_data.get("fax"):
            raise forms.ValidationError(_("We could not take your pitch. Please try again."), code="honeypot")
        return ""

    def clean(self):
        cleaned = super().clean()
        if self.errors and self.files.get("image") and "image" not in self.errors:
            self.add_error(
                "image", _("Choose your image again: it is only kept when the whole form is filled in correctly.")
            )
        return cleaned


class PitchAnswerForm(forms.Form):
    """The founder's answer to a question of staff, on the status page."""

    message = forms.CharField(
        label=_("Your answer"), min_length=2, max_length=4000, widget=forms.Textarea(attrs={"rows": 6})
    )
