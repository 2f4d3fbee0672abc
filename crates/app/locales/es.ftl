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
error-title-503 = No disponible por el momento
form-has-problems = Corrija lo siguiente:
required-field = obligatorio
line = Línea
column = Columna
problem = Problema
more-problems = …y { $count ->
    [one] un problema más.
   *[other] { $count } problemas más.
}
## Problemas (claves de validación)
problem-required = Este campo es obligatorio.
problem-too-long = Demasiado largo: { $detail } caracteres como máximo.
problem-unknown-language = Idioma desconocido «{ $detail }» (utilice en, fr o es).
problem-invalid-queue-place = «{ $detail }» no es una posición de la cola de traducción (use el valor «next» de una página anterior).
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
problem-ambiguous-city = Varias ciudades tienen este nombre: { $detail }. Añada el país entre paréntesis, como en la lista.
problem-unknown-city = Ninguna ciudad se llama «{ $detail }»: escriba su nombre en cualquier idioma (elíjala en la lista) o añádala antes al registro.
problem-email-taken = Ya existe una cuenta con esta dirección de correo electrónico.
problem-slug-taken = Este nombre corto ya está en uso.
problem-passwords-differ = Las dos contraseñas no coinciden.
problem-wrong-credentials = Dirección de correo electrónico o contraseña incorrecta.
problem-too-many-attempts = Demasiados intentos fallidos para esta cuenta: espere unos minutos y vuelva a intentarlo, o pida un enlace para restablecer la contraseña, que le permite entrar enseguida.
problem-link-invalid = Este enlace ya no es válido: ya se ha utilizado o ha caducado.
problem-csrf-failed = Este formulario ha caducado o no procede de este sitio. Vuelva a cargar la página e inténtelo de nuevo.
problem-not-found = No hay nada en esta dirección.
problem-forbidden = Su cuenta no tiene permiso para hacer esto.
problem-sign-in-required = Inicie sesión para continuar.
problem-internal = Se ha producido un error inesperado; ha quedado registrado. Vuelva a intentarlo más tarde.
problem-unavailable = La plataforma no puede acceder a su base de datos en este momento. Vuelva a intentarlo dentro de un minuto; si estaba guardando algo, compruebe si se guardó antes de enviarlo de nuevo.
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
sign-out-everywhere-lead = Cierra todas las sesiones de su cuenta, en todos los dispositivos, incluido este, y revoca todos los tokens de API de abajo.
api-tokens = Tokens personales de API
api-tokens-lead = Los scripts usan estos tokens como «Authorization: Bearer …» con la API JSON. Un token de solo lectura solo lee; uno completo actúa con sus roles. Cada uno caduca; restablecer la contraseña o cerrar sesión en todas partes los revoca todos.
api-token-name = Nombre del nuevo token
api-token-create = Crear un token
api-token-scope = Qué puede hacer el token
api-token-days = Días hasta que caduque (1–365)
token-scope-read = solo lectura
token-scope-write = lectura y escritura, con sus roles
token-expires = caduca el { $date }
problem-token-needs-session = Un token se crea desde una sesión iniciada, no con otro token.
problem-token-read-only = Este token solo puede leer: una petición que modifica algo necesita un token creado para escribir.
not-found-sign-in = Algunas páginas solo se muestran a quienes inician sesión con el rol adecuado. Si le dieron esta dirección, iniciar sesión podría mostrarla.
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
hint-role-city = Escriba el nombre de la ciudad y elíjala en la lista.
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
framework-size = { $domains ->
    [one] 1 dominio
   *[other] { $domains } dominios
}, { $fields ->
    [one] 1 campo
   *[other] { $fields } campos
}, { $actions ->
    [one] 1 acción
   *[other] { $actions } acciones
}
framework-export = Descargar el archivo (TOML)
framework-compare-with = Comparar con
framework-compare = Comparar
framework-scale = Escala de puntuación
framework-scale-range = Puntuaciones de { $min } a { $max }
framework-scale-na = Se admite «no aplica / no sabe»
framework-modules = Módulos
framework-module = Módulo
framework-module-items = { $count ->
    [one] 1 elemento
   *[other] { $count } elementos
}, puntuados por { $level }
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
diff-module-counts = { $added ->
    [one] 1 elemento añadido
   *[other] { $added } elementos añadidos
}, { $removed ->
    [one] 1 eliminado
   *[other] { $removed } eliminados
}
## Culture 21 Lab: evaluaciones
assessments-title = Culture 21 Lab
assessments-lead = Autoevaluaciones participativas de las políticas culturales de una ciudad, con un panel en directo, un radar y un informe escrito.
assessments-none = No hay evaluaciones que mostrar.
assessment = Evaluación
assessment-new = Nueva evaluación
assessment-new-lead = Elija la ciudad, la versión y el módulo del marco, las fechas y quién puede ver los resultados.
assessment-city = Ciudad
assessment-city-hint = Escriba el nombre de la ciudad en cualquier idioma y elíjala en la lista.
assessment-title = Título
assessment-languages = Idiomas del taller
assessment-actions = Lo que puede hacer
assessment-responses = { $count ->
    [0] Ninguna respuesta enviada aún
    [one] 1 respuesta enviada
   *[other] { $count } respuestas enviadas
}, { $drafts ->
    [0] ninguna en curso.
    [one] 1 en curso.
   *[other] { $drafts } en curso.
}
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
dashboard-disagreement = dispersión { $spread } en { $count ->
    [one] una respuesta
   *[other] { $count } respuestas
}
spread = Dispersión
responses = Respuestas
sector = Sector
sector-local_government = Gobierno local
sector-civil_society = Sociedad civil
sector-private_sector = Sector privado
sector-academia = Academia
sector-other = Otro
not-applicable = No aplica / no sabe
lang-en = inglés
lang-fr = francés
lang-es = español
language = Idioma
invitations-language = Idioma de los enlaces y correos
invitations-made-before = Invitaciones hechas
invitation-not-opened = aún no abierta
invitation-draft = borrador guardado
invitation-submitted = enviada
invitation-revoked = revocada
invitation-reprint = Volver a imprimir
invitation-resend = Volver a enviar
invitation-revoke = Revocar
problem-invitation-not-reprintable = Esta invitación se hizo antes de que los enlaces pudieran volver a imprimirse: haga una nueva.
invitations = Invitaciones
invitations-count = { $count ->
    [0] Ninguna invitación aún.
    [one] 1 invitación hasta ahora.
   *[other] { $count } invitaciones hasta ahora.
}
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
close-counts = { $responses ->
    [0] Nadie ha enviado aún sus respuestas
    [one] Una persona ha enviado sus respuestas
   *[other] { $responses } personas han enviado sus respuestas
}; { $drafts ->
    [0] no queda ningún borrador.
    [one] una tiene un borrador aún sin enviar.
   *[other] { $drafts } tienen borradores aún sin enviar.
}
close-drafts = { $drafts ->
    [one] El borrador sin enviar nunca contará: una vez cerrada, ya no podrá enviarse. Pida a esa persona que lo envíe antes si sus respuestas deben contar.
   *[other] Los { $drafts } borradores sin enviar nunca contarán: una vez cerrada, ya no podrán enviarse. Pida a esas personas que los envíen antes si sus respuestas deben contar.
}
close-confirm = Cerrarla ahora
cancel = Cancelar
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
radar-no-data = Aún no hay puntuaciones
radar-this = Esta evaluación
radar-previous = Anterior: { $name }
radar-title = Radar de { $city }
radar-description = Puntuaciones por campo de { $framework } ({ $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}): la puntuación acordada cuando existe; si no, la media de los participantes.
report-title = Culture 21 Lab — { $city }: { $title }
report-context = Contexto
report-context-text = { $city } evaluó sus políticas culturales con { $framework }, módulo «{ $module }», del { $start } al { $end }. { $count ->
    [0] Nadie ha enviado puntuaciones aún.
    [one] Una persona envió sus puntuaciones.
   *[other] { $count } participantes enviaron sus puntuaciones.
}
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
problem-file-too-large = El archivo supera { $detail }: no se ha guardado. Redúzcalo (menor resolución, PDF comprimido) y envíelo de nuevo.
problem-unsupported-file = Este tipo de archivo no se puede subir: envíe una imagen (PNG, JPEG, WebP, GIF) o un documento (PDF, ODT, DOCX). Cuenta el contenido del archivo, no su nombre.
outputs-title = Informes y productos

## Good practices: problems
problem-unknown-key = Clave desconocida «{ $detail }».
problem-not-an-object = Se esperaba un objeto ({ "{" }…{ "}" }).
problem-invalid-json = JSON no válido: { $detail }
problem-not-text = No es texto UTF-8: guarde el archivo en UTF-8 e impórtelo de nuevo.
problem-file-changed = El archivo cambió mientras se importaba, así que no se escribió nada: impórtelo de nuevo cuando esté completo.
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
problem-invalid-facet-limit = El número de valores por faceta debe ser un número entero de 1 a 1000: «{ $detail }».
problem-invalid-page = Número de página no válido: «{ $detail }».
problem-unknown-media = Esta práctica no tiene ninguna imagen ni archivo en «{ $detail }».
problem-unknown-value = Valor desconocido «{ $detail }».
problem-invalid-keyword = Palabra clave no válida «{ $detail }».
practices-feed-title = Ateneu: buenas prácticas publicadas recientemente

## Good practices: pages
nav-practices = Buenas prácticas
practices-title = Buenas prácticas
practices-lead = Lo que las ciudades han hecho por la cultura en el desarrollo sostenible, documentado por ellas y revisado.
practices-search-partial = La búsqueda aún está leyendo todas las prácticas desde el arranque de la plataforma: estos resultados pueden estar incompletos. Vuelva a buscar en un momento.
practices-search = Buscar
practices-filters = Filtros
practices-search-text = Palabras buscadas
practices-sort = Orden
practices-sort-relevance = Las más pertinentes primero
practices-sort-newest = Las más recientes primero
practices-facets-more = Mostrar más valores de cada filtro
practices-clear = Quitar los filtros
practices-count = { $count ->
    [0] Ninguna práctica
    [one] Una práctica
   *[other] { $count } prácticas
}
practices-none = Ninguna práctica corresponde a esta búsqueda.
practices-feed = Canal Atom de las nuevas prácticas
practices-export-csv = Datos abiertos (CSV)
practices-export-json = Datos abiertos (JSON)
search-matched-tags = Encontrada por sus etiquetas:
practices-codebook = Libro de códigos
practices-work = Mi trabajo sobre las prácticas
practice-new = Documentar una práctica
facet-sdg = Objetivos de Desarrollo Sostenible
facet-field = Ámbitos de los marcos
facet-keyword = Palabras clave
facet-region = Regiones
facet-country = Países
facet-city = Ciudades
facet-creative_field = Ámbitos creativos
facet-year = Años
facet-language = Idiomas
facet-status = Estado
practice-status-in_progress = En curso
practice-status-completed = Terminada
practice-languages = Disponible en:
practice-cities = Ciudades
practice-status = Estado
practice-start-date = Fecha de inicio
practice-end-date = Fecha de fin
practice-published-at = Publicada el
practice-field-title = Título
practice-field-summary = Resumen
practice-field-context = Contexto
practice-field-objectives = Objetivos
practice-field-implementation = Implementación
practice-field-results = Resultados
practice-field-lessons = Lecciones aprendidas
practice-field-budget = Presupuesto y financiación
practice-partners = Socios
partner-kind-public = público
partner-kind-private = privado
partner-kind-civil_society = sociedad civil
partner-name = Nombre del socio
partner-kind = Tipo
practice-contact = Contacto
practice-contact-private = No público: solo lo ven quienes trabajan en la práctica.
practice-contact-public = Mostrar este contacto públicamente
practice-media = Enlaces, imágenes y documentos
media-kind = Tipo
media-kind-link = Enlace
media-kind-image = Imagen
media-kind-document = Documento
media-url = Dirección (https://…)
media-description = Descripción
media-alt = la descripción dice lo que muestra la imagen
media-upload-title = Subir una imagen o un documento
media-upload-hint = Imágenes (PNG, JPEG, WebP o GIF) y documentos (PDF, ODT o DOCX), hasta { $max } cada uno.
media-upload-alt = Obligatorio para una imagen: diga lo que muestra, para quienes no pueden verla.
media-file = Archivo
media-upload = Subir
media-upload-failed = El archivo no se ha subido.
media-back-to-form = Volver al formulario
media-uploaded-file = Archivo subido
media-remove = Quitar este archivo
file-size-kb = { $size } KB
file-size-mb = { $size } MB
practice-tags = Etiquetas
practice-sdgs = Objetivos de Desarrollo Sostenible
practice-fields = Ámbitos de los marcos
practice-keywords = Palabras clave
practice-creative-field = Ámbito creativo
checklist-heading = Lista de control
checklist-done = hecho
checklist-missing = falta
checklist-optional = opcional
checklist-city = Una ciudad
checklist-title = Título
checklist-summary = Resumen
checklist-context = Contexto
checklist-objectives = Objetivos
checklist-implementation = Implementación
checklist-results = Resultados
checklist-lessons = Lecciones aprendidas
checklist-budget = Presupuesto
checklist-dates = Fechas (inicio; fin una vez terminada)
checklist-tags = Un ODS o un ámbito de un marco
checklist-keywords = Palabras clave
checklist-partners = Socios
checklist-contact = Un contacto
checklist-media = Enlaces o imágenes
checklist-translations = Los tres idiomas
practice-work = Revisión
practice-stage = Etapa
practice-edit = Editar o traducir
practice-step-comment = Comentario (obligatorio para pedir cambios)
stage-draft = Borrador
stage-submitted = Enviada
stage-in_review = En revisión
stage-changes_requested = Cambios solicitados
stage-approved = Aprobada
stage-published = Publicada
stage-archived = Archivada
step-submit = Enviar a revisión
step-withdraw = Retirar
step-start_review = Empezar la revisión
step-request_changes = Pedir cambios
step-approve = Aprobar
step-publish = Publicar
step-archive = Archivar
step-restore = Restablecer
comments-title = Consejos y notas de revisión
comments-none = Ningún comentario por ahora.
comment-kind = Tipo
comment-kind-advice = Consejo
comment-kind-review = Nota de revisión
comment-body = Comentario
comment-add = Añadir el comentario
promotion-title = Promoción
promotion-featured = Destacada en la página de inicio
promotion-newsletter = Fecha del boletín
practice-edit-title = Editar «{ $title }»
practice-preview = Vista previa
practice-save-draft = Guardar el borrador
practice-save-next = Guardar y continuar
practice-saved = Borrador guardado.
practice-translating = Traducción al { $language } desde { $source }: solo los textos.
practice-steps = Pasos del formulario
practice-source-text = Texto fuente ({ $language }):
edit-step-basics = Lo esencial
edit-step-description = Descripción
edit-step-results = Resultados
edit-step-partners = Socios y contacto
edit-step-tags = Etiquetas
edit-step-review = Revisar y enviar
edit-step-complete = completa
edit-step-incomplete = por completar
word-count = { $count } de { $max } palabras como máximo
char-count = { $count } de { $max } caracteres como máximo
practice-city = Ciudad
practice-city-slug = U otra ciudad
practice-city-slug-hint = Escriba su nombre y elíjala en la lista.
practice-source-lang = Idioma de redacción
practice-start = Empezar
city-practices = Buenas prácticas
city-practices-none = Ninguna práctica publicada por ahora.
home-featured = Buenas prácticas destacadas
work-title = Mi trabajo sobre las prácticas
work-none = Nada en esta etapa.
work-queue = Cola de traducción
work-queue-lang = Idioma
work-show = Mostrar
work-missing = faltan
work-draft = borradores
work-outdated = desactualizados
work-queue-none = Ninguna traducción pendiente en este idioma.
work-queue-more = Siguientes prácticas de la cola
practices-import-title = Importar prácticas
practices-import-lead = Un archivo JSON Lines, una práctica por línea: cada línea se comprueba primero y no se escribe nada si el archivo no es válido entero.
practices-import-stage = Las nuevas prácticas entran como
practices-import-done = Importado: { $created } creadas, { $updated } actualizadas, { $unchanged } sin cambios.
practices-import-cities = Ciudades añadidas al registro:
keywords-title = Tesauro de palabras clave
keywords-key = Clave
keywords-edit = Añadir o cambiar una palabra clave
keywords-saved = Palabra clave guardada.
keywords-lead = Las palabras clave con las que se etiquetan las prácticas, cada una con su nombre en inglés, francés y español.
keywords-key-hint = Letras minúsculas, cifras, «-» o «_». Una clave existente conserva sus prácticas y toma los nuevos nombres.
keywords-name-en = Nombre en inglés
keywords-name-fr = Nombre en francés
keywords-name-es = Nombre en español
keywords-save = Guardar la palabra clave
keywords-change = Modificar
keywords-manage = Tesauro de palabras clave
problem-invalid-keyword-key = «{ $detail }» no es una clave de palabra clave válida (letras minúsculas, cifras, «-» o «_», 80 como máximo).
practice-cities-hint = Sus nombres, separados por punto y coma; añada el país entre paréntesis cuando dos ciudades se llamen igual: Córdoba (AR); Lyon (FR)

## Notifications
notifications-title = Notificaciones
notifications-none = No hay nada pendiente para usted.
notifications-read = Marcar todo como leído
notifications-link = { $count ->
    [0] Notificaciones
   *[other] Notificaciones ({ $count })
}
notifications-email = Correos
notifications-email-lead = Enviarme también un correo cuando:
notice-practice-submitted = Una práctica espera su revisión: «{ $title }».
notice-practice-sent-back = Un revisor devolvió «{ $title }»: le toca modificarla y volver a enviarla.
notice-practice-approved = «{ $title }» está aprobada y espera su publicación.
notice-practice-published = «{ $title }» está publicada.
notice-translation-needed = «{ $title }» está publicada y espera una traducción.
notice-assessment-to-facilitate = Usted facilita el taller «{ $title }».
notice-mail-body = Para abrirlo: { $link }
    (Sus notificaciones, y cuáles recibe por correo: la página Notificaciones de su cuenta.)
notice-kind-practice-submitted = una práctica espera mi revisión
notice-kind-practice-sent-back = una práctica de mi ciudad nos es devuelta
notice-kind-practice-approved = una práctica espera su publicación
notice-kind-practice-published = una práctica de mi ciudad se publica
notice-kind-translation-needed = una práctica espera una traducción
notice-kind-assessment-to-facilitate = facilito un taller
notice-availability-requested = La secretaría pide a { $city } la disponibilidad de sus responsables políticos para «{ $title }».
notice-availability-answered = { $city } respondió a la solicitud de disponibilidad para «{ $title }».
notice-inquiry-sent = { $city } envió una consulta a la secretaría: «{ $title }».
notice-inquiry-answered = La secretaría respondió a la consulta de { $city }: «{ $title }».
notice-mail-availability-requested = Responda antes del { $deadline }: { $link }
notice-kind-availability-requested = se pide a mi ciudad su disponibilidad para un evento
notice-kind-availability-answered = una ciudad responde a una solicitud de disponibilidad
notice-kind-inquiry-sent = una Ciudad Líder envía una consulta a la secretaría
notice-kind-inquiry-answered = la secretaría responde a una consulta de mi ciudad
practice-reviewed-by = { $count ->
    [one] Revisada por: { $names }.
   *[other] Revisada por una de estas personas: { $names }.
}
notifications-new = nuevo
practice-reviewers-unnamed = { $count ->
    [one] una persona de la secretaría o del equipo de revisión
   *[other] { $count } personas de la secretaría o del equipo de revisión
}

## El programa de Ciudades Líderes
nav-programmes = Ciudades Líderes
catalogue-title = El catálogo de actividades de las Ciudades Líderes
catalogue-intro = El conjunto estándar de actividades de los términos de referencia, en tres ámbitos. El programa de cada Ciudad Líder se diseña a medida a partir de él, en consulta con la secretaría de la Comisión, y puede incluir también actividades propias.
catalogue-duration = Duración habitual
catalogue-experts = Quién participa
catalogue-outputs = Resultados esperados
catalogue-chosen = público o confidencial, a elección
catalogue-change = Modificar esta actividad
catalogue-change-title = Modificar { $name }
catalogue-change-lead = Los textos que cada programa muestra para esta actividad, en los tres idiomas, y los productos que debe dar con su visibilidad por defecto. Su número y su área siguen siendo los de los términos de referencia; las actividades ya previstas conservan sus títulos y fechas.
catalogue-name = Nombre
catalogue-description = Descripción
catalogue-outputs-hint = Elija «ninguno» y vacíe los nombres para quitar un producto; rellene una fila vacía para añadir uno.
catalogue-output-n = Producto { $n }
catalogue-output-none = Ninguno
catalogue-output-kind = Tipo
catalogue-output-visibility = Visibilidad por defecto
catalogue-output-name = Nombre
programmes-title = Programas de las Ciudades Líderes
programmes-intro = Cada Ciudad Líder lleva un programa diseñado a medida con la secretaría: su período, su estado, sus prioridades y las consultas que le han dado forma. Solo los editores de la ciudad y la secretaría de su red ven un programa.
programmes-sign-in = Inicie sesión para ver los programas en los que participa.
programmes-none = Todavía no hay ningún programa que pueda ver.
programme-new = Iniciar un programa
programme-start = Iniciar el programa
programme-city = Ciudad
programme-city-hint = Una Ciudad Líder actual: su nombre o su dirección en el registro.
programme-period = Período
programme-starts = Inicio
programme-ends = Fin (último día)
programme-ends-hint = Los términos de referencia aconsejan al menos dos años.
programme-short = menos de dos años
programme-short-reason = Por qué menos de dos años
programme-short-reason-hint = Obligatorio cuando el período es más corto que los dos años que aconsejan los términos de referencia.
programme-status = Estado
programme-priorities = Prioridades acordadas
programme-priorities-hint = Lo que la ciudad pidió y en lo que la secretaría aceptó centrarse.
programme-title = Programa de { $city }
programme-change = Cambiar el período, el estado o las prioridades
programme-status-in-consultation = En consulta
programme-status-proposed = Propuesto
programme-status-mou-signed = Memorando firmado
programme-status-active = En curso
programme-status-completed = Terminado
consultations-title = Consultas
consultations-none = Todavía no hay ninguna consulta registrada.
consultation-add = Registrar una consulta
consultation-held-on = Fecha
consultation-city-people = Personas de la ciudad
consultation-secretariat-people = Personas dla secretaría
consultation-notes = Notas
consultation-decisions = Decisiones
consultation-follow-ups = Seguimiento
problem-programme-too-short = El período es más corto que los { $detail } meses que aconsejan los términos de referencia: indique por qué.
problem-status-step-not-allowed = Un programa avanza etapa por etapa: desde su estado actual solo puede pasar al siguiente o volver al anterior.
problem-not-a-leading-city = Esta ciudad no es actualmente Ciudad Líder: añada primero su membresía en Ciudades Líderes.
problem-programmes-overlap = Este período coincide con otro programa de la ciudad ({ $detail }).
problem-changed-meanwhile = Alguien guardó cambios mientras tanto. La página muestra la versión guardada: revísela y vuelva a guardar su cambio.
problem-too-many-items = Demasiados: { $detail } como máximo.
problem-unknown-sdg-target = «{ $detail }» no es una meta de los ODS: escriba el objetivo, un punto y la meta, como 11.4 o 12.b.
problem-done-means-complete = Una acción realizada está al 100 %: indique 100 como avance o elija otro estado.
problem-not-an-action-plan = Este producto no es un plan de acción: solo un plan de acción tiene acciones.
problem-unknown-practice = Ninguna buena práctica «{ $detail }» que usted pueda ver.
problem-not-a-file-of-the-plan = No es un archivo de este plan: súbalo primero al plan y luego elíjalo.
problem-unknown-indicator = Ningún indicador «{ $detail }»: escriba marco:indicador, como culture2030-indicators:cultural-participation.
problem-not-linkable = Esta actividad no vincula registros de este tipo ({ $detail }).
problem-already-linked = Este registro ya está vinculado a la actividad.
problem-not-of-the-city = Este registro no pertenece a la ciudad del programa.
programme-differs = Donde la versión guardada difiere de la suya:
problem-outside-programme = Esto queda fuera del período del programa ({ $detail }).
problem-activities-outside-period = El programa tiene actividades o líneas de presupuesto fuera de este período ({ $detail }): muévalas primero.
problem-unknown-activity = Este programa no tiene la actividad número «{ $detail }».
problem-invalid-currency = «{ $detail }» no es un código de moneda: indique tres letras, como EUR, USD o ARS.
problem-invalid-amount = «{ $detail }» no es un importe: indique un número no negativo, sin más decimales de los que tiene la moneda (1234,50).
problem-amount-too-large = Este importe es demasiado grande.
problem-unknown-programme-status = «{ $detail }» no es un estado de programa.

## Las actividades y el presupuesto de un programa
activities-title = Actividades
activities-none = Todavía no hay actividades.
activity-add = Añadir una actividad
activity-change = Modificar esta actividad
activity-custom = Una actividad propia (fuera del catálogo)
activity-kind = Actividad del catálogo
activity-title = Título
activity-title-hint = Obligatorio para una actividad propia; opcional para una del catálogo (si no, se muestra su nombre).
activity-place = Lugar
activity-city-leads = Responsables en la ciudad
activity-secretariat-leads = Responsables en la secretaría
activity-focus = Enfoque
activity-focus-hint = De qué se trata: el tema de un seminario, el ámbito de una visita…
activity-status-planned = Prevista
activity-status-under-way = En curso
activity-status-done = Realizada
activity-status-cancelled = Cancelada
activity-only-for = Solo para { $activity }
activity-host-city = Ciudad anfitriona
activity-host-none = Aún no elegida
activity-visiting-peers = Pares visitantes
activity-visiting-peers-hint = Responsables de otras Ciudades líderes, uno por línea (nombre, cargo, ciudad).
activity-question = La pregunta del reto
activity-question-hint = Obligatoria para un reto local: la pregunta que plantea la ciudad.
activity-challenge-scope = Alcance
activity-theme = Tema
activity-theme-hint = Obligatorio cuando el alcance es un tema.
activity-challenge-people = Miembros y expertos implicados
activity-event = Evento
activity-event-none = Fuera del calendario
activity-expertise-requested = Conocimientos y asesoramiento solicitados
activity-representatives = Representantes de la Comisión movilizados
activity-days = Días
activity-unusual-days = { $days } días: un seminario de aprendizaje entre pares suele durar de { $from } a { $to } días.
challenge-scope-theme = Un tema
challenge-scope-governance = La gobernanza cultural
challenge-scope-participatory-policy-making = La elaboración participativa de políticas
challenge-scope-local-strategy = Una estrategia cultural local
links-title = Registros producidos
links-hint = Las evaluaciones y buenas prácticas de la ciudad que esta actividad produjo o en las que se apoyó; cada una se muestra solo a quien puede verla por sí misma.
links-none = Aún no hay registros vinculados.
link-kind-assessment = Evaluación
link-kind-practice = Buena práctica
link-report = su informe
link-add = Vincular un registro
link-record = Registro
link-choose = Elija un registro
link-remove = Quitar el vínculo
link-nothing-to-add = La ciudad no tiene otro registro de este tipo que usted pueda ver.
budget-title = Presupuesto
budget-lead = Cada línea en importe exacto, en su propia moneda: los totales se dan por moneda y nunca suman dos monedas.
budget-none = Todavía no hay líneas de presupuesto.
budget-open = Abrir el presupuesto
programme-back = Volver al programa
budget-currency-line = { $currency }: previsto { $planned } · comprometido { $committed } · gastado { $spent }
output-of-activity = Actividad: { $activity }
budget-totals = Totales
budget-by-currency = Por moneda
budget-by-year = Por año
budget-by-funder = Por financiador
budget-lines = Líneas
budget-year = Año
budget-activity = Actividad
budget-whole-programme = El programa en su conjunto
budget-category = Categoría
budget-description = Descripción
budget-funder = Quién paga
budget-funder-hint = La ciudad, CGLU, un socio…
budget-currency = Moneda
budget-currency-hint = Tres letras: EUR, USD, ARS…
budget-amount-hint = Un número como 1234,50; vacío vale cero.
budget-planned = Previsto
budget-committed = Comprometido
budget-spent = Gastado
budget-add = Añadir una línea
budget-import = Importar un archivo
budget-import-lead = El archivo sustituye todo el presupuesto. Cada línea se comprueba primero: un archivo con una línea errónea no cambia nada, y la página nombra cada línea errónea y por qué. La exportación da un archivo con las mismas columnas.
budget-imported = El presupuesto tiene ahora { $lines } líneas del archivo.
budget-export = Exportar el presupuesto (CSV)
budget-category-travel = Viajes
budget-category-expert-fees = Honorarios de expertos
budget-category-venue = Sede
budget-category-translation = Traducción
budget-category-communication = Comunicación
budget-category-production = Producción
budget-category-staff = Personal
budget-category-other = Otros

## Los resultados de un programa
outputs-none = Todavía no hay resultados.
output-file = Registrar un resultado
output-kind = Tipo
output-summary = Resumen
output-link = Enlace
output-visibility = Quién lo ve
output-visibility-default = Según el catálogo para esta actividad (confidencial si no dice nada)
output-versions = Versiones lingüísticas
output-versions-none = Todavía no hay versiones lingüísticas registradas.
output-version-set = Registrar una versión lingüística
output-lang = Idioma
output-translator = Traductor o traductora
output-disseminations = Difusión
output-disseminations-none = Todavía no se ha difundido.
output-disseminate = Registrar una difusión
output-channel = Canal
output-on = Día
output-note = Nota
output-kind-written-report = Informe escrito
output-kind-public-article = Artículo público
output-kind-internal-report = Informe interno
output-kind-action-plan = Plan de acción
output-kind-revised-module = Módulo revisado
output-kind-practice = Buena práctica
output-kind-agenda = Orden del día
output-kind-presentation = Presentación
output-kind-video = Vídeo
output-kind-logo = Logotipo
output-kind-other = Otro
output-kind-assessment-report = Informe de autoevaluación
translation-status-original = Original
translation-status-wanted = Por traducir
translation-status-in-translation = En traducción
translation-status-translated = Traducido
channel-website = El sitio web
channel-newsletter = El boletín bimestral
channel-instagram = Instagram
channel-x = X
channel-linkedin = LinkedIn
channel-uclg-report = Un informe de CGLU
channel-event = Una presentación en un evento
channel-other = Otro
outputs-feed-title = Ciudades líderes: los últimos productos públicos
translations-title = Pendiente de traducción
translations-lead = Las versiones lingüísticas de los productos que usted sigue que están por traducir o en traducción, en el orden en que se pidieron.
translations-none = Nada espera traducción.
translations-count = { $total } versiones esperan en total.
translations-next = Página siguiente →
translations-first = ← Volver al principio

## El registro de personas expertas y sus encargos

problem-invalid-language-code = «{ $detail }» no es un código de idioma (dos o tres letras de la ISO 639, como en, fr, es, pt).
problem-unknown-expert = Ninguna persona experta del registro tiene el número «{ $detail }».
problem-account-linked-elsewhere = Esta cuenta ya está vinculada a otra persona experta ({ $detail }).
expert-role-lead-expert = Experto/a principal
expert-role-expert = Experto/a
expert-role-facilitator = Facilitador/a
expert-role-speaker = Ponente
expert-role-other = Otro
experts-title = Personas expertas
experts-lead = El registro de personas expertas a las que recurre la secretaría para las actividades de las Ciudades Líderes.
experts-none = Todavía no hay ninguna persona experta en el registro.
experts-open = El registro de personas expertas
expert-add = Añadir una persona experta
expert-change = Modificar esta persona experta
expert-name = Nombre
expert-organisation = Organización
expert-email = Correo electrónico
expert-languages = Idiomas
expert-languages-hint = Códigos de idioma separados por comas: en, fr, es, pt…
expert-fields = Ámbitos de especialización
expert-themes = Temas
expert-themes-hint = Temas libres separados por comas.
expert-biography = Breve biografía
expert-account = Cuenta en la plataforma
expert-account-hint = La dirección de correo de la cuenta de la persona experta: si participa en una actividad, ve sus resultados confidenciales.
expert-engagements = Encargos
expert-engagements-none = Todavía no hay ningún encargo.
engagements-title = Personas expertas contratadas
engagements-none = Todavía no hay ninguna persona experta contratada.
engagement-add = Contratar a una persona experta
engagement-change = Modificar
engagement-expert = Persona experta
engagement-role = Función
engagement-days = Fechas
engagement-fee = Honorarios
engagement-fee-hint = Dejar vacío si no hay honorarios.
engagement-no-fee = sin honorarios
engagement-currency = Moneda
engagement-note = Nota
engagement-activity = Actividad
## Los archivos de un producto y sus enlaces para compartir
output-files = Archivos
output-files-none = Todavía no hay ningún archivo.
output-file-upload = Subir un archivo
output-file-hint = Un documento PDF, ODT o DOCX de 25 MiB como máximo, o una imagen PNG, JPEG, WebP o GIF de 10 MiB como máximo. Un vídeo se añade como enlace.
output-file-remove = Quitar
output-share = Compartir mediante un enlace que caduca
output-share-lead = Quien tenga el enlace puede descargar este archivo sin iniciar sesión hasta que caduque o lo revoque; cada uso queda registrado. Envíelo solo a su destinatario.
output-share-hours = Horas de validez del enlace
output-share-note = Para quién
output-link-made = Aquí está el enlace. Cópielo ahora: solo se muestra esta vez.
output-link-expires = Caduca
output-links = Enlaces para compartir
output-link-uses = Usos
output-link-revoke = Revocar
link-state-usable = Activo
link-state-expired = Caducado
link-state-revoked = Revocado
problem-invalid-link-duration = Un enlace es válido entre { $detail } horas: indique un número entero en ese intervalo.

## Ciudades anfitrionas sugeridas para una visita a una Ciudad Líder
visit-hosts-title = ¿Qué ciudad podría acoger una visita?
visit-hosts-lead = Una ciudad miembro que quiere aprender sobre un ámbito visita una Ciudad Líder que ha demostrado experiencia en él. Elija el ámbito: la plataforma sugiere Ciudades Líderes actuales con sus evidencias — una puntuación igual o superior a la mitad de la escala en su última autoevaluación que usted puede consultar, sus buenas prácticas publicadas vinculadas al ámbito, sus productos públicos que lo mencionan.
visit-field = Ámbito sobre el que aprender
visit-field-choose = Elija un ámbito
visit-asking-city = Ciudad solicitante
visit-asking-city-hint = Opcional: una ciudad nunca se sugiere a sí misma.
visit-suggest = Sugerir ciudades anfitrionas
visit-hosts-for = Ciudades anfitrionas sugeridas para
visit-hosts-none = Ninguna Ciudad Líder muestra todavía evidencias de experiencia en este ámbito.
visit-reason-score = Puntuación en el ámbito:
visit-reason-practice = Práctica publicada:
visit-reason-output = Producto público:

## El panel de los programas
programme-dashboard-title = Panel de los programas
programme-dashboard-lead = Los programas en los que usted participa, de un vistazo: la secretaría ve los de todas las Ciudades Líderes, los editores de una ciudad los de su ciudad. Los importes son totales por moneda, nunca sumados entre monedas distintas.
programme-dashboard-ends-soon = termina en menos de seis meses
programme-dashboard-ending = Terminan en los próximos seis meses
programme-dashboard-ending-none = Ningún programa termina en los próximos seis meses.
programme-dashboard-quarter = Actividades de este trimestre
programme-dashboard-quarter-none = Ninguna actividad este trimestre.
programme-dashboard-all-translations = Todo lo que espera traducción
programme-dashboard-to-disseminate = Productos públicos aún no difundidos
programme-dashboard-to-disseminate-none = Todos los productos públicos se han difundido.
programme-dashboard-budget-city = Presupuesto: previsto / comprometido / gastado
programme-dashboard-budget-funder = Presupuesto por financiador
programme-dashboard-shown = Los { $shown } primeros de { $total }.
programme-dashboard-quarter-count = Actividades este trimestre
programme-dashboard-budget-currency = Presupuesto por moneda (todos los programas)
## El memorando de entendimiento, los planes anuales y las consultas de un programa
mou-section-title = Memorando, planes y consultas
mou-title = Memorando de entendimiento
mou-none = Todavía no se ha registrado ningún memorando.
mou-kind = Tipo
mou-kind-mou = Memorando de entendimiento
mou-kind-convention = Convenio
mou-signed-on = Firmado el
mou-signed-on-hint = Déjelo vacío hasta la firma; la firma se registra cuando el programa está propuesto o su memorando firmado.
mou-unsigned = Aún sin firmar
mou-summary = Resumen
mou-signatories = Firmantes
mou-signatories-hint = Uno por línea: nombre | cargo | city o uclg | organización
mou-signatory-name = Nombre
mou-signatory-position = Cargo
mou-signatory-side = Firma por
mou-signatory-organisation = Organización
mou-side-city = La ciudad
mou-side-uclg = CGLU
mou-versions = Versiones lingüísticas
mou-documents = Documentos firmados
mou-upload = Subir un documento firmado
mou-file-hint = Un PDF, ODT o DOCX de hasta 25 MiB.
mou-change = Modificar el memorando
plan-title = Plan { $year }
plan-none = Todavía no hay plan para este año.
plan-objectives = Objetivos
plan-activities = Actividades previstas
plan-year-activities = Las actividades del programa este año
plan-change = Modificar el plan
plan-status-draft = Borrador
plan-status-agreed = Acordado
inquiries-title = Consultas
inquiries-lead = Las preguntas y solicitudes de la ciudad a la secretaría, con sus respuestas.
inquiries-none = Todavía no hay ninguna consulta.
inquiry-send = Enviar una consulta
inquiry-subject = Asunto
inquiry-message = Mensaje
inquiry-answer = Respuesta
inquiry-reply = Responder o cerrar
inquiry-status-open = Abierta
inquiry-status-answered = Respondida
inquiry-status-closed = Cerrada
problem-signing-date-out-of-bounds = La fecha de firma debe estar entre { $detail }.
problem-signing-not-allowed = Una firma solo se registra cuando el programa está propuesto o su memorando firmado.
problem-invalid-signatory = El firmante { $detail } necesita un nombre y una parte (city o uclg).
problem-year-outside-period = Este año está fuera del período del programa ({ $detail }).
# The events calendar (activity 1: representation).
nav-events = Eventos
events-title = Calendario de eventos
events-lead = Los encuentros en los que las Ciudades Líderes pueden representar a la Comisión de cultura: Congreso Mundial y Consejo Mundial de CGLU, secciones regionales, reuniones de la UNESCO y de otros organismos de las Naciones Unidas, conferencias.
events-upcoming = Próximos
events-past = Pasados
events-none = No hay eventos.
events-ical = Descargar el calendario (iCalendar)
event = Evento
event-new = Añadir un evento
event-change = Modificar el evento
event-lang = Idioma en el que se escribió el título
event-title-en = Título en inglés
event-title-fr = Título en francés
event-title-es = Título en español
event-kind = Tipo de evento
event-place = Lugar
event-starts = Primer día
event-ends = Último día
event-link = Enlace
event-description = Descripción
event-kind-uclg-world-congress = Congreso Mundial de CGLU
event-kind-world-council = Consejo Mundial de CGLU
event-kind-regional-section = Sección regional de CGLU
event-kind-unesco = Reunión de la UNESCO
event-kind-other-un = Otra reunión de las Naciones Unidas
event-kind-conference = Conferencia
event-kind-other = Otro
availability-available = Disponible
availability-not-available = No disponible
availability-representative = Se designa a un representante
requests-title = Disponibilidad de los responsables políticos
requests-none = Todavía no se ha consultado a ninguna ciudad.
requests-ask = Pedir su disponibilidad a las ciudades
requests-cities = Ciudades Líderes
requests-cities-hint = Una ciudad por línea: su nombre o su dirección en el registro.
request-deadline = Plazo
request-deadline-on = Respuesta antes del { $deadline }
request-closed = Plazo vencido
request-closed-lead = El plazo ({ $deadline }) ha vencido: solo la secretaría puede reabrir la solicitud.
request-unanswered = A la espera de respuesta
request-answer = Responder
request-availability = Disponibilidad
request-representative-name = Nombre del representante
request-representative-hint = Cuando un representante acude en lugar de los responsables políticos.
request-representative-position = Cargo del representante
request-comment = Comentario
request-reopen = Reabrir con un nuevo plazo
representation-title = Representación de la Comisión
representation-none = Todavía no se ha confirmado a nadie.
representation-confirm = Confirmar a un representante
representation-withdraw = Retirar
events-waiting-title = A la espera de su respuesta
events-waiting-lead = Las solicitudes de disponibilidad de su ciudad que aún esperan respuesta, empezando por el plazo más próximo.
events-waiting-none = Ninguna solicitud espera respuesta.
events-unanswered-title = Solicitudes de disponibilidad sin respuesta
events-remind = Enviar recordatorios
events-remind-hint = Escribe a los editores de cada ciudad cuya respuesta vence en los próximos tres días; cada solicitud se recuerda como máximo una vez al día.
events-reminded = { $requests } solicitudes recordadas, { $emails } correos en cola de envío; { $already } ya recordadas hoy.
event-reminder-subject = Se espera su disponibilidad para «{ $title }» antes del { $deadline }
event-reminder-body = La secretaría de las Ciudades Líderes pide a { $city } la disponibilidad de sus responsables políticos para «{ $title }». Responda antes del { $deadline }: { $link }
problem-deadline-in-past = El plazo no puede ser anterior a hoy ({ $detail }).
problem-deadline-after-event = El plazo debe vencer como tarde el primer día del evento ({ $detail }).
problem-deadline-passed = El plazo ({ $detail }) ha vencido: las respuestas están cerradas, salvo que la secretaría reabra la solicitud.
problem-city-not-leading = { $detail } no es actualmente Ciudad Líder.
programme-dashboard-requests = Solicitudes de disponibilidad sin respuesta
programme-dashboard-requests-none = Todas las solicitudes de disponibilidad tienen su respuesta.
programme-dashboard-deadline = respuesta antes del
programme-dashboard-inquiries = Consultas abiertas
programme-dashboard-inquiries-none = Ninguna consulta espera respuesta.

## An action plan
action-plan-items = Las acciones del plan
action-plan-none = Ninguna acción por ahora.
action-plan-mean-progress = Avance medio de las acciones no abandonadas: { $progress } %
action-plan-add = Añadir una acción
action-plan-edit = Cambiar la acción
action-plan-item-title = Acción
action-plan-title-in = Título en { $language }
action-plan-description-in = Descripción en { $language }
action-plan-source-lang = Escrita primero en
action-plan-responsible = Responsables (personas, servicios)
action-plan-partners = Socios
action-plan-starts = Inicio
action-plan-ends = Fin
action-plan-budget = Presupuesto
action-plan-currency = Moneda
action-plan-currency-hint = Tres letras: EUR, USD, ARS…
action-plan-status = Estado
action-plan-progress = Avance (%)
action-plan-fields = Campos del marco que aborda
action-plan-fields-hint = marco:campo, separados por comas (culture21-actions:cultural-rights).
action-plan-sdgs = ODS
action-plan-sdgs-hint = Los números de los objetivos, separados por comas (4, 11).
action-plan-sdg = ODS { $number }
action-plan-targets = Metas de los ODS
action-plan-targets-hint = Separadas por comas (11.4, 12.b); cada meta añade su objetivo.
action-plan-status-planned = Prevista
action-plan-status-under-way = En curso
action-plan-status-done = Realizada
action-plan-status-dropped = Abandonada
action-plan-back = Volver al plan «{ $plan }»
action-plan-updates = Seguimiento del avance
action-plan-updates-none = Ningún seguimiento por ahora.
action-plan-update-add = Anotar un avance
action-plan-update-on = Día
action-plan-update-note = Lo que pasó
action-plan-update-status = Nuevo estado
action-plan-update-progress = Nuevo avance (%), vacío: sin cambios
action-plan-update-link = Prueba: un enlace
action-plan-update-practice = Prueba: una buena práctica (su dirección o su nombre en la dirección)
action-plan-unchanged = Sin cambios
action-plan-evidence = prueba
action-plan-starting = De dónde parte el plan
action-plan-starting-none = Ninguna evaluación cerrada de la ciudad que usted pueda ver por ahora: sus campos más débiles aparecerán aquí.
action-plan-starting-from = Según la evaluación
action-plan-weaknesses = Los campos más débiles
action-plan-strengths = Los campos más fuertes
action-plan-inspiration = Prácticas de otras ciudades:
action-plan-no-inspiration = ninguna práctica publicada de otra ciudad por ahora
action-plan-pdf = El plan como informe PDF
action-plan-update-file = Prueba: un archivo del plan
indicators-title = Indicadores
indicators-lead = Los marcos de indicadores a los que se refieren el plan de acción de una ciudad y sus valores. Una acción del plan nombra un indicador por su referencia.
indicators-name = Indicador
indicators-targets = Metas de los ODS
indicators-reference = Referencia
action-plan-indicators = Indicadores
action-plan-indicators-hint = marco:indicador, separados por comas (culture2030-indicators:cultural-participation); la lista está en la página Indicadores.
indicator-city-link = Indicadores: valores por año, líneas de base y metas
indicator-city-title = Indicadores de { $city }
indicator-city-lead = Los valores de cada indicador por año, con su línea de base, su meta y dónde se encuentra. Una serie se ve como dice su visibilidad; la tabla bajo cada gráfico da sus cifras. Los indicadores se listan en la página
indicator-none = Todavía ningún valor de indicador que usted pueda ver.
indicator-export = Descargar estos valores (CSV ordenado)
indicator-export-one = Descargar los valores de este indicador (CSV ordenado)
indicator-record = Registrar valores
indicator-not-kept = (sin valores)
indicator-import = Importar un archivo CSV ordenado
indicator-import-file = Archivo (CSV, UTF-8)
indicator-import-hint = Una fila por valor, como lo escriben las plataformas de seguimiento de los ODS: Year, columnas de desagregación (Sex, Age group, District…), Units, GeoCode, Value; una columna Indicator (marco:indicador) para un archivo de varios indicadores; Source y Note si lo desea. No se escribe nada si alguna fila es incorrecta.
indicator-import-submit = Importar
indicator-import-done = Importado: { $created } valores nuevos, { $updated } modificados, { $unchanged } sin cambios.
indicator-whole = Total
indicator-status-on-track = En buen camino
indicator-status-some-progress = Algún progreso
indicator-status-off-track = Rezagado
indicator-status-no-data = Sin datos
indicator-status-rule = Cómo se lee el estado: sin meta, o sin un valor del total posterior a la línea de base, no hay datos. En buen camino: el último valor del total ha alcanzado la meta, o ha recorrido al menos el 90 % del camino que una línea recta de la línea de base a la meta habría recorrido en su año. Algún progreso: mejor que la línea de base, por debajo de esa línea. Rezagado: no mejor que la línea de base. La línea de base es la fijada, o si no el primer valor del total.
indicator-chart-desc = Valores por año, una línea para el total y una por desagregación; la línea de base es un cuadrado, la meta un rombo, unidos por una línea de puntos.
indicator-baseline = Línea de base
indicator-target = Meta
indicator-no-values = Todavía ningún valor.
indicator-table = Los valores en una tabla
indicator-year = Año
indicator-value = Valor
indicator-breakdown = Desagregación
indicator-breakdown-hint = Vacío para el total; si no, pares nombre=categoría separados por punto y coma: sexo=mujeres; edad=15-24
indicator-source = Fuente
indicator-note = Nota
indicator-add-value = Registrar un valor
indicator-values = Valores
indicator-remove = Quitar
indicator-settings = Unidad, línea de base, meta y visibilidad
indicator-unit = Unidad
indicator-baseline-year = Línea de base: año
indicator-baseline-value = Línea de base: valor
indicator-target-year = Meta: año
indicator-target-value = Meta: valor
indicator-visibility = Quién puede ver estos valores
indicator-save = Guardar
problem-invalid-breakdown = «{ $detail }» no es una desagregación: escriba nombre=categoría, como sexo=mujeres.
problem-target-before-baseline = El año de la meta debe ser posterior al de la línea de base.
problem-duplicate-observation = El mismo indicador, año y desagregación ya figuran en la línea { $detail }.
problem-unit-mismatch = Se da otra unidad para este indicador: { $detail }. Un indicador tiene una sola unidad.
profile-link = El perfil de la ciudad: su historia con evidencias (página y PDF)
profile-title = Perfil de { $city }
profile-lead = La historia de la ciudad con evidencias: sus evaluaciones a lo largo del tiempo, el avance de sus planes de acción, sus indicadores, sus buenas prácticas y sus productos. Solo aparece lo que usted puede ver.
profile-pdf = Descargar el perfil (PDF)
profile-assessments = Evaluaciones a lo largo del tiempo
profile-no-assessments = Todavía ninguna evaluación cerrada que usted pueda ver.
profile-plans = Planes de acción
profile-no-plans = Todavía ningún plan de acción que usted pueda ver.
profile-plan-progress = Avance medio:
profile-item = Acción
profile-latest = Último valor
profile-status = Estado
profile-no-outputs = Todavía ningún producto que usted pueda ver.
problem-unknown-goal-target = Ninguna meta «{ $detail }» de una versión importada del Objetivo Cultura 2030: escriba objetivo@versión:meta, como en la página Indicadores.
problem-goal-version-exists = Esta versión del objetivo ya está importada: un texto nuevo requiere una versión nueva.
goal-title = El Objetivo Cultura 2030
goal-lead = Las metas del Objetivo Cultura 2030, propuesto por las redes culturales mundiales para la agenda posterior a 2030, versión por versión (el borrador cero de 2022, el borrador revisado de 2025…), tal como el secretariado las importó. Una acción de un plan nombra una meta por su referencia.
goal-none = Todavía ninguna versión del Objetivo importada: el secretariado importa aquí el archivo de cada versión.
goal-changes = Cambios desde { $version }:
goal-no-change = ninguno.
goal-added = Metas añadidas:
goal-removed = Metas retiradas:
goal-changed = Metas modificadas:
goal-target = Meta
goal-import = Importar una versión del Objetivo
goal-file = El archivo de la versión (TOML)
goal-file-hint = key, version, name en los tres idiomas, source, y una tabla [[targets]] por meta (key, number, name, indicators, sdg_targets); el formato se describe en data/indicators/README.md. Una versión se importa una vez.
goal-import-submit = Importar
action-plan-goal-targets = Metas del Objetivo Cultura 2030
action-plan-goal-targets-hint = objetivo@versión:meta, separadas por comas (culture-2030-goal@2025-revised:t3); la lista está en la página Indicadores.
goal-report-link = El informe escrito: viabilidad local de las metas (página y PDF)
goal-report-title = Viabilidad local de las metas: { $city }
goal-report-lead = Redactado a partir de los valores de los indicadores de la ciudad: dónde se encuentra cada serie respecto a su meta, el ritmo observado desde su línea de base y el ritmo aún necesario, y una recomendación para cada una. Solo figuran las series que usted puede ver; revise el texto antes de presentarlo como producto de la actividad.
goal-report-pdf = Descargar el informe (PDF)
goal-report-observed = Ritmo observado (por año)
goal-report-needed = Ritmo necesario (por año)
goal-report-recommendations = Recomendaciones
goal-report-on-track = { $indicator }: en buen camino. Mantener el ritmo ({ $observed } por año) e informar de ello en los informes de la campaña.
goal-report-some-progress = { $indicator }: algún progreso. Alcanzar { $target } en { $year } requiere { $needed } por año, frente a { $observed } hasta ahora: reforzar las políticas que contribuyen a ello, o revisar la meta.
goal-report-off-track = { $indicator }: rezagado. Los valores no avanzan hacia { $target }: revisar las políticas que contribuyen a ello y la viabilidad local de la meta.
goal-report-no-data = { $indicator }: no hay datos para juzgar. Fijar una línea de base y una meta, y reunir los valores del total año tras año.
goal-report-general = Para cada meta: vincular las acciones del plan con los indicadores que las miden, nombrar el equipo municipal a cargo de cada serie y compartir las series con la red para que los pares aprendan de ellas.

# Seven Keys workshops and a city's cultural assets.
seven-keys-sdg-short = ODS { $n }
seven-keys-sdgs = Los ODS relacionados
seven-keys-assets = Los recursos culturales de la ciudad relacionados
asset-kind-place = lugar
asset-kind-institution = institución
asset-kind-community = comunidad
asset-kind-practice = práctica
asset-kind-event = evento
seven-keys-workshops = Talleres «Siete Claves»
seven-keys-lead = Un taller de un día que localiza los ODS a través de la cultura: las personas participantes nombran desafíos locales, los relacionan con los ODS y con los recursos culturales de la ciudad; el grupo los agrupa en temas y acuerda claves, compromisos concretos de actores locales con nombre.
seven-keys-none = Todavía no hay talleres.
seven-keys-status-open = abierto
seven-keys-status-closed = cerrado
seven-keys-start = Iniciar un taller
seven-keys-title = Título
seven-keys-held-on = Fecha
seven-keys-lang = Idioma del taller
seven-keys-activity = Actividad del programa
seven-keys-activity-name = Taller «Siete Claves»
seven-keys-create = Iniciar el taller
seven-keys-challenges = Desafíos locales ({ $count })
seven-keys-themes = Temas
seven-keys-theme-count = { $count ->
    [one] 1 desafío
   *[other] { $count } desafíos
}
seven-keys-no-challenges = Todavía no se ha nombrado ningún desafío.
seven-keys-challenge = Desafío
seven-keys-links = ODS y recursos
seven-keys-theme = Tema
seven-keys-theme-of = Tema del desafío { $n }
seven-keys-themes-save = Guardar los temas
seven-keys-theme-save = Asignar
seven-keys-record-challenge = Anotar un desafío nombrado en la sala
seven-keys-add-challenge = Añadir el desafío
seven-keys-keys = Claves ({ $count })
seven-keys-keys-hint = Unas { $suggested } claves, según acuerde el grupo: cada una un compromiso concreto de actores locales con nombre.
seven-keys-answers = responde a { $ids }
seven-keys-remove-key = Quitar
seven-keys-add-key = Añadir una clave
seven-keys-key-title = La clave
seven-keys-actors = Quién se compromete
seven-keys-actors-hint = Los actores locales, por su nombre: servicios, instituciones, asociaciones.
seven-keys-commitment = El compromiso
seven-keys-answers-legend = Los desafíos a los que responde
seven-keys-open-plan = Abrir el borrador de plan de acción
seven-keys-plan-hint = Las claves se convierten en las acciones de un borrador de plan de acción, con sus actores y sus ODS; el plan se archiva como producto del programa, visible para la red.
seven-keys-draft-plan = Crear el borrador de plan de acción
seven-keys-article = Artículo público
seven-keys-article-public = Leer el artículo publicado
seven-keys-article-title = Título
seven-keys-article-body = Texto
seven-keys-publish = Publicado en la página de las Siete Claves
seven-keys-save-article = Guardar el artículo
seven-keys-participants = Enlaces de participantes ({ $count })
seven-keys-links-once = Los nuevos enlaces, mostrados solo ahora: dé uno a cada participante.
seven-keys-link-count = Cuántos enlaces
seven-keys-make-links = Crear los enlaces
seven-keys-close = Cerrar el taller
seven-keys-reopen = Reabrir el taller
seven-keys-join-intro = Nombre los desafíos locales que ve, de uno en uno, tantos como quiera; indique con qué ODS y con qué recursos culturales de la ciudad se relaciona cada uno.
seven-keys-thanks = Gracias: su desafío ha quedado registrado.
seven-keys-your-challenge = Un desafío local
seven-keys-challenge-hint = En una o dos frases.
seven-keys-closed = El taller está cerrado: ya no recibe desafíos.
seven-keys-yours = Sus desafíos ({ $count })
seven-keys-report-pdf = El informe interno (PDF): desafíos por tema y claves
seven-keys-page-title = Siete Claves
seven-keys-page-lead = Lo que las ciudades encontraron al localizar los ODS a través de la cultura: los artículos públicos de sus talleres «Siete Claves».
seven-keys-no-articles = Todavía no hay artículos publicados.
seven-keys-in-language = Escrito en { $language }.
assets-title = Recursos culturales de { $city }
assets-lead = Los lugares, instituciones, comunidades, prácticas y eventos con los que cuenta la ciudad; un taller «Siete Claves» relaciona con ellos los desafíos locales.
assets-none = Todavía no hay recursos culturales registrados.
assets-name = Nombre
assets-kind = Tipo
assets-description = Descripción
assets-remove = Quitar
assets-add = Añadir un recurso
problem-workshop-closed = Este taller está cerrado: ya no recibe desafíos.
problem-plan-already-drafted = Las claves de este taller ya se han convertido en un borrador de plan de acción.
problem-no-keys-yet = Acuerden al menos una clave antes de crear el borrador de plan de acción.
seven-keys-link = Talleres «Siete Claves»
assets-link = Recursos culturales

# Policy-design workshops around an action plan.
policy-design-link = El taller de diseño de políticas
policy-design-title = Taller de diseño de políticas: { $plan }
policy-design-lead = Las personas participantes proponen ideas para los ámbitos de los que parte el plan — los más débiles y los más fuertes de la ciudad — y el equipo facilitador las agrupa y registra las ideas clave, que pasan al informe escrito del plan.
policy-design-not-open = El taller todavía no está abierto a participantes.
policy-design-participants = Enlaces de participantes ({ $count })
policy-design-fields = Los ámbitos en los que trabaja la sala
policy-design-fields-hint = Como marco:ámbito, separados por comas; se proponen los ámbitos de los que parte el plan.
policy-design-ideas = Ideas ({ $count })
policy-design-no-ideas = Todavía no hay ideas para este ámbito.
policy-design-unclustered = Sin agrupar todavía
policy-design-cluster-ideas = Agrupar las ideas
policy-design-idea = Idea
policy-design-cluster = Grupo
policy-design-join-intro = Proponga ideas para los ámbitos siguientes, de una en una, tantas como quiera: ¿qué podría hacer la ciudad?
policy-design-thanks = Gracias: su idea ha quedado registrada.
policy-design-field = El ámbito
policy-design-your-idea = Su idea
policy-design-propose = Proponer la idea
policy-design-inspiration = Lo que hacen otras ciudades
policy-design-yours = Sus ideas ({ $count })
policy-design-pdf-ideas = Ideas del taller

# Filing the indicators activity's written report.
goal-report-file = Archivar el informe como producto
goal-report-file-hint = El informe se archiva en la actividad con su PDF en el idioma de esta página. Solo contiene las series públicas, sea cual sea la visibilidad del producto.
goal-report-visibility = Quién puede ver el producto
goal-report-activity-name = Prueba del Objetivo Cultura 2030

# Thematic-module testing.
module-tests-title = Seminarios de prueba de los módulos temáticos
module-tests-lead = Una Ciudad Líder acoge un seminario para probar un módulo temático de Cultura 21 Plus: las personas participantes comentan cada elemento y proponen nuevas redacciones o nuevos elementos; la secretaría acepta o rechaza cada propuesta, y las aceptadas se convierten en el módulo revisado, una nueva versión del marco.
module-tests-none = Todavía no hay seminarios.
module-tests-start = Iniciar un seminario
module-tests-framework = Versión del marco
module-tests-framework-hint = Como clave@versión, uno de los marcos importados.
module-tests-module = Módulo
module-tests-create = Iniciar el seminario
module-tests-proposals = Propuestas ({ $count })
module-tests-no-proposal = Ninguna propuesta sobre este elemento.
module-tests-kind = Lo que propone
module-tests-kind-comment = Un comentario
module-tests-kind-reword = Una nueva redacción
module-tests-kind-add = Un nuevo elemento debajo
module-tests-decision = Decisión
module-tests-decision-pending = pendiente
module-tests-decision-accepted = aceptada
module-tests-decision-rejected = rechazada
module-tests-revision = El módulo revisado
module-tests-revised-as = Revisado como { $version }.
module-tests-reworded = Reformulados
module-tests-added = Añadidos
module-tests-removed = Retirados
module-tests-revise-hint = Las propuestas aceptadas se convierten en una nueva versión del marco, comprobada entera como cualquier archivo importado; después ya no se puede decidir sobre las propuestas.
module-tests-version = Nombre de la nueva versión
module-tests-revise = Crear el módulo revisado
module-tests-not-revised = Todavía no revisado.
module-tests-under = Bajo «{ $item }»
module-tests-join-intro = Elija un elemento del módulo y coméntelo, proponga una nueva redacción en uno o varios idiomas, o un nuevo elemento debajo (en inglés, francés y español).
module-tests-thanks = Gracias: su propuesta ha quedado registrada.
module-tests-item = El elemento
module-tests-text-en = Redacción en inglés
module-tests-text-fr = Redacción en francés
module-tests-text-es = Redacción en español
module-tests-comment = Comentario
module-tests-propose = Enviar la propuesta
module-tests-closed = El seminario está cerrado: ya no recibe propuestas.
module-tests-yours = Sus propuestas ({ $count })
problem-already-revised = El módulo de este seminario ya se ha revisado: sus propuestas están decididas.
problem-package-unreadable = No es un paquete de taller que esta plataforma pueda leer ({ $detail }).
problem-package-tampered = La firma de este paquete no coincide con su contenido: se modificó después de crearse. Exporte de nuevo los resultados desde el portátil.
problem-package-unknown = Este paquete no se creó en esta plataforma.
problem-package-other-workshop = Este paquete pertenece a otro taller.
problem-package-wrong-kind = No es el tipo de paquete que se espera aquí: traiga el paquete de resultados creado en el portátil.
problem-unknown-interest = Elija entre programas, prácticas y eventos.
problem-consent-required = Indique dónde y cuándo cada persona consintió recibir el boletín (columna consent).
offline-link = Realizar sin conexión
offline-title = Realizar este taller sin internet
offline-intro = Para una sala con internet débil o sin él: el taller funciona en un portátil con la misma versión de Ateneu, los participantes se conectan desde su teléfono por la red propia del portátil y los resultados vuelven aquí después. No se pierde nada, y traer dos veces los mismos resultados no cambia nada.
offline-step-download = Descargue el paquete del taller. Contiene el taller, sus invitaciones, todo lo respondido hasta ahora y una clave que firma los resultados: guárdelo como guardaría los enlaces de los participantes.
offline-step-open = En el portátil, ábralo con un solo comando (la dirección es la del portátil en la red de la sala). Muestra un enlace de un solo uso para definir su contraseña: usted es el administrador del portátil.
offline-step-room = Los participantes se conectan desde su teléfono: con enlaces nuevos creados en el portátil, o con los enlaces que ya tienen, sustituyendo la dirección de la plataforma por la del portátil.
offline-step-results = Después, cree el paquete de resultados en el portátil y tráigalo aquí.
offline-download = Descargar el paquete del taller
offline-packages = Paquetes creados
offline-package-made = Creado el { $date } · resultados fusionados { $merged } veces
offline-results-title = Traer los resultados
offline-results-file = Paquete de resultados (el archivo JSON creado en el portátil)
offline-merge = Fusionar los resultados
offline-merged = Los resultados se fusionaron.
offline-already = Estos resultados ya se habían fusionado: nada cambió.
offline-summary = Invitaciones nuevas: { $invitations }; revocadas: { $revoked }. Respuestas nuevas: { $added }; respuestas actualizadas: { $updated }. Puntuaciones de consenso actualizadas: { $consensus }.
offline-key-ideas-unchanged = Las ideas clave no cambiaron.
offline-key-ideas-replaced = Las ideas clave son las de la sala.
offline-key-ideas-appended = Las ideas clave también habían cambiado aquí: las de la sala siguen a las conservadas aquí.
module-tests-report-pdf = El informe del seminario (PDF): las propuestas elemento por elemento y lo decidido
offline-seven-keys-summary = Enlaces nuevos: { $links }. Desafíos nuevos: { $challenges }; temas actualizados: { $themes }. Claves nuevas: { $keys }.
offline-policy-design-summary = Enlaces nuevos: { $links }. Ideas nuevas: { $ideas }; agrupaciones actualizadas: { $clusters }.

## The newsletter's subscriptions
footer-newsletter = Boletín
newsletter-title = El boletín
newsletter-lead = Cada dos meses: los programas de las Ciudades Líderes, las nuevas buenas prácticas y los próximos eventos, en inglés, francés o español.
newsletter-email = Su dirección de correo
newsletter-lang = El idioma en que lo quiere
newsletter-interests = Lo que le interesa
newsletter-interest-programmes = Los programas de las Ciudades Líderes
newsletter-interest-practices = Las buenas prácticas
newsletter-interest-events = Los eventos
newsletter-privacy = Le enviamos un enlace para confirmar; no se envía nada más hasta que lo siga. Cada número lleva un enlace para darse de baja con un clic. Su dirección solo la ve la secretaría y nunca se comparte.
newsletter-subscribe = Suscribirse
newsletter-requested-title = Revise su bandeja de entrada
newsletter-requested = Si esta dirección puede recibir el boletín, va en camino un mensaje con un enlace para confirmar. No se enviará nada antes de que lo siga.
newsletter-confirm-title = Confirme su suscripción
newsletter-confirm-lead = Confirme que desea recibir el boletín en esta dirección.
newsletter-confirm-button = Confirmar
newsletter-unsubscribe-title = Darse de baja
newsletter-unsubscribe-lead = Dejar de recibir el boletín en esta dirección.
newsletter-unsubscribe-button = Darse de baja
newsletter-now-confirmed = Su suscripción está confirmada. El próximo número le llegará.
newsletter-now-unsubscribed = Se ha dado de baja: no se enviará nada más a esta dirección.
newsletter-now-pending = Su suscripción espera su confirmación.
newsletter-subscribers-title = Suscriptores del boletín
newsletter-subscribers-lead = { $total } suscriptores en total. Las direcciones solo figuran en la exportación.
newsletter-counts = Suscriptores por estado e idioma
newsletter-status = Estado
newsletter-all-languages = Todos los idiomas
newsletter-status-pending = Pendiente de confirmación
newsletter-status-confirmed = Confirmado
newsletter-status-unsubscribed = Dado de baja
newsletter-export = Exportar todos los suscriptores (CSV)
newsletter-import = Importar una lista
newsletter-import-file = Un archivo CSV de personas que consintieron recibir el boletín
newsletter-import-hint = Columnas (intereses separados por comas, todos si está vacío; consent indica dónde y cuándo se dio el consentimiento):
newsletter-import-done = Importación hecha: { $created } añadidos, { $updated } confirmados, { $unchanged } ya presentes (una dirección dada de baja sigue así).
newsletter-confirm-mail-subject = Confirme su suscripción al boletín
newsletter-confirm-mail-body =
    Alguien, probablemente usted, pidió recibir el boletín de la Comisión de Cultura de CGLU en esta dirección.

    Para confirmar, abra este enlace en los próximos { $days } días y pulse Confirmar:
    { $confirm }

    Si no lo pidió, ignore este mensaje: no se le enviará nada.
