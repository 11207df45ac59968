//! The knowledge-and-situation report (kunskaps- och lägesbild) as the domain sees it:
//! templates, sections and their automatic content, the approval workflow, markings and
//! the report's language. Pure rules; no database, no layout.

use serde::{Deserialize, Serialize};

pub use super::lang::Lang;

/// A text in both report languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Label {
    pub sv: String,
    pub en: String,
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

    /// What the analyst sees in the composer.
    pub fn label_sv(self) -> &'static str {
        match self {
            Self::SummaryTable => {
                "Tabell: fall per missbrukstyp jämfört med föregående period och året innan"
            }
            Self::TrendByMisuseType => "Diagram: missbrukstyper per kvartal",
            Self::MonthlyTotal => "Diagram: totalt antal fall per månad",
            Self::ByExploitationArea => "Diagram: utnyttjandeområden per kvartal",
            Self::ByChainStage => "Diagram: identitetskedjans steg per kvartal",
            Self::ByDocumentType => "Diagram: handlingstyper per kvartal",
            Self::ByFraudType => "Diagram: typ av förfalskning per kvartal",
            Self::ByAgeBand => "Diagram: åldersgrupper per kvartal",
            Self::ByCitizenship => "Diagram: medborgarskap per kvartal",
            Self::MeasuresTable => "Tabell: åtgärder och deras uppmätta effekt",
            Self::MeasuresChart => "Diagram: missbrukstyper som åtgärder riktar sig mot",
            Self::TypeAreaHeatmap => "Värmekarta: missbrukstyp × utnyttjandeområde",
            Self::SignalsTable => "Tabell: automatiska signaler",
            Self::RisksList => "Lista: ökande serier och åtgärder som saknas",
            Self::ForumFollowups => "Tabell: forumets uppföljningspunkter",
            Self::MethodText => "Genererad text: underlag och röjandekontroll",
            Self::Completeness => "Tabell: vilka myndigheter som rapporterat",
            Self::Changes => "Tabell: ändrade siffror sedan föregående utgåva",
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

/// One section of a template: its title, the default text a new edition starts with, and
/// the automatic content it holds, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSection {
    pub key: String,
    pub title: Label,
    #[serde(default)]
    pub default_text: String,
    #[serde(default)]
    pub components: Vec<Component>,
}

/// A report template (mall): the sections of a new edition, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub sections: Vec<TemplateSection>,
}

impl Template {
    /// The default template: the sections DOMAIN.md names, in its order, plus the generated
    /// section on changes since the previous edition.
    pub fn standard() -> Self {
        use Component::*;
        let s = |key: &str, sv: &str, en: &str, text: &str, components: Vec<Component>| {
            TemplateSection {
                key: key.into(),
                title: Label::new(sv, en),
                default_text: text.into(),
                components,
            }
        };
        Self {
            sections: vec![
                s(
                    "summary",
                    "Sammanfattning",
                    "Summary",
                    "Skriv här en sammanfattning av periodens lägesbild: de viktigaste förändringarna och vad de betyder.",
                    vec![SummaryTable],
                ),
                s(
                    "trends",
                    "Trender och tendenser",
                    "Trends and tendencies",
                    "Beskriv hur omfattningen har utvecklats och vilka tendenser som syns.",
                    vec![TrendByMisuseType, MonthlyTotal],
                ),
                s(
                    "modus_operandi",
                    "Tillvägagångssätt (modus operandi)",
                    "Modus operandi",
                    "Beskriv de tillvägagångssätt som rapporterats under perioden.",
                    vec![ByExploitationArea, ByChainStage],
                ),
                s(
                    "documents",
                    "Identitetshandlingar",
                    "Identity documents",
                    "Beskriv vilka handlingar som missbrukas och hur.",
                    vec![ByDocumentType, ByFraudType],
                ),
                s(
                    "vulnerabilities",
                    "Sårbarheter och riskindikatorer",
                    "Vulnerabilities and risk indicators",
                    "Beskriv sårbarheter och riskindikatorer som myndigheterna sett.",
                    vec![ByAgeBand, ByCitizenship, RisksList],
                ),
                s(
                    "measures",
                    "Åtgärder och deras effekter",
                    "Measures and their effects",
                    "Bedöm effekterna av vidtagna åtgärder och konsekvenserna av åtgärder som inte vidtagits.",
                    vec![MeasuresTable, MeasuresChart],
                ),
                s(
                    "signals",
                    "Signaler",
                    "Signals",
                    "Kommentera de serier som ökat mer än deras historik förutsäger.",
                    vec![SignalsTable, TypeAreaHeatmap],
                ),
                s(
                    "forum",
                    "Forumets arbete",
                    "The forum's work",
                    "Beskriv vad Operativt ID-forum har arbetat med under perioden.",
                    vec![ForumFollowups],
                ),
                s(
                    "method",
                    "Metod och datakvalitet",
                    "Method and data quality",
                    "",
                    vec![MethodText, Completeness],
                ),
                s(
                    "changes",
                    "Ändringar sedan föregående utgåva",
                    "Changes since the previous edition",
                    "",
                    vec![Changes],
                ),
            ],
        }
    }

    /// Checks a template an admin saved: at least one section, unique non-empty keys and
    /// titles, each component at most once in the whole template.
    pub fn validate(&self) -> Result<(), String> {
        if self.sections.is_empty() {
            return Err("Mallen måste ha minst ett avsnitt.".into());
        }
        let mut keys = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::new();
        for s in &self.sections {
            if s.title.sv.trim().is_empty() || s.title.en.trim().is_empty() {
                return Err(format!(
                    "Avsnittet ”{}” saknar rubrik på svenska eller engelska.",
                    s.key
                ));
            }
            if s.title.sv.chars().count() > 120 || s.title.en.chars().count() > 120 {
                return Err("En rubrik får vara högst 120 tecken.".into());
            }
            if s.default_text.chars().count() > MAX_SECTION_TEXT {
                return Err(format!(
                    "Standardtexten i ”{}” är för lång (högst {MAX_SECTION_TEXT} tecken).",
                    s.title.sv
                ));
            }
            if !keys.insert(s.key.clone()) {
                return Err(format!("Avsnittet ”{}” finns två gånger.", s.key));
            }
            for c in &s.components {
                if !seen.insert(*c) {
                    return Err(format!(
                        "”{}” står i mer än ett avsnitt. Välj ett.",
                        c.label_sv()
                    ));
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
    pub fn from_template(t: &Template) -> Self {
        Self {
            sections: t
                .sections
                .iter()
                .map(|s| SectionContent {
                    key: s.key.clone(),
                    title: s.title.clone(),
                    text: s.default_text.clone(),
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

    pub fn label_sv(self) -> &'static str {
        match self {
            Self::Draft => "Utkast",
            Self::InReview => "Under granskning",
            Self::Approved => "Godkänd, ej publicerad",
            Self::Published => "Publicerad",
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

impl MarkingPolicy {
    pub fn standard() -> Self {
        Self {
            markings: vec![
                "Öppen".into(),
                "Intern".into(),
                "Begränsad – endast för tjänstebruk".into(),
            ],
            minimum: "Intern".into(),
            minimum_tlp: Tlp::Green,
        }
    }

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

    pub fn check(&self, marking: &str, tlp: &str) -> Result<(String, Tlp), String> {
        let marking = marking.trim();
        if !self.allowed().iter().any(|m| m == marking) {
            return Err(format!(
                "Välj en informationsklass i listan. Lägst tillåtna är ”{}”.",
                self.minimum
            ));
        }
        let tlp = Tlp::parse(tlp)
            .filter(|t| *t >= self.minimum_tlp)
            .ok_or_else(|| {
                format!(
                    "Välj en spridningsnivå (TLP). Lägst tillåtna är {}.",
                    self.minimum_tlp.label()
                )
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

    #[test]
    fn the_standard_template_is_valid_and_holds_ten_charts() {
        let t = Template::standard();
        t.validate().unwrap();
        let charts = t
            .sections
            .iter()
            .flat_map(|s| &s.components)
            .filter(|c| c.is_chart())
            .count();
        assert_eq!(charts, 10);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(serde_json::from_str::<Template>(&json).unwrap(), t);
    }

    #[test]
    fn templates_refuse_a_component_twice_and_empty_titles() {
        let mut t = Template::standard();
        t.sections[1].components.push(Component::SummaryTable);
        assert!(t.validate().is_err());
        let mut t = Template::standard();
        t.sections[0].title.en.clear();
        assert!(t.validate().is_err());
        assert!(Template { sections: vec![] }.validate().is_err());
    }

    #[test]
    fn the_minimum_marking_is_the_configured_default() {
        let p = MarkingPolicy::standard();
        assert!(p.check("Öppen", "GREEN").is_err());
        assert_eq!(
            p.check("Intern", "amber").unwrap(),
            ("Intern".to_string(), Tlp::Amber)
        );
        assert!(p.check("Intern", "CLEAR").is_err());
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
