//! The log as static files, in the C2SP `tlog-tiles` layout.
//!
//! A tile at level `L` holds the hashes of tree level `8·L`: tile `N` the nodes `256·N` to
//! `256·N + 255`, 32 bytes each, concatenated. Its path is `tile/<L>/<N>`, `N` written in
//! groups of three digits, all but the last prefixed with `x` (`tile/0/x001/x234/067`). A
//! tile not yet full is served as a partial tile `tile/<L>/<N>.p/<W>` of its `W` hashes;
//! full tiles never change. `tile/entries/<N>` holds the leaves `256·N` … as a bundle:
//! each leaf preceded by its length as a big-endian 16-bit integer.

use std::collections::HashMap;

use tandoo_record::Hash;

use crate::merkle::{HashSource, ProofError, Tree, node_hash};

/// Levels of the tree that one tile spans.
pub const TILE_HEIGHT: u32 = 8;
/// Hashes (or entries) in a full tile.
pub const TILE_WIDTH: u64 = 1 << TILE_HEIGHT;

/// Which tile: a tile of hashes at a level, or an entry bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TileKind {
    Hashes { level: u32 },
    Entries,
}

/// A tile of a tree of some size: its kind, its index, and how many hashes or entries it
/// holds (256 for a full tile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TileRef {
    pub kind: TileKind,
    pub index: u64,
    pub width: u64,
}

impl TileRef {
    pub fn is_full(&self) -> bool {
        self.width == TILE_WIDTH
    }

    /// The path below the log's root, `tile/…`.
    pub fn path(&self) -> String {
        let level = match self.kind {
            TileKind::Hashes { level } => level.to_string(),
            TileKind::Entries => "entries".into(),
        };
        let mut path = format!("tile/{level}/{}", encode_index(self.index));
        if !self.is_full() {
            path.push_str(&format!(".p/{}", self.width));
        }
        path
    }

    /// Reads a path made by [`TileRef::path`]; `None` for anything else.
    pub fn parse(path: &str) -> Option<TileRef> {
        let rest = path.strip_prefix("tile/")?;
        let (level, rest) = rest.split_once('/')?;
        let kind = if level == "entries" {
            TileKind::Entries
        } else {
            if level.is_empty() || level.len() > 2 || !level.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            TileKind::Hashes {
                level: level.parse().ok()?,
            }
        };
        let (index, width) = match rest.split_once(".p/") {
            Some((index, width)) => {
                if width.is_empty()
                    || width.starts_with('0')
                    || !width.bytes().all(|b| b.is_ascii_digit())
                {
                    return None;
                }
                let width: u64 = width.parse().ok()?;
                if width == 0 || width >= TILE_WIDTH {
                    return None;
                }
                (index, width)
            }
            None => (rest, TILE_WIDTH),
        };
        let tile = TileRef {
            kind,
            index: decode_index(index)?,
            width,
        };
        // One spelling per tile: what does not write back the same is refused.
        (tile.path() == path).then_some(tile)
    }
}

fn encode_index(mut n: u64) -> String {
    let mut groups = vec![format!("{:03}", n % 1000)];
    n /= 1000;
    while n > 0 {
        groups.push(format!("x{:03}", n % 1000));
        n /= 1000;
    }
    groups.reverse();
    groups.join("/")
}

fn decode_index(text: &str) -> Option<u64> {
    let mut n: u64 = 0;
    let groups: Vec<&str> = text.split('/').collect();
    for (i, group) in groups.iter().enumerate() {
        let digits = if i + 1 < groups.len() {
            group.strip_prefix('x')?
        } else {
            group
        };
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        n = n.checked_mul(1000)?.checked_add(digits.parse().ok()?)?;
    }
    Some(n)
}

/// The width of tile `index` at `level` in a tree of `size` leaves (0: no such tile yet).
pub fn tile_width(level: u32, index: u64, size: u64) -> u64 {
    let nodes = if TILE_HEIGHT * level >= 64 {
        0
    } else {
        size >> (TILE_HEIGHT * level)
    };
    nodes.saturating_sub(index * TILE_WIDTH).min(TILE_WIDTH)
}

/// Every tile of a tree of `size` leaves: the hash tiles of each level with a node, and
/// the entry bundles.
pub fn tiles_of(size: u64) -> Vec<TileRef> {
    let mut out = Vec::new();
    let mut level = 0;
    loop {
        let nodes = size >> (TILE_HEIGHT * level);
        if nodes == 0 {
            break;
        }
        push_row(&mut out, TileKind::Hashes { level }, nodes);
        level += 1;
    }
    push_row(&mut out, TileKind::Entries, size);
    out
}

fn push_row(out: &mut Vec<TileRef>, kind: TileKind, count: u64) {
    for index in 0..count.div_ceil(TILE_WIDTH) {
        let width = (count - index * TILE_WIDTH).min(TILE_WIDTH);
        out.push(TileRef { kind, index, width });
    }
}

/// The bytes of a hash tile of `tree`, which must hold the tile.
pub fn hash_tile(tree: &Tree, level: u32, index: u64, width: u64) -> Option<Vec<u8>> {
    let row = tree.level(TILE_HEIGHT * level);
    let start = usize::try_from(index * TILE_WIDTH).ok()?;
    let end = start + usize::try_from(width).ok()?;
    let hashes = row.get(start..end)?;
    Some(hashes.iter().flat_map(|h| h.0).collect())
}

/// An entry bundle: each entry preceded by its length, big-endian, in two bytes.
pub fn entry_bundle<'e>(entries: impl IntoIterator<Item = &'e [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for entry in entries {
        let len = u16::try_from(entry.len()).expect("a log entry is shorter than 64 KiB");
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(entry);
    }
    out
}

/// The entries of a bundle, or `None` if it is cut short.
pub fn parse_entry_bundle(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_first_chunk::<2>()?;
        let len = usize::from(u16::from_be_bytes(*len));
        if rest.len() < len {
            return None;
        }
        out.push(&rest[..len]);
        bytes = &rest[len..];
    }
    Some(out)
}

/// The hashes of a published log of `size` leaves, read tile by tile through `fetch` (a
/// path below the log's root to its bytes), each tile once.
pub struct TileSource<F> {
    size: u64,
    fetch: F,
    cache: std::cell::RefCell<HashMap<(u32, u64), Vec<u8>>>,
}

impl<F: Fn(&str) -> Result<Vec<u8>, String>> TileSource<F> {
    pub fn new(size: u64, fetch: F) -> TileSource<F> {
        TileSource {
            size,
            fetch,
            cache: Default::default(),
        }
    }

    fn tile(&self, level: u32, index: u64) -> Result<Vec<u8>, String> {
        if let Some(bytes) = self.cache.borrow().get(&(level, index)) {
            return Ok(bytes.clone());
        }
        let width = tile_width(level, index, self.size);
        if width == 0 {
            return Err(format!("a log of {} leaves has no such tile", self.size));
        }
        let tile = TileRef {
            kind: TileKind::Hashes { level },
            index,
            width,
        };
        let bytes = (self.fetch)(&tile.path())?;
        if bytes.len() as u64 != width * 32 {
            return Err(format!(
                "{} holds {} bytes, not {}",
                tile.path(),
                bytes.len(),
                width * 32
            ));
        }
        self.cache
            .borrow_mut()
            .insert((level, index), bytes.clone());
        Ok(bytes)
    }
}

impl<F: Fn(&str) -> Result<Vec<u8>, String>> HashSource for TileSource<F> {
    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError> {
        let unavailable = |detail: String| ProofError::HashUnavailable {
            start: index << level,
            count: 1 << level,
            detail,
        };
        if (index + 1) << level > self.size {
            return Err(unavailable(format!("the log has {} leaves", self.size)));
        }
        // The node is the root of 2^r hashes of the tile level below it, all in one tile.
        let (tile_level, r) = (level / TILE_HEIGHT, level % TILE_HEIGHT);
        let first = index << r;
        let tile_index = first / TILE_WIDTH;
        let bytes = self.tile(tile_level, tile_index).map_err(unavailable)?;
        let offset = usize::try_from(first % TILE_WIDTH).map_err(|e| unavailable(e.to_string()))?;
        let mut row: Vec<Hash> = bytes[offset * 32..(offset + (1 << r)) * 32]
            .chunks_exact(32)
            .map(|c| Hash(c.try_into().expect("32-byte chunks")))
            .collect();
        while row.len() > 1 {
            row = row
                .chunks_exact(2)
                .map(|p| node_hash(&p[0], &p[1]))
                .collect();
        }
        Ok(row[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_as_the_specification_writes_them() {
        let t = |level, index, width| TileRef {
            kind: TileKind::Hashes { level },
            index,
            width,
        };
        assert_eq!(t(0, 1, 256).path(), "tile/0/001");
        assert_eq!(t(4, 1, 5).path(), "tile/4/001.p/5");
        assert_eq!(t(3, 123_456_078, 256).path(), "tile/3/x123/x456/078");
        assert_eq!(t(1, 3_057_500, 2).path(), "tile/1/x003/x057/500.p/2");
        let e = TileRef {
            kind: TileKind::Entries,
            index: 1234,
            width: 256,
        };
        assert_eq!(e.path(), "tile/entries/x001/234");
        for path in [
            "tile/0/001",
            "tile/4/001.p/5",
            "tile/3/x123/x456/078",
            "tile/entries/x001/234",
            "tile/entries/000.p/17",
        ] {
            assert_eq!(TileRef::parse(path).unwrap().path(), path);
        }
        for bad in [
            "tile/0/1",
            "tile/0/123/456",
            "tile/0/x000/001",
            "tile/0/001.p/0",
            "tile/0/001.p/256",
            "tile/0/001.p/05",
            "tile/-1/001",
            "tile/0/../etc",
            "tiles/0/001",
        ] {
            assert_eq!(TileRef::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_tiles_of_a_tree() {
        let paths: Vec<String> = tiles_of(300).iter().map(TileRef::path).collect();
        assert_eq!(
            paths,
            [
                "tile/0/000",
                "tile/0/001.p/44",
                "tile/1/000.p/1",
                "tile/entries/000",
                "tile/entries/001.p/44"
            ]
        );
        assert!(tiles_of(0).is_empty());
        assert_eq!(tile_width(0, 1, 300), 44);
        assert_eq!(tile_width(1, 0, 300), 1);
        assert_eq!(tile_width(2, 0, 300), 0);
    }

    #[test]
    fn bundles_round_trip() {
        let entries: [&[u8]; 3] = [b"a", b"", b"longer entry"];
        let bundle = entry_bundle(entries);
        assert_eq!(&bundle[..3], &[0, 1, b'a']);
        assert_eq!(parse_entry_bundle(&bundle).unwrap(), entries);
        assert_eq!(parse_entry_bundle(&bundle[..bundle.len() - 1]), None);
    }
}
