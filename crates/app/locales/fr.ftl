# Ateneu — messages de l'interface en français.
# Chaque message présent ici doit aussi exister dans en.ftl et es.ftl (un test le vérifie).

## Cadre de page
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-cities = Villes
nav-import = Importer
nav-admin = Administration
language-label = Langue
sign-in = Se connecter
sign-out = Se déconnecter
example-banner = Cette instance présente un contenu d'exemple : les adhésions, les dates et les contacts des villes sont fictifs et servent à montrer le fonctionnement de la plateforme.
footer-about = Ateneu — la plateforme des réseaux de villes pour la culture et le développement durable.
footer-api = API JSON (OpenAPI)
footer-open-data = Données ouvertes
back-home = Retour à la page d'accueil
back = Retour
shown-in = en { $language }
example = Exemple

## Erreurs
error-title-400 = Cette requête ne peut pas être traitée
error-title-401 = Veuillez vous connecter
error-title-403 = Action non autorisée
error-title-404 = Page introuvable
error-title-409 = Conflit
error-title-413 = Fichier trop volumineux
error-title-415 = Format non pris en charge
error-title-422 = Certaines informations ne sont pas valides
error-title-429 = Trop de tentatives
error-title-500 = Une erreur est survenue
error-title-503 = Momentanément indisponible
form-has-problems = Veuillez corriger les points suivants :
required-field = obligatoire
line = Ligne
column = Colonne
problem = Problème
more-problems = … et { $count ->
    [one] un autre problème.
   *[other] { $count } autres problèmes.
}
## Problèmes (clés de validation)
problem-required = Ce champ est obligatoire.
problem-too-long = Trop long : { $detail } caractères au maximum.
problem-unknown-language = Langue inconnue « { $detail } » (utilisez en, fr ou es).
problem-invalid-queue-place = « { $detail } » n’est pas une position dans la file de traduction (utilisez la valeur « next » d’une page précédente).
problem-unknown-country = Code de pays inconnu « { $detail } » (utilisez la norme ISO 3166-1 alpha-2, par exemple FR).
problem-unknown-region = Région inconnue « { $detail } ».
problem-not-a-number = « { $detail } » n'est pas un nombre.
problem-out-of-range = Valeur hors limites (valeurs autorisées : { $detail }).
problem-invalid-url = « { $detail } » n'est pas une adresse web commençant par http:// ou https://.
problem-invalid-slug = « { $detail } » n'est pas un nom court valide (lettres minuscules, chiffres et traits d'union).
problem-duplicate-in-file = Ce nom court figure déjà à la ligne { $detail }.
problem-csv-unreadable = Le fichier ne peut pas être lu en tant que CSV : { $detail }
problem-missing-column = Cette colonne est manquante.
problem-unknown-column = Cette colonne est inconnue.
problem-empty-file = Le fichier ne contient aucune ligne.
problem-csv-unwritable = Le fichier CSV n'a pas pu être écrit : { $detail }
problem-unknown-role = Rôle inconnu « { $detail } ».
problem-invalid-date = « { $detail } » n'est pas une date (utilisez le format AAAA-MM-JJ).
problem-unknown-network = Réseau inconnu « { $detail } ».
problem-ends-before-start = La date de fin est antérieure à la date de début.
problem-leading-city-outside-programme = Le rôle de Ville Leader relève du programme Villes Leaders.
problem-unknown-creative-field = Domaine créatif inconnu « { $detail } ».
problem-not-for-this-network = Ceci ne s'applique pas à ce réseau.
problem-same-creative-field = La ville relève déjà de ce domaine créatif.
problem-not-current-on-that-day = L'adhésion n'est pas en cours à cette date.
problem-invalid-email = Cette adresse électronique n'est pas valide.
problem-password-too-short = Le mot de passe doit comporter au moins { $detail } caractères.
problem-password-is-email = Le mot de passe ne peut pas être votre adresse électronique.
problem-scope-does-not-fit-role = Ce périmètre ne correspond pas au rôle : un secrétariat requiert un réseau, un éditeur requiert une ville.
problem-ambiguous-city = Plusieurs villes portent ce nom : { $detail }. Ajoutez le pays entre parenthèses, comme dans la liste.
problem-unknown-city = Aucune ville ne s’appelle « { $detail } » : tapez son nom dans n’importe quelle langue (choisissez-la dans la liste), ou ajoutez-la d’abord au registre.
problem-email-taken = Un compte existe déjà avec cette adresse électronique.
problem-slug-taken = Ce nom court est déjà utilisé.
problem-passwords-differ = Les deux mots de passe ne correspondent pas.
problem-wrong-credentials = Adresse électronique ou mot de passe incorrect.
problem-too-many-attempts = Trop de tentatives infructueuses pour ce compte : veuillez patienter quelques minutes, puis réessayer, ou demander un lien de réinitialisation du mot de passe, qui vous permet d’entrer tout de suite.
problem-link-invalid = Ce lien n'est plus valide : il a déjà été utilisé ou a expiré.
problem-csrf-failed = Ce formulaire a expiré ou ne provient pas de ce site. Veuillez recharger la page et réessayer.
problem-not-found = Il n'y a rien à cette adresse.
problem-forbidden = Votre compte n'est pas autorisé à effectuer cette action.
problem-sign-in-required = Veuillez vous connecter pour continuer.
problem-internal = Une erreur inattendue s'est produite ; elle a été consignée. Veuillez réessayer plus tard.
problem-unavailable = La plateforme ne peut pas joindre sa base de données pour le moment. Veuillez réessayer dans une minute ; si vous enregistriez quelque chose, vérifiez s'il a été enregistré avant de l'envoyer à nouveau.
problem-bad-request = La requête n'est pas valide. { $detail }
problem-unsupported-media-type = Envoyez le corps de la requête au format JSON (Content-Type: application/json).
problem-invalid-file = Le fichier n'a pas été importé : rien n'a été enregistré. Corrigez les lignes ci-dessous et envoyez-le de nouveau.
problem-not-a-file = Choisissez un fichier à téléverser. { $detail }

## Accueil
home-title = Réseaux de villes pour la culture et le développement durable
home-lead = Ateneu est l'espace où les villes auto-évaluent leurs politiques culturelles, partagent leurs bonnes pratiques et apprennent les unes des autres, en anglais, en français et en espagnol.
stat-cities = villes dans le registre
stat-networks = réseaux
stat-regions = régions
home-networks = Réseaux
current-members = { $count ->
    [one] Un membre actuel
   *[other] { $count } membres actuels
}
chart-cities-by-region = Villes par région
chart-cities-by-region-desc = Une barre par région de CGLU, de la longueur de son nombre de villes dans le registre ; les mêmes chiffres figurent dans le tableau ci-dessous.
browse-registry = Parcourir le registre

## Registre
cities-title = Villes
cities-lead = Le registre des membres : les villes et gouvernements locaux des réseaux, avec leurs adhésions.
cities-count = { $count ->
    [0] Aucune ville ne correspond.
    [one] Une ville.
   *[other] { $count } villes.
}
filter-text = Le nom contient
filter-network = Réseau
filter-region = Région
filter-country = Pays
filter-creative-field = Domaine créatif
filter-any = Tous
filter-apply = Filtrer
city = ville
city-name = Nom
city-country = Pays
city-region = Région
city-networks = Adhésions
city-population = Population
city-coordinates = Coordonnées
city-latitude = Latitude
city-longitude = Longitude
city-website = Site web
city-description = Brève description
city-languages = Nom disponible en
city-source-lang = Langue de rédaction des textes de la ville
city-new = Ajouter une ville
city-edit = Modifier cette ville
city-edit-title = Modifier { $name }
in-english = Anglais
in-french = Français
in-spanish = Espagnol
choose = Choisir…
hint-population = Nombre d'habitants, facultatif.
hint-latitude = Degrés décimaux, de -90 à 90 (facultatif).
hint-longitude = Degrés décimaux, de -180 à 180 (facultatif).
hint-website = L'adresse du site web de la ville, commençant par https://
save = Enregistrer
add = Ajouter
remove = Supprimer
none = Aucun
actions = Actions
pagination = Pages
previous = Précédent
next = Suivant

## Adhésions
memberships-title = Adhésions
memberships-none = Aucune adhésion enregistrée.
membership-network = Réseau
membership-role = Rôle
membership-started = Depuis
membership-ended = Jusqu'au
membership-designation = Année de désignation
membership-past = passée
membership-add = Ajouter une adhésion
membership-end = Mettre fin
membership-change-field = Changer de domaine
membership-change-on = À partir du
hint-designation = Pour les Villes créatives : l'année de désignation de la ville.
role-member = Membre
role-leading-city = Ville Leader

## Points focaux
focal-points-title = Points focaux
focal-points-none = Aucun point focal enregistré.
focal-point-add = Ajouter un point focal
contacts-not-public = Les coordonnées ne sont visibles que par les éditeurs de la ville et le secrétariat du réseau.
person-name = Nom
person-position = Fonction
phone = Téléphone
hint-contact-private = Jamais affiché publiquement.

## Fichiers
import-title = Importer le registre
import-lead = Téléversez un fichier CSV de villes ou d'adhésions. Chaque ligne est d'abord vérifiée : si l'une d'elles est erronée, rien n'est enregistré et chaque problème est indiqué avec sa ligne.
import-kind = Contenu du fichier
import-kind-cities = Villes
import-kind-memberships = Adhésions
import-file = Fichier CSV (UTF-8)
import-columns = Colonnes :
import-submit = Vérifier et importer
import-done = { $rows } lignes importées : { $created } ajoutées, { $updated } mises à jour, { $unchanged } inchangées.
export-title = Données ouvertes
export-lead = Les données publiques du registre, en téléchargement libre. Les coordonnées personnelles n'y figurent jamais.
export-cities = Villes (CSV)
export-memberships = Adhésions (CSV)
export-reference = Données de référence : réseaux, régions, domaines créatifs, ODD (JSON)

## Comptes
email = Adresse électronique
password = Mot de passe
password-new = Nouveau mot de passe
password-confirm = Confirmez le nouveau mot de passe
hint-password = Au moins 10 caractères.
forgot-password = Mot de passe oublié ?
password-reset = Réinitialiser votre mot de passe
password-reset-send = M'envoyer un lien
password-reset-sent = Si un compte existe pour cette adresse, un courriel contenant un lien pour définir un nouveau mot de passe vous a été envoyé.
password-set = Choisir un mot de passe
password-change = Changer votre mot de passe
setup-title = Créer le compte administrateur
setup-lead = Cette plateforme n'a pas encore d'administrateur. Le compte que vous créez ici pourra gérer l'ensemble des réseaux, des comptes et des paramètres.
setup-submit = Créer l'administrateur
display-name = Nom affiché aux autres
account-title = Votre compte
roles = Rôles
profile = Profil
locale-setting = Langue de l'interface
locale-automatic = Selon mon navigateur
sessions = Sessions
sign-out-everywhere = Se déconnecter partout
sign-out-everywhere-lead = Met fin à toutes les sessions de votre compte, sur tous les appareils, y compris celui-ci, et à tous les jetons d’API ci-dessous.
api-tokens = Jetons d'API personnels
api-tokens-lead = Les scripts utilisent ces jetons sous la forme « Authorization: Bearer … » avec l’API JSON. Un jeton en lecture seule ne fait que lire ; un jeton complet agit avec vos rôles. Chacun expire ; une réinitialisation du mot de passe ou une déconnexion partout les révoque tous.
api-token-name = Nom du nouveau jeton
api-token-create = Créer un jeton
api-token-scope = Ce que le jeton peut faire
api-token-days = Jours avant son expiration (1–365)
token-scope-read = lecture seule
token-scope-write = lecture et écriture, avec vos rôles
token-expires = expire le { $date }
problem-token-needs-session = Un jeton se crée depuis une session ouverte, pas avec un autre jeton.
problem-token-read-only = Ce jeton ne peut que lire : une requête qui modifie quelque chose demande un jeton créé pour l’écriture.
not-found-sign-in = Certaines pages ne sont montrées qu’aux personnes connectées avec le rôle voulu. Si l’on vous a donné cette adresse, vous connecter pourrait l’afficher.
api-token-created = Votre nouveau jeton (copiez-le maintenant : il ne sera plus affiché) :
revoke = Révoquer
mail-invitation-subject = Vous êtes invité(e) sur Ateneu
mail-invitation-body = Bonjour,

    Un compte a été créé pour vous sur Ateneu. Choisissez votre mot de passe à l'aide de ce lien (valable { $days } jours) :

    { $link }

    Si vous n'attendiez pas ce courriel, vous pouvez l'ignorer.
mail-reset-subject = Réinitialisation de votre mot de passe Ateneu
mail-reset-body = Bonjour,

    Une personne a demandé la réinitialisation du mot de passe de votre compte Ateneu. Choisissez-en un nouveau à l'aide de ce lien (valable { $days } jour) :

    { $link }

    Si vous n'êtes pas à l'origine de cette demande, ignorez ce courriel : votre mot de passe reste inchangé.

## Rôles
role = Rôle
role-network = Réseau (pour un secrétariat, un expert ou un relecteur)
role-city = Ville (pour un éditeur)
hint-role-city = Tapez le nom de la ville et choisissez-la dans la liste.
role-platform-admin = Administrateur de la plateforme
role-secretariat = Secrétariat
role-editor = Éditeur de ville
role-expert = Expert
role-reviewer = Relecteur / traducteur
role-add = Ajouter un rôle

## Administration
admin-title = Administration
users-title = Comptes
invite-title = Inviter une personne
invite-submit = Envoyer l'invitation
invitation-sent = Invitation envoyée. Le lien (également disponible dans la boîte d'envoi) :
disable = Désactiver
enable = Activer
disabled = désactivé
audit-title = Journal d'audit
audit-when = Quand
audit-who = Qui
audit-what = Quoi
audit-changes = Modifications
outbox-title = Boîte d'envoi
outbox-lead = En l'absence de serveur de messagerie configuré, les courriels sont enregistrés ici (ainsi que dans le dossier outbox du répertoire de données).
outbox-empty = Aucun courriel n'a encore été enregistré.
outbox-lead-smtp = Chaque courriel envoyé par le serveur de messagerie est aussi conservé ici (ainsi que dans le dossier outbox du répertoire de données), avec l'indication de son acceptation par le serveur.
delivery-outbox = conservé dans la boîte d'envoi (aucun serveur de messagerie)
delivery-sending = en cours d'envoi
delivery-sent = envoyé
delivery-failed = non envoyé
mail-to = À :

## Culture 21 Lab : référentiels
nav-assessments = Culture 21 Lab
nav-frameworks = Référentiels
frameworks-title = Référentiels
frameworks-lead = Référentiels d’auto-évaluation sous forme de données versionnées : domaines, champs, actions, modules et échelle de notation.
frameworks-import = Importer un référentiel
frameworks-import-lead = Déposez un fichier de référentiel (TOML). Le fichier entier est vérifié d’abord ; chaque problème est listé avec sa ligne, et rien n’est enregistré si le fichier n’est pas valide.
framework = Référentiel
framework-version = Version
framework-status = État
framework-frozen = Figée (utilisée par une évaluation)
framework-editable = Peut encore être remplacée
framework-size = { $domains ->
    [one] { $domains } domaine
   *[other] { $domains } domaines
}, { $fields ->
    [one] { $fields } champ
   *[other] { $fields } champs
}, { $actions ->
    [one] { $actions } action
   *[other] { $actions } actions
}
framework-export = Télécharger le fichier (TOML)
framework-compare-with = Comparer avec
framework-compare = Comparer
framework-scale = Échelle de notation
framework-scale-range = Notes de { $min } à { $max }
framework-scale-na = « Sans objet / ne sait pas » autorisé
framework-modules = Modules
framework-module = Module
framework-module-items = { $count ->
    [one] { $count } élément
   *[other] { $count } éléments
}, notés par { $level }
framework-content = Domaines, champs et actions
framework-file = Fichier du référentiel (.toml)
framework-open = L’ouvrir
framework-imported-created = { $framework } a été importé.
framework-imported-replaced = { $framework } a été remplacé par le nouveau fichier.
framework-imported-unchanged = { $framework } est déjà à jour : rien n’a changé.
level-field = champ
level-action = action
sdgs = ODD :
benchmarks = Jeux de référence
benchmarks-none = Aucun jeu de référence pour l’instant.
benchmark-add = Saisir un jeu de référence
benchmark-key = Clé (lettres, chiffres, - ou _)
benchmark-name = Nom
benchmark-compute = Calculer à partir des évaluations publiées du réseau
benchmark-compute-hint = La moyenne, champ par champ, des évaluations clôturées dont les résultats sont publics, faites sur cette version par les membres actuels du réseau (la valeur que trace chaque radar : la note de consensus, sinon la moyenne des participants). Les évaluations confidentielles ou réservées au réseau ne comptent jamais. Calculer à nouveau remplace le jeu.
benchmark-compute-key-hint = Laisser vide pour published-RÉSEAU.
benchmark-compute-submit = Calculer
benchmark-computed-name = Moyenne des évaluations publiées, { $network } (n = { $count })
field = Champ
domain = Domaine
value = Valeur
key = Clé
kind = Type
item = Élément
item-kind-domain = domaine
item-kind-field = champ
item-kind-action = action
item-kind-module_item = élément de module
diff-title = Différences entre deux versions
diff-none = Les deux versions sont identiques.
diff-scale-changed = L’échelle de notation a changé.
diff-added = Ajoutés
diff-removed = Retirés
diff-reworded = Reformulés
diff-before = Avant
diff-after = Après
diff-modules = Modules
diff-module-counts = { $added ->
    [one] { $added } élément ajouté
   *[other] { $added } éléments ajoutés
}, { $removed ->
    [one] { $removed } retiré
   *[other] { $removed } retirés
}
## Culture 21 Lab : évaluations
assessments-title = Culture 21 Lab
assessments-lead = Auto-évaluations participatives des politiques culturelles d’une ville, avec un tableau de bord en direct, un radar et un rapport écrit.
assessments-none = Aucune évaluation à afficher.
assessment = Évaluation
assessment-new = Nouvelle évaluation
assessment-new-lead = Choisissez la ville, la version et le module du référentiel, les dates et qui peut voir les résultats.
assessment-city = Ville
assessment-city-hint = Tapez le nom de la ville dans n’importe quelle langue et choisissez-la dans la liste.
assessment-title = Titre
assessment-languages = Langues de l’atelier
assessment-actions = Ce que vous pouvez faire
assessment-responses = { $count ->
    [0] Aucune réponse envoyée
    [one] { $count } réponse envoyée
   *[other] { $count } réponses envoyées
}, { $drafts ->
    [0] aucune en cours.
    [one] { $drafts } en cours.
   *[other] { $drafts } en cours.
}
starts-on = Commence le
ends-on = Se termine le
dates = Dates
visibility = Visibilité des résultats
visibility-public = Publique
visibility-network = Réseau seulement
visibility-confidential = Confidentielle
status = État
status-open = Ouverte
status-closed = Clôturée
facilitators = Animateurs
facilitators-hint = Adresses électroniques de leurs comptes, séparées par des virgules.
create = Créer
dashboard = Tableau de bord en direct
dashboard-title = Tableau de bord : { $title }
dashboard-live = Se met à jour à l’arrivée des réponses.
dashboard-submitted = réponses envoyées
dashboard-drafts = en cours
dashboard-invitations = invitations
dashboard-disagreements = Là où les participants divergent le plus
dashboard-sectors = Réponses par secteur
dashboard-items = Tous les éléments
count = Nombre
mean = Moyenne
median = Médiane
dashboard-disagreement = écart { $spread } sur { $count ->
    [one] une réponse
   *[other] { $count } réponses
}
spread = Dispersion
responses = Réponses
sector = Secteur
sector-local_government = Gouvernement local
sector-civil_society = Société civile
sector-private_sector = Secteur privé
sector-academia = Monde universitaire
sector-other = Autre
not-applicable = Sans objet / ne sait pas
lang-en = anglais
lang-fr = français
lang-es = espagnol
language = Langue
invitations-language = Langue des liens et des courriels
invitations-made-before = Invitations faites
invitation-not-opened = pas encore ouverte
invitation-draft = brouillon enregistré
invitation-submitted = envoyée
invitation-revoked = révoquée
invitation-reprint = Réimprimer
invitation-resend = Renvoyer
invitation-revoke = Révoquer
problem-invitation-not-reprintable = Cette invitation a été faite avant que les liens puissent être réimprimés : faites-en une nouvelle.
invitations = Invitations
invitations-count = { $count ->
    [0] Aucune invitation pour l’instant.
    [one] { $count } invitation jusqu’ici.
   *[other] { $count } invitations jusqu’ici.
}
invitations-how-many = Combien de liens imprimer
invitations-emails = Ou les envoyer par courriel
invitations-emails-hint = Une adresse par ligne : chaque personne reçoit son propre lien.
invitations-make = Créer les invitations
invitations-made = Voici les nouveaux liens. Chaque lien est pour une seule personne ; imprimez cette page pour la salle.
invitation-mail-subject = Culture 21 Lab à { $city } : votre invitation
invitation-mail-body = Vous êtes invité·e à participer à l’auto-évaluation « { $title } ».
    Ouvrez votre lien personnel (ne le partagez pas) pour donner vos notes :
    { $link }
participate-title = Culture 21 Lab — { $city }
participate-lead = Notez chaque élément de { $min } (le plus faible) à { $max } (le plus fort), ou indiquez qu’il est sans objet. Vous pouvez enregistrer et revenir avec le même lien avant d’envoyer.
participate-about-you = À propos de vous
participate-name = Votre nom (facultatif)
participate-consent = J’accepte que mon nom figure dans la liste des participants du rapport.
participate-comment = Ajouter un commentaire
participate-save = Enregistrer et revenir plus tard
participate-submit = Envoyer mes notes
participate-saved = Enregistré. Vous pouvez revenir avec le même lien.
participate-done = Merci : vos notes ont été envoyées.
consensus = Notes de consensus
consensus-lead = Après la discussion, notez pour chaque champ la note convenue dans la salle, avec une courte justification.
consensus-score = Note convenue
consensus-justification = Justification
key-ideas = Idées clés
close-counts = { $responses ->
    [0] Personne n’a encore envoyé ses réponses
    [one] Une personne a envoyé ses réponses
   *[other] { $responses } personnes ont envoyé leurs réponses
} ; { $drafts ->
    [0] aucun brouillon n’est en attente.
    [one] une a un brouillon pas encore envoyé.
   *[other] { $drafts } ont des brouillons pas encore envoyés.
}
close-drafts = { $drafts ->
    [one] Le brouillon non envoyé ne comptera jamais : une fois l’évaluation close, il ne pourra plus être envoyé. Demandez à cette personne de l’envoyer d’abord si ses réponses doivent compter.
   *[other] Les { $drafts } brouillons non envoyés ne compteront jamais : une fois l’évaluation close, ils ne pourront plus être envoyés. Demandez à ces personnes de les envoyer d’abord si leurs réponses doivent compter.
}
close-confirm = La clore maintenant
cancel = Annuler
close-assessment = Clôturer l’évaluation
close-hint = La clôture est définitive : les participants ne peuvent plus répondre et le rapport est classé. Seul le secrétariat peut la rouvrir.
reopen-assessment = Rouvrir l’évaluation
export-responses = Réponses anonymisées (CSV)
report = Rapport
report-pdf = Rapport (PDF)
history = Évaluations dans le temps
history-title = Évaluations { $of_city }
history-none = Aucune évaluation que vous pouvez voir.
compare-title = Deux évaluations côte à côte
strengths = Points forts
weaknesses = Points faibles
radar-no-data = Pas encore de notes
radar-this = Cette évaluation
radar-previous = Précédente : { $name }
radar-title = Radar { $of_city }
radar-description = Notes par champ de { $framework } ({ $count ->
    [one] { $count } réponse
   *[other] { $count } réponses
}) : la note convenue quand elle existe, sinon la moyenne des participants.
report-title = Culture 21 Lab — { $city } : { $title }
report-context = Contexte
report-context-text = { $city } a évalué ses politiques culturelles avec { $framework }, module « { $module } », du { $start } au { $end }. { $count ->
    [0] Personne n’a encore envoyé de notes.
    [one] Une personne a envoyé ses notes.
   *[other] { $count } participants ont envoyé leurs notes.
}
report-participants = Participants par secteur
report-named = Participants ayant accepté d’être nommés :
report-radar = Radar
report-fields = Résultats par champ
report-domains = Résultats par domaine
report-consensus = Notes convenues et leur justification
report-no-key-ideas = Les animateurs n’ont pas encore rédigé les idées clés.
report-annex = Annexe : commentaires des participants
report-vs-own-mean = par rapport à la moyenne de la ville
report-vs-benchmark = par rapport à la référence
problem-syntax = Le fichier n’est pas du TOML valide : { $detail }
problem-duplicate-key = La clé « { $detail } » est utilisée deux fois.
problem-missing-translation = Une langue requise manque : { $detail }.
problem-empty-text = Le texte en « { $detail } » est vide.
problem-invalid-key = « { $detail } » n’est pas une clé valide (1 à 64 lettres, chiffres, « . », « _ » ou « - »).
problem-unknown-sdg = Il n’y a pas d’ODD { $detail } (ils sont numérotés de 1 à 17).
problem-scale-out-of-range = L’échelle { $detail } n’est pas valide : elle doit aller d’un entier plus petit à un plus grand entre 0 et 100, en 20 pas au plus.
problem-value-out-of-scale = Cette valeur est hors de l’échelle ({ $detail }).
problem-stages-overlap = Le palier « { $detail } » chevauche un autre palier.
problem-unknown-level = Niveau de notation inconnu « { $detail } » (field ou action).
problem-unknown-item = « { $detail } » n’est pas un élément de ce référentiel ou de ce module.
problem-item-below-level = « { $detail } » est une action : un module noté par champ ne peut pas la noter.
problem-unknown-parent = « { $detail } » ne peut pas accueillir cet élément propre au module.
problem-empty-module = Le module « { $detail } » ne sélectionne aucun élément.
problem-no-domains = Un référentiel doit avoir au moins un domaine avec un champ.
problem-version-frozen = Cette version est utilisée par une évaluation et ne peut plus changer : importez la révision comme nouvelle version.
problem-score-out-of-range = La note doit être comprise entre { $detail }.
problem-not-applicable-not-allowed = Cette échelle n’autorise pas « sans objet ».
problem-unknown-sector = Secteur inconnu « { $detail } ».
problem-unknown-visibility = Visibilité inconnue « { $detail } » (public, network ou confidential).
problem-unknown-status = État inconnu « { $detail } ».
problem-unknown-rating-level = Niveau de notation inconnu « { $detail } ».
problem-invitation-used = Cette invitation a déjà servi : ses notes ont été envoyées.
problem-assessment-closed = Cette évaluation est clôturée : elle n’accepte plus de réponses ni de changements.
problem-assessment-open = Cette évaluation est déjà ouverte.
problem-unknown-module = Le référentiel n’a pas de module « { $detail } ».
problem-unknown-framework = Version de référentiel inconnue « { $detail } » (donnez son identifiant ou CLÉ@VERSION).
problem-unknown-account = Aucun compte n’a l’adresse « { $detail } ».
problem-no-published-assessments = Aucune évaluation ne convient : aucune n’est clôturée, à résultats publics, faite sur cette version du cadre par un membre actuel de ce réseau.
problem-file-too-large = Le fichier dépasse { $detail } : il n’a pas été enregistré. Réduisez-le (résolution plus faible, PDF compressé) et envoyez-le à nouveau.
problem-unsupported-file = Ce type de fichier ne peut pas être téléversé : envoyez une image (PNG, JPEG, WebP, GIF) ou un document (PDF, ODT, DOCX). C’est le contenu du fichier qui compte, pas son nom.
outputs-title = Rapports et productions

## Good practices: problems
problem-unknown-key = Clé inconnue « { $detail } ».
problem-not-an-object = Un objet était attendu ({ "{" }…{ "}" }).
problem-invalid-json = JSON non valide : { $detail }
problem-not-text = Ce n’est pas du texte UTF-8 : enregistrez le fichier en UTF-8 et importez-le de nouveau.
problem-file-changed = Le fichier a changé pendant son importation, donc rien n’a été écrit : importez-le de nouveau une fois complet.
problem-expected-text = Un texte était attendu.
problem-expected-list = Une liste était attendue ([…]).
problem-source-lang-without-text = La langue source n’a pas de texte dans cette pratique.
problem-unknown-field = Champ de cadre inconnu « { $detail } » (utilisez clé-du-cadre:clé-du-champ d’un cadre importé).
problem-unknown-keyword = « { $detail } » n’est pas dans le thésaurus de mots-clés.
problem-too-many-words = Trop long : { $detail } mots au plus.
problem-one-line = Écrivez ceci sur une seule ligne.
problem-step-not-allowed = Cette étape n’est pas possible maintenant ({ $detail }).
problem-practice-incomplete = La pratique n’est pas encore complète : voyez la liste de contrôle.
problem-comment-required = Expliquez pourquoi dans un commentaire.
problem-stage-changed = Quelqu’un d’autre a changé l’étape de cette pratique entre-temps ; rechargez la page.
problem-practice-not-published = Seule une pratique publiée peut être mise en avant ou programmée.
problem-invalid-facet-limit = Le nombre de valeurs par facette doit être un nombre entier de 1 à 1000 : « { $detail } ».
problem-invalid-page = Numéro de page non valide : « { $detail } ».
problem-unknown-media = Cette pratique n’a pas d’image ni de fichier à l’adresse « { $detail } ».
problem-unknown-value = Valeur inconnue « { $detail } ».
problem-invalid-keyword = Mot-clé non valide « { $detail } ».
practices-feed-title = Ateneu : bonnes pratiques récemment publiées

## Good practices: pages
nav-practices = Bonnes pratiques
practices-title = Bonnes pratiques
practices-lead = Ce que les villes ont fait pour la culture dans le développement durable, documenté par elles et relu.
practices-search-partial = La recherche lit encore toutes les pratiques depuis le démarrage de la plateforme : ces résultats peuvent être incomplets. Cherchez de nouveau dans un instant.
practices-search = Rechercher
practices-filters = Filtres
practices-search-text = Mots recherchés
practices-sort = Ordre
practices-sort-relevance = Les plus pertinentes d’abord
practices-sort-newest = Les plus récentes d’abord
practices-facets-more = Afficher plus de valeurs pour chaque filtre
practices-clear = Effacer les filtres
practices-count = { $count ->
    [0] Aucune pratique
    [one] Une pratique
   *[other] { $count } pratiques
}
practices-none = Aucune pratique ne correspond à cette recherche.
practices-feed = Flux Atom des nouvelles pratiques
practices-export-csv = Données ouvertes (CSV)
practices-export-json = Données ouvertes (JSON)
search-matched-tags = Trouvée par ses étiquettes :
practices-codebook = Dictionnaire des données
practices-work = Mon travail sur les pratiques
practice-new = Documenter une pratique
facet-sdg = Objectifs de développement durable
facet-field = Domaines des cadres
facet-keyword = Mots-clés
facet-region = Régions
facet-country = Pays
facet-city = Villes
facet-creative_field = Domaines créatifs
facet-year = Années
facet-language = Langues
facet-status = État
practice-status-in_progress = En cours
practice-status-completed = Terminée
practice-languages = Disponible en :
practice-cities = Villes
practice-status = État
practice-start-date = Date de début
practice-end-date = Date de fin
practice-published-at = Publiée le
practice-field-title = Titre
practice-field-summary = Résumé
practice-field-context = Contexte
practice-field-objectives = Objectifs
practice-field-implementation = Mise en œuvre
practice-field-results = Résultats
practice-field-lessons = Enseignements
practice-field-budget = Budget et financement
practice-partners = Partenaires
partner-kind-public = public
partner-kind-private = privé
partner-kind-civil_society = société civile
partner-name = Nom du partenaire
partner-kind = Type
practice-contact = Contact
practice-contact-private = Non public : seules les personnes travaillant sur la pratique le voient.
practice-contact-public = Afficher ce contact publiquement
practice-media = Liens, images et documents
media-kind = Type
media-kind-link = Lien
media-kind-image = Image
media-kind-document = Document
media-url = Adresse (https://…)
media-description = Description
media-alt = la description dit ce que montre l’image
media-upload-title = Téléverser une image ou un document
media-upload-hint = Images (PNG, JPEG, WebP ou GIF) et documents (PDF, ODT ou DOCX), jusqu’à { $max } chacun.
media-upload-alt = Obligatoire pour une image : dites ce qu’elle montre, pour les personnes qui ne la voient pas.
media-file = Fichier
media-upload = Téléverser
media-upload-failed = Le fichier n’a pas été téléversé.
media-back-to-form = Retour au formulaire
media-uploaded-file = Fichier téléversé
media-remove = Retirer ce fichier
file-size-kb = { $size } Ko
file-size-mb = { $size } Mo
practice-tags = Étiquettes
practice-sdgs = Objectifs de développement durable
practice-fields = Domaines des cadres
practice-keywords = Mots-clés
practice-creative-field = Domaine créatif
checklist-heading = Liste de contrôle
checklist-done = fait
checklist-missing = manquant
checklist-optional = facultatif
checklist-city = Une ville
checklist-title = Titre
checklist-summary = Résumé
checklist-context = Contexte
checklist-objectives = Objectifs
checklist-implementation = Mise en œuvre
checklist-results = Résultats
checklist-lessons = Enseignements
checklist-budget = Budget
checklist-dates = Dates (début ; fin une fois terminée)
checklist-tags = Un ODD ou un domaine d’un cadre
checklist-keywords = Mots-clés
checklist-partners = Partenaires
checklist-contact = Un contact
checklist-media = Liens ou images
checklist-translations = Les trois langues
practice-work = Relecture
practice-stage = Étape
practice-edit = Modifier ou traduire
practice-step-comment = Commentaire (obligatoire pour demander des modifications)
stage-draft = Brouillon
stage-submitted = Soumise
stage-in_review = En relecture
stage-changes_requested = Modifications demandées
stage-approved = Approuvée
stage-published = Publiée
stage-archived = Archivée
step-submit = Soumettre à la relecture
step-withdraw = Retirer
step-start_review = Commencer la relecture
step-request_changes = Demander des modifications
step-approve = Approuver
step-publish = Publier
step-archive = Archiver
step-restore = Rétablir
comments-title = Conseils et notes de relecture
comments-none = Aucun commentaire pour l’instant.
comment-kind = Type
comment-kind-advice = Conseil
comment-kind-review = Note de relecture
comment-body = Commentaire
comment-add = Ajouter le commentaire
promotion-title = Mise en avant
promotion-featured = À la une sur la page d’accueil
promotion-newsletter = Date de la lettre d’information
practice-edit-title = Modifier « { $title } »
practice-preview = Aperçu
practice-save-draft = Enregistrer le brouillon
practice-save-next = Enregistrer et continuer
practice-saved = Brouillon enregistré.
practice-translating = Traduction en { $language } depuis { $source } : les textes seulement.
practice-steps = Étapes du formulaire
practice-source-text = Texte source ({ $language }) :
edit-step-basics = L’essentiel
edit-step-description = Description
edit-step-results = Résultats
edit-step-partners = Partenaires et contact
edit-step-tags = Étiquettes
edit-step-review = Relire et soumettre
edit-step-complete = complète
edit-step-incomplete = à compléter
word-count = { $count } mots sur { $max } au plus
char-count = { $count } caractères sur { $max } au plus
practice-city = Ville
practice-city-slug = Ou une autre ville
practice-city-slug-hint = Tapez son nom et choisissez-la dans la liste.
practice-source-lang = Langue de rédaction
practice-start = Commencer
city-practices = Bonnes pratiques
city-practices-none = Aucune pratique publiée pour l’instant.
home-featured = Bonnes pratiques à la une
work-title = Mon travail sur les pratiques
work-none = Rien à cette étape.
work-queue = File de traduction
work-queue-lang = Langue
work-show = Afficher
work-missing = manquants
work-draft = brouillons
work-outdated = à mettre à jour
work-queue-none = Aucune traduction à faire dans cette langue.
work-queue-more = Pratiques suivantes de la file
practices-import-title = Importer des pratiques
practices-import-lead = Un fichier JSON Lines, une pratique par ligne : chaque ligne est d’abord vérifiée et rien n’est écrit si le fichier n’est pas entièrement valide.
practices-import-stage = Les nouvelles pratiques entrent comme
practices-import-done = Importé : { $created } créées, { $updated } mises à jour, { $unchanged } inchangées.
practices-import-cities = Villes ajoutées au registre :
keywords-title = Thésaurus des mots-clés
keywords-key = Clé
keywords-edit = Ajouter ou modifier un mot-clé
keywords-saved = Mot-clé enregistré.
keywords-lead = Les mots-clés qui étiquettent les pratiques, chacun nommé en anglais, en français et en espagnol.
keywords-key-hint = Lettres minuscules, chiffres, « - » ou « _ ». Une clé existante garde ses pratiques et prend les nouveaux noms.
keywords-name-en = Nom en anglais
keywords-name-fr = Nom en français
keywords-name-es = Nom en espagnol
keywords-save = Enregistrer le mot-clé
keywords-change = Modifier
keywords-manage = Thésaurus des mots-clés
problem-invalid-keyword-key = « { $detail } » n’est pas une clé de mot-clé valide (lettres minuscules, chiffres, « - » ou « _ », 80 au plus).
practice-cities-hint = Leurs noms, séparés par des points-virgules ; ajoutez le pays entre parenthèses quand deux villes portent le même nom : Córdoba (AR); Lyon (FR)

## Notifications
notifications-title = Notifications
notifications-none = Rien ne vous attend.
notifications-read = Tout marquer comme lu
notifications-link = { $count ->
    [0] Notifications
   *[other] Notifications ({ $count })
}
notifications-email = Courriels
notifications-email-lead = M’envoyer aussi un courriel quand :
notice-practice-submitted = Une pratique attend votre relecture : « { $title } ».
notice-practice-sent-back = Un relecteur a renvoyé « { $title } » : à vous de la modifier et de la soumettre à nouveau.
notice-practice-approved = « { $title } » est approuvée et attend sa publication.
notice-practice-published = « { $title } » est publiée.
notice-translation-needed = « { $title } » est publiée et attend une traduction.
notice-assessment-to-facilitate = Vous animez l’atelier « { $title } ».
notice-mail-body = Pour l’ouvrir : { $link }
    (Vos notifications, et celles qui vous sont envoyées par courriel : la page Notifications de votre compte.)
notice-kind-practice-submitted = une pratique attend ma relecture
notice-kind-practice-sent-back = une pratique de ma ville nous est renvoyée
notice-kind-practice-approved = une pratique attend sa publication
notice-kind-practice-published = une pratique de ma ville est publiée
notice-kind-translation-needed = une pratique attend une traduction
notice-kind-assessment-to-facilitate = j’anime un atelier
notice-availability-requested = Le secrétariat demande à { $city } la disponibilité de ses responsables politiques pour « { $title } ».
notice-availability-answered = { $city } a répondu à la demande de disponibilité pour « { $title } ».
notice-inquiry-sent = { $city } a envoyé une demande au secrétariat : « { $title } ».
notice-inquiry-answered = Le secrétariat a répondu à la demande de { $city } : « { $title } ».
notice-mail-availability-requested = Merci de répondre d’ici le { $deadline } : { $link }
notice-kind-availability-requested = ma ville est sollicitée pour sa disponibilité à un événement
notice-kind-availability-answered = une ville répond à une demande de disponibilité
notice-kind-inquiry-sent = une Ville Leader envoie une demande au secrétariat
notice-kind-inquiry-answered = le secrétariat répond à une demande de ma ville
practice-reviewed-by = { $count ->
    [one] Relue par : { $names }.
   *[other] Relue par l’une de ces personnes : { $names }.
}
notifications-new = nouveau
practice-reviewers-unnamed = { $count ->
    [one] une personne du secrétariat ou de l’équipe de relecture
   *[other] { $count } personnes du secrétariat ou de l’équipe de relecture
}

## Le programme des Villes Leaders
nav-programmes = Villes Leaders
catalogue-title = Le catalogue d’activités des Villes Leaders
catalogue-intro = L’ensemble standard d’activités des termes de référence, en trois domaines. Le programme de chaque Ville Leader est conçu sur mesure à partir de celui-ci, en consultation avec le secrétariat de la Commission, et peut aussi comprendre des activités propres.
catalogue-duration = Durée habituelle
catalogue-experts = Qui y prend part
catalogue-outputs = Résultats attendus
catalogue-chosen = public ou confidentiel, au choix
catalogue-change = Modifier cette activité
catalogue-change-title = Modifier { $name }
catalogue-change-lead = Les textes que chaque programme montre pour cette activité, dans les trois langues, et les produits qu’elle doit donner avec leur visibilité par défaut. Son numéro et son domaine restent ceux des termes de référence ; les activités déjà prévues gardent leurs titres et leurs dates.
catalogue-name = Nom
catalogue-description = Description
catalogue-outputs-hint = Choisissez « aucun » et videz les noms pour retirer un produit ; remplissez une ligne vide pour en ajouter un.
catalogue-output-n = Produit { $n }
catalogue-output-none = Aucun
catalogue-output-kind = Type
catalogue-output-visibility = Visibilité par défaut
catalogue-output-name = Nom
programmes-title = Programmes des Villes Leaders
programmes-intro = Chaque Ville Leader mène un programme conçu sur mesure avec le secrétariat : sa période, son état, ses priorités et les consultations qui l’ont façonné. Seuls les éditeurs de la ville et le secrétariat de son réseau voient un programme.
programmes-sign-in = Connectez-vous pour voir les programmes auxquels vous prenez part.
programmes-none = Aucun programme visible pour vous pour l’instant.
programme-new = Lancer un programme
programme-start = Lancer le programme
programme-city = Ville
programme-city-hint = Une Ville Leader actuelle : son nom ou son adresse dans le registre.
programme-period = Période
programme-starts = Début
programme-ends = Fin (dernier jour)
programme-ends-hint = Les termes de référence conseillent au moins deux ans.
programme-short = moins de deux ans
programme-short-reason = Pourquoi moins de deux ans
programme-short-reason-hint = Obligatoire quand la période est plus courte que les deux ans conseillés par les termes de référence.
programme-status = État
programme-priorities = Priorités convenues
programme-priorities-hint = Ce que la ville a demandé et sur quoi le secrétariat a accepté de se concentrer.
programme-title = Programme de { $city }
programme-change = Modifier la période, l’état ou les priorités
programme-status-in-consultation = En consultation
programme-status-proposed = Proposé
programme-status-mou-signed = Protocole d’accord signé
programme-status-active = En cours
programme-status-completed = Terminé
consultations-title = Consultations
consultations-none = Aucune consultation enregistrée pour l’instant.
consultation-add = Enregistrer une consultation
consultation-held-on = Date
consultation-city-people = Personnes de la ville
consultation-secretariat-people = Personnes du secrétariat
consultation-notes = Notes
consultation-decisions = Décisions
consultation-follow-ups = Suites à donner
problem-programme-too-short = La période est plus courte que les { $detail } mois conseillés par les termes de référence : indiquez pourquoi.
problem-status-step-not-allowed = Un programme avance d’une étape à la fois : depuis son état actuel, il ne peut passer qu’à l’état suivant ou revenir au précédent.
problem-not-a-leading-city = Cette ville n’est pas actuellement Ville Leader : ajoutez d’abord son adhésion aux Villes Leaders.
problem-programmes-overlap = Cette période chevauche celle d’un autre programme de la ville ({ $detail }).
problem-changed-meanwhile = Quelqu’un a enregistré entre-temps. La page montre la version enregistrée : vérifiez-la, puis enregistrez à nouveau votre modification.
problem-too-many-items = Trop nombreux : { $detail } au plus.
problem-unknown-sdg-target = « { $detail } » n’est pas une cible des ODD : écrivez l’objectif, un point et la cible, comme 11.4 ou 12.b.
problem-done-means-complete = Une action réalisée est à 100 % : indiquez 100 comme avancement ou choisissez un autre statut.
problem-not-an-action-plan = Cette production n’est pas un plan d’action : seul un plan d’action a des actions.
problem-unknown-practice = Aucune bonne pratique « { $detail } » que vous puissiez voir.
problem-not-a-file-of-the-plan = Ce n’est pas un fichier de ce plan : déposez-le d’abord dans le plan, puis choisissez-le.
problem-unknown-indicator = Aucun indicateur « { $detail } » : écrivez cadre:indicateur, comme culture2030-indicators:cultural-participation.
problem-not-linkable = Cette activité ne relie pas de fiches de ce type ({ $detail }).
problem-already-linked = Cette fiche est déjà reliée à l’activité.
problem-not-of-the-city = Cette fiche n’appartient pas à la ville du programme.
programme-differs = Là où la version enregistrée diffère de la vôtre :
problem-outside-programme = Ceci tombe en dehors de la période du programme ({ $detail }).
problem-activities-outside-period = Le programme a des activités ou des lignes de budget en dehors de cette période ({ $detail }) : déplacez-les d’abord.
problem-unknown-activity = Ce programme n’a pas d’activité numéro « { $detail } ».
problem-invalid-currency = « { $detail } » n’est pas un code de devise : indiquez trois lettres, comme EUR, USD ou ARS.
problem-invalid-amount = « { $detail } » n’est pas un montant : indiquez un nombre positif ou nul, sans plus de décimales que la devise n’en a (1234,50).
problem-amount-too-large = Ce montant est trop élevé.
problem-unknown-programme-status = « { $detail } » n’est pas un état de programme.

## Les activités et le budget d’un programme
activities-title = Activités
activities-none = Aucune activité pour l’instant.
activity-add = Ajouter une activité
activity-change = Modifier cette activité
activity-custom = Une activité propre (hors catalogue)
activity-kind = Activité du catalogue
activity-title = Titre
activity-title-hint = Obligatoire pour une activité propre ; facultatif pour une activité du catalogue (son nom est affiché sinon).
activity-place = Lieu
activity-city-leads = Responsables dans la ville
activity-secretariat-leads = Responsables au secrétariat
activity-focus = Objet
activity-focus-hint = Ce dont il s’agit : le thème d’un séminaire, le domaine d’une visite…
activity-status-planned = Prévue
activity-status-under-way = En cours
activity-status-done = Réalisée
activity-status-cancelled = Annulée
activity-only-for = Seulement pour { $activity }
activity-host-city = Ville hôte
activity-host-none = Pas encore choisie
activity-visiting-peers = Pairs invités
activity-visiting-peers-hint = Responsables d’autres Villes leaders, un par ligne (nom, fonction, ville).
activity-question = La question du défi
activity-question-hint = Obligatoire pour un défi local : la question que pose la ville.
activity-challenge-scope = Portée
activity-theme = Thème
activity-theme-hint = Obligatoire quand la portée est un thème.
activity-challenge-people = Membres et experts impliqués
activity-event = Événement
activity-event-none = Absent du calendrier
activity-expertise-requested = Expertise et conseils demandés
activity-representatives = Représentants de la Commission mobilisés
activity-days = Jours
activity-unusual-days = { $days } jours : un séminaire d’apprentissage entre pairs dure habituellement de { $from } à { $to } jours.
challenge-scope-theme = Un thème
challenge-scope-governance = La gouvernance culturelle
challenge-scope-participatory-policy-making = L’élaboration participative des politiques
challenge-scope-local-strategy = Une stratégie culturelle locale
links-title = Fiches produites
links-hint = Les évaluations et bonnes pratiques de la ville que cette activité a produites ou mobilisées ; chacune n’est montrée qu’à qui peut la voir elle-même.
links-none = Aucune fiche reliée pour l’instant.
link-kind-assessment = Évaluation
link-kind-practice = Bonne pratique
link-report = son rapport
link-add = Relier une fiche
link-record = Fiche
link-choose = Choisissez une fiche
link-remove = Retirer le lien
link-nothing-to-add = La ville n’a pas d’autre fiche de ce type que vous puissiez voir.
budget-title = Budget
budget-lead = Chaque ligne en montant exact, dans sa propre devise : les totaux sont donnés par devise et n’additionnent jamais deux devises.
budget-none = Aucune ligne de budget pour l’instant.
budget-open = Ouvrir le budget
programme-back = Retour au programme
budget-currency-line = { $currency } : prévu { $planned } · engagé { $committed } · dépensé { $spent }
output-of-activity = Activité : { $activity }
budget-totals = Totaux
budget-by-currency = Par devise
budget-by-year = Par année
budget-by-funder = Par financeur
budget-lines = Lignes
budget-year = Année
budget-activity = Activité
budget-whole-programme = Le programme dans son ensemble
budget-category = Catégorie
budget-description = Description
budget-funder = Qui paie
budget-funder-hint = La ville, CGLU, un partenaire…
budget-currency = Devise
budget-currency-hint = Trois lettres : EUR, USD, ARS…
budget-amount-hint = Un nombre comme 1234,50 ; vide vaut zéro.
budget-planned = Prévu
budget-committed = Engagé
budget-spent = Dépensé
budget-add = Ajouter une ligne
budget-import = Importer un fichier
budget-import-lead = Le fichier remplace tout le budget. Chaque ligne est vérifiée d’abord : un fichier avec une ligne erronée ne change rien, et la page nomme chaque ligne erronée et pourquoi. L’export donne un fichier aux mêmes colonnes.
budget-imported = Le budget compte maintenant { $lines } lignes issues du fichier.
budget-export = Exporter le budget (CSV)
budget-category-travel = Déplacements
budget-category-expert-fees = Honoraires d’experts
budget-category-venue = Lieu
budget-category-translation = Traduction
budget-category-communication = Communication
budget-category-production = Production
budget-category-staff = Personnel
budget-category-other = Autre

## Les résultats d’un programme
outputs-none = Aucun résultat pour l’instant.
output-file = Déposer un résultat
output-kind = Type
output-summary = Résumé
output-link = Lien
output-visibility = Qui le voit
output-visibility-default = Comme le catalogue le prévoit pour cette activité (confidentiel sinon)
output-versions = Versions linguistiques
output-versions-none = Aucune version linguistique enregistrée pour l’instant.
output-version-set = Enregistrer une version linguistique
output-lang = Langue
output-translator = Traducteur ou traductrice
output-disseminations = Diffusion
output-disseminations-none = Pas encore diffusé.
output-disseminate = Enregistrer une diffusion
output-channel = Canal
output-on = Jour
output-note = Note
output-kind-written-report = Rapport écrit
output-kind-public-article = Article public
output-kind-internal-report = Rapport interne
output-kind-action-plan = Plan d’action
output-kind-revised-module = Module révisé
output-kind-practice = Bonne pratique
output-kind-agenda = Ordre du jour
output-kind-presentation = Présentation
output-kind-video = Vidéo
output-kind-logo = Logo
output-kind-other = Autre
output-kind-assessment-report = Rapport d’autoévaluation
translation-status-original = Original
translation-status-wanted = À traduire
translation-status-in-translation = En traduction
translation-status-translated = Traduit
channel-website = Le site web
channel-newsletter = La lettre d’information bimestrielle
channel-instagram = Instagram
channel-x = X
channel-linkedin = LinkedIn
channel-uclg-report = Un rapport de CGLU
channel-event = Une présentation lors d’un événement
channel-other = Autre
outputs-feed-title = Villes leaders : les derniers produits publics
translations-title = En attente de traduction
translations-lead = Les versions linguistiques des produits que vous suivez qui sont à traduire ou en cours de traduction, dans l’ordre où elles ont été demandées.
translations-none = Rien n’attend de traduction.
translations-count = { $total } versions attendent en tout.
translations-next = Page suivante →
translations-first = ← Retour au début

## Le registre des experts et leurs missions

problem-invalid-language-code = « { $detail } » n'est pas un code de langue (deux ou trois lettres de l'ISO 639, comme en, fr, es, pt).
problem-unknown-expert = Aucun expert du registre ne porte le numéro « { $detail } ».
problem-account-linked-elsewhere = Ce compte est déjà lié à un autre expert ({ $detail }).
expert-role-lead-expert = Expert principal
expert-role-expert = Expert
expert-role-facilitator = Animateur
expert-role-speaker = Intervenant
expert-role-other = Autre
experts-title = Experts
experts-lead = Le registre des experts auxquels le secrétariat fait appel pour les activités des Villes Leaders.
experts-none = Aucun expert dans le registre pour l'instant.
experts-open = Le registre des experts
expert-add = Ajouter un expert
expert-change = Modifier cet expert
expert-name = Nom
expert-organisation = Organisation
expert-email = Courriel
expert-languages = Langues
expert-languages-hint = Codes de langue séparés par des virgules : en, fr, es, pt…
expert-fields = Domaines d'expertise
expert-themes = Thèmes
expert-themes-hint = Thèmes libres séparés par des virgules.
expert-biography = Courte biographie
expert-account = Compte sur la plateforme
expert-account-hint = L'adresse électronique du compte de l'expert : engagé dans une activité, il en voit les résultats confidentiels.
expert-engagements = Missions
expert-engagements-none = Aucune mission pour l'instant.
engagements-title = Experts engagés
engagements-none = Aucun expert engagé pour l'instant.
engagement-add = Engager un expert
engagement-change = Modifier
engagement-expert = Expert
engagement-role = Rôle
engagement-days = Dates
engagement-fee = Honoraires
engagement-fee-hint = Laisser vide en l'absence d'honoraires.
engagement-no-fee = sans honoraires
engagement-currency = Devise
engagement-note = Remarque
engagement-activity = Activité
## Les fichiers d’un produit et leurs liens de partage
output-files = Fichiers
output-files-none = Aucun fichier pour l’instant.
output-file-upload = Téléverser un fichier
output-file-hint = Un document PDF, ODT ou DOCX de 25 Mio au plus, ou une image PNG, JPEG, WebP ou GIF de 10 Mio au plus. Une vidéo s’ajoute sous forme de lien.
output-file-remove = Retirer
output-share = Partager par un lien qui expire
output-share-lead = Toute personne qui détient le lien peut télécharger ce fichier sans se connecter, jusqu’à son expiration ou sa révocation ; chaque utilisation est enregistrée. Ne l’envoyez qu’à son destinataire.
output-share-hours = Durée de validité (heures)
output-share-note = Pour qui
output-link-made = Voici le lien. Copiez-le maintenant : il n’est affiché qu’une seule fois.
output-link-expires = Expire le
output-links = Liens de partage
output-link-uses = Utilisations
output-link-revoke = Révoquer
link-state-usable = Actif
link-state-expired = Expiré
link-state-revoked = Révoqué
problem-invalid-link-duration = Un lien est valable entre { $detail } heures : indiquez un nombre entier dans cet intervalle.

## Villes hôtes suggérées pour une visite à une Ville pilote
visit-hosts-title = Quelle ville pourrait accueillir une visite ?
visit-hosts-lead = Une ville membre qui souhaite apprendre sur un domaine rend visite à une Ville pilote qui y a fait preuve d’expertise. Choisissez le domaine : la plateforme suggère des Villes pilotes actuelles avec leurs éléments probants — une note égale ou supérieure au milieu de l’échelle dans leur dernière auto-évaluation que vous pouvez consulter, leurs bonnes pratiques publiées associées au domaine, leurs produits publics qui le mentionnent.
visit-field = Domaine à découvrir
visit-field-choose = Choisissez un domaine
visit-asking-city = Ville demandeuse
visit-asking-city-hint = Facultatif : une ville ne se voit jamais suggérée à elle-même.
visit-suggest = Suggérer des villes hôtes
visit-hosts-for = Villes hôtes suggérées pour
visit-hosts-none = Aucune Ville pilote ne présente encore d’éléments d’expertise dans ce domaine.
visit-reason-score = Note sur le domaine :
visit-reason-practice = Pratique publiée :
visit-reason-output = Produit public :

## Le tableau de bord des programmes
programme-dashboard-title = Tableau de bord des programmes
programme-dashboard-lead = Les programmes auxquels vous participez, d’un coup d’œil : le secrétariat voit ceux de toutes les Villes pilotes, les éditeurs d’une ville ceux de leur ville. Les montants sont des totaux par devise, jamais additionnés d’une devise à l’autre.
programme-dashboard-ends-soon = se termine dans moins de six mois
programme-dashboard-ending = Se terminent dans les six mois
programme-dashboard-ending-none = Aucun programme ne se termine dans les six mois.
programme-dashboard-quarter = Activités de ce trimestre
programme-dashboard-quarter-none = Aucune activité ce trimestre.
programme-dashboard-all-translations = Tout ce qui attend une traduction
programme-dashboard-to-disseminate = Produits publics pas encore diffusés
programme-dashboard-to-disseminate-none = Tous les produits publics ont été diffusés.
programme-dashboard-budget-city = Budget : prévu / engagé / dépensé
programme-dashboard-budget-funder = Budget par financeur
programme-dashboard-shown = Les { $shown } premiers sur { $total }.
programme-dashboard-quarter-count = Activités ce trimestre
programme-dashboard-budget-currency = Budget par devise (tous les programmes)
## Le protocole d’accord, les plans annuels et les demandes d’un programme
mou-section-title = Protocole, plans et demandes
mou-title = Protocole d’accord
mou-none = Aucun protocole enregistré pour l’instant.
mou-kind = Type
mou-kind-mou = Protocole d’accord
mou-kind-convention = Convention
mou-signed-on = Signé le
mou-signed-on-hint = Laissez vide jusqu’à la signature ; la signature s’enregistre quand le programme est proposé ou son protocole signé.
mou-unsigned = Pas encore signé
mou-summary = Résumé
mou-signatories = Signataires
mou-signatories-hint = Un par ligne : nom | fonction | city ou uclg | organisation
mou-signatory-name = Nom
mou-signatory-position = Fonction
mou-signatory-side = Signe pour
mou-signatory-organisation = Organisation
mou-side-city = La ville
mou-side-uclg = CGLU
mou-versions = Versions linguistiques
mou-documents = Documents signés
mou-upload = Téléverser un document signé
mou-file-hint = Un PDF, ODT ou DOCX de 25 Mio au plus.
mou-change = Modifier le protocole
plan-title = Plan { $year }
plan-none = Pas encore de plan pour cette année.
plan-objectives = Objectifs
plan-activities = Activités prévues
plan-year-activities = Les activités du programme cette année
plan-change = Modifier le plan
plan-status-draft = Brouillon
plan-status-agreed = Convenu
inquiries-title = Demandes
inquiries-lead = Les questions et demandes de la ville au secrétariat, avec leurs réponses.
inquiries-none = Aucune demande pour l’instant.
inquiry-send = Envoyer une demande
inquiry-subject = Objet
inquiry-message = Message
inquiry-answer = Réponse
inquiry-reply = Répondre ou clore
inquiry-status-open = Ouverte
inquiry-status-answered = Répondue
inquiry-status-closed = Close
problem-signing-date-out-of-bounds = La date de signature doit être comprise entre { $detail }.
problem-signing-not-allowed = Une signature ne s’enregistre que lorsque le programme est proposé ou son protocole signé.
problem-invalid-signatory = Le signataire { $detail } doit avoir un nom et un côté (city ou uclg).
problem-year-outside-period = Cette année est en dehors de la période du programme ({ $detail }).
# The events calendar (activity 1: representation).
nav-events = Événements
events-title = Calendrier des événements
events-lead = Les rencontres où les Villes Leaders peuvent représenter la Commission culture : Congrès mondial et Conseil mondial de CGLU, sections régionales, réunions de l’UNESCO et d’autres instances des Nations unies, conférences.
events-upcoming = À venir
events-past = Passés
events-none = Aucun événement.
events-ical = Télécharger le calendrier (iCalendar)
event = Événement
event-new = Ajouter un événement
event-change = Modifier l’événement
event-lang = Langue dans laquelle le titre a été écrit
event-title-en = Titre en anglais
event-title-fr = Titre en français
event-title-es = Titre en espagnol
event-kind = Type d’événement
event-place = Lieu
event-starts = Premier jour
event-ends = Dernier jour
event-link = Lien
event-description = Description
event-kind-uclg-world-congress = Congrès mondial de CGLU
event-kind-world-council = Conseil mondial de CGLU
event-kind-regional-section = Section régionale de CGLU
event-kind-unesco = Réunion de l’UNESCO
event-kind-other-un = Autre réunion des Nations unies
event-kind-conference = Conférence
event-kind-other = Autre
availability-available = Disponible
availability-not-available = Pas disponible
availability-representative = Un représentant désigné
requests-title = Disponibilité des responsables politiques
requests-none = Aucune ville n’a encore été sollicitée.
requests-ask = Demander leur disponibilité aux villes
requests-cities = Villes Leaders
requests-cities-hint = Une ville par ligne : son nom ou son adresse dans le registre.
request-deadline = Date limite
request-deadline-on = Réponse attendue d’ici le { $deadline }
request-closed = Date limite dépassée
request-closed-lead = La date limite ({ $deadline }) est dépassée : seul le secrétariat peut rouvrir la demande.
request-unanswered = En attente de réponse
request-answer = Répondre
request-availability = Disponibilité
request-representative-name = Nom du représentant
request-representative-hint = Lorsqu’un représentant se rend sur place à la place des responsables politiques.
request-representative-position = Fonction du représentant
request-comment = Commentaire
request-reopen = Rouvrir avec une nouvelle date limite
representation-title = Représentation de la Commission
representation-none = Personne n’a encore été confirmé.
representation-confirm = Confirmer un représentant
representation-withdraw = Retirer
events-waiting-title = En attente de votre réponse
events-waiting-lead = Les demandes de disponibilité adressées à votre ville qui attendent encore une réponse, de la date limite la plus proche à la plus lointaine.
events-waiting-none = Aucune demande n’attend de réponse.
events-unanswered-title = Demandes de disponibilité sans réponse
events-remind = Envoyer les relances
events-remind-hint = Écrit aux éditeurs de chaque ville dont la réponse est attendue dans les trois jours ; une demande est relancée au plus une fois par jour.
events-reminded = { $requests } demandes relancées, { $emails } courriels mis en file d’envoi ; { $already } déjà relancées aujourd’hui.
event-reminder-subject = Votre disponibilité pour « { $title } » est attendue d’ici le { $deadline }
event-reminder-body = Le secrétariat des Villes Leaders demande à { $city } la disponibilité de ses responsables politiques pour « { $title } ». Merci de répondre d’ici le { $deadline } : { $link }
problem-deadline-in-past = La date limite ne peut pas précéder aujourd’hui ({ $detail }).
problem-deadline-after-event = La date limite doit tomber au plus tard le premier jour de l’événement ({ $detail }).
problem-deadline-passed = La date limite ({ $detail }) est dépassée : les réponses sont closes, sauf si le secrétariat rouvre la demande.
problem-city-not-leading = { $detail } n’est pas actuellement Ville Leader.
programme-dashboard-requests = Demandes de disponibilité sans réponse
programme-dashboard-requests-none = Toutes les demandes de disponibilité ont leur réponse.
programme-dashboard-deadline = réponse attendue avant le
programme-dashboard-inquiries = Demandes ouvertes
programme-dashboard-inquiries-none = Aucune demande n’attend de réponse.

## An action plan
action-plan-items = Les actions du plan
action-plan-none = Aucune action pour l’instant.
action-plan-mean-progress = Avancement moyen des actions non abandonnées : { $progress } %
action-plan-add = Ajouter une action
action-plan-edit = Modifier l’action
action-plan-item-title = Action
action-plan-title-in = Titre en { $language }
action-plan-description-in = Description en { $language }
action-plan-source-lang = Écrite d’abord en
action-plan-responsible = Responsables (personnes, services)
action-plan-partners = Partenaires
action-plan-starts = Début
action-plan-ends = Fin
action-plan-budget = Budget
action-plan-currency = Devise
action-plan-currency-hint = Trois lettres : EUR, USD, ARS…
action-plan-status = Statut
action-plan-progress = Avancement (%)
action-plan-fields = Champs du cadre concernés
action-plan-fields-hint = cadre:champ, séparés par des virgules (culture21-actions:cultural-rights).
action-plan-sdgs = ODD
action-plan-sdgs-hint = Les numéros des objectifs, séparés par des virgules (4, 11).
action-plan-sdg = ODD { $number }
action-plan-targets = Cibles des ODD
action-plan-targets-hint = Séparées par des virgules (11.4, 12.b) ; chaque cible ajoute son objectif.
action-plan-status-planned = Prévue
action-plan-status-under-way = En cours
action-plan-status-done = Réalisée
action-plan-status-dropped = Abandonnée
action-plan-back = Retour au plan « { $plan } »
action-plan-updates = Suivi de l’avancement
action-plan-updates-none = Aucun suivi pour l’instant.
action-plan-update-add = Noter un avancement
action-plan-update-on = Jour
action-plan-update-note = Ce qui s’est passé
action-plan-update-status = Nouveau statut
action-plan-update-progress = Nouvel avancement (%), vide : inchangé
action-plan-update-link = Preuve : un lien
action-plan-update-practice = Preuve : une bonne pratique (son adresse ou son nom dans l’adresse)
action-plan-unchanged = Inchangé
action-plan-evidence = preuve
action-plan-starting = D’où part le plan
action-plan-starting-none = Aucune évaluation close de la ville que vous puissiez voir pour l’instant : ses champs les plus faibles s’afficheront ici.
action-plan-starting-from = D’après l’évaluation
action-plan-weaknesses = Les champs les plus faibles
action-plan-strengths = Les champs les plus forts
action-plan-inspiration = Pratiques d’autres villes :
action-plan-no-inspiration = aucune pratique publiée d’une autre ville pour l’instant
action-plan-pdf = Le plan en rapport PDF
action-plan-update-file = Preuve : un fichier du plan
indicators-title = Indicateurs
indicators-lead = Les cadres d’indicateurs auxquels se réfèrent le plan d’action d’une ville et ses valeurs. Une action du plan désigne un indicateur par sa référence.
indicators-name = Indicateur
indicators-targets = Cibles des ODD
indicators-reference = Référence
action-plan-indicators = Indicateurs
action-plan-indicators-hint = cadre:indicateur, séparés par des virgules (culture2030-indicators:cultural-participation) ; la liste est sur la page Indicateurs.
indicator-city-link = Indicateurs : valeurs par année, références et cibles
indicator-city-title = Indicateurs de { $city }
indicator-city-lead = Les valeurs de chaque indicateur par année, avec sa référence, sa cible et où il en est. Une série est vue comme le dit sa visibilité ; le tableau sous chaque graphique en donne les chiffres. Les indicateurs sont listés sur la page
indicator-none = Aucune valeur d’indicateur que vous puissiez voir pour l’instant.
indicator-export = Télécharger ces valeurs (CSV ordonné)
indicator-export-one = Télécharger les valeurs de cet indicateur (CSV ordonné)
indicator-record = Saisir des valeurs
indicator-not-kept = (aucune valeur)
indicator-import = Importer un fichier CSV ordonné
indicator-import-file = Fichier (CSV, UTF-8)
indicator-import-hint = Une ligne par valeur, comme l’écrivent les plateformes de suivi des ODD : Year, des colonnes de ventilation (Sex, Age group, District…), Units, GeoCode, Value ; une colonne Indicator (cadre:indicateur) pour un fichier de plusieurs indicateurs ; Source et Note si vous le souhaitez. Rien n’est écrit si une seule ligne est fausse.
indicator-import-submit = Importer
indicator-import-done = Importé : { $created } nouvelles valeurs, { $updated } modifiées, { $unchanged } inchangées.
indicator-whole = Ensemble
indicator-status-on-track = En bonne voie
indicator-status-some-progress = Quelques progrès
indicator-status-off-track = En retard
indicator-status-no-data = Pas de données
indicator-status-rule = Comment le statut est lu : sans cible, ou sans valeur de l’ensemble après la référence, il n’y a pas de données. En bonne voie : la dernière valeur de l’ensemble a atteint la cible, ou a parcouru au moins 90 % du chemin qu’une ligne droite de la référence à la cible aurait parcouru à son année. Quelques progrès : mieux que la référence, en deçà de cette ligne. En retard : pas mieux que la référence. La référence est celle qui est fixée, sinon la première valeur de l’ensemble.
indicator-chart-desc = Valeurs par année, une ligne pour l’ensemble et une par ventilation ; la référence est un carré, la cible un losange, reliés par un pointillé.
indicator-baseline = Référence
indicator-target = Cible
indicator-no-values = Aucune valeur pour l’instant.
indicator-table = Les valeurs en tableau
indicator-year = Année
indicator-value = Valeur
indicator-breakdown = Ventilation
indicator-breakdown-hint = Vide pour l’ensemble ; sinon des paires nom=catégorie séparées par des points-virgules : sexe=femmes; âge=15-24
indicator-source = Source
indicator-note = Note
indicator-add-value = Saisir une valeur
indicator-values = Valeurs
indicator-remove = Retirer
indicator-settings = Unité, référence, cible et visibilité
indicator-unit = Unité
indicator-baseline-year = Référence : année
indicator-baseline-value = Référence : valeur
indicator-target-year = Cible : année
indicator-target-value = Cible : valeur
indicator-visibility = Qui peut voir ces valeurs
indicator-save = Enregistrer
problem-invalid-breakdown = « { $detail } » n’est pas une ventilation : écrivez nom=catégorie, comme sexe=femmes.
problem-target-before-baseline = L’année de la cible doit suivre celle de la référence.
problem-duplicate-observation = Le même indicateur, la même année et la même ventilation sont déjà donnés à la ligne { $detail }.
problem-unit-mismatch = Une autre unité est donnée pour cet indicateur : { $detail }. Un indicateur a une seule unité.
profile-link = Le profil de la ville : son histoire, preuves à l’appui (page et PDF)
profile-title = Profil de { $city }
profile-lead = L’histoire de la ville, preuves à l’appui : ses évaluations dans le temps, l’avancement de ses plans d’action, ses indicateurs, ses bonnes pratiques et ses productions. Seul ce que vous pouvez voir y figure.
profile-pdf = Télécharger le profil (PDF)
profile-assessments = Évaluations dans le temps
profile-no-assessments = Aucune évaluation close que vous puissiez voir pour l’instant.
profile-plans = Plans d’action
profile-no-plans = Aucun plan d’action que vous puissiez voir pour l’instant.
profile-plan-progress = Avancement moyen :
profile-item = Action
profile-latest = Dernière valeur
profile-status = Statut
profile-no-outputs = Aucune production que vous puissiez voir pour l’instant.
problem-unknown-goal-target = Aucune cible « { $detail } » d’une version importée de l’Objectif Culture 2030 : écrivez objectif@version:cible, comme sur la page Indicateurs.
problem-goal-version-exists = Cette version de l’objectif est déjà importée : un nouveau texte demande une nouvelle version.
goal-title = L’Objectif Culture 2030
goal-lead = Les cibles de l’Objectif Culture 2030, proposé par les réseaux culturels mondiaux pour l’agenda d’après 2030, version par version (l’avant-projet de 2022, le projet révisé de 2025…), telles que le secrétariat les a importées. Une action d’un plan nomme une cible par sa référence.
goal-none = Aucune version de l’Objectif importée pour l’instant : le secrétariat importe ici le fichier de chaque version.
goal-changes = Changements depuis { $version } :
goal-no-change = aucun.
goal-added = Cibles ajoutées :
goal-removed = Cibles retirées :
goal-changed = Cibles modifiées :
goal-target = Cible
goal-import = Importer une version de l’Objectif
goal-file = Le fichier de la version (TOML)
goal-file-hint = key, version, name dans les trois langues, source, puis une table [[targets]] par cible (key, number, name, indicators, sdg_targets) ; le format est décrit dans data/indicators/README.md. Une version s’importe une fois.
goal-import-submit = Importer
action-plan-goal-targets = Cibles de l’Objectif Culture 2030
action-plan-goal-targets-hint = objectif@version:cible, séparées par des virgules (culture-2030-goal@2025-revised:t3) ; la liste est sur la page Indicateurs.
goal-report-link = Le rapport écrit : faisabilité locale des cibles (page et PDF)
goal-report-title = Faisabilité locale des cibles : { $city }
goal-report-lead = Rédigé à partir des valeurs des indicateurs de la ville : où en est chaque série par rapport à sa cible, le rythme observé depuis sa référence et le rythme encore nécessaire, et une recommandation pour chacune. Seules les séries que vous pouvez voir y figurent ; relisez le texte avant de le déposer comme production de l’activité.
goal-report-pdf = Télécharger le rapport (PDF)
goal-report-observed = Rythme observé (par an)
goal-report-needed = Rythme nécessaire (par an)
goal-report-recommendations = Recommandations
goal-report-on-track = { $indicator } : en bonne voie. Maintenir le rythme ({ $observed } par an) et en rendre compte dans les rapports de la campagne.
goal-report-some-progress = { $indicator } : quelques progrès. Atteindre { $target } d’ici { $year } demande { $needed } par an, contre { $observed } jusqu’ici : renforcer les politiques qui y contribuent, ou revoir la cible.
goal-report-off-track = { $indicator } : en retard. Les valeurs ne vont pas vers { $target } : revoir les politiques qui y contribuent, et la faisabilité locale de la cible.
goal-report-no-data = { $indicator } : pas de données pour en juger. Fixer une référence et une cible, et réunir les valeurs de l’ensemble année après année.
goal-report-general = Pour chaque cible : relier les actions du plan aux indicateurs qui les mesurent, nommer l’équipe municipale chargée de chaque série, et partager les séries avec le réseau pour que les pairs en tirent des enseignements.

# Seven Keys workshops and a city's cultural assets.
seven-keys-sdg-short = ODD { $n }
seven-keys-sdgs = Les ODD concernés
seven-keys-assets = Les ressources culturelles de la ville concernées
asset-kind-place = lieu
asset-kind-institution = institution
asset-kind-community = communauté
asset-kind-practice = pratique
asset-kind-event = événement
seven-keys-workshops = Ateliers « Sept Clefs »
seven-keys-lead = Un atelier d’une journée qui localise les ODD par la culture : les participantes et participants nomment des défis locaux, les relient aux ODD et aux ressources culturelles de la ville ; le groupe les regroupe en thèmes et s’accorde sur des clefs, des engagements concrets d’acteurs locaux nommés.
seven-keys-none = Aucun atelier pour l’instant.
seven-keys-status-open = ouvert
seven-keys-status-closed = clôturé
seven-keys-start = Lancer un atelier
seven-keys-title = Titre
seven-keys-held-on = Date
seven-keys-lang = Langue de l’atelier
seven-keys-activity = Activité du programme
seven-keys-activity-name = Atelier « Sept Clefs »
seven-keys-create = Lancer l’atelier
seven-keys-challenges = Défis locaux ({ $count })
seven-keys-themes = Thèmes
seven-keys-theme-count = { $count ->
    [one] 1 défi
   *[other] { $count } défis
}
seven-keys-no-challenges = Aucun défi nommé pour l’instant.
seven-keys-challenge = Défi
seven-keys-links = ODD et ressources
seven-keys-theme = Thème
seven-keys-theme-of = Thème du défi { $n }
seven-keys-themes-save = Enregistrer les thèmes
seven-keys-theme-save = Classer
seven-keys-record-challenge = Noter un défi nommé dans la salle
seven-keys-add-challenge = Ajouter le défi
seven-keys-keys = Clefs ({ $count })
seven-keys-keys-hint = Environ { $suggested } clefs, selon l’accord du groupe : chacune un engagement concret d’acteurs locaux nommés.
seven-keys-answers = répond à { $ids }
seven-keys-remove-key = Retirer
seven-keys-add-key = Ajouter une clef
seven-keys-key-title = La clef
seven-keys-actors = Qui s’y engage
seven-keys-actors-hint = Les acteurs locaux, nommément : services, institutions, associations.
seven-keys-commitment = L’engagement
seven-keys-answers-legend = Les défis auxquels elle répond
seven-keys-open-plan = Ouvrir le projet de plan d’action
seven-keys-plan-hint = Les clefs deviennent les actions d’un projet de plan d’action, avec leurs acteurs et leurs ODD ; le plan est classé comme production du programme, visible par le réseau.
seven-keys-draft-plan = Créer le projet de plan d’action
seven-keys-article = Article public
seven-keys-article-public = Lire l’article publié
seven-keys-article-title = Titre
seven-keys-article-body = Texte
seven-keys-publish = Publié sur la page des Sept Clefs
seven-keys-save-article = Enregistrer l’article
seven-keys-participants = Liens des participants ({ $count })
seven-keys-links-once = Les nouveaux liens, affichés seulement maintenant : donnez-en un à chaque personne.
seven-keys-link-count = Combien de liens
seven-keys-make-links = Créer les liens
seven-keys-close = Clôturer l’atelier
seven-keys-reopen = Rouvrir l’atelier
seven-keys-join-intro = Nommez les défis locaux que vous voyez, un à la fois, autant que vous le souhaitez ; indiquez à quels ODD et à quelles ressources culturelles de la ville chacun se rapporte.
seven-keys-thanks = Merci : votre défi est enregistré.
seven-keys-your-challenge = Un défi local
seven-keys-challenge-hint = En une ou deux phrases.
seven-keys-closed = L’atelier est clôturé : il ne reçoit plus de défis.
seven-keys-yours = Vos défis ({ $count })
seven-keys-report-pdf = Le rapport interne (PDF) : défis par thème et clefs
seven-keys-page-title = Sept Clefs
seven-keys-page-lead = Ce que les villes ont trouvé en localisant les ODD par la culture : les articles publics de leurs ateliers « Sept Clefs ».
seven-keys-no-articles = Aucun article publié pour l’instant.
seven-keys-in-language = Écrit en { $language }.
assets-title = Ressources culturelles de { $city }
assets-lead = Les lieux, institutions, communautés, pratiques et événements sur lesquels la ville compte ; un atelier « Sept Clefs » y relie les défis locaux.
assets-none = Aucune ressource culturelle répertoriée pour l’instant.
assets-name = Nom
assets-kind = Type
assets-description = Description
assets-remove = Retirer
assets-add = Ajouter une ressource
problem-workshop-closed = Cet atelier est clôturé : il ne reçoit plus de défis.
problem-plan-already-drafted = Les clefs de cet atelier sont déjà devenues un projet de plan d’action.
problem-no-keys-yet = Accordez-vous sur au moins une clef avant de créer le projet de plan d’action.
seven-keys-link = Ateliers « Sept Clefs »
assets-link = Ressources culturelles

# Policy-design workshops around an action plan.
policy-design-link = L’atelier de conception des politiques
policy-design-title = Atelier de conception des politiques : { $plan }
policy-design-lead = Les participantes et participants proposent des idées pour les champs dont part le plan — les plus faibles et les plus forts de la ville — ; l’équipe d’animation les regroupe et consigne les idées clés, qui entrent dans le rapport écrit du plan.
policy-design-not-open = L’atelier n’est pas encore ouvert aux participants.
policy-design-participants = Liens des participants ({ $count })
policy-design-fields = Les champs sur lesquels la salle travaille
policy-design-fields-hint = Sous la forme cadre:champ, séparés par des virgules ; les champs dont part le plan sont proposés.
policy-design-ideas = Idées ({ $count })
policy-design-no-ideas = Aucune idée pour ce champ pour l’instant.
policy-design-unclustered = Pas encore regroupées
policy-design-cluster-ideas = Regrouper les idées
policy-design-idea = Idée
policy-design-cluster = Groupe
policy-design-join-intro = Proposez des idées pour les champs ci-dessous, une à la fois, autant que vous le souhaitez : que pourrait faire la ville ?
policy-design-thanks = Merci : votre idée est enregistrée.
policy-design-field = Le champ
policy-design-your-idea = Votre idée
policy-design-propose = Proposer l’idée
policy-design-inspiration = Ce que font d’autres villes
policy-design-yours = Vos idées ({ $count })
policy-design-pdf-ideas = Idées de l’atelier

# Filing the indicators activity's written report.
goal-report-file = Classer le rapport comme production
goal-report-file-hint = Le rapport est classé sous l’activité avec son PDF dans la langue de cette page. Il ne contient que les séries publiques, quelle que soit la visibilité de la production.
goal-report-visibility = Qui peut voir la production
goal-report-activity-name = Test de l’Objectif Culture 2030

# Thematic-module testing.
module-tests-title = Séminaires de test des modules thématiques
module-tests-lead = Une Ville Leader accueille un séminaire pour tester un module thématique de Culture 21 Plus : les participants commentent chaque élément et proposent de nouvelles formulations ou de nouveaux éléments ; le secrétariat accepte ou rejette chaque proposition, et celles acceptées deviennent le module révisé, une nouvelle version du cadre.
module-tests-none = Aucun séminaire pour l’instant.
module-tests-start = Lancer un séminaire
module-tests-framework = Version du cadre
module-tests-framework-hint = Sous la forme clé@version, l’un des cadres importés.
module-tests-module = Module
module-tests-create = Lancer le séminaire
module-tests-proposals = Propositions ({ $count })
module-tests-no-proposal = Aucune proposition sur cet élément.
module-tests-kind = Ce que vous proposez
module-tests-kind-comment = Un commentaire
module-tests-kind-reword = Une nouvelle formulation
module-tests-kind-add = Un nouvel élément sous celui-ci
module-tests-decision = Décision
module-tests-decision-pending = en attente
module-tests-decision-accepted = acceptée
module-tests-decision-rejected = rejetée
module-tests-revision = Le module révisé
module-tests-revised-as = Révisé sous la version { $version }.
module-tests-reworded = Reformulés
module-tests-added = Ajoutés
module-tests-removed = Retirés
module-tests-revise-hint = Les propositions acceptées deviennent une nouvelle version du cadre, vérifiée en entier comme tout fichier importé ; on ne peut plus décider des propositions ensuite.
module-tests-version = Nom de la nouvelle version
module-tests-revise = Créer le module révisé
module-tests-not-revised = Pas encore révisé.
module-tests-under = Sous « { $item } »
module-tests-join-intro = Choisissez un élément du module, puis commentez-le, proposez une nouvelle formulation dans une ou plusieurs langues, ou un nouvel élément sous celui-ci (en anglais, en français et en espagnol).
module-tests-thanks = Merci : votre proposition est enregistrée.
module-tests-item = L’élément
module-tests-text-en = Formulation en anglais
module-tests-text-fr = Formulation en français
module-tests-text-es = Formulation en espagnol
module-tests-comment = Commentaire
module-tests-propose = Envoyer la proposition
module-tests-closed = Le séminaire est clôturé : il ne reçoit plus de propositions.
module-tests-yours = Vos propositions ({ $count })
problem-already-revised = Le module de ce séminaire a déjà été révisé : ses propositions sont tranchées.
problem-package-unreadable = Ce n'est pas un paquet d'atelier que cette plateforme sait lire ({ $detail }).
problem-package-tampered = La signature de ce paquet ne correspond pas à son contenu : il a été modifié après sa création. Exportez de nouveau les résultats depuis l'ordinateur portable.
problem-package-unknown = Ce paquet n'a pas été créé sur cette plateforme.
problem-package-other-workshop = Ce paquet appartient à un autre atelier.
problem-package-wrong-kind = Ce n'est pas le type de paquet attendu ici : apportez le paquet de résultats créé sur l'ordinateur portable.
problem-unknown-interest = Choisissez parmi programmes, pratiques et événements.
problem-consent-required = Indiquez où et quand chaque personne a consenti à recevoir la lettre d'information (colonne consent).
offline-link = Animer hors ligne
offline-title = Animer cet atelier sans internet
offline-intro = Pour une salle où internet est faible ou absent : l'atelier tourne sur un ordinateur portable avec la même version d'Ateneu, les participants s'y connectent depuis leur téléphone par le réseau propre du portable, et les résultats reviennent ici ensuite. Rien ne se perd, et rapporter deux fois les mêmes résultats ne change rien.
offline-step-download = Téléchargez le paquet de l'atelier. Il contient l'atelier, ses invitations, tout ce qui a déjà été répondu et une clé qui signe les résultats : gardez-le comme vous garderiez les liens des participants.
offline-step-open = Sur le portable, ouvrez-le d'une seule commande (l'adresse est celle du portable sur le réseau de la salle). Elle affiche un lien à usage unique pour définir votre mot de passe : vous êtes l'administrateur du portable.
offline-step-room = Les participants se connectent depuis leur téléphone : avec de nouveaux liens créés sur le portable, ou avec les liens qu'ils ont déjà, l'adresse de la plateforme remplacée par celle du portable.
offline-step-results = Ensuite, créez le paquet de résultats sur le portable et rapportez-le ici.
offline-download = Télécharger le paquet de l'atelier
offline-packages = Paquets créés
offline-package-made = Créé le { $date } · résultats fusionnés { $merged } fois
offline-results-title = Rapporter les résultats
offline-results-file = Paquet de résultats (le fichier JSON créé sur le portable)
offline-merge = Fusionner les résultats
offline-merged = Les résultats ont été fusionnés.
offline-already = Ces résultats avaient déjà été fusionnés : rien n'a changé.
offline-summary = Nouvelles invitations : { $invitations } ; révoquées : { $revoked }. Nouvelles réponses : { $added } ; réponses mises à jour : { $updated }. Scores de consensus mis à jour : { $consensus }.
offline-key-ideas-unchanged = Les idées clés n'ont pas changé.
offline-key-ideas-replaced = Les idées clés sont celles de la salle.
offline-key-ideas-appended = Les idées clés avaient aussi changé ici : celles de la salle suivent celles conservées ici.
module-tests-report-pdf = Le rapport du séminaire (PDF) : les propositions élément par élément et ce qui a été décidé
offline-seven-keys-summary = Nouveaux liens : { $links }. Nouveaux défis : { $challenges } ; thèmes mis à jour : { $themes }. Nouvelles clés : { $keys }.
offline-policy-design-summary = Nouveaux liens : { $links }. Nouvelles idées : { $ideas } ; regroupements mis à jour : { $clusters }.

## The newsletter's subscriptions
footer-newsletter = Lettre d'information
newsletter-title = La lettre d'information
newsletter-lead = Tous les deux mois : les programmes des Villes leaders, les nouvelles bonnes pratiques et les événements à venir, en anglais, en français ou en espagnol.
newsletter-email = Votre adresse e-mail
newsletter-lang = La langue dans laquelle vous la souhaitez
newsletter-interests = Ce qui vous intéresse
newsletter-interest-programmes = Les programmes des Villes leaders
newsletter-interest-practices = Les bonnes pratiques
newsletter-interest-events = Les événements
newsletter-privacy = Nous vous envoyons un lien de confirmation ; rien d'autre n'est envoyé avant que vous l'ayez suivi. Chaque numéro contient un lien pour vous désabonner en un clic. Votre adresse n'est vue que par le secrétariat et n'est jamais partagée.
newsletter-subscribe = S'abonner
newsletter-requested-title = Consultez votre boîte de réception
newsletter-requested = Si cette adresse peut recevoir la lettre d'information, un message avec un lien de confirmation est en route. Rien ne sera envoyé avant que vous l'ayez suivi.
newsletter-confirm-title = Confirmez votre abonnement
newsletter-confirm-lead = Confirmez que vous souhaitez recevoir la lettre d'information à cette adresse.
newsletter-confirm-button = Confirmer
newsletter-unsubscribe-title = Se désabonner
newsletter-unsubscribe-lead = Ne plus recevoir la lettre d'information à cette adresse.
newsletter-unsubscribe-button = Se désabonner
newsletter-now-confirmed = Votre abonnement est confirmé. Le prochain numéro vous parviendra.
newsletter-now-unsubscribed = Vous êtes désabonné·e : plus rien ne sera envoyé à cette adresse.
newsletter-now-pending = Votre abonnement attend sa confirmation.
newsletter-subscribers-title = Abonnés à la lettre d'information
newsletter-subscribers-lead = { $total } abonnés en tout. Les adresses ne figurent que dans l'export.
newsletter-counts = Abonnés par état et par langue
newsletter-status = État
newsletter-all-languages = Toutes les langues
newsletter-status-pending = En attente de confirmation
newsletter-status-confirmed = Confirmé
newsletter-status-unsubscribed = Désabonné
newsletter-export = Exporter tous les abonnés (CSV)
newsletter-import = Importer une liste
newsletter-import-file = Un fichier CSV de personnes ayant consenti à recevoir la lettre d'information
newsletter-import-hint = Colonnes (intérêts séparés par des virgules, tous si vide ; consent indique où et quand le consentement a été donné) :
newsletter-import-done = Import terminé : { $created } ajoutés, { $updated } confirmés, { $unchanged } déjà présents (une adresse désabonnée le reste).
newsletter-confirm-mail-subject = Confirmez votre abonnement à la lettre d'information
newsletter-confirm-mail-body =
    Quelqu'un, sans doute vous, a demandé à recevoir la lettre d'information de la Commission culture de CGLU à cette adresse.

    Pour confirmer, ouvrez ce lien dans les { $days } jours et appuyez sur Confirmer :
    { $confirm }

    Si vous ne l'avez pas demandé, ignorez ce message : rien ne vous sera envoyé.
