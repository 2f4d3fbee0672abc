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

## Culture 21 Lab: frameworks
nav-assessments = Culture 21 Lab
nav-frameworks = Frameworks
frameworks-title = Frameworks
frameworks-lead = Self-assessment frameworks as versioned data: domains, fields, actions, modules and a rating scale.
frameworks-import = Import a framework
frameworks-import-lead = Upload a framework file (TOML). The whole file is checked first; every problem is listed with its line, and nothing is stored unless the file is valid.
framework = Framework
framework-version = Version
framework-status = Status
framework-frozen = Frozen (used by an assessment)
framework-editable = Can still be replaced
framework-size = { $domains } domains, { $fields } fields, { $actions } actions
framework-export = Download the file (TOML)
framework-compare-with = Compare with
framework-compare = Compare
framework-scale = Rating scale
framework-scale-range = Scores from { $min } to { $max }
framework-scale-na = “Not applicable / don’t know” allowed
framework-modules = Modules
framework-module = Module
framework-module-items = { $count } items, rated by { $level }
framework-content = Domains, fields and actions
framework-file = Framework file (.toml)
framework-open = Open it
framework-imported-created = { $framework } was imported.
framework-imported-replaced = { $framework } was replaced by the new file.
framework-imported-unchanged = { $framework } is already up to date: nothing changed.
level-field = field
level-action = action
sdgs = SDGs:
benchmarks = Benchmark sets
benchmarks-none = No benchmark set yet.
benchmark-add = Enter a benchmark set
benchmark-key = Key (letters, digits, - or _)
benchmark-name = Name
benchmark-compute = Compute from the network's published assessments
benchmark-compute-hint = The average, field by field, of the closed assessments with public results on this version by the network's current members (the value each radar draws: the agreed score, or else the participants' mean). Confidential and network-only assessments never count. Computing again replaces the set.
benchmark-compute-key-hint = Leave empty for published-NETWORK.
benchmark-compute-submit = Compute
benchmark-computed-name = Average of the published assessments, { $network } (n = { $count })
field = Field
domain = Domain
value = Value
key = Key
kind = Kind
item = Item
item-kind-domain = domain
item-kind-field = field
item-kind-action = action
item-kind-module_item = module item
diff-title = Differences between two versions
diff-none = The two versions are identical.
diff-scale-changed = The rating scale changed.
diff-added = Added
diff-removed = Removed
diff-reworded = Reworded
diff-before = Before
diff-after = After
diff-modules = Modules
diff-module-counts = { $added } items added, { $removed } removed

## Culture 21 Lab: assessments
assessments-title = Culture 21 Lab
assessments-lead = Participatory self-assessments of a city’s cultural policies, with a live dashboard, a radar and a written report.
assessments-none = No assessment to show.
assessment = Assessment
assessment-new = New assessment
assessment-new-lead = Choose the city, the framework version and module, the dates and who may see the results.
assessment-city = City
assessment-city-hint = The city’s identifier in the registry (as in its page’s address).
assessment-title = Title
assessment-languages = Languages of the workshop
assessment-actions = What you can do
assessment-responses = { $count } responses submitted, { $drafts } in progress.
starts-on = Starts on
ends-on = Ends on
dates = Dates
visibility = Visibility of the results
visibility-public = Public
visibility-network = Network only
visibility-confidential = Confidential
status = Status
status-open = Open
status-closed = Closed
facilitators = Facilitators
facilitators-hint = Email addresses of their accounts, separated by commas.
create = Create
dashboard = Live dashboard
dashboard-title = Dashboard: { $title }
dashboard-live = Updates as responses arrive.
dashboard-submitted = responses submitted
dashboard-drafts = in progress
dashboard-invitations = invitations
dashboard-disagreements = Where participants disagree most
dashboard-sectors = Responses by sector
dashboard-items = Every item
count = Count
mean = Mean
median = Median
spread = Spread
responses = Responses
sector = Sector
sector-local_government = Local government
sector-civil_society = Civil society
sector-private_sector = Private sector
sector-academia = Academia
sector-other = Other
not-applicable = Not applicable / don’t know
invitations = Invitations
invitations-count = { $count } invitations so far.
invitations-how-many = How many links to print
invitations-emails = Or send them by email
invitations-emails-hint = One address per line: each person gets their own link.
invitations-make = Make the invitations
invitations-made = Here are the new links. Each link is for one person; print this page for the room.
invitation-mail-subject = Culture 21 Lab in { $city }: your invitation
invitation-mail-body = You are invited to take part in the self-assessment “{ $title }”.
    Open your personal link (do not share it) to give your scores:
    { $link }
participate-title = Culture 21 Lab — { $city }
participate-lead = Score each item from { $min } (weakest) to { $max } (strongest), or mark it not applicable. You may save and come back with the same link before you submit.
participate-about-you = About you
participate-name = Your name (optional)
participate-consent = I agree that my name appears in the report’s list of participants.
participate-comment = Add a comment
participate-save = Save and come back later
participate-submit = Submit my scores
participate-saved = Saved. You can come back with the same link.
participate-done = Thank you: your scores were submitted.
consensus = Consensus scores
consensus-lead = After the discussion, record the score agreed in the room for each field, with a short justification.
consensus-score = Agreed score
consensus-justification = Justification
key-ideas = Key ideas
close-assessment = Close the assessment
close-hint = Closing is final: participants can no longer answer and the report is filed. Only the secretariat can reopen it.
reopen-assessment = Reopen the assessment
export-responses = Anonymised responses (CSV)
report = Report
report-pdf = Report (PDF)
history = Assessments over time
history-title = Assessments of { $city }
history-none = No assessment you may see.
compare-title = Two assessments side by side
strengths = Strengths
weaknesses = Weaknesses
radar-this = This assessment
radar-previous = Previous: { $name }
radar-title = Radar of { $city }
radar-description = Scores per field of { $framework } ({ $count } responses): the agreed score where there is one, otherwise the participants’ mean.
report-title = Culture 21 Lab — { $city }: { $title }
report-context = Context
report-context-text = { $city } assessed its cultural policies with { $framework }, module “{ $module }”, from { $start } to { $end }. { $count } participants submitted their scores.
report-participants = Participants by sector
report-named = Participants who agreed to be named:
report-radar = Radar
report-fields = Results by field
report-domains = Results by domain
report-consensus = Agreed scores and their justification
report-no-key-ideas = The facilitators have not written the key ideas yet.
report-annex = Annex: participants’ comments
report-vs-own-mean = from the city’s mean
report-vs-benchmark = from the benchmark
problem-syntax = The file is not valid TOML: { $detail }
problem-duplicate-key = The key “{ $detail }” is used twice.
problem-missing-translation = A required language is missing: { $detail }.
problem-empty-text = The text in “{ $detail }” is empty.
problem-invalid-key = “{ $detail }” is not a valid key (1 to 64 letters, digits, “.”, “_” or “-”).
problem-unknown-sdg = There is no SDG { $detail } (they are numbered 1 to 17).
problem-scale-out-of-range = The scale { $detail } is not valid: it must run from a lower to a higher whole number within 0–100, in at most 20 steps.
problem-value-out-of-scale = This value lies outside the scale ({ $detail }).
problem-stages-overlap = The stage “{ $detail }” overlaps another stage.
problem-unknown-level = Unknown rating level “{ $detail }” (use field or action).
problem-unknown-item = “{ $detail }” is not an item of this framework or module.
problem-item-below-level = “{ $detail }” is an action: a field-level module cannot rate it.
problem-unknown-parent = “{ $detail }” cannot hold this module’s own item.
problem-empty-module = The module “{ $detail }” selects no item.
problem-no-domains = A framework needs at least one domain with one field.
problem-version-frozen = This version is used by an assessment and cannot change: import the revision as a new version.
problem-score-out-of-range = The score must lie between { $detail }.
problem-not-applicable-not-allowed = This scale does not allow “not applicable”.
problem-unknown-sector = Unknown sector “{ $detail }”.
problem-unknown-visibility = Unknown visibility “{ $detail }” (public, network or confidential).
problem-unknown-status = Unknown status “{ $detail }”.
problem-unknown-rating-level = Unknown rating level “{ $detail }”.
problem-invitation-used = This invitation was already used: its scores were submitted.
problem-assessment-closed = This assessment is closed: it no longer takes answers or changes.
problem-assessment-open = This assessment is open already.
problem-unknown-module = The framework has no module “{ $detail }”.
problem-unknown-framework = Unknown framework version “{ $detail }” (give its id or KEY@VERSION).
problem-unknown-account = No account has the address “{ $detail }”.
problem-no-published-assessments = No assessment qualifies: none is closed, with public results, on this framework version and by a current member of this network.
outputs-title = Reports and outputs

## Good practices: problems
problem-unknown-key = Unknown key “{ $detail }”.
problem-not-an-object = Expected an object ({ "{" }…{ "}" }).
problem-invalid-json = Not valid JSON: { $detail }
problem-expected-text = Expected a text.
problem-expected-list = Expected a list ([…]).
problem-source-lang-without-text = The source language has no text in this practice.
problem-unknown-field = Unknown framework field “{ $detail }” (use framework-key:field-key of an imported framework).
problem-unknown-keyword = “{ $detail }” is not in the keyword thesaurus.
problem-too-many-words = Too long: at most { $detail } words.
problem-one-line = Write this on one line.
problem-step-not-allowed = This step cannot be taken now ({ $detail }).
problem-practice-incomplete = The practice is not complete yet: see the checklist.
problem-comment-required = Say why in a comment.
problem-stage-changed = Someone else changed this practice’s stage meanwhile; reload the page.
problem-practice-not-published = Only a published practice can be featured or scheduled.
problem-invalid-page = Not a page number: “{ $detail }”.
problem-unknown-value = Unknown value “{ $detail }”.
problem-invalid-keyword = Invalid keyword “{ $detail }”.
practices-feed-title = Ateneu: newly published good practices
