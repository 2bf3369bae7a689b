//! Nationality adjectives (nisba): أرميني، الأرمينية، الأذربيجانيون → the country.
//!
//! Regular adjectives are made by rule from the country's Arabic name: the nisba
//! suffix ي replaces a final ا, يا or ة (روسيا→روسي، فرنسا→فرنسي، السعودية→سعودي) and
//! is added otherwise (أذربيجان→أذربيجاني، مصر→مصري، الإمارات→إماراتي). Names that end
//! in ي or و, and names of more than one word, get no rule form: Arabic has no single
//! regular pattern for them (مالي is also "financial"; توغو→توغولي). Those, and the
//! irregular adjectives (أمريكي، بريطاني، أذري، نمساوي), come from a curated list.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    Masculine,
    Feminine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Number {
    Singular,
    Plural,
}

/// What a nationality word tells: the country, its grammatical form, and whether it
/// can stand alone as a noun for the nation's people (الأرمن، الأذربيجانيون) rather
/// than only qualify a noun. A people noun names people, not the state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Demonym {
    pub country: String,
    pub gender: Gender,
    pub number: Number,
    pub definite: bool,
    pub people: bool,
}

/// The masculine singular adjective stem (a key, without the final ي) made by rule
/// from a country's Arabic name as written, or `None` when Arabic has no regular nisba
/// for it. The name as written matters: ال is the article in السودان but part of the
/// name in ألمانيا, and only the written hamza tells them apart.
pub fn rule_stem(country_name: &str) -> Option<String> {
    let name = country_name.trim();
    if name.contains(char::is_whitespace) {
        return None;
    }
    let bare = name.strip_prefix("ال").unwrap_or(name);
    let bare = marsad_text::key(bare);
    if bare.chars().count() < 3 || bare.ends_with('ي') || bare.ends_with('و') {
        return None;
    }
    let stem = ["يا", "يه", "ا", "ه"]
        .iter()
        .find_map(|suffix| bare.strip_suffix(suffix))
        .unwrap_or(&bare);
    (stem.chars().count() >= 2).then(|| stem.to_string())
}

/// Every inflected key of a nisba adjective given its masculine singular key
/// (`ارميني`, or several words: `كوري جنوبي`), each with its reading.
pub fn inflections(masc_sg_key: &str, country: &str) -> Vec<(String, Demonym)> {
    const FORMS: [(&str, Gender, Number, bool); 5] = [
        ("ي", Gender::Masculine, Number::Singular, false),
        ("يه", Gender::Feminine, Number::Singular, false),
        ("يون", Gender::Masculine, Number::Plural, true),
        ("يين", Gender::Masculine, Number::Plural, true),
        ("يات", Gender::Feminine, Number::Plural, false),
    ];
    let words: Vec<&str> = masc_sg_key.split(' ').collect();
    let stems: Option<Vec<&str>> = words.iter().map(|w| w.strip_suffix('ي')).collect();
    let Some(stems) = stems else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(FORMS.len() * 2);
    for (suffix, gender, number, people) in FORMS {
        for definite in [false, true] {
            let form: Vec<String> = stems
                .iter()
                .map(|s| {
                    let article = if definite { "ال" } else { "" };
                    format!("{article}{s}{suffix}")
                })
                .collect();
            out.push((
                form.join(" "),
                Demonym {
                    country: country.to_string(),
                    gender,
                    number,
                    definite,
                    people,
                },
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    fn stem(name: &str) -> Option<String> {
        rule_stem(name)
    }

    #[test]
    fn nisba_follows_the_country_name() {
        assert_eq!(stem("روسيا").as_deref(), Some("روس"));
        assert_eq!(stem("أرمينيا").as_deref(), Some("ارمين"));
        assert_eq!(stem("فرنسا").as_deref(), Some("فرنس"));
        assert_eq!(stem("أذربيجان").as_deref(), Some("اذربيجان"));
        assert_eq!(stem("مصر").as_deref(), Some("مصر"));
        assert_eq!(stem("السعودية").as_deref(), Some("سعود"));
        assert_eq!(stem("الإمارات").as_deref(), Some("امارات"));
        assert_eq!(stem("السودان").as_deref(), Some("سودان"));
        assert_eq!(stem("ألمانيا").as_deref(), Some("المان"));
        assert_eq!(stem("ألبانيا").as_deref(), Some("البان"));
        assert_eq!(stem("سورية").as_deref(), Some("سور"));
        assert_eq!(stem("مالي"), None);
        assert_eq!(stem("جنوب السودان"), None);
    }

    #[test]
    fn inflections_cover_gender_number_and_article() {
        let forms = inflections("ارميني", "AM");
        let keys: Vec<&str> = forms.iter().map(|(k, _)| k.as_str()).collect();
        for k in ["ارميني", "الارمينيه", "الارمينيون", "ارمينيين", "الارمينيات"]
        {
            assert!(keys.contains(&k), "{k}");
        }
        let (_, d) = forms
            .iter()
            .find(|(k, _)| k == "الارمينيه")
            .expect("feminine definite form");
        assert_eq!(d.gender, Gender::Feminine);
        assert!(d.definite && !d.people);
        let two = inflections("كوري جنوبي", "KR");
        assert!(two.iter().any(|(k, _)| k == "الكوريه الجنوبيه"));
    }
}
