//! A plain border around the picture (a designer's frame, a margin of one colour): its thickness on each side,
//! found on the analysis pixels, so that a crop that cuts it off can say so.

use super::geometry::Side;
use super::saliency::Pixels;

/// Largest difference (of 255, per channel) from the corner's colour that still counts as the border (ours: JPEG
/// noise on a flat frame stays well below it).
const TOLERANCE: i32 = 24;
/// Fewest rows or columns of border on each side at analysis size (ours: one uniform edge row happens by chance).
const MIN_THICKNESS: usize = 2;

/// The border's thickness on each side, as a share of the image's height (top, bottom) or width (left, right).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Border {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
}

impl Border {
    /// The thickness on one side.
    pub fn on(self, side: Side) -> f64 {
        match side {
            Side::Top => self.top,
            Side::Bottom => self.bottom,
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// The border of an image: every side at least `MIN_THICKNESS` rows or columns of the corner's colour and less
/// than a third of the image; None otherwise (or for a blank image).
pub fn border(pixels: &Pixels) -> Option<Border> {
    let (w, h, c) = (pixels.width as usize, pixels.height as usize, usize::from(pixels.channels));
    if w == 0 || h == 0 || (c != 3 && c != 4) || pixels.data.len() != w * h * c {
        return None;
    }
    let colour = |x: usize, y: usize| {
        let px = &pixels.data[(y * w + x) * c..][..c];
        let alpha = if c == 4 { i32::from(px[3]) } else { 255 };
        // Over white, as the platforms show transparent pixels.
        [0, 1, 2].map(|k| (i32::from(px[k]) * alpha + 255 * (255 - alpha)) / 255)
    };
    let frame = colour(0, 0);
    let plain = |x: usize, y: usize| {
        let [r, g, b] = colour(x, y);
        (r - frame[0]).abs() <= TOLERANCE && (g - frame[1]).abs() <= TOLERANCE && (b - frame[2]).abs() <= TOLERANCE
    };
    let row = |y: usize| (0..w).all(|x| plain(x, y));
    let column = |x: usize| (0..h).all(|y| plain(x, y));
    // The first side without a border ends the search (a photo of an even sky is not scanned whole four times).
    let left = thickness(0..w, w, column)?;
    let right = thickness((0..w).rev(), w, column)?;
    let top = thickness(0..h, h, row)?;
    let bottom = thickness((0..h).rev(), h, row)?;
    Some(Border { top, bottom, left, right })
}

/// The border's thickness on one side, as a share of `side` lines, reading `lines` from the edge inwards; None
/// unless it is at least `MIN_THICKNESS` lines and thinner than a third of the image. The scan stops one line past
/// that third.
fn thickness(lines: impl Iterator<Item = usize>, side: usize, is_plain: impl Fn(usize) -> bool) -> Option<f64> {
    let n = lines.take((side - 1) / 3 + 1).take_while(|&line| is_plain(line)).count();
    (n >= MIN_THICKNESS && n * 3 < side).then_some(n as f64 / side as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w × h` RGB picture of noisy texture inside a white frame `t` pixels thick (`t = 0`: no frame).
    fn framed(w: usize, h: usize, t: usize) -> Pixels {
        let mut data = Vec::with_capacity(w * h * 3);
        for y in 0..h {
            for x in 0..w {
                let inside = x >= t && y >= t && x + t < w && y + t < h;
                let v = if inside { ((x * 7 + y * 13) % 200) as u8 } else { 250 - ((x + y) % 3) as u8 };
                data.extend_from_slice(&[v, v / 2, 255 - v]);
            }
        }
        Pixels { width: w as u32, height: h as u32, channels: 3, data }
    }

    #[test]
    fn a_frame_is_found_with_its_thickness() {
        let b = border(&framed(100, 200, 10)).expect("a frame");
        assert_eq!((b.top, b.bottom, b.left, b.right), (0.05, 0.05, 0.1, 0.1));
    }

    #[test]
    fn a_frame_is_thinner_than_a_third_of_the_image() {
        let b = border(&framed(100, 200, 33)).expect("33 of 100 columns is a frame");
        assert_eq!((b.left, b.top), (0.33, 0.165));
        assert_eq!(border(&framed(100, 200, 34)), None);
    }

    #[test]
    fn photos_blank_images_and_thin_lines_have_no_frame() {
        assert_eq!(border(&framed(100, 200, 0)), None);
        assert_eq!(border(&framed(100, 200, 1)), None);
        assert_eq!(border(&Pixels { width: 4, height: 4, channels: 3, data: vec![9; 48] }), None);
        assert_eq!(border(&Pixels { width: 4, height: 4, channels: 3, data: vec![9; 47] }), None);
    }
}
