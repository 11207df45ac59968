//! Tests for the screening module. All identity numbers are synthetic: check
//! digits are computed here, no real person's number is written literally.

use super::*;
use proptest::prelude::*;
use PersonalDataKind::*;

// --- synthetic identity numbers -------------------------------------------

/// Independent Luhn implementation for the tests (weights 2,1,2,... on YYMMDDNNN).
fn luhn(nine: &str) -> u32 {
    let sum: u32 = nine
        .chars()
        .map(|ch| ch.to_digit(10).expect("digit"))
        .enumerate()
        .map(|(i, d)| {
            let p = d * if i % 2 == 0 { 2 } else { 1 };
            p / 10 + p % 10
        })
        .sum();
    (10 - sum % 10) % 10
}

/// "YYMMDDNNN" -> "YYMMDDNNNC" with a correct check digit.
fn with_check_digit(yymmddnnn: &str) -> String {
    assert_eq!(yymmddnnn.len(), 9);
    format!("{yymmddnnn}{}", luhn(yymmddnnn))
}

/// 10-digit form: `p10("850101", "123", "-")` -> "850101-123C".
fn p10(yymmdd: &str, nnn: &str, sep: &str) -> String {
    let full = with_check_digit(&format!("{yymmdd}{nnn}"));
    format!("{}{sep}{}", &full[..6], &full[6..])
}

/// 12-digit form: `p12("19850101", "123", "-")` -> "19850101-123C".
fn p12(yyyymmdd: &str, nnn: &str, sep: &str) -> String {
    let full = with_check_digit(&format!("{}{nnn}", &yyyymmdd[2..]));
    format!("{yyyymmdd}{sep}{}", &full[6..])
}

/// 10-digit form with a wrong check digit.
fn p10_bad_luhn(yymmdd: &str, nnn: &str) -> String {
    let c = luhn(&format!("{yymmdd}{nnn}"));
    format!("{yymmdd}-{nnn}{}", (c + 1) % 10)
}

fn kinds(text: &str) -> Vec<PersonalDataKind> {
    match screen(text) {
        Ok(()) => Vec::new(),
        Err(findings) => findings.into_iter().map(|f| f.kind).collect(),
    }
}

// --- tables ---------------------------------------------------------------

fn refused_cases() -> Vec<(String, PersonalDataKind)> {
    let s = |t: &str, k| (t.to_string(), k);
    vec![
        // personnummer, 10-digit
        (
            format!(
                "Ärendet gällde {} som ansökte om bidrag.",
                p10("850101", "123", "-")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Uppgiven identitet {} användes vid tre tillfällen.",
                p10("900315", "456", "")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Den avlidne ({}) hade fått post till en ny adress.",
                p10("120612", "321", "+")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Skatteverket noterade {}, som saknade folkbokföring.",
                p10("051130", "987", "-")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Skottdagen 2000: {} registrerades.",
                p10("000229", "555", "-")
            ),
            PersonalIdentityNumber,
        ),
        // personnummer, 12-digit
        (
            format!(
                "Personen med {} återkom i maj.",
                p12("19850101", "123", "-")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Identiteten {} kapades via BankID.",
                p12("19770704", "642", "")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Dödsboet efter {} utnyttjades.",
                p12("19160820", "118", "+")
            ),
            PersonalIdentityNumber,
        ),
        (
            format!("Född skottdagen {}.", p12("20000229", "210", "-")),
            PersonalIdentityNumber,
        ),
        (
            format!("Dnr {} avsåg en ansökan.", p10("880808", "468", "-")),
            PersonalIdentityNumber,
        ),
        (
            format!("ärendenummer {}", p12("19930512", "777", "")),
            PersonalIdentityNumber,
        ),
        // samordningsnummer
        (
            format!(
                "Samordningsnumret {} användes av flera.",
                p10("850161", "234", "-")
            ),
            CoordinationNumber,
        ),
        (
            format!(
                "Ett samordningsnummer ({}) tilldelades.",
                p12("19900391", "345", "-")
            ),
            CoordinationNumber,
        ),
        (
            format!(
                "Utländsk medborgare med {} reste in.",
                p10("020288", "765", "")
            ),
            CoordinationNumber,
        ),
        (
            format!(
                "Numret {} förekom i två ärenden.",
                p12("20010671", "432", "+")
            ),
            CoordinationNumber,
        ),
        // masked tails
        s(
            "Ärendet gällde 19850101-XXXX som ansökte om bostadsbidrag.",
            PersonalIdentityNumber,
        ),
        s(
            "Personen 850101-XXXX hade flera adresser.",
            PersonalIdentityNumber,
        ),
        s(
            "Den misstänkte, 19850101-xxxx, greps.",
            PersonalIdentityNumber,
        ),
        s(
            "Identiteten 850101-**** användes igen.",
            PersonalIdentityNumber,
        ),
        s(
            "Uppgiften 8501011**** lämnades av banken.",
            PersonalIdentityNumber,
        ),
        s(
            "Målsäganden (19850101XXXX) kontaktades.",
            PersonalIdentityNumber,
        ),
        s(
            "Samordningsnummer 850161-XXXX spärrades.",
            CoordinationNumber,
        ),
        s(
            "Endast kontrollsiffran dold: 850101-123* i underlaget.",
            PersonalIdentityNumber,
        ),
        (
            format!(
                "Inklistrat med tankstreck: {}.",
                p10("850101", "123", "-").replace('-', "\u{2013}")
            ),
            PersonalIdentityNumber,
        ),
        // interim numbers
        s(
            "Patienten fick reservnummer 19850101-T123 på akuten.",
            InterimNumber,
        ),
        s(
            "Interimsnumret 850101-TF12 hade återanvänts.",
            InterimNumber,
        ),
        s("Vården använde 19850101T123 i journalen.", InterimNumber),
        // e-mail
        s(
            "Kontakta handläggaren på anna.svensson@example.se för mer information.",
            Email,
        ),
        s("E-post: k.lund+test@polisen.example.com", Email),
        s("Mejlet kom från ÅSA.ÖBERG@exempel.se i mars.", Email),
        s(
            "Skriv till anna (at) example.se om du vill veta mer.",
            Email,
        ),
        s("Svar skickades till per_persson@sub.domain.org.", Email),
        s("Avsändaren (info@bedragare.example) bad om koder.", Email),
        // phone numbers
        s(
            "Ring handläggaren på 070-123 45 67 före kl. 16.",
            PhoneNumber,
        ),
        s(
            "Bedragaren ringde från 0701234567 flera gånger.",
            PhoneNumber,
        ),
        s(
            "Numret 073 123 45 67 användes i sms-kampanjen.",
            PhoneNumber,
        ),
        s("Växeln nås på 08-123 456 78.", PhoneNumber),
        s("Kontor i Göteborg: 031-12 34 56", PhoneNumber),
        s("Samtalet kom från 0480-123 45 i Kalmar.", PhoneNumber),
        s(
            "Utlandssamtal från +46 70 123 45 67 noterades.",
            PhoneNumber,
        ),
        s("SMS från +46701234567 innehöll en länk.", PhoneNumber),
        s("Faxnummer 0046 8 123 456 78 angavs.", PhoneNumber),
        s("Ring +46 (0)8-123 456 78 dagtid.", PhoneNumber),
        s("Telefon (08) 123 456 78 till kontoret.", PhoneNumber),
        s("Nummer 076-123 45 67 och år 2025.", PhoneNumber),
        // street addresses
        s("Brevet skickades till Storgatan 12 i Umeå.", StreetAddress),
        s("Folkbokförd på Kungsvägen 3B sedan januari.", StreetAddress),
        s(
            "Adressen Drottninggatan 5 lgh 1102 användes av tio personer.",
            StreetAddress,
        ),
        s("Postlådan på Prästgränd 4 tömdes.", StreetAddress),
        s("De bodde på björkstigen 7.", StreetAddress),
        s("Lägenheten på Lindallén 2 hyrdes ut.", StreetAddress),
        s("Mötet hölls på Stortorget 1.", StreetAddress),
        s("Kvarnbacken 14 var en känd adress.", StreetAddress),
        s("Adress: ÅNGBÅTSPLATSEN 9", StreetAddress),
        // postcodes
        s("Försändelsen gick till 123 45 Stockholm.", Postcode),
        s(
            "Adressändring till 41301 Göteborg gjordes digitalt.",
            Postcode,
        ),
        s("Avsändare SE-211 20 Malmö.", Postcode),
        s("Ny adress: 981 38 Kiruna", Postcode),
        // document numbers
        s(
            "Personen uppgav passnummer 12345678 vid kontrollen.",
            DocumentNumber,
        ),
        s(
            "Ett förfalskat pass nr AA1234567 beslagtogs.",
            DocumentNumber,
        ),
        s("Uppvisat id-kort: 1234 5678", DocumentNumber),
        s("Körkort 123456789 var spärrat.", DocumentNumber),
        s("Passnr: 87654321 lämnades till polisen.", DocumentNumber),
        s("ID-kortet med nummer 12345678 var äkta.", DocumentNumber),
        s("Pass: XP1234567 från tredje land.", DocumentNumber),
        s("Körkortsnummer 12-345678 förekom.", DocumentNumber),
        s("Id-kortsnummer: AB 123456 angavs.", DocumentNumber),
    ]
}

fn accepted_cases() -> Vec<String> {
    let mut v: Vec<String> = [
        // case numbers
        "Se dnr 8-93999-2025 för bakgrund.",
        "Ärendet K123456-25 avslutades.",
        "Ärendet AM-12345-24 har överlämnats.",
        "Diarienummer A-2025-0123 och Ä-2025-0456.",
        "Dnr 2025/01234 gäller samma fenomen.",
        // dates, ranges, timestamps
        "Rapporten avser 2025-03-14.",
        "Perioden 240101-240331 jämfört med föregående år.",
        "Perioden 2024-01-01--2024-03-31 visar en ökning.",
        "Perioden 20240101-20240331 visar en ökning.",
        "Mötet hölls 14 mars 2025 i Stockholm.",
        "Inkom 2025-03-14 13:45:00 via e-tjänsten.",
        "Tidsstämpel 2025-03-14T13:45:00Z i loggen.",
        "Kompakt tidsstämpel 20250314T134500Z.",
        "Telefontid 08.00–16.30 på vardagar.",
        "Anmälan kom kl. 08:30 och hanterades direkt.",
        "Händelsen 08-02-2024 rapporterades sent.",
        // organisation numbers
        "Bolaget 556016-0680 användes som målvakt.",
        "Org.nr 802002-1234 tillhör en ideell förening.",
        // years, amounts, percentages, counts, periods
        "Under 2026 väntas fler ärenden.",
        "Skadan uppgick till 1 234 567 kr.",
        "Totalt 12 000 000 kronor betalades ut felaktigt.",
        "Beloppet var SEK 250 000 per ärende.",
        "Summan blev 1 050 000 000 kr under året.",
        "Andelen ökade till 12,5 % under perioden.",
        "Det blev en ökning med 340 ärenden jämfört med 2024.",
        "Mellan 2023 och 2025 ökade ärendena från 1 200 till 3 400.",
        "I 45 av 1 300 ärenden fanns en koppling.",
        "Tre av fyra ärenden (75 %) gällde kvinnor.",
        "Prognosen för 2026-Q3 är osäker.",
        "Halvåret 2026-H2 redovisas separat.",
        "Månadsrapport 2026-07 är klar.",
        "Vecka 12, 2025 sticker ut.",
        // plain text, keywords without numbers
        "Bedrägerier mot äldre i Västra Götaland ökar; åtgärder övervägs.",
        "Bedrägerierna skedde längs Storgatan i centrum.",
        "Han var på vägen 12 gånger utan att ta sig fram.",
        "Förfalskade pass ökar kraftigt.",
        "Ett EU-pass användes vid gränsen.",
        "Ett pass från tredje land visades upp.",
        "Antalet pass som spärrades ökade med 340.",
        "Passet var förfalskat 2025-03-14.",
        "Förfalskade pass 2024-2025 ökade.",
        "Falska id-kort: 120 000 under året.",
        "Körkort utfärdade 2025 granskades.",
        "Kompassen 123456 är ingen identitet.",
        "Samtal från 0046-nummer ökade.",
        "Växeln har 08-nummer men inget angavs.",
        "Version 0.9.1 av tjänsten driftsattes.",
        "Enligt SFS 2018:218 ska uppgifterna skyddas.",
        "Kontakta oss via @myndigheten på sociala medier.",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // identity-shaped numbers that are not identity numbers
    v.push(format!(
        "Felaktig kontrollsiffra: {}.",
        p10_bad_luhn("850101", "123")
    ));
    v.push(format!("Ogiltig månad: {}.", with_check_digit("851301123")));
    v.push(format!(
        "Ogiltig dag: 850230-{}.",
        &with_check_digit("850230123")[6..]
    ));
    v.push(format!(
        "Ogiltig samordningsdag: 850192-{}.",
        &with_check_digit("850192123")[6..]
    ));
    v.push(format!(
        "1900 var inget skottår: 19000229-{}.",
        &with_check_digit("000229123")[6..]
    ));
    v.push(format!(
        "Inbäddat i längre tal: 12{}34.",
        with_check_digit("850101123")
    ));
    v
}

#[test]
fn refused_table() {
    let cases = refused_cases();
    assert!(cases.len() >= 45, "only {} refused cases", cases.len());
    println!("refused cases: {}", cases.len());
    let mut failures = Vec::new();
    for (text, kind) in &cases {
        let got = kinds(text);
        if got != vec![*kind] {
            failures.push(format!("{text:?}: expected [{kind:?}], got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "refused-table failures:\n{}",
        failures.join("\n")
    );
}

#[test]
fn accepted_table() {
    let cases = accepted_cases();
    assert!(cases.len() >= 45, "only {} accepted cases", cases.len());
    println!("accepted cases: {}", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|text| screen(text).err().map(|f| format!("{text:?}: {f:?}")))
        .collect();
    assert!(
        failures.is_empty(),
        "accepted-table failures:\n{}",
        failures.join("\n")
    );
}

// --- positions and masking -------------------------------------------------

#[test]
fn position_and_masking_of_10_digit_number() {
    let pnr = p10("850101", "123", "-");
    let text = format!("Ärendet gällde {pnr} som ansökte.");
    let findings = screen(&text).unwrap_err();
    assert_eq!(findings.len(), 1);
    // "Ärendet gällde " is 15 characters (Ä and ä count as one each).
    assert_eq!(findings[0].position, 16);
    assert_eq!(findings[0].masked, "8501**-****");
}

#[test]
fn position_and_masking_of_12_digit_and_masked_tail() {
    let pnr = p12("19850101", "123", "");
    let text = format!("Åsa på Öland: {pnr}");
    let f = screen(&text).unwrap_err();
    assert_eq!(f[0].position, 15);
    assert_eq!(f[0].masked, "1985********");
    let f = screen("Åäö 19850101-XXXX").unwrap_err();
    assert_eq!((f[0].position, f[0].masked.as_str()), (5, "1985****-****"));
}

#[test]
fn position_and_masking_of_other_kinds() {
    let f = screen("Kontakta Åsa på åsa.öberg@exempel.se").unwrap_err();
    assert_eq!(
        (f[0].kind, f[0].position, f[0].masked.as_str()),
        (Email, 17, "å***@***")
    );

    let f = screen("Ring 070-123 45 67").unwrap_err();
    assert_eq!(
        (f[0].kind, f[0].position, f[0].masked.as_str()),
        (PhoneNumber, 6, "070-*** ** **")
    );

    let f = screen("Bor på Storgatan 12").unwrap_err();
    assert_eq!(
        (f[0].kind, f[0].position, f[0].masked.as_str()),
        (StreetAddress, 8, "Stor***** **")
    );

    let f = screen("Passnummer 12345678").unwrap_err();
    assert_eq!(
        (f[0].kind, f[0].position, f[0].masked.as_str()),
        (DocumentNumber, 12, "12******")
    );
}

#[test]
fn several_findings_are_ordered_by_position() {
    let text = format!(
        "Åsa bor på Storgatan 12, 123 45 Stockholm, tel 070-123 45 67, pnr {}.",
        p10("850101", "123", "-")
    );
    let k = kinds(&text);
    assert_eq!(
        k,
        vec![StreetAddress, Postcode, PhoneNumber, PersonalIdentityNumber]
    );
    let f = screen(&text).unwrap_err();
    assert!(f.windows(2).all(|w| w[0].position < w[1].position));
}

#[test]
fn masked_never_reveals_more_than_four_digits() {
    for (text, _) in refused_cases() {
        for f in screen(&text).unwrap_err() {
            let digits = f.masked.chars().filter(char::is_ascii_digit).count();
            assert!(digits <= 4, "{text:?} -> {:?}", f.masked);
        }
    }
}

#[test]
fn codes_labels_and_advice_are_present() {
    let all = [
        PersonalIdentityNumber,
        CoordinationNumber,
        InterimNumber,
        Email,
        PhoneNumber,
        StreetAddress,
        Postcode,
        DocumentNumber,
    ];
    let codes: std::collections::HashSet<_> = all.iter().map(|k| k.code()).collect();
    assert_eq!(codes.len(), all.len());
    let catalogue =
        std::sync::Arc::new(crate::i18n::Catalogue::load().expect("the catalogues parse"));
    for lang in crate::i18n::Lang::ALL {
        let tr = catalogue.tr(lang);
        for k in all {
            assert!(tr.has(k.key()) && tr.has(k.advice_key()), "{k:?}");
            assert!(!tr.t(k.key()).is_empty() && !tr.t(k.advice_key()).is_empty());
        }
        assert!(tr.t(PersonalIdentityNumber.advice_key()).contains("dnr"));
    }
    assert_eq!(Postcode.code(), "postadress");
}

#[test]
fn luhn_helpers_agree() {
    for nine in ["850101123", "000229555", "850161234", "120612321"] {
        let digits: Vec<u32> = nine.chars().map(|c| c.to_digit(10).unwrap()).collect();
        assert_eq!(luhn_check_digit(&digits), luhn(nine));
    }
}

// --- property tests --------------------------------------------------------

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A random valid personnummer/samordningsnummer in a random form, with its kind.
fn arb_identity() -> impl Strategy<Value = (String, PersonalDataKind)> {
    (
        1900u32..=2025,
        1u32..=12,
        0u32..31,
        any::<bool>(),
        0u32..1000,
        any::<bool>(),
        0usize..4,
        0usize..5,
    )
        .prop_map(
            |(year, month, day_seed, coordination, nnn, twelve, sep, tail)| {
                let day = day_seed % days_in(year, month) + 1 + if coordination { 60 } else { 0 };
                let yymmdd = format!("{:02}{month:02}{day:02}", year % 100);
                let full = with_check_digit(&format!("{yymmdd}{nnn:03}"));
                let date = if twelve {
                    format!("{year}{month:02}{day:02}")
                } else {
                    yymmdd
                };
                let tail = match tail {
                    0 | 1 => full[6..].to_string(),
                    2 => "XXXX".to_string(),
                    3 => "xxxx".to_string(),
                    _ => "****".to_string(),
                };
                let sep = ["-", "+", "", "\u{2013}"][sep];
                let kind = if coordination {
                    CoordinationNumber
                } else {
                    PersonalIdentityNumber
                };
                (format!("{date}{sep}{tail}"), kind)
            },
        )
}

const WORDS: &[&str] = &[
    "ärendet",
    "gällde",
    "som",
    "ansökte",
    "om",
    "bidrag",
    "Åsa",
    "Östersund",
    "över",
    "ökning",
    "år",
    "försäkringskassan",
    "identitetsmissbruk",
    "och",
    "med",
    "pass",
    "id-kort",
    "körkort",
    "Göteborg",
    "Malmö",
    "bedrägeri",
    "2025",
    "2026",
    "340",
    "12 000 kr",
    "SEK 250 000",
    "12,5 %",
    "2026-Q3",
    "dnr 8-93999-2025",
    "2025-03-14",
    "1 234 567 kronor",
    "ärenden",
    "fler",
    "än",
    "Storgatan",
    "pnr:",
    "nr",
    "(uppgift",
    "saknas)",
    "—",
    "vägen",
    "K123456-25",
];

fn arb_words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..12).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn valid_identity_numbers_are_always_refused(
        (number, kind) in arb_identity(),
        prefix in arb_words(),
        left in prop::sample::select(&[" ", " (", ": ", ", ", " – ", "\n", " \"", " ["][..]),
        right in prop::sample::select(&[" ", ") ", ". ", ", ", "; ", "! ", "\n", "\" ", "] "][..]),
        suffix in arb_words(),
    ) {
        let text = format!("{prefix}{left}{number}{right}{suffix}");
        let expected_position = prefix.chars().count() + left.chars().count() + 1;
        let findings = screen(&text).expect_err("identity number must be refused");
        prop_assert!(
            findings.iter().any(|f| f.kind == kind && f.position == expected_position),
            "text {:?}: findings {:?}", text, findings
        );
        for f in &findings {
            prop_assert!(f.masked.chars().filter(char::is_ascii_digit).count() <= 4);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_unicode(text in any::<String>()) {
        let _ = screen(&text);
    }

    #[test]
    fn never_panics_on_number_like_noise(text in "[0-9 +\\-xX*()@.:,a-zåäöÅÄÖ\u{a0}–]{0,80}") {
        if let Err(findings) = screen(&text) {
            let n = text.chars().count();
            for f in findings {
                prop_assert!(f.position >= 1 && f.position <= n);
            }
        }
    }
}

// --- performance sanity ------------------------------------------------------

#[test]
#[ignore = "timing sanity; run with --release -- --ignored --nocapture"]
fn timing_of_ordinary_text() {
    let sentence = "Under första kvartalet 2025 ökade antalet anmälningar om identitetsmissbruk \
                    med 12,5 % jämfört med 2024. Ökningen gällde främst förfalskade pass och \
                    kapade konton hos banker i Västra Götaland och Skåne. ";
    let mut text = String::new();
    while text.chars().count() < 1000 {
        text.push_str(sentence);
    }
    let text: String = text.chars().take(1000).collect();
    assert!(screen(&text).is_ok());
    let rounds = 2000;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        assert!(screen(std::hint::black_box(&text)).is_ok());
    }
    let per_call = start.elapsed() / rounds;
    println!("screen() on 1000 characters: {per_call:?} per call");
}
