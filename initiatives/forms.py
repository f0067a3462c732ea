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
