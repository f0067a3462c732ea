"""Forms residents fill in on initiative pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


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
