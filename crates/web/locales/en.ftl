# Ateneu — interface messages in English.
# Every message here must exist in fr.ftl and es.ftl too (a test checks it).

## Page shell
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-cities = Cities
nav-import = Import
nav-admin = Administration
language-label = Language
sign-in = Sign in
sign-out = Sign out
example-banner = This instance shows example content: the cities' memberships, dates and contacts are invented to show how the platform works.
footer-about = Ateneu — the platform of city networks for culture and sustainable development.
footer-api = JSON API (OpenAPI)
footer-open-data = Open data
back-home = Back to the home page
back = Back
shown-in = in { $language }
example = Example

## Errors
error-title-400 = This request cannot be processed
error-title-401 = Please sign in
error-title-403 = Not allowed
error-title-404 = Page not found
error-title-409 = Conflict
error-title-413 = File too large
error-title-415 = Unsupported format
error-title-422 = Some information is not valid
error-title-429 = Too many attempts
error-title-500 = Something went wrong
form-has-problems = Please correct the following:
required-field = required
line = Line
column = Column
problem = Problem
more-problems = …and { $count } more problems.

## Problems (validation keys)
problem-required = This field is required.
problem-too-long = Too long: at most { $detail } characters.
problem-unknown-language = Unknown language “{ $detail }” (use en, fr or es).
problem-unknown-country = Unknown country code “{ $detail }” (use ISO 3166-1 alpha-2, such as FR).
problem-unknown-region = Unknown region “{ $detail }”.
problem-not-a-number = “{ $detail }” is not a number.
problem-out-of-range = Out of range (allowed: { $detail }).
problem-invalid-url = “{ $detail }” is not a web address starting with http:// or https://.
problem-invalid-slug = “{ $detail }” is not a valid short name (lower-case letters, digits and hyphens).
problem-duplicate-in-file = This short name already appears on line { $detail }.
problem-csv-unreadable = The file cannot be read as CSV: { $detail }
problem-missing-column = This column is missing.
problem-unknown-column = This column is not known.
problem-empty-file = The file has no rows.
problem-csv-unwritable = The CSV file could not be written: { $detail }
problem-unknown-role = Unknown role “{ $detail }”.
problem-invalid-date = “{ $detail }” is not a date (use YYYY-MM-DD).
problem-unknown-network = Unknown network “{ $detail }”.
problem-ends-before-start = The end date is before the start date.
problem-leading-city-outside-programme = The Leading City role belongs to the Leading Cities programme.
problem-unknown-creative-field = Unknown creative field “{ $detail }”.
problem-not-for-this-network = This does not apply to this network.
problem-same-creative-field = The city already has this creative field.
problem-not-current-on-that-day = The membership is not current on that day.
problem-invalid-email = This is not a valid email address.
problem-password-too-short = The password needs at least { $detail } characters.
problem-password-is-email = The password cannot be your email address.
problem-scope-does-not-fit-role = This scope does not fit the role: a secretariat needs a network, an editor needs a city.
problem-unknown-city = Unknown city “{ $detail }”.
problem-email-taken = An account with this email address exists already.
problem-slug-taken = This short name is taken.
problem-passwords-differ = The two passwords differ.
problem-wrong-credentials = Wrong email address or password.
problem-too-many-attempts = Too many failed attempts for this account: please wait a few minutes and try again.
problem-link-invalid = This link is not valid any more: it was used already or has expired.
problem-csrf-failed = This form has expired or did not come from this site. Please reload the page and try again.
problem-not-found = There is nothing at this address.
problem-forbidden = Your account is not allowed to do this.
problem-sign-in-required = Please sign in to continue.
problem-internal = An unexpected error happened; it has been logged. Please try again later.
problem-bad-request = The request is not valid. { $detail }
problem-unsupported-media-type = Send the body as JSON (Content-Type: application/json).
problem-invalid-file = The file was not imported: nothing was written. Correct the lines below and send it again.
problem-not-a-file = Choose a file to upload. { $detail }

## Home
home-title = City networks for culture and sustainable development
home-lead = Ateneu is where cities self-assess their cultural policies, share good practices and learn from one another, in English, French and Spanish.
stat-cities = cities in the registry
stat-networks = networks
stat-regions = regions
home-networks = Networks
current-members = { $count ->
    [one] One current member
   *[other] { $count } current members
}
chart-cities-by-region = Cities by region
chart-cities-by-region-desc = A bar for each UCLG region, as long as its number of cities in the registry; the same figures are in the table below.
browse-registry = Browse the registry

## Registry
cities-title = Cities
cities-lead = The member registry: cities and local governments of the networks, with their memberships.
cities-count = { $count ->
    [0] No city matches.
    [one] One city.
   *[other] { $count } cities.
}
filter-text = Name contains
filter-network = Network
filter-region = Region
filter-country = Country
filter-creative-field = Creative field
filter-any = Any
filter-apply = Filter
city = city
city-name = Name
city-country = Country
city-region = Region
city-networks = Memberships
city-population = Population
city-coordinates = Coordinates
city-latitude = Latitude
city-longitude = Longitude
city-website = Website
city-description = Short description
city-languages = Name available in
city-source-lang = Language the city's texts were written in
city-new = Add a city
city-edit = Edit this city
city-edit-title = Edit { $name }
in-english = English
in-french = French
in-spanish = Spanish
choose = Choose…
hint-population = Inhabitants, optional.
hint-latitude = Decimal degrees, from -90 to 90 (optional).
hint-longitude = Decimal degrees, from -180 to 180 (optional).
hint-website = The address of the city's website, starting with https://
save = Save
add = Add
remove = Remove
none = None
actions = Actions
pagination = Pages
previous = Previous
next = Next

## Memberships
memberships-title = Memberships
memberships-none = No membership recorded.
membership-network = Network
membership-role = Role
membership-started = Since
membership-ended = Until
membership-designation = Designation year
membership-past = past
membership-add = Add a membership
membership-end = End
membership-change-field = Change field
membership-change-on = From
hint-designation = For the Creative Cities: the year the city was designated.
role-member = Member
role-leading-city = Leading City

## Focal points
focal-points-title = Focal points
focal-points-none = No focal point recorded.
focal-point-add = Add a focal point
contacts-not-public = Contact details are visible to the city's editors and the network's secretariat only.
person-name = Name
person-position = Position
phone = Phone
hint-contact-private = Never shown to the public.

## Files
import-title = Import the registry
import-lead = Upload a CSV file of cities or of memberships. Every line is checked first: if one is wrong, nothing is written and each problem is listed with its line.
import-kind = What the file holds
import-kind-cities = Cities
import-kind-memberships = Memberships
import-file = CSV file (UTF-8)
import-columns = Columns:
import-submit = Check and import
import-done = { $rows } rows imported: { $created } added, { $updated } updated, { $unchanged } unchanged.
export-title = Open data
export-lead = The registry's public data, free to download. Contact details are never included.
export-cities = Cities (CSV)
export-memberships = Memberships (CSV)
export-reference = Reference data: networks, regions, creative fields, SDGs (JSON)

## Accounts
email = Email address
password = Password
password-new = New password
password-confirm = The new password again
hint-password = At least 10 characters.
forgot-password = Forgot your password?
password-reset = Reset your password
password-reset-send = Send me a link
password-reset-sent = If an account exists for this address, an email with a link to set a new password is on its way.
password-set = Choose a password
password-change = Change your password
setup-title = Create the administrator account
setup-lead = This platform has no administrator yet. The account you create here can manage every network, account and setting.
setup-submit = Create the administrator
display-name = Name shown to others
account-title = Your account
roles = Roles
profile = Profile
locale-setting = Language of the interface
locale-automatic = As my browser says
sessions = Sessions
sign-out-everywhere = Sign out everywhere
sign-out-everywhere-lead = Ends every session of your account, on every device, including this one.
api-tokens = Personal API tokens
api-tokens-lead = Scripts use these tokens as “Authorization: Bearer …” with the JSON API. They act with your roles.
api-token-name = Name of the new token
api-token-create = Create a token
api-token-created = Your new token (copy it now: it will not be shown again):
revoke = Revoke
mail-invitation-subject = You are invited to Ateneu
mail-invitation-body = Hello,

    An account has been created for you on Ateneu. Choose your password with this link (valid { $days } days):

    { $link }

    If you did not expect this email, you can ignore it.
mail-reset-subject = Reset your Ateneu password
mail-reset-body = Hello,

    Someone asked to reset the password of your Ateneu account. Choose a new one with this link (valid { $days } day):

    { $link }

    If it was not you, ignore this email: your password stays as it is.

## Roles
role = Role
role-network = Network (for a secretariat, expert or reviewer)
role-city = City (for an editor)
hint-role-city = The city's short name, as in its address (for example: lyon).
role-platform-admin = Platform administrator
role-secretariat = Secretariat
role-editor = City editor
role-expert = Expert
role-reviewer = Reviewer / translator
role-add = Add a role

## Administration
admin-title = Administration
users-title = Accounts
invite-title = Invite a person
invite-submit = Send the invitation
invitation-sent = Invitation sent. The link (also in the outbox):
disable = Disable
enable = Enable
disabled = disabled
audit-title = Audit log
audit-when = When
audit-who = Who
audit-what = What
audit-changes = Changes
outbox-title = Outbox
outbox-lead = With no mail server configured, emails are written here (and in the outbox folder of the data directory).
outbox-empty = No email has been written yet.
outbox-lead-smtp = Every email sent through the mail server is also kept here (and in the outbox folder of the data directory), with whether the server accepted it.
delivery-outbox = kept in the outbox (no mail server)
delivery-sending = being sent
delivery-sent = sent
delivery-failed = not sent
mail-to = To:
