//! A walk over a GIF's blocks before it is decoded. A frame may stick out of the image's own canvas (the "logical
//! screen"; browsers show such files), but the decoder then works on the frame's whole declared area: the fuzzer
//! found 116-byte files declaring a 36,480 × 32,785 frame in a 24 × 16 image that took seconds to decode. A frame
//! outside the canvas and larger than Stratège decodes (`MAX_DECODE_PIXELS`) is refused as damaged. The walk reads
//! only block headers and sizes: its work is bounded by the file's length.

use super::decode::MAX_DECODE_PIXELS;

/// `Err` with the reason when a frame of the GIF `file` lies outside its canvas with more pixels than Stratège
/// decodes; `Ok` otherwise, or when the file ends early (the decoder then says what is wrong).
pub fn check(file: &[u8]) -> Result<(), String> {
    let Some(header) = file.get(..13) else { return Ok(()) };
    let (width, height) = (u16le(&header[6..8]), u16le(&header[8..10]));
    let mut at = 13 + color_table(header[10]);
    while let Some(&block) = file.get(at) {
        match block {
            // Extension: its label, then data sub-blocks.
            0x21 => at = skip_sub_blocks(file, at + 2),
            // Image descriptor: left, top, width, height, flags; then an optional colour table, the LZW code size
            // and the image data sub-blocks.
            0x2c => {
                let Some(descriptor) = file.get(at + 1..at + 10) else { return Ok(()) };
                let (left, top) = (u32::from(u16le(&descriptor[0..2])), u32::from(u16le(&descriptor[2..4])));
                let (w, h) = (u32::from(u16le(&descriptor[4..6])), u32::from(u16le(&descriptor[6..8])));
                let outside = left + w > u32::from(width) || top + h > u32::from(height);
                if outside && u64::from(w) * u64::from(h) > MAX_DECODE_PIXELS {
                    return Err(format!(
                        "a damaged GIF: a frame of {w} × {h} pixels at {left}, {top} outside its {width} × {height} \
                         image"
                    ));
                }
                at = skip_sub_blocks(file, at + 10 + color_table(descriptor[8]) + 1);
            }
            _ => return Ok(()), // the trailer (0x3b), or bytes the decoder will refuse
        }
    }
    Ok(())
}

fn u16le(bytes: &[u8]) -> u16 {
    u16::from_le_bytes([bytes[0], bytes[1]])
}

/// The size of the colour table a flags byte announces (none when its top bit is clear).
fn color_table(flags: u8) -> usize {
    if flags & 0x80 == 0 {
        0
    } else {
        3 << ((flags & 7) + 1)
    }
}

/// The position after the data sub-blocks starting at `at` (each a length byte and that many bytes, ending with 0).
fn skip_sub_blocks(file: &[u8], mut at: usize) -> usize {
    while let Some(&len) = file.get(at) {
        at += 1;
        if len == 0 {
            break;
        }
        at += usize::from(len);
    }
    at
}

#[cfg(test)]
mod tests {
    use super::check;

    /// A 2 × 2 GIF with one frame of `w` × `h` at 0, 0 (no colour tables, minimal image data).
    fn gif(w: u16, h: u16) -> Vec<u8> {
        let mut file = b"GIF89a".to_vec();
        file.extend([2, 0, 2, 0, 0, 0, 0]);
        file.extend([0x21, 0xf9, 4, 0, 0, 0, 0, 0]);
        file.push(0x2c);
        file.extend([0, 0, 0, 0]);
        file.extend(w.to_le_bytes());
        file.extend(h.to_le_bytes());
        file.extend([0, 2, 2, 0x44, 0x01, 0, 0x3b]);
        file
    }

    #[test]
    fn a_huge_frame_outside_the_canvas_is_refused() {
        assert_eq!(check(&gif(2, 2)), Ok(()));
        assert_eq!(check(&gif(1, 2)), Ok(()));
        assert_eq!(check(&gif(300, 200)), Ok(()), "a small frame outside the canvas is decoded, as browsers show it");
        let refused = check(&gif(36_480, 32_785)).unwrap_err();
        assert!(refused.contains("36480 × 32785"), "{refused}");
    }

    #[test]
    fn truncated_and_empty_files_are_left_to_the_decoder() {
        assert_eq!(check(b""), Ok(()));
        assert_eq!(check(&gif(36_480, 32_785)[..20]), Ok(()));
    }
}
