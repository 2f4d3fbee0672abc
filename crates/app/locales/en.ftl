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
error-title-503 = Temporarily unavailable
form-has-problems = Please correct the following:
required-field = required
line = Line
column = Column
problem = Problem
more-problems = …and { $count ->
    [one] one more problem.
   *[other] { $count } more problems.
}
## Problems (validation keys)
problem-required = This field is required.
problem-too-long = Too long: at most { $detail } characters.
problem-unknown-language = Unknown language “{ $detail }” (use en, fr or es).
problem-invalid-queue-place = “{ $detail }” is not a place in the translation queue (use the “next” value of a previous page).
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
problem-ambiguous-city = Several cities have this name: { $detail }. Add the country in brackets, as in the list.
problem-unknown-city = No city is called “{ $detail }”: type its name in any language (pick it from the list), or add it to the registry first.
problem-email-taken = An account with this email address exists already.
problem-slug-taken = This short name is taken.
problem-passwords-differ = The two passwords differ.
problem-wrong-credentials = Wrong email address or password.
problem-too-many-attempts = Too many failed attempts for this account: please wait a few minutes and try again, or ask for a password-reset link, which lets you in at once.
problem-link-invalid = This link is not valid any more: it was used already or has expired.
problem-csrf-failed = This form has expired or did not come from this site. Please reload the page and try again.
problem-not-found = There is nothing at this address.
problem-forbidden = Your account is not allowed to do this.
problem-sign-in-required = Please sign in to continue.
problem-internal = An unexpected error happened; it has been logged. Please try again later.
problem-unavailable = The platform cannot reach its database just now. Please try again in a minute; if you were saving something, check whether it was saved before sending it again.
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
sign-out-everywhere-lead = Ends every session of your account, on every device, including this one, and every API token below.
api-tokens = Personal API tokens
api-tokens-lead = Scripts use these tokens as “Authorization: Bearer …” with the JSON API. A read-only token only reads; a full one acts with your roles. Each expires; a password reset or signing out everywhere ends them all.
api-token-name = Name of the new token
api-token-create = Create a token
api-token-scope = What the token may do
api-token-days = Days until it expires (1–365)
token-scope-read = read only
token-scope-write = read and write, with your roles
token-expires = expires on { $date }
problem-token-needs-session = A token is created from a signed-in session, not with another token.
problem-token-read-only = This token may only read: a request that changes something needs a token made for writing.
not-found-sign-in = Some pages are shown only to people signed in with the right role. If you were given this address, signing in may show it.
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
hint-role-city = Type the city’s name and pick it from the list.
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
framework-size = { $domains ->
    [one] 1 domain
   *[other] { $domains } domains
}, { $fields ->
    [one] 1 field
   *[other] { $fields } fields
}, { $actions ->
    [one] 1 action
   *[other] { $actions } actions
}
framework-export = Download the file (TOML)
framework-compare-with = Compare with
framework-compare = Compare
framework-scale = Rating scale
framework-scale-range = Scores from { $min } to { $max }
framework-scale-na = “Not applicable / don’t know” allowed
framework-modules = Modules
framework-module = Module
framework-module-items = { $count ->
    [one] 1 item
   *[other] { $count } items
}, rated by { $level }
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
diff-module-counts = { $added ->
    [one] 1 item added
   *[other] { $added } items added
}, { $removed ->
    [one] 1 removed
   *[other] { $removed } removed
}
## Culture 21 Lab: assessments
assessments-title = Culture 21 Lab
assessments-lead = Participatory self-assessments of a city’s cultural policies, with a live dashboard, a radar and a written report.
assessments-none = No assessment to show.
assessment = Assessment
assessment-new = New assessment
assessment-new-lead = Choose the city, the framework version and module, the dates and who may see the results.
assessment-city = City
assessment-city-hint = Type the city’s name in any language and pick it from the list.
assessment-title = Title
assessment-languages = Languages of the workshop
assessment-actions = What you can do
assessment-responses = { $count ->
    [0] No response submitted yet
    [one] 1 response submitted
   *[other] { $count } responses submitted
}, { $drafts ->
    [0] none in progress.
    [one] 1 in progress.
   *[other] { $drafts } in progress.
}
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
dashboard-disagreement = spread { $spread } over { $count ->
    [one] one answer
   *[other] { $count } answers
}
spread = Spread
responses = Responses
sector = Sector
sector-local_government = Local government
sector-civil_society = Civil society
sector-private_sector = Private sector
sector-academia = Academia
sector-other = Other
not-applicable = Not applicable / don’t know
lang-en = English
lang-fr = French
lang-es = Spanish
language = Language
invitations-language = Language of the links and emails
invitations-made-before = Invitations made
invitation-not-opened = not opened yet
invitation-draft = draft saved
invitation-submitted = submitted
invitation-revoked = revoked
invitation-reprint = Print again
invitation-resend = Send again
invitation-revoke = Revoke
problem-invitation-not-reprintable = This invitation was made before links could be printed again: make a new one.
invitations = Invitations
invitations-count = { $count ->
    [0] No invitation yet.
    [one] 1 invitation so far.
   *[other] { $count } invitations so far.
}
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
close-counts = { $responses ->
    [0] Nobody has submitted yet
    [one] One participant has submitted
   *[other] { $responses } participants have submitted
}; { $drafts ->
    [0] nobody has a draft left.
    [one] one has a draft not submitted yet.
   *[other] { $drafts } have drafts not submitted yet.
}
close-drafts = { $drafts ->
    [one] The draft not submitted will never count: once closed, it can no longer be submitted. Ask that participant to submit first if their answers should count.
   *[other] The { $drafts } drafts not submitted will never count: once closed, they can no longer be submitted. Ask those participants to submit first if their answers should count.
}
close-confirm = Close it now
cancel = Cancel
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
radar-no-data = No scores yet
radar-this = This assessment
radar-previous = Previous: { $name }
radar-title = Radar of { $city }
radar-description = Scores per field of { $framework } ({ $count ->
    [one] 1 response
   *[other] { $count } responses
}): the agreed score where there is one, otherwise the participants’ mean.
report-title = Culture 21 Lab — { $city }: { $title }
report-context = Context
report-context-text = { $city } assessed its cultural policies with { $framework }, module “{ $module }”, from { $start } to { $end }. { $count ->
    [0] No participant has submitted scores yet.
    [one] One participant submitted their scores.
   *[other] { $count } participants submitted their scores.
}
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
problem-file-too-large = The file is larger than { $detail }: it was not saved. Make it smaller (a lower resolution, a compressed PDF) and send it again.
problem-unsupported-file = This kind of file cannot be uploaded: send an image (PNG, JPEG, WebP, GIF) or a document (PDF, ODT, DOCX). The file's content decides, not its name.
outputs-title = Reports and outputs

## Good practices: problems
problem-unknown-key = Unknown key “{ $detail }”.
problem-not-an-object = Expected an object ({ "{" }…{ "}" }).
problem-invalid-json = Not valid JSON: { $detail }
problem-not-text = Not UTF-8 text: save the file as UTF-8 and import it again.
problem-file-changed = The file changed while it was being imported, so nothing was written: import it again once it is complete.
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
problem-invalid-facet-limit = The number of values per facet must be a whole number from 1 to 1000: “{ $detail }”.
problem-invalid-page = Not a page number: “{ $detail }”.
problem-unknown-media = This practice has no image or file at “{ $detail }”.
problem-unknown-value = Unknown value “{ $detail }”.
problem-invalid-keyword = Invalid keyword “{ $detail }”.
practices-feed-title = Ateneu: newly published good practices

## Good practices: pages
nav-practices = Good practices
practices-title = Good practices
practices-lead = What cities have done for culture in sustainable development, documented by them and reviewed.
practices-search-partial = The search is still reading every practice after the platform started: these results may be incomplete. Search again in a moment.
practices-search = Search
practices-filters = Filters
practices-search-text = Search words
practices-sort = Order
practices-sort-relevance = Most relevant first
practices-sort-newest = Newest first
practices-facets-more = Show more values of each filter
practices-clear = Clear the filters
practices-count = { $count ->
    [0] No practice
    [one] One practice
   *[other] { $count } practices
}
practices-none = No practice matches this search.
practices-feed = Atom feed of new practices
practices-export-csv = Open data (CSV)
practices-export-json = Open data (JSON)
search-matched-tags = Found through its tags:
practices-codebook = Codebook
practices-work = My work on practices
practice-new = Document a practice
facet-sdg = Sustainable Development Goals
facet-field = Framework fields
facet-keyword = Keywords
facet-region = Regions
facet-country = Countries
facet-city = Cities
facet-creative_field = Creative fields
facet-year = Years
facet-language = Languages
facet-status = Status
practice-status-in_progress = In progress
practice-status-completed = Completed
practice-languages = Available in:
practice-cities = Cities
practice-status = Status
practice-start-date = Start date
practice-end-date = End date
practice-published-at = Published on
practice-field-title = Title
practice-field-summary = Summary
practice-field-context = Context
practice-field-objectives = Objectives
practice-field-implementation = Implementation
practice-field-results = Results
practice-field-lessons = Lessons learned
practice-field-budget = Budget and funding
practice-partners = Partners
partner-kind-public = public
partner-kind-private = private
partner-kind-civil_society = civil society
partner-name = Partner’s name
partner-kind = Kind
practice-contact = Contact
practice-contact-private = Not public: only those working on the practice see it.
practice-contact-public = Show this contact publicly
practice-media = Links, images and documents
media-kind = Kind
media-kind-link = Link
media-kind-image = Image
media-kind-document = Document
media-url = Address (https://…)
media-description = Description
media-alt = the description says what the image shows
media-upload-title = Upload an image or a document
media-upload-hint = Images (PNG, JPEG, WebP or GIF) and documents (PDF, ODT or DOCX), up to { $max } each.
media-upload-alt = Required for an image: say what it shows, for people who cannot see it.
media-file = File
media-upload = Upload
media-upload-failed = The file was not uploaded.
media-back-to-form = Back to the form
media-uploaded-file = Uploaded file
media-remove = Remove this file
file-size-kb = { $size } KB
file-size-mb = { $size } MB
practice-tags = Tags
practice-sdgs = Sustainable Development Goals
practice-fields = Fields of the frameworks
practice-keywords = Keywords
practice-creative-field = Creative field
checklist-heading = Checklist
checklist-done = done
checklist-missing = missing
checklist-optional = optional
checklist-city = A city
checklist-title = Title
checklist-summary = Summary
checklist-context = Context
checklist-objectives = Objectives
checklist-implementation = Implementation
checklist-results = Results
checklist-lessons = Lessons learned
checklist-budget = Budget
checklist-dates = Dates (start; end once completed)
checklist-tags = An SDG or a framework field
checklist-keywords = Keywords
checklist-partners = Partners
checklist-contact = A contact
checklist-media = Links or images
checklist-translations = All three languages
practice-work = Review
practice-stage = Stage
practice-edit = Edit or translate
practice-step-comment = Comment (required to request changes)
stage-draft = Draft
stage-submitted = Submitted
stage-in_review = In review
stage-changes_requested = Changes requested
stage-approved = Approved
stage-published = Published
stage-archived = Archived
step-submit = Submit for review
step-withdraw = Withdraw
step-start_review = Start the review
step-request_changes = Request changes
step-approve = Approve
step-publish = Publish
step-archive = Archive
step-restore = Restore
comments-title = Advice and review notes
comments-none = No comment yet.
comment-kind = Kind
comment-kind-advice = Advice
comment-kind-review = Review note
comment-body = Comment
comment-add = Add the comment
promotion-title = Promotion
promotion-featured = Featured on the home page
promotion-newsletter = Newsletter date
practice-edit-title = Editing “{ $title }”
practice-preview = Preview
practice-save-draft = Save as draft
practice-save-next = Save and continue
practice-saved = Saved as draft.
practice-translating = Translating into { $language } from { $source }: only the texts.
practice-steps = Steps of the form
practice-source-text = Source text ({ $language }):
edit-step-basics = Basics
edit-step-description = Description
edit-step-results = Results
edit-step-partners = Partners and contact
edit-step-tags = Tags
edit-step-review = Review and submit
edit-step-complete = complete
edit-step-incomplete = to complete
word-count = { $count } of at most { $max } words
char-count = { $count } of at most { $max } characters
practice-city = City
practice-city-slug = Or another city
practice-city-slug-hint = Type its name and pick it from the list.
practice-source-lang = Language you write in
practice-start = Start
city-practices = Good practices
city-practices-none = No published practice yet.
home-featured = Featured good practices
work-title = My work on practices
work-none = Nothing at this stage.
work-queue = Translation queue
work-queue-lang = Language
work-show = Show
work-missing = missing
work-draft = drafts
work-outdated = outdated
work-queue-none = No translation work in this language.
work-queue-more = Next practices in the queue
practices-import-title = Import practices
practices-import-lead = A JSON Lines file, one practice per line: every line is checked first and nothing is written unless the whole file is valid.
practices-import-stage = New practices enter as
practices-import-done = Imported: { $created } created, { $updated } updated, { $unchanged } unchanged.
practices-import-cities = Cities added to the registry:
keywords-title = Keyword thesaurus
keywords-key = Key
keywords-edit = Add or change a keyword
keywords-saved = Keyword saved.
keywords-lead = The keywords practices are tagged with, each named in English, French and Spanish.
keywords-key-hint = Lower-case letters, digits, “-” or “_”. An existing key keeps its practices and takes the new names.
keywords-name-en = Name in English
keywords-name-fr = Name in French
keywords-name-es = Name in Spanish
keywords-save = Save the keyword
keywords-change = Change
keywords-manage = Keyword thesaurus
problem-invalid-keyword-key = “{ $detail }” is not a valid keyword key (lower-case letters, digits, “-” or “_”, at most 80).
practice-cities-hint = Their names, separated by semicolons; add the country in brackets when two cities share a name: Córdoba (AR); Lyon (FR)

## Notifications
notifications-title = Notifications
notifications-none = Nothing waits for you.
notifications-read = Mark all as read
notifications-link = { $count ->
    [0] Notifications
   *[other] Notifications ({ $count })
}
notifications-email = Emails
notifications-email-lead = Also send me an email when:
notice-practice-submitted = A practice waits for your review: “{ $title }”.
notice-practice-sent-back = A reviewer sent back “{ $title }”: it is yours to change and submit again.
notice-practice-approved = “{ $title }” is approved and waits for publication.
notice-practice-published = “{ $title }” is published.
notice-translation-needed = “{ $title }” is published and waits for a translation.
notice-assessment-to-facilitate = You facilitate the workshop “{ $title }”.
notice-mail-body = Open it: { $link }
    (Your notifications and which of them are emailed: your account’s Notifications page.)
notice-kind-practice-submitted = a practice waits for my review
notice-kind-practice-sent-back = a practice of my city is sent back to us
notice-kind-practice-approved = a practice waits for publication
notice-kind-practice-published = a practice of my city is published
notice-kind-translation-needed = a practice waits for a translation
notice-kind-assessment-to-facilitate = I facilitate a workshop
notice-availability-requested = The secretariat asks { $city } for its political leaders’ availability for “{ $title }”.
notice-availability-answered = { $city } answered the availability request for “{ $title }”.
notice-inquiry-sent = { $city } sent the secretariat an inquiry: “{ $title }”.
notice-inquiry-answered = The secretariat answered the inquiry of { $city }: “{ $title }”.
notice-mail-availability-requested = Please answer by { $deadline }: { $link }
notice-kind-availability-requested = my city is asked for its availability for an event
notice-kind-availability-answered = a city answers an availability request
notice-kind-inquiry-sent = a Leading City sends the secretariat an inquiry
notice-kind-inquiry-answered = the secretariat answers an inquiry of my city
practice-reviewed-by = { $count ->
    [one] Reviewed by: { $names }.
   *[other] Reviewed by one of: { $names }.
}
notifications-new = new
practice-reviewers-unnamed = { $count ->
    [one] one person of the secretariat or the review team
   *[other] { $count } people of the secretariat or the review team
}

## The Leading Cities programme
nav-programmes = Leading Cities
catalogue-title = The Leading Cities catalogue of activities
catalogue-intro = The standard set of activities of the terms of reference, in three areas. Each Leading City's programme is tailored from it in consultation with the Committee's secretariat, and can also hold activities of its own.
catalogue-duration = Usual duration
catalogue-experts = Who takes part
catalogue-outputs = Expected outputs
catalogue-chosen = public or confidential, by choice
catalogue-change = Change this activity
catalogue-change-title = Change { $name }
catalogue-change-lead = The texts every programme shows for this activity, in the three languages, and the outputs it is expected to yield with their default visibility. Its number and area stay those of the terms of reference; activities already planned keep their own titles and dates.
catalogue-name = Name
catalogue-description = Description
catalogue-outputs-hint = Choose “none” and clear the names to remove an output; fill in a blank row to add one.
catalogue-output-n = Output { $n }
catalogue-output-none = None
catalogue-output-kind = Kind
catalogue-output-visibility = Default visibility
catalogue-output-name = Name
programmes-title = Leading City programmes
programmes-intro = Each Leading City runs a programme tailored with the secretariat: its period, status, priorities and the consultations that shaped it. A programme is seen by the city's editors and its network's secretariat only.
programmes-sign-in = Sign in to see the programmes you take part in.
programmes-none = No programme you may see yet.
programme-new = Start a programme
programme-start = Start the programme
programme-city = City
programme-city-hint = A current Leading City: its name or its address in the registry.
programme-period = Period
programme-starts = Starts on
programme-ends = Ends on (last day)
programme-ends-hint = The terms advise at least two years.
programme-short = shorter than two years
programme-short-reason = Why shorter than two years
programme-short-reason-hint = Required when the period is shorter than the two years the terms advise.
programme-status = Status
programme-priorities = Priorities agreed
programme-priorities-hint = What the city asked for and the secretariat agreed to focus on.
programme-title = Programme of { $city }
programme-change = Change the period, status or priorities
programme-status-in-consultation = In consultation
programme-status-proposed = Proposed
programme-status-mou-signed = MoU signed
programme-status-active = Active
programme-status-completed = Completed
consultations-title = Consultations
consultations-none = No consultation recorded yet.
consultation-add = Record a consultation
consultation-held-on = Held on
consultation-city-people = The city's people
consultation-secretariat-people = The secretariat's people
consultation-notes = Notes
consultation-decisions = Decisions
consultation-follow-ups = Follow-ups
problem-programme-too-short = The period is shorter than the { $detail } months the terms advise: say why.
problem-status-step-not-allowed = A programme moves one step at a time: from where it is, it can only go to the next status or back to the previous one.
problem-not-a-leading-city = This city is not a current Leading City: add its Leading Cities membership first.
problem-programmes-overlap = This period meets another programme of the city ({ $detail }).
problem-changed-meanwhile = Someone saved this in the meantime. The page shows the saved version: check it, then save your change again.
problem-too-many-items = Too many: at most { $detail }.
problem-unknown-sdg-target = “{ $detail }” is not an SDG target: write the goal, a dot and the target, as 11.4 or 12.b.
problem-done-means-complete = A done item is at 100%: set the progress to 100 or choose another status.
problem-not-an-action-plan = This output is not an action plan: only an action plan has items.
problem-unknown-practice = No good practice “{ $detail }” that you may see.
problem-not-a-file-of-the-plan = Not a file of this plan: upload it to the plan first, then choose it.
problem-unknown-indicator = No indicator “{ $detail }”: write framework:indicator, as culture2030-indicators:cultural-participation.
problem-not-linkable = This activity does not link records of this kind ({ $detail }).
problem-already-linked = This record is already linked to the activity.
problem-not-of-the-city = This record does not belong to the programme's city.
programme-differs = Where the saved version differs from yours:
problem-outside-programme = This falls outside the programme's period ({ $detail }).
problem-activities-outside-period = The programme has activities or budget lines outside this period ({ $detail }): move them first.
problem-unknown-activity = This programme has no activity number “{ $detail }”.
problem-invalid-currency = “{ $detail }” is not a currency code: give three letters, such as EUR, USD or ARS.
problem-invalid-amount = “{ $detail }” is not an amount: give a number that is not negative, with no more decimals than the currency has (1234.50).
problem-amount-too-large = This amount is too large.
problem-unknown-programme-status = “{ $detail }” is not a programme status.

## A programme's activities and budget
activities-title = Activities
activities-none = No activity yet.
activity-add = Add an activity
activity-change = Change this activity
activity-custom = A custom activity (not in the catalogue)
activity-kind = Catalogue activity
activity-title = Title
activity-title-hint = Required for a custom activity; optional for a catalogue activity (its name is shown otherwise).
activity-place = Place
activity-city-leads = Responsible in the city
activity-secretariat-leads = Responsible in the secretariat
activity-focus = Focus
activity-focus-hint = What it is about: a seminar's focus, the field a visit is about…
activity-status-planned = Planned
activity-status-under-way = Under way
activity-status-done = Done
activity-status-cancelled = Cancelled
activity-only-for = Only for { $activity }
activity-host-city = Host city
activity-host-none = Not chosen yet
activity-visiting-peers = Visiting peers
activity-visiting-peers-hint = Senior staff of other Leading Cities, one per line (name, role, city).
activity-question = The challenge's question
activity-question-hint = Required for a local challenge: the question the city asks.
activity-challenge-scope = Scope
activity-theme = Theme
activity-theme-hint = Required when the scope is one theme.
activity-challenge-people = Members and experts involved
activity-event = Event
activity-event-none = Not in the calendar
activity-expertise-requested = Expertise and advice requested
activity-representatives = Committee representatives mobilised
activity-days = Days
activity-unusual-days = { $days } days: a peer-learning seminar usually lasts { $from } to { $to } days.
challenge-scope-theme = One theme
challenge-scope-governance = Cultural governance
challenge-scope-participatory-policy-making = Participatory policy-making
challenge-scope-local-strategy = A local cultural strategy
links-title = Records it produced
links-hint = The city's assessments and practices this activity produced or drew on; each is shown only to whoever may see it on its own.
links-none = No record linked yet.
link-kind-assessment = Assessment
link-kind-practice = Good practice
link-report = its report
link-add = Link a record
link-record = Record
link-choose = Choose a record
link-remove = Remove the link
link-nothing-to-add = The city has no other record of this kind that you may see.
budget-title = Budget
budget-lead = Every line in exact money, in its own currency: totals are given per currency and never add two currencies together.
budget-none = No budget line yet.
budget-open = Open the budget
programme-back = Back to the programme
budget-currency-line = { $currency }: planned { $planned } · committed { $committed } · spent { $spent }
output-of-activity = Activity: { $activity }
budget-totals = Totals
budget-by-currency = Per currency
budget-by-year = Per year
budget-by-funder = Per funder
budget-lines = Lines
budget-year = Year
budget-activity = Activity
budget-whole-programme = The programme as a whole
budget-category = Category
budget-description = Description
budget-funder = Who pays
budget-funder-hint = The city, UCLG, a partner…
budget-currency = Currency
budget-currency-hint = Three letters: EUR, USD, ARS…
budget-amount-hint = A number such as 1234.50; empty means zero.
budget-planned = Planned
budget-committed = Committed
budget-spent = Spent
budget-add = Add a line
budget-import = Import a file
budget-import-lead = The file replaces the whole budget. Every line is checked first: a file with a bad line changes nothing, and the page names each bad line and why. The export gives a file in the same columns.
budget-imported = The budget now holds { $lines } lines from the file.
budget-export = Export the budget (CSV)
budget-category-travel = Travel
budget-category-expert-fees = Expert fees
budget-category-venue = Venue
budget-category-translation = Translation
budget-category-communication = Communication
budget-category-production = Production
budget-category-staff = Staff
budget-category-other = Other

## A programme's outputs
outputs-none = No output yet.
output-file = File an output
output-kind = Kind
output-summary = Summary
output-link = Link
output-visibility = Who sees it
output-visibility-default = As the catalogue says for this activity (confidential otherwise)
output-versions = Language versions
output-versions-none = No language version recorded yet.
output-version-set = Record a language version
output-lang = Language
output-translator = Translator
output-disseminations = Dissemination
output-disseminations-none = Not disseminated yet.
output-disseminate = Record a dissemination
output-channel = Channel
output-on = Day
output-note = Note
output-kind-written-report = Written report
output-kind-public-article = Public article
output-kind-internal-report = Internal report
output-kind-action-plan = Action plan
output-kind-revised-module = Revised module
output-kind-practice = Good practice
output-kind-agenda = Agenda
output-kind-presentation = Presentation
output-kind-video = Video
output-kind-logo = Logo
output-kind-other = Other
output-kind-assessment-report = Assessment report
translation-status-original = Original
translation-status-wanted = To translate
translation-status-in-translation = Being translated
translation-status-translated = Translated
channel-website = The website
channel-newsletter = The bimonthly newsletter
channel-instagram = Instagram
channel-x = X
channel-linkedin = LinkedIn
channel-uclg-report = A UCLG report
channel-event = A presentation at an event
channel-other = Other
outputs-feed-title = Leading Cities: the newest public outputs
translations-title = Waiting for translation
translations-lead = The language versions of the outputs you keep that are to be translated or being translated, in the order they were asked for.
translations-none = Nothing waits for translation.
translations-count = { $total } versions wait in all.
translations-next = Next page →
translations-first = ← Back to the start

## The roster of experts and their engagements

problem-invalid-language-code = “{ $detail }” is not a language code (two or three letters of ISO 639, such as en, fr, es, pt).
problem-unknown-expert = No expert of the roster has the number “{ $detail }”.
problem-account-linked-elsewhere = This account is already linked to another expert ({ $detail }).
expert-role-lead-expert = Lead expert
expert-role-expert = Expert
expert-role-facilitator = Facilitator
expert-role-speaker = Speaker
expert-role-other = Other
experts-title = Experts
experts-lead = The roster of experts the secretariat calls on for the Leading Cities' activities.
experts-none = No expert in the roster yet.
experts-open = The roster of experts
expert-add = Add an expert
expert-change = Change this expert
expert-name = Name
expert-organisation = Organisation
expert-email = E-mail
expert-languages = Languages
expert-languages-hint = Language codes separated by commas: en, fr, es, pt…
expert-fields = Fields of expertise
expert-themes = Themes
expert-themes-hint = Free themes separated by commas.
expert-biography = Short biography
expert-account = Account on the platform
expert-account-hint = The e-mail address of the expert's account: engaged in an activity, they see its confidential outputs.
expert-engagements = Engagements
expert-engagements-none = No engagement yet.
engagements-title = Experts engaged
engagements-none = No expert engaged yet.
engagement-add = Engage an expert
engagement-change = Change
engagement-expert = Expert
engagement-role = Role
engagement-days = Days
engagement-fee = Fee
engagement-fee-hint = Leave empty when there is no fee.
engagement-no-fee = no fee
engagement-currency = Currency
engagement-note = Note
engagement-activity = Activity
## An output's files and share links
output-files = Files
output-files-none = No file yet.
output-file-upload = Upload a file
output-file-hint = A PDF, ODT or DOCX document of at most 25 MiB, or a PNG, JPEG, WebP or GIF image of at most 10 MiB. A video goes in as a link.
output-file-remove = Remove
output-share = Share through a link that expires
output-share-lead = Anyone holding the link can download this file until it expires or you revoke it, without signing in; every use is recorded. Send it only to whom it is for.
output-share-hours = Hours the link works
output-share-note = For whom
output-link-made = Here is the link. Copy it now: it is shown only this once.
output-link-expires = Expires
output-links = Share links
output-link-uses = Uses
output-link-revoke = Revoke
link-state-usable = Works
link-state-expired = Expired
link-state-revoked = Revoked
problem-invalid-link-duration = A link works between { $detail } hours: give a whole number in that range.

## Host suggestions for a visit to a Leading City
visit-hosts-title = Who could host a visit?
visit-hosts-lead = A member city that wants to learn about a field visits a Leading City that has shown expertise in it. Choose the field: the platform suggests current Leading Cities with their evidence — a score at or above the middle of the scale in their latest assessment you may see, their published good practices tagged with the field, their public outputs that name it.
visit-field = Field to learn about
visit-field-choose = Choose a field
visit-asking-city = City that asks
visit-asking-city-hint = Optional: the city is never suggested to itself.
visit-suggest = Suggest hosts
visit-hosts-for = Suggested hosts for
visit-hosts-none = No Leading City shows evidence of expertise in this field yet.
visit-reason-score = Score on the field:
visit-reason-practice = Published practice:
visit-reason-output = Public output:

## The programme dashboard
programme-dashboard-title = Programme dashboard
programme-dashboard-lead = The programmes you take part in at a glance: the secretariat sees every Leading City's, a city's editors their city's. Amounts are totals per currency, never added across currencies.
programme-dashboard-ends-soon = ends within six months
programme-dashboard-ending = Ending within six months
programme-dashboard-ending-none = No programme ends within six months.
programme-dashboard-quarter = Activities this quarter
programme-dashboard-quarter-none = No activity this quarter.
programme-dashboard-all-translations = Everything waiting for translation
programme-dashboard-to-disseminate = Public outputs not disseminated yet
programme-dashboard-to-disseminate-none = Every public output has been disseminated.
programme-dashboard-budget-city = Budget: planned / committed / spent
programme-dashboard-budget-funder = Budget per funder
programme-dashboard-shown = Showing the first { $shown } of { $total }.
programme-dashboard-quarter-count = Activities this quarter
programme-dashboard-budget-currency = Budget per currency (every programme)
## The programme's memorandum of understanding, yearly plans and inquiries
mou-section-title = Memorandum, plans and inquiries
mou-title = Memorandum of understanding
mou-none = No memorandum recorded yet.
mou-kind = Kind
mou-kind-mou = Memorandum of understanding
mou-kind-convention = Convention
mou-signed-on = Signed on
mou-signed-on-hint = Leave empty until it is signed; signing is recorded while the programme is proposed or its MoU signed.
mou-unsigned = Not signed yet
mou-summary = Summary
mou-signatories = Signatories
mou-signatories-hint = One per line: name | position | city or uclg | organisation
mou-signatory-name = Name
mou-signatory-position = Position
mou-signatory-side = Signs for
mou-signatory-organisation = Organisation
mou-side-city = The city
mou-side-uclg = UCLG
mou-versions = Language versions
mou-documents = Signed documents
mou-upload = Upload a signed document
mou-file-hint = A PDF, ODT or DOCX of up to 25 MiB.
mou-change = Change the memorandum
plan-title = Plan for { $year }
plan-none = No plan for this year yet.
plan-objectives = Objectives
plan-activities = Activities foreseen
plan-year-activities = The programme's activities this year
plan-change = Change the plan
plan-status-draft = Draft
plan-status-agreed = Agreed
inquiries-title = Inquiries
inquiries-lead = Questions and requests from the city to the secretariat, with their answers.
inquiries-none = No inquiry yet.
inquiry-send = Send an inquiry
inquiry-subject = Subject
inquiry-message = Message
inquiry-answer = Answer
inquiry-reply = Answer or close
inquiry-status-open = Open
inquiry-status-answered = Answered
inquiry-status-closed = Closed
problem-signing-date-out-of-bounds = The signing day must fall between { $detail }.
problem-signing-not-allowed = A signing is recorded only while the programme is proposed or its MoU signed.
problem-invalid-signatory = Signatory { $detail } needs a name and a side (city or uclg).
problem-year-outside-period = This year is outside the programme's period ({ $detail }).
# The events calendar (activity 1: representation).
nav-events = Events
events-title = Events calendar
events-lead = The meetings where the Leading Cities may represent the Culture Committee: UCLG World Congress and World Council, regional sections, UNESCO and other UN meetings, conferences.
events-upcoming = To come
events-past = Past
events-none = No events.
events-ical = Download the calendar (iCalendar)
event = Event
event-new = Add an event
event-change = Change the event
event-lang = Language the title was written in
event-title-en = Title in English
event-title-fr = Title in French
event-title-es = Title in Spanish
event-kind = Kind of event
event-place = Place
event-starts = First day
event-ends = Last day
event-link = Link
event-description = Description
event-kind-uclg-world-congress = UCLG World Congress
event-kind-world-council = UCLG World Council
event-kind-regional-section = UCLG regional section
event-kind-unesco = UNESCO meeting
event-kind-other-un = Other United Nations meeting
event-kind-conference = Conference
event-kind-other = Other
availability-available = Available
availability-not-available = Not available
availability-representative = A representative named
requests-title = Availability of the political leaders
requests-none = No city has been asked yet.
requests-ask = Ask cities for their availability
requests-cities = Leading Cities
requests-cities-hint = One city a line: its name or its address in the registry.
request-deadline = Deadline
request-deadline-on = Answer by { $deadline }
request-closed = Deadline passed
request-closed-lead = The deadline ({ $deadline }) has passed: only the secretariat can reopen the request.
request-unanswered = Waiting for an answer
request-answer = Answer
request-availability = Availability
request-representative-name = Representative’s name
request-representative-hint = When a representative goes in the political leaders’ place.
request-representative-position = Representative’s position
request-comment = Comment
request-reopen = Reopen with a new deadline
representation-title = Representation of the Commission
representation-none = Nobody has been confirmed yet.
representation-confirm = Confirm a representative
representation-withdraw = Withdraw
events-waiting-title = Waiting for your answer
events-waiting-lead = Availability requests of your city that still wait for an answer, soonest deadline first.
events-waiting-none = Nothing waits for an answer.
events-unanswered-title = Availability requests without an answer
events-remind = Send reminders
events-remind-hint = Emails the editors of each city whose answer is due within three days; a request is reminded at most once a day.
events-reminded = { $requests } requests reminded, { $emails } emails queued; { $already } already reminded today.
event-reminder-subject = Your availability for “{ $title }” is awaited by { $deadline }
event-reminder-body = The secretariat of the Leading Cities asks { $city } for its political leaders’ availability for “{ $title }”. Please answer by { $deadline }: { $link }
problem-deadline-in-past = The deadline cannot be before today ({ $detail }).
problem-deadline-after-event = The deadline must fall on or before the event’s first day ({ $detail }).
problem-deadline-passed = The deadline ({ $detail }) has passed: answers are closed unless the secretariat reopens the request.
problem-city-not-leading = { $detail } is not a current Leading City.
programme-dashboard-requests = Availability requests without an answer
programme-dashboard-requests-none = Every availability request has its answer.
programme-dashboard-deadline = answer by
programme-dashboard-inquiries = Open inquiries
programme-dashboard-inquiries-none = No inquiry waits for an answer.

## An action plan
action-plan-items = The plan's items
action-plan-none = No item yet.
action-plan-mean-progress = Mean progress of the items not dropped: { $progress } %
action-plan-add = Add an item
action-plan-edit = Change the item
action-plan-item-title = Item
action-plan-title-in = Title in { $language }
action-plan-description-in = Description in { $language }
action-plan-source-lang = Written first in
action-plan-responsible = Responsible (people, services)
action-plan-partners = Partners
action-plan-starts = Starts
action-plan-ends = Ends
action-plan-budget = Budget
action-plan-currency = Currency
action-plan-currency-hint = Three letters: EUR, USD, ARS…
action-plan-status = Status
action-plan-progress = Progress (%)
action-plan-fields = Framework fields it addresses
action-plan-fields-hint = framework:field, separated by commas (culture21-actions:cultural-rights).
action-plan-sdgs = SDGs
action-plan-sdgs-hint = The goals' numbers, separated by commas (4, 11).
action-plan-sdg = SDG { $number }
action-plan-targets = SDG targets
action-plan-targets-hint = Separated by commas (11.4, 12.b); each target adds its goal.
action-plan-status-planned = Planned
action-plan-status-under-way = Under way
action-plan-status-done = Done
action-plan-status-dropped = Dropped
action-plan-back = Back to the plan “{ $plan }”
action-plan-updates = Progress updates
action-plan-updates-none = No update yet.
action-plan-update-add = Record progress
action-plan-update-on = Day
action-plan-update-note = What happened
action-plan-update-status = New status
action-plan-update-progress = New progress (%), empty: unchanged
action-plan-update-link = Evidence: a link
action-plan-update-practice = Evidence: a good practice (its address or name in the address)
action-plan-unchanged = Unchanged
action-plan-evidence = evidence
action-plan-starting = Where the plan starts
action-plan-starting-none = No closed assessment of the city that you may see yet: its weakest fields will show here.
action-plan-starting-from = From the assessment
action-plan-weaknesses = The weakest fields
action-plan-strengths = The strongest fields
action-plan-inspiration = Practices of other cities:
action-plan-no-inspiration = no published practice of another city on it yet
action-plan-pdf = The plan as a PDF report
action-plan-update-file = Evidence: a file of the plan
indicators-title = Indicators
indicators-lead = The indicator frameworks a city's action plan and its values refer to. An item of a plan names an indicator by its reference.
indicators-name = Indicator
indicators-targets = SDG targets
indicators-reference = Reference
action-plan-indicators = Indicators
action-plan-indicators-hint = framework:indicator, separated by commas (culture2030-indicators:cultural-participation); the list is on the Indicators page.
indicator-city-link = Indicators: values by year, baselines and targets
indicator-city-title = Indicators of { $city }
indicator-city-lead = Each indicator's values by year, with its baseline, its target and where it stands. A series is seen as its visibility says; the table under each chart gives its numbers. The indicators are listed on the page
indicator-none = No indicator value that you may see yet.
indicator-export = Download these values (tidy CSV)
indicator-export-one = Download this indicator's values (tidy CSV)
indicator-record = Record values
indicator-not-kept = (no value yet)
indicator-import = Import a tidy CSV file
indicator-import-file = File (CSV, UTF-8)
indicator-import-hint = One row per value, as SDG reporting platforms write it: Year, any breakdown columns (Sex, Age group, District…), Units, GeoCode, Value; an Indicator column (framework:indicator) for a file of several indicators; Source and Note if you wish. Nothing is written unless every row is good.
indicator-import-submit = Import
indicator-import-done = Imported: { $created } new values, { $updated } changed, { $unchanged } unchanged.
indicator-whole = Whole
indicator-status-on-track = On track
indicator-status-some-progress = Some progress
indicator-status-off-track = Off track
indicator-status-no-data = No data
indicator-status-rule = How the status is read: with no target, or no value of the whole after the baseline, there is no data. On track: the latest value of the whole has reached the target, or has come at least 90% of the way a straight line from the baseline to the target would have come by its year. Some progress: better than the baseline, behind that line. Off track: no better than the baseline. The baseline is the one set, or else the first value of the whole.
indicator-chart-desc = Values by year, one line for the whole and one per breakdown; the baseline is a square, the target a diamond, joined by a dotted line.
indicator-baseline = Baseline
indicator-target = Target
indicator-no-values = No value yet.
indicator-table = The values as a table
indicator-year = Year
indicator-value = Value
indicator-breakdown = Breakdown
indicator-breakdown-hint = Empty for the whole; else name=category pairs separated by semicolons: sex=female; age group=15-24
indicator-source = Source
indicator-note = Note
indicator-add-value = Enter a value
indicator-values = Values
indicator-remove = Remove
indicator-settings = Unit, baseline, target and visibility
indicator-unit = Unit
indicator-baseline-year = Baseline: year
indicator-baseline-value = Baseline: value
indicator-target-year = Target: year
indicator-target-value = Target: value
indicator-visibility = Who may see these values
indicator-save = Save
problem-invalid-breakdown = “{ $detail }” is not a breakdown: write name=category, as sex=female.
problem-target-before-baseline = The target's year must come after the baseline's.
problem-duplicate-observation = The same indicator, year and breakdown are already given on line { $detail }.
problem-unit-mismatch = Another unit is given for this indicator: { $detail }. One indicator has one unit.
profile-link = The city's profile: its story as evidence (page and PDF)
profile-title = Profile of { $city }
profile-lead = The city's story as evidence: its assessments over time, its action plans' progress, its indicators, its good practices and its outputs. Only what you may see appears here.
profile-pdf = Download the profile (PDF)
profile-assessments = Assessments over time
profile-no-assessments = No closed assessment that you may see yet.
profile-plans = Action plans
profile-no-plans = No action plan that you may see yet.
profile-plan-progress = Mean progress:
profile-item = Action
profile-latest = Latest
profile-status = Status
profile-no-outputs = No output that you may see yet.
problem-unknown-goal-target = No target “{ $detail }” of an imported version of the Culture 2030 Goal: write goal@version:target, as listed on the Indicators page.
problem-goal-version-exists = This version of the goal is imported already: a new text needs a new version.
goal-title = The Culture 2030 Goal
goal-lead = The targets of the Culture 2030 Goal, proposed by the global cultural networks for the agenda after 2030, version by version (the zero draft of 2022, the revised draft of 2025…), as the secretariat imported them. An item of an action plan names a target by its reference.
goal-none = No version of the Goal imported yet: the secretariat imports each version's file here.
goal-changes = Changes from { $version }:
goal-no-change = none.
goal-added = Targets added:
goal-removed = Targets removed:
goal-changed = Targets changed:
goal-target = Target
goal-import = Import a version of the Goal
goal-file = The version's file (TOML)
goal-file-hint = key, version, name in three languages, source, then one [[targets]] table per target (key, number, name, indicators, sdg_targets); the format is in data/indicators/README.md. A version is imported once.
goal-import-submit = Import
action-plan-goal-targets = Culture 2030 Goal targets
action-plan-goal-targets-hint = goal@version:target, separated by commas (culture-2030-goal@2025-revised:t3); the list is on the Indicators page.
goal-report-link = The written report: local feasibility of the targets (page and PDF)
goal-report-title = Local feasibility of the targets: { $city }
goal-report-lead = Drafted from the city's indicator values: where each series stands against its target, the pace observed since its baseline and the pace still needed, and a recommendation for each. Only the series you may see are in it; edit the text before filing it as an output of the activity.
goal-report-pdf = Download the report (PDF)
goal-report-observed = Pace so far (a year)
goal-report-needed = Pace needed (a year)
goal-report-recommendations = Recommendations
goal-report-on-track = { $indicator }: on track. Keep the pace ({ $observed } a year) and report it in the campaign's reports.
goal-report-some-progress = { $indicator }: some progress. Reaching { $target } by { $year } needs { $needed } a year, against { $observed } so far: strengthen the policies that serve it, or review the target.
goal-report-off-track = { $indicator }: off track. The values do not move towards { $target }: review the policies that serve it, and whether the target is feasible locally.
goal-report-no-data = { $indicator }: no data to judge by. Set a baseline and a target, and gather the values of the whole year by year.
goal-report-general = For every target: link the action plan's items to the indicators that measure them, name the municipal team in charge of each series, and share the series with the network so that peers can learn from them.

# Seven Keys workshops and a city's cultural assets.
seven-keys-sdg-short = SDG { $n }
seven-keys-sdgs = The SDGs it relates to
seven-keys-assets = The city's cultural assets it relates to
asset-kind-place = place
asset-kind-institution = institution
asset-kind-community = community
asset-kind-practice = practice
asset-kind-event = event
seven-keys-workshops = Seven Keys workshops
seven-keys-lead = A one-day workshop that localises the SDGs through culture: participants name local challenges, relate them to the SDGs and to the city's cultural assets, the group clusters them into themes and agrees on keys, concrete commitments by named local actors.
seven-keys-none = No workshop yet.
seven-keys-status-open = open
seven-keys-status-closed = closed
seven-keys-start = Start a workshop
seven-keys-title = Title
seven-keys-held-on = Day
seven-keys-lang = Language of the workshop
seven-keys-activity = Activity of the programme
seven-keys-activity-name = Seven Keys workshop
seven-keys-create = Start the workshop
seven-keys-challenges = Local challenges ({ $count })
seven-keys-themes = Themes
seven-keys-theme-count = { $count ->
    [one] 1 challenge
   *[other] { $count } challenges
}
seven-keys-no-challenges = No challenge named yet.
seven-keys-challenge = Challenge
seven-keys-links = SDGs and assets
seven-keys-theme = Theme
seven-keys-theme-of = Theme of challenge { $n }
seven-keys-themes-save = Save the themes
seven-keys-theme-save = Set
seven-keys-record-challenge = Record a challenge named in the room
seven-keys-add-challenge = Add the challenge
seven-keys-keys = Keys ({ $count })
seven-keys-keys-hint = About { $suggested } keys, as the group agrees: each a concrete commitment by named local actors.
seven-keys-answers = answers { $ids }
seven-keys-remove-key = Remove
seven-keys-add-key = Add a key
seven-keys-key-title = The key
seven-keys-actors = Who commits to it
seven-keys-actors-hint = The local actors by name: services, institutions, associations.
seven-keys-commitment = The commitment
seven-keys-answers-legend = The challenges it answers
seven-keys-open-plan = Open the draft action plan
seven-keys-plan-hint = The keys become the items of a draft action plan, with their actors and SDGs; the plan is filed as an output of the programme, seen by the network.
seven-keys-draft-plan = Make the draft action plan
seven-keys-article = Public article
seven-keys-article-public = Read the published article
seven-keys-article-title = Title
seven-keys-article-body = Text
seven-keys-publish = Published on the Seven Keys page
seven-keys-save-article = Save the article
seven-keys-participants = Participants' links ({ $count })
seven-keys-links-once = The new links, shown only now: give one to each participant.
seven-keys-link-count = How many links
seven-keys-make-links = Make the links
seven-keys-close = Close the workshop
seven-keys-reopen = Reopen the workshop
seven-keys-join-intro = Name the local challenges you see, one at a time, as many as you like; say which SDGs and which of the city's cultural assets each relates to.
seven-keys-thanks = Thank you: your challenge is recorded.
seven-keys-your-challenge = A local challenge
seven-keys-challenge-hint = In a sentence or two.
seven-keys-closed = The workshop is closed: it takes no more challenges.
seven-keys-yours = Your challenges ({ $count })
seven-keys-report-pdf = The internal report (PDF): challenges by theme and the keys
seven-keys-page-title = Seven Keys
seven-keys-page-lead = What cities found when they localised the SDGs through culture: the public articles of their Seven Keys workshops.
seven-keys-no-articles = No article published yet.
seven-keys-in-language = Written in { $language }.
assets-title = Cultural assets of { $city }
assets-lead = The places, institutions, communities, practices and events the city counts on; a Seven Keys workshop relates local challenges to them.
assets-none = No cultural asset listed yet.
assets-name = Name
assets-kind = Kind
assets-description = Description
assets-remove = Remove
assets-add = Add an asset
problem-workshop-closed = This workshop is closed: it takes no more challenges.
problem-plan-already-drafted = The keys of this workshop have already become a draft action plan.
problem-no-keys-yet = Agree on at least one key before making the draft action plan.
seven-keys-link = Seven Keys workshops
assets-link = Cultural assets

# Policy-design workshops around an action plan.
policy-design-link = The policy-design workshop
policy-design-title = Policy-design workshop: { $plan }
policy-design-lead = Participants propose ideas for the fields the plan starts from — the city's weakest and strongest — and facilitators group them into clusters and record the key ideas, which go into the plan's written report.
policy-design-not-open = The workshop has not been opened to participants yet.
policy-design-participants = Participants' links ({ $count })
policy-design-fields = The fields the room works on
policy-design-fields-hint = As framework:field, separated by commas; the fields the plan starts from are suggested.
policy-design-ideas = Ideas ({ $count })
policy-design-no-ideas = No idea for this field yet.
policy-design-unclustered = Not grouped yet
policy-design-cluster-ideas = Group the ideas
policy-design-idea = Idea
policy-design-cluster = Cluster
policy-design-join-intro = Propose ideas for the fields below, one at a time, as many as you like: what could the city do?
policy-design-thanks = Thank you: your idea is recorded.
policy-design-field = The field
policy-design-your-idea = Your idea
policy-design-propose = Propose the idea
policy-design-inspiration = What other cities do
policy-design-yours = Your ideas ({ $count })
policy-design-pdf-ideas = Ideas of the workshop

# Filing the indicators activity's written report.
goal-report-file = File the report as an output
goal-report-file-hint = The report is filed under the activity with its PDF in this page's language. It carries only the public series, whatever the output's visibility.
goal-report-visibility = Who may see the output
goal-report-activity-name = Testing the Culture 2030 Goal

# Thematic-module testing.
module-tests-title = Thematic-module seminars
module-tests-lead = A Leading City hosts a seminar to test a Culture 21 Plus thematic module: participants comment on each item and propose new wordings or new items; the secretariat accepts or rejects each proposal, and the accepted ones become the revised module, a new version of the framework.
module-tests-none = No seminar yet.
module-tests-start = Start a seminar
module-tests-framework = Framework version
module-tests-framework-hint = As key@version, one of the imported frameworks.
module-tests-module = Module
module-tests-create = Start the seminar
module-tests-proposals = Proposals ({ $count })
module-tests-no-proposal = No proposal on this item.
module-tests-kind = What you propose
module-tests-kind-comment = A comment
module-tests-kind-reword = A new wording
module-tests-kind-add = A new item under it
module-tests-decision = Decision
module-tests-decision-pending = pending
module-tests-decision-accepted = accepted
module-tests-decision-rejected = rejected
module-tests-revision = The revised module
module-tests-revised-as = Revised as { $version }.
module-tests-reworded = Reworded
module-tests-added = Added
module-tests-removed = Removed
module-tests-revise-hint = The accepted proposals become a new version of the framework, checked whole as any imported file; the proposals can no longer be decided afterwards.
module-tests-version = Name of the new version
module-tests-revise = Make the revised module
module-tests-not-revised = Not revised yet.
module-tests-under = Under “{ $item }”
module-tests-join-intro = Choose an item of the module, then comment on it, propose a new wording in one or more languages, or a new item under it (in English, French and Spanish).
module-tests-thanks = Thank you: your proposal is recorded.
module-tests-item = The item
module-tests-text-en = Wording in English
module-tests-text-fr = Wording in French
module-tests-text-es = Wording in Spanish
module-tests-comment = Comment
module-tests-propose = Send the proposal
module-tests-closed = The seminar is closed: it takes no more proposals.
module-tests-yours = Your proposals ({ $count })
problem-already-revised = This seminar's module has already been revised: its proposals are decided.
problem-package-unreadable = This is not a workshop package this platform can read ({ $detail }).
problem-package-tampered = This package's signature does not match its content: it was changed after it was made. Export the results again from the laptop.
problem-package-unknown = This package was not made on this platform.
problem-package-other-workshop = This package belongs to another workshop.
problem-package-wrong-kind = This is not the kind of package expected here: bring the results package made on the laptop.
problem-unknown-interest = Choose among programmes, practices and events.
problem-consent-required = Say where and when each person consented to receive the newsletter (the consent column).
offline-link = Run offline
offline-title = Run this workshop without internet
offline-intro = For a room with weak or no internet: the workshop runs on a laptop with the same version of Ateneu, participants join from their phones over the laptop's own network, and the results come back here afterwards. Nothing is lost, and bringing the same results twice changes nothing.
offline-step-download = Download the workshop package. It holds the workshop, its invitations, everything answered so far and a key that signs the results: keep it as you would keep participants' links.
offline-step-open = On the laptop, open it with one command (the address is the laptop's on the room's network). It prints a one-time link to set your password: you are the laptop's administrator.
offline-step-room = Participants join from their phones: with new links made on the laptop, or with the links they already have, the platform's address replaced by the laptop's.
offline-step-results = Afterwards, make the results package on the laptop and bring it back here.
offline-download = Download the workshop package
offline-packages = Packages made
offline-package-made = Made on { $date } · results merged { $merged } times
offline-results-title = Bring the results back
offline-results-file = Results package (the JSON file made on the laptop)
offline-merge = Merge the results
offline-merged = The results were merged.
offline-already = These results were merged before: nothing changed.
offline-summary = New invitations: { $invitations }; revoked: { $revoked }. New responses: { $added }; responses updated: { $updated }. Agreed scores updated: { $consensus }.
offline-key-ideas-unchanged = The key ideas were not changed.
offline-key-ideas-replaced = The key ideas are the room's.
offline-key-ideas-appended = The key ideas had changed here too: the room's follow those kept here.
module-tests-report-pdf = The seminar's report (PDF): the proposals item by item and what was decided
offline-seven-keys-summary = New links: { $links }. New challenges: { $challenges }; themes updated: { $themes }. New keys: { $keys }.
offline-policy-design-summary = New links: { $links }. New ideas: { $ideas }; clusters updated: { $clusters }.

## The newsletter's subscriptions
footer-newsletter = Newsletter
newsletter-title = The newsletter
newsletter-lead = Every two months: the Leading Cities' programmes, new good practices and the events to come, in English, French or Spanish.
newsletter-email = Your email address
newsletter-lang = The language you want it in
newsletter-interests = What interests you
newsletter-interest-programmes = The Leading Cities' programmes
newsletter-interest-practices = Good practices
newsletter-interest-events = Events
newsletter-privacy = We email you a link to confirm; nothing else is sent until you follow it. Every issue has a link to unsubscribe in one click. Your address is seen only by the secretariat and never shared.
newsletter-subscribe = Subscribe
newsletter-requested-title = Check your inbox
newsletter-requested = If this address can receive the newsletter, a message with a link to confirm is on its way. Nothing will be sent before you follow it.
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-lead = Confirm that you want to receive the newsletter at this address.
newsletter-confirm-button = Confirm
newsletter-unsubscribe-title = Unsubscribe
newsletter-unsubscribe-lead = Stop receiving the newsletter at this address.
newsletter-unsubscribe-button = Unsubscribe
newsletter-now-confirmed = Your subscription is confirmed. The next issue will reach you.
newsletter-now-unsubscribed = You are unsubscribed: nothing more will be sent to this address.
newsletter-now-pending = Your subscription waits for its confirmation.
newsletter-subscribers-title = Newsletter subscribers
newsletter-subscribers-lead = { $total } subscribers in all. Addresses are only in the export.
newsletter-counts = Subscribers by state and language
newsletter-status = State
newsletter-all-languages = All languages
newsletter-status-pending = Waiting for confirmation
newsletter-status-confirmed = Confirmed
newsletter-status-unsubscribed = Unsubscribed
newsletter-export = Export every subscriber (CSV)
newsletter-import = Import a list
newsletter-import-file = A CSV file of people who consented to receive the newsletter
newsletter-import-hint = Columns (interests separated by commas, all when empty; consent says where and when it was given):
newsletter-import-done = Imported: { $created } added, { $updated } confirmed, { $unchanged } already here (an address that unsubscribed stays so).
newsletter-confirm-mail-subject = Confirm your subscription to the newsletter
newsletter-confirm-mail-body =
    Someone, probably you, asked to receive the newsletter of the UCLG Culture Committee at this address.

    To confirm, open this link within { $days } days and press Confirm:
    { $confirm }

    If you did not ask for it, ignore this message: nothing will be sent to you.
