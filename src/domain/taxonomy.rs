//! The versioned taxonomy: stable codes per dimension with Swedish and English labels.
//! Codes are the identifiers in the API and CSV; the UI shows labels.

use serde::Serialize;

use super::lang::Lang;

/// A classifying dimension of an observation line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Missbrukstyp.
    MisuseType,
    /// Utnyttjandeområde.
    ExploitationArea,
    /// Handlingstyp.
    DocumentType,
    /// Steg i identitetskedjan.
    ChainStage,
    /// Åldersgrupp för de personer vars identiteter användes.
    AgeBand,
    /// Medborgarskap.
    Citizenship,
    /// Bedrägeriform enligt EU:s typologi (endast med handlingstyp).
    FraudType,
}

impl Dimension {
    pub const ALL: [Dimension; 7] = [
        Dimension::MisuseType,
        Dimension::ExploitationArea,
        Dimension::DocumentType,
        Dimension::ChainStage,
        Dimension::AgeBand,
        Dimension::Citizenship,
        Dimension::FraudType,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::MisuseType => "misuse_type",
            Self::ExploitationArea => "exploitation_area",
            Self::DocumentType => "document_type",
            Self::ChainStage => "chain_stage",
            Self::AgeBand => "age_band",
            Self::Citizenship => "citizenship",
            Self::FraudType => "fraud_type",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The catalogue key of the dimension's name.
    pub fn key(self) -> &'static str {
        match self {
            Self::MisuseType => crate::key!("submissions-dimension-misuse-type"),
            Self::ExploitationArea => crate::key!("submissions-dimension-exploitation-area"),
            Self::DocumentType => crate::key!("submissions-dimension-document-type"),
            Self::ChainStage => crate::key!("submissions-dimension-chain-stage"),
            Self::AgeBand => crate::key!("submissions-dimension-age-band"),
            Self::Citizenship => crate::key!("submissions-dimension-citizenship"),
            Self::FraudType => crate::key!("submissions-dimension-fraud-type"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxonomyEntry {
    pub dimension: Dimension,
    pub code: String,
    pub label_sv: String,
    pub label_en: String,
    pub retired: bool,
}

impl TaxonomyEntry {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_sv, &self.label_en)
    }
}

/// The taxonomy in force, as loaded from the database.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    entries: Vec<TaxonomyEntry>,
}

impl Taxonomy {
    pub fn new(entries: Vec<TaxonomyEntry>) -> Self {
        Self { entries }
    }

    fn find(&self, dimension: Dimension, code: &str) -> Option<&TaxonomyEntry> {
        self.entries
            .iter()
            .find(|e| e.dimension == dimension && e.code == code)
    }

    /// Whether new data may use the code (it exists and is not retired).
    pub fn accepts(&self, dimension: Dimension, code: &str) -> bool {
        self.find(dimension, code).is_some_and(|e| !e.retired)
    }

    /// The Swedish label, or the code itself when unknown (old data keeps its code).
    pub fn label_sv<'a>(&'a self, dimension: Dimension, code: &'a str) -> &'a str {
        self.find(dimension, code)
            .map(|e| e.label_sv.as_str())
            .unwrap_or(code)
    }

    /// The English label, or the code itself when unknown.
    pub fn label_en<'a>(&'a self, dimension: Dimension, code: &'a str) -> &'a str {
        self.find(dimension, code)
            .map(|e| e.label_en.as_str())
            .unwrap_or(code)
    }

    /// The label in `lang`, or the code itself when unknown.
    pub fn label<'a>(&'a self, lang: Lang, dimension: Dimension, code: &'a str) -> &'a str {
        match lang {
            Lang::Sv => self.label_sv(dimension, code),
            Lang::En => self.label_en(dimension, code),
        }
    }

    /// Codes that may be chosen for new data, in display order.
    pub fn active(&self, dimension: Dimension) -> impl Iterator<Item = &TaxonomyEntry> {
        self.entries
            .iter()
            .filter(move |e| e.dimension == dimension && !e.retired)
    }

    /// All codes of a dimension, retired ones included, in display order.
    pub fn all(&self, dimension: Dimension) -> impl Iterator<Item = &TaxonomyEntry> {
        self.entries
            .iter()
            .filter(move |e| e.dimension == dimension)
    }
}
