# Ateneu — mensajes de la interfaz en español.
# Cada mensaje de este archivo debe existir también en en.ftl y fr.ftl (una prueba lo comprueba).

## Estructura de la página
skip-to-content = Ir al contenido
nav-label = Navegación principal
nav-home = Inicio
nav-cities = Ciudades
nav-import = Importar
nav-admin = Administración
language-label = Idioma
sign-in = Iniciar sesión
sign-out = Cerrar sesión
example-banner = Esta instancia muestra contenido de ejemplo: las membresías, fechas y contactos de las ciudades son inventados para mostrar cómo funciona la plataforma.
footer-about = Ateneu — la plataforma de las redes de ciudades para la cultura y el desarrollo sostenible.
footer-api = API JSON (OpenAPI)
footer-open-data = Datos abiertos
back-home = Volver a la página de inicio
back = Volver
shown-in = en { $language }
example = Ejemplo

## Errores
error-title-400 = No se puede procesar esta solicitud
error-title-401 = Inicie sesión
error-title-403 = No permitido
error-title-404 = Página no encontrada
error-title-409 = Conflicto
error-title-413 = Archivo demasiado grande
error-title-415 = Formato no admitido
error-title-422 = Algunos datos no son válidos
error-title-429 = Demasiados intentos
error-title-500 = Se ha producido un error
form-has-problems = Corrija lo siguiente:
required-field = obligatorio
line = Línea
column = Columna
problem = Problema
more-problems = …y { $count } problemas más.

## Problemas (claves de validación)
problem-required = Este campo es obligatorio.
problem-too-long = Demasiado largo: { $detail } caracteres como máximo.
problem-unknown-language = Idioma desconocido «{ $detail }» (utilice en, fr o es).
problem-unknown-country = Código de país desconocido «{ $detail }» (utilice ISO 3166-1 alfa-2, como ES).
problem-unknown-region = Región desconocida «{ $detail }».
problem-not-a-number = «{ $detail }» no es un número.
problem-out-of-range = Fuera del intervalo permitido ({ $detail }).
problem-invalid-url = «{ $detail }» no es una dirección web que empiece por http:// o https://.
problem-invalid-slug = «{ $detail }» no es un nombre corto válido (letras minúsculas, cifras y guiones).
problem-duplicate-in-file = Este nombre corto ya aparece en la línea { $detail }.
problem-csv-unreadable = No se puede leer el archivo como CSV: { $detail }
problem-missing-column = Falta esta columna.
problem-unknown-column = Esta columna no se reconoce.
problem-empty-file = El archivo no tiene filas.
problem-csv-unwritable = No se ha podido escribir el archivo CSV: { $detail }
problem-unknown-role = Función desconocida «{ $detail }».
problem-invalid-date = «{ $detail }» no es una fecha (utilice AAAA-MM-DD).
problem-unknown-network = Red desconocida «{ $detail }».
problem-ends-before-start = La fecha de fin es anterior a la fecha de inicio.
problem-leading-city-outside-programme = La función de Ciudad Líder pertenece al programa Ciudades Líderes.
problem-unknown-creative-field = Ámbito creativo desconocido «{ $detail }».
problem-not-for-this-network = Esto no se aplica a esta red.
problem-same-creative-field = La ciudad ya tiene este ámbito creativo.
problem-not-current-on-that-day = La membresía no está vigente en esa fecha.
problem-invalid-email = Esta dirección de correo electrónico no es válida.
problem-password-too-short = La contraseña debe tener al menos { $detail } caracteres.
problem-password-is-email = La contraseña no puede ser su dirección de correo electrónico.
problem-scope-does-not-fit-role = Este ámbito no corresponde a la función: una secretaría necesita una red y un editor necesita una ciudad.
problem-unknown-city = Ciudad desconocida «{ $detail }».
problem-email-taken = Ya existe una cuenta con esta dirección de correo electrónico.
problem-slug-taken = Este nombre corto ya está en uso.
problem-passwords-differ = Las dos contraseñas no coinciden.
problem-wrong-credentials = Dirección de correo electrónico o contraseña incorrecta.
problem-too-many-attempts = Demasiados intentos fallidos para esta cuenta: espere unos minutos y vuelva a intentarlo.
problem-link-invalid = Este enlace ya no es válido: ya se ha utilizado o ha caducado.
problem-csrf-failed = Este formulario ha caducado o no procede de este sitio. Vuelva a cargar la página e inténtelo de nuevo.
problem-not-found = No hay nada en esta dirección.
problem-forbidden = Su cuenta no tiene permiso para hacer esto.
problem-sign-in-required = Inicie sesión para continuar.
problem-internal = Se ha producido un error inesperado; ha quedado registrado. Vuelva a intentarlo más tarde.
problem-bad-request = La solicitud no es válida. { $detail }
problem-unsupported-media-type = Envíe el cuerpo en formato JSON (Content-Type: application/json).
problem-invalid-file = El archivo no se ha importado: no se ha escrito nada. Corrija las líneas siguientes y vuelva a enviarlo.
problem-not-a-file = Elija un archivo para subir. { $detail }

## Inicio
home-title = Redes de ciudades para la cultura y el desarrollo sostenible
home-lead = Ateneu es el espacio donde las ciudades autoevalúan sus políticas culturales, comparten buenas prácticas y aprenden unas de otras, en español, francés e inglés.
stat-cities = ciudades en el registro
stat-networks = redes
stat-regions = regiones
home-networks = Redes
current-members = { $count ->
    [one] Un miembro actual
   *[other] { $count } miembros actuales
}
chart-cities-by-region = Ciudades por región
chart-cities-by-region-desc = Una barra por región de CGLU, tan larga como su número de ciudades en el registro; las mismas cifras figuran en la tabla de abajo.
browse-registry = Explorar el registro

## Registro
cities-title = Ciudades
cities-lead = El registro de miembros: ciudades y gobiernos locales de las redes, con sus membresías.
cities-count = { $count ->
    [0] Ninguna ciudad coincide.
    [one] Una ciudad.
   *[other] { $count } ciudades.
}
filter-text = El nombre contiene
filter-network = Red
filter-region = Región
filter-country = País
filter-creative-field = Ámbito creativo
filter-any = Cualquiera
filter-apply = Filtrar
city = ciudad
city-name = Nombre
city-country = País
city-region = Región
city-networks = Membresías
city-population = Población
city-coordinates = Coordenadas
city-latitude = Latitud
city-longitude = Longitud
city-website = Sitio web
city-description = Descripción breve
city-languages = Nombre disponible en
city-source-lang = Idioma en que se redactaron los textos de la ciudad
city-new = Añadir una ciudad
city-edit = Editar esta ciudad
city-edit-title = Editar { $name }
in-english = Inglés
in-french = Francés
in-spanish = Español
choose = Elegir…
hint-population = Habitantes, opcional.
hint-latitude = Grados decimales, de -90 a 90 (opcional).
hint-longitude = Grados decimales, de -180 a 180 (opcional).
hint-website = La dirección del sitio web de la ciudad, que empiece por https://
save = Guardar
add = Añadir
remove = Quitar
none = Ninguno
actions = Acciones
pagination = Páginas
previous = Anterior
next = Siguiente

## Membresías
memberships-title = Membresías
memberships-none = No hay ninguna membresía registrada.
membership-network = Red
membership-role = Función
membership-started = Desde
membership-ended = Hasta
membership-designation = Año de designación
membership-past = anterior
membership-add = Añadir una membresía
membership-end = Finalizar
membership-change-field = Cambiar de ámbito
membership-change-on = A partir del
hint-designation = Para las Ciudades Creativas: el año en que la ciudad fue designada.
role-member = Miembro
role-leading-city = Ciudad Líder

## Personas de contacto
focal-points-title = Personas de contacto
focal-points-none = No hay ninguna persona de contacto registrada.
focal-point-add = Añadir una persona de contacto
contacts-not-public = Los datos de contacto solo son visibles para los editores de la ciudad y la secretaría de la red.
person-name = Nombre
person-position = Cargo
phone = Teléfono
hint-contact-private = Nunca se muestra al público.

## Archivos
import-title = Importar el registro
import-lead = Suba un archivo CSV de ciudades o de membresías. Primero se comprueba cada línea: si alguna es incorrecta, no se escribe nada y cada problema se indica con su línea.
import-kind = Contenido del archivo
import-kind-cities = Ciudades
import-kind-memberships = Membresías
import-file = Archivo CSV (UTF-8)
import-columns = Columnas:
import-submit = Comprobar e importar
import-done = { $rows } filas importadas: { $created } añadidas, { $updated } actualizadas, { $unchanged } sin cambios.
export-title = Datos abiertos
export-lead = Los datos públicos del registro, de descarga gratuita. Los datos de contacto nunca se incluyen.
export-cities = Ciudades (CSV)
export-memberships = Membresías (CSV)
export-reference = Datos de referencia: redes, regiones, ámbitos creativos, ODS (JSON)

## Cuentas
email = Dirección de correo electrónico
password = Contraseña
password-new = Nueva contraseña
password-confirm = Repita la nueva contraseña
hint-password = Al menos 10 caracteres.
forgot-password = ¿Ha olvidado su contraseña?
password-reset = Restablecer su contraseña
password-reset-send = Enviarme un enlace
password-reset-sent = Si existe una cuenta con esta dirección, recibirá un correo electrónico con un enlace para establecer una nueva contraseña.
password-set = Elegir una contraseña
password-change = Cambiar su contraseña
setup-title = Crear la cuenta de administrador
setup-lead = Esta plataforma aún no tiene administrador. La cuenta que cree aquí podrá gestionar todas las redes, cuentas y parámetros.
setup-submit = Crear el administrador
display-name = Nombre visible para los demás
account-title = Su cuenta
roles = Funciones
profile = Perfil
locale-setting = Idioma de la interfaz
locale-automatic = Según mi navegador
sessions = Sesiones
sign-out-everywhere = Cerrar sesión en todas partes
sign-out-everywhere-lead = Cierra todas las sesiones de su cuenta, en todos los dispositivos, incluido este.
api-tokens = Tokens personales de API
api-tokens-lead = Los scripts utilizan estos tokens como «Authorization: Bearer …» con la API JSON. Actúan con sus funciones.
api-token-name = Nombre del nuevo token
api-token-create = Crear un token
api-token-created = Su nuevo token (cópielo ahora: no se volverá a mostrar):
revoke = Revocar
mail-invitation-subject = Invitación a Ateneu
mail-invitation-body = Hola:

    Se ha creado una cuenta para usted en Ateneu. Elija su contraseña con este enlace (válido durante { $days } días):

    { $link }

    Si no esperaba este correo electrónico, puede ignorarlo.
mail-reset-subject = Restablezca su contraseña de Ateneu
mail-reset-body = Hola:

    Alguien ha solicitado restablecer la contraseña de su cuenta de Ateneu. Elija una nueva con este enlace (válido durante { $days } día):

    { $link }

    Si no ha sido usted, ignore este correo electrónico: su contraseña no cambiará.

## Funciones
role = Función
role-network = Red (para una secretaría, un experto o un revisor)
role-city = Ciudad (para un editor)
hint-role-city = El nombre corto de la ciudad, como en su dirección (por ejemplo: lyon).
role-platform-admin = Administrador de la plataforma
role-secretariat = Secretaría
role-editor = Editor de la ciudad
role-expert = Experto
role-reviewer = Revisor / traductor
role-add = Añadir una función

## Administración
admin-title = Administración
users-title = Cuentas
invite-title = Invitar a una persona
invite-submit = Enviar la invitación
invitation-sent = Invitación enviada. El enlace (también en la bandeja de salida):
disable = Desactivar
enable = Activar
disabled = desactivada
audit-title = Registro de auditoría
audit-when = Cuándo
audit-who = Quién
audit-what = Qué
audit-changes = Cambios
outbox-title = Bandeja de salida
outbox-lead = Si no hay ningún servidor de correo configurado, los correos electrónicos se escriben aquí (y en la carpeta outbox del directorio de datos).
outbox-empty = Todavía no se ha escrito ningún correo electrónico.
outbox-lead-smtp = Cada correo electrónico enviado por el servidor de correo también se conserva aquí (y en la carpeta outbox del directorio de datos), indicando si el servidor lo aceptó.
delivery-outbox = conservado en la bandeja de salida (sin servidor de correo)
delivery-sending = enviándose
delivery-sent = enviado
delivery-failed = no enviado
mail-to = Para:

## Culture 21 Lab: marcos
nav-assessments = Culture 21 Lab
nav-frameworks = Marcos
frameworks-title = Marcos de autoevaluación
frameworks-lead = Marcos de autoevaluación como datos versionados: dominios, campos, acciones, módulos y una escala de puntuación.
frameworks-import = Importar un marco
frameworks-import-lead = Suba un archivo de marco (TOML). Primero se comprueba el archivo entero; cada problema se lista con su línea, y nada se guarda si el archivo no es válido.
framework = Marco
framework-version = Versión
framework-status = Estado
framework-frozen = Congelada (la usa una evaluación)
framework-editable = Aún puede reemplazarse
framework-size = { $domains } dominios, { $fields } campos, { $actions } acciones
framework-export = Descargar el archivo (TOML)
framework-compare-with = Comparar con
framework-compare = Comparar
framework-scale = Escala de puntuación
framework-scale-range = Puntuaciones de { $min } a { $max }
framework-scale-na = Se admite «no aplica / no sabe»
framework-modules = Módulos
framework-module = Módulo
framework-module-items = { $count } elementos, puntuados por { $level }
framework-content = Dominios, campos y acciones
framework-file = Archivo del marco (.toml)
framework-open = Abrirlo
framework-imported-created = Se importó { $framework }.
framework-imported-replaced = { $framework } se reemplazó por el nuevo archivo.
framework-imported-unchanged = { $framework } ya está al día: nada cambió.
level-field = campo
level-action = acción
sdgs = ODS:
benchmarks = Conjuntos de referencia
benchmarks-none = Aún no hay conjuntos de referencia.
benchmark-add = Introducir un conjunto de referencia
benchmark-key = Clave (letras, cifras, - o _)
benchmark-name = Nombre
benchmark-compute = Calcular a partir de las evaluaciones publicadas de la red
benchmark-compute-hint = El promedio, campo por campo, de las evaluaciones cerradas con resultados públicos realizadas con esta versión por los miembros actuales de la red (el valor que traza cada radar: la puntuación de consenso o, si no la hay, la media de los participantes). Las evaluaciones confidenciales o reservadas a la red nunca cuentan. Calcular de nuevo reemplaza el conjunto.
benchmark-compute-key-hint = Déjelo vacío para published-RED.
benchmark-compute-submit = Calcular
benchmark-computed-name = Promedio de las evaluaciones publicadas, { $network } (n = { $count })
field = Campo
domain = Dominio
value = Valor
key = Clave
kind = Tipo
item = Elemento
item-kind-domain = dominio
item-kind-field = campo
item-kind-action = acción
item-kind-module_item = elemento del módulo
diff-title = Diferencias entre dos versiones
diff-none = Las dos versiones son idénticas.
diff-scale-changed = La escala de puntuación cambió.
diff-added = Añadidos
diff-removed = Eliminados
diff-reworded = Reformulados
diff-before = Antes
diff-after = Después
diff-modules = Módulos
diff-module-counts = { $added } elementos añadidos, { $removed } eliminados

## Culture 21 Lab: evaluaciones
assessments-title = Culture 21 Lab
assessments-lead = Autoevaluaciones participativas de las políticas culturales de una ciudad, con un panel en directo, un radar y un informe escrito.
assessments-none = No hay evaluaciones que mostrar.
assessment = Evaluación
assessment-new = Nueva evaluación
assessment-new-lead = Elija la ciudad, la versión y el módulo del marco, las fechas y quién puede ver los resultados.
assessment-city = Ciudad
assessment-city-hint = El identificador de la ciudad en el registro (como en la dirección de su página).
assessment-title = Título
assessment-languages = Idiomas del taller
assessment-actions = Lo que puede hacer
assessment-responses = { $count } respuestas enviadas, { $drafts } en curso.
starts-on = Empieza el
ends-on = Termina el
dates = Fechas
visibility = Visibilidad de los resultados
visibility-public = Pública
visibility-network = Solo la red
visibility-confidential = Confidencial
status = Estado
status-open = Abierta
status-closed = Cerrada
facilitators = Facilitadores
facilitators-hint = Direcciones de correo de sus cuentas, separadas por comas.
create = Crear
dashboard = Panel en directo
dashboard-title = Panel: { $title }
dashboard-live = Se actualiza a medida que llegan las respuestas.
dashboard-submitted = respuestas enviadas
dashboard-drafts = en curso
dashboard-invitations = invitaciones
dashboard-disagreements = Donde más discrepan los participantes
dashboard-sectors = Respuestas por sector
dashboard-items = Todos los elementos
count = Número
mean = Media
median = Mediana
spread = Dispersión
responses = Respuestas
sector = Sector
sector-local_government = Gobierno local
sector-civil_society = Sociedad civil
sector-private_sector = Sector privado
sector-academia = Academia
sector-other = Otro
not-applicable = No aplica / no sabe
invitations = Invitaciones
invitations-count = { $count } invitaciones hasta ahora.
invitations-how-many = Cuántos enlaces imprimir
invitations-emails = O enviarlos por correo
invitations-emails-hint = Una dirección por línea: cada persona recibe su propio enlace.
invitations-make = Crear las invitaciones
invitations-made = Estos son los nuevos enlaces. Cada enlace es para una sola persona; imprima esta página para la sala.
invitation-mail-subject = Culture 21 Lab en { $city }: su invitación
invitation-mail-body = Le invitamos a participar en la autoevaluación «{ $title }».
    Abra su enlace personal (no lo comparta) para dar sus puntuaciones:
    { $link }
participate-title = Culture 21 Lab — { $city }
participate-lead = Puntúe cada elemento de { $min } (más débil) a { $max } (más fuerte), o márquelo como no aplicable. Puede guardar y volver con el mismo enlace antes de enviar.
participate-about-you = Sobre usted
participate-name = Su nombre (opcional)
participate-consent = Acepto que mi nombre aparezca en la lista de participantes del informe.
participate-comment = Añadir un comentario
participate-save = Guardar y volver más tarde
participate-submit = Enviar mis puntuaciones
participate-saved = Guardado. Puede volver con el mismo enlace.
participate-done = Gracias: sus puntuaciones se enviaron.
consensus = Puntuaciones de consenso
consensus-lead = Tras el debate, anote para cada campo la puntuación acordada en la sala, con una breve justificación.
consensus-score = Puntuación acordada
consensus-justification = Justificación
key-ideas = Ideas clave
close-assessment = Cerrar la evaluación
close-hint = El cierre es definitivo: los participantes ya no pueden responder y el informe queda archivado. Solo la secretaría puede reabrirla.
reopen-assessment = Reabrir la evaluación
export-responses = Respuestas anonimizadas (CSV)
report = Informe
report-pdf = Informe (PDF)
history = Evaluaciones a lo largo del tiempo
history-title = Evaluaciones de { $city }
history-none = No hay evaluaciones que pueda ver.
compare-title = Dos evaluaciones lado a lado
strengths = Fortalezas
weaknesses = Debilidades
radar-this = Esta evaluación
radar-previous = Anterior: { $name }
radar-title = Radar de { $city }
radar-description = Puntuaciones por campo de { $framework } ({ $count } respuestas): la puntuación acordada cuando existe; si no, la media de los participantes.
report-title = Culture 21 Lab — { $city }: { $title }
report-context = Contexto
report-context-text = { $city } evaluó sus políticas culturales con { $framework }, módulo «{ $module }», del { $start } al { $end }. { $count } participantes enviaron sus puntuaciones.
report-participants = Participantes por sector
report-named = Participantes que aceptaron ser nombrados:
report-radar = Radar
report-fields = Resultados por campo
report-domains = Resultados por dominio
report-consensus = Puntuaciones acordadas y su justificación
report-no-key-ideas = Los facilitadores aún no han redactado las ideas clave.
report-annex = Anexo: comentarios de los participantes
report-vs-own-mean = respecto a la media de la ciudad
report-vs-benchmark = respecto a la referencia
problem-syntax = El archivo no es TOML válido: { $detail }
problem-duplicate-key = La clave «{ $detail }» se usa dos veces.
problem-missing-translation = Falta un idioma obligatorio: { $detail }.
problem-empty-text = El texto en «{ $detail }» está vacío.
problem-invalid-key = «{ $detail }» no es una clave válida (de 1 a 64 letras, cifras, «.», «_» o «-»).
problem-unknown-sdg = No existe el ODS { $detail } (van del 1 al 17).
problem-scale-out-of-range = La escala { $detail } no es válida: debe ir de un entero menor a uno mayor entre 0 y 100, en 20 pasos como máximo.
problem-value-out-of-scale = Este valor está fuera de la escala ({ $detail }).
problem-stages-overlap = La etapa «{ $detail }» se solapa con otra.
problem-unknown-level = Nivel de puntuación desconocido «{ $detail }» (field o action).
problem-unknown-item = «{ $detail }» no es un elemento de este marco o módulo.
problem-item-below-level = «{ $detail }» es una acción: un módulo puntuado por campo no puede puntuarla.
problem-unknown-parent = «{ $detail }» no puede contener este elemento propio del módulo.
problem-empty-module = El módulo «{ $detail }» no selecciona ningún elemento.
problem-no-domains = Un marco necesita al menos un dominio con un campo.
problem-version-frozen = Esta versión la usa una evaluación y ya no puede cambiar: importe la revisión como nueva versión.
problem-score-out-of-range = La puntuación debe estar entre { $detail }.
problem-not-applicable-not-allowed = Esta escala no admite «no aplica».
problem-unknown-sector = Sector desconocido «{ $detail }».
problem-unknown-visibility = Visibilidad desconocida «{ $detail }» (public, network o confidential).
problem-unknown-status = Estado desconocido «{ $detail }».
problem-unknown-rating-level = Nivel de puntuación desconocido «{ $detail }».
problem-invitation-used = Esta invitación ya se usó: sus puntuaciones se enviaron.
problem-assessment-closed = Esta evaluación está cerrada: ya no admite respuestas ni cambios.
problem-assessment-open = Esta evaluación ya está abierta.
problem-unknown-module = El marco no tiene el módulo «{ $detail }».
problem-unknown-framework = Versión de marco desconocida «{ $detail }» (indique su identificador o CLAVE@VERSIÓN).
problem-unknown-account = Ninguna cuenta tiene la dirección «{ $detail }».
problem-no-published-assessments = Ninguna evaluación cumple las condiciones: ninguna está cerrada, con resultados públicos, realizada con esta versión del marco por un miembro actual de esta red.
outputs-title = Informes y productos

## Good practices: problems
problem-unknown-key = Clave desconocida «{ $detail }».
problem-not-an-object = Se esperaba un objeto ({ "{" }…{ "}" }).
problem-invalid-json = JSON no válido: { $detail }
problem-expected-text = Se esperaba un texto.
problem-expected-list = Se esperaba una lista ([…]).
problem-source-lang-without-text = El idioma de origen no tiene texto en esta práctica.
problem-unknown-field = Campo de marco desconocido «{ $detail }» (use clave-del-marco:clave-del-campo de un marco importado).
problem-unknown-keyword = «{ $detail }» no está en el tesauro de palabras clave.
problem-too-many-words = Demasiado largo: { $detail } palabras como máximo.
problem-one-line = Escriba esto en una sola línea.
problem-step-not-allowed = Este paso no es posible ahora ({ $detail }).
problem-practice-incomplete = La práctica aún no está completa: vea la lista de control.
problem-comment-required = Explique el motivo en un comentario.
problem-stage-changed = Otra persona cambió la etapa de esta práctica mientras tanto; recargue la página.
problem-practice-not-published = Solo una práctica publicada puede destacarse o programarse.
problem-invalid-page = Número de página no válido: «{ $detail }».
problem-unknown-value = Valor desconocido «{ $detail }».
problem-invalid-keyword = Palabra clave no válida «{ $detail }».
practices-feed-title = Ateneu: buenas prácticas publicadas recientemente
