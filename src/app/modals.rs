//! The messages and questions shown over the window: one at a time, the rest waiting their turn.

use crate::ui::Modal;
use std::collections::VecDeque;

#[derive(Debug, Default)]
pub struct Modals {
    shown: Option<Modal>,
    /// Waiting for the one on screen to be dismissed.
    queued: VecDeque<Modal>,
}

impl Modals {
    /// Shows `modal` now, or after the one on screen is answered.
    pub fn queue(&mut self, modal: Modal) {
        if self.shown.is_none() {
            self.shown = Some(modal);
        } else {
            self.queued.push_back(modal);
        }
    }

    /// Shows `modal` now in place of the one on screen (a question that follows from the
    /// answer to it).
    pub fn replace(&mut self, modal: Modal) {
        self.shown = Some(modal);
    }

    /// The one on screen was answered or closed. The next waiting one comes up at the end of
    /// the frame, so a question the answer raises goes first.
    pub fn dismiss(&mut self) {
        self.shown = None;
    }

    /// At the end of a frame: the next waiting one, if nothing is on screen.
    pub fn advance(&mut self) {
        if self.shown.is_none() {
            self.shown = self.queued.pop_front();
        }
    }

    pub fn shown(&self) -> Option<&Modal> {
        self.shown.as_ref()
    }

    pub fn shown_mut(&mut self) -> Option<&mut Modal> {
        self.shown.as_mut()
    }

    /// Takes the one on screen down if `is_it` says it is the one meant.
    pub fn dismiss_if(&mut self, is_it: impl FnOnce(&Modal) -> bool) {
        if self.shown.as_ref().is_some_and(is_it) {
            self.shown = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Modal {
        Modal::Message {
            title: "标题".to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn a_queued_message_waits_for_the_one_on_screen() {
        let mut modals = Modals::default();
        modals.queue(message("一"));
        modals.queue(message("二"));
        assert_eq!(modals.shown(), Some(&message("一")));
        modals.dismiss();
        assert_eq!(modals.shown(), None);
        modals.advance();
        assert_eq!(modals.shown(), Some(&message("二")));
        modals.dismiss();
        modals.advance();
        assert_eq!(modals.shown(), None);
    }

    #[test]
    fn a_question_raised_by_an_answer_goes_before_the_queue() {
        let mut modals = Modals::default();
        modals.queue(message("一"));
        modals.queue(message("排队"));
        modals.dismiss();
        modals.queue(message("追问"));
        modals.advance();
        assert_eq!(modals.shown(), Some(&message("追问")));
    }
}
