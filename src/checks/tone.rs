//! The tone of the text (replies by default, posts when asked): how hostile it reads, why, and calmer wording
//! (in the reader's language when the options give it, else in the text's).

use super::{Check, Input};
use crate::report::Report;
use crate::tone::Sensitivity;

pub struct Tone;

impl Check for Tone {
    fn run(&self, input: &Input, report: &mut Report) {
        if input.tone != Sensitivity::Off {
            report.tone = crate::tone::analyse(input.text, input.lang, input.tone);
            if let Some(lang) = input.options.ui_lang {
                crate::tone::tips_in(&mut report.tone, lang);
            }
        }
    }
}
