//! Reference data bundled with the platform: networks, UCLG regions, UCCN creative fields and
//! the SDGs, each named in the three languages.

use crate::lang::Lang;
use serde::{Deserialize, Serialize};

/// A name (or short text) given in each of the three languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub en: String,
    pub fr: String,
    pub es: String,
}

impl Names {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub key: String,
    /// The network this one belongs to ("" for none): the Leading Cities programme belongs to
    /// the UCLG Culture Committee.
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub website: String,
    /// Whether members hold a creative field (the UNESCO Creative Cities Network).
    #[serde(default)]
    pub creative_fields: bool,
    pub name: Names,
    pub description: Names,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub key: String,
    pub name: Names,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreativeField {
    pub key: String,
    pub since: i32,
    pub name: Names,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sdg {
    pub number: i32,
    pub name: Names,
}

/// All reference data, as loaded from the bundled file or from the database.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    #[serde(default, rename = "network")]
    pub networks: Vec<Network>,
    #[serde(default, rename = "region")]
    pub regions: Vec<Region>,
    #[serde(default, rename = "creative_field")]
    pub creative_fields: Vec<CreativeField>,
    #[serde(default, rename = "sdg")]
    pub sdgs: Vec<Sdg>,
}

impl Reference {
    pub fn network(&self, key: &str) -> Option<&Network> {
        self.networks.iter().find(|n| n.key == key)
    }

    pub fn region(&self, key: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.key == key)
    }

    pub fn creative_field(&self, key: &str) -> Option<&CreativeField> {
        self.creative_fields.iter().find(|f| f.key == key)
    }

    pub fn region_keys(&self) -> Vec<String> {
        self.regions.iter().map(|r| r.key.clone()).collect()
    }

    /// A city's permission scope: the networks it belongs or belonged to, with every network
    /// above each of them, without repeats.
    pub fn scope_of<'a>(&self, networks: impl IntoIterator<Item = &'a str>) -> Vec<String> {
        let mut scope: Vec<String> = Vec::new();
        for network in networks {
            for key in self.with_ancestors(network) {
                if !scope.contains(&key) {
                    scope.push(key);
                }
            }
        }
        scope
    }

    /// The network and every network above it (a cycle in the data stops the walk).
    pub fn with_ancestors(&self, key: &str) -> Vec<String> {
        let mut chain = vec![key.to_owned()];
        let mut current = key;
        while let Some(parent) = self
            .network(current)
            .map(|n| n.parent.as_str())
            .filter(|p| !p.is_empty() && !chain.iter().any(|c| c == p))
        {
            chain.push(parent.to_owned());
            current = parent;
        }
        chain
    }
}
