//! ISO 3166-1 countries: the alpha-2 codes and their names in English, French and Spanish.

use crate::lang::Lang;
use crate::validation::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// (alpha-2 code, English, French, Spanish), sorted by code.
pub const COUNTRIES: &[(&str, &str, &str, &str)] = &[
    ("AD", "Andorra", "Andorre", "Andorra"),
    (
        "AE",
        "United Arab Emirates",
        "Émirats arabes unis",
        "Emiratos Árabes Unidos",
    ),
    ("AF", "Afghanistan", "Afghanistan", "Afganistán"),
    (
        "AG",
        "Antigua and Barbuda",
        "Antigua-et-Barbuda",
        "Antigua y Barbuda",
    ),
    ("AI", "Anguilla", "Anguilla", "Anguila"),
    ("AL", "Albania", "Albanie", "Albania"),
    ("AM", "Armenia", "Arménie", "Armenia"),
    ("AO", "Angola", "Angola", "Angola"),
    ("AQ", "Antarctica", "Antarctique", "Antártida"),
    ("AR", "Argentina", "Argentine", "Argentina"),
    (
        "AS",
        "American Samoa",
        "Samoa américaines",
        "Samoa Estadounidense",
    ),
    ("AT", "Austria", "Autriche", "Austria"),
    ("AU", "Australia", "Australie", "Australia"),
    ("AW", "Aruba", "Aruba", "Aruba"),
    ("AX", "Åland Islands", "Åland, Îles", "Islas Äland"),
    ("AZ", "Azerbaijan", "Azerbaïdjan", "Azerbaiyán"),
    (
        "BA",
        "Bosnia and Herzegovina",
        "Bosnie-Herzégovine",
        "Bosnia y Herzegovina",
    ),
    ("BB", "Barbados", "Barbade", "Barbados"),
    ("BD", "Bangladesh", "Bangladesh", "Bangladés"),
    ("BE", "Belgium", "Belgique", "Bélgica"),
    ("BF", "Burkina Faso", "Burkina Faso", "Burquina Faso"),
    ("BG", "Bulgaria", "Bulgarie", "Bulgaria"),
    ("BH", "Bahrain", "Bahreïn", "Baréin"),
    ("BI", "Burundi", "Burundi", "Burundi"),
    ("BJ", "Benin", "Bénin", "Benín"),
    (
        "BL",
        "Saint Barthélemy",
        "Saint-Barthélemy",
        "San Bartolomé",
    ),
    ("BM", "Bermuda", "Bermudes", "Islas Bermudas"),
    (
        "BN",
        "Brunei Darussalam",
        "Brunéi Darussalam",
        "Brunei Darussalam",
    ),
    (
        "BO",
        "Bolivia",
        "Bolivie, état plurinational de",
        "Bolivia, Estado plurinacional de",
    ),
    (
        "BQ",
        "Bonaire, Sint Eustatius and Saba",
        "Bonaire, Saint-Eustache et Saba",
        "Islas BES (Caribe Neerlandés)",
    ),
    ("BR", "Brazil", "Brésil", "Brasil"),
    ("BS", "Bahamas", "Bahamas", "Bahamas"),
    ("BT", "Bhutan", "Bhoutan", "Bután"),
    ("BV", "Bouvet Island", "Île Bouvet", "Isla Bouvet"),
    ("BW", "Botswana", "Botswana", "Botsuana"),
    ("BY", "Belarus", "Bélarus", "Bielorrusia"),
    ("BZ", "Belize", "Belize", "Belice"),
    ("CA", "Canada", "Canada", "Canadá"),
    (
        "CC",
        "Cocos (Keeling) Islands",
        "Cocos (Keeling), Îles",
        "Islas Cocos (Keeling)",
    ),
    (
        "CD",
        "Congo, The Democratic Republic of the",
        "République démocratique du Congo",
        "Congo, República Democrática del",
    ),
    (
        "CF",
        "Central African Republic",
        "République centrafricaine",
        "República Centroafricana",
    ),
    ("CG", "Congo", "République du Congo", "Congo"),
    ("CH", "Switzerland", "Suisse", "Suiza"),
    ("CI", "Côte d'Ivoire", "Côte d'Ivoire", "Costa de Marfíl"),
    ("CK", "Cook Islands", "Îles Cook", "Islas Cook"),
    ("CL", "Chile", "Chili", "Chile"),
    ("CM", "Cameroon", "Cameroun", "Camerún"),
    ("CN", "China", "Chine", "China"),
    ("CO", "Colombia", "Colombie", "Colombia"),
    ("CR", "Costa Rica", "Costa Rica", "Costa Rica"),
    ("CU", "Cuba", "Cuba", "Cuba"),
    ("CV", "Cabo Verde", "Cap-Vert", "Cabo Verde"),
    ("CW", "Curaçao", "Curaçao", "Curazao"),
    (
        "CX",
        "Christmas Island",
        "Christmas, Île",
        "Isla de Navidad",
    ),
    ("CY", "Cyprus", "Chypre", "Chipre"),
    ("CZ", "Czechia", "Tchéquie", "Chequia"),
    ("DE", "Germany", "Allemagne", "Alemania"),
    ("DJ", "Djibouti", "Djibouti", "Yibuti"),
    ("DK", "Denmark", "Danemark", "Dinamarca"),
    ("DM", "Dominica", "Dominique", "Dominica"),
    (
        "DO",
        "Dominican Republic",
        "République dominicaine",
        "República Dominicana",
    ),
    ("DZ", "Algeria", "Algérie", "Algeria"),
    ("EC", "Ecuador", "Équateur", "Ecuador"),
    ("EE", "Estonia", "Estonie", "Estonia"),
    ("EG", "Egypt", "Égypte", "Egipto"),
    (
        "EH",
        "Western Sahara",
        "Sahara occidental",
        "Sahara Occidental",
    ),
    ("ER", "Eritrea", "Érythrée", "Eritrea"),
    ("ES", "Spain", "Espagne", "España"),
    ("ET", "Ethiopia", "Éthiopie", "Etiopía"),
    ("FI", "Finland", "Finlande", "Finlandia"),
    ("FJ", "Fiji", "Fidji", "Fiyi"),
    (
        "FK",
        "Falkland Islands (Malvinas)",
        "Malouines, Îles (Falkland)",
        "Islas Falkland (Malvinas)",
    ),
    (
        "FM",
        "Micronesia, Federated States of",
        "Micronésie, États fédérés de",
        "Micronesia, Estados Federados de",
    ),
    ("FO", "Faroe Islands", "Îles Féroé", "Islas Feroe"),
    ("FR", "France", "France", "Francia"),
    ("GA", "Gabon", "Gabon", "Gabón"),
    ("GB", "United Kingdom", "Royaume-Uni", "Reino Unido"),
    ("GD", "Grenada", "Grenade", "Granada"),
    ("GE", "Georgia", "Géorgie", "Georgia"),
    (
        "GF",
        "French Guiana",
        "Guyane française",
        "Guayana Francesa",
    ),
    ("GG", "Guernsey", "Guernesey", "Guernsey"),
    ("GH", "Ghana", "Ghana", "Ghana"),
    ("GI", "Gibraltar", "Gibraltar", "Gibraltar"),
    ("GL", "Greenland", "Groënland", "Groenlandia"),
    ("GM", "Gambia", "Gambie", "Gambia"),
    ("GN", "Guinea", "Guinée", "Guinea"),
    ("GP", "Guadeloupe", "Guadeloupe", "Guadalupe"),
    (
        "GQ",
        "Equatorial Guinea",
        "Guinée Équatoriale",
        "Guinea Ecuatorial",
    ),
    ("GR", "Greece", "Grèce", "Grecia"),
    (
        "GS",
        "South Georgia and the South Sandwich Islands",
        "Géorgie du Sud et les îles Sandwich du Sud",
        "Islas Georgias del Sur y Sándwich del Sur",
    ),
    ("GT", "Guatemala", "Guatemala", "Guatemala"),
    ("GU", "Guam", "Guam", "Guam"),
    ("GW", "Guinea-Bissau", "Guinée-Bissau", "Guinea-Bisáu"),
    ("GY", "Guyana", "Guyana", "Guyana"),
    ("HK", "Hong Kong", "Hong Kong", "Hong Kong"),
    (
        "HM",
        "Heard Island and McDonald Islands",
        "Îles Heard-et-MacDonald",
        "Isla Heard e Islas McDonald",
    ),
    ("HN", "Honduras", "Honduras", "Honduras"),
    ("HR", "Croatia", "Croatie", "Croacia"),
    ("HT", "Haiti", "Haïti", "Haití"),
    ("HU", "Hungary", "Hongrie", "Hungría"),
    ("ID", "Indonesia", "Indonésie", "Indonesia"),
    ("IE", "Ireland", "Irlande", "Irlanda"),
    ("IL", "Israel", "Israël", "Israel"),
    ("IM", "Isle of Man", "Île de Man", "Isla de Man"),
    ("IN", "India", "Inde", "India"),
    (
        "IO",
        "British Indian Ocean Territory",
        "Territoire britannique de l'océan Indien",
        "Territorio Británico del Océano Índico",
    ),
    ("IQ", "Iraq", "Irak", "Irak"),
    (
        "IR",
        "Iran",
        "Iran, République islamique d'",
        "Irán, República islámica de",
    ),
    ("IS", "Iceland", "Islande", "Islandia"),
    ("IT", "Italy", "Italie", "Italia"),
    ("JE", "Jersey", "Jersey", "Jersey"),
    ("JM", "Jamaica", "Jamaïque", "Jamaica"),
    ("JO", "Jordan", "Jordanie", "Jordania"),
    ("JP", "Japan", "Japon", "Japón"),
    ("KE", "Kenya", "Kenya", "Kenia"),
    ("KG", "Kyrgyzstan", "Kirghizistan", "Kirguistán"),
    ("KH", "Cambodia", "Cambodge", "Camboya"),
    ("KI", "Kiribati", "Kiribati", "Kiribati"),
    ("KM", "Comoros", "Comores", "Comores, Islas"),
    (
        "KN",
        "Saint Kitts and Nevis",
        "Saint-Christophe-et-Niévès",
        "San Cristóbal y Nieves",
    ),
    (
        "KP",
        "North Korea",
        "Corée, République populaire démocratique de",
        "Corea, República Democrática Popular de",
    ),
    (
        "KR",
        "South Korea",
        "Corée, République de",
        "Corea, República de",
    ),
    ("KW", "Kuwait", "Koweït", "Kuwait"),
    ("KY", "Cayman Islands", "Îles Caïmans", "Islas Caimán"),
    ("KZ", "Kazakhstan", "Kazakhstan", "Kazajistán"),
    (
        "LA",
        "Laos",
        "Lao, République démocratique populaire",
        "República Democrática Popular de Lao",
    ),
    ("LB", "Lebanon", "Liban", "Líbano"),
    ("LC", "Saint Lucia", "Sainte-Lucie", "Santa Lucía"),
    ("LI", "Liechtenstein", "Liechtenstein", "Liechtenstein"),
    ("LK", "Sri Lanka", "Sri Lanka", "Sri Lanka"),
    ("LR", "Liberia", "Libéria", "Liberia"),
    ("LS", "Lesotho", "Lesotho", "Lesoto"),
    ("LT", "Lithuania", "Lituanie", "Lituania"),
    ("LU", "Luxembourg", "Luxembourg", "Luxemburgo"),
    ("LV", "Latvia", "Lettonie", "Letonia"),
    ("LY", "Libya", "Libye", "Libia"),
    ("MA", "Morocco", "Maroc", "Marruecos"),
    ("MC", "Monaco", "Monaco", "Mónaco"),
    (
        "MD",
        "Moldova",
        "Moldova, République de",
        "Moldavia, República de",
    ),
    ("ME", "Montenegro", "Monténégro", "Montenegro"),
    (
        "MF",
        "Saint Martin (French part)",
        "Saint-Martin (partie française)",
        "San Martín (zona francesa)",
    ),
    ("MG", "Madagascar", "Madagascar", "Madagascar"),
    ("MH", "Marshall Islands", "Îles Marshall", "Islas Marshall"),
    (
        "MK",
        "North Macedonia",
        "Macédoine du Nord",
        "Macedonia del Norte",
    ),
    ("ML", "Mali", "Mali", "Malí"),
    ("MM", "Myanmar", "Birmanie", "Birmania"),
    ("MN", "Mongolia", "Mongolie", "Mongolia"),
    ("MO", "Macao", "Macau", "Macao"),
    (
        "MP",
        "Northern Mariana Islands",
        "Îles Mariannes du Nord",
        "Islas Marianas del Norte",
    ),
    ("MQ", "Martinique", "Martinique", "Martinica"),
    ("MR", "Mauritania", "Mauritanie", "Mauritania"),
    ("MS", "Montserrat", "Montserrat", "Montserrat"),
    ("MT", "Malta", "Malte", "Malta"),
    ("MU", "Mauritius", "Maurice", "Mauricio"),
    ("MV", "Maldives", "Maldives", "Islas Maldivas"),
    ("MW", "Malawi", "Malawi", "Malaui"),
    ("MX", "Mexico", "Mexique", "México"),
    ("MY", "Malaysia", "Malaisie", "Malasia"),
    ("MZ", "Mozambique", "Mozambique", "Mozambique"),
    ("NA", "Namibia", "Namibie", "Namibia"),
    (
        "NC",
        "New Caledonia",
        "Nouvelle-Calédonie",
        "Nueva Caledonia",
    ),
    ("NE", "Niger", "Niger", "Niger"),
    ("NF", "Norfolk Island", "Île Norfolk", "Isla Norfolk"),
    ("NG", "Nigeria", "Nigeria", "Nigeria"),
    ("NI", "Nicaragua", "Nicaragua", "Nicaragua"),
    ("NL", "Netherlands", "Pays-Bas", "Países Bajos"),
    ("NO", "Norway", "Norvège", "Noruega"),
    ("NP", "Nepal", "Népal", "Nepal"),
    ("NR", "Nauru", "Nauru", "Nauru"),
    ("NU", "Niue", "Nioue", "Niue"),
    ("NZ", "New Zealand", "Nouvelle-Zélande", "Nueva Zelanda"),
    ("OM", "Oman", "Oman", "Omán"),
    ("PA", "Panama", "Panama", "Panamá"),
    ("PE", "Peru", "Pérou", "Perú"),
    (
        "PF",
        "French Polynesia",
        "Polynésie française",
        "Polinesia Francesa",
    ),
    (
        "PG",
        "Papua New Guinea",
        "Papouasie-Nouvelle-Guinée",
        "Papúa Nueva Guinea",
    ),
    ("PH", "Philippines", "Philippines", "Filipinas"),
    ("PK", "Pakistan", "Pakistan", "Pakistán"),
    ("PL", "Poland", "Pologne", "Polonia"),
    (
        "PM",
        "Saint Pierre and Miquelon",
        "Saint-Pierre-et-Miquelon",
        "San Pedro y Miquelon",
    ),
    ("PN", "Pitcairn", "Îles Pitcairn", "Pitcairn"),
    ("PR", "Puerto Rico", "Porto Rico", "Puerto Rico"),
    (
        "PS",
        "Palestine, State of",
        "Palestine, État de",
        "Palestina, Estado de",
    ),
    ("PT", "Portugal", "Portugal", "Portugal"),
    ("PW", "Palau", "Palaos", "Palaos"),
    ("PY", "Paraguay", "Paraguay", "Paraguay"),
    ("QA", "Qatar", "Qatar", "Catar"),
    ("RE", "Réunion", "Réunion, Île de la", "Reunión"),
    ("RO", "Romania", "Roumanie", "Rumanía"),
    ("RS", "Serbia", "Serbie", "Serbia"),
    (
        "RU",
        "Russian Federation",
        "Russie, Fédération de",
        "Federación Rusa",
    ),
    ("RW", "Rwanda", "Rwanda", "Ruanda"),
    ("SA", "Saudi Arabia", "Arabie saoudite", "Arabia Saudí"),
    ("SB", "Solomon Islands", "Salomon, Îles", "Islas Salomón"),
    ("SC", "Seychelles", "Seychelles", "Seychelles"),
    ("SD", "Sudan", "Soudan", "Sudán"),
    ("SE", "Sweden", "Suède", "Suecia"),
    ("SG", "Singapore", "Singapour", "Singapur"),
    (
        "SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "Sainte-Hélène, Ascension et Tristan da Cunha",
        "Santa Elena, Ascensión y Tristán de Acuña",
    ),
    ("SI", "Slovenia", "Slovénie", "Eslovenia"),
    (
        "SJ",
        "Svalbard and Jan Mayen",
        "Svalbard et île Jan Mayen",
        "Svalbard y Jan Mayen",
    ),
    ("SK", "Slovakia", "Slovaquie", "Eslovaquia"),
    ("SL", "Sierra Leone", "Sierra Leone", "Sierra Leona"),
    ("SM", "San Marino", "Saint-Marin", "San Marino"),
    ("SN", "Senegal", "Sénégal", "Senegal"),
    ("SO", "Somalia", "Somalie", "Somalia"),
    ("SR", "Suriname", "Surinam", "Surinám"),
    ("SS", "South Sudan", "Soudan du Sud", "Sudán del Sur"),
    (
        "ST",
        "Sao Tome and Principe",
        "Sao Tomé-et-Principe",
        "Santo Tomé y Príncipe",
    ),
    ("SV", "El Salvador", "Salvador", "El Salvador"),
    (
        "SX",
        "Sint Maarten (Dutch part)",
        "Saint-Martin (partie néerlandaise)",
        "Isla de San Martín (zona holandesa)",
    ),
    (
        "SY",
        "Syria",
        "Syrienne, République arabe",
        "República árabe de Siria",
    ),
    ("SZ", "Eswatini", "Eswatini", "Esuatini"),
    (
        "TC",
        "Turks and Caicos Islands",
        "Îles Turques-et-Caïques",
        "Islas Turcas y Caicos",
    ),
    ("TD", "Chad", "Tchad", "Chad"),
    (
        "TF",
        "French Southern Territories",
        "Terres australes françaises",
        "Territorios Franceses del Sur",
    ),
    ("TG", "Togo", "Togo", "Togo"),
    ("TH", "Thailand", "Thaïlande", "Tailandia"),
    ("TJ", "Tajikistan", "Tadjikistan", "Tayikistán"),
    ("TK", "Tokelau", "Tokelau", "Tokelau"),
    ("TL", "Timor-Leste", "Timor oriental", "Timor Oriental"),
    ("TM", "Turkmenistan", "Turkménistan", "Turkmenistán"),
    ("TN", "Tunisia", "Tunisie", "Tunez"),
    ("TO", "Tonga", "Tonga", "Tonga"),
    ("TR", "Türkiye", "Turquie", "Turquía"),
    (
        "TT",
        "Trinidad and Tobago",
        "Trinité-et-Tobago",
        "Trinidad y Tobago",
    ),
    ("TV", "Tuvalu", "Tuvalu", "Tuvalu"),
    (
        "TW",
        "Taiwan",
        "Taïwan, province de Chine",
        "Taiwán, Provincia de China",
    ),
    (
        "TZ",
        "Tanzania",
        "Tanzanie, République unie de",
        "Tanzania, República unida de",
    ),
    ("UA", "Ukraine", "Ukraine", "Ucrania"),
    ("UG", "Uganda", "Ouganda", "Uganda"),
    (
        "UM",
        "United States Minor Outlying Islands",
        "Îles mineures éloignées des États-Unis",
        "Islas Ultramarinas Menores de Estados Unidos",
    ),
    ("US", "United States", "États-Unis", "Estados Unidos"),
    ("UY", "Uruguay", "Uruguay", "Uruguay"),
    ("UZ", "Uzbekistan", "Ouzbékistan", "Uzbekistán"),
    (
        "VA",
        "Holy See (Vatican City State)",
        "Saint-Siège (état de la cité du Vatican)",
        "Santa Sede (Ciudad Estado del Vaticano)",
    ),
    (
        "VC",
        "Saint Vincent and the Grenadines",
        "Saint-Vincent-et-les-Grenadines",
        "San Vicente y las Granadinas",
    ),
    (
        "VE",
        "Venezuela",
        "Vénézuela, république bolivarienne du",
        "Venezuela, República Bolivariana de",
    ),
    (
        "VG",
        "Virgin Islands, British",
        "Îles Vierges britanniques",
        "Islas Vírgenes, Británicas",
    ),
    (
        "VI",
        "Virgin Islands, U.S.",
        "Îles Vierges, États-Unis",
        "Islas Vírgenes, de EEUU.",
    ),
    ("VN", "Vietnam", "Viêt Nam", "Vietnam"),
    ("VU", "Vanuatu", "Vanuatu", "Vanuatu"),
    (
        "WF",
        "Wallis and Futuna",
        "Wallis et Futuna",
        "Wallis y Futuna",
    ),
    ("WS", "Samoa", "Samoa", "Samoa"),
    ("YE", "Yemen", "Yémen", "Yemen"),
    ("YT", "Mayotte", "Mayotte", "Mayotte"),
    ("ZA", "South Africa", "Afrique du Sud", "Sudáfrica"),
    ("ZM", "Zambia", "Zambie", "Zambia"),
    ("ZW", "Zimbabwe", "Zimbabwe", "Zimbabue"),
];

/// An ISO 3166-1 alpha-2 country code, known to the table above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Country([u8; 2]);

impl Country {
    pub fn parse(value: &str) -> Result<Country, Problem> {
        let code = value.trim().to_ascii_uppercase();
        let bytes = code.as_bytes();
        if bytes.len() != 2 {
            return Err(Problem::with_detail("unknown_country", value.trim()));
        }
        COUNTRIES
            .binary_search_by(|(c, ..)| c.as_bytes().cmp(bytes))
            .map(|_| Country([bytes[0], bytes[1]]))
            .map_err(|_| Problem::with_detail("unknown_country", value.trim()))
    }

    pub fn code(&self) -> &str {
        // Only ASCII letters from the table are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        let code = self.code();
        COUNTRIES
            .iter()
            .find(|(c, ..)| *c == code)
            .map_or("?", |(_, en, fr, es)| match lang {
                Lang::En => en,
                Lang::Fr => fr,
                Lang::Es => es,
            })
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Country {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Country::parse(&value).map_err(|_| format!("unknown country code {value}"))
    }
}

impl From<Country> for String {
    fn from(value: Country) -> Self {
        value.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        assert_eq!(COUNTRIES.len(), 249);
        assert!(COUNTRIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn parses_known_codes_only() {
        assert_eq!(
            Country::parse(" es ").map(|c| c.name(Lang::Fr)),
            Ok("Espagne")
        );
        assert!(Country::parse("XX").is_err());
        assert!(Country::parse("ESP").is_err());
        assert!(Country::parse("é").is_err());
    }
}
