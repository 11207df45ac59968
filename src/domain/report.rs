//! The knowledge-and-situation report (kunskaps- och lägesbild) as the domain sees it:
//! templates, sections and their automatic content, the approval workflow, markings and
//! the report's language. Pure rules; no database, no layout.

use serde::{Deserialize, Serialize};

pub use super::lang::Lang;
use super::message::Msg;

/// A text in both report languages: data such as an admin's section titles, taxonomy
/// labels and agency names, and the texts of a report's data frozen at publication.
/// Read from JSON it may also be a plain string (the same text in both languages), as
/// older frozen editions stored some texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(from = "LabelRepr")]
pub struct Label {
    pub sv: String,
    pub en: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LabelRepr {
    Both { sv: String, en: String },
    Same(String),
}

impl From<LabelRepr> for Label {
    fn from(r: LabelRepr) -> Self {
        match r {
            LabelRepr::Both { sv, en } => Self { sv, en },
            LabelRepr::Same(s) => Self::same(s),
        }
    }
}

impl Label {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages (codes, names of agencies).
    pub fn same(s: impl Into<String>) -> Self {
        let s = s.into();
        Self {
            sv: s.clone(),
            en: s,
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.sv, &self.en)
    }
}

/// Automatic content a section can hold: charts (each followed by its data table), tables
/// and generated text, all computed from the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    SummaryTable,
    TrendByMisuseType,
    MonthlyTotal,
    ByExploitationArea,
    ByChainStage,
    ByDocumentType,
    ByFraudType,
    ByAgeBand,
    ByCitizenship,
    MeasuresTable,
    MeasuresChart,
    TypeAreaHeatmap,
    SignalsTable,
    RisksList,
    ForumFollowups,
    MethodText,
    Completeness,
    Changes,
}

impl Component {
    pub const ALL: [Component; 18] = [
        Self::SummaryTable,
        Self::TrendByMisuseType,
        Self::MonthlyTotal,
        Self::ByExploitationArea,
        Self::ByChainStage,
        Self::ByDocumentType,
        Self::ByFraudType,
        Self::ByAgeBand,
        Self::ByCitizenship,
        Self::MeasuresTable,
        Self::MeasuresChart,
        Self::TypeAreaHeatmap,
        Self::SignalsTable,
        Self::RisksList,
        Self::ForumFollowups,
        Self::MethodText,
        Self::Completeness,
        Self::Changes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::SummaryTable => "summary_table",
            Self::TrendByMisuseType => "trend_by_misuse_type",
            Self::MonthlyTotal => "monthly_total",
            Self::ByExploitationArea => "by_exploitation_area",
            Self::ByChainStage => "by_chain_stage",
            Self::ByDocumentType => "by_document_type",
            Self::ByFraudType => "by_fraud_type",
            Self::ByAgeBand => "by_age_band",
            Self::ByCitizenship => "by_citizenship",
            Self::MeasuresTable => "measures_table",
            Self::MeasuresChart => "measures_chart",
            Self::TypeAreaHeatmap => "type_area_heatmap",
            Self::SignalsTable => "signals_table",
            Self::RisksList => "risks_list",
            Self::ForumFollowups => "forum_followups",
            Self::MethodText => "method_text",
            Self::Completeness => "completeness",
            Self::Changes => "changes",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// What the analyst sees in the composer (a catalogue key).
    pub fn key(self) -> &'static str {
        match self {
            Self::SummaryTable => crate::key!("reports-component-summary-table"),
            Self::TrendByMisuseType => crate::key!("reports-component-trend-by-misuse-type"),
            Self::MonthlyTotal => crate::key!("reports-component-monthly-total"),
            Self::ByExploitationArea => crate::key!("reports-component-by-exploitation-area"),
            Self::ByChainStage => crate::key!("reports-component-by-chain-stage"),
            Self::ByDocumentType => crate::key!("reports-component-by-document-type"),
            Self::ByFraudType => crate::key!("reports-component-by-fraud-type"),
            Self::ByAgeBand => crate::key!("reports-component-by-age-band"),
            Self::ByCitizenship => crate::key!("reports-component-by-citizenship"),
            Self::MeasuresTable => crate::key!("reports-component-measures-table"),
            Self::MeasuresChart => crate::key!("reports-component-measures-chart"),
            Self::TypeAreaHeatmap => crate::key!("reports-component-type-area-heatmap"),
            Self::SignalsTable => crate::key!("reports-component-signals-table"),
            Self::RisksList => crate::key!("reports-component-risks-list"),
            Self::ForumFollowups => crate::key!("reports-component-forum-followups"),
            Self::MethodText => crate::key!("reports-component-method-text"),
            Self::Completeness => crate::key!("reports-component-completeness"),
            Self::Changes => crate::key!("reports-component-changes"),
        }
    }

    /// Whether the component is a chart (printed with its data table after it).
    pub fn is_chart(self) -> bool {
        matches!(
            self,
            Self::TrendByMisuseType
                | Self::MonthlyTotal
                | Self::ByExploitationArea
                | Self::ByChainStage
                | Self::ByDocumentType
                | Self::ByFraudType
                | Self::ByAgeBand
                | Self::ByCitizenship
                | Self::MeasuresChart
                | Self::TypeAreaHeatmap
        )
    }
}

/// One section of a template: its title, the default text a new edition starts with (in
/// the edition's language), and the automatic content it holds, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSection {
    pub key: String,
    pub title: Label,
    #[serde(default)]
    pub default_text: Label,
    #[serde(default)]
    pub components: Vec<Component>,
}

/// A report template (mall): the sections of a new edition, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub sections: Vec<TemplateSection>,
}

impl Template {
    /// Checks a template an admin saved: at least one section, unique non-empty keys and
    /// titles, each component at most once in the whole template.
    pub fn validate(&self) -> Result<(), Msg> {
        if self.sections.is_empty() {
            return Err(Msg::new("reports-template-no-sections"));
        }
        let mut keys = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::new();
        for s in &self.sections {
            if s.title.sv.trim().is_empty() || s.title.en.trim().is_empty() {
                return Err(Msg::new("reports-template-title-missing").arg("section", &s.key));
            }
            if s.title.sv.chars().count() > 120 || s.title.en.chars().count() > 120 {
                return Err(Msg::new("reports-template-title-too-long").arg("max", 120));
            }
            if s.default_text.sv.chars().count() > MAX_SECTION_TEXT
                || s.default_text.en.chars().count() > MAX_SECTION_TEXT
            {
                return Err(Msg::new("reports-template-text-too-long")
                    .arg("section", &s.title.sv)
                    .arg("max", MAX_SECTION_TEXT));
            }
            if !keys.insert(s.key.clone()) {
                return Err(Msg::new("reports-template-section-twice").arg("section", &s.key));
            }
            for c in &s.components {
                if !seen.insert(*c) {
                    return Err(Msg::new("reports-template-component-twice")
                        .arg("component", Msg::dynamic(c.key())));
                }
            }
        }
        Ok(())
    }
}

/// The longest section text an analyst may write (characters).
pub const MAX_SECTION_TEXT: usize = 20_000;

/// Automatic content in a section, included or not, in the analyst's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentChoice {
    pub component: Component,
    pub included: bool,
}

/// A section of an edition as composed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionContent {
    pub key: String,
    pub title: Label,
    /// The analyst's text, Markdown. Screened for personal data before it is stored.
    pub text: String,
    pub components: Vec<ComponentChoice>,
}

impl SectionContent {
    pub fn included(&self) -> impl Iterator<Item = Component> + '_ {
        self.components
            .iter()
            .filter(|c| c.included)
            .map(|c| c.component)
    }
}

/// What an edition's version says, apart from the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionContent {
    pub sections: Vec<SectionContent>,
}

impl EditionContent {
    /// A new edition's content: the template's sections with their default texts in the
    /// edition's language.
    pub fn from_template(t: &Template, lang: Lang) -> Self {
        Self {
            sections: t
                .sections
                .iter()
                .map(|s| SectionContent {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    text: s.default_text.get(lang).to_string(),
                    components: s
                        .components
                        .iter()
                        .map(|c| ComponentChoice {
                            component: *c,
                            included: true,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    pub fn section_mut(&mut self, key: &str) -> Option<&mut SectionContent> {
        self.sections.iter_mut().find(|s| s.key == key)
    }
}

/// Where a version is in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionStatus {
    Draft,
    InReview,
    Approved,
    Published,
}

impl VersionStatus {
    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "draft" => Some(Self::Draft),
            "in_review" => Some(Self::InReview),
            "approved" => Some(Self::Approved),
            "published" => Some(Self::Published),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Published => "published",
        }
    }

    /// The status as shown (a catalogue key).
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => crate::key!("reports-status-draft"),
            Self::InReview => crate::key!("reports-status-in-review"),
            Self::Approved => crate::key!("reports-status-approved"),
            Self::Published => crate::key!("reports-status-published"),
        }
    }

    /// Only drafts are edited; a version under review goes back to draft when refused.
    pub fn editable(self) -> bool {
        self == Self::Draft
    }
}

/// Four eyes: an approver approves only what they wrote no part of.
pub fn may_approve(approver_id: i64, editors: &[i64]) -> bool {
    !editors.contains(&approver_id)
}

/// Traffic Light Protocol distribution level, as used alongside the marking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tlp {
    Clear,
    Green,
    Amber,
    Red,
}

impl Tlp {
    pub const ALL: [Tlp; 4] = [Self::Clear, Self::Green, Self::Amber, Self::Red];

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_uppercase().trim_start_matches("TLP:") {
            "CLEAR" => Some(Self::Clear),
            "GREEN" => Some(Self::Green),
            "AMBER" => Some(Self::Amber),
            "RED" => Some(Self::Red),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Clear => "CLEAR",
            Self::Green => "GREEN",
            Self::Amber => "AMBER",
            Self::Red => "RED",
        }
    }

    pub fn label(self) -> String {
        format!("TLP:{}", self.code())
    }
}

/// The configured classification markings, least restrictive first, and the minimum an
/// edition may carry (the configured default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkingPolicy {
    pub markings: Vec<String>,
    pub minimum: String,
    pub minimum_tlp: Tlp,
}

/// Which field of a form a refused marking concerns, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkingError {
    /// `marking` or `tlp`.
    pub field: &'static str,
    pub message: Msg,
}

// `MarkingPolicy::standard()`, the configured default, lives with the configuration.
impl MarkingPolicy {
    /// The markings an edition may carry: the minimum and everything more restrictive.
    pub fn allowed(&self) -> &[String] {
        let from = self
            .markings
            .iter()
            .position(|m| *m == self.minimum)
            .unwrap_or(0);
        &self.markings[from..]
    }

    pub fn allowed_tlp(&self) -> Vec<Tlp> {
        Tlp::ALL
            .into_iter()
            .filter(|t| *t >= self.minimum_tlp)
            .collect()
    }

    pub fn check(&self, marking: &str, tlp: &str) -> Result<(String, Tlp), MarkingError> {
        let marking = marking.trim();
        if !self.allowed().iter().any(|m| m == marking) {
            return Err(MarkingError {
                field: "marking",
                message: Msg::new("reports-marking-choose").arg("minimum", &self.minimum),
            });
        }
        let tlp = Tlp::parse(tlp)
            .filter(|t| *t >= self.minimum_tlp)
            .ok_or_else(|| MarkingError {
                field: "tlp",
                message: Msg::new("reports-tlp-choose").arg("minimum", self.minimum_tlp.label()),
            })?;
        Ok((marking.to_string(), tlp))
    }
}

/// A file-name-safe form of a text: lower case ASCII, å ä → a, ö → o, others → '-'.
pub fn file_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end_matches('-').to_string()
}

/// The download's file name: period, edition, version, marking and TLP, e.g.
/// `lagesbild-2026-Q3-utgava-4-v2-intern-tlp-green.pdf`.
pub fn pdf_file_name(
    period: &str,
    edition: i64,
    version: Option<i32>,
    marking: &str,
    tlp: Tlp,
) -> String {
    let v = match version {
        Some(v) => format!("v{v}"),
        None => "utkast".into(),
    };
    format!(
        "lagesbild-{period}-utgava-{edition}-{v}-{}-tlp-{}.pdf",
        file_slug(marking),
        tlp.code().to_ascii_lowercase()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_sections() -> Template {
        let s = |key: &str, c: Component| TemplateSection {
            key: key.into(),
            title: Label::new(format!("Avsnitt {key}"), format!("Section {key}")),
            default_text: Label::new("Skriv här.", "Write here."),
            components: vec![c],
        };
        Template {
            sections: vec![
                s("a", Component::SummaryTable),
                s("b", Component::MonthlyTotal),
            ],
        }
    }

    #[test]
    fn templates_refuse_a_component_twice_and_empty_titles() {
        two_sections().validate().unwrap();
        let mut t = two_sections();
        t.sections[1].components.push(Component::SummaryTable);
        let err = t.validate().unwrap_err();
        assert_eq!(err.key, "reports-template-component-twice");
        let mut t = two_sections();
        t.sections[0].title.en.clear();
        assert!(t.validate().is_err());
        assert!(Template { sections: vec![] }.validate().is_err());
    }

    #[test]
    fn a_new_edition_starts_with_the_default_text_of_its_language() {
        let t = two_sections();
        assert_eq!(
            EditionContent::from_template(&t, Lang::En).sections[0].text,
            "Write here."
        );
        assert_eq!(
            EditionContent::from_template(&t, Lang::Sv).sections[0].text,
            "Skriv här."
        );
    }

    #[test]
    fn labels_read_from_older_json_may_be_plain_strings() {
        let both: Label = serde_json::from_str(r#"{"sv":"Totalt","en":"Total"}"#).unwrap();
        assert_eq!(both, Label::new("Totalt", "Total"));
        let same: Label = serde_json::from_str(r#""1,5""#).unwrap();
        assert_eq!(same, Label::same("1,5"));
        let json = serde_json::to_string(&same).unwrap();
        assert_eq!(json, r#"{"sv":"1,5","en":"1,5"}"#);
    }

    #[test]
    fn the_minimum_marking_is_the_configured_default() {
        let p = MarkingPolicy::standard();
        assert_eq!(p.check("Öppen", "GREEN").unwrap_err().field, "marking");
        assert_eq!(
            p.check("Intern", "amber").unwrap(),
            ("Intern".to_string(), Tlp::Amber)
        );
        assert_eq!(p.check("Intern", "CLEAR").unwrap_err().field, "tlp");
        assert!(p
            .check("Begränsad – endast för tjänstebruk", "TLP:RED")
            .is_ok());
        assert!(p.check("Hemlig", "RED").is_err());
    }

    #[test]
    fn four_eyes() {
        assert!(may_approve(3, &[1, 2]));
        assert!(!may_approve(2, &[1, 2]));
    }

    #[test]
    fn file_names_carry_marking_and_tlp_in_ascii() {
        assert_eq!(
            pdf_file_name(
                "2026-Q3",
                4,
                Some(2),
                "Begränsad – endast för tjänstebruk",
                Tlp::Amber
            ),
            "lagesbild-2026-Q3-utgava-4-v2-begransad-endast-for-tjanstebruk-tlp-amber.pdf"
        );
        assert_eq!(
            pdf_file_name("2026-Q3", 1, None, "Intern", Tlp::Green),
            "lagesbild-2026-Q3-utgava-1-utkast-intern-tlp-green.pdf"
        );
    }
}
