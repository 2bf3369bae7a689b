//! The model file: `MARSADNER` magic, a format version, then a zlib stream holding the
//! hash size, the weight scale and transitions of each pass, lexicon, clusters and the non-zero weight rows.
//! Everything is little-endian and written in sorted order, so a model saves to the same
//! bytes every time.

use super::clusters::{ClusterMap, LEVELS};
use super::features::Resources;
use super::lexicon::Lexicon;
use super::model::{NerModel, Row, ROW};
use super::tag::Tag;
use super::NerError;
use flate2::read::ZlibDecoder;
use flate2::write::ZlibEncoder;
use flate2::Compression;
use std::io::{Read, Write};

const MAGIC: &[u8; 9] = b"MARSADNER";
pub(crate) const VERSION: u32 = 3;
const T: usize = Tag::COUNT;

pub(crate) fn to_bytes(m: &NerModel) -> Result<Vec<u8>, NerError> {
    let mut p = Vec::new();
    p.extend_from_slice(&m.resources.bits.to_le_bytes());
    for scale in m.scale {
        p.extend_from_slice(&scale.to_le_bytes());
    }
    for row in m.transitions.iter().flatten() {
        for x in row {
            p.extend_from_slice(&x.to_le_bytes());
        }
    }
    let mut lex: Vec<(u64, u16)> = m
        .resources
        .lexicon
        .entries
        .iter()
        .map(|(&k, &v)| (k, v))
        .collect();
    lex.sort_unstable();
    p.extend_from_slice(&(lex.len() as u32).to_le_bytes());
    for (k, v) in lex {
        p.extend_from_slice(&k.to_le_bytes());
        p.extend_from_slice(&v.to_le_bytes());
    }
    let mut cl: Vec<(u64, [u16; LEVELS])> =
        m.resources.clusters.iter().map(|(&k, &v)| (k, v)).collect();
    cl.sort_unstable();
    p.extend_from_slice(&(cl.len() as u32).to_le_bytes());
    for (k, v) in cl {
        p.extend_from_slice(&k.to_le_bytes());
        for x in v {
            p.extend_from_slice(&x.to_le_bytes());
        }
    }
    for weights in &m.weights {
        let rows: Vec<(usize, &Row)> = weights
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&x| x != 0))
            .collect();
        p.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (i, r) in rows {
            p.extend_from_slice(&(i as u32).to_le_bytes());
            for x in r {
                p.extend_from_slice(&x.to_le_bytes());
            }
        }
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&VERSION.to_le_bytes());
    let mut z = ZlibEncoder::new(out, Compression::best());
    z.write_all(&p)
        .map_err(|e| NerError::Format(e.to_string()))?;
    z.finish().map_err(|e| NerError::Format(e.to_string()))
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or_else(|| NerError::Format("model file is truncated".into()))?;
        self.0 = rest;
        Ok(*head)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        self.take().map(u16::from_le_bytes)
    }
    fn i16(&mut self) -> Result<i16, NerError> {
        self.take().map(i16::from_le_bytes)
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        self.take().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Result<u64, NerError> {
        self.take().map(u64::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        self.take().map(f32::from_le_bytes)
    }
}

pub(crate) fn from_bytes(bytes: &[u8]) -> Result<NerModel, NerError> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| NerError::Format("not a marsad NER model (bad magic)".into()))?;
    let mut head = Reader(rest);
    let version = head.u32()?;
    if version != VERSION {
        return Err(NerError::Format(format!(
            "NER model format version {version}, this build reads version {VERSION}"
        )));
    }
    let mut payload = Vec::new();
    ZlibDecoder::new(head.0)
        .read_to_end(&mut payload)
        .map_err(|e| NerError::Format(format!("corrupt model payload: {e}")))?;
    let mut r = Reader(&payload);
    let bits = r.u32()?;
    if !(10..=26).contains(&bits) {
        return Err(NerError::Format(format!("hash size 2^{bits} out of range")));
    }
    let scale = [r.f32()?, r.f32()?];
    let mut transitions = [[[0f32; T]; T + 1]; 2];
    for row in transitions.iter_mut().flatten() {
        for x in row.iter_mut() {
            *x = r.f32()?;
        }
    }
    let mut lexicon = Lexicon::default();
    for _ in 0..r.u32()? {
        let k = r.u64()?;
        lexicon.entries.insert(k, r.u16()?);
    }
    let mut clusters = ClusterMap::default();
    for _ in 0..r.u32()? {
        let k = r.u64()?;
        let mut v = [0u16; LEVELS];
        for x in v.iter_mut() {
            *x = r.u16()?;
        }
        clusters.insert(k, v);
    }
    let rows = 1usize << bits;
    let mut weights = [vec![[0i16; ROW]; rows], vec![[0i16; ROW]; rows]];
    for table in weights.iter_mut() {
        for _ in 0..r.u32()? {
            let i = r.u32()? as usize;
            let row = table
                .get_mut(i)
                .ok_or_else(|| NerError::Format(format!("weight row {i} out of range")))?;
            for x in row.iter_mut() {
                *x = r.i16()?;
            }
        }
    }
    if !r.0.is_empty() {
        return Err(NerError::Format("trailing bytes after the weights".into()));
    }
    Ok(NerModel {
        resources: Resources {
            lexicon,
            clusters,
            bits,
        },
        weights,
        scale,
        transitions,
        id: super::model::model_id(),
    })
}
