//! Where each byte of a text's key came from: the storage behind `Keyed::span_of`.

/// A byte offset into the original text as `Keyed` stores it: there is one per byte of
/// the key, so texts under 4 GiB keep them as `u32`, half the memory to write and read.
pub(crate) trait Offset: Copy {
    /// `at`, which the caller knows fits.
    fn of(at: usize) -> Self;
    fn at(self) -> usize;
}

impl Offset for u32 {
    #[inline(always)]
    fn of(at: usize) -> Self {
        at as u32
    }
    #[inline(always)]
    fn at(self) -> usize {
        self as usize
    }
}

impl Offset for usize {
    #[inline(always)]
    fn of(at: usize) -> Self {
        at
    }
    #[inline(always)]
    fn at(self) -> usize {
        self
    }
}

/// `Keyed`'s origins: `u32` offsets for texts shorter than `u32::MAX` bytes, else `usize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origins {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Origins {
    /// The offset at `i`, or the last one (the text's length) past the end.
    #[inline]
    pub(crate) fn at(&self, i: usize) -> usize {
        fn last<O: Offset>(v: &[O], i: usize) -> usize {
            v.get(i.min(v.len().saturating_sub(1)))
                .map_or(0, |o| o.at())
        }
        match self {
            Origins::Narrow(v) => last(v, i),
            Origins::Wide(v) => last(v, i),
        }
    }
}
