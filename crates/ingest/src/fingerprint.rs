//! Article ids and MinHash fingerprints, both over the matching key of the body so that
//! spelling noise (hamza forms, diacritics, tatweel) does not make two copies differ.

use marsad_model::Fingerprint;
use sha2::{Digest, Sha256};

/// Number of MinHash slots in a fingerprint.
pub const SLOTS: usize = 64;
const SHINGLE: usize = 3;

/// Article id: the first 16 hex digits of sha256 of the body's matching key.
pub fn article_id(body: &str) -> String {
    let digest = Sha256::digest(marsad_text::key(body).as_bytes());
    hex::encode(&digest[..8])
}

/// MinHash signature (64 slots) over word 3-shingles of the body's matching key.
/// A body shorter than one shingle is hashed as a single shingle; an empty body gives
/// all slots at `u32::MAX` (similar to nothing but another empty body).
pub fn fingerprint(body: &str) -> Fingerprint {
    let key = marsad_text::key(body);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut minhash = vec![u32::MAX; SLOTS];
    if words.is_empty() {
        return Fingerprint { minhash };
    }
    let mut add = |shingle: &[&str]| {
        let base = shingle_hash(shingle);
        for (slot, m) in minhash.iter_mut().enumerate() {
            // One cheap independent hash per slot: the shingle hash remixed with a slot seed.
            let h = mix(base ^ SEEDS[slot]) as u32;
            if h < *m {
                *m = h;
            }
        }
    };
    if words.len() < SHINGLE {
        add(&words);
    } else {
        words.windows(SHINGLE).for_each(&mut add);
    }
    Fingerprint { minhash }
}

/// FNV-1a over the words with a separator: stable across runs, machines and versions.
fn shingle_hash(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// splitmix64 finaliser.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

const SEEDS: [u64; SLOTS] = {
    let mut s = [0u64; SLOTS];
    let mut i = 0;
    while i < SLOTS {
        s[i] = mix(0x5eed_0000 + i as u64);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "أعلنت وزارة الدفاع الأذربيجانية أن قواتها سيطرت على مواقع جديدة في إقليم قره باغ بعد اشتباكات عنيفة مع القوات الأرمينية استمرت طوال الليل";

    #[test]
    fn id_is_16_hex_digits_and_ignores_spelling_noise() {
        let id = article_id(TEXT);
        assert_eq!(id.len(), 16);
        assert!(id.bytes().all(|b| b.is_ascii_hexdigit()));
        // Hamza and taa marbuta variants and extra spaces give the same key, so the same id.
        let variant = TEXT.replace("أ", "ا").replace("ة", "ه").replace(' ', "  ");
        assert_eq!(article_id(&variant), id);
        assert_ne!(article_id("نص آخر تماما"), id);
    }

    #[test]
    fn fingerprint_is_stable_and_measures_overlap() {
        let f = fingerprint(TEXT);
        assert_eq!(f.minhash.len(), SLOTS);
        assert_eq!(f, fingerprint(TEXT));
        let edited = format!("{TEXT} وقالت مصادر محلية إن الهدوء عاد إلى المنطقة");
        let g = fingerprint(&edited);
        let sim = f.similarity(&g);
        assert!(sim > 0.5 && sim < 1.0, "similarity {sim}");
        let other = fingerprint("ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار منظمة أوبك خفض الإنتاج لشهرين إضافيين");
        assert!(f.similarity(&other) < 0.2);
    }

    #[test]
    fn short_and_empty_bodies_still_get_a_signature() {
        assert_eq!(fingerprint("").minhash, vec![u32::MAX; SLOTS]);
        let s = fingerprint("عاجل");
        assert!(s.minhash.iter().all(|&m| m < u32::MAX));
    }
}
